import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db/index.js";
import type { AbsenceSource, LocalDate } from "../../platform/time/index.js";
import { type ApprovalRequest, approvalRequests } from "../approvals/index.js";
import type { LeaveType } from "./rules.js";
import { type LeaveAllowanceRow, type LeaveRequestRow, leaveAllowances, leaveRequests } from "./schema.js";

/** A leave request with where it stands in the workflow. */
export interface Leave {
  leave: LeaveRequestRow;
  request: ApprovalRequest;
}

export async function insertLeave(db: Db, row: typeof leaveRequests.$inferInsert): Promise<void> {
  await db.insert(leaveRequests).values(row);
}

const ACTIVE = ["pending", "approved"] as const;

/** Pending or approved leave that shares a day with [start, end]. */
function activeBetween(start: LocalDate, end: LocalDate): SQL | undefined {
  return and(
    inArray(leaveRequests.status, [...ACTIVE]),
    lte(leaveRequests.startOn, end),
    gte(leaveRequests.endOn, start),
  );
}

/** Leave requests joined with their approval requests, to narrow with a where. */
function leaveWithRequests(db: Db) {
  return db
    .select({ leave: leaveRequests, request: approvalRequests })
    .from(leaveRequests)
    .innerJoin(approvalRequests, eq(approvalRequests.id, leaveRequests.requestId));
}

/** A person's pending or approved leave that shares a day with [start, end], earliest first. */
export async function overlappingLeave(
  db: Db,
  workspaceId: string,
  userId: string,
  start: LocalDate,
  end: LocalDate,
): Promise<LeaveRequestRow | null> {
  const [row] = await db
    .select()
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.workspaceId, workspaceId),
        eq(leaveRequests.requesterId, userId),
        activeBetween(start, end),
      ),
    )
    .orderBy(asc(leaveRequests.startOn))
    .limit(1);
  return row ?? null;
}

export async function findLeave(db: Db, workspaceId: string, requestId: number): Promise<Leave | null> {
  const [row] = await leaveWithRequests(db).where(
    and(eq(leaveRequests.workspaceId, workspaceId), eq(leaveRequests.requestId, requestId)),
  );
  return row ?? null;
}

/** A person's leave that ends on or after `from`, in date order, in any state but cancelled. */
export async function leaveOf(
  db: Db,
  workspaceId: string,
  userId: string,
  from: LocalDate,
): Promise<Leave[]> {
  return leaveWithRequests(db)
    .where(
      and(
        eq(leaveRequests.workspaceId, workspaceId),
        eq(leaveRequests.requesterId, userId),
        gte(leaveRequests.endOn, from),
        inArray(leaveRequests.status, ["pending", "approved", "denied"]),
      ),
    )
    .orderBy(asc(leaveRequests.startOn));
}

/** Pending and approved leave of some people that shares a day with [start, end], in date order. */
export async function awayBetween(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
  start: LocalDate,
  end: LocalDate,
): Promise<LeaveRequestRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.workspaceId, workspaceId),
        inArray(leaveRequests.requesterId, [...userIds]),
        activeBetween(start, end),
      ),
    )
    .orderBy(asc(leaveRequests.startOn), asc(leaveRequests.requesterId));
}

/** A person's pending and approved leave of one type that shares a day with [start, end] (for balances). */
export async function leaveOfType(
  db: Db,
  workspaceId: string,
  userId: string,
  type: LeaveType,
  start: LocalDate,
  end: LocalDate,
): Promise<LeaveRequestRow[]> {
  return db
    .select()
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.workspaceId, workspaceId),
        eq(leaveRequests.requesterId, userId),
        eq(leaveRequests.type, type),
        activeBetween(start, end),
      ),
    );
}

export async function allowancesOf(db: Db, teamId: number): Promise<LeaveAllowanceRow[]> {
  return db.select().from(leaveAllowances).where(eq(leaveAllowances.teamId, teamId));
}

export async function saveAllowance(db: Db, row: LeaveAllowanceRow): Promise<LeaveAllowanceRow | null> {
  const [before] = await db
    .select()
    .from(leaveAllowances)
    .where(and(eq(leaveAllowances.teamId, row.teamId), eq(leaveAllowances.type, row.type)));
  await db
    .insert(leaveAllowances)
    .values(row)
    .onConflictDoUpdate({
      target: [leaveAllowances.teamId, leaveAllowances.type],
      // A change of days keeps when the allowance began (carry-over counts from then).
      set: {
        daysPerYear: row.daysPerYear,
        startMonth: row.startMonth,
        carryOverCap: row.carryOverCap,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
  return before ?? null;
}

export async function deleteAllowance(
  db: Db,
  teamId: number,
  type: LeaveType,
): Promise<LeaveAllowanceRow | null> {
  const [row] = await db
    .delete(leaveAllowances)
    .where(and(eq(leaveAllowances.teamId, teamId), eq(leaveAllowances.type, type)))
    .returning();
  return row ?? null;
}

/** The dates of approved leave in [start, end] that are whole days off (a half day is still half worked). */
function daysOffQuery(workspaceId: string, userIds: SQL, start: LocalDate, end: LocalDate): SQL {
  return sql`select l.requester_id as user_id, d::date::text as day
    from leave_requests l
    cross join lateral generate_series(greatest(l.start_on, ${start}::date), least(l.end_on, ${end}::date),
      interval '1 day') as d
    where l.workspace_id = ${workspaceId}::text and l.requester_id ${userIds} and l.status = 'approved'
      and l.start_on <= ${end}::date and l.end_on >= ${start}::date
      and not (d::date = l.start_on and l.half_day_start) and not (d::date = l.end_on and l.half_day_end)`;
}

/** Approved leave as the platform's absences: what quota pace leaves out of a rep's working days. */
export const leaveAbsences: AbsenceSource = {
  daysOffSql(workspaceId, userId, start, end) {
    return sql<string[]>`(select coalesce(array_agg(o.day order by o.day), '{}'::text[]) from (${daysOffQuery(
      workspaceId,
      sql`= ${userId}::text`,
      start,
      end,
    )}) o)`;
  },
  async daysOff(db, workspaceId, userIds, start, end) {
    const rows = await queryRows<{ user_id: string; day: string }>(
      db,
      daysOffQuery(
        workspaceId,
        sql`in (${sql.join(
          userIds.map((id) => sql`${id}::text`),
          sql`, `,
        )})`,
        start,
        end,
      ),
    );
    const out = new Map<string, Set<LocalDate>>();
    for (const row of rows) {
      const days = out.get(row.user_id) ?? new Set<LocalDate>();
      days.add(row.day);
      out.set(row.user_id, days);
    }
    return out;
  },
};
