/**
 * Leave rules: how much working time a leave takes, which leave year it falls in, what is wrong with a
 * request before the database is asked, and what is left of an allowance.
 *
 * Pure: no I/O, no clock (today is an argument). Leave is counted in HALF days, always an integer, so
 * "two and a half days" is 5 and sums never drift; `halfDaysAsNumber` turns it into days for people.
 * Working days are the team's (`WorkCalendar`: its work week minus its country's public and bank
 * holidays), on local dates, so a DST change inside a leave changes nothing.
 */
import {
  addDays,
  isLocalDate,
  isWorkingDay,
  type LocalDate,
  type WorkCalendar,
  workingDays,
} from "../../platform/time/index.js";

export const LEAVE_TYPES = ["vacation", "sick", "parental", "childCare", "other"] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/** Types that may start in the past (you are ill today, you report it tomorrow). */
export const BACKDATED_TYPES: ReadonlySet<LeaveType> = new Set<LeaveType>(["sick", "childCare"]);

/** The days a leave covers, both included; a half day at either end takes the morning or afternoon off. */
export interface LeaveSpan {
  start: LocalDate;
  end: LocalDate;
  halfDayStart: boolean;
  halfDayEnd: boolean;
}

/**
 * Working time a leave takes in the team's calendar, in HALF days (an integer: 5 = two and a half days).
 *
 * Every working day in [start, end] counts 2; a half day at start takes 1 off the first day if it is a
 * working day, a half day at end takes 1 off the last day if it is a working day. A single day with either
 * or both flags counts 1 if it is a working day (never 0 or less). A half day on a weekend or holiday
 * changes nothing; a span whose end is before its start takes 0.
 */
export function leaveHalfDays(calendar: WorkCalendar, span: LeaveSpan): number {
  const days = workingDays(calendar, span.start, span.end).length;
  if (days === 0) return 0;
  if (span.start === span.end) return span.halfDayStart || span.halfDayEnd ? 1 : 2;
  let halfDays = days * 2;
  if (span.halfDayStart && isWorkingDay(calendar, span.start)) halfDays -= 1;
  if (span.halfDayEnd && isWorkingDay(calendar, span.end)) halfDays -= 1;
  return halfDays;
}

/** Half days as days, for people and for display: 5 -> 2.5. */
export function halfDaysAsNumber(halfDays: number): number {
  return halfDays / 2;
}

// ---------------------------------------------------------------------------------------------------------
// Leave years

/**
 * The leave year a date falls in, for allowances whose year starts on the 1st of `startMonth` (1-12).
 * `key` is the calendar year in which that leave year starts; `end` is its last day, included.
 */
export interface LeaveYear {
  key: number;
  start: LocalDate;
  end: LocalDate;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`A leave year starts in month 1-12, got ${startMonth}`);
  }
}

/** The leave year that starts on the 1st of `startMonth` in calendar year `key`. */
function leaveYearStarting(key: number, startMonth: number): LeaveYear {
  return {
    key,
    start: `${pad4(key)}-${pad2(startMonth)}-01`,
    end: addDays(`${pad4(key + 1)}-${pad2(startMonth)}-01`, -1),
  };
}

/** The leave year a date falls in: with `startMonth` 4, 31 March 2026 is in 2025 and 1 April 2026 in 2026. */
export function leaveYearOf(date: LocalDate, startMonth: number): LeaveYear {
  checkStartMonth(startMonth);
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return leaveYearStarting(month >= startMonth ? year : year - 1, startMonth);
}

/** The leave year just before. */
export function previousLeaveYear(year: LeaveYear, startMonth: number): LeaveYear {
  return leaveYearOf(addDays(year.start, -1), startMonth);
}

/**
 * The half days of a span in each leave year it touches, in order: a span across the year boundary is
 * split there, and each part counts its own working days. The half-day flags apply only to the span's real
 * first and last day, so the parts add up to `leaveHalfDays` of the whole span. A year the span touches
 * only on days off is listed with 0; a span whose end is before its start touches no year.
 */
export function halfDaysByLeaveYear(
  calendar: WorkCalendar,
  span: LeaveSpan,
  startMonth: number,
): { year: LeaveYear; halfDays: number }[] {
  const parts: { year: LeaveYear; halfDays: number }[] = [];
  let from = span.start;
  while (from <= span.end) {
    const year = leaveYearOf(from, startMonth);
    // biome-ignore lint/complexity/useMathMinMax: dates are strings; Math.min would make them NaN.
    const to = year.end < span.end ? year.end : span.end;
    const halfDays = leaveHalfDays(calendar, {
      start: from,
      end: to,
      halfDayStart: span.halfDayStart && from === span.start,
      halfDayEnd: span.halfDayEnd && to === span.end,
    });
    parts.push({ year, halfDays });
    from = addDays(to, 1);
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------
// Requests

/** The fields of the leave form a problem can be about. */
export type SpanField = "type" | "start" | "end" | "halfDay";

/** The message keys `spanProblems` returns. */
export type SpanProblemKey =
  | "leave.invalid.typeMissing"
  | "leave.invalid.startMissing"
  | "leave.invalid.endMissing"
  | "leave.invalid.endBeforeStart"
  | "leave.invalid.startPast"
  | "leave.invalid.tooLong"
  | "leave.invalid.noWorkingDays";

/** The longest leave one request may cover, in calendar days, unless the caller says otherwise. */
export const MAX_LEAVE_DAYS = 366;

/**
 * Field problems of a request, before any database check: keys are the form's fields, values message keys
 * (`SpanProblemKey`). Empty object when fine.
 *
 * - `type`: missing.
 * - `start`: missing (a string that is not a calendar date counts as missing); in the past (before
 *   `today`) for a type not in `BACKDATED_TYPES` (not said while the type is missing: it may be sick leave).
 * - `end`: missing; before start; more than `maxDays` calendar days from start to end, both included
 *   (default `MAX_LEAVE_DAYS`); and, only when nothing else is wrong, no working time at all (a weekend,
 *   a holiday).
 *
 * Nothing is said about `halfDay`: a half day on a day off simply counts nothing.
 */
export function spanProblems(
  input: {
    type: LeaveType | null;
    start: LocalDate | null;
    end: LocalDate | null;
    halfDayStart: boolean;
    halfDayEnd: boolean;
  },
  today: LocalDate,
  calendar: WorkCalendar,
  limits: { maxDays?: number } = {},
): Partial<Record<SpanField, string>> {
  const maxDays = limits.maxDays ?? MAX_LEAVE_DAYS;
  if (!Number.isInteger(maxDays) || maxDays < 1) {
    throw new RangeError(`maxDays must be a whole number of days, at least 1, got ${maxDays}`);
  }
  const problems: Partial<Record<SpanField, SpanProblemKey>> = {};
  const start = input.start !== null && isLocalDate(input.start) ? input.start : null;
  const end = input.end !== null && isLocalDate(input.end) ? input.end : null;

  if (input.type === null) problems.type = "leave.invalid.typeMissing";
  if (start === null) problems.start = "leave.invalid.startMissing";
  else if (start < today && input.type !== null && !BACKDATED_TYPES.has(input.type)) {
    problems.start = "leave.invalid.startPast";
  }
  if (end === null) problems.end = "leave.invalid.endMissing";
  else if (start !== null) {
    if (end < start) problems.end = "leave.invalid.endBeforeStart";
    else if (end > addDays(start, maxDays - 1)) problems.end = "leave.invalid.tooLong";
  }

  if (Object.keys(problems).length === 0 && start !== null && end !== null) {
    const span = { start, end, halfDayStart: input.halfDayStart, halfDayEnd: input.halfDayEnd };
    if (leaveHalfDays(calendar, span) === 0) problems.end = "leave.invalid.noWorkingDays";
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Allowances and balances

/** An allowance as a team sets it for a leave type. */
export interface Allowance {
  /** Days per leave year; whole or half days. */
  daysPerYear: number;
  /** The month (1-12) on whose 1st the leave year starts. */
  startMonth: number;
  /** The most days that carry over into the next leave year; null or 0: none do. */
  carryOverCap: number | null;
  /** First day the allowance applies. */
  since: LocalDate;
}

/** Where a person stands against an allowance in one leave year, all in half days. */
export interface Balance {
  /** `daysPerYear * 2`. */
  allowanceHalfDays: number;
  /**
   * Left unused last leave year, up to the cap: `min(cap * 2, max(0, allowance - used last year))`. 0 when
   * the cap is null or 0, or when the allowance did not exist for the whole previous leave year.
   */
  carriedHalfDays: number;
  /** Approved in this leave year. */
  usedHalfDays: number;
  /** Pending in this leave year. */
  pendingHalfDays: number;
  /** `allowance + carried - used`; below 0 when more was approved than there was. */
  balanceHalfDays: number;
  /** `balance - pending`: what can still be requested. */
  availableHalfDays: number;
}

/**
 * The balance of an allowance in a leave year, given what was approved and is pending in it and what was
 * approved the leave year before. Carry-over is one step only: what carried into last year does not carry
 * on. Nothing is clamped at 0, so an overdrawn balance shows as negative.
 */
export function balanceOf(
  allowance: Allowance,
  year: LeaveYear,
  usage: { usedHalfDays: number; pendingHalfDays: number; usedLastYearHalfDays: number },
): Balance {
  const allowanceHalfDays = allowance.daysPerYear * 2;
  const previous = previousLeaveYear(year, allowance.startMonth);
  const capHalfDays = Math.max(0, (allowance.carryOverCap ?? 0) * 2);
  const carriedHalfDays =
    capHalfDays === 0 || allowance.since > previous.start
      ? 0
      : Math.min(capHalfDays, Math.max(0, allowanceHalfDays - usage.usedLastYearHalfDays));
  const balanceHalfDays = allowanceHalfDays + carriedHalfDays - usage.usedHalfDays;
  return {
    allowanceHalfDays,
    carriedHalfDays,
    usedHalfDays: usage.usedHalfDays,
    pendingHalfDays: usage.pendingHalfDays,
    balanceHalfDays,
    availableHalfDays: balanceHalfDays - usage.pendingHalfDays,
  };
}
