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
import { teamKey } from "../team/index.js";

/** What people ask their supervisors to approve; each kind keeps its own details in its own table. */
export const APPROVAL_KINDS = ["leave", "commission"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const APPROVAL_STATUSES = ["pending", "approved", "denied", "cancelled"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * Who decides: the team's supervisors, or (for a supervisor's own request, or a team with no supervisor
 * besides the requester) the workspace's executives and admins.
 */
export const APPROVAL_ROUTES = ["supervisors", "executives"] as const;
export type ApprovalRoute = (typeof APPROVAL_ROUTES)[number];

/**
 * One request through the approval workflow: pending, then approved or denied (with a reason), and possibly
 * cancelled by the person who asked. Every transition is a guarded update on `status` (two deciders at once
 * make one decision), audited, and tells people by DM through the job engine in the same transaction.
 */
export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    kind: text({ enum: APPROVAL_KINDS }).notNull(),
    requesterId: text().notNull(),
    route: text({ enum: APPROVAL_ROUTES }).notNull(),
    status: text({ enum: APPROVAL_STATUSES }).notNull().default("pending"),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    /** Why it was denied (or, for an approval, an optional word from the decider). */
    reason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    /** When the deciders were reminded of it (once). */
    remindedAt: timestamp({ withTimezone: true }),
    /** Slack's id of the request that filed it: a replayed submission files nothing twice. */
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("approval_requests_requester_idx").on(t.workspaceId, t.requesterId),
    index("approval_requests_team_status_idx").on(t.teamId, t.status),
    uniqueIndex("approval_requests_request_key")
      .on(t.workspaceId, t.requestId)
      .where(sql`request_id is not null`),
    check("approval_requests_kind_check", sql`${t.kind} in ('leave', 'commission')`),
    check(
      "approval_requests_status_check",
      sql`${t.status} in ('pending', 'approved', 'denied', 'cancelled')`,
    ),
    check("approval_requests_route_check", sql`${t.route} in ('supervisors', 'executives')`),
    check(
      "approval_requests_decision_check",
      sql`(${t.status} in ('approved', 'denied')) = (${t.decidedBy} is not null) or ${t.status} = 'cancelled'`,
    ),
  ],
);

/**
 * The DMs a request put in front of people (each decider's, the requester's), so every later change
 * updates them in place: the second supervisor sees "approved by Sara", not buttons that no longer work.
 */
export const approvalMessages = pgTable(
  "approval_messages",
  {
    requestId: integer()
      .notNull()
      .references(() => approvalRequests.id, { onDelete: "cascade" }),
    userId: text().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);

export type ApprovalRequest = typeof approvalRequests.$inferSelect;
export type ApprovalMessage = typeof approvalMessages.$inferSelect;

/** What a kind's details table points its `request_id` at. */
export const approvalKey = () => approvalRequests.id;

/** A team's settings of the workflow: how long a request may wait before its deciders are reminded. */
export const approvalSettings = pgTable(
  "approval_settings",
  {
    teamId: integer().primaryKey().references(teamKey, { onDelete: "cascade" }),
    /** Working days a request may wait for a decision before the deciders are reminded (once). */
    remindAfterDays: integer().notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check("approval_settings_remind_check", sql`${t.remindAfterDays} between 1 and 30`)],
);
