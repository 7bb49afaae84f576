import { instantOfWallTime, localDate } from "./calendar.js";

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week) read in an IANA zone: which
 * instants they name between two moments, DST days included. Meetings compute their reminders with it;
 * the clock of scheduled work (platform/jobs) uses it to name the slots a schedule had while nothing ran.
 */

/** A cron expression read: the values each field allows. */
export interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

/** One time a schedule names: the instant, and the wall time asked for when it fell in a DST gap. */
export interface CronOccurrence {
  at: Date;
  /** Set when the asked wall time ("02:30") does not exist that day: `at` is the first instant after the gap. */
  gap: { asked: string } | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function parseField(
  text: string,
  min: number,
  max: number,
  names: string[] = [],
  base = min,
): Set<number> | null {
  const values = new Set<number>();
  const value = (word: string): number | null => {
    const named = names.indexOf(word.toLowerCase());
    if (named >= 0) return named + base;
    if (!/^\d+$/.test(word)) return null;
    return Number(word);
  };
  for (const part of text.split(",")) {
    const [range, stepText, extra] = part.split("/");
    if (range === undefined || extra !== undefined) return null;
    const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) ? Number(stepText) : 0;
    if (step < 1) return null;
    let from: number | null;
    let to: number | null;
    if (range === "*") {
      from = min;
      to = max;
    } else {
      const [a, b, more] = range.split("-");
      if (a === undefined || more !== undefined) return null;
      from = value(a);
      to = b === undefined ? (stepText === undefined ? from : max) : value(b);
    }
    if (from === null || to === null || from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values.size > 0 ? values : null;
}

/** A five-field cron expression read, or null when it is not one this app reads. */
export function parseCron(expression: string): CronFields | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [m, h, dom, mon, dow] = fields as [string, string, string, string, string];
  const minutes = parseField(m, 0, 59);
  const hours = parseField(h, 0, 23);
  const days = parseField(dom, 1, 31);
  const months = parseField(mon, 1, 12, MONTHS, 1);
  const weekdays = parseField(dow, 0, 7, WEEKDAYS, 0);
  if (!minutes || !hours || !days || !months || !weekdays) return null;
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes,
    hours,
    days,
    months,
    weekdays,
    daysRestricted: dom !== "*",
    weekdaysRestricted: dow !== "*",
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The instant of a wall time on a calendar day in a zone: in a fall-back overlap the first (or the last,
 * when asked); in a spring-forward gap the first instant after the gap, with `gap` set (see
 * `instantOfWallTime`).
 */
export function instantOf(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  zone: string,
  overlap: "first" | "last" = "first",
): { at: Date; gap: boolean } {
  return instantOfWallTime(`${date.year}-${pad(date.month)}-${pad(date.day)}`, hour, minute, zone, overlap);
}

/**
 * The times a cron expression names after `from` up to `until` (both instants), in order, read in `zone`:
 * a wall time the clocks skip that day is at the first instant after the gap (`gap` set); one that happens
 * twice is its first (or, with `overlap: "last"`, its second) instant. Throws on an expression that is not
 * valid (check people's input with `parseCron`).
 */
export function occurrencesBetween(
  expression: string,
  zone: string,
  from: Date,
  until: Date,
  options: { overlap?: "first" | "last" } = {},
): CronOccurrence[] {
  const cron = parseCron(expression);
  if (!cron) throw new Error(`not a schedule: ${expression}`);
  const found = new Map<number, CronOccurrence>();
  const day = 24 * 3600_000;
  const [year, month, date0] = localDate(new Date(from.getTime() - day), zone)
    .split("-")
    .map(Number);
  const end = until.getTime() + 2 * day;
  const hours = [...cron.hours].sort((a, b) => a - b);
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  for (let ms = Date.UTC(year ?? 0, (month ?? 1) - 1, date0 ?? 1); ms <= end; ms += day) {
    const d = new Date(ms);
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (!cron.months.has(date.month)) continue;
    const domOk = cron.days.has(date.day);
    const dowOk = cron.weekdays.has(d.getUTCDay());
    const dayOk =
      cron.daysRestricted && cron.weekdaysRestricted
        ? domOk || dowOk
        : (!cron.daysRestricted || domOk) && (!cron.weekdaysRestricted || dowOk);
    if (!dayOk) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const { at, gap } = instantOf(date, hour, minute, zone, options.overlap);
        if (at <= from || at > until || found.has(at.getTime())) continue;
        found.set(at.getTime(), { at, gap: gap ? { asked: `${pad(hour)}:${pad(minute)}` } : null });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}
