import { sql } from "drizzle-orm";
import {
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
import { escalationKey } from "../escalations/index.js";
import { teamKey } from "../team/index.js";
import { warningKey } from "../warnings/index.js";

export const PLAN_STATUSES = ["active", "closed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How a plan ended. */
export const PLAN_OUTCOMES = ["achieved", "partly", "notAchieved"] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

/** Where a rep stands at a review. */
export const REVIEW_PROGRESS = ["onTrack", "atRisk", "done"] as const;
export type ReviewProgress = (typeof REVIEW_PROGRESS)[number];

/**
 * A coaching plan for a rep: a goal, the actions agreed, review dates, closed with an outcome. At most one
 * active plan per rep (a partial unique index). Every transition is a guarded update (only an active plan
 * closes, only an open review is recorded), audited, and brings every DM about it up to date through one
 * serial job queued in the same transaction.
 */
export const coachingPlans = pgTable(
  "coaching_plans",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    repId: text().notNull(),
    /** The rep's team when the plan started; null for a rep in no team (or a team since deleted). */
    teamId: integer().references(teamKey, { onDelete: "set null" }),
    goal: text().notNull(),
    status: text({ enum: PLAN_STATUSES }).notNull().default("active"),
    startedBy: text().notNull(),
    escalationId: integer().references(escalationKey, { onDelete: "set null" }),
    /** The warning it came from, when started from one. */
    warningId: integer().references(warningKey, { onDelete: "set null" }),
    outcome: text({ enum: PLAN_OUTCOMES }),
    closingNote: text(),
    closedBy: text(),
    closedAt: timestamp({ withTimezone: true }),
    /** Slack's id of the request that started it: a replayed submission starts nothing twice. */
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("coaching_plans_active_rep_key").on(t.workspaceId, t.repId).where(sql`status = 'active'`),
    uniqueIndex("coaching_plans_request_key")
      .on(t.workspaceId, t.requestId)
      .where(sql`request_id is not null`),
    index("coaching_plans_rep_idx").on(t.workspaceId, t.repId),
    index("coaching_plans_escalation_idx").on(t.escalationId),
    check("coaching_plans_status_check", sql`${t.status} in ('active', 'closed')`),
    check(
      "coaching_plans_outcome_check",
      sql`${t.outcome} is null or ${t.outcome} in ('achieved', 'partly', 'notAchieved')`,
    ),
    check(
      "coaching_plans_closed_check",
      sql`(${t.status} = 'closed') = (${t.outcome} is not null and ${t.closedBy} is not null and ${t.closedAt} is not null and ${t.closingNote} is not null)`,
    ),
    check("coaching_plans_goal_check", sql`length(trim(${t.goal})) > 0`),
  ],
);

/** The actions agreed in a plan, in the order they were written. */
export const coachingActions = pgTable(
  "coaching_actions",
  {
    planId: integer()
      .notNull()
      .references(() => coachingPlans.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    text: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.position] }),
    check("coaching_actions_text_check", sql`length(trim(${t.text})) > 0`),
  ],
);

/**
 * A plan's review dates. `notifiedAt` is the guard of the review-day DMs: set once, by a guarded update in
 * the transaction that queues them. A review is recorded once, with progress and a note.
 */
export const coachingReviews = pgTable(
  "coaching_reviews",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => coachingPlans.id, { onDelete: "cascade" }),
    date: date({ mode: "string" }).notNull(),
    notifiedAt: timestamp({ withTimezone: true }),
    progress: text({ enum: REVIEW_PROGRESS }),
    note: text(),
    recordedBy: text(),
    recordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("coaching_reviews_plan_date_key").on(t.planId, t.date),
    index("coaching_reviews_waiting_idx").on(t.date).where(sql`notified_at is null and progress is null`),
    check(
      "coaching_reviews_progress_check",
      sql`${t.progress} is null or ${t.progress} in ('onTrack', 'atRisk', 'done')`,
    ),
    check(
      "coaching_reviews_recorded_check",
      sql`(${t.progress} is null) = (${t.recordedBy} is null) and (${t.progress} is null) = (${t.recordedAt} is null) and (${t.progress} is null) = (${t.note} is null)`,
    ),
  ],
);

/**
 * The DMs a plan put in front of people, so every later change updates them in place: `key` is `plan`
 * (the plan itself, to the rep and the coaches), `due:<review>` (a review is due), `progress:<review>`
 * (the rep told of a review's progress) or `closed` (the rep told it closed).
 */
export const coachingDms = pgTable(
  "coaching_messages",
  {
    planId: integer()
      .notNull()
      .references(() => coachingPlans.id, { onDelete: "cascade" }),
    userId: text().notNull(),
    key: text().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.userId, t.key] }),
    check("coaching_messages_key_check", sql`${t.key} ~ '^(plan|closed|due:[0-9]+|progress:[0-9]+)$'`),
  ],
);

export type CoachingPlan = typeof coachingPlans.$inferSelect;
export type CoachingAction = typeof coachingActions.$inferSelect;
export type CoachingReview = typeof coachingReviews.$inferSelect;
export type CoachingMessage = typeof coachingDms.$inferSelect;
