import { type Actor, actorFrom, decide } from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import { routineSettings } from "./routine-store.js";
import type { RoutineSettings } from "./routines.js";
import { findTeam, listTeams, loadChannelOverview, type Membership, type TeamWithMembers } from "./store.js";

export type TeamOverview =
  | {
      kind: "team";
      team: TeamWithMembers;
      actor: Actor;
      boundHere: boolean;
      mayManage: boolean;
      routines: RoutineSettings;
    }
  | { kind: "several"; teams: Membership[]; actor: Actor }
  | { kind: "none"; actor: Actor; mayCreate: boolean; channelId: string };

/**
 * `/team`: the team of this channel, else the person's own team, else how to get one. The slash
 * command's hot path: the channel's team and who the person is come in one round trip.
 */
export async function overview(ctx: RequestContext): Promise<TeamOverview> {
  const { deps, workspaceId, userId } = ctx;
  const channelId = ctx.channelId ?? "";
  const { here, memberships, granted } = await loadChannelOverview(deps.db, workspaceId, channelId, userId);
  const actor = await actorFrom(deps, workspaceId, userId, memberships, granted);
  const mayManage = (teamId: number) => decide(actor, { type: "team.manage", teamId }).allowed;
  const routinesOf = (teamId: number) => routineSettings(deps.db, workspaceId, teamId);
  if (here) {
    const { routines, ...team } = here;
    return { kind: "team", team, actor, boundHere: true, mayManage: mayManage(here.team.id), routines };
  }
  if (memberships.length === 1 && memberships[0]) {
    const team = await findTeam(deps.db, workspaceId, memberships[0].teamId);
    if (team) {
      const routines = await routinesOf(team.team.id);
      return { kind: "team", team, actor, boundHere: false, mayManage: mayManage(team.team.id), routines };
    }
  }
  if (memberships.length > 1) return { kind: "several", teams: memberships, actor };
  return { kind: "none", actor, mayCreate: decide(actor, { type: "team.create" }).allowed, channelId };
}

export async function teamsInWorkspace(ctx: RequestContext): Promise<TeamWithMembers[]> {
  return listTeams(ctx.deps.db, ctx.workspaceId);
}
