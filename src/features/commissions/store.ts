import { and, asc, count, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { type ApprovalRequest, approvalRequests } from "../approvals/index.js";
import { type CommissionClaimRow, commissionClaims } from "./schema.js";

/** A claim with where it stands in the workflow. */
export interface Claim {
  claim: CommissionClaimRow;
  request: ApprovalRequest;
}

/** Claims joined with their approval requests, to narrow with a where. */
function claims(db: Db) {
  return db
    .select({ claim: commissionClaims, request: approvalRequests })
    .from(commissionClaims)
    .innerJoin(approvalRequests, eq(approvalRequests.id, commissionClaims.requestId));
}

export async function insertClaim(db: Db, row: typeof commissionClaims.$inferInsert): Promise<void> {
  await db.insert(commissionClaims).values(row);
}

export async function findClaim(db: Db, workspaceId: string, requestId: number): Promise<Claim | null> {
  const [row] = await claims(db).where(
    and(eq(commissionClaims.workspaceId, workspaceId), eq(commissionClaims.requestId, requestId)),
  );
  return row ?? null;
}

/** The pending or approved claim a check-in is linked to, if any (a sale pays commission once). */
export async function claimOfCheckin(db: Db, workspaceId: string, checkinId: number): Promise<Claim | null> {
  const [row] = await claims(db)
    .where(
      and(
        eq(commissionClaims.workspaceId, workspaceId),
        eq(commissionClaims.checkinId, checkinId),
        inArray(approvalRequests.status, ["pending", "approved"]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A person's claims that are pending, approved or denied, the latest filed first. */
export async function claimsOf(db: Db, workspaceId: string, userId: string, limit: number): Promise<Claim[]> {
  return claims(db)
    .where(
      and(
        eq(commissionClaims.workspaceId, workspaceId),
        eq(commissionClaims.requesterId, userId),
        inArray(approvalRequests.status, ["pending", "approved", "denied"]),
      ),
    )
    .orderBy(desc(approvalRequests.createdAt), desc(commissionClaims.requestId))
    .limit(limit);
}

/** What has been approved for a person in a currency, for deals closed in [start, end]. */
export async function approvedTotal(
  db: Db,
  workspaceId: string,
  userId: string,
  currency: string,
  range: { start: LocalDate; end: LocalDate },
): Promise<{ totalMinor: number; count: number }> {
  const [row] = await db
    .select({
      totalMinor: sql<string>`coalesce(sum(${commissionClaims.commissionMinor}), 0)`,
      count: count(),
    })
    .from(commissionClaims)
    .innerJoin(approvalRequests, eq(approvalRequests.id, commissionClaims.requestId))
    .where(
      and(
        eq(commissionClaims.workspaceId, workspaceId),
        eq(commissionClaims.requesterId, userId),
        eq(commissionClaims.currency, currency),
        eq(approvalRequests.status, "approved"),
        gte(commissionClaims.closedOn, range.start),
        lte(commissionClaims.closedOn, range.end),
      ),
    );
  return { totalMinor: Number(row?.totalMinor ?? 0), count: row?.count ?? 0 };
}

/** The approved claims of some teams' people for deals closed in [start, end], by close date: for payroll. */
export async function approvedClaimsIn(
  db: Db,
  workspaceId: string,
  teamIds: readonly number[],
  range: { start: LocalDate; end: LocalDate },
): Promise<Claim[]> {
  if (teamIds.length === 0) return [];
  return claims(db)
    .where(
      and(
        eq(commissionClaims.workspaceId, workspaceId),
        eq(approvalRequests.status, "approved"),
        inArray(approvalRequests.teamId, [...teamIds]),
        gte(commissionClaims.closedOn, range.start),
        lte(commissionClaims.closedOn, range.end),
      ),
    )
    .orderBy(asc(commissionClaims.closedOn), asc(commissionClaims.requestId));
}
