import { sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/context.js";
import { type Db, isExclusionViolation } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { type Problem, problemsOf } from "../../platform/errors.js";
import { dateFormat } from "../../platform/i18n/index.js";
import type { FormResult } from "../../platform/slack/index.js";
import {
  addDays,
  isoWeekday,
  type LocalDate,
  localDate,
  type WorkCalendar,
  workingDays,
} from "../../platform/time/index.js";
import {
  type ApprovalRequest,
  cancelRequest,
  filedBefore,
  fileOnce,
  remindAfterDays,
  setRemindAfterDays,
  whoDecides,
} from "../approvals/index.js";
import { findTeam, repTeamOf, type TeamWithMembers, teamToday, workCalendarOf } from "../team/index.js";
import type { LeaveMessages } from "./messages.js";
import {
  type Allowance,
  type Balance,
  balanceOf,
  halfDaysByLeaveYear,
  type LeaveSpan,
  type LeaveType,
  type LeaveYear,
  leaveHalfDays,
  leaveYearOf,
  previousLeaveYear,
  type SpanField,
  spanProblems,
} from "./rules.js";
import type { LeaveAllowanceRow, LeaveRequestRow } from "./schema.js";
import {
  allowancesOf,
  awayBetween,
  findLeave,
  insertLeave,
  type Leave,
  leaveOf,
  leaveOfType,
  overlappingLeave,
} from "./store.js";

const { error } = problemsOf<LeaveMessages>();

/** The modal's input blocks, by the rule's field names. */
export const LEAVE_FIELD = {
  type: "type",
  start: "start",
  end: "end",
  halfDay: "halfDay",
  note: "note",
} as const satisfies Record<SpanField | "note", string>;

/**
 * The team whose calendar and deciders a person's leave goes by: the team they sell in, else the first team
 * they lead. Someone in no team is told who can add them.
 */
export async function leaveTeam(ctx: RequestContext, userId = ctx.userId): Promise<TeamWithMembers> {
  const { db } = ctx.deps;
  const sells = await repTeamOf(db, ctx.workspaceId, userId);
  const teamId = sells?.id ?? (userId === ctx.userId ? (await ctx.actor()).supervises[0] : undefined);
  const team = teamId === undefined ? null : await findTeam(db, ctx.workspaceId, teamId);
  if (!team) throw error("leave.team.none");
  return team;
}

export function allowanceFrom(row: LeaveAllowanceRow): Allowance {
  return {
    daysPerYear: row.daysPerYear,
    startMonth: row.startMonth,
    carryOverCap: row.carryOverCap,
    since: row.since,
  };
}

/** A person's balance of a leave type with an allowance, in the leave year of a date. */
export interface TypeBalance {
  type: LeaveType;
  year: LeaveYear;
  allowance: Allowance;
  balance: Balance;
}

function spanOf(row: Pick<LeaveRequestRow, "startOn" | "endOn" | "halfDayStart" | "halfDayEnd">): LeaveSpan {
  return { start: row.startOn, end: row.endOn, halfDayStart: row.halfDayStart, halfDayEnd: row.halfDayEnd };
}

/** Balances of a person in the leave year of `date`, one per type the team has an allowance for. */
export async function balancesOf(
  deps: Pick<Deps, "db">,
  team: TeamWithMembers,
  userId: string,
  date: LocalDate,
  types?: readonly LeaveType[],
): Promise<TypeBalance[]> {
  const calendar = workCalendarOf(team.team);
  const allowances = (await allowancesOf(deps.db, team.team.id)).filter(
    (row) => !types || types.includes(row.type),
  );
  const out: TypeBalance[] = [];
  for (const row of allowances) {
    const allowance = allowanceFrom(row);
    const year = leaveYearOf(date, allowance.startMonth);
    const last = previousLeaveYear(year, allowance.startMonth);
    const rows = await leaveOfType(deps.db, team.team.workspaceId, userId, row.type, last.start, year.end);
    let usedHalfDays = 0;
    let pendingHalfDays = 0;
    let usedLastYearHalfDays = 0;
    for (const leave of rows) {
      for (const part of halfDaysByLeaveYear(calendar, spanOf(leave), allowance.startMonth)) {
        if (part.year.key === year.key) {
          if (leave.status === "approved") usedHalfDays += part.halfDays;
          else pendingHalfDays += part.halfDays;
        } else if (part.year.key === last.key && leave.status === "approved") {
          usedLastYearHalfDays += part.halfDays;
        }
      }
    }
    out.push({
      type: row.type,
      year,
      allowance,
      balance: balanceOf(allowance, year, { usedHalfDays, pendingHalfDays, usedLastYearHalfDays }),
    });
  }
  return out;
}

/** What the leave form shows: the team, who decides, the person's balances. */
export interface LeaveFormData {
  team: TeamWithMembers;
  deciders: string[];
  balances: TypeBalance[];
}

export async function leaveForm(ctx: RequestContext): Promise<LeaveFormData> {
  const team = await leaveTeam(ctx);
  const deciders = await whoDecides(ctx, team);
  return {
    team,
    deciders,
    balances: await balancesOf(ctx.deps, team, ctx.userId, teamToday(team.team, ctx.deps.clock)),
  };
}

export interface LeaveInput {
  type: LeaveType | null;
  start: LocalDate | null;
  end: LocalDate | null;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  note: string;
}

export interface FiledLeave {
  request: ApprovalRequest;
  leave: LeaveRequestRow;
  deciders: string[];
}

/**
 * Files a leave request from the form: every rule on its field (dates, the past, overlap with the person's
 * own leave, the balance), then the request and its details in one transaction with the DMs to its
 * deciders. The database refuses an overlap that slipped past the check (two submissions at once).
 */
export async function requestLeave(ctx: RequestContext, input: LeaveInput): Promise<FormResult<FiledLeave>> {
  const { deps } = ctx;
  const team = await leaveTeam(ctx);
  const calendar = workCalendarOf(team.team);
  const now = teamToday(team.team, deps.clock);
  const problems = spanProblems(input, now, calendar);
  if (Object.keys(problems).length > 0) {
    const errors: Record<string, Problem> = {};
    for (const [field, key] of Object.entries(problems)) errors[LEAVE_FIELD[field as SpanField]] = { key };
    return { ok: false, errors };
  }
  const type = input.type as LeaveType;
  const span: LeaveSpan = {
    start: input.start as LocalDate,
    end: input.end as LocalDate,
    halfDayStart: input.halfDayStart,
    halfDayEnd: input.halfDayEnd,
  };
  const replayed = await filedBefore(ctx, leaveDetails(ctx));
  if (replayed)
    return { ok: true, request: replayed.request, leave: replayed.details, deciders: replayed.deciders };

  const overlap = await overlappingLeave(deps.db, ctx.workspaceId, ctx.userId, span.start, span.end);
  if (overlap) return { ok: false, errors: { [LEAVE_FIELD.start]: overlapProblem(overlap) } };
  const over = await overBalance(deps.db, team, ctx.userId, type, span);
  if (over) return { ok: false, errors: { [LEAVE_FIELD.end]: over } };
  const halfDays = leaveHalfDays(calendar, span);
  try {
    const filed = await fileOnce(
      ctx,
      { team, kind: "leave", details: { type, ...span, halfDays, note: input.note } },
      {
        insert: async (tx, request) => {
          // One filing at a time per person, and the balance read again under that lock: two requests
          // sent at once cannot both spend the same days.
          await tx.execute(
            sql`select pg_advisory_xact_lock(hashtext(${`leave:${ctx.workspaceId}:${ctx.userId}`}))`,
          );
          const spent = await overBalance(tx, team, ctx.userId, type, span);
          if (spent) throw new FieldProblem(LEAVE_FIELD.end, spent);
          const leave: LeaveRequestRow = {
            requestId: request.id,
            workspaceId: ctx.workspaceId,
            requesterId: ctx.userId,
            type,
            startOn: span.start,
            endOn: span.end,
            halfDayStart: span.halfDayStart,
            halfDayEnd: span.halfDayEnd,
            halfDays,
            note: input.note,
            status: "pending",
          };
          await insertLeave(tx, leave);
          return leave;
        },
        load: leaveDetails(ctx),
      },
    );
    return { ok: true, request: filed.request, leave: filed.details, deciders: filed.deciders };
  } catch (failure) {
    if (failure instanceof FieldProblem) return { ok: false, errors: { [failure.field]: failure.problem } };
    if (!isExclusionViolation(failure, "leave_requests_no_overlap")) throw failure;
    const clash = await overlappingLeave(deps.db, ctx.workspaceId, ctx.userId, span.start, span.end);
    if (clash) return { ok: false, errors: { [LEAVE_FIELD.start]: overlapProblem(clash) } };
    throw failure;
  }
}

/** A rule broken inside the filing transaction: it rolls back, and the problem lands on its field. */
class FieldProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: Problem,
  ) {
    super(problem.key);
  }
}

/**
 * The balance problem of a request, if it asks for more days of a type with an allowance than are left to
 * request in a leave year it touches (pending requests count). Its leave year is put in words by the
 * listener, in the person's language.
 */
async function overBalance(
  db: Db,
  team: TeamWithMembers,
  userId: string,
  type: LeaveType,
  span: LeaveSpan,
): Promise<Problem | null> {
  const calendar = workCalendarOf(team.team);
  const [balance] = await balancesOf({ db }, team, userId, span.start, [type]);
  if (!balance) return null;
  for (const part of halfDaysByLeaveYear(calendar, span, balance.allowance.startMonth)) {
    const [inYear] =
      part.year.key === balance.year.key
        ? [balance]
        : await balancesOf({ db }, team, userId, part.year.start, [type]);
    const available = inYear?.balance.availableHalfDays ?? 0;
    if (part.halfDays > available) {
      return {
        key: OVER_BALANCE_KEY,
        params: {
          type,
          asked: String(part.halfDays / 2),
          available: String(Math.max(0, available) / 2),
          yearStart: part.year.start,
          yearEnd: part.year.end,
        },
      };
    }
  }
  return null;
}

/** How the workflow reads a leave request's details back (a replayed submission is answered with them). */
function leaveDetails(ctx: RequestContext): (request: ApprovalRequest) => Promise<LeaveRequestRow | null> {
  return async (request) => (await findLeave(ctx.deps.db, ctx.workspaceId, request.id))?.leave ?? null;
}

/** The clash with the person's own leave; its dates are put in words by the listener, in their language. */
export const OVERLAP_KEY = "leave.invalid.overlap";

function overlapProblem(row: LeaveRequestRow): Problem {
  return {
    key: OVERLAP_KEY,
    params: { start: row.startOn, end: row.endOn, approved: row.status === "approved" },
  };
}

export const OVER_BALANCE_KEY = "leave.invalid.overBalance";

/** A leave year as people name it: "2026" when it is the calendar year, else "Apr 2026 – Mar 2027". */
export function yearName(locale: string, year: Pick<LeaveYear, "start" | "end">): string {
  if (year.start.slice(5) === "01-01" && year.end.slice(5) === "12-31") return year.start.slice(0, 4);
  const month = dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const at = (date: LocalDate) => month.format(new Date(`${date}T12:00:00Z`));
  return `${at(year.start)} – ${at(year.end)}`;
}

/** `/leave list`: my leave from today on, and my balances. */
export async function myLeave(
  ctx: RequestContext,
): Promise<{ team: TeamWithMembers; leave: Leave[]; balances: TypeBalance[]; today: LocalDate }> {
  const team = await leaveTeam(ctx);
  const day = teamToday(team.team, ctx.deps.clock);
  const [leave, balances] = await Promise.all([
    leaveOf(ctx.deps.db, ctx.workspaceId, ctx.userId, day),
    balancesOf(ctx.deps, team, ctx.userId, day),
  ]);
  return { team, leave, balances, today: day };
}

/** What can still be cancelled: pending requests, and approved leave that has not begun. */
export function cancellable(leave: Leave, day: LocalDate): boolean {
  return (
    leave.request.status === "pending" || (leave.request.status === "approved" && leave.leave.startOn > day)
  );
}

/**
 * Cancels one of my requests: pending, or approved and not yet begun (its days go back in the balance and
 * its approver is told). Guarded: a request decided or cancelled meanwhile is said to be so.
 */
export async function cancelLeave(ctx: RequestContext, requestId: number): Promise<Leave> {
  const { deps } = ctx;
  const found = await findLeave(deps.db, ctx.workspaceId, requestId);
  if (!found) throw error("approvals.gone");
  if (found.request.requesterId !== ctx.userId) throw error("leave.cancel.notYours");
  const team = await findTeam(deps.db, ctx.workspaceId, found.request.teamId);
  const day = team ? teamToday(team.team, deps.clock) : localDate(deps.clock.now(), "UTC");
  if (found.request.status === "approved" && found.leave.startOn <= day) throw error("leave.cancel.begun");
  if (!cancellable(found, day)) throw error("leave.cancel.already", { status: found.request.status });
  const at = deps.clock.now();
  const cancelled = await deps.db.transaction((tx) =>
    cancelRequest(deps, tx, {
      workspaceId: ctx.workspaceId,
      requestId,
      requesterId: ctx.userId,
      from: found.request.status === "approved" ? ["approved"] : ["pending"],
      at,
    }),
  );
  if (!cancelled) {
    const now = await findLeave(deps.db, ctx.workspaceId, requestId);
    throw error("leave.cancel.already", { status: now?.request.status ?? "cancelled" });
  }
  return { leave: { ...found.leave, status: "cancelled" }, request: cancelled };
}

/** Dates of this week and next (Monday to Sunday). */
export function twoWeeks(day: LocalDate): { start: LocalDate; end: LocalDate } {
  const start = addDays(day, 1 - isoWeekday(day));
  return { start, end: addDays(start, 13) };
}

/** `/leave team`: who of the team has pending or approved leave this week and next. */
export async function teamAway(
  ctx: RequestContext,
): Promise<{ team: TeamWithMembers; away: LeaveRequestRow[]; range: { start: LocalDate; end: LocalDate } }> {
  const team = await leaveTeam(ctx);
  const range = twoWeeks(teamToday(team.team, ctx.deps.clock));
  const people = [...team.supervisorIds, ...team.repIds];
  const away = await awayBetween(ctx.deps.db, ctx.workspaceId, people, range.start, range.end);
  return { team, away, range };
}

/**
 * `/leave remind [N]`: after how many working days a waiting request reminds its deciders; N sets it
 * (the team's supervisors and admins), none only reads it.
 */
export async function reminderDays(ctx: RequestContext, days: number | null): Promise<number> {
  const team = await leaveTeam(ctx);
  if (days === null) return remindAfterDays(ctx.deps.db, team.team.id);
  await setRemindAfterDays(ctx, team, days);
  return days;
}

/** Whole working days a leave takes in [start, end] (half days are still worked). */
export function wholeDaysOffIn(
  calendar: WorkCalendar,
  leave: Pick<LeaveRequestRow, "startOn" | "endOn" | "halfDayStart" | "halfDayEnd">,
  start: LocalDate,
  end: LocalDate,
): number {
  const from = leave.startOn > start ? leave.startOn : start;
  const to = leave.endOn < end ? leave.endOn : end;
  if (from > to) return 0;
  return workingDays(calendar, from, to).filter(
    (d) => !(d === leave.startOn && leave.halfDayStart) && !(d === leave.endOn && leave.halfDayEnd),
  ).length;
}
