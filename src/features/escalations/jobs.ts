import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import type { Translator } from "../../platform/i18n/index.js";
import { showDms, translatorFor } from "../../platform/slack/index.js";
import { type Progress, repProgress } from "../quota/index.js";
import { findTeam } from "../team/index.js";
import { type EscalationMessages, escalationMessages } from "./messages.js";
import { handlersOf } from "./service.js";
import { escalationDmsOf, findEscalation, saveEscalationMessage } from "./store.js";
import { handlerMessage, raiserMessage } from "./views.js";

/** The DMs an escalation owes people: to its handlers and to the executive, posted once, then updated. */
export function registerEscalationJobs(deps: Deps): void {
  deps.jobs.define(
    "escalations.show",
    z.object({ workspaceId: z.string(), escalationId: z.number().int() }),
    ({ workspaceId, escalationId }) => showEscalation(deps, workspaceId, escalationId),
    { policy: "serial" },
  );
}

/** The rep's attainment and pace this period, in one line; null when the rep is in no team. */
function quotaLine(t: Translator<EscalationMessages>, progress: Progress | null): string | null {
  if (!progress) return null;
  const { pace } = progress;
  if (pace.attainment === null || pace.label === null) return t.t("escalations.quota.noTarget");
  return t.t("escalations.quota.pace", {
    attainment: t.percent(pace.attainment),
    expected: t.percent(pace.expected),
    pace: t.t(`escalations.pace.${pace.label}`),
  });
}

/**
 * Every DM about an escalation as it is now. Who already has one gets it updated; a handler without one
 * (the first run, a retry after some were posted, a supervisor who joined since) gets one posted while it
 * is not resolved, and so does the executive. Posted DMs are remembered at once, so a retry never posts twice.
 */
async function showEscalation(deps: Deps, workspaceId: string, escalationId: number): Promise<void> {
  const escalation = await findEscalation(deps.db, workspaceId, escalationId);
  if (!escalation) return;
  const slack = inWorkspace(deps, workspaceId);
  const team = escalation.teamId === null ? null : await findTeam(deps.db, workspaceId, escalation.teamId);
  // A rep who has left the team since: its quota no longer says anything about them.
  const progress =
    team?.repIds.includes(escalation.repId) === true
      ? await repProgress(deps, team.team, escalation.repId, deps.clock.now())
      : null;
  const { handlers } = await handlersOf(deps, escalation);
  const sent = await escalationDmsOf(deps.db, escalation.id);
  const render = async (userId: string, role: "handler" | "raiser") => {
    const t = await translatorFor(slack, escalationMessages, userId, team?.team.locale ?? "en");
    const answers = await deps.hooks.ask("escalations.record", {
      escalation,
      language: t.language,
      locale: t.locale,
      viewer: role,
    });
    const record = {
      lines: answers.flatMap((a) => a.lines),
      buttons: answers.flatMap((a) => a.buttons),
    };
    return role === "handler"
      ? handlerMessage(t, escalation, quotaLine(t, progress), record)
      : raiserMessage(t, escalation, handlers, record.lines);
  };
  await showDms(slack.slack, {
    sent: sent.map((m) => ({ ...m, key: m.role })),
    owed: [
      ...(escalation.status === "resolved"
        ? []
        : handlers.map((userId) => ({ userId, key: "handler" as const }))),
      { userId: escalation.raisedBy, key: "raiser" },
    ],
    render,
    remember: ({ key, ...dm }) =>
      saveEscalationMessage(deps.db, { escalationId: escalation.id, role: key, ...dm }),
  });
  // Its handlers' Homes list it while it is open; the executive's shows each team's open escalations.
  await homeChanged(deps, { workspaceId, userIds: [...handlers, escalation.raisedBy] });
}
