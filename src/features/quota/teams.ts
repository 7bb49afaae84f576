import { decide } from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { UserError } from "../../platform/errors.js";
import { ensureAllowedIn, findTeam, findTeamByChannel, type TeamWithMembers } from "../team/index.js";
import { quotaProblems } from "./problems.js";

const { error } = quotaProblems;

/**
 * Why someone who sells in no team has no sales of their own: they lead a team, they are an admin or an
 * executive (who record no sales), or they are in no team yet.
 */
export async function notARep(ctx: RequestContext): Promise<UserError> {
  const actor = await ctx.actor();
  const [led] = actor.supervises;
  if (led !== undefined) {
    const team = await findTeam(ctx.deps.db, ctx.workspaceId, led);
    return error("quota.checkin.supervisor", { team: team?.team.name ?? "" });
  }
  if (actor.admin) return error("quota.notRep.admin");
  if (actor.executive) return error("quota.notRep.executive");
  return error("quota.noTeam");
}

/**
 * The team a command is about: the channel's team, else the person's own (the team they sell in, or the
 * one team they lead). Executives and admins must be in the team's channel.
 */
export async function teamInContext(ctx: RequestContext): Promise<TeamWithMembers> {
  const here = ctx.channelId ? await findTeamByChannel(ctx.deps.db, ctx.workspaceId, ctx.channelId) : null;
  if (here) return here;
  const actor = await ctx.actor();
  const own = actor.repOf ?? (actor.supervises.length === 1 ? actor.supervises[0] : undefined);
  if (own !== undefined) {
    const team = await findTeam(ctx.deps.db, ctx.workspaceId, own);
    if (team) return team;
  }
  throw error(actor.supervises.length > 1 ? "quota.team.several" : "quota.team.none");
}

/** What a supervisor does that a refusal can name. */
export type SupervisorWork = "targets" | "entries" | "settings";

/** Refuses, saying who may, unless the person runs the team (its supervisors and admins). */
export async function ensureRuns(
  ctx: RequestContext,
  team: TeamWithMembers,
  work: SupervisorWork,
): Promise<void> {
  const actor = await ctx.actor();
  if (decide(actor, { type: "team.manage", teamId: team.team.id }).allowed) return;
  throw error("quota.refused", { team: team.team.name, supervisors: team.supervisorIds, work });
}

/** Refuses unless the person may see the team's figures: its people, executives and admins. */
export async function ensureSees(ctx: RequestContext, team: TeamWithMembers): Promise<void> {
  await ensureAllowedIn(ctx, { type: "team.view", teamId: team.team.id }, team);
}
