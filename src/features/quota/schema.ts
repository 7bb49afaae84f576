import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { productKey } from "../products/index.js";
import { teamKey } from "../team/index.js";

/** How a team runs its quotas; a team without a row has the defaults. */
export const quotaSettings = pgTable("quota_settings", {
  teamId: integer().primaryKey().references(teamKey, { onDelete: "cascade" }),
  workspaceId: text().notNull(),
  /** Check-ins are announced in the team channel unless the team keeps them private. */
  checkinsPrivate: boolean().notNull().default(false),
  /** `/quota team` posts the leaderboard in the team channel, or shows it only to the asker. */
  leaderboardInChannel: boolean().notNull().default(true),
  /** The largest single check-in that is not taken for a typo, in minor units; null: the default. */
  maxCheckinMinor: bigint({ mode: "number" }),
  /**
   * A check-in above this (minor units) is asked about before it is recorded ("Did you mean…?"), as is one
   * above the rep's whole target; null: the default.
   */
  confirmAboveMinor: bigint({ mode: "number" }),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * What a rep (or, with no rep, the whole team) should sell in a period. A target holds for later periods
 * too until it is changed, so a supervisor sets it once and adjusts it when needed.
 */
export const quotaTargets = pgTable(
  "quota_targets",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    /** The rep, or null for the team's own target. */
    repId: text(),
    /** The period it was set for: 2026-03, 2026-Q1 or 2026-W10. */
    periodKey: text().notNull(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    setBy: text().notNull(),
    setAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("quota_targets_rep_key").on(t.teamId, t.repId, t.periodKey).where(sql`rep_id is not null`),
    uniqueIndex("quota_targets_team_key").on(t.teamId, t.periodKey).where(sql`rep_id is null`),
    // Zero clears a target from this period on ("no target"), since an older target would carry over.
    check("quota_targets_amount_check", sql`${t.amountMinor} >= 0`),
  ],
);

export const CHECKIN_STATUSES = ["active", "undone", "removed"] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

/** A sale a rep checked in. Taken back (undone) or removed by a supervisor, it stays for the record. */
export const checkins = pgTable(
  "checkins",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    repId: text().notNull(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    note: text().notNull().default(""),
    productId: integer().references(productKey, { onDelete: "set null" }),
    /** The day of the sale in the team's time zone: what puts it in a period. */
    soldOn: date({ mode: "string" }).notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
    /** Slack's id of the request (trigger_id): the same request never records a sale twice. */
    requestId: text().notNull(),
    status: text({ enum: CHECKIN_STATUSES }).notNull().default("active"),
    /**
     * Where the team is told of it. A check-in the team hears of is recorded with the channel and no ts
     * (waiting for the channel's next post); while a post is on its way `postTs` is "" (claimed: whoever
     * changes the check-in meanwhile leaves the update to the poster); then the message's ts, so taking
     * it back updates that message. No channel: the team is not told (private check-ins).
     */
    postChannelId: text(),
    postTs: text(),
    /** Bumped by every correction; a correction form saves only onto the version it was opened on. */
    version: integer().notNull().default(1),
    changedBy: text(),
    changedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("checkins_request_key").on(t.workspaceId, t.requestId),
    index("checkins_team_day_idx").on(t.teamId, t.soldOn).where(sql`status = 'active'`),
    index("checkins_rep_day_idx").on(t.teamId, t.repId, t.soldOn).where(sql`status = 'active'`),
    // What a team's channel has yet to hear of, and the check-ins one message lists.
    index("checkins_unposted_idx")
      .on(t.teamId, t.id)
      .where(sql`post_channel_id is not null and (post_ts is null or post_ts = '')`),
    index("checkins_post_idx").on(t.postChannelId, t.postTs).where(sql`post_ts <> ''`),
    check("checkins_amount_check", sql`${t.amountMinor} > 0`),
    check("checkins_status_check", sql`${t.status} in ('active', 'undone', 'removed')`),
  ],
);

/**
 * A rep's sales of one day that still count, kept up to date by the database itself: the trigger
 * `checkins_day_totals` (migration 0006) adds each check-in as it is recorded and takes it out again
 * when it is taken back, removed or corrected. A rep's period is then at most a quarter's days, however
 * many sales the rep has checked in; no statement in the app writes here.
 */
export const repDayTotals = pgTable(
  "rep_day_totals",
  {
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    repId: text().notNull(),
    currency: text().notNull(),
    soldOn: date({ mode: "string" }).notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    sales: integer().notNull(),
    /** When a sale of that day was last recorded (a day's row with no sales left counts for nothing). */
    lastAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.repId, t.currency, t.soldOn] })],
);

export type QuotaSettings = typeof quotaSettings.$inferSelect;
export type QuotaTarget = typeof quotaTargets.$inferSelect;
export type Checkin = typeof checkins.$inferSelect;
