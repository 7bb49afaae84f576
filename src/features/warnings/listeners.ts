import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  type Reply,
  type Router,
  textValue,
  viewListener,
} from "../../platform/slack/index.js";
import { isLocalDate } from "../../platform/time/index.js";
import { handledEscalation } from "../escalations/index.js";
import { parseWarnCommand } from "./command.js";
import { registerWarningJobs } from "./jobs.js";
import { type WarningMessages, warningMessages } from "./messages.js";
import { registerWarningHooks } from "./record.js";
import { WARNING_LEVELS, WARNING_REASONS, type WarningLevel, type WarningReason } from "./schema.js";
import {
  acknowledgeReceipt,
  history,
  issue,
  mine,
  placeOf,
  WARNING_FIELD,
  type WarnInput,
  warnForm,
} from "./service.js";
import { helpReply, listReply, sentModal, WARNING_IDS, warnModal } from "./views.js";

const { error } = problemsOf<WarningMessages>();
const idValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  registerWarningJobs(deps);
  registerWarningHooks(deps);

  router.command(
    WARNING_IDS.command,
    commandListener(deps, warningMessages, (request) => handleWarnCommand(request)),
  );

  router.view(
    WARNING_IDS.submitView,
    viewListener(deps, warningMessages, async ({ ctx, view, t }) => {
      const warning = await issue(ctx, readForm(view));
      return { update: sentModal(t, warning) };
    }),
  );

  // The rep changed in the form: the suggestion and the rep's escalations follow.
  router.action(
    WARNING_IDS.repSelect,
    actionListener(deps, warningMessages, async ({ ctx, body, t }) => {
      const action = body.actions[0] as { selected_user?: string | null } | undefined;
      const viewId = body.view?.id;
      if (!viewId) return undefined;
      const form = await warnForm(ctx, { repId: action?.selected_user ?? null });
      await ctx.slack.updateView(viewId, warnModal(t, form));
      return undefined;
    }),
  );

  router.action(
    WARNING_IDS.acknowledge,
    actionListener(deps, warningMessages, async ({ ctx, value, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("warnings.gone");
      const { warning, already } = await acknowledgeReceipt(ctx, id.data);
      if (!already) return { text: t.t("warnings.done.acknowledged") };
      const { zone } = await placeOf(ctx.deps, ctx.workspaceId, warning.repId);
      return {
        text: t.t("warnings.already.acknowledged", {
          at: t.date(warning.acknowledgedAt ?? warning.issuedAt, zone, "dateTime"),
        }),
      };
    }),
  );

  // "Issue a warning" on an escalation's DM: the form with the rep and the escalation filled in.
  router.action(
    WARNING_IDS.fromEscalation,
    actionListener(deps, warningMessages, async ({ ctx, value, triggerId, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("warnings.escalationResolved");
      const escalation = await handledEscalation(ctx, id.data);
      if (escalation.status === "resolved") throw error("warnings.escalationResolved");
      const form = await warnForm(ctx, { repId: escalation.repId, escalationId: escalation.id });
      await ctx.slack.openView(triggerId, warnModal(t, form));
      return undefined;
    }),
  );
}

async function handleWarnCommand(request: CommandRequest<WarningMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parseWarnCommand(request.text);
  switch (command.kind) {
    case "form": {
      const form = await warnForm(ctx, { repId: command.repId });
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, warnModal(t, form));
      return undefined;
    }
    case "history":
      if (!command.repId) return { text: t.t("warnings.history.repMissing") };
      return listReply(t, await history(ctx, command.repId), command.repId === ctx.userId);
    case "mine":
      return listReply(t, await mine(ctx), true);
    case "help":
      return helpReply(t);
  }
}

const selected = z.object({ value: z.string() }).nullish();
const formState = z.object({
  [WARNING_FIELD.rep]: z.object({
    [WARNING_IDS.repSelect]: z.object({ selected_user: z.string().nullish() }),
  }),
  [WARNING_FIELD.level]: z.object({ value: z.object({ selected_option: selected }) }),
  [WARNING_FIELD.reason]: z.object({ value: z.object({ selected_option: selected }) }),
  [WARNING_FIELD.escalation]: z.object({ value: z.object({ selected_option: selected }) }).optional(),
  [WARNING_FIELD.expiry]: z.object({ value: z.object({ selected_date: z.string().nullish() }) }),
});

function readForm(view: ViewSubmitAction["view"]): WarnInput {
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const s = state.data;
  const level = s[WARNING_FIELD.level].value.selected_option?.value ?? "";
  const reason = s[WARNING_FIELD.reason].value.selected_option?.value ?? "";
  const escalation = idValue.safeParse(s[WARNING_FIELD.escalation]?.value.selected_option?.value);
  const expiry = s[WARNING_FIELD.expiry].value.selected_date ?? null;
  return {
    repId: s[WARNING_FIELD.rep][WARNING_IDS.repSelect].selected_user ?? null,
    level: (WARNING_LEVELS as readonly string[]).includes(level) ? (level as WarningLevel) : null,
    reason: (WARNING_REASONS as readonly string[]).includes(reason) ? (reason as WarningReason) : null,
    details: textValue(view, WARNING_FIELD.details),
    escalationId: escalation.success ? escalation.data : null,
    expiresOn: expiry && isLocalDate(expiry) ? expiry : null,
  };
}
