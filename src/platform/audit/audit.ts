import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { type AuditEntry, auditLog } from "./schema.js";

/**
 * Every action the audit log knows, named `<feature>.<subject>.<verb>` (`quota.checkin.undo`,
 * `quota.target.set`). Each feature adds its own actions to this interface (declaration merging, in its
 * `audit.ts`), so a misspelt action fails typecheck.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature's declaration merging
export interface AuditActions {}

export type AuditAction = keyof AuditActions & string;

export interface AuditRecord {
  workspaceId: string;
  actorId: string;
  action: AuditAction;
  subject: { type: string; id: string | number };
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Appends to the audit log; call it inside the transaction that makes the change. */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId: record.workspaceId,
    actorId: record.actorId,
    action: record.action,
    subjectType: record.subject.type,
    subjectId: String(record.subject.id),
    before: record.before ?? null,
    after: record.after ?? null,
    at: record.at,
  });
}

export interface AuditQuery {
  subject?: { type: string; id: string | number };
  actorId?: string;
  action?: AuditAction;
}

/** The audit trail of a workspace, oldest first, optionally narrowed to a subject, actor or action. */
export async function listAudit(db: Db, workspaceId: string, query: AuditQuery = {}): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        query.subject ? eq(auditLog.subjectType, query.subject.type) : undefined,
        query.subject ? eq(auditLog.subjectId, String(query.subject.id)) : undefined,
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
        query.action ? eq(auditLog.action, query.action) : undefined,
      ),
    )
    .orderBy(asc(auditLog.id));
}
