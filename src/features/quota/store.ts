import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db/index.js";
import { repTeamOf, stillRepOf, type Team } from "../team/index.js";
import {
  type Checkin,
  checkins,
  type QuotaSettings,
  quotaSettings,
  quotaTargets,
  repDayTotals,
} from "./schema.js";

export async function findSettings(db: Db, teamId: number): Promise<QuotaSettings | null> {
  const [row] = await db.select().from(quotaSettings).where(eq(quotaSettings.teamId, teamId));
  return row ?? null;
}

/**
 * The team a person sells in (they are its rep, as the team directory says) with the team's quota
 * settings: what a check-in reads before it records (once; later check-ins go ahead with what it read).
 */
export async function sellingTeamOf(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<{ team: Team; settings: QuotaSettings | null } | null> {
  const team = await repTeamOf(db, workspaceId, userId);
  return team ? { team, settings: await findSettings(db, team.id) } : null;
}

export type SettingsPatch = Partial<
  Pick<QuotaSettings, "checkinsPrivate" | "leaderboardInChannel" | "maxCheckinMinor" | "confirmAboveMinor">
>;

/**
 * The team's settings row, locked until the transaction ends (made first, with the defaults, when the
 * team has none), so one change to the settings waits for another instead of overwriting it.
 */
export async function lockSettings(
  db: Db,
  team: { id: number; workspaceId: string },
  by: string,
  at: Date,
): Promise<QuotaSettings> {
  await db
    .insert(quotaSettings)
    .values({ teamId: team.id, workspaceId: team.workspaceId, updatedBy: by, updatedAt: at })
    .onConflictDoNothing();
  const [row] = await db.select().from(quotaSettings).where(eq(quotaSettings.teamId, team.id)).for("update");
  if (!row) throw new Error(`quota settings of team ${team.id} vanished`);
  return row;
}

/** Changes only the settings named in the patch. */
export async function updateSettings(
  db: Db,
  teamId: number,
  patch: SettingsPatch,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .update(quotaSettings)
    .set({ ...patch, updatedBy: by, updatedAt: at })
    .where(eq(quotaSettings.teamId, teamId));
}

/** Period keys of one kind sort in time order ("2026-03" < "2026-04"); keys of other kinds do not match. */
function kindPattern(periodKey: string): string {
  return periodKey.includes("-W") ? "____-W__" : periodKey.includes("-Q") ? "____-Q_" : "____-__";
}

export interface TargetInForce {
  amountMinor: number;
  periodKey: string;
  currency: string;
}

/**
 * The targets in force in a period for the given reps (and the team's own, under key null): each one's
 * latest target set for this period or an earlier one of the same kind, as a target carries over until
 * it is changed. One statement; each lookup is a short backward walk of the targets' unique index, so
 * the cost does not grow with the years of targets behind it.
 */
export async function targetsInForce(
  db: Db,
  teamId: number,
  periodKey: string,
  repIds: readonly string[],
): Promise<Map<string | null, TargetInForce>> {
  const pattern = kindPattern(periodKey);
  const reps =
    repIds.length > 0
      ? sql.join(
          repIds.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql``;
  const rows = await queryRows<{
    rep_id: string | null;
    amount_minor: string | number;
    period_key: string;
    currency: string;
  }>(
    db,
    sql`
      select r.rep_id, t.amount_minor, t.period_key, t.currency
      from unnest(array[${reps}]::text[]) as r(rep_id)
      cross join lateral (
        select q.amount_minor, q.period_key, q.currency from quota_targets q
        where q.team_id = ${teamId} and q.rep_id = r.rep_id and q.period_key <= ${periodKey} and q.period_key like ${pattern}
        order by q.period_key desc limit 1
      ) t
      union all
      (select null, q.amount_minor, q.period_key, q.currency from quota_targets q
        where q.team_id = ${teamId} and q.rep_id is null and q.period_key <= ${periodKey} and q.period_key like ${pattern}
        order by q.period_key desc limit 1)
    `,
  );
  return new Map(
    rows.map((row) => [
      row.rep_id,
      { amountMinor: Number(row.amount_minor), periodKey: row.period_key, currency: row.currency },
    ]),
  );
}

/** Sets (or, with 0, clears) a target from a period on. */
export async function setTarget(
  db: Db,
  target: {
    workspaceId: string;
    teamId: number;
    repId: string | null;
    periodKey: string;
    amountMinor: number;
    currency: string;
    setBy: string;
    setAt: Date;
  },
): Promise<void> {
  const set = {
    amountMinor: target.amountMinor,
    currency: target.currency,
    setBy: target.setBy,
    setAt: target.setAt,
  };
  if (target.repId === null) {
    await db
      .insert(quotaTargets)
      .values(target)
      .onConflictDoUpdate({
        target: [quotaTargets.teamId, quotaTargets.periodKey],
        targetWhere: isNull(quotaTargets.repId),
        set,
      });
  } else {
    await db
      .insert(quotaTargets)
      .values(target)
      .onConflictDoUpdate({
        target: [quotaTargets.teamId, quotaTargets.repId, quotaTargets.periodKey],
        targetWhere: sql`rep_id is not null`,
        set,
      });
  }
}

export type NewCheckin = Omit<typeof checkins.$inferInsert, "id" | "status" | "changedBy" | "changedAt">;

/** What `recordCheckin` did, and what the rep's answer needs. */
export interface RecordedCheckin {
  /** The sale, or null when it was not recorded because the rep is to be asked first. */
  checkin: Checkin | null;
  /** False when this request had recorded it already (a replay), or nothing was recorded. */
  created: boolean;
  /** The rep's target in force in the period. */
  target: TargetInForce | undefined;
  /** The rep's sales in the period, this one included. */
  totals: Totals;
  /** The rep recorded the same amount the same day since `similarSince`: maybe a double entry. */
  similarRecent: boolean;
  /** The `postQueued` condition: a post that will list this sale is already on its way. */
  postQueued: boolean;
  /** The rep's whole days of approved leave in the period (the `daysOff` part of the statement). */
  daysOff: ReadonlySet<string>;
  /**
   * False when the team or its settings were not as `expected` (nothing was recorded or read): the
   * caller reads them again and starts over.
   */
  fresh: boolean;
}

/** The team and settings a check-in was worked out with, as it remembered them: checked in the statement. */
export interface ExpectedTeam {
  teamVersion: number;
  settings: Pick<QuotaSettings, "checkinsPrivate" | "maxCheckinMinor" | "confirmAboveMinor"> | null;
}

/**
 * A check-in in one statement (one round trip, no transaction of its own): reads the rep's target in
 * force, records the sale once per Slack request unless it is to be asked about first (above the rep's
 * whole target, or above `confirmAboveMinor`), and returns the rep's totals for the period from their
 * running day totals (`rep_day_totals`, kept by the database), whether the same amount came shortly
 * before, and whatever `postQueued` asks (whether the team's channel post is already queued). A replay of
 * the same request reads the sale it recorded before, in a second statement.
 */
export async function recordCheckin(
  db: Db,
  row: NewCheckin,
  options: {
    period: { key: string; start: string; end: string };
    /** Ask before recording a sale above this, or above the rep's target; null: record as it is. */
    confirmAboveMinor: number | null;
    similarSince: Date;
    postQueued: SQL<boolean> | null;
    /** The rep's whole days off in the period, as a text[] of dates (asked along, not in a round trip of its own). */
    daysOff: SQL<string[]> | null;
    /**
     * The team and settings as the caller remembered them: the sale is recorded only if the rep is still
     * the team's rep and both are still so. Null: the caller has just read them.
     */
    expected: ExpectedTeam | null;
  },
): Promise<RecordedCheckin> {
  const { period, expected } = options;
  const ask = options.confirmAboveMinor !== null;
  const settings = expected?.settings;
  const sameSettings = settings
    ? sql`exists (select 1 from quota_settings s where s.team_id = ${row.teamId}::integer
        and s.checkins_private = ${settings.checkinsPrivate}::boolean
        and s.max_checkin_minor is not distinct from ${settings.maxCheckinMinor}::bigint
        and s.confirm_above_minor is not distinct from ${settings.confirmAboveMinor}::bigint)`
    : sql`not exists (select 1 from quota_settings s where s.team_id = ${row.teamId}::integer)`;
  const fresh = expected
    ? sql`${stillRepOf({
        workspaceId: row.workspaceId,
        userId: row.repId,
        teamId: row.teamId,
        version: expected.teamVersion,
      })} and ${sameSettings}`
    : sql`true`;
  const rows = await queryRows<{
    fresh: boolean;
    asked: boolean;
    id: string | number | null;
    target_minor: string | number | null;
    target_period: string | null;
    target_currency: string | null;
    total_minor: string;
    sales: number;
    last_ms: number | null;
    similar: boolean;
    post_queued: boolean;
    days_off: string[] | null;
  }>(
    db,
    sql`
      with fresh as (
        select ${fresh} as fresh
      ), target as (
        select q.amount_minor, q.period_key, q.currency from quota_targets q
        where q.team_id = ${row.teamId}::integer and q.rep_id = ${row.repId}::text
          and q.period_key <= ${period.key}::text and q.period_key like ${kindPattern(period.key)}::text
        order by q.period_key desc limit 1
      ), asked as (
        select ${ask}::boolean and (${row.amountMinor}::bigint > ${options.confirmAboveMinor ?? 0}::bigint
          or exists (select 1 from target t where t.currency = ${row.currency}::text
            and t.amount_minor > 0 and ${row.amountMinor}::bigint > t.amount_minor)) as asked
      ), ins as (
        insert into checkins (workspace_id, team_id, rep_id, amount_minor, currency, note, product_id,
          sold_on, recorded_at, request_id, post_channel_id)
        select ${row.workspaceId}::text, ${row.teamId}::integer, ${row.repId}::text, ${row.amountMinor}::bigint,
          ${row.currency}::text, ${row.note ?? ""}::text, ${row.productId ?? null}::integer, ${row.soldOn}::date,
          ${row.recordedAt.toISOString()}::timestamptz, ${row.requestId}::text, ${row.postChannelId ?? null}::text
        where (select fresh from fresh) and not (select asked from asked)
        on conflict do nothing
        returning id
      ), days as (
        select coalesce(sum(d.total_minor), 0)::text as total_minor, coalesce(sum(d.sales), 0)::integer as sales,
          extract(epoch from max(d.last_at) filter (where d.sales > 0)) * 1000 as last_ms
        from rep_day_totals d
        where d.team_id = ${row.teamId}::integer and d.rep_id = ${row.repId}::text
          and d.currency = ${row.currency}::text and d.sold_on between ${period.start}::date and ${period.end}::date
      )
      select (select fresh from fresh) as fresh, (select asked from asked) as asked, (select id from ins) as id,
        t.amount_minor as target_minor, t.period_key as target_period, t.currency as target_currency,
        days.total_minor, days.sales, days.last_ms::float8 as last_ms,
        exists (select 1 from checkins c
          where c.team_id = ${row.teamId}::integer and c.rep_id = ${row.repId}::text and c.status = 'active'
            and c.sold_on = ${row.soldOn}::date and c.amount_minor = ${row.amountMinor}::bigint
            and c.recorded_at >= ${options.similarSince.toISOString()}::timestamptz
            and c.request_id <> ${row.requestId}::text) as similar,
        ${options.postQueued ?? sql`false`} as post_queued,
        ${options.daysOff ?? sql`null::text[]`} as days_off
      from days left join target t on true
    `,
  );
  const [found] = rows;
  if (!found) throw new Error("recordCheckin returned no row");
  const target: TargetInForce | undefined =
    found.target_minor !== null && found.target_period !== null && found.target_currency !== null
      ? {
          amountMinor: Number(found.target_minor),
          periodKey: found.target_period,
          currency: found.target_currency,
        }
      : undefined;
  const before: Totals = {
    totalMinor: Number(found.total_minor),
    count: Number(found.sales),
    lastAt: found.last_ms === null ? null : new Date(Number(found.last_ms)),
  };
  const common = {
    target,
    similarRecent: found.similar === true,
    postQueued: found.post_queued === true,
    daysOff: new Set(found.days_off ?? []),
    fresh: found.fresh === true,
  };
  if (!common.fresh) return { ...common, checkin: null, created: false, totals: before };
  if (found.asked) return { ...common, checkin: null, created: false, totals: before };
  if (found.id === null) {
    // This request recorded its sale before (Slack sent it again): the sale is in the totals already.
    const earlier = await checkinOfRequest(db, row.workspaceId, row.requestId);
    if (!earlier) throw new Error("check-in conflict without an existing row");
    return { ...common, checkin: earlier, created: false, totals: before };
  }
  const checkin: Checkin = {
    id: Number(found.id),
    workspaceId: row.workspaceId,
    teamId: row.teamId,
    repId: row.repId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    note: row.note ?? "",
    productId: row.productId ?? null,
    soldOn: row.soldOn,
    recordedAt: row.recordedAt,
    requestId: row.requestId,
    status: "active",
    postChannelId: row.postChannelId ?? null,
    postTs: null,
    version: 1,
    changedBy: null,
    changedAt: null,
  };
  const totals: Totals = {
    totalMinor: before.totalMinor + checkin.amountMinor,
    count: before.count + 1,
    lastAt: before.lastAt && before.lastAt > checkin.recordedAt ? before.lastAt : checkin.recordedAt,
  };
  return { ...common, checkin, created: true, totals };
}

/** The check-in a Slack request recorded, if it recorded one. */
export async function checkinOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<Checkin | null> {
  const [row] = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.workspaceId, workspaceId), eq(checkins.requestId, requestId)));
  return row ?? null;
}

export interface Totals {
  totalMinor: number;
  count: number;
  lastAt: Date | null;
}

/** A team's check-ins that still count, sold in a range of days (in one currency, when it is given). */
const active = (teamId: number, range: { start: string; end: string }, currency?: string) =>
  and(
    eq(checkins.teamId, teamId),
    eq(checkins.status, "active"),
    currency === undefined ? undefined : eq(checkins.currency, currency),
    gte(checkins.soldOn, range.start),
    lte(checkins.soldOn, range.end),
  );

/**
 * What each of some reps sold in a range of days (in the team's currency), from their running day totals:
 * at most a row a rep and day, however many sales they checked in. One statement for all of them; a rep
 * with no sales is not in the map.
 */
export async function repTotals(
  db: Db,
  teamId: number,
  repIds: readonly string[],
  currency: string,
  range: { start: string; end: string },
): Promise<Map<string, Totals>> {
  if (repIds.length === 0) return new Map();
  const rows = await db
    .select({ repId: repDayTotals.repId, ...summedDays })
    .from(repDayTotals)
    .where(and(daysOf(teamId, currency, range), inArray(repDayTotals.repId, [...repIds])))
    .groupBy(repDayTotals.repId);
  return new Map(rows.map((row) => [row.repId, totalsOf(row)]));
}

/** The sum of some running day totals: what was sold, in how many sales, and the last sale's time. */
const summedDays = {
  totalMinor: sql<string>`coalesce(sum(${repDayTotals.totalMinor}), 0)::text`,
  count: sql<number>`coalesce(sum(${repDayTotals.sales}), 0)::integer`,
  lastMs: sql<
    number | null
  >`(extract(epoch from max(${repDayTotals.lastAt}) filter (where ${repDayTotals.sales} > 0)) * 1000)::float8`,
};

/** A team's day totals in a currency over a range of days. */
const daysOf = (teamId: number, currency: string, range: { start: string; end: string }) =>
  and(
    eq(repDayTotals.teamId, teamId),
    eq(repDayTotals.currency, currency),
    gte(repDayTotals.soldOn, range.start),
    lte(repDayTotals.soldOn, range.end),
  );

const totalsOf = (row: { totalMinor: string; count: number; lastMs: number | null } | undefined): Totals => ({
  totalMinor: Number(row?.totalMinor ?? 0),
  count: Number(row?.count ?? 0),
  lastAt: row?.lastMs == null ? null : new Date(Number(row.lastMs)),
});

/** What each rep sold in a range of days, optionally of one product: the leaderboard's numbers. */
export async function teamTotals(
  db: Db,
  teamId: number,
  currency: string,
  range: { start: string; end: string },
  productId?: number,
): Promise<Map<string, Totals>> {
  const rows = await db
    .select({
      repId: checkins.repId,
      totalMinor: sql<string>`sum(${checkins.amountMinor})`,
      count: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${checkins.recordedAt})`,
    })
    .from(checkins)
    .where(
      and(
        active(teamId, range, currency),
        productId === undefined ? undefined : eq(checkins.productId, productId),
      ),
    )
    .groupBy(checkins.repId);
  return new Map(
    rows.map((row) => [
      row.repId,
      { totalMinor: Number(row.totalMinor), count: row.count, lastAt: new Date(row.lastAt) },
    ]),
  );
}

/** The rep's latest active check-in in a range of days. */
export async function latestCheckin(
  db: Db,
  teamId: number,
  repId: string,
  range: { start: string; end: string },
): Promise<Checkin | null> {
  const [row] = await db
    .select()
    .from(checkins)
    .where(and(active(teamId, range), eq(checkins.repId, repId)))
    .orderBy(desc(checkins.recordedAt), desc(checkins.id))
    .limit(1);
  return row ?? null;
}

export async function findCheckin(db: Db, workspaceId: string, id: number): Promise<Checkin | null> {
  const [row] = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.workspaceId, workspaceId), eq(checkins.id, id)));
  return row ?? null;
}

/**
 * A rep's own check-ins that still count, sold on or after `since`, in any team of the workspace, newest
 * first: what a commission claim may point at.
 */
export async function recentCheckinsOf(
  db: Db,
  workspaceId: string,
  repId: string,
  since: string,
  limit = 100,
): Promise<Checkin[]> {
  return db
    .select()
    .from(checkins)
    .where(
      and(
        eq(checkins.workspaceId, workspaceId),
        eq(checkins.repId, repId),
        eq(checkins.status, "active"),
        gte(checkins.soldOn, since),
      ),
    )
    .orderBy(desc(checkins.soldOn), desc(checkins.id))
    .limit(limit);
}

/** Check-ins in a range of days, newest first (optionally one rep's), for review and correction. */
export async function listCheckins(
  db: Db,
  teamId: number,
  range: { start: string; end: string },
  options: { repId?: string; limit: number },
): Promise<Checkin[]> {
  return db
    .select()
    .from(checkins)
    .where(and(active(teamId, range), options.repId ? eq(checkins.repId, options.repId) : undefined))
    .orderBy(desc(checkins.recordedAt), desc(checkins.id))
    .limit(options.limit);
}

/**
 * Takes a check-in out of the totals, only if it still counts: a double click or a second supervisor finds
 * it already gone (null).
 */
export async function retireCheckin(
  db: Db,
  id: number,
  status: "undone" | "removed",
  by: string,
  at: Date,
): Promise<Checkin | null> {
  const [row] = await db
    .update(checkins)
    .set({ status, changedBy: by, changedAt: at })
    .where(and(eq(checkins.id, id), eq(checkins.status, "active")))
    .returning();
  return row ?? null;
}

/**
 * Corrects an active check-in's amount and note, only if it is still the version the correction was
 * opened on; null otherwise (gone, or corrected by someone else meanwhile).
 */
export async function correctCheckin(
  db: Db,
  id: number,
  version: number,
  change: { amountMinor: number; note: string },
  by: string,
  at: Date,
): Promise<Checkin | null> {
  const [row] = await db
    .update(checkins)
    .set({ ...change, changedBy: by, changedAt: at, version: sql`${checkins.version} + 1` })
    .where(and(eq(checkins.id, id), eq(checkins.status, "active"), eq(checkins.version, version)))
    .returning();
  return row ?? null;
}

/**
 * A check-in owed a channel post: waiting for one (still active), or claimed by a post that never finished
 * (its run died between Slack and saving the ts).
 */
function owedPost() {
  return and(
    isNotNull(checkins.postChannelId),
    or(eq(checkins.postTs, ""), and(isNull(checkins.postTs), eq(checkins.status, "active"))),
  );
}

/**
 * Claims what a team's channel has yet to hear of, oldest first, at most `limit`: check-ins waiting for a
 * post and still counting, and claims a post that never finished left behind (a stopped or killed
 * process; only one gathering per channel runs at a time, so any claim found is such a one). The claim
 * is `post_ts = ''` until `savePosts` fills in the message's ts.
 */
export async function claimUnposted(
  db: Db,
  teamId: number,
  channel: string,
  limit: number,
): Promise<Checkin[]> {
  const waiting = db
    .select({ id: checkins.id })
    .from(checkins)
    .where(and(eq(checkins.teamId, teamId), owedPost()))
    .orderBy(checkins.id)
    .limit(limit)
    .for("update");
  const rows = await db
    .update(checkins)
    .set({ postChannelId: channel, postTs: "" })
    .where(inArray(checkins.id, waiting))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** Whether any check-in of the team still waits for its channel post (none claimed by a post under way). */
export async function hasUnposted(db: Db, teamId: number): Promise<boolean> {
  const rows = await db
    .select({ id: checkins.id })
    .from(checkins)
    .where(
      and(
        eq(checkins.teamId, teamId),
        isNotNull(checkins.postChannelId),
        isNull(checkins.postTs),
        eq(checkins.status, "active"),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The teams with a check-in that has waited for its channel post since before `before` (or a claim of a
 * post that never finished): what the sweep makes sure is posted.
 */
export async function teamsOwedPosts(
  db: Db,
  before: Date,
): Promise<{ workspaceId: string; teamId: number }[]> {
  return db
    .selectDistinct({ workspaceId: checkins.workspaceId, teamId: checkins.teamId })
    .from(checkins)
    .where(and(owedPost(), lt(checkins.recordedAt, before)));
}

/** Gives claims back after a post failed for now: the check-ins wait for the channel's next post. */
export async function releaseClaims(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(checkins)
    .set({ postTs: null })
    .where(and(inArray(checkins.id, [...ids]), eq(checkins.postTs, "")));
}

/**
 * The channel refused the post for good (gone, archived, the app not in it): the check-ins are no longer
 * owed a post there. Returns those given up, whose reps are told.
 */
export async function giveUpClaims(db: Db, ids: readonly number[]): Promise<Checkin[]> {
  if (ids.length === 0) return [];
  return db
    .update(checkins)
    .set({ postChannelId: null, postTs: null })
    .where(and(inArray(checkins.id, [...ids]), eq(checkins.postTs, "")))
    .returning();
}

/**
 * Remembers the message that told the team of these check-ins and returns them as they are now: any that
 * changed while the post was on its way (taken back, corrected) show it here, and the poster updates it.
 */
export async function savePosts(
  db: Db,
  ids: readonly number[],
  post: { channel: string; ts: string },
): Promise<Checkin[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(checkins)
    .set({ postChannelId: post.channel, postTs: post.ts })
    .where(inArray(checkins.id, [...ids]))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** The check-ins one channel message tells of, in the order it lists them. */
export async function checkinsOfPost(db: Db, channel: string, ts: string): Promise<Checkin[]> {
  return db
    .select()
    .from(checkins)
    .where(and(eq(checkins.postChannelId, channel), eq(checkins.postTs, ts), ne(checkins.postTs, "")))
    .orderBy(checkins.id);
}

/** How much of a team still counts in its currency this period: active check-ins, and targets in force. */
export async function figuresInCurrency(
  db: Db,
  teamId: number,
  currency: string,
  period: { start: string; end: string; key: string },
  repIds: readonly string[],
): Promise<{ checkins: number; targets: number }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(checkins)
    .where(active(teamId, period, currency));
  const targets = await targetsInForce(db, teamId, period.key, repIds);
  return {
    checkins: row?.count ?? 0,
    targets: [...targets.values()].filter((t) => t.amountMinor > 0 && t.currency === currency).length,
  };
}

/** Whether a team has any quota figures at all: a target or a check-in, of any period or status. */
export async function hasQuotaData(db: Db, teamId: number): Promise<boolean> {
  const [checkin] = await db
    .select({ id: checkins.id })
    .from(checkins)
    .where(eq(checkins.teamId, teamId))
    .limit(1);
  const [target] = await db
    .select({ id: quotaTargets.id })
    .from(quotaTargets)
    .where(eq(quotaTargets.teamId, teamId))
    .limit(1);
  return Boolean(checkin || target);
}

/** What a whole team sold in a range of days (every rep who sold for it, in its currency), from the day totals. */
export async function teamTotalIn(
  db: Db,
  teamId: number,
  currency: string,
  range: { start: string; end: string },
): Promise<Totals> {
  const [row] = await db
    .select(summedDays)
    .from(repDayTotals)
    .where(daysOf(teamId, currency, range));
  return totalsOf(row);
}

/** One rep's sales of one day that still count. */
export interface DaySales {
  repId: string;
  soldOn: string;
  totalMinor: number;
  sales: number;
}

/** Each rep's sales per day in a range of days (days with sales only), in the team's currency. */
export async function dailySales(
  db: Db,
  teamId: number,
  currency: string,
  range: { start: string; end: string },
): Promise<DaySales[]> {
  const rows = await db
    .select({
      repId: repDayTotals.repId,
      soldOn: repDayTotals.soldOn,
      totalMinor: repDayTotals.totalMinor,
      sales: repDayTotals.sales,
    })
    .from(repDayTotals)
    .where(
      and(
        eq(repDayTotals.teamId, teamId),
        eq(repDayTotals.currency, currency),
        gte(repDayTotals.soldOn, range.start),
        lte(repDayTotals.soldOn, range.end),
        sql`${repDayTotals.sales} > 0`,
      ),
    )
    .orderBy(repDayTotals.soldOn, repDayTotals.repId);
  return rows.map((row) => ({ ...row, totalMinor: Number(row.totalMinor) }));
}

/** A sale that still counts, as far as what it added and when. */
export interface SaleAt {
  repId: string;
  soldOn: string;
  amountMinor: number;
  recordedAt: Date;
}

/** The team's check-ins that still count in a range of days (its currency), oldest first. */
export async function salesIn(
  db: Db,
  teamId: number,
  currency: string,
  range: { start: string; end: string },
): Promise<SaleAt[]> {
  return db
    .select({
      repId: checkins.repId,
      soldOn: checkins.soldOn,
      amountMinor: checkins.amountMinor,
      recordedAt: checkins.recordedAt,
    })
    .from(checkins)
    .where(active(teamId, range, currency))
    .orderBy(checkins.recordedAt, checkins.id);
}

/**
 * The team's best day and best period (of the team's period kind) before a day, in its currency, from the
 * day totals: what a record has to beat. Null when there were no sales before it.
 */
export async function teamBests(
  db: Db,
  teamId: number,
  currency: string,
  kind: "week" | "month" | "quarter",
  before: { day: string; periodStart: string },
): Promise<{ dayMinor: number | null; periodMinor: number | null }> {
  const unit = sql.raw(`'${kind}'`);
  const rows = await queryRows<{ day_minor: string | null; period_minor: string | null }>(
    db,
    sql`select
          (select max(total)::text from (select sum(total_minor) as total from rep_day_totals
             where team_id = ${teamId} and currency = ${currency} and sold_on < ${before.day}::date
             group by sold_on) d) as day_minor,
          (select max(total)::text from (select sum(total_minor) as total from rep_day_totals
             where team_id = ${teamId} and currency = ${currency} and sold_on < ${before.periodStart}::date
             group by date_trunc(${unit}, sold_on::timestamp)) p) as period_minor`,
  );
  const row = rows[0];
  const positive = (value: string | null | undefined) =>
    value === null || value === undefined || Number(value) <= 0 ? null : Number(value);
  return { dayMinor: positive(row?.day_minor), periodMinor: positive(row?.period_minor) };
}

/** What a rep sold in a range of days: the total, the number of sales and the days with a sale. */
export interface RepActivity {
  totalMinor: number;
  count: number;
  activeDays: number;
}

/**
 * Each rep's sales in a range of days (in the team's currency), from the day totals: one row a rep, so a
 * year of a team is one short statement. Reps who sold nothing are not in the map.
 */
export async function repActivity(
  db: Db,
  teamId: number,
  currency: string,
  range: { start: string; end: string },
): Promise<Map<string, RepActivity>> {
  const rows = await db
    .select({
      repId: repDayTotals.repId,
      totalMinor: sql<string>`sum(${repDayTotals.totalMinor})::text`,
      count: sql<number>`sum(${repDayTotals.sales})::integer`,
      activeDays: sql<number>`(count(*) filter (where ${repDayTotals.sales} > 0))::integer`,
    })
    .from(repDayTotals)
    .where(daysOf(teamId, currency, range))
    .groupBy(repDayTotals.repId);
  return new Map(
    rows.map((row) => [
      row.repId,
      { totalMinor: Number(row.totalMinor), count: Number(row.count), activeDays: Number(row.activeDays) },
    ]),
  );
}

/** What a team sold of each product in a range of days (null: sales with no product), largest first. */
export async function productTotals(
  db: Db,
  teamId: number,
  currency: string,
  range: { start: string; end: string },
): Promise<{ productId: number | null; totalMinor: number; count: number }[]> {
  const rows = await db
    .select({
      productId: checkins.productId,
      totalMinor: sql<string>`sum(${checkins.amountMinor})::text`,
      count: sql<number>`count(*)::integer`,
    })
    .from(checkins)
    .where(active(teamId, range, currency))
    .groupBy(checkins.productId)
    .orderBy(sql`sum(${checkins.amountMinor}) desc`, checkins.productId);
  return rows.map((row) => ({
    productId: row.productId,
    totalMinor: Number(row.totalMinor),
    count: Number(row.count),
  }));
}
