import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import {
  type ApprovalKind,
  type ApprovalMessage,
  type ApprovalRequest,
  type ApprovalRoute,
  type ApprovalStatus,
  approvalMessages,
  approvalRequests,
} from "./schema.js";

export interface NewApproval {
  workspaceId: string;
  teamId: number;
  kind: ApprovalKind;
  requesterId: string;
  route: ApprovalRoute;
  requestId: string | null;
  at: Date;
}

/** Files a request as pending; null when this Slack request filed one already (a replayed submission). */
export async function insertApproval(db: Db, input: NewApproval): Promise<ApprovalRequest | null> {
  const [row] = await db
    .insert(approvalRequests)
    .values({
      workspaceId: input.workspaceId,
      teamId: input.teamId,
      kind: input.kind,
      requesterId: input.requesterId,
      route: input.route,
      requestId: input.requestId,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function findApproval(db: Db, workspaceId: string, id: number): Promise<ApprovalRequest | null> {
  const [row] = await db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.workspaceId, workspaceId), eq(approvalRequests.id, id)));
  return row ?? null;
}

export async function approvalOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<ApprovalRequest | null> {
  const [row] = await db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.workspaceId, workspaceId), eq(approvalRequests.requestId, requestId)));
  return row ?? null;
}

/**
 * Decides a pending request: the update happens only while it is still pending, so of two deciders at once
 * (or a double click) exactly one decides; the other gets null and reads who did.
 */
export async function decideApproval(
  db: Db,
  input: {
    workspaceId: string;
    id: number;
    status: "approved" | "denied";
    by: string;
    reason: string | null;
    at: Date;
  },
): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({
      status: input.status,
      decidedBy: input.by,
      decidedAt: input.at,
      reason: input.reason,
      updatedAt: input.at,
    })
    .where(
      and(
        eq(approvalRequests.workspaceId, input.workspaceId),
        eq(approvalRequests.id, input.id),
        eq(approvalRequests.status, "pending"),
      ),
    )
    .returning();
  return row ?? null;
}

/** Cancels a request its requester filed, while it is in one of `from`; null when it no longer is. */
export async function cancelApproval(
  db: Db,
  input: { workspaceId: string; id: number; requesterId: string; from: readonly ApprovalStatus[]; at: Date },
): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: "cancelled", cancelledAt: input.at, updatedAt: input.at })
    .where(
      and(
        eq(approvalRequests.workspaceId, input.workspaceId),
        eq(approvalRequests.id, input.id),
        eq(approvalRequests.requesterId, input.requesterId),
        inArray(approvalRequests.status, [...input.from]),
      ),
    )
    .returning();
  return row ?? null;
}

/** Remembers the DM a request put in front of someone, so later changes update it in place. */
export async function saveApprovalMessage(db: Db, message: ApprovalMessage): Promise<void> {
  await db.insert(approvalMessages).values(message).onConflictDoNothing();
}

export async function approvalMessagesOf(db: Db, requestId: number): Promise<ApprovalMessage[]> {
  return db
    .select()
    .from(approvalMessages)
    .where(eq(approvalMessages.requestId, requestId))
    .orderBy(asc(approvalMessages.userId));
}

/**
 * Pending requests, oldest first: of one requester, or of some teams (for their deciders), on one route.
 * At most `limit` (a Home tab shows a few and counts the rest).
 */
export async function pendingApprovals(
  db: Db,
  workspaceId: string,
  filter: { requesterId?: string; teamIds?: readonly number[]; route?: ApprovalRoute },
  limit = 200,
): Promise<ApprovalRequest[]> {
  if (filter.teamIds && filter.teamIds.length === 0) return [];
  return db
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.workspaceId, workspaceId),
        eq(approvalRequests.status, "pending"),
        filter.requesterId ? eq(approvalRequests.requesterId, filter.requesterId) : undefined,
        filter.teamIds ? inArray(approvalRequests.teamId, [...filter.teamIds]) : undefined,
        filter.route ? eq(approvalRequests.route, filter.route) : undefined,
      ),
    )
    .orderBy(asc(approvalRequests.createdAt), asc(approvalRequests.id))
    .limit(limit);
}
