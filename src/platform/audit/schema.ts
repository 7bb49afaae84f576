import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who did what, when, with the state before and after. Append-only: a trigger (migration
 * 0001_audit_append_only) rejects UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    /** Slack user id of the person, or "system" for scheduled work. */
    actorId: text().notNull(),
    /** What happened, as `feature.verb`: team.create, role.grant, ... */
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.workspaceId, t.subjectType, t.subjectId, t.at),
    index("audit_log_actor_idx").on(t.workspaceId, t.actorId, t.at),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
