import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { GrantedRole } from "../../platform/access/index.js";
import { type Db, queryRows } from "../../platform/db/index.js";
import { settingsOf } from "./routine-store.js";
import type { RoutineSettings } from "./routines.js";
import type { AskIn, MemberRole, RoutineName, Team } from "./schema.js";
import { teamMembers, teams } from "./schema.js";

/** A team with its people, supervisors and reps in the order they joined. */
export interface TeamWithMembers {
  team: Team;
  supervisorIds: string[];
  repIds: string[];
}

async function withMembers(db: Db, rows: Team[]): Promise<TeamWithMembers[]> {
  if (rows.length === 0) return [];
  const members = await db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId, role: teamMembers.role })
    .from(teamMembers)
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(teamMembers.addedAt), asc(teamMembers.userId));
  return rows.map((team) => ({
    team,
    supervisorIds: members
      .filter((m) => m.teamId === team.id && m.role === "supervisor")
      .map((m) => m.userId),
    repIds: members.filter((m) => m.teamId === team.id && m.role === "rep").map((m) => m.userId),
  }));
}

/** The team bound to a channel, with its members, in one round trip. */
export async function findTeamByChannel(
  db: Db,
  workspaceId: string,
  channelId: string,
): Promise<TeamWithMembers | null> {
  return teamWithMembersWhere(db, and(eq(teams.workspaceId, workspaceId), eq(teams.channelId, channelId)));
}

/** A team of the workspace by id, with its members, in one round trip. */
export async function findTeam(db: Db, workspaceId: string, teamId: number): Promise<TeamWithMembers | null> {
  return teamWithMembersWhere(db, and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
}

/**
 * The one team matching `where` with its members (supervisors and reps in the order they joined), in one
 * statement that sends the team once and its members as one compact list, however large the team.
 */
async function teamWithMembersWhere(db: Db, where: SQL | undefined): Promise<TeamWithMembers | null> {
  const [row] = await queryRows<{ team: TeamJson; members: [string, MemberRole][] | null }>(
    db,
    sql`select row_to_json(teams) as team,
          (select json_agg(json_build_array(m.user_id, m.role) order by m.added_at, m.user_id)
             from team_members m where m.team_id = teams.id) as members
        from teams where ${where}`,
  );
  return row ? teamWithMemberList(row.team, row.members) : null;
}

/** A team as a statement's JSON gives it, with its `[user, role]` list in the order they joined. */
function teamWithMemberList(team: TeamJson, members: [string, MemberRole][] | null): TeamWithMembers {
  const list = members ?? [];
  return {
    team: teamFromJson(team),
    supervisorIds: list.filter(([, role]) => role === "supervisor").map(([id]) => id),
    repIds: list.filter(([, role]) => role === "rep").map(([id]) => id),
  };
}

/** The supervisors of a team, in the order they joined (none for a team that is gone). */
export async function supervisorIdsOf(db: Db, workspaceId: string, teamId: number): Promise<string[]> {
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.workspaceId, workspaceId),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.role, "supervisor"),
      ),
    )
    .orderBy(asc(teamMembers.addedAt), asc(teamMembers.userId));
  return rows.map((r) => r.userId);
}

export async function findTeamByName(db: Db, workspaceId: string, name: string): Promise<Team | null> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), sql`lower(${teams.name}) = lower(${name})`));
  return row ?? null;
}

export async function listTeams(db: Db, workspaceId: string): Promise<TeamWithMembers[]> {
  const rows = await db
    .select()
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId))
    .orderBy(asc(sql`lower(${teams.name})`));
  return withMembers(db, rows);
}

export interface Membership {
  teamId: number;
  teamName: string;
  role: MemberRole;
}

/** Every team a person is in, and as what. */
export async function membershipsOf(db: Db, workspaceId: string, userId: string): Promise<Membership[]> {
  return db
    .select({ teamId: teamMembers.teamId, teamName: teams.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.userId, userId)))
    .orderBy(asc(teams.name));
}

/** The teams (id and name) that given people are reps in, keyed by user. */
export async function repTeamsOf(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Map<string, { teamId: number; teamName: string }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: teamMembers.userId, teamId: teamMembers.teamId, teamName: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(
      and(
        eq(teamMembers.workspaceId, workspaceId),
        eq(teamMembers.role, "rep"),
        inArray(teamMembers.userId, [...userIds]),
      ),
    );
  return new Map(rows.map((row) => [row.userId, { teamId: row.teamId, teamName: row.teamName }]));
}

export type NewTeam = Omit<typeof teams.$inferInsert, "id" | "version">;

export async function insertTeam(db: Db, values: NewTeam): Promise<Team> {
  const [row] = await db.insert(teams).values(values).returning();
  if (!row) throw new Error("insert into teams returned nothing");
  return row;
}

/**
 * Changes a team only if nobody changed it since `version` was read (a modal left open while someone else
 * edited): returns the new row, or null when the version moved on.
 */
export async function updateTeam(
  db: Db,
  workspaceId: string,
  teamId: number,
  version: number,
  patch: Partial<Omit<NewTeam, "workspaceId" | "createdAt">> & { updatedAt: Date },
): Promise<Team | null> {
  const [row] = await db
    .update(teams)
    .set({ ...patch, version: sql`${teams.version} + 1` })
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId), eq(teams.version, version)))
    .returning();
  return row ?? null;
}

/** Marks a team changed (its members did) so a form opened before is refused rather than overwriting. */
export async function bumpVersion(db: Db, workspaceId: string, teamId: number, now: Date): Promise<void> {
  await db
    .update(teams)
    .set({ version: sql`${teams.version} + 1`, updatedAt: now })
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
}

/** Adds a member; false when they already had that place (a double submit adds nobody twice). */
export async function insertMember(
  db: Db,
  member: {
    workspaceId: string;
    teamId: number;
    userId: string;
    role: MemberRole;
    addedBy: string;
    addedAt: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(teamMembers)
    .values(member)
    .onConflictDoNothing({ target: [teamMembers.teamId, teamMembers.userId] })
    .returning({ userId: teamMembers.userId });
  return rows.length > 0;
}

/** Removes a member; the role they had, or null when they were not in the team. */
export async function deleteMember(
  db: Db,
  workspaceId: string,
  teamId: number,
  userId: string,
): Promise<MemberRole | null> {
  const [row] = await db
    .delete(teamMembers)
    .where(
      and(
        eq(teamMembers.workspaceId, workspaceId),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.userId, userId),
      ),
    )
    .returning({ role: teamMembers.role });
  return row?.role ?? null;
}

export interface ChannelOverview {
  /** The team bound to the channel, if any, with how it runs its scheduled posts. */
  here: (TeamWithMembers & { routines: RoutineSettings }) | null;
  /** The asking person's teams. */
  memberships: Membership[];
  /** The asking person's granted roles. */
  granted: GrantedRole[];
}

interface TeamJson {
  id: number;
  workspace_id: string;
  name: string;
  channel_id: string;
  time_zone: string;
  locale: Team["locale"];
  currency: string;
  holiday_country: string;
  work_week: number[];
  quota_period: Team["quotaPeriod"];
  escalation_hours: number;
  policy_reminder_days: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * Everything `/team` needs in one round trip: the channel's team with its members and scheduled posts,
 * and who the asking person is (their teams and granted roles). The slash command's hot path.
 */
export async function loadChannelOverview(
  db: Db,
  workspaceId: string,
  channelId: string,
  userId: string,
): Promise<ChannelOverview> {
  const [row] = await queryRows<{
    team: TeamJson | null;
    members: [string, MemberRole][] | null;
    routines: [RoutineName, boolean, number[], string, string | null, AskIn | null][] | null;
    memberships: [number, string, MemberRole][];
    grants: GrantedRole[];
  }>(
    db,
    sql`
      with here as (
        select * from teams where workspace_id = ${workspaceId} and channel_id = ${channelId}
      )
      select
        (select row_to_json(here) from here) as team,
        (select json_agg(json_build_array(m.user_id, m.role) order by m.added_at, m.user_id)
           from team_members m where m.team_id = (select id from here)) as members,
        (select json_agg(json_build_array(r.routine, r.enabled, r.days, r.time, r.cutoff, r.ask_in))
           from team_routines r where r.team_id = (select id from here)) as routines,
        coalesce((select json_agg(json_build_array(m.team_id, t.name, m.role) order by t.name)
           from team_members m join teams t on t.id = m.team_id
           where m.workspace_id = ${workspaceId} and m.user_id = ${userId}), '[]'::json) as memberships,
        coalesce((select json_agg(g.role) from role_grants g
           where g.workspace_id = ${workspaceId} and g.user_id = ${userId}), '[]'::json) as grants
    `,
  );
  if (!row) throw new Error("overview query returned no row");
  return {
    here: row.team
      ? {
          ...teamWithMemberList(row.team, row.members),
          routines: settingsOf(
            (row.routines ?? []).map(([routine, enabled, days, time, cutoff, askIn]) => ({
              routine,
              enabled,
              days,
              time,
              cutoff,
              askIn,
            })),
          ),
        }
      : null,
    memberships: row.memberships.map(([teamId, teamName, role]) => ({ teamId, teamName, role })),
    granted: row.grants,
  };
}

function teamFromJson(t: TeamJson): Team {
  return {
    id: t.id,
    workspaceId: t.workspace_id,
    name: t.name,
    channelId: t.channel_id,
    timeZone: t.time_zone,
    locale: t.locale,
    currency: t.currency,
    holidayCountry: t.holiday_country,
    workWeek: t.work_week,
    quotaPeriod: t.quota_period,
    escalationHours: t.escalation_hours,
    policyReminderDays: t.policy_reminder_days,
    version: t.version,
    createdAt: new Date(t.created_at),
    updatedAt: new Date(t.updated_at),
  };
}

/**
 * The team, locked until the transaction ends: changes to its members that must see each other (two
 * supervisors removing each other) wait here, one after the other, and then read the members afresh.
 */
export async function lockTeam(db: Db, workspaceId: string, teamId: number): Promise<TeamWithMembers | null> {
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .for("update");
  return (await withMembers(db, rows))[0] ?? null;
}

/** The team a person sells in (a rep is in one team at most), or null. */
export async function repTeamOf(db: Db, workspaceId: string, userId: string): Promise<Team | null> {
  const [row] = await db
    .select({ team: teams })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(repMembership(workspaceId, userId));
  return row?.team ?? null;
}

/**
 * A condition other features' statements may ask along (their own tables stay theirs, these stay the
 * team's): the person is still the rep of the team, and the team is still at `version`.
 */
export function stillRepOf(m: { workspaceId: string; userId: string; teamId: number; version: number }): SQL {
  return sql`exists (select 1 from team_members m join teams t on t.id = m.team_id
    where m.workspace_id = ${m.workspaceId}::text and m.user_id = ${m.userId}::text and m.role = 'rep'
      and t.id = ${m.teamId}::integer and t.version = ${m.version}::integer)`;
}

/** The `team_members` row that makes a person a team's rep (a rep is in one team at most). */
export function repMembership(workspaceId: string, userId: string): SQL | undefined {
  return and(
    eq(teamMembers.workspaceId, workspaceId),
    eq(teamMembers.userId, userId),
    eq(teamMembers.role, "rep"),
  );
}
