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
import { teamKey } from "../team/index.js";

export const POLICY_STATUSES = ["active", "retired"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** Longest title and text a policy may have (a header holds 150 characters; a section 3000). */
export const POLICY_TITLE_MAX = 150;
export const POLICY_TEXT_MAX = 2800;

/**
 * A policy an executive (or a supervisor, for their own teams) published: its current version's title,
 * text and effective date. A revision bumps `version` (everyone acknowledges again); retiring it stops
 * reminders and takes the button away. Older versions live on in `policy_versions`.
 */
export const policies = pgTable(
  "policies",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    effectiveOn: date({ mode: "string" }).notNull(),
    version: integer().notNull().default(1),
    status: text({ enum: POLICY_STATUSES }).notNull().default("active"),
    publishedBy: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    revisedBy: text(),
    revisedAt: timestamp({ withTimezone: true }),
    retiredBy: text(),
    retiredAt: timestamp({ withTimezone: true }),
    /** Slack's id of the request that published it: a replayed submission publishes nothing twice. */
    requestId: text(),
  },
  (t) => [
    uniqueIndex("policies_request_key").on(t.workspaceId, t.requestId).where(sql`request_id is not null`),
    index("policies_workspace_idx").on(t.workspaceId, t.status),
    check("policies_status_check", sql`${t.status} in ('active', 'retired')`),
    check("policies_title_check", sql`char_length(${t.title}) between 1 and 150`),
    check("policies_body_check", sql`char_length(${t.body}) between 1 and 2800`),
    check("policies_version_check", sql`${t.version} >= 1`),
  ],
);

/** Every version of a policy as it was published (the current one included), for the record. */
export const policyVersions = pgTable(
  "policy_versions",
  {
    policyId: integer()
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    effectiveOn: date({ mode: "string" }).notNull(),
    by: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Slack's id of the request that revised it: a replayed revision makes no third version. */
    requestId: text(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.version] }),
    uniqueIndex("policy_versions_request_key").on(t.policyId, t.requestId).where(sql`request_id is not null`),
  ],
);

/** The teams a policy is for. */
export const policyTeams = pgTable(
  "policy_teams",
  {
    policyId: integer()
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.teamId] }), index("policy_teams_team_idx").on(t.teamId)],
);

/**
 * One rep asked to acknowledge one version of a policy: when it was owed (publication, revision, or the
 * day they joined the team), when they acknowledged it, the reminders sent, whether their supervisors were
 * told they are missing, and the DM it sits in. Acknowledgement and reminders are guarded updates.
 */
export const policyRecipients = pgTable(
  "policy_recipients",
  {
    workspaceId: text().notNull(),
    policyId: integer()
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    repId: text().notNull(),
    teamId: integer().references(teamKey, { onDelete: "set null" }),
    owedAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    remindersSent: integer().notNull().default(0),
    /** The team's day of the last reminder. */
    lastRemindedOn: date({ mode: "string" }),
    supervisorToldAt: timestamp({ withTimezone: true }),
    channelId: text(),
    ts: text(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.version, t.repId] }),
    index("policy_recipients_rep_idx").on(t.workspaceId, t.repId),
    check("policy_recipients_reminders_check", sql`${t.remindersSent} between 0 and 2`),
  ],
);

/** The short notice in a team's channel about a version of a policy: posted once. */
export const policyNotices = pgTable(
  "policy_notices",
  {
    policyId: integer()
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    teamId: integer().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.version, t.teamId] })],
);

export type Policy = typeof policies.$inferSelect;
export type PolicyRecipient = typeof policyRecipients.$inferSelect;
