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

export const ESCALATION_CATEGORIES = ["missedTarget", "policy", "complaint", "other"] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number];

export const ESCALATION_URGENCIES = ["normal", "urgent"] as const;
export type EscalationUrgency = (typeof ESCALATION_URGENCIES)[number];

export const ESCALATION_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/**
 * Who handles it: the rep's team's supervisors, or (a rep in no team, or in a team with no supervisor)
 * the workspace's admins. Fixed when it is raised, so the executive is told at once where it went.
 */
export const ESCALATION_ROUTES = ["supervisors", "admins"] as const;
export type EscalationRoute = (typeof ESCALATION_ROUTES)[number];

/**
 * An executive's escalation about a rep: open, then acknowledged, then resolved with a note. Every
 * transition is a guarded update on `status` (a double click, or two handlers at once, make one change),
 * audited, and brings every DM about it up to date through one serial job queued in the same transaction.
 */
export const escalations = pgTable(
  "escalations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    /** The rep's team when it was raised; null for a rep in no team (or a team since deleted). */
    teamId: integer().references(teamKey, { onDelete: "set null" }),
    repId: text().notNull(),
    raisedBy: text().notNull(),
    route: text({ enum: ESCALATION_ROUTES }).notNull(),
    category: text({ enum: ESCALATION_CATEGORIES }).notNull(),
    urgency: text({ enum: ESCALATION_URGENCIES }).notNull(),
    details: text().notNull(),
    /** The message it was raised from (the message shortcut), when there was one. */
    messageChannel: text(),
    messageTs: text(),
    permalink: text(),
    excerpt: text(),
    status: text({ enum: ESCALATION_STATUSES }).notNull().default("open"),
    acknowledgedBy: text(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    resolvedBy: text(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolution: text(),
    /** When its handlers were reminded that it waits to be acknowledged (once). */
    remindedAt: timestamp({ withTimezone: true }),
    /** When the executive was told it is still not acknowledged (once, after twice the team's hours). */
    raiserToldAt: timestamp({ withTimezone: true }),
    /** Slack's id of the request that raised it: a replayed submission raises nothing twice. */
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("escalations_team_status_idx").on(t.teamId, t.status),
    index("escalations_waiting_idx").on(t.createdAt).where(sql`status = 'open'`),
    index("escalations_rep_idx").on(t.workspaceId, t.repId),
    uniqueIndex("escalations_request_key").on(t.workspaceId, t.requestId).where(sql`request_id is not null`),
    check(
      "escalations_category_check",
      sql`${t.category} in ('missedTarget', 'policy', 'complaint', 'other')`,
    ),
    check("escalations_urgency_check", sql`${t.urgency} in ('normal', 'urgent')`),
    check("escalations_status_check", sql`${t.status} in ('open', 'acknowledged', 'resolved')`),
    check("escalations_route_check", sql`${t.route} in ('supervisors', 'admins')`),
    check(
      "escalations_resolved_check",
      sql`(${t.status} = 'resolved') = (${t.resolvedBy} is not null and ${t.resolution} is not null)`,
    ),
  ],
);

export const ESCALATION_MESSAGE_ROLES = ["handler", "raiser"] as const;
export type EscalationMessageRole = (typeof ESCALATION_MESSAGE_ROLES)[number];

/**
 * The DMs an escalation put in front of people (each handler's, the executive's), so every later change
 * updates them in place: a second supervisor sees "acknowledged by Sara", not buttons that no longer work.
 */
export const escalationDms = pgTable(
  "escalation_messages",
  {
    escalationId: integer()
      .notNull()
      .references(() => escalations.id, { onDelete: "cascade" }),
    userId: text().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
    role: text({ enum: ESCALATION_MESSAGE_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.escalationId, t.userId] }),
    check("escalation_messages_role_check", sql`${t.role} in ('handler', 'raiser')`),
  ],
);

export type Escalation = typeof escalations.$inferSelect;

/** What another feature's table points its `escalation_id` at (a foreign key), without reaching into the table. */
export const escalationKey = () => escalations.id;
export type EscalationMessage = typeof escalationDms.$inferSelect;
