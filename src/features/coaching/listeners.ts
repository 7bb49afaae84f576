import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  readMetadata,
  textValue,
  viewListener,
} from "../../platform/slack/index.js";
import { isLocalDate } from "../../platform/time/index.js";
import { parseCoachCommand } from "./command.js";
import { registerCoachingJobs } from "./jobs.js";
import { type CoachingMessages, coachingMessages } from "./messages.js";
import { registerCoachingHooks } from "./record.js";
import { MAX_NOTE_LENGTH, REVIEW_FIELDS } from "./rules.js";
import { PLAN_OUTCOMES, type PlanOutcome, REVIEW_PROGRESS, type ReviewProgress } from "./schema.js";
import {
  CLOSE_FIELD,
  closable,
  closePlan,
  PLAN_FIELD,
  type PlanInput,
  type PlanSource,
  planForm,
  plansToCoach,
  RECORD_FIELD,
  recordable,
  recordProgress,
  repPlans,
  startPlan,
} from "./service.js";
import {
  COACHING_IDS,
  closeModal,
  doneModal,
  helpReply,
  listReply,
  planModal,
  recordModal,
  repPlansReply,
  startedModal,
} from "./views.js";

const { error, fieldError } = problemsOf<CoachingMessages>();
const idValue = z.coerce.number().int().positive();
const recordValue = z
  .string()
  .regex(/^\d+(:\d+)?$/)
  .transform((v) => {
    const [plan, review] = v.split(":");
    return { planId: Number(plan), reviewId: review === undefined ? null : Number(review) };
  });
/** The value of another feature's "Start a coaching plan" button. */
const startValue = z.object({
  repId: z.string().min(1),
  warningId: z.number().int().positive().optional(),
  escalationId: z.number().int().positive().optional(),
});

const selectedOption = z.object({ value: z.string() }).nullish();
const formState = z.object({
  [PLAN_FIELD.rep]: z.object({ value: z.object({ selected_user: z.string().nullish() }) }),
  [PLAN_FIELD.escalation]: z.object({ value: z.object({ selected_option: selectedOption }) }).optional(),
  ...Object.fromEntries(
    REVIEW_FIELDS.map((f) => [
      f,
      z.object({ value: z.object({ selected_date: z.string().nullish() }) }).optional(),
    ]),
  ),
});
const radioState = (field: string) =>
  z.object({ [field]: z.object({ value: z.object({ selected_option: selectedOption }) }) });

export function register(router: Router, deps: Deps): void {
  registerCoachingJobs(deps);
  registerCoachingHooks(deps);

  router.command(
    COACHING_IDS.command,
    commandListener(deps, coachingMessages, (request) => handleCoachCommand(request)),
  );

  // "Start a coaching plan" on an escalation's DM: the form with the rep, linked to the escalation.
  router.action(
    COACHING_IDS.fromEscalation,
    actionListener(deps, coachingMessages, async ({ ctx, value, triggerId, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("coaching.gone");
      return openForm(ctx, triggerId, t, { escalationId: id.data });
    }),
  );

  // Another feature's "Start a coaching plan" (a warning's DM): the form with the rep, linked.
  router.action(
    COACHING_IDS.start,
    actionListener(deps, coachingMessages, async ({ ctx, value, triggerId, t }) => {
      let json: unknown = null;
      try {
        json = JSON.parse(value ?? "");
      } catch {
        // the schema refuses null
      }
      const parsed = startValue.safeParse(json);
      if (!parsed.success) throw error("common.error.expiredForm");
      return openForm(ctx, triggerId, t, parsed.data);
    }),
  );

  router.view(
    COACHING_IDS.submitView,
    viewListener(deps, coachingMessages, async ({ ctx, view, t }) => {
      const started = await startPlan(ctx, readForm(view));
      if (!started.ok) return { errors: fieldErrors(t, started.errors) };
      return { update: startedModal(t, started.plan, started.coaches) };
    }),
  );

  router.action(
    COACHING_IDS.record,
    actionListener(deps, coachingMessages, async ({ ctx, value, triggerId, t }) => {
      const parsed = recordValue.safeParse(value);
      if (!parsed.success) throw error("coaching.gone");
      const { plan, review } = await recordable(ctx, parsed.data.planId, parsed.data.reviewId);
      await ctx.slack.openView(triggerId, recordModal(t, plan, review));
      return undefined;
    }),
  );

  router.view(
    COACHING_IDS.recordView,
    viewListener(deps, coachingMessages, async ({ ctx, view, t }) => {
      const { planId, reviewId } = readMetadata(
        view,
        z.object({ planId: z.number().int().positive(), reviewId: z.number().int().positive() }),
      );
      const progress = chosen(view, RECORD_FIELD.progress, REVIEW_PROGRESS);
      const note = textValue(view, RECORD_FIELD.note).slice(0, MAX_NOTE_LENGTH);
      if (!progress) throw fieldError(RECORD_FIELD.progress, "coaching.record.progressMissing");
      if (!note) throw fieldError(RECORD_FIELD.note, "coaching.record.noteMissing");
      const { plan } = await recordProgress(ctx, {
        planId,
        reviewId,
        progress: progress as ReviewProgress,
        note,
      });
      return {
        update: doneModal(t, t.t("coaching.record.title"), t.t("coaching.record.done", { rep: plan.repId })),
      };
    }),
  );

  router.action(
    COACHING_IDS.close,
    actionListener(deps, coachingMessages, async ({ ctx, value, triggerId, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("coaching.gone");
      const plan = await closable(ctx, id.data);
      await ctx.slack.openView(triggerId, closeModal(t, plan));
      return undefined;
    }),
  );

  router.view(
    COACHING_IDS.closeView,
    viewListener(deps, coachingMessages, async ({ ctx, view, t }) => {
      const { planId } = readMetadata(view, z.object({ planId: z.number().int().positive() }));
      const outcome = chosen(view, CLOSE_FIELD.outcome, PLAN_OUTCOMES);
      const note = textValue(view, CLOSE_FIELD.note).slice(0, MAX_NOTE_LENGTH);
      if (!outcome) throw fieldError(CLOSE_FIELD.outcome, "coaching.close.outcomeMissing");
      if (!note) throw fieldError(CLOSE_FIELD.note, "coaching.close.noteMissing");
      const plan = await closePlan(ctx, { planId, outcome: outcome as PlanOutcome, note });
      return {
        update: doneModal(t, t.t("coaching.close.title"), t.t("coaching.close.done", { rep: plan.repId })),
      };
    }),
  );
}

/** The option chosen in a radio field, when it is one of `allowed`. */
function chosen(view: ViewSubmitAction["view"], field: string, allowed: readonly string[]): string | null {
  const state = radioState(field).safeParse(view.state.values);
  const value = state.success ? state.data[field]?.value.selected_option?.value : undefined;
  return value && allowed.includes(value) ? value : null;
}

/** Opens the plan form for someone who may start one for that rep; the refusal is their private answer. */
async function openForm(
  ctx: RequestContext,
  triggerId: string,
  t: Parameters<typeof planModal>[0],
  from: PlanSource,
): Promise<Reply | undefined> {
  const form = await planForm(ctx, from);
  await ctx.slack.openView(triggerId, planModal(t, form));
  return undefined;
}

async function handleCoachCommand(request: CommandRequest<CoachingMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parseCoachCommand(request.text);
  switch (command.kind) {
    case "form": {
      const form = await planForm(ctx, command.repId ? { repId: command.repId } : {});
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, planModal(t, form));
      return undefined;
    }
    case "show":
      if (!command.repId) return { text: t.t("coaching.show.needRep") };
      return repPlansReply(t, await repPlans(ctx, command.repId), command.repId === ctx.userId);
    case "mine":
      return repPlansReply(t, await repPlans(ctx, ctx.userId), true);
    case "list":
      return listReply(t, await plansToCoach(ctx));
    case "help":
      return helpReply(t);
    case "unknown":
      return { text: t.t("coaching.usage", { word: command.word }) };
  }
}

function readForm(view: ViewSubmitAction["view"]): PlanInput {
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const s = state.data as Record<string, { value: Record<string, unknown> } | undefined>;
  const { warningId } = readMetadata(view, z.object({ warningId: z.number().int().positive().nullable() }));
  const date = (field: string) => {
    const value = s[field]?.value.selected_date;
    return typeof value === "string" && isLocalDate(value) ? value : null;
  };
  const escalation = (
    s[PLAN_FIELD.escalation]?.value.selected_option as { value?: string } | null | undefined
  )?.value;
  const escalationId = escalation ? idValue.safeParse(escalation) : null;
  return {
    repId: (s[PLAN_FIELD.rep]?.value.selected_user as string | null | undefined) ?? null,
    goal: textValue(view, PLAN_FIELD.goal),
    actions:
      (view.state.values[PLAN_FIELD.actions]?.value as { value?: string | null } | undefined)?.value ?? "",
    reviewDates: REVIEW_FIELDS.map(date),
    escalationId: escalationId?.success ? escalationId.data : null,
    warningId,
  };
}
