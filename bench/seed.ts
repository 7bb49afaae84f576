/**
 * The benchmark's data: teams like real ones, and their history of check-ins and targets, inserted
 * set-based (`insert ... select generate_series(...)`) so two years of a large team take seconds.
 */
import { and, eq, sql } from "drizzle-orm";
import { checkins, quotaTargets } from "../src/features/quota/schema.js";
import { teamMembers, teams } from "../src/features/team/schema.js";
import type { Db } from "../src/platform/db/index.js";

export const WORKSPACE = "T0BENCH";
/** Every bench team's zone: its "today" and its periods. */
export const TIME_ZONE = "Europe/Stockholm";

export interface TeamSpec {
  workspaceId: string;
  name: string;
  channelId: string;
  supervisorId: string;
  /** Rep ids are `${repPrefix}` and a zero-padded number: U0BQ000, U0BQ001, ... */
  repPrefix: string;
  reps: number;
}

const PAD = 4;

/** The id of the rep numbered `i` (0-based); the SQL below builds the same ids. */
export function repId(spec: Pick<TeamSpec, "repPrefix">, i: number): string {
  return `${spec.repPrefix}${String(i).padStart(PAD, "0")}`;
}

export function repIds(spec: Pick<TeamSpec, "repPrefix" | "reps">): string[] {
  return Array.from({ length: spec.reps }, (_, i) => repId(spec, i));
}

const repIdSql = (spec: Pick<TeamSpec, "repPrefix">, number: ReturnType<typeof sql>) =>
  sql`${spec.repPrefix} || lpad(${number}::text, ${PAD}, '0')`;

async function insertTeam(db: Db, workspaceId: string, name: string, channelId: string, now: Date) {
  const [team] = await db
    .insert(teams)
    .values({
      workspaceId,
      name,
      channelId,
      timeZone: TIME_ZONE,
      locale: "en",
      currency: "SEK",
      holidayCountry: "SE",
      workWeek: [1, 2, 3, 4, 5],
      quotaPeriod: "month",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!team) throw new Error("seed failed");
  return team;
}

/** A team of the given size in its channel: SEK, English, Stockholm, monthly quotas. Returns its id. */
export async function seedTeam(db: Db, spec: TeamSpec): Promise<number> {
  const now = new Date();
  await db.delete(teams).where(and(eq(teams.workspaceId, spec.workspaceId), eq(teams.name, spec.name)));
  const team = await insertTeam(db, spec.workspaceId, spec.name, spec.channelId, now);
  await db.insert(teamMembers).values({
    workspaceId: spec.workspaceId,
    teamId: team.id,
    userId: spec.supervisorId,
    role: "supervisor",
    addedBy: spec.supervisorId,
    addedAt: now,
  });
  await db.execute(sql`
    insert into team_members (workspace_id, team_id, user_id, role, added_by, added_at)
    select ${spec.workspaceId}, ${team.id}, ${repIdSql(spec, sql`r`)}, 'rep', ${spec.supervisorId}, ${now.toISOString()}::timestamptz
    from generate_series(0, ${spec.reps - 1}) r`);
  return team.id;
}

/** The /team benchmark's team: a channel, a supervisor and twelve reps (U0BENCHREP asks). */
export async function seedBenchTeam(db: Db): Promise<void> {
  const now = new Date();
  await db.delete(teams).where(eq(teams.workspaceId, WORKSPACE));
  const team = await insertTeam(db, WORKSPACE, "Bench Sales", "C0BENCH", now);
  const people = [
    { userId: "U0BENCHSUP", role: "supervisor" as const },
    { userId: "U0BENCHREP", role: "rep" as const },
    ...Array.from({ length: 11 }, (_, i) => ({
      userId: `U0BENCHR${String(i).padStart(2, "0")}`,
      role: "rep" as const,
    })),
  ];
  await db.insert(teamMembers).values(
    people.map((p) => ({
      workspaceId: WORKSPACE,
      teamId: team.id,
      ...p,
      addedBy: "U0BENCHSUP",
      addedAt: now,
    })),
  );
}

export interface History {
  /** Days of check-ins, ending today (the team's local date): one check-in per rep per day. */
  days: number;
  /** The team's local date today, YYYY-MM-DD. */
  today: string;
  /** Days per insert statement; oldest first, so the table fills in time order, as it would in use. */
  chunkDays?: number;
}

/**
 * One check-in per rep per day (every 50th taken back), 1 000.00 to 9 999.99 SEK, and a target per rep
 * and one for the team for every month the history touches (supervisors set quotas monthly).
 */
export async function seedHistory(db: Db, teamId: number, spec: TeamSpec, history: History): Promise<void> {
  const chunk = history.chunkDays ?? 31;
  for (let newest = history.days - 1; newest >= 0; newest -= chunk) {
    // PGlite answers without ever returning to the event loop: let Ctrl-C (and timers) in between.
    await new Promise((resolve) => setImmediate(resolve));
    const oldest = newest;
    const youngest = Math.max(0, newest - chunk + 1);
    // d = days before today. recorded_at: during the working day, never in the future. The request ids
    // grow with time, as Slack's trigger ids do (they start with a timestamp).
    await db.execute(sql`
      insert into ${checkins}
        (workspace_id, team_id, rep_id, amount_minor, currency, note, sold_on, recorded_at, request_id, status)
      select ${spec.workspaceId}, ${teamId}, ${repIdSql(spec, sql`r`)},
        100000 + (r * 7919 + d * 104729) % 900000, 'SEK', 'seeded', day,
        least(now(), day + time '07:00' + (r % 600) * interval '1 minute'),
        'seed.' || to_char(day, 'YYYYMMDD') || '.' || lpad(r::text, 4, '0'),
        case when (r + d) % 50 = 0 then 'undone' else 'active' end
      from generate_series(${oldest}::int, ${youngest}::int, -1) d
      cross join lateral (select ${history.today}::date - d as day) as days
      cross join generate_series(0, ${spec.reps - 1}) r`);
  }
  const first = sql`date_trunc('month', ${history.today}::date - ${history.days - 1}::int)`;
  const months = sql`generate_series(${first}, ${history.today}::date, interval '1 month') m`;
  await db.execute(sql`
    insert into ${quotaTargets}
      (workspace_id, team_id, rep_id, period_key, amount_minor, currency, set_by, set_at)
    select ${spec.workspaceId}, ${teamId}, ${repIdSql(spec, sql`r`)}, to_char(m, 'YYYY-MM'),
      15000000 + (r % 10) * 1000000, 'SEK', ${spec.supervisorId}, m
    from ${months} cross join generate_series(0, ${spec.reps - 1}) r`);
  await db.execute(sql`
    insert into ${quotaTargets}
      (workspace_id, team_id, rep_id, period_key, amount_minor, currency, set_by, set_at)
    select ${spec.workspaceId}, ${teamId}, null, to_char(m, 'YYYY-MM'), ${spec.reps}::bigint * 15000000,
      'SEK', ${spec.supervisorId}, m
    from ${months}`);
}
