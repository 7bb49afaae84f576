import { and, asc, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import {
  type Escalation,
  type EscalationCategory,
  type EscalationMessage,
  type EscalationRoute,
  type EscalationStatus,
  type EscalationUrgency,
  escalationDms,
  escalations,
} from "./schema.js";

export interface NewEscalation {
  workspaceId: string;
  teamId: number | null;
  repId: string;
  raisedBy: string;
  route: EscalationRoute;
  category: EscalationCategory;
  urgency: EscalationUrgency;
  details: string;
  messageChannel: string | null;
  messageTs: string | null;
  permalink: string | null;
  excerpt: string | null;
  requestId: string | null;
  at: Date;
}

/** Files an open escalation; null when this Slack request filed one already (a replayed submission). */
export async function insertEscalation(db: Db, input: NewEscalation): Promise<Escalation | null> {
  const { at, ...fields } = input;
  const [row] = await db
    .insert(escalations)
    .values({ ...fields, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function findEscalation(db: Db, workspaceId: string, id: number): Promise<Escalation | null> {
  const [row] = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.id, id)));
  return row ?? null;
}

export async function escalationOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<Escalation | null> {
  const [row] = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.requestId, requestId)));
  return row ?? null;
}

/** Acknowledges an open escalation; null when it is no longer open (acknowledged or resolved meanwhile). */
export async function acknowledgeEscalation(
  db: Db,
  input: { workspaceId: string; id: number; by: string; at: Date },
): Promise<Escalation | null> {
  const [row] = await db
    .update(escalations)
    .set({ status: "acknowledged", acknowledgedBy: input.by, acknowledgedAt: input.at, updatedAt: input.at })
    .where(
      and(
        eq(escalations.workspaceId, input.workspaceId),
        eq(escalations.id, input.id),
        eq(escalations.status, "open"),
      ),
    )
    .returning();
  return row ?? null;
}

const RESOLVABLE: EscalationStatus[] = ["open", "acknowledged"];

/** Resolves an open or acknowledged escalation with a note; null when it was resolved already. */
export async function resolveEscalation(
  db: Db,
  input: { workspaceId: string; id: number; by: string; note: string; at: Date },
): Promise<Escalation | null> {
  const [row] = await db
    .update(escalations)
    .set({
      status: "resolved",
      resolvedBy: input.by,
      resolvedAt: input.at,
      resolution: input.note,
      updatedAt: input.at,
    })
    .where(
      and(
        eq(escalations.workspaceId, input.workspaceId),
        eq(escalations.id, input.id),
        inArray(escalations.status, RESOLVABLE),
      ),
    )
    .returning();
  return row ?? null;
}

/** Remembers the DM an escalation put in front of someone, so later changes update it in place. */
export async function saveEscalationMessage(db: Db, message: EscalationMessage): Promise<void> {
  await db.insert(escalationDms).values(message).onConflictDoNothing();
}

export async function escalationDmsOf(db: Db, escalationId: number): Promise<EscalationMessage[]> {
  return db
    .select()
    .from(escalationDms)
    .where(eq(escalationDms.escalationId, escalationId))
    .orderBy(asc(escalationDms.userId));
}

/** Escalations still being handled (open or acknowledged) in a workspace that meet `where`. */
function inHand(db: Db, workspaceId: string, where: SQL | undefined) {
  return db
    .select()
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), inArray(escalations.status, RESOLVABLE), where));
}

/** The escalations about a rep still being handled (open or acknowledged), newest first. */
export async function escalationsAbout(db: Db, workspaceId: string, repId: string): Promise<Escalation[]> {
  return inHand(db, workspaceId, eq(escalations.repId, repId)).orderBy(desc(escalations.id)).limit(20);
}

/**
 * Escalations still being handled (open or acknowledged) about reps of some teams, or of the whole
 * workspace when `teamIds` is null, oldest first; at most `limit`.
 */
export async function escalationsInHand(
  db: Db,
  workspaceId: string,
  teamIds: readonly number[] | null,
  limit = 200,
): Promise<Escalation[]> {
  if (teamIds !== null && teamIds.length === 0) return [];
  const where = teamIds === null ? undefined : inArray(escalations.teamId, [...teamIds]);
  return inHand(db, workspaceId, where).orderBy(asc(escalations.id)).limit(limit);
}

/** How many escalations about each of some reps are not resolved yet (open or acknowledged); none: not in the map. */
export async function unresolvedCounts(
  db: Db,
  workspaceId: string,
  repIds: readonly string[],
): Promise<Map<string, number>> {
  if (repIds.length === 0) return new Map();
  const rows = await db
    .select({ repId: escalations.repId, n: count() })
    .from(escalations)
    .where(
      and(
        eq(escalations.workspaceId, workspaceId),
        inArray(escalations.repId, [...repIds]),
        ne(escalations.status, "resolved"),
      ),
    )
    .groupBy(escalations.repId);
  return new Map(rows.map((row) => [row.repId, Number(row.n)]));
}
