import { z } from "zod";
import type { Actor } from "../../platform/access/index.js";
import type { Db } from "../../platform/db/index.js";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { translatorFor } from "../../platform/slack/index.js";
import { teamMessages } from "./messages.js";
import type { Team } from "./schema.js";
import { findTeam } from "./store.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Tells a person by DM that their place in a team changed. */
    "team.member.notice": {
      workspaceId: string;
      teamId: number;
      userId: string;
      change: "added" | "nowSupervisor" | "removed";
      by: string;
    };
  }
}

/** Someone's place in a team, as the audit log and the notices speak of it. */
export interface Placement {
  userId: string;
  role: "supervisor" | "rep";
}

/**
 * Tells people, by DM in their own language, that their place in a team changed: sent in the transaction
 * of the change (so they are told exactly when it happened), never to the person who made it.
 */
export async function sendPlacementNotices(
  deps: Deps,
  tx: Db,
  actor: Actor,
  team: Pick<Team, "id" | "workspaceId">,
  added: readonly Placement[],
  removed: readonly string[],
): Promise<void> {
  const notices = [
    ...added.map((p) => ({ userId: p.userId, change: p.role === "supervisor" ? "nowSupervisor" : "added" })),
    ...removed.map((userId) => ({ userId, change: "removed" })),
  ] as const;
  for (const { userId, change } of notices) {
    if (userId === actor.userId) continue;
    await deps.jobs.send(
      "team.member.notice",
      {
        workspaceId: team.workspaceId,
        teamId: team.id,
        userId,
        change: change as "added" | "nowSupervisor" | "removed",
        by: actor.userId,
      },
      { tx },
    );
  }
}

const memberNotice = z.object({
  workspaceId: z.string(),
  teamId: z.number().int(),
  userId: z.string(),
  change: z.enum(["added", "nowSupervisor", "removed"]),
  by: z.string(),
});

export function registerTeamJobs(deps: Deps): void {
  deps.jobs.define(
    "team.member.notice",
    memberNotice,
    async ({ workspaceId, teamId, userId, change, by }) => {
      const found = await findTeam(deps.db, workspaceId, teamId);
      if (!found) return;
      const team = found.team;
      const slack = inWorkspace(deps, workspaceId);
      const t = await translatorFor(slack, teamMessages, userId, team.locale);
      const key = (
        {
          added: "team.notice.added",
          nowSupervisor: "team.notice.nowSupervisor",
          removed: "team.notice.removed",
        } as const
      )[change];
      await slack.slack.postMessage({
        channel: userId,
        text: t.t(key, { team: team.name, channel: team.channelId, by }),
      });
    },
  );
}
