import {
  type Actor,
  decide,
  deleteGrant,
  type GrantedRole,
  grantedRolesOf,
  insertGrant,
  isAdmin,
  listGrants,
  type Permission,
} from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import { type Db, isUniqueViolation } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { translatorFor, UserError } from "../../platform/slack/index.js";
import { teamMessages } from "./messages.js";
import {
  defaultSettings,
  parseName,
  type SettingKey,
  settingKeyOf,
  settingParsers,
  type TeamSettings,
} from "./rules.js";
import type { MemberRole, Team } from "./schema.js";
import {
  bumpVersion,
  deleteMember,
  findTeam,
  findTeamByChannel,
  insertMember,
  insertTeam,
  listTeams,
  loadChannelOverview,
  type Membership,
  membershipsOf,
  repTeamsOf,
  type TeamWithMembers,
  updateTeam,
} from "./store.js";

export type { TeamWithMembers } from "./store.js";

/** Who is asking, with every role they hold; loaded once per request. */
export async function loadActor(deps: Deps, workspaceId: string, userId: string): Promise<Actor> {
  const [memberships, granted] = await Promise.all([
    membershipsOf(deps.db, workspaceId, userId),
    grantedRolesOf(deps.db, workspaceId, userId),
  ]);
  return actorFrom(deps, workspaceId, userId, memberships, granted);
}

async function actorFrom(
  deps: Deps,
  workspaceId: string,
  userId: string,
  memberships: Membership[],
  granted: GrantedRole[],
): Promise<Actor> {
  return {
    workspaceId,
    userId,
    admin: await isAdmin(deps, userId, granted),
    executive: granted.includes("executive"),
    supervises: memberships.filter((m) => m.role === "supervisor").map((m) => m.teamId),
    repOf: memberships.find((m) => m.role === "rep")?.teamId ?? null,
  };
}

/** Throws the polite refusal for a denied permission: it says who may do it. */
export async function ensureAllowed(
  deps: Deps,
  actor: Actor,
  permission: Permission,
  team?: TeamWithMembers,
): Promise<void> {
  const decision = decide(actor, permission);
  if (decision.allowed) return;
  switch (decision.whoMay) {
    case "admins": {
      const admins = await knownAdmins(deps, actor.workspaceId);
      throw new UserError(admins.length > 0 ? "team.refused.adminsNamed" : "team.refused.admins", { admins });
    }
    case "teamSupervisors":
      throw new UserError("team.refused.supervisors", {
        team: team?.team.name ?? "",
        supervisors: team?.supervisorIds ?? [],
      });
    case "supervisorsOfBoth": {
      const from =
        permission.type === "rep.move"
          ? await findTeam(deps.db, actor.workspaceId, permission.fromTeamId)
          : null;
      throw new UserError("team.refused.move", { team: team?.team.name ?? "", from: from?.team.name ?? "" });
    }
    case "teamMembers":
      throw new UserError("team.refused.members", { team: team?.team.name ?? "" });
  }
}

/** Admins we can name in a refusal: those set in ADMIN_USER_IDS and those granted in Supervisor. */
async function knownAdmins(deps: Deps, workspaceId: string): Promise<string[]> {
  const granted = await listGrants(deps.db, workspaceId, "admin");
  return [...new Set([...deps.config.adminUserIds, ...granted.map((g) => g.userId)])].slice(0, 5);
}

export type TeamOverview =
  | { kind: "team"; team: TeamWithMembers; actor: Actor; boundHere: boolean; mayManage: boolean }
  | { kind: "several"; teams: Membership[]; actor: Actor }
  | { kind: "none"; actor: Actor; mayCreate: boolean; channelId: string };

/** `/team`: the team of this channel, else the person's own team, else how to get one. */
export async function overview(
  deps: Deps,
  workspaceId: string,
  userId: string,
  channelId: string,
): Promise<TeamOverview> {
  const { here, memberships, granted } = await loadChannelOverview(deps.db, workspaceId, channelId, userId);
  const actor = await actorFrom(deps, workspaceId, userId, memberships, granted);
  const mayManage = (teamId: number) => decide(actor, { type: "team.manage", teamId }).allowed;
  if (here) return { kind: "team", team: here, actor, boundHere: true, mayManage: mayManage(here.team.id) };
  if (memberships.length === 1 && memberships[0]) {
    const team = await findTeam(deps.db, workspaceId, memberships[0].teamId);
    if (team) return { kind: "team", team, actor, boundHere: false, mayManage: mayManage(team.team.id) };
  }
  if (memberships.length > 1) return { kind: "several", teams: memberships, actor };
  return { kind: "none", actor, mayCreate: decide(actor, { type: "team.create" }).allowed, channelId };
}

/**
 * The team a management command acts on: the one bound to the channel, else the only team the person
 * leads. Anything else is a polite question back.
 */
export async function targetTeam(deps: Deps, actor: Actor, channelId: string): Promise<TeamWithMembers> {
  const here = await findTeamByChannel(deps.db, actor.workspaceId, channelId);
  if (here) return here;
  const [only, ...others] = actor.supervises;
  if (only !== undefined && others.length === 0) {
    const team = await findTeam(deps.db, actor.workspaceId, only);
    if (team) return team;
  }
  throw new UserError(actor.supervises.length > 1 ? "team.target.several" : "team.target.none");
}

export async function teamsInWorkspace(deps: Deps, workspaceId: string): Promise<TeamWithMembers[]> {
  return listTeams(deps.db, workspaceId);
}

export async function rolesInWorkspace(
  deps: Deps,
  workspaceId: string,
): Promise<{ executives: string[]; admins: string[]; configuredAdmins: string[] }> {
  const grants = await listGrants(deps.db, workspaceId);
  return {
    executives: grants.filter((g) => g.role === "executive").map((g) => g.userId),
    admins: grants.filter((g) => g.role === "admin").map((g) => g.userId),
    configuredAdmins: [...deps.config.adminUserIds],
  };
}

/** Why a person cannot be put in a team, if they cannot. */
export type PersonProblem = "bot" | "deactivated" | "unknown";

export async function personProblems(
  deps: Deps,
  userIds: readonly string[],
): Promise<Map<string, PersonProblem>> {
  const problems = new Map<string, PersonProblem>();
  const profiles = await Promise.all(userIds.map((id) => deps.users.get(id)));
  userIds.forEach((id, i) => {
    const user = profiles[i];
    if (!user) problems.set(id, "unknown");
    else if (user.deleted) problems.set(id, "deactivated");
    else if (user.isBot) problems.set(id, "bot");
  });
  return problems;
}

/** Someone's place in a team, as the audit log and the notices speak of it. */
export interface Placement {
  userId: string;
  role: MemberRole;
}

/** One team's changes inside one transaction, by one person at one moment. */
export interface TeamChange {
  tx: Db;
  actor: Actor;
  teamId: number;
  now: Date;
}

function auditTeam(c: TeamChange, action: string, before: unknown, after: unknown): Promise<void> {
  return recordAudit(c.tx, {
    workspaceId: c.actor.workspaceId,
    actorId: c.actor.userId,
    action,
    subject: { type: "team", id: c.teamId },
    before,
    after,
    at: c.now,
  });
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

function snapshot(team: Team): Record<string, unknown> {
  const { workspaceId: _w, createdAt: _c, updatedAt: _u, version: _v, ...rest } = team;
  return rest;
}

/** Audits what changed between two versions of a team's settings (nothing, when nothing did). */
async function auditSettings(c: TeamChange, before: Team, after: Team): Promise<void> {
  const [was, is] = [snapshot(before), snapshot(after)];
  const changed = Object.keys(is).filter((k) => JSON.stringify(is[k]) !== JSON.stringify(was[k]));
  if (changed.length === 0) return;
  await auditTeam(
    c,
    "team.update",
    Object.fromEntries(changed.map((k) => [k, was[k]])),
    Object.fromEntries(changed.map((k) => [k, is[k]])),
  );
}

/** Turns a unique-constraint failure on the team tables into what the person should hear, or rethrows. */
export function explainConflict(error: unknown, names: { name?: string; channelId?: string }): never {
  if (isUniqueViolation(error, "teams_workspace_name_key")) {
    throw new UserError("team.create.nameTaken", { name: names.name ?? "" }, "name");
  }
  if (isUniqueViolation(error, "teams_workspace_channel_key")) {
    throw new UserError("team.set.channelTaken", { channel: names.channelId ?? "" }, "channel");
  }
  if (isUniqueViolation(error, "team_members_one_team_per_rep")) {
    throw new UserError("team.member.changedMeanwhile", undefined, "reps");
  }
  throw error;
}

/**
 * Tells people, by DM in their own language, that their place in a team changed; after the answer has
 * gone out, and never to the person who made the change.
 */
export function announce(deps: Deps, actor: Actor, team: Team, added: Placement[], removed: string[]): void {
  const notices = [
    ...added.map((p) => ({
      userId: p.userId,
      key: p.role === "supervisor" ? ("team.notice.nowSupervisor" as const) : ("team.notice.added" as const),
    })),
    ...removed.map((userId) => ({ userId, key: "team.notice.removed" as const })),
  ];
  for (const { userId, key } of notices) {
    if (userId === actor.userId) continue;
    deps.tasks.run(`team notice to ${userId}`, async () => {
      const t = await translatorFor(deps, teamMessages, userId, team.locale);
      const text = t.t(key, { team: team.name, channel: team.channelId, by: actor.userId });
      await deps.slack.postMessage({ channel: userId, text });
    });
  }
}

export interface CreateTeamInput {
  name: string;
  channelId: string;
  supervisorIds: string[];
  /** Anything the creator chose already (the modal); the rest comes from the first supervisor's profile. */
  settings?: Partial<TeamSettings>;
  repIds?: string[];
}

export interface CreatedTeam {
  team: TeamWithMembers;
  /** False when the app is not in the team's channel yet and must be invited to post there. */
  appInChannel: boolean;
}

/** Creates a team bound to a channel, with its supervisors (and reps, from the modal). Admins only. */
export async function createTeam(deps: Deps, actor: Actor, input: CreateTeamInput): Promise<CreatedTeam> {
  await ensureAllowed(deps, actor, { type: "team.create" });
  const name = parseName(input.name);
  if (!name.ok) throw new UserError(name.problem.key, name.problem.params, "name");
  if (!/^[CG]/.test(input.channelId)) throw new UserError("team.create.notAChannel", undefined, "channel");
  const supervisorIds = input.supervisorIds.length > 0 ? [...new Set(input.supervisorIds)] : [actor.userId];
  const repIds = [...new Set(input.repIds ?? [])];
  const both = repIds.find((id) => supervisorIds.includes(id));
  if (both) throw new UserError("team.member.bothRoles", { user: both }, "reps");

  const problems = await personProblems(deps, [...supervisorIds, ...repIds]);
  for (const [userId, problem] of problems) {
    throw new UserError(
      `team.person.${problem}`,
      { user: userId },
      supervisorIds.includes(userId) ? "supervisors" : "reps",
    );
  }
  const [existing, elsewhere, channel, firstSupervisor] = await Promise.all([
    findTeamByChannel(deps.db, actor.workspaceId, input.channelId),
    repTeamsOf(deps.db, actor.workspaceId, repIds),
    deps.slack.channelInfo(input.channelId),
    deps.users.get(supervisorIds[0] as string),
  ]);
  if (existing) throw new UserError("team.create.channelTaken", { team: existing.team.name }, "channel");
  if (!channel) throw new UserError("team.create.channelUnknown", { channel: input.channelId }, "channel");
  if (channel.isArchived)
    throw new UserError("team.create.channelArchived", { channel: input.channelId }, "channel");
  for (const [userId, other] of elsewhere) {
    throw new UserError("team.member.inOtherTeam", { user: userId, team: other.teamName }, "reps");
  }

  const settings: TeamSettings = {
    ...defaultSettings(name.value, {
      tz: firstSupervisor?.tz ?? null,
      locale: firstSupervisor?.locale ?? null,
    }),
    ...input.settings,
    name: name.value,
  };
  const placements: Placement[] = [
    ...supervisorIds.map((userId) => ({ userId, role: "supervisor" as const })),
    ...repIds.map((userId) => ({ userId, role: "rep" as const })),
  ];
  const now = deps.clock.now();
  const team = await deps.db
    .transaction(async (tx) => {
      const row = await insertTeam(tx, {
        workspaceId: actor.workspaceId,
        channelId: input.channelId,
        ...settings,
        createdAt: now,
        updatedAt: now,
      });
      const change: TeamChange = { tx, actor, teamId: row.id, now };
      await auditTeam(change, "team.create", null, { ...snapshot(row), supervisorIds, repIds });
      for (const placement of placements) {
        await insertMember(tx, {
          workspaceId: actor.workspaceId,
          teamId: row.id,
          ...placement,
          addedBy: actor.userId,
          addedAt: now,
        });
      }
      return row;
    })
    .catch((error: unknown) => explainConflict(error, { name: name.value, channelId: input.channelId }));

  announce(deps, actor, team, placements, []);
  return { team: { team, supervisorIds, repIds }, appInChannel: channel.isMember };
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

/** Adds, moves or removes people in a team, each change audited. Supervisors of the team and admins. */
export async function changeMembers(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  op: MemberOp,
  userIds: readonly string[],
): Promise<MemberChange> {
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  const result: MemberChange = { team, op, changed: [], unchanged: [], elsewhere: [], rejected: [] };
  const removing = op === "remove" || op === "removeSupervisor";
  const name = team.team.name;

  if (removing) {
    const removable =
      op === "removeSupervisor" ? team.supervisorIds : [...team.supervisorIds, ...team.repIds];
    if (team.supervisorIds.length > 0 && team.supervisorIds.every((id) => userIds.includes(id))) {
      throw new UserError("team.member.lastSupervisor", { team: name });
    }
    const [present, absent] = partition(userIds, (id) => removable.includes(id));
    result.unchanged.push(...absent);
    await applyToTeam(deps, actor, team, async (c) => {
      for (const userId of present) {
        if (await unplaceMember(c, userId)) result.changed.push(userId);
        else result.unchanged.push(userId);
      }
      return result.changed.length > 0;
    });
    announce(deps, actor, team.team, [], result.changed);
  } else {
    const role: MemberRole = op === "addSupervisor" ? "supervisor" : "rep";
    const clash = userIds.find((id) =>
      (role === "supervisor" ? team.repIds : team.supervisorIds).includes(id),
    );
    if (clash) {
      const key = role === "supervisor" ? "team.member.repToSupervisor" : "team.member.supervisorToRep";
      throw new UserError(key, { user: clash, team: name });
    }
    const [problems, repTeams] = await Promise.all([
      personProblems(deps, userIds),
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
          await ensureAllowed(
            deps,
            actor,
            { type: "rep.move", fromTeamId: other.teamId, toTeamId: team.team.id },
            team,
          );
          moves.set(userId, other.teamId);
        }
      }
    }
    const skip = new Set([...result.rejected.map((r) => r.userId), ...result.elsewhere.map((e) => e.userId)]);
    await applyToTeam(deps, actor, team, async (c) => {
      for (const userId of userIds.filter((id) => !skip.has(id))) {
        const from = moves.get(userId);
        if (from !== undefined) {
          await deleteMember(c.tx, actor.workspaceId, from, userId);
          await bumpVersion(c.tx, actor.workspaceId, from, c.now);
        }
        if (await placeMember(c, { userId, role }, from)) result.changed.push(userId);
        else result.unchanged.push(userId);
      }
      return result.changed.length > 0;
    });
    announce(
      deps,
      actor,
      team.team,
      result.changed.map((userId) => ({ userId, role })),
      [],
    );
  }
  result.team = (await findTeam(deps.db, actor.workspaceId, team.team.id)) ?? team;
  return result;
}

/** Runs member changes in one transaction and bumps the team's version when they changed anything. */
async function applyToTeam(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  work: (change: TeamChange) => Promise<boolean>,
): Promise<void> {
  await deps.db
    .transaction(async (tx) => {
      const change: TeamChange = { tx, actor, teamId: team.team.id, now: deps.clock.now() };
      if (await work(change)) await bumpVersion(tx, actor.workspaceId, team.team.id, change.now);
    })
    .catch((error: unknown) => explainConflict(error, {}));
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

export interface SettingChange {
  team: TeamWithMembers;
  key: SettingKey | "channel";
}

/** `/team set <key> <value>`: one setting, validated, audited. Supervisors of the team and admins. */
export async function changeSetting(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  keyWord: string,
  value: string,
  channelId: string | null,
): Promise<SettingChange> {
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  const key = settingKeyOf(keyWord);
  if (!key) throw new UserError("team.set.unknownKey", { key: keyWord });
  let patch: Partial<TeamSettings> & { channelId?: string };
  if (key === "channel") {
    if (!channelId) throw new UserError("team.set.channelUsage");
    await ensureUsableChannel(deps, channelId);
    patch = { channelId };
  } else {
    const parsed = settingParsers[key](value);
    if (!parsed.ok) throw new UserError(parsed.problem.key, parsed.problem.params);
    patch = { [key]: parsed.value };
  }
  const updated = await updateSettings(deps, actor, team, team.team.version, patch);
  return { team: { ...team, team: updated }, key };
}

/** Throws unless the channel exists, the app can see it, and it is not archived. */
export async function ensureUsableChannel(deps: Deps, channelId: string): Promise<void> {
  const channel = await deps.slack.channelInfo(channelId);
  if (!channel) throw new UserError("team.create.channelUnknown", { channel: channelId }, "channel");
  if (channel.isArchived)
    throw new UserError("team.create.channelArchived", { channel: channelId }, "channel");
}

/**
 * Changes settings of the team as it was at `version`, audits what changed, and, inside the same
 * transaction, lets the caller change members too. Refused when someone changed the team since.
 */
export async function updateSettings(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  version: number,
  patch: Partial<TeamSettings> & { channelId?: string },
  alsoInTransaction?: (change: TeamChange) => Promise<void>,
): Promise<Team> {
  return deps.db
    .transaction(async (tx) => {
      const now = deps.clock.now();
      const row = await updateTeam(tx, actor.workspaceId, team.team.id, version, {
        ...patch,
        updatedAt: now,
      });
      if (!row) throw new UserError("common.error.expiredForm");
      const change: TeamChange = { tx, actor, teamId: team.team.id, now };
      await auditSettings(change, team.team, row);
      await alsoInTransaction?.(change);
      return row;
    })
    .catch((error: unknown) => explainConflict(error, { name: patch.name, channelId: patch.channelId }));
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

export interface RoleChange {
  role: GrantedRole;
  op: "grant" | "revoke";
  changed: string[];
  unchanged: string[];
  rejected: { userId: string; problem: PersonProblem }[];
  /** Revoked admins who stay admins as Slack workspace admins or through ADMIN_USER_IDS. */
  stillAdmin: string[];
}

/** Grants or revokes the executive or admin role. Admins only; audited; the person is told. */
export async function changeRole(
  deps: Deps,
  actor: Actor,
  op: "grant" | "revoke",
  userIds: readonly string[],
  role: GrantedRole,
): Promise<RoleChange> {
  await ensureAllowed(deps, actor, { type: "role.manage" });
  const result: RoleChange = { role, op, changed: [], unchanged: [], rejected: [], stillAdmin: [] };
  const problems = op === "grant" ? await personProblems(deps, userIds) : new Map<string, PersonProblem>();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const userId of userIds) {
      const problem = problems.get(userId);
      if (problem) {
        result.rejected.push({ userId, problem });
        continue;
      }
      const done =
        op === "grant"
          ? await insertGrant(tx, {
              workspaceId: actor.workspaceId,
              userId,
              role,
              grantedBy: actor.userId,
              grantedAt: now,
            })
          : (await deleteGrant(tx, actor.workspaceId, userId, role)) !== null;
      if (!done) {
        result.unchanged.push(userId);
        continue;
      }
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: `role.${op}`,
        subject: { type: "user", id: userId },
        before: op === "revoke" ? { role } : null,
        after: op === "grant" ? { role } : null,
        at: now,
      });
      result.changed.push(userId);
    }
  });
  if (op === "revoke" && role === "admin") {
    for (const userId of result.changed) if (await isAdmin(deps, userId, [])) result.stillAdmin.push(userId);
  }
  for (const userId of result.changed.filter((id) => id !== actor.userId)) {
    deps.tasks.run(`role notice to ${userId}`, async () => {
      const t = await translatorFor(deps, teamMessages, userId);
      const key = op === "grant" ? "team.notice.roleGranted" : "team.notice.roleRevoked";
      await deps.slack.postMessage({
        channel: userId,
        text: t.t(key, { role: t.t(`team.role.${role}`), by: actor.userId }),
      });
    });
  }
  return result;
}
