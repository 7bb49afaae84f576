import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { approvalKey } from "../approvals/index.js";
import { teamKey } from "../team/index.js";

/**
 * A leave request's details; its place in the workflow is its approval request (same id). `status` is a
 * copy of the request's, kept by a trigger on approval_requests, so the database itself refuses a request
 * that overlaps the same person's pending or approved leave (an exclusion constraint in migration 0007).
 */
export const leaveRequests = pgTable(
  "leave_requests",
  {
    requestId: integer().primaryKey().references(approvalKey, { onDelete: "cascade" }),
    workspaceId: text().notNull(),
    requesterId: text().notNull(),
    type: text({ enum: ["vacation", "sick", "parental", "childCare", "other"] }).notNull(),
    startOn: date({ mode: "string" }).notNull(),
    endOn: date({ mode: "string" }).notNull(),
    halfDayStart: boolean().notNull().default(false),
    halfDayEnd: boolean().notNull().default(false),
    /** Working time it takes in the team's calendar when filed, in half days (5 = two and a half days). */
    halfDays: integer().notNull(),
    note: text().notNull().default(""),
    status: text({ enum: ["pending", "approved", "denied", "cancelled"] })
      .notNull()
      .default("pending"),
  },
  (t) => [
    index("leave_requests_requester_idx").on(t.workspaceId, t.requesterId, t.startOn),
    check("leave_requests_dates_check", sql`${t.endOn} >= ${t.startOn}`),
    check("leave_requests_half_days_check", sql`${t.halfDays} >= 0`),
  ],
);

/** A team's yearly allowance of one leave type. Types without one are not counted against anything. */
export const leaveAllowances = pgTable(
  "leave_allowances",
  {
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    type: text({ enum: ["vacation", "sick", "parental", "childCare", "other"] }).notNull(),
    daysPerYear: integer().notNull(),
    /** The month (1-12) the leave year starts on the 1st of. */
    startMonth: integer().notNull().default(1),
    /** At most this many unused days move on to the next leave year; null: none do. */
    carryOverCap: integer(),
    /** The first day the allowance applies (no carry-over from a year before it). */
    since: date({ mode: "string" }).notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.type] }),
    check("leave_allowances_days_check", sql`${t.daysPerYear} between 0 and 366`),
    check("leave_allowances_month_check", sql`${t.startMonth} between 1 and 12`),
    check(
      "leave_allowances_carry_check",
      sql`${t.carryOverCap} is null or ${t.carryOverCap} between 0 and 366`,
    ),
  ],
);

export type LeaveRequestRow = typeof leaveRequests.$inferSelect;
export type LeaveAllowanceRow = typeof leaveAllowances.$inferSelect;
