import { type IsoWeekday, instantOfWallTime, localDate } from "../../platform/time/index.js";

/**
 * Pure rules of meetings: when a meeting happens (its schedule read in its zone, DST included), which
 * reminders are owed at a moment, and the offsets people write ("1d, 15m").
 */

/** How long before a meeting reminders may be asked for: at most a week. */
export const MAX_OFFSET_MINUTES = 7 * 24 * 60;
export const MAX_OFFSETS = 5;
export const DEFAULT_OFFSETS: readonly number[] = [24 * 60, 15];

/** The schedule of a meeting: weekdays and a wall time ("09:00"), or a five-field cron expression. */
export type MeetingSchedule = { days: readonly IsoWeekday[]; time: string } | { cron: string };

/** One time a meeting happens: the instant, and the wall time asked for when it fell in a DST gap. */
export interface Occurrence {
  at: Date;
  /** Set when the asked wall time ("02:30") does not exist that day: the meeting is at `at`, after the gap. */
  gap: { asked: string } | null;
}

// ---------------------------------------------------------------------------------------------------------
// Cron expressions (five fields: minute hour day-of-month month day-of-week)

interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
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

/** The cron expression of weekdays at a wall time: Monday and Thursday at 09:30 is "30 9 * * 1,4". */
export function cronOf(schedule: MeetingSchedule): string {
  if ("cron" in schedule) return schedule.cron.trim();
  const [hour, minute] = schedule.time.split(":").map(Number);
  const days = [...schedule.days].sort().map((d) => d % 7);
  return `${minute} ${hour} * * ${days.join(",")}`;
}

// ---------------------------------------------------------------------------------------------------------
// Wall time in a zone

/**
 * The instant of a wall time on a calendar day in a zone: in a fall-back overlap the first; in a
 * spring-forward gap the first instant after the gap, with `gap` set (see `instantOfWallTime`).
 */
export function instantOf(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  zone: string,
): { at: Date; gap: boolean } {
  return instantOfWallTime(`${date.year}-${pad(date.month)}-${pad(date.day)}`, hour, minute, zone);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The times a meeting happens after `from` up to `until` (both instants), in order, read in `zone`.
 * Throws on a schedule that is not valid (check people's input with `scheduleProblem` and `parseCron`).
 */
export function occurrencesBetween(
  schedule: MeetingSchedule,
  zone: string,
  from: Date,
  until: Date,
): Occurrence[] {
  const cron = parseCron(cronOf(schedule));
  if (!cron) throw new Error(`not a schedule: ${cronOf(schedule)}`);
  const found = new Map<number, Occurrence>();
  const day = 24 * 3600_000;
  const [year, month, date0] = localDate(new Date(from.getTime() - day), zone)
    .split("-")
    .map(Number);
  const end = until.getTime() + 2 * day;
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
    for (const hour of [...cron.hours].sort((a, b) => a - b)) {
      for (const minute of [...cron.minutes].sort((a, b) => a - b)) {
        const { at, gap } = instantOf(date, hour, minute, zone);
        if (at <= from || at > until || found.has(at.getTime())) continue;
        found.set(at.getTime(), { at, gap: gap ? { asked: `${pad(hour)}:${pad(minute)}` } : null });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The next time a meeting happens after `from` (within a year), or null. */
export function nextOccurrence(schedule: MeetingSchedule, zone: string, from: Date): Occurrence | null {
  const day = 24 * 3600_000;
  const [soon] = occurrencesBetween(schedule, zone, from, new Date(from.getTime() + 8 * day));
  if (soon) return soon;
  const [later] = occurrencesBetween(schedule, zone, from, new Date(from.getTime() + 366 * day));
  return later ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Reminders

/** A reminder owed now: of a meeting's occurrence, `offset` minutes before it; `skipped` are the earlier ones. */
export interface DueReminder {
  occurrence: Occurrence;
  offset: number;
  /** Earlier reminders of the same occurrence whose time also passed: recorded as skipped, not posted. */
  skipped: number[];
}

/**
 * The reminders due at `now` for a meeting: for each occurrence that has not started, the latest reminder
 * whose time has come (a missed earlier one is not posted as well), counting only reminders whose time came
 * after `since` (when the schedule was set or resumed: nothing is owed for times before that). A meeting
 * already started owes nothing.
 */
export function dueReminders(
  schedule: MeetingSchedule,
  zone: string,
  offsets: readonly number[],
  since: Date,
  now: Date,
): DueReminder[] {
  if (offsets.length === 0) return [];
  const longest = Math.max(...offsets);
  const due: DueReminder[] = [];
  const until = new Date(now.getTime() + longest * 60_000);
  for (const occurrence of occurrencesBetween(schedule, zone, now, until)) {
    const passed = [...offsets]
      .filter((o) => {
        const at = occurrence.at.getTime() - o * 60_000;
        return at <= now.getTime() && at >= since.getTime();
      })
      .sort((a, b) => a - b);
    const [offset, ...skipped] = passed;
    if (offset !== undefined) due.push({ occurrence, offset, skipped });
  }
  return due;
}

/** Offsets as people write them, "1d, 15m" or "2h 30m": minutes, longest first, or what is wrong. */
export function parseOffsets(
  text: string,
): { ok: true; minutes: number[] } | { ok: false; problem: "format" | "tooMany" | "tooLong" } {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_OFFSETS) return { ok: false, problem: "tooMany" };
  const minutes = new Set<number>();
  for (const part of parts) {
    const units = part.toLowerCase().replace(/\s+/g, "");
    if (!/^(\d+(d|h|m|min|t|dag|dagar|days?|hours?|minutes?|mins?))+$/.test(units))
      return { ok: false, problem: "format" };
    let total = 0;
    for (const match of units.matchAll(/(\d+)([a-z]+)/g)) {
      const n = Number(match[1]);
      const unit = match[2] as string;
      total += unit.startsWith("d") ? n * 1440 : unit.startsWith("h") || unit === "t" ? n * 60 : n;
    }
    if (total < 1) return { ok: false, problem: "format" };
    if (total > MAX_OFFSET_MINUTES) return { ok: false, problem: "tooLong" };
    minutes.add(total);
  }
  return { ok: true, minutes: [...minutes].sort((a, b) => b - a) };
}

/** Minutes as people write them: 1440 is "1d", 90 is "1h 30m". */
export function offsetText(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : "", h ? `${h}h` : "", m ? `${m}m` : ""].filter(Boolean).join(" ");
}

/** A wall time people write, "9:00" or "09.30", as "HH:MM", or null. */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}
