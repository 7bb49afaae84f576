import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { teamKey } from "../team/index.js";

export const MEETING_KINDS = ["sales", "executive", "oneOnOne"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ["active", "paused"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * A team's recurring meeting: weekdays at a wall time, or a cron expression, read in its zone; posted
 * about in a channel (`channelId`) or by DM (null). A 1:1 is with one rep. `scheduledAt` is when the
 * schedule was last set (added, edited, resumed): reminders whose time came before it are not owed.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    kind: text({ enum: MEETING_KINDS }).notNull(),
    title: text().notNull(),
    /** The rep of a 1:1. */
    repId: text(),
    /** ISO weekdays (1 = Monday) with `time`, or null when `cron` is set. */
    days: integer().array(),
    time: text(),
    cron: text(),
    timeZone: text().notNull(),
    /** Where reminders are posted; null: by DM to each attendee. */
    channelId: text(),
    agenda: text().notNull().default(""),
    /** Reminder offsets in minutes before the meeting, longest first. */
    offsets: integer().array().notNull(),
    status: text({ enum: MEETING_STATUSES }).notNull().default("active"),
    createdBy: text().notNull(),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
    /** Slack's id of the request that added it: a replayed submission adds nothing twice. */
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("meetings_request_key").on(t.workspaceId, t.requestId).where(sql`request_id is not null`),
    index("meetings_team_idx").on(t.workspaceId, t.teamId),
    index("meetings_active_idx").on(t.status),
    check("meetings_kind_check", sql`${t.kind} in ('sales', 'executive', 'oneOnOne')`),
    check("meetings_status_check", sql`${t.status} in ('active', 'paused')`),
    check("meetings_title_check", sql`length(trim(${t.title})) > 0`),
    check(
      "meetings_schedule_check",
      sql`(${t.cron} is null) = (${t.days} is not null and ${t.time} is not null)`,
    ),
    check("meetings_rep_check", sql`(${t.kind} = 'oneOnOne') = (${t.repId} is not null)`),
  ],
);

/**
 * The reminders claimed, once per (meeting, occurrence, offset), by a guarded insert in the transaction
 * that queues the post: several sweeps (several instances) remind once. `posted` false: an earlier reminder
 * whose time had passed when a later one was due (missed while nothing ran), recorded so it never comes.
 */
export const meetingReminders = pgTable(
  "meeting_reminders",
  {
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    occurrence: timestamp({ withTimezone: true }).notNull(),
    offsetMinutes: integer().notNull(),
    posted: boolean().notNull(),
    claimedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.occurrence, t.offsetMinutes] })],
);

/** The messages a reminder put in front of people (a channel, a DM), so a retried job posts nothing twice. */
export const meetingPosts = pgTable(
  "meeting_posts",
  {
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    occurrence: timestamp({ withTimezone: true }).notNull(),
    offsetMinutes: integer().notNull(),
    /** A channel id, or a user id for a DM; `review:<user>` for an executive meeting's review DM. */
    recipient: text().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.occurrence, t.offsetMinutes, t.recipient] })],
);

export type Meeting = typeof meetings.$inferSelect;
