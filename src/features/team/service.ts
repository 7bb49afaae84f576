import {
  type Actor,
  type Decision,
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
import { isUniqueViolation } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import type { Language, Translator } from "../../platform/i18n/index.js";
import { type OutgoingMessage, translatorFor, UserError } from "../../platform/slack/index.js";
import { type TeamMessages, teamMessages } from "./messages.js";
import {
  defaultSettings,
  type Problem,
  parseName,
  SETTING_KEYS,
  type SettingKey,
  settingKeyOf,
  settingParsers,
  type TeamSettings,
} from "./rules.js";
import type { MemberRole, Team } from "./schema.js";
import {
  deleteMember,
  findTeam,
  findTeamByChannel,
  findTeamByName,
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

/** Throws the polite refusal for a denied decision: it says who may do it. */
async function ensureAllowed(
  deps: Deps,
  actor: Actor,
  permission: Permission,
  team?: TeamWithMembers,
): Promise<void> {
  const decision: Decision = decide(actor, permission);
  if (decision.allowed) return;
  switch (decision.whoMay) {
    case "admins": {
      const admins = await knownAdmins(deps, actor.workspaceId);
      throw new UserError(admins.length > 0 ? "team.refused.adminsNamed" : "team.refused.admins", {
        admins,
      });
    }
    case "teamSupervisors":
      throw new UserError("team.refused.supervisors", {
        team: team?.team.name ?? "",
        supervisors: team?.supervisorIds ?? [],
      });
    case "supervisorsOfBoth":
      throw new UserError("team.refused.move", {
        team: team?.team.name ?? "",
        from:
          permission.type === "rep.move"
            ? await teamName(deps, actor.workspaceId, permission.fromTeamId)
            : "",
      });
  }
}

async function teamName(deps: Deps, workspaceId: string, teamId: number): Promise<string> {
  return (await findTeam(deps.db, workspaceId, teamId))?.team.name ?? "";
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
  if (here) {
    return { kind: "team", team: here, actor, boundHere: true, mayManage: mayManage(actor, here.team.id) };
  }
  const own = teamsOfActor(memberships);
  if (own.length === 1 && own[0]) {
    const team = await findTeam(deps.db, workspaceId, own[0].teamId);
    if (team)
      return { kind: "team", team, actor, boundHere: false, mayManage: mayManage(actor, team.team.id) };
  }
  if (own.length > 1) return { kind: "several", teams: own, actor };
  return { kind: "none", actor, mayCreate: decide(actor, { type: "team.create" }).allowed, channelId };
}

function mayManage(actor: Actor, teamId: number): boolean {
  return decide(actor, { type: "team.manage", teamId }).allowed;
}

/** A rep's team first, then the teams they lead; one entry per team. */
function teamsOfActor(memberships: Membership[]): Membership[] {
  return [...memberships].sort((a, b) => (a.role === b.role ? 0 : a.role === "rep" ? -1 : 1));
}

/**
 * The team a management command acts on: the one bound to the channel, else the only team the person
 * leads. Anything else is a polite question back.
 */
export async function targetTeam(deps: Deps, actor: Actor, channelId: string): Promise<TeamWithMembers> {
  const here = await findTeamByChannel(deps.db, actor.workspaceId, channelId);
  if (here) return here;
  if (actor.supervises.length === 1 && actor.supervises[0] !== undefined) {
    const team = await findTeam(deps.db, actor.workspaceId, actor.supervises[0]);
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
type PersonProblem = "bot" | "deactivated" | "unknown";

async function personProblems(deps: Deps, userIds: readonly string[]): Promise<Map<string, PersonProblem>> {
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

function personError(userId: string, problem: PersonProblem, field?: string): UserError {
  return new UserError(`team.person.${problem}`, { user: userId }, field);
}

/** Sends a DM in the recipient's language after the answer has gone out; failures are logged only. */
function notify(
  deps: Deps,
  recipientId: string,
  fallback: Language,
  render: (t: Translator<TeamMessages>) => OutgoingMessage,
): void {
  deps.tasks.run(`team notice to ${recipientId}`, async () => {
    const t = await translatorFor(deps, teamMessages, recipientId, fallback);
    await deps.slack.postMessage({ channel: recipientId, ...render(t) });
  });
}

function snapshot(team: Team): Record<string, unknown> {
  const { workspaceId: _w, createdAt: _c, updatedAt: _u, version: _v, ...rest } = team;
  return rest;
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
  if (!name.ok) throw new UserError("team.create.usage", { problem: name.problem.key }, "name");
  if (!/^[CG]/.test(input.channelId)) throw new UserError("team.create.notAChannel", undefined, "channel");
  const supervisorIds = input.supervisorIds.length > 0 ? [...new Set(input.supervisorIds)] : [actor.userId];
  const repIds = [...new Set(input.repIds ?? [])];
  const both = repIds.find((id) => supervisorIds.includes(id));
  if (both) throw new UserError("team.member.bothRoles", { user: both }, "reps");

  const problems = await personProblems(deps, [...supervisorIds, ...repIds]);
  for (const [userId, problem] of problems) {
    throw personError(userId, problem, supervisorIds.includes(userId) ? "supervisors" : "reps");
  }
  const [existingByChannel, elsewhere, channel, firstSupervisor] = await Promise.all([
    findTeamByChannel(deps.db, actor.workspaceId, input.channelId),
    repTeamsOf(deps.db, actor.workspaceId, repIds),
    deps.slack.channelInfo(input.channelId),
    deps.users.get(supervisorIds[0] as string),
  ]);
  if (existingByChannel) {
    throw new UserError("team.create.channelTaken", { team: existingByChannel.team.name }, "channel");
  }
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
      for (const [role, ids] of [
        ["supervisor", supervisorIds],
        ["rep", repIds],
      ] as const) {
        for (const userId of ids) {
          await insertMember(tx, {
            workspaceId: actor.workspaceId,
            teamId: row.id,
            userId,
            role,
            addedBy: actor.userId,
            addedAt: now,
          });
        }
      }
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "team.create",
        subject: { type: "team", id: row.id },
        after: { ...snapshot(row), supervisorIds, repIds },
        at: now,
      });
      return row;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, "teams_workspace_name_key")) {
        throw new UserError("team.create.nameTaken", { name: name.value }, "name");
      }
      if (isUniqueViolation(error, "teams_workspace_channel_key")) {
        throw new UserError("team.create.channelTaken", { team: "" }, "channel");
      }
      if (isUniqueViolation(error, "team_members_one_team_per_rep")) {
        throw new UserError("team.member.changedMeanwhile", undefined, "reps");
      }
      throw error;
    });

  for (const supervisorId of supervisorIds.filter((id) => id !== actor.userId)) {
    notify(deps, supervisorId, team.locale, (t) => ({
      text: t.t("team.notice.nowSupervisor", { team: team.name, channel: team.channelId, by: actor.userId }),
    }));
  }
  for (const repId of repIds) {
    notify(deps, repId, team.locale, (t) => ({
      text: t.t("team.notice.added", { team: team.name, channel: team.channelId, by: actor.userId }),
    }));
  }
  return {
    team: { team, supervisorIds, repIds },
    appInChannel: channel.isMember,
  };
}

export type MemberOp = "add" | "move" | "remove" | "addSupervisor" | "removeSupervisor";

export interface MemberChange {
  team: TeamWithMembers;
  op: MemberOp;
  /** People whose place changed. */
  changed: string[];
  /** People already where they were asked to be (nothing to do). */
  unchanged: string[];
  /** People who are reps in another team and were not moved (adding is not moving). */
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
  const ws = actor.workspaceId;
  const result: MemberChange = { team, op, changed: [], unchanged: [], elsewhere: [], rejected: [] };
  const adding = op === "add" || op === "move" || op === "addSupervisor";
  const problems = adding ? await personProblems(deps, userIds) : new Map<string, PersonProblem>();
  const currentRepTeams = await repTeamsOf(deps.db, ws, userIds);

  for (const userId of userIds) {
    const problem = problems.get(userId);
    if (problem) {
      result.rejected.push({ userId, problem });
      continue;
    }
    const other = currentRepTeams.get(userId);
    if (op === "move" && other && other.teamId !== team.team.id) {
      await ensureAllowed(
        deps,
        actor,
        { type: "rep.move", fromTeamId: other.teamId, toTeamId: team.team.id },
        team,
      );
    }
    if (op === "add" && other && other.teamId !== team.team.id) {
      result.elsewhere.push({ userId, teamName: other.teamName });
    }
  }
  if (op === "removeSupervisor") {
    const remaining = team.supervisorIds.filter((id) => !userIds.includes(id));
    if (remaining.length === 0) throw new UserError("team.member.lastSupervisor", { team: team.team.name });
  }
  if (op === "addSupervisor") {
    const rep = userIds.find((id) => team.repIds.includes(id));
    if (rep) throw new UserError("team.member.repToSupervisor", { user: rep, team: team.team.name });
  }
  if (op === "add" || op === "move") {
    const supervisor = userIds.find((id) => team.supervisorIds.includes(id));
    if (supervisor)
      throw new UserError("team.member.supervisorToRep", { user: supervisor, team: team.team.name });
  }

  const skip = new Set([...result.rejected.map((r) => r.userId), ...result.elsewhere.map((e) => e.userId)]);
  const now = deps.clock.now();
  const movedFrom = new Map<string, number>();
  await deps.db
    .transaction(async (tx) => {
      for (const userId of userIds) {
        if (skip.has(userId)) continue;
        const audit = (action: string, before: unknown, after: unknown) =>
          recordAudit(tx, {
            workspaceId: ws,
            actorId: actor.userId,
            action,
            subject: { type: "team", id: team.team.id },
            before,
            after,
            at: now,
          });
        if (op === "remove" || op === "removeSupervisor") {
          const role = await deleteMember(tx, ws, team.team.id, userId);
          const wanted: MemberRole | null = op === "removeSupervisor" ? "supervisor" : null;
          if (!role || (wanted && role !== wanted)) {
            if (role) {
              // Not removed after all: put them back as they were (only supervisors were meant).
              await insertMember(tx, {
                workspaceId: ws,
                teamId: team.team.id,
                userId,
                role,
                addedBy: actor.userId,
                addedAt: now,
              });
            }
            result.unchanged.push(userId);
            continue;
          }
          await audit("team.member.remove", { userId, role }, null);
          result.changed.push(userId);
          continue;
        }
        const role: MemberRole = op === "addSupervisor" ? "supervisor" : "rep";
        const from = currentRepTeams.get(userId);
        if (op === "move" && from && from.teamId !== team.team.id) {
          await deleteMember(tx, ws, from.teamId, userId);
          await touchTeam(tx, ws, from.teamId, now);
          movedFrom.set(userId, from.teamId);
        }
        const added = await insertMember(tx, {
          workspaceId: ws,
          teamId: team.team.id,
          userId,
          role,
          addedBy: actor.userId,
          addedAt: now,
        });
        if (!added) {
          result.unchanged.push(userId);
          continue;
        }
        if (movedFrom.has(userId)) {
          await audit(
            "team.member.move",
            { userId, teamId: movedFrom.get(userId), role },
            { userId, teamId: team.team.id, role },
          );
        } else {
          await audit("team.member.add", null, { userId, role });
        }
        result.changed.push(userId);
      }
      if (result.changed.length > 0) await touchTeam(tx, ws, team.team.id, now);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, "team_members_one_team_per_rep")) {
        throw new UserError("team.member.changedMeanwhile");
      }
      throw error;
    });

  const fresh = (await findTeam(deps.db, ws, team.team.id)) ?? team;
  result.team = fresh;
  const t0 = fresh.team;
  for (const userId of result.changed) {
    if (userId === actor.userId) continue;
    const key =
      op === "remove" || op === "removeSupervisor"
        ? "team.notice.removed"
        : op === "addSupervisor"
          ? "team.notice.nowSupervisor"
          : "team.notice.added";
    notify(deps, userId, t0.locale, (t) => ({
      text: t.t(key, { team: t0.name, channel: t0.channelId, by: actor.userId }),
    }));
  }
  return result;
}

/** Bumps a team's version so an edit form opened before this change is refused rather than overwriting it. */
async function touchTeam(tx: Deps["db"], workspaceId: string, teamId: number, now: Date): Promise<void> {
  const current = await findTeam(tx, workspaceId, teamId);
  if (current) await updateTeam(tx, workspaceId, teamId, current.team.version, { updatedAt: now });
}

export interface SettingChange {
  team: TeamWithMembers;
  key: SettingKey | "channel";
  before: unknown;
  after: unknown;
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
  if (key === "channel") {
    if (!channelId) throw new UserError("team.set.channelUsage");
    const channel = await deps.slack.channelInfo(channelId);
    if (!channel) throw new UserError("team.create.channelUnknown", { channel: channelId });
    if (channel.isArchived) throw new UserError("team.create.channelArchived", { channel: channelId });
    return applyPatch(deps, actor, team, team.team.version, { channelId }, "channel");
  }
  const parsed = settingParsers[key](value);
  if (!parsed.ok) throw new UserError(parsed.problem.key, parsed.problem.params);
  return applyPatch(deps, actor, team, team.team.version, { [key]: parsed.value }, key);
}

async function applyPatch(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  version: number,
  patch: Partial<TeamSettings> & { channelId?: string },
  key: SettingKey | "channel",
): Promise<SettingChange> {
  const now = deps.clock.now();
  const before = snapshot(team.team);
  const updated = await deps.db
    .transaction(async (tx) => {
      const row = await updateTeam(tx, actor.workspaceId, team.team.id, version, {
        ...patch,
        updatedAt: now,
      });
      if (!row) throw new UserError("common.error.expiredForm");
      const after = snapshot(row);
      const changedKeys = Object.keys(after).filter(
        (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
      );
      if (changedKeys.length > 0) {
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          action: "team.update",
          subject: { type: "team", id: team.team.id },
          before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
          after: Object.fromEntries(changedKeys.map((k) => [k, after[k]])),
          at: now,
        });
      }
      return row;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, "teams_workspace_name_key")) {
        throw new UserError("team.create.nameTaken", { name: patch.name ?? "" }, "name");
      }
      if (isUniqueViolation(error, "teams_workspace_channel_key")) {
        throw new UserError("team.set.channelTaken", { channel: patch.channelId ?? "" }, "channel");
      }
      throw error;
    });
  const field = key === "channel" ? "channelId" : key;
  return {
    team: { ...team, team: updated },
    key,
    before: (team.team as Record<string, unknown>)[field],
    after: (updated as Record<string, unknown>)[field],
  };
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

/** Grants or revokes the executive or admin role. Admins only; audited. */
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
    for (const userId of result.changed) {
      if (await isAdmin(deps, userId, [])) result.stillAdmin.push(userId);
    }
  }
  for (const userId of result.changed) {
    if (userId === actor.userId) continue;
    notify(deps, userId, "en", (t) => ({
      text: t.t(op === "grant" ? "team.notice.roleGranted" : "team.notice.roleRevoked", {
        role: t.t(`team.role.${role}`),
        by: actor.userId,
      }),
    }));
  }
  return result;
}

/** What the team modal submits, already read from the view state. */
export interface TeamForm {
  teamId: number | null;
  version: number | null;
  name: string;
  channelId: string | null;
  supervisorIds: string[];
  repIds: string[];
  timeZone: string;
  locale: string;
  currency: string;
  holidayCountry: string;
  workWeek: string[];
  quotaPeriod: string;
}

export type FormResult =
  | { ok: true; team: TeamWithMembers; created: boolean; appInChannel: boolean | null }
  | { ok: false; errors: Record<string, Problem> };

/** Field problems of the team form, keyed by the modal's block ids. */
export function validateForm(form: TeamForm): {
  errors: Record<string, Problem>;
  settings: TeamSettings | null;
} {
  const errors: Record<string, Problem> = {};
  const settings: Partial<TeamSettings> = {};
  const fields: { [K in SettingKey]: string } = {
    name: form.name,
    timeZone: form.timeZone,
    locale: form.locale,
    currency: form.currency,
    holidayCountry: form.holidayCountry,
    workWeek: form.workWeek.join(","),
    quotaPeriod: form.quotaPeriod,
  };
  for (const key of SETTING_KEYS) {
    const parsed = settingParsers[key](fields[key]);
    if (parsed.ok) (settings as Record<string, unknown>)[key] = parsed.value;
    else
      errors[key] =
        key === "workWeek" && form.workWeek.length === 0
          ? { key: "team.invalid.workWeekEmpty" }
          : parsed.problem;
  }
  if (!form.channelId) errors.channel = { key: "team.invalid.channelMissing" };
  if (form.supervisorIds.length === 0) errors.supervisors = { key: "team.invalid.supervisorsEmpty" };
  const both = form.repIds.find((id) => form.supervisorIds.includes(id));
  if (both) errors.reps = { key: "team.member.bothRoles", params: { user: both } };
  return { errors, settings: Object.keys(errors).length === 0 ? (settings as TeamSettings) : null };
}

/**
 * Saves the team modal: creates the team, or applies the differences to the team as it was when the modal
 * opened (refused if someone changed it since). One transaction; every change audited.
 */
export async function saveForm(deps: Deps, actor: Actor, form: TeamForm): Promise<FormResult> {
  const { errors, settings } = validateForm(form);
  if (!settings || !form.channelId) return { ok: false, errors };

  if (form.teamId === null) {
    try {
      const created = await createTeam(deps, actor, {
        name: settings.name,
        channelId: form.channelId,
        supervisorIds: form.supervisorIds,
        repIds: form.repIds,
        settings,
      });
      return { ok: true, team: created.team, created: true, appInChannel: created.appInChannel };
    } catch (error) {
      if (error instanceof UserError && error.field) {
        return {
          ok: false,
          errors: { [error.field]: { key: error.key, params: error.params as Record<string, unknown> } },
        };
      }
      throw error;
    }
  }

  const team = await findTeam(deps.db, actor.workspaceId, form.teamId);
  if (!team) throw new UserError("team.gone");
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  if (form.version !== team.team.version) throw new UserError("common.error.expiredForm");

  const newPeople = [...form.supervisorIds, ...form.repIds].filter(
    (id) => !team.supervisorIds.includes(id) && !team.repIds.includes(id),
  );
  const problems = await personProblems(deps, newPeople);
  for (const [userId, problem] of problems) {
    const field = form.supervisorIds.includes(userId) ? "supervisors" : "reps";
    return { ok: false, errors: { [field]: { key: `team.person.${problem}`, params: { user: userId } } } };
  }
  const addedReps = form.repIds.filter((id) => !team.repIds.includes(id));
  const elsewhere = [...(await repTeamsOf(deps.db, actor.workspaceId, addedReps))].filter(
    ([, other]) => other.teamId !== team.team.id,
  );
  const firstElsewhere = elsewhere[0];
  if (firstElsewhere) {
    return {
      ok: false,
      errors: {
        reps: {
          key: "team.member.inOtherTeam",
          params: { user: firstElsewhere[0], team: firstElsewhere[1].teamName },
        },
      },
    };
  }
  if (form.channelId !== team.team.channelId) {
    const channel = await deps.slack.channelInfo(form.channelId);
    if (!channel)
      return {
        ok: false,
        errors: { channel: { key: "team.create.channelUnknown", params: { channel: form.channelId } } },
      };
  }

  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const before = snapshot(team.team);
  const removed: string[] = [];
  const added: { userId: string; role: MemberRole }[] = [];
  try {
    await deps.db.transaction(async (tx) => {
      const row = await updateTeam(tx, ws, team.team.id, team.team.version, {
        ...settings,
        channelId: form.channelId as string,
        updatedAt: now,
      });
      if (!row) throw new UserError("common.error.expiredForm");
      const after = snapshot(row);
      const changedKeys = Object.keys(after).filter(
        (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
      );
      if (changedKeys.length > 0) {
        await recordAudit(tx, {
          workspaceId: ws,
          actorId: actor.userId,
          action: "team.update",
          subject: { type: "team", id: team.team.id },
          before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
          after: Object.fromEntries(changedKeys.map((k) => [k, after[k]])),
          at: now,
        });
      }
      const wanted = new Map<string, MemberRole>([
        ...form.repIds.map((id) => [id, "rep"] as const),
        ...form.supervisorIds.map((id) => [id, "supervisor"] as const),
      ]);
      const current = new Map<string, MemberRole>([
        ...team.repIds.map((id) => [id, "rep"] as const),
        ...team.supervisorIds.map((id) => [id, "supervisor"] as const),
      ]);
      for (const [userId, role] of current) {
        if (wanted.get(userId) === role) continue;
        await deleteMember(tx, ws, team.team.id, userId);
        await recordAudit(tx, {
          workspaceId: ws,
          actorId: actor.userId,
          action: "team.member.remove",
          subject: { type: "team", id: team.team.id },
          before: { userId, role },
          after: null,
          at: now,
        });
        if (!wanted.has(userId)) removed.push(userId);
      }
      for (const [userId, role] of wanted) {
        if (current.get(userId) === role) continue;
        await insertMember(tx, {
          workspaceId: ws,
          teamId: team.team.id,
          userId,
          role,
          addedBy: actor.userId,
          addedAt: now,
        });
        await recordAudit(tx, {
          workspaceId: ws,
          actorId: actor.userId,
          action: "team.member.add",
          subject: { type: "team", id: team.team.id },
          before: null,
          after: { userId, role },
          at: now,
        });
        if (!current.has(userId)) added.push({ userId, role });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "teams_workspace_name_key")) {
      return {
        ok: false,
        errors: { name: { key: "team.create.nameTaken", params: { name: settings.name } } },
      };
    }
    if (isUniqueViolation(error, "teams_workspace_channel_key")) {
      return {
        ok: false,
        errors: { channel: { key: "team.set.channelTaken", params: { channel: form.channelId } } },
      };
    }
    if (isUniqueViolation(error, "team_members_one_team_per_rep")) {
      return { ok: false, errors: { reps: { key: "team.member.changedMeanwhile" } } };
    }
    throw error;
  }

  const fresh = (await findTeam(deps.db, ws, team.team.id)) ?? team;
  const t0 = fresh.team;
  for (const { userId, role } of added) {
    if (userId === actor.userId) continue;
    notify(deps, userId, t0.locale, (t) => ({
      text: t.t(role === "supervisor" ? "team.notice.nowSupervisor" : "team.notice.added", {
        team: t0.name,
        channel: t0.channelId,
        by: actor.userId,
      }),
    }));
  }
  for (const userId of removed) {
    if (userId === actor.userId) continue;
    notify(deps, userId, t0.locale, (t) => ({
      text: t.t("team.notice.removed", { team: t0.name, channel: t0.channelId, by: actor.userId }),
    }));
  }
  return { ok: true, team: fresh, created: false, appInChannel: null };
}

/** Loads what the modal shows: the team to edit (checking the person may), or defaults for a new one. */
export async function formFor(
  deps: Deps,
  actor: Actor,
  target: { teamId: number } | { channelId: string },
): Promise<{ team: TeamWithMembers | null; defaults: TeamSettings; channelId: string | null }> {
  if ("teamId" in target) {
    const team = await findTeam(deps.db, actor.workspaceId, target.teamId);
    if (!team) throw new UserError("team.gone");
    await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
    return { team, defaults: settingsOf(team.team), channelId: team.team.channelId };
  }
  const bound = await findTeamByChannel(deps.db, actor.workspaceId, target.channelId);
  if (bound) {
    await ensureAllowed(deps, actor, { type: "team.manage", teamId: bound.team.id }, bound);
    return { team: bound, defaults: settingsOf(bound.team), channelId: bound.team.channelId };
  }
  await ensureAllowed(deps, actor, { type: "team.create" });
  const me = await deps.users.get(actor.userId);
  return {
    team: null,
    defaults: defaultSettings("", { tz: me?.tz ?? null, locale: me?.locale ?? null }),
    channelId: /^[CG]/.test(target.channelId) ? target.channelId : null,
  };
}

export function settingsOf(team: Team): TeamSettings {
  return {
    name: team.name,
    timeZone: team.timeZone,
    locale: team.locale,
    currency: team.currency,
    holidayCountry: team.holidayCountry,
    workWeek: team.workWeek as TeamSettings["workWeek"],
    quotaPeriod: team.quotaPeriod,
  };
}

export { findTeamByName };
