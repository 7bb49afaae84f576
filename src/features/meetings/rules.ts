import {
  type CronOccurrence,
  occurrencesBetween as cronOccurrencesBetween,
  type IsoWeekday,
  instantOf,
  parseCron,
} from "../../platform/time/index.js";

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
export type Occurrence = CronOccurrence;

/** The cron expression of weekdays at a wall time: Monday and Thursday at 09:30 is "30 9 * * 1,4". */
export function cronOf(schedule: MeetingSchedule): string {
  if ("cron" in schedule) return schedule.cron.trim();
  const [hour, minute] = schedule.time.split(":").map(Number);
  const days = [...schedule.days].sort().map((d) => d % 7);
  return `${minute} ${hour} * * ${days.join(",")}`;
}

// ---------------------------------------------------------------------------------------------------------
// When a meeting happens (the cron evaluation itself is platform/time's)

export { instantOf, parseCron };

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
  return cronOccurrencesBetween(cronOf(schedule), zone, from, until);
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
