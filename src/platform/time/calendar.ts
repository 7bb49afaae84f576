/**
 * Calendar dates, quota periods and working days in a team's time zone.
 *
 * Everything here is pure: the instant is always an argument (never `new Date()` without one), so pace,
 * leave and reports give the same answer in tests with a fixed clock as in production.
 *
 * A calendar date is a `YYYY-MM-DD` string (`LocalDate`): it names a day on the wall calendar, not an
 * instant, so it compares and sorts as text and survives JSON and SQL `date` columns unchanged. Instants
 * are `Date`s. The two meet only through a time zone: `localDate` (instant -> day) and `startOfLocalDate`
 * (day -> the instant it begins), both Intl-based, so DST days are 23 or 25 hours long and a day whose
 * midnight is skipped begins at the transition.
 *
 * Periods (quota periods: ISO week, month, quarter) are ranges of local dates with inclusive `end`, plus
 * the instants `[startsAt, endsAt)` that bound them in the zone: a check-in at 23:30 on 31 March in
 * Stockholm is in March even though it is already 1 April in some other zone.
 *
 * Working days follow the team's work week and the days off of its country (date-holidays types `public`
 * and `bank`: bank holidays are the eves offices close on, such as Midsummer Eve, Christmas Eve and New
 * Year's Eve in the Nordics; observances, optional and school days are working days), minus an `excluded` set of dates: the hook through which a rep's approved leave removes
 * days from their own pace.
 */
import Holidays from "date-holidays";
import { ISO_WEEKDAYS, type IsoWeekday } from "./zones.js";

/** A day on the calendar as `YYYY-MM-DD`; no time, no zone. */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date in `YYYY-MM-DD` form ("2026-02-30" is not). */
export function isLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const match = localDatePattern.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function partsOf(date: LocalDate): { year: number; month: number; day: number } {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Days since 1970-01-01; `setUTCFullYear` because `Date.UTC` maps years 0-99 onto the 1900s. */
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function fromDayNumber(days: number): LocalDate {
  const date = new Date(days * DAY_MS);
  return formatLocalDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function toDayNumber(date: LocalDate): number {
  const { year, month, day } = partsOf(date);
  return dayNumber(year, month, day);
}

/** The date `n` days after (or before, when negative) `date`. */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: ${n} is not a whole number of days`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Every date from `start` to `end`, both included; empty when `end` is before `start`. */
export function eachDate(start: LocalDate, end: LocalDate): LocalDate[] {
  const first = toDayNumber(start);
  const last = toDayNumber(end);
  const dates: LocalDate[] = [];
  for (let day = first; day <= last; day++) dates.push(fromDayNumber(day));
  return dates;
}

/** ISO 8601 weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  const index = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return ISO_WEEKDAYS[index] as IsoWeekday;
}

// ---------------------------------------------------------------------------------------------------------
// Instants and zones

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a zone Intl does not know: a programming error, zones are validated at the edge.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a wall clock in the zone shows at the instant. */
function wallClock(at: Date, timeZone: string): WallClock {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  const values: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) values[part.type] = part.value;
  const yearOfEra = Number(values.year);
  const year = values.era === "BC" || values.era === "B" ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The hour (0-23) a wall clock in the zone shows at the instant. */
export function wallHour(at: Date, timeZone: string): number {
  return wallClock(at, timeZone).hour;
}

/** The zone's offset from UTC at the instant, in milliseconds (Stockholm in summer: +7 200 000). */
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClock(new Date(ms), timeZone);
  const asUtc = dayNumber(wall.year, wall.month, wall.day) * DAY_MS + wallMsOfDay(wall);
  return asUtc - ms;
}

function wallMsOfDay(wall: WallClock): number {
  return ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 + wall.millisecond;
}

/** The calendar date of an instant in an IANA zone. */
export function localDate(at: Date, timeZone: string): LocalDate {
  const wall = wallClock(at, timeZone);
  return formatLocalDate(wall.year, wall.month, wall.day);
}

/**
 * The first instant of a day in the zone. Usually local midnight; when a DST change skips midnight
 * (America/Havana in March, America/Santiago in September) the day begins at the transition, and when
 * midnight happens twice (America/Havana in November) it begins at the first one.
 */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const midnight = toDayNumber(date) * DAY_MS;
  // The offsets in force a day either side cover every offset that can apply at this midnight.
  const offsets = new Set([offsetAt(midnight - DAY_MS, timeZone), offsetAt(midnight + DAY_MS, timeZone)]);
  const candidates = [...offsets]
    .map((offset) => midnight - offset)
    .filter((ms) => {
      const wall = wallClock(new Date(ms), timeZone);
      return formatLocalDate(wall.year, wall.month, wall.day) === date && wallMsOfDay(wall) === 0;
    });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Midnight does not exist: find the transition, the first instant whose local date is `date`.
  let low = midnight - Math.max(...offsets); // still the day before
  let high = midnight - Math.min(...offsets); // already `date`
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (localDate(new Date(middle), timeZone) >= date) high = middle;
    else low = middle;
  }
  return new Date(high);
}

// ---------------------------------------------------------------------------------------------------------
// Periods

export type PeriodKind = "week" | "month" | "quarter";
export const PERIOD_KINDS: readonly PeriodKind[] = ["week", "month", "quarter"];

/** A quota period in a zone: local dates for people, instants for queries (`startsAt <= t < endsAt`). */
export interface Period {
  kind: PeriodKind;
  /** `2026-03`, `2026-Q1`, `2026-W10` (ISO week-year and week). */
  key: string;
  start: LocalDate;
  /** The last day, included. */
  end: LocalDate;
  startsAt: Date;
  /** The first instant after the period. */
  endsAt: Date;
}

/** The period of the given kind that contains the instant, in the zone. */
export function periodOf(at: Date, timeZone: string, kind: PeriodKind): Period {
  return periodOfDate(localDate(at, timeZone), timeZone, kind);
}

/** The period of the given kind that contains a calendar date. */
export function periodOfDate(date: LocalDate, timeZone: string, kind: PeriodKind): Period {
  const { year, month } = partsOf(date);
  switch (kind) {
    case "month":
      return makePeriod(
        kind,
        `${pad4(year)}-${pad2(month)}`,
        formatLocalDate(year, month, 1),
        formatLocalDate(year, month, daysInMonth(year, month)),
        timeZone,
      );
    case "quarter": {
      const quarter = Math.ceil(month / 3);
      const first = (quarter - 1) * 3 + 1;
      return makePeriod(
        kind,
        `${pad4(year)}-Q${quarter}`,
        formatLocalDate(year, first, 1),
        formatLocalDate(year, first + 2, daysInMonth(year, first + 2)),
        timeZone,
      );
    }
    case "week": {
      const weekday = isoWeekday(date);
      const monday = addDays(date, 1 - weekday);
      const { weekYear, week } = isoWeekOf(date);
      return makePeriod(kind, `${pad4(weekYear)}-W${pad2(week)}`, monday, addDays(monday, 6), timeZone);
    }
  }
}

/** ISO 8601 week: weeks start on Monday and belong to the year of their Thursday. */
function isoWeekOf(date: LocalDate): { weekYear: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const weekYear = partsOf(thursday).year;
  const dayOfYear = toDayNumber(thursday) - dayNumber(weekYear, 1, 1);
  return { weekYear, week: Math.floor(dayOfYear / 7) + 1 };
}

/**
 * What every request of a team works out again and again (its period, the period's working days) is
 * kept: the same for everyone until the day or the team's settings change. Bounded: a busy process starts
 * over rather than grow.
 */
const MEMO_MAX = 4_096;
const periods = new Map<string, Period>();
const workingDayLists = new Map<string, readonly LocalDate[]>();

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  if (cache.size >= MEMO_MAX) cache.clear();
  cache.set(key, made);
  return made;
}

function makePeriod(
  kind: PeriodKind,
  key: string,
  start: LocalDate,
  end: LocalDate,
  timeZone: string,
): Period {
  return memo(periods, `${key}|${timeZone}`, () =>
    Object.freeze({
      kind,
      key,
      start,
      end,
      startsAt: startOfLocalDate(start, timeZone),
      endsAt: startOfLocalDate(addDays(end, 1), timeZone),
    }),
  );
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

/**
 * The period a key names (`2026-03`, `2026-Q1`, `2026-W53`), or null when the key is not one: keys come
 * back from the database and from button values, so a bad one is an answer, not a crash.
 */
export function periodByKey(key: string, timeZone: string): Period | null {
  let match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return periodOfDate(formatLocalDate(Number(match[1]), month, 1), timeZone, "month");
  }
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) {
    return periodOfDate(
      formatLocalDate(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 1),
      timeZone,
      "quarter",
    );
  }
  match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (match) {
    const week = Number(match[2]);
    if (week < 1) return null;
    // Week 1 is the week with 4 January in it.
    const january4 = formatLocalDate(Number(match[1]), 1, 4);
    const monday = addDays(january4, 1 - isoWeekday(january4) + 7 * (week - 1));
    const period = periodOfDate(monday, timeZone, "week");
    return period.key === key ? period : null; // W53 exists only in some years
  }
  return null;
}

/** The period of the same kind just before. */
export function previousPeriod(period: Period, timeZone: string): Period {
  return periodOfDate(addDays(period.start, -1), timeZone, period.kind);
}

/** The period of the same kind just after. */
export function nextPeriod(period: Period, timeZone: string): Period {
  return periodOfDate(addDays(period.end, 1), timeZone, period.kind);
}

// ---------------------------------------------------------------------------------------------------------
// Holidays and working days

/** Where a team works: its work week and whose public holidays it keeps. */
export interface WorkCalendar {
  workWeek: readonly IsoWeekday[];
  /** ISO 3166-1 alpha-2 code that date-holidays knows ("SE", "US"). */
  holidayCountry: string;
  /**
   * A subdivision with its own holidays, as date-holidays names it: the state ("CA" for California, "BY"
   * for Bavaria), optionally followed by "/" and a region within it ("BY/A" for Augsburg).
   */
  holidayRegion?: string;
}

const holidayCache = new Map<string, ReadonlySet<LocalDate>>();
const calendars = new Map<string, Holidays>();

function holidaysFor(country: string, region: string | undefined): Holidays {
  const code = country.trim().toUpperCase();
  const [state, subRegion] = (region ?? "").split("/").map((part) => part.trim().toUpperCase());
  const cacheKey = `${code}/${state ?? ""}/${subRegion ?? ""}`;
  let holidays = calendars.get(cacheKey);
  if (holidays) return holidays;
  holidays = new Holidays();
  // date-holidays silently falls back to the whole country for an unknown subdivision and to nothing for an
  // unknown country; either would make pace quietly wrong, so refuse instead (settings are validated earlier).
  if (!/^[A-Z]{2}$/.test(code) || !(code in (holidays.getCountries() ?? {}))) {
    throw new RangeError(`No public holidays known for country ${JSON.stringify(country)}`);
  }
  if (state && !(state in (holidays.getStates(code) ?? {}))) {
    throw new RangeError(`No public holidays known for region ${JSON.stringify(region)} of ${code}`);
  }
  if (state && subRegion && !(subRegion in (holidays.getRegions(code, state) ?? {}))) {
    throw new RangeError(`No public holidays known for region ${JSON.stringify(region)} of ${code}`);
  }
  if (state && subRegion) holidays.init(code, state, subRegion);
  else if (state) holidays.init(code, state);
  else holidays.init(code);
  calendars.set(cacheKey, holidays);
  return holidays;
}

/** What date-holidays calls the days a team does not work: public holidays and bank holidays. */
const DAYS_OFF = new Set(["public", "bank"]);

/**
 * The holidays a team takes off (date-holidays types `public` and `bank`; not observance, optional or
 * school days) of a country's year, as local dates. A holiday that lasts several days counts every one of them, so the set can
 * hold a date of the next year. Cached per (country, region, year): the rules do not change while we run.
 */
export function publicHolidays(country: string, year: number, region?: string): ReadonlySet<LocalDate> {
  const key = `${country.trim().toUpperCase()}/${(region ?? "").trim().toUpperCase()}/${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const dates = new Set<LocalDate>();
  for (const holiday of holidaysFor(country, region).getHolidays(year)) {
    if (!DAYS_OFF.has(holiday.type)) continue;
    // `date` is the first day on the holiday's own calendar ("2026-03-20 00:00:00 -0600"); the length comes
    // from start/end, rounded so 23- and 25-hour DST days still count as one day.
    const first = holiday.date.slice(0, 10);
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) dates.add(addDays(first, i));
  }
  holidayCache.set(key, dates);
  return dates;
}

function isPublicHoliday(calendar: WorkCalendar, date: LocalDate): boolean {
  const { year } = partsOf(date);
  // A holiday of the year before can run into this one (New Year's Eve lasting two days).
  return (
    publicHolidays(calendar.holidayCountry, year, calendar.holidayRegion).has(date) ||
    publicHolidays(calendar.holidayCountry, year - 1, calendar.holidayRegion).has(date)
  );
}

export interface WorkingDayOptions {
  /**
   * Dates that are not working days for this person although the team works: the hook for a rep's approved
   * leave (the leave capability fills it), so leave lowers both the days expected and the days elapsed.
   */
  excluded?: ReadonlySet<LocalDate>;
}

/** The working dates from `start` to `end` (both included): in the work week, not a public holiday, not excluded. */
export function workingDays(
  calendar: WorkCalendar,
  start: LocalDate,
  end: LocalDate,
  options: WorkingDayOptions = {},
): readonly LocalDate[] {
  const days = () => eachDate(start, end).filter((date) => isWorkingDay(calendar, date, options));
  // A person's own days off make their list their own; the team's calendar alone is shared.
  if (options.excluded && options.excluded.size > 0) return days();
  const key = `${calendar.workWeek.join("")}|${calendar.holidayCountry}|${calendar.holidayRegion ?? ""}|${start}|${end}`;
  return memo(workingDayLists, key, () => Object.freeze(days()));
}

/** Whether a date is a working day (see `workingDays`). */
export function isWorkingDay(
  calendar: WorkCalendar,
  date: LocalDate,
  options: WorkingDayOptions = {},
): boolean {
  return (
    calendar.workWeek.includes(isoWeekday(date)) &&
    !options.excluded?.has(date) &&
    !isPublicHoliday(calendar, date)
  );
}

/** The part of a working day that counts for pace, in local wall-clock hours (9.5 = 09:30). */
export interface WorkHours {
  start: number;
  end: number;
}

export const DEFAULT_WORK_HOURS: Readonly<WorkHours> = Object.freeze({ start: 9, end: 17 });

export interface ElapsedOptions extends WorkingDayOptions {
  workHours?: WorkHours;
}

export interface WorkingDayCount {
  /** Working days in the period. */
  total: number;
  /** Working days that have passed; fractional during a working day. */
  elapsed: number;
  /** `total - elapsed`: what is left to sell in. */
  remaining: number;
  /**
   * Whole working days left, as people count them: every working day after today, and today while its
   * work hours are not over.
   */
  left: number;
  /** Whether `left` counts today. */
  todayIncluded: boolean;
}

/**
 * How many of a period's working days have passed at an instant, for pace.
 *
 * The rule: a working day before today (in the zone) has fully elapsed; a working day after today has not
 * started; today, if a working day, counts in proportion to the wall-clock time between the work hours
 * (default 09:00-17:00): 0 before 09:00, 0.5 at 13:00, 1 from 17:00. So pace moves during the day instead of
 * jumping at midnight, and a sale made at 08:00 is measured against yesterday's expectation. Before the
 * period everything remains, after it everything has elapsed. Wall-clock time means a DST change at night
 * does not shift the working day.
 */
export function elapsedWorkingDays(
  calendar: WorkCalendar,
  period: Pick<Period, "start" | "end">,
  at: Date,
  timeZone: string,
  options: ElapsedOptions = {},
): WorkingDayCount {
  const hours = options.workHours ?? DEFAULT_WORK_HOURS;
  if (!(hours.start >= 0 && hours.start < hours.end && hours.end <= 24)) {
    throw new RangeError(`Work hours must satisfy 0 <= start < end <= 24, got ${hours.start}-${hours.end}`);
  }
  const days = workingDays(calendar, period.start, period.end, options);
  const wall = wallClock(at, timeZone);
  const today = formatLocalDate(wall.year, wall.month, wall.day);
  let elapsed = 0;
  let left = 0;
  let todayIncluded = false;
  for (const day of days) {
    if (day < today) elapsed += 1;
    else if (day > today) left += 1;
    else {
      const hour = wallMsOfDay(wall) / 3_600_000;
      const done = Math.min(1, Math.max(0, (hour - hours.start) / (hours.end - hours.start)));
      elapsed += done;
      if (done < 1) {
        left += 1;
        todayIncluded = true;
      }
    }
  }
  return { total: days.length, elapsed, remaining: days.length - elapsed, left, todayIncluded };
}

/**
 * Working hours between two instants for a team: the wall-clock hours inside the work hours (default
 * 09:00-17:00) of its working days (work week, not a public holiday). What "answer within 24 working
 * hours" counts: an escalation raised on Friday at 16:00 has waited one working hour by Monday 09:00, and
 * none of a holiday counts. Zero when `to` is not after `from`.
 */
export function workingHoursBetween(
  calendar: WorkCalendar,
  timeZone: string,
  from: Date,
  to: Date,
  hours: WorkHours = DEFAULT_WORK_HOURS,
): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = wallClock(from, timeZone);
  const end = wallClock(to, timeZone);
  const first = formatLocalDate(start.year, start.month, start.day);
  const last = formatLocalDate(end.year, end.month, end.day);
  let total = 0;
  for (const day of workingDays(calendar, first, last)) {
    const opens = day === first ? Math.max(hours.start, wallMsOfDay(start) / 3_600_000) : hours.start;
    const closes = day === last ? Math.min(hours.end, wallMsOfDay(end) / 3_600_000) : hours.end;
    total += Math.max(0, closes - opens);
  }
  return total;
}

/**
 * The instant a wall-clock time of a day has in a zone. In a fall-back overlap (the hour happens twice)
 * the first (or, asked for `"last"`, the second); in a spring-forward gap (it does not happen: 02:30 in
 * Stockholm on the last Sunday of March) the first instant after the gap, with `gap` set, so a meeting
 * asked for then is held when the day goes on.
 */
export function instantOfWallTime(
  date: LocalDate,
  hour: number,
  minute: number,
  timeZone: string,
  overlap: "first" | "last" = "first",
): { at: Date; gap: boolean } {
  const wall = toDayNumber(date) * DAY_MS + (hour * 60 + minute) * 60_000;
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (fits.length > 0)
    return { at: new Date(overlap === "first" ? Math.min(...fits) : Math.max(...fits)), gap: false };
  // In the gap: the clocks jumped somewhere between these two instants; find the first one after it.
  let low = Math.min(wall - before, wall - after);
  let high = Math.max(wall - before, wall - after);
  const first = offsetAt(low, timeZone);
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === first) low = middle;
    else high = middle;
  }
  return { at: new Date(high), gap: true };
}
