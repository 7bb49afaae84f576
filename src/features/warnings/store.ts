import { and, asc, desc, eq, gte, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import {
  type Warning,
  type WarningLevel,
  type WarningMessage,
  type WarningReason,
  warningDms,
  warnings,
} from "./schema.js";

export interface NewWarning {
  workspaceId: string;
  repId: string;
  teamId: number | null;
  level: WarningLevel;
  reason: WarningReason;
  details: string;
  escalationId: number | null;
  issuedBy: string;
  expiresOn: LocalDate;
  requestId: string | null;
  at: Date;
}

/** Issues a warning; null when this Slack request issued one already (a replayed submission). */
export async function insertWarning(db: Db, input: NewWarning): Promise<Warning | null> {
  const { at, ...fields } = input;
  const [row] = await db
    .insert(warnings)
    .values({ ...fields, issuedAt: at, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function findWarning(db: Db, workspaceId: string, id: number): Promise<Warning | null> {
  const [row] = await db
    .select()
    .from(warnings)
    .where(and(eq(warnings.workspaceId, workspaceId), eq(warnings.id, id)));
  return row ?? null;
}

export async function warningOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<Warning | null> {
  const [row] = await db
    .select()
    .from(warnings)
    .where(and(eq(warnings.workspaceId, workspaceId), eq(warnings.requestId, requestId)));
  return row ?? null;
}

/** Every warning of a rep, active and expired, newest first. */
export async function warningsOf(db: Db, workspaceId: string, repId: string): Promise<Warning[]> {
  return db
    .select()
    .from(warnings)
    .where(and(eq(warnings.workspaceId, workspaceId), eq(warnings.repId, repId)))
    .orderBy(desc(warnings.issuedAt), desc(warnings.id))
    .limit(100);
}

/** A rep's warnings that still count today (expiring today or later), newest first. */
export async function activeWarningsOf(
  db: Db,
  workspaceId: string,
  repId: string,
  today: LocalDate,
): Promise<Warning[]> {
  return db
    .select()
    .from(warnings)
    .where(
      and(eq(warnings.workspaceId, workspaceId), eq(warnings.repId, repId), gte(warnings.expiresOn, today)),
    )
    .orderBy(desc(warnings.issuedAt), desc(warnings.id));
}

/** The warnings issued under an escalation, oldest first. */
export async function warningsOfEscalation(
  db: Db,
  workspaceId: string,
  escalationId: number,
): Promise<Warning[]> {
  return db
    .select()
    .from(warnings)
    .where(and(eq(warnings.workspaceId, workspaceId), eq(warnings.escalationId, escalationId)))
    .orderBy(asc(warnings.id));
}

/** Records the rep's receipt; null when it was acknowledged already (a double click, a replay). */
export async function acknowledgeWarning(
  db: Db,
  input: { workspaceId: string; id: number; repId: string; at: Date },
): Promise<Warning | null> {
  const [row] = await db
    .update(warnings)
    .set({ acknowledgedAt: input.at })
    .where(
      and(
        eq(warnings.workspaceId, input.workspaceId),
        eq(warnings.id, input.id),
        eq(warnings.repId, input.repId),
        isNull(warnings.acknowledgedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** Remembers the DM a warning put in front of someone, so later changes update it in place. */
export async function saveWarningMessage(db: Db, message: WarningMessage): Promise<void> {
  await db.insert(warningDms).values(message).onConflictDoNothing();
}

export async function warningDmsOf(db: Db, warningId: number): Promise<WarningMessage[]> {
  return db
    .select()
    .from(warningDms)
    .where(eq(warningDms.warningId, warningId))
    .orderBy(asc(warningDms.userId));
}
