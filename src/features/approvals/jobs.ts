import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import { showDms, translatorFor } from "../../platform/slack/index.js";
import { findTeam } from "../team/index.js";
import { approvalMessages } from "./messages.js";
import { decidersFor, describeApproval } from "./service.js";
import { approvalMessagesOf, findApproval, saveApprovalMessage } from "./store.js";
import { deciderMessage } from "./views.js";

/** The DMs the workflow owes people: to deciders (posted once, then updated in place) and about decisions. */
export function registerApprovalJobs(deps: Deps): void {
  deps.jobs.define(
    "approvals.show",
    z.object({ workspaceId: z.string(), requestId: z.number().int() }),
    ({ workspaceId, requestId }) => showToDeciders(deps, workspaceId, requestId),
    { policy: "serial" },
  );

  deps.jobs.define(
    "approvals.tell",
    z.object({
      workspaceId: z.string(),
      requestId: z.number().int(),
      userId: z.string(),
      event: z.enum(["approved", "denied", "cancelled"]),
    }),
    async ({ workspaceId, requestId, userId, event }) => {
      const request = await findApproval(deps.db, workspaceId, requestId);
      const team = request ? await findTeam(deps.db, workspaceId, request.teamId) : null;
      if (!request || !team) return;
      const slack = inWorkspace(deps, workspaceId);
      const t = await translatorFor(slack, approvalMessages, userId, team.team.locale);
      const { summary } = await describeApproval(deps, request, t.language, t.locale, false);
      const text =
        event === "approved"
          ? t.t("approvals.told.approved", { by: request.decidedBy ?? "", summary })
          : event === "denied"
            ? t.t("approvals.told.denied", {
                by: request.decidedBy ?? "",
                summary,
                reason: request.reason ?? "",
              })
            : t.t("approvals.told.cancelled", { by: request.requesterId, summary });
      await slack.slack.postMessage({ channel: userId, text });
    },
  );
}

/**
 * Each decider's DM as the request is now. Who already has one gets it updated; a decider without one
 * (the first run, a retry after some were posted, a supervisor who joined since) gets one posted while the
 * request is still pending. Posted DMs are remembered at once, so a retry never posts one twice.
 */
async function showToDeciders(deps: Deps, workspaceId: string, requestId: number): Promise<void> {
  const request = await findApproval(deps.db, workspaceId, requestId);
  const team = request ? await findTeam(deps.db, workspaceId, request.teamId) : null;
  if (!request || !team) return;
  const slack = inWorkspace(deps, workspaceId);
  const sent = await approvalMessagesOf(deps.db, request.id);
  const render = async (userId: string) => {
    const t = await translatorFor(slack, approvalMessages, userId, team.team.locale);
    const description = await describeApproval(deps, request, t.language, t.locale, true);
    return deciderMessage(t, request, description, team.team.name);
  };
  const deciders =
    request.status === "pending" ? await decidersFor(deps, team, request.route, request.requesterId) : [];
  await showDms(slack.slack, {
    sent: sent.map((m) => ({ ...m, key: "decider" as const })),
    owed: deciders.map((userId) => ({ userId, key: "decider" as const })),
    render,
    remember: ({ key: _key, ...dm }) => saveApprovalMessage(deps.db, { requestId: request.id, ...dm }),
  });
  // The requester's Home lists it while it waits; every decider's Home shows it with its buttons.
  await homeChanged(deps, {
    workspaceId,
    userIds: [request.requesterId, ...deciders, ...sent.map((m) => m.userId)],
  });
}
