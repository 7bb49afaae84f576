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

export const QUOTA_PERIODS = ["week", "month", "quarter"] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

export const MEMBER_ROLES = ["supervisor", "rep"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A sales team: bound to one channel, led by one or more supervisors, with its own calendar and money. */
export const teams = pgTable(
  "teams",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    name: text().notNull(),
    channelId: text().notNull(),
    /** IANA zone every "today" and schedule of the team is in. */
    timeZone: text().notNull(),
    /** Language of the team's channel posts: en or sv. */
    locale: text({ enum: ["en", "sv"] }).notNull(),
    /** ISO 4217 code; amounts are stored in its minor units. */
    currency: text().notNull(),
    /** ISO 3166-1 country whose public holidays are days off. */
    holidayCountry: text().notNull(),
    /** ISO weekdays (1 = Monday) the team works. */
    workWeek: integer().array().notNull(),
    quotaPeriod: text({ enum: QUOTA_PERIODS }).notNull(),
    /**
     * Working hours an escalation may wait to be acknowledged before its supervisors are reminded; after
     * twice that the executive who raised it is told.
     */
    escalationHours: integer().notNull().default(24),
    /**
     * Working days a rep has to acknowledge a policy before being reminded (and again after as many days
     * more); after the second reminder the supervisors are told who is missing.
     */
    policyReminderDays: integer().notNull().default(3),
    /** Bumped by every change to the team or its members; guards modals left open against lost updates. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("teams_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    uniqueIndex("teams_workspace_channel_key").on(t.workspaceId, t.channelId),
    check("teams_locale_check", sql`${t.locale} in ('en', 'sv')`),
    check("teams_escalation_hours_check", sql`${t.escalationHours} between 1 and 400`),
    check("teams_policy_reminder_days_check", sql`${t.policyReminderDays} between 1 and 30`),
    check("teams_quota_period_check", sql`${t.quotaPeriod} in ('week', 'month', 'quarter')`),
    check(
      "teams_work_week_check",
      sql`${t.workWeek} <@ array[1,2,3,4,5,6,7] and cardinality(${t.workWeek}) > 0`,
    ),
  ],
);

/** Who is in a team and as what. A rep is in one team at most; a supervisor may lead several. */
export const teamMembers = pgTable(
  "team_members",
  {
    workspaceId: text().notNull(),
    teamId: integer()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text().notNull(),
    role: text({ enum: MEMBER_ROLES }).notNull(),
    addedBy: text().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    uniqueIndex("team_members_one_team_per_rep").on(t.workspaceId, t.userId).where(sql`role = 'rep'`),
    index("team_members_user_idx").on(t.workspaceId, t.userId),
    check("team_members_role_check", sql`${t.role} in ('supervisor', 'rep')`),
  ],
);

/** The team posts that come on a schedule: motivation, a product spotlight, the weekly standup. */
export const ROUTINES = ["motivation", "spotlight", "standup"] as const;
export type RoutineName = (typeof ROUTINES)[number];

/** Where the standup asks each rep: in its post's thread, or by DM. */
export const ASK_IN = ["thread", "dm"] as const;
export type AskIn = (typeof ASK_IN)[number];

/**
 * A team's setting of one routine, when it differs from the defaults (a team without a row runs the
 * defaults of `routines.ts`). Days and time are read in the team's time zone.
 */
export const teamRoutines = pgTable(
  "team_routines",
  {
    workspaceId: text().notNull(),
    teamId: integer()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    routine: text({ enum: ROUTINES }).notNull(),
    enabled: boolean().notNull(),
    /** ISO weekdays (1 = Monday). */
    days: integer().array().notNull(),
    /** Wall time "HH:MM" in the team's zone. */
    time: text().notNull(),
    /** The standup's cut-off "HH:MM" the same day (null for the others). */
    cutoff: text(),
    /** Where the standup asks each rep: in the post's thread or by DM (null for the others). */
    askIn: text({ enum: ASK_IN }),
    updatedBy: text().notNull(),
    /** When the setting was last saved: nothing is owed for its slots before then. */
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.routine] }),
    check("team_routines_routine_check", sql`${t.routine} in ('motivation', 'spotlight', 'standup')`),
    check("team_routines_days_check", sql`${t.days} <@ array[1,2,3,4,5,6,7] and cardinality(${t.days}) > 0`),
    check("team_routines_ask_in_check", sql`${t.askIn} is null or ${t.askIn} in ('thread', 'dm')`),
  ],
);

export type Team = typeof teams.$inferSelect;
export type TeamRoutineRow = typeof teamRoutines.$inferSelect;
export type TeamMember = typeof teamMembers.$inferSelect;

/** What another feature's table points its `team_id` at (a foreign key), without reaching into team's tables. */
export const teamKey = () => teams.id;
