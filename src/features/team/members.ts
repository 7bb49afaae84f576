import type { Actor } from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db/index.js";
import { type PersonProblem, personProblems } from "../../platform/slack/index.js";
import { auditTeam, type TeamChange } from "./audit.js";
import { ensureAllowedIn } from "./directory.js";
import { placesChanged } from "./homes.js";
import { type Placement, sendPlacementNotices } from "./notices.js";
import { teamProblems } from "./problems.js";
import type { MemberRole } from "./schema.js";
import {
  bumpVersion,
  deleteMember,
  findTeam,
  insertMember,
  lockTeam,
  repTeamsOf,
  type TeamWithMembers,
} from "./store.js";

const { error, fieldError } = teamProblems;

/** Turns a unique-constraint failure on the team tables into what the person should hear, or rethrows. */
export function explainConflict(caught: unknown, names: { name?: string; channelId?: string }): never {
  if (isUniqueViolation(caught, "teams_workspace_name_key")) {
    throw fieldError("name", "team.create.nameTaken", { name: names.name ?? "" });
  }
  if (isUniqueViolation(caught, "teams_workspace_channel_key")) {
    throw fieldError("channel", "team.set.channelTaken", { channel: names.channelId ?? "" });
  }
  if (isUniqueViolation(caught, "team_members_one_team_per_rep")) {
    throw fieldError("reps", "team.member.changedMeanwhile");
  }
  throw caught;
}

/** Puts a person in the team (audited); false when they already had that place. */
async function placeMember(c: TeamChange, placement: Placement, movedFrom?: number): Promise<boolean> {
  const added = await insertMember(c.tx, {
    workspaceId: c.actor.workspaceId,
    teamId: c.teamId,
    ...placement,
    addedBy: c.actor.userId,
    addedAt: c.now,
  });
  if (!added) return false;
  if (movedFrom === undefined) await auditTeam(c, "team.member.add", null, placement);
  else
    await auditTeam(
      c,
      "team.member.move",
      { ...placement, teamId: movedFrom },
      { ...placement, teamId: c.teamId },
    );
  return true;
}

/** Takes a person out of the team (audited); false when they were not in it. */
async function unplaceMember(c: TeamChange, userId: string): Promise<boolean> {
  const role = await deleteMember(c.tx, c.actor.workspaceId, c.teamId, userId);
  if (!role) return false;
  await auditTeam(c, "team.member.remove", { userId, role }, null);
  return true;
}

/**
 * Makes a team's members exactly `wanted`, from the members it had (`current`): removals and additions,
 * each audited. Returns who joined and who left the team altogether (not role changes).
 */
export async function reconcileMembers(
  change: TeamChange,
  current: Placement[],
  wanted: Placement[],
): Promise<{ joined: Placement[]; left: string[] }> {
  const roleIn = (list: Placement[], userId: string) => list.find((p) => p.userId === userId)?.role;
  const joined: Placement[] = [];
  const left: string[] = [];
  for (const p of current) {
    if (roleIn(wanted, p.userId) === p.role) continue;
    await unplaceMember(change, p.userId);
    if (!roleIn(wanted, p.userId)) left.push(p.userId);
  }
  for (const p of wanted) {
    if (roleIn(current, p.userId) === p.role) continue;
    await placeMember(change, p);
    if (!roleIn(current, p.userId)) joined.push(p);
  }
  return { joined, left };
}

export type MemberOp = "add" | "move" | "remove" | "addSupervisor" | "removeSupervisor";

export interface MemberChange {
  team: TeamWithMembers;
  op: MemberOp;
  /** People whose place changed. */
  changed: string[];
  /** People already where they were asked to be, or not there to take out (nothing to do). */
  unchanged: string[];
  /** People who are reps in another team and were not added (adding is not moving). */
  elsewhere: { userId: string; teamName: string }[];
  /** People who cannot be members: apps, deactivated or unknown accounts. */
  rejected: { userId: string; problem: PersonProblem }[];
}

/**
 * Adds, moves or removes people in a team, each change audited. Supervisors of the team and admins. The
 * team is locked while its members change, so two people changing it at once see each other's change
 * (two supervisors removing each other leave one supervisor, not none).
 */
export async function changeMembers(
  ctx: RequestContext,
  team: TeamWithMembers,
  op: MemberOp,
  userIds: readonly string[],
): Promise<MemberChange> {
  const { deps } = ctx;
  const actor = await ensureAllowedIn(ctx, { type: "team.manage", teamId: team.team.id }, team);
  const result: MemberChange = { team, op, changed: [], unchanged: [], elsewhere: [], rejected: [] };
  const movedFrom: number[] = [];
  if (op === "remove" || op === "removeSupervisor") {
    await applyToTeam(ctx, actor, team, async (c, current) => {
      const removable =
        op === "removeSupervisor" ? current.supervisorIds : [...current.supervisorIds, ...current.repIds];
      if (current.supervisorIds.length > 0 && current.supervisorIds.every((id) => userIds.includes(id))) {
        throw error("team.member.lastSupervisor", { team: current.team.name });
      }
      for (const userId of userIds) {
        if (removable.includes(userId) && (await unplaceMember(c, userId))) result.changed.push(userId);
        else result.unchanged.push(userId);
      }
      await sendPlacementNotices(deps, c.tx, actor, current.team, [], result.changed);
      return result.changed.length > 0;
    });
  } else {
    const role: MemberRole = op === "addSupervisor" ? "supervisor" : "rep";
    const [problems, repTeams] = await Promise.all([
      personProblems(ctx.users, userIds),
      repTeamsOf(deps.db, actor.workspaceId, userIds),
    ]);
    const moves = new Map<string, number>();
    for (const userId of userIds) {
      const problem = problems.get(userId);
      const other = repTeams.get(userId);
      if (problem) result.rejected.push({ userId, problem });
      else if (role === "rep" && other && other.teamId !== team.team.id) {
        if (op === "add") result.elsewhere.push({ userId, teamName: other.teamName });
        else {
          await ensureAllowedIn(
            ctx,
            { type: "rep.move", fromTeamId: other.teamId, toTeamId: team.team.id },
            team,
            other.teamName,
          );
          moves.set(userId, other.teamId);
        }
      }
    }
    const skip = new Set([...result.rejected.map((r) => r.userId), ...result.elsewhere.map((e) => e.userId)]);
    await applyToTeam(ctx, actor, team, async (c, current) => {
      const clash = userIds.find((id) =>
        (role === "supervisor" ? current.repIds : current.supervisorIds).includes(id),
      );
      if (clash) {
        const key = role === "supervisor" ? "team.member.repToSupervisor" : "team.member.supervisorToRep";
        throw error(key, { user: clash, team: current.team.name });
      }
      for (const userId of userIds.filter((id) => !skip.has(id))) {
        const from = moves.get(userId);
        if (from !== undefined) {
          movedFrom.push(from);
          await deleteMember(c.tx, actor.workspaceId, from, userId);
          await bumpVersion(c.tx, actor.workspaceId, from, c.now);
        }
        if (await placeMember(c, { userId, role }, from)) result.changed.push(userId);
        else result.unchanged.push(userId);
      }
      const added = result.changed.map((userId) => ({ userId, role }));
      await sendPlacementNotices(deps, c.tx, actor, current.team, added, []);
      return result.changed.length > 0;
    });
  }
  result.team = (await findTeam(deps.db, actor.workspaceId, team.team.id)) ?? team;
  // A supervisor taken out is no longer among the team's supervisors: named with the people changed.
  if (result.changed.length > 0)
    placesChanged(deps, actor.workspaceId, [team.team.id, ...movedFrom], result.changed);
  return result;
}

/**
 * Runs member changes in one transaction on the locked team, as it is now (not as it was when the
 * request began), and bumps the team's version when they changed anything.
 */
async function applyToTeam(
  ctx: RequestContext,
  actor: Actor,
  team: TeamWithMembers,
  work: (change: TeamChange, current: TeamWithMembers) => Promise<boolean>,
): Promise<void> {
  const { deps } = ctx;
  await deps.db
    .transaction(async (tx) => {
      const current = await lockTeam(tx, actor.workspaceId, team.team.id);
      if (!current) throw error("team.gone");
      const change: TeamChange = { tx, actor, teamId: team.team.id, now: deps.clock.now() };
      if (await work(change, current)) await bumpVersion(tx, actor.workspaceId, team.team.id, change.now);
    })
    .catch((caught: unknown) => explainConflict(caught, {}));
}
