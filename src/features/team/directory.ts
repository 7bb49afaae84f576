import {
  type Actor,
  decide,
  ensureAllowed,
  type MembershipSource,
  type Permission,
} from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import { teamProblems } from "./problems.js";
import { findTeam, findTeamByChannel, membershipsOf, type TeamWithMembers } from "./store.js";

const { error } = teamProblems;

/** The team directory's answer to the platform's "which teams is this person in?". */
export const teamMemberships: MembershipSource = { membershipsOf };

/** Throws the polite refusal for a denied permission about a team: it says who may. */
export async function ensureAllowedIn(
  ctx: RequestContext,
  permission: Permission,
  team?: TeamWithMembers,
  fromTeamName?: string,
): Promise<Actor> {
  const actor = await ctx.actor();
  await ensureAllowed(ctx.deps, actor, permission, {
    team: team ? { name: team.team.name, supervisorIds: team.supervisorIds } : undefined,
    fromTeamName,
  });
  return actor;
}

/** Whether the person may run the team (its supervisors and admins). */
export async function mayManage(ctx: RequestContext, teamId: number): Promise<boolean> {
  return decide(await ctx.actor(), { type: "team.manage", teamId }).allowed;
}

/**
 * The team a management command acts on: the one bound to the channel, else the only team the person
 * leads. Anything else is a polite question back.
 */
export async function targetTeam(ctx: RequestContext): Promise<TeamWithMembers> {
  return teamHereOrOnly(ctx, (actor) => actor.supervises);
}

/**
 * The team a command is about for anyone in a team: the one whose channel it runs in, else the only team
 * the person leads or sells in. Anything else is the polite question back.
 */
export async function memberTeam(ctx: RequestContext): Promise<TeamWithMembers> {
  return teamHereOrOnly(ctx, (actor) => [
    ...new Set([...actor.supervises, ...(actor.repOf === null ? [] : [actor.repOf])]),
  ]);
}

async function teamHereOrOnly(
  ctx: RequestContext,
  teamsOf: (actor: Awaited<ReturnType<RequestContext["actor"]>>) => readonly number[],
): Promise<TeamWithMembers> {
  const here = ctx.channelId ? await findTeamByChannel(ctx.deps.db, ctx.workspaceId, ctx.channelId) : null;
  if (here) return here;
  const ids = teamsOf(await ctx.actor());
  const [only, ...others] = ids;
  if (only !== undefined && others.length === 0) {
    const team = await findTeam(ctx.deps.db, ctx.workspaceId, only);
    if (team) return team;
  }
  throw error(ids.length > 1 ? "team.target.several" : "team.target.none");
}

/** A team of the person's workspace by id, or the polite "that team no longer exists". */
export async function teamById(ctx: RequestContext, teamId: number): Promise<TeamWithMembers> {
  const team = await findTeam(ctx.deps.db, ctx.workspaceId, teamId);
  if (!team) throw error("team.gone");
  return team;
}
