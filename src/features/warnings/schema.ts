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

/** The steps of discipline, mildest first. */
export const WARNING_LEVELS = ["verbal", "written", "final"] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_REASONS = ["performance", "conduct", "policy", "attendance", "other"] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

/**
 * A warning a rep's supervisor (or an executive or admin) issued: its level, reason and details, until
 * when it counts (`expiresOn`, a date in the team's zone), optionally the escalation it answers, and when
 * the rep acknowledged receipt. Receipt is a guarded update (only while not acknowledged), audited.
 */
export const warnings = pgTable(
  "warnings",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    repId: text().notNull(),
    /** The rep's team when it was issued; null for a rep in no team (or a team since deleted). */
    teamId: integer().references(teamKey, { onDelete: "set null" }),
    level: text({ enum: WARNING_LEVELS }).notNull(),
    reason: text({ enum: WARNING_REASONS }).notNull(),
    details: text().notNull(),
    escalationId: integer().references(escalationKey, { onDelete: "set null" }),
    issuedBy: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    /** The last day it counts; from the next day it is expired (out of suggestions, still in history). */
    expiresOn: date({ mode: "string" }).notNull(),
    /** When the rep acknowledged receipt (not agreement); null until then. */
    acknowledgedAt: timestamp({ withTimezone: true }),
    /** Slack's id of the request that issued it: a replayed submission issues nothing twice. */
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("warnings_rep_idx").on(t.workspaceId, t.repId),
    index("warnings_escalation_idx").on(t.escalationId),
    uniqueIndex("warnings_request_key").on(t.workspaceId, t.requestId).where(sql`request_id is not null`),
    check("warnings_level_check", sql`${t.level} in ('verbal', 'written', 'final')`),
    check(
      "warnings_reason_check",
      sql`${t.reason} in ('performance', 'conduct', 'policy', 'attendance', 'other')`,
    ),
    check("warnings_details_check", sql`char_length(${t.details}) between 1 and 2000`),
    check("warnings_not_self_check", sql`${t.repId} <> ${t.issuedBy}`),
    check(
      "warnings_acknowledged_check",
      sql`${t.acknowledgedAt} is null or ${t.acknowledgedAt} >= ${t.issuedAt}`,
    ),
  ],
);

export const WARNING_MESSAGE_ROLES = ["rep", "issuer"] as const;
export type WarningMessageRole = (typeof WARNING_MESSAGE_ROLES)[number];

/** The DMs a warning put in front of people (the rep's, the issuer's), so later changes update them in place. */
export const warningDms = pgTable(
  "warning_messages",
  {
    warningId: integer()
      .notNull()
      .references(() => warnings.id, { onDelete: "cascade" }),
    userId: text().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
    role: text({ enum: WARNING_MESSAGE_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.warningId, t.userId] }),
    check("warning_messages_role_check", sql`${t.role} in ('rep', 'issuer')`),
  ],
);

export type Warning = typeof warnings.$inferSelect;

/** What another feature's table points its `warning_id` at (a foreign key), without reaching into the table. */
export const warningKey = () => warnings.id;
export type WarningMessage = typeof warningDms.$inferSelect;
