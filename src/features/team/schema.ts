import { sql } from "drizzle-orm";
import {
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

export type Team = typeof teams.$inferSelect;
export type TeamMember = typeof teamMembers.$inferSelect;

/** What another feature's table points its `team_id` at (a foreign key), without reaching into team's tables. */
export const teamKey = () => teams.id;
