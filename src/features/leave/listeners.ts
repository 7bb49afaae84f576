import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { contextFor } from "../../platform/context.js";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { errorRef, type Problem, problemsOf, UserError } from "../../platform/errors.js";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  messageModal,
  type Reply,
  type Router,
  translatorFor,
  viewListener,
} from "../../platform/slack/index.js";
import { isLocalDate } from "../../platform/time/index.js";
import { teamToday } from "../team/index.js";
import { ALLOWANCE_FIELD, allowancesForm, saveAllowancesForm, setAllowance } from "./allowances.js";
import { parseLeaveCommand } from "./command.js";
import { describeLeave } from "./describe.js";
import { monthName, spanText } from "./format.js";
import { type LeaveMessages, leaveMessages } from "./messages.js";
import { LEAVE_TYPES, type LeaveType } from "./rules.js";
import {
  cancelLeave,
  cancellable,
  LEAVE_FIELD,
  type LeaveInput,
  leaveForm,
  myLeave,
  OVER_BALANCE_KEY,
  OVERLAP_KEY,
  reminderDays,
  requestLeave,
  teamAway,
  yearName,
} from "./service.js";
import { leaveAbsences } from "./store.js";
import {
  ALLOWANCES_VIEW,
  allowancesModal,
  allowancesSavedModal,
  cancelPickReply,
  helpReply,
  LEAVE_IDS,
  leaveModal,
  myLeaveReply,
  sentModal,
  summaryOf,
  teamAwayReply,
  typeName,
} from "./views.js";

const requestIdValue = z.coerce.number().int().positive();
const { error } = problemsOf<LeaveMessages>();

export function register(router: Router, deps: Deps): void {
  deps.absences.provide(leaveAbsences);
  deps.hooks.answer("approvals.describe", ({ request, language, locale, forDecider }) =>
    describeLeave(deps, request, language, locale, forDecider),
  );

  router.command(
    LEAVE_IDS.command,
    commandListener(deps, leaveMessages, (request) => handleLeaveCommand(request)),
  );

  // The global shortcut "Request leave": the same form as `/leave`, from anywhere in Slack.
  router.globalShortcut(LEAVE_IDS.shortcut, async ({ shortcut, ack, context }) => {
    await ack();
    const ctx = contextFor(deps, {
      workspaceId: context.teamId ?? shortcut.team?.id ?? "",
      userId: shortcut.user.id,
      requestId: shortcut.trigger_id,
    });
    const t = await translatorFor(inWorkspace(deps, ctx.workspaceId), leaveMessages, ctx.userId);
    try {
      const data = await leaveForm(ctx);
      await ctx.slack.openView(
        shortcut.trigger_id,
        leaveModal(t, data, teamToday(data.team.team, deps.clock)),
      );
    } catch (failure) {
      let text: string;
      if (failure instanceof UserError) text = t.raw(failure.key, failure.params);
      else {
        const ref = errorRef();
        deps.log.error(`shortcut ${LEAVE_IDS.shortcut} failed [ref ${ref}]`, failure);
        text = t.t("common.error.unexpected", { ref });
      }
      await ctx.slack.openView(shortcut.trigger_id, messageModal(t, text));
    }
  });

  router.view(
    LEAVE_IDS.submitView,
    viewListener(deps, leaveMessages, async ({ ctx, view, t }) => {
      const result = await requestLeave(ctx, readForm(view));
      if (!result.ok) return { errors: fieldErrors(t, inWords(t, result.errors)) };
      return { update: sentModal(t, result.leave, result.deciders) };
    }),
  );

  router.view(
    ALLOWANCES_VIEW,
    viewListener(deps, leaveMessages, async ({ ctx, view, t }) => {
      const values = view.state.values as Record<
        string,
        Record<string, { value?: string | null; selected_option?: { value: string } | null }>
      >;
      const text = (block: string) => values[block]?.value?.value ?? "";
      const result = await saveAllowancesForm(ctx, {
        days: Object.fromEntries(LEAVE_TYPES.map((type) => [type, text(ALLOWANCE_FIELD.days(type))])),
        startMonth: values[ALLOWANCE_FIELD.startMonth]?.value?.selected_option?.value ?? null,
        carry: text(ALLOWANCE_FIELD.carry),
      });
      if (!result.ok) return { errors: fieldErrors(t, result.errors) };
      return { update: allowancesSavedModal(t, result.saved) };
    }),
  );

  router.action(
    LEAVE_IDS.cancelButton,
    actionListener(deps, leaveMessages, async ({ ctx, value, t }) => {
      const id = requestIdValue.safeParse(value);
      if (!id.success) throw error("approvals.gone");
      const { leave, request } = await cancelLeave(ctx, id.data);
      const summary = summaryOf(t, leave);
      return {
        text: request.decidedBy
          ? t.t("leave.cancel.doneApproved", { summary, approver: request.decidedBy })
          : t.t("leave.cancel.done", { summary }),
      };
    }),
  );
}

async function handleLeaveCommand(request: CommandRequest<LeaveMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parseLeaveCommand(request.text);
  switch (command.kind) {
    case "form": {
      const data = await leaveForm(ctx);
      await request.ackEmpty();
      await ctx.slack.openView(
        request.triggerId,
        leaveModal(t, data, teamToday(data.team.team, ctx.deps.clock)),
      );
      return undefined;
    }
    case "help":
      return helpReply(t);
    case "list":
      return myLeaveReply(t, await myLeave(ctx));
    case "cancel": {
      const mine = await myLeave(ctx);
      return cancelPickReply(
        t,
        mine.leave.filter((item) => cancellable(item, mine.today)),
      );
    }
    case "team": {
      const { team, away, range } = await teamAway(ctx);
      return teamAwayReply(t, team.team.name, away, range);
    }
    case "allowanceForm": {
      const data = await allowancesForm(ctx);
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, allowancesModal(t, data));
      return undefined;
    }
    case "allowanceUsage":
      return { text: t.t("leave.allowance.usage") };
    case "allowance": {
      const { row } = await setAllowance(ctx, command);
      const type = typeName(t, command.type);
      if (!row) return { text: t.t("leave.allowance.cleared", { type }) };
      return {
        text: t.t("leave.allowance.set", {
          type,
          days: row.daysPerYear,
          month: monthName(t.locale, row.startMonth),
          carry: row.carryOverCap ? t.t("leave.allowance.carry", { days: row.carryOverCap }) : "",
        }),
      };
    }
    case "remind": {
      const days = await reminderDays(ctx, command.days);
      return { text: t.t(command.days === null ? "leave.remind.usage" : "leave.remind.set", { days }) };
    }
    case "unknown":
      return { text: t.t("leave.unknownWord", { word: command.word }) };
  }
}

/** Problems whose dates the rules left as dates, put in the person's words (the clash with their own leave). */
function inWords(t: Translator<LeaveMessages>, errors: Record<string, Problem>): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const [field, problem] of Object.entries(errors)) {
    const p = problem.params as { start?: string; end?: string; approved?: boolean } | undefined;
    const q = problem.params as { yearStart?: string; yearEnd?: string } | undefined;
    if (problem.key === OVERLAP_KEY && p?.start && p.end) {
      out[field] = {
        key: problem.key,
        params: { dates: spanText(t.locale, p.start, p.end), approved: Boolean(p.approved) },
      };
    } else if (problem.key === OVER_BALANCE_KEY && q?.yearStart && q.yearEnd) {
      out[field] = {
        key: problem.key,
        params: { ...problem.params, year: yearName(t.locale, { start: q.yearStart, end: q.yearEnd }) },
      };
    } else out[field] = problem;
  }
  return out;
}

const field = <S extends z.ZodType>(element: S) => z.object({ value: element }).optional();

/** The form's state as Slack sends it; anything missing or odd is left for the rules to name on its field. */
const formState = z.object({
  [LEAVE_FIELD.type]: field(z.object({ selected_option: z.object({ value: z.string() }).nullish() })),
  [LEAVE_FIELD.start]: field(z.object({ selected_date: z.string().nullish() })),
  [LEAVE_FIELD.end]: field(z.object({ selected_date: z.string().nullish() })),
  [LEAVE_FIELD.halfDay]: field(
    z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }),
  ),
  [LEAVE_FIELD.note]: field(z.object({ value: z.string().nullish() })),
});

function readForm(view: ViewSubmitAction["view"]): LeaveInput {
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const s = state.data;
  const type = s.type?.value.selected_option?.value;
  const date = (value: string | null | undefined) => (value && isLocalDate(value) ? value : null);
  const halves = new Set((s.halfDay?.value.selected_options ?? []).map((o) => o.value));
  return {
    type: (LEAVE_TYPES as readonly string[]).includes(type ?? "") ? (type as LeaveType) : null,
    start: date(s.start?.value.selected_date),
    end: date(s.end?.value.selected_date),
    halfDayStart: halves.has("start"),
    halfDayEnd: halves.has("end"),
    note: (s.note?.value.value ?? "").trim().slice(0, 500),
  };
}
