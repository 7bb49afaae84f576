import type { Problem } from "../../platform/errors.js";
import {
  addDays,
  DEFAULT_WORK_HOURS,
  isoWeekday,
  isWorkingDay,
  type LocalDate,
  type WorkCalendar,
} from "../../platform/time/index.js";
import type { CoachingReview } from "./schema.js";

/** How many review dates a plan takes in its form. */
export const MAX_REVIEWS = 4;
/** How many agreed actions a plan keeps (one a line). */
export const MAX_ACTIONS = 10;
export const MAX_ACTION_LENGTH = 300;
/** The longest goal and note the forms take; the server holds to them too (a tampered form gets no further). */
export const MAX_GOAL_LENGTH = 500;
export const MAX_NOTE_LENGTH = 1000;
/** The first review, unless the supervisor picks another day: two weeks on. */
export const DEFAULT_REVIEW_AFTER_DAYS = 14;

/** The form's review fields, in order: the first is required. */
export const REVIEW_FIELDS = Array.from({ length: MAX_REVIEWS }, (_, i) => `review${i + 1}`);

/** The default first review date. */
export function defaultFirstReview(today: LocalDate): LocalDate {
  return addDays(today, DEFAULT_REVIEW_AFTER_DAYS);
}

/**
 * The review dates of a form (one per field, null when left empty) checked: the first given, each in the
 * future and after the one before. Returns the dates in order, or the problems keyed by field.
 */
export function validateReviewDates(
  dates: readonly (LocalDate | null)[],
  today: LocalDate,
): { ok: true; dates: LocalDate[] } | { ok: false; errors: Record<string, Problem> } {
  const errors: Record<string, Problem> = {};
  const chosen: LocalDate[] = [];
  const first = REVIEW_FIELDS[0] as string;
  if (!dates[0]) errors[first] = { key: "coaching.error.reviewMissing" };
  let previous: LocalDate | null = null;
  dates.slice(0, MAX_REVIEWS).forEach((date, i) => {
    const field = REVIEW_FIELDS[i] as string;
    if (!date) return;
    if (date <= today) errors[field] = { key: "coaching.error.reviewPast" };
    else if (previous !== null && date <= previous) errors[field] = { key: "coaching.error.reviewOrder" };
    else chosen.push(date);
    previous = date;
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, dates: chosen };
}

/** The agreed actions typed one a line: blank lines and list marks dropped, each clipped. */
export function parseActions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter(Boolean)
    .map((line) => (line.length > MAX_ACTION_LENGTH ? `${line.slice(0, MAX_ACTION_LENGTH - 1)}…` : line));
}

/** The working day a review's DMs go out on: its own date, or the next working day after a weekend or holiday. */
export function reviewDay(calendar: WorkCalendar, date: LocalDate): LocalDate {
  let day = date;
  for (let i = 0; i < 60 && !isWorkingDay(calendar, day); i++) day = addDays(day, 1);
  return day;
}

/**
 * Whether the review-day DMs go out now: the date has come, and it is a working hour of a working day for
 * the team (from 09:00; a review on a weekend or a holiday waits for the next working day's morning).
 */
export function reviewDueNow(
  calendar: WorkCalendar | null,
  date: LocalDate,
  today: LocalDate,
  hour: number,
): boolean {
  // A rep in no team has no team calendar: Monday to Friday, in UTC.
  const working = calendar ? isWorkingDay(calendar, today) : isoWeekday(today) <= 5;
  return date <= today && working && hour >= DEFAULT_WORK_HOURS.start && hour < DEFAULT_WORK_HOURS.end;
}

/** The first review not recorded yet, by date: what "Record progress" on the plan records. */
export function nextOpenReview<R extends Pick<CoachingReview, "date" | "progress">>(
  reviews: readonly R[],
): R | null {
  return [...reviews].sort((a, b) => a.date.localeCompare(b.date)).find((r) => r.progress === null) ?? null;
}

/** The latest recorded review, by date. */
export function latestRecorded<R extends Pick<CoachingReview, "date" | "progress">>(
  reviews: readonly R[],
): R | null {
  return [...reviews].sort((a, b) => b.date.localeCompare(a.date)).find((r) => r.progress !== null) ?? null;
}
