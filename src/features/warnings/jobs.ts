import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import { showDms, translatorFor } from "../../platform/slack/index.js";
import { findEscalation } from "../escalations/index.js";
import { findTeam } from "../team/index.js";
import { warningMessages } from "./messages.js";
import { findWarning, saveWarningMessage, warningDmsOf } from "./store.js";
import { issuerMessage, levelName, repMessage } from "./views.js";

/** The DMs a warning owes people: the rep's and the issuer's, posted once then updated; receipt notices. */
export function registerWarningJobs(deps: Deps): void {
  deps.jobs.define(
    "warnings.show",
    z.object({ workspaceId: z.string(), warningId: z.number().int() }),
    ({ workspaceId, warningId }) => showWarning(deps, workspaceId, warningId),
    { policy: "serial" },
  );
  deps.jobs.define(
    "warnings.tell",
    z.object({ workspaceId: z.string(), warningId: z.number().int(), userId: z.string() }),
    async ({ workspaceId, warningId, userId }) => {
      const warning = await findWarning(deps.db, workspaceId, warningId);
      if (!warning?.acknowledgedAt) return;
      const team = warning.teamId === null ? null : await findTeam(deps.db, workspaceId, warning.teamId);
      const slack = inWorkspace(deps, workspaceId);
      const t = await translatorFor(slack, warningMessages, userId, team?.team.locale ?? "en");
      await slack.slack.postMessage({
        channel: userId,
        text: t.t("warnings.told.acknowledged", {
          rep: warning.repId,
          level: levelName(t, warning.level),
          by: warning.issuedBy,
          at: t.date(warning.acknowledgedAt, team?.team.timeZone ?? "UTC", "dateTime"),
        }),
      });
    },
  );
}

/**
 * Every DM about a warning as it is now: who has one gets it updated; the rep and the issuer get one
 * posted the first time, remembered at once so a retry never posts twice.
 */
async function showWarning(deps: Deps, workspaceId: string, warningId: number): Promise<void> {
  const warning = await findWarning(deps.db, workspaceId, warningId);
  if (!warning) return;
  const slack = inWorkspace(deps, workspaceId);
  const team = warning.teamId === null ? null : await findTeam(deps.db, workspaceId, warning.teamId);
  const zone = team?.team.timeZone ?? "UTC";
  const escalation =
    warning.escalationId === null ? null : await findEscalation(deps.db, workspaceId, warning.escalationId);
  const render = async (userId: string, role: "rep" | "issuer") => {
    const t = await translatorFor(slack, warningMessages, userId, team?.team.locale ?? "en");
    if (role === "rep") return repMessage(t, warning, zone);
    const answers = await deps.hooks.ask("warnings.actions", {
      warning,
      language: t.language,
      locale: t.locale,
    });
    return issuerMessage(t, warning, zone, escalation, answers.flat());
  };
  const sent = await warningDmsOf(deps.db, warning.id);
  await showDms(slack.slack, {
    sent: sent.map((m) => ({ ...m, key: m.role })),
    owed: [
      { userId: warning.repId, key: "rep" },
      { userId: warning.issuedBy, key: "issuer" },
    ],
    render,
    remember: ({ key, ...dm }) => saveWarningMessage(deps.db, { warningId: warning.id, role: key, ...dm }),
  });
  // The rep's Home asks for the receipt until it is acknowledged.
  await homeChanged(deps, { workspaceId, userIds: [warning.repId, warning.issuedBy] });
}
