import {
  addDays,
  isWorkingDay,
  type LocalDate,
  type Period,
  type WorkCalendar,
} from "../../platform/time/index.js";
import type { DaySales, Progress, SaleAt } from "../quota/index.js";

/** How many built-in lines each language has (`motivation.line.1` …). */
export const BUILTIN_LINES = 10;
/** At most this many of the period's best sellers are given a shout-out. */
export const TOP_COUNT = 3;
/** A run of working days with a sale is mentioned from this long. */
export const STREAK_MIN = 3;
/** How far back a streak is counted (a longer one is said to be this long: it is at least that). */
export const STREAK_LOOKBACK_DAYS = 120;
/** Milestones are those reached since the previous post, but never older than this. */
export const MILESTONE_LOOKBACK_DAYS = 7;
/** At most this many milestones and streaks are listed (a post stays readable, and within Slack's limits). */
export const MILESTONES_MAX = 8;
export const STREAKS_MAX = 5;

export type Milestone =
  | { kind: "firstSale"; repId: string }
  | { kind: "half" | "target"; repId: string; targetMinor: number }
  | { kind: "bestDay"; date: LocalDate; totalMinor: number; previousMinor: number }
  | { kind: "bestPeriod"; totalMinor: number; previousMinor: number };

/** What a motivation post can truthfully say about a team at a moment. */
export interface MotivationFacts {
  period: Period;
  currency: string;
  /** The team against its target with pace; null when it has neither a target nor a sale this period. */
  progress: Progress | null;
  /** The period's best sellers who are not away, best first. */
  top: { repId: string; totalMinor: number; attainment: number | null }[];
  /** How many of the period's best sellers are away today (not named). */
  topAway: number;
  /** Who sold the most more in the last 7 days than in the 7 before (only a rise counts). */
  mover: { repId: string; lastMinor: number; beforeMinor: number } | null;
  milestones: Milestone[];
  /** Working days in a row with a sale (today counts once it has one), longest first. */
  streaks: { repId: string; days: number }[];
}

export interface FactsInput {
  /** The team's date today, in its zone. */
  today: LocalDate;
  /** Milestones reached after this instant count (the previous post's, or a week ago). */
  since: Date;
  calendar: WorkCalendar;
  currency: string;
  /** The team's standing now (quota's progress, with pace). */
  team: Progress;
  /** Each current rep's standing now. */
  reps: readonly Progress[];
  /** Reps on approved leave today: never named. */
  away: ReadonlySet<string>;
  /** Each rep's days of approved leave over the streak lookback: they neither count nor break a streak. */
  daysOff: ReadonlyMap<string, ReadonlySet<LocalDate>>;
  /** Every rep's sales per day from `today - STREAK_LOOKBACK_DAYS` to today. */
  days: readonly DaySales[];
  /** Every check-in of the team from the start of the period (or of `since`'s day, if earlier) to now. */
  sales: readonly SaleAt[];
  /** The team's best day before `since`'s day, and best period before this one (null: none). */
  bests: { dayMinor: number | null; periodMinor: number | null };
  /** The team's date of `since`. */
  sinceDay: LocalDate;
}

/** Where milestones start: the previous post's facts, but at most a week back. */
export function milestonesSince(previous: Date | null, now: Date): Date {
  const floor = new Date(now.getTime() - MILESTONE_LOOKBACK_DAYS * 86_400_000);
  return previous && previous > floor ? previous : floor;
}

/** The facts of a post, from the team's figures: pure, so each can be checked on its own. */
export function motivationFacts(input: FactsInput): MotivationFacts {
  const { team } = input;
  const present = input.reps.filter((rep) => rep.repId && !input.away.has(rep.repId));
  return {
    period: team.period,
    currency: input.currency,
    progress: team.targetMinor !== null || team.totals.totalMinor > 0 ? team : null,
    ...topSellers(input),
    mover: biggestMover(input, present),
    milestones: milestones(input, present),
    streaks: streaks(input, present),
  };
}

/** Whether a post has anything true and worth saying: a sale behind it somewhere. */
export function worthPosting(facts: MotivationFacts): boolean {
  return (
    (facts.progress?.totals.totalMinor ?? 0) > 0 ||
    facts.top.length > 0 ||
    facts.mover !== null ||
    facts.milestones.length > 0 ||
    facts.streaks.length > 0
  );
}

function topSellers(input: FactsInput): Pick<MotivationFacts, "top" | "topAway"> {
  const best = input.reps
    .filter((rep) => rep.repId && rep.totals.totalMinor > 0)
    .sort((a, b) => b.totals.totalMinor - a.totals.totalMinor || (a.repId ?? "").localeCompare(b.repId ?? ""))
    .slice(0, TOP_COUNT);
  const top = best
    .filter((rep) => !input.away.has(rep.repId ?? ""))
    .map((rep) => ({
      repId: rep.repId ?? "",
      totalMinor: rep.totals.totalMinor,
      attainment: rep.pace.attainment,
    }));
  return { top, topAway: best.length - top.length };
}

function sumOf(days: readonly DaySales[], repId: string, start: LocalDate, end: LocalDate): number {
  return days
    .filter((d) => d.repId === repId && d.soldOn >= start && d.soldOn <= end)
    .reduce((n, d) => n + d.totalMinor, 0);
}

/** The last 7 days are the 7 before today (today has hardly begun when a post goes out). */
function biggestMover(input: FactsInput, present: readonly Progress[]): MotivationFacts["mover"] {
  const lastStart = addDays(input.today, -7);
  const lastEnd = addDays(input.today, -1);
  const beforeStart = addDays(input.today, -14);
  const beforeEnd = addDays(input.today, -8);
  let mover: MotivationFacts["mover"] = null;
  for (const rep of present) {
    const repId = rep.repId ?? "";
    const lastMinor = sumOf(input.days, repId, lastStart, lastEnd);
    const beforeMinor = sumOf(input.days, repId, beforeStart, beforeEnd);
    const rise = lastMinor - beforeMinor;
    if (rise <= 0) continue;
    const best = mover ? mover.lastMinor - mover.beforeMinor : 0;
    if (rise > best || (rise === best && mover && repId.localeCompare(mover.repId) < 0)) {
      mover = { repId, lastMinor, beforeMinor };
    }
  }
  return mover;
}

function milestones(input: FactsInput, present: readonly Progress[]): Milestone[] {
  const { since, team } = input;
  const period = team.period;
  const inPeriod = input.sales.filter((s) => s.soldOn >= period.start && s.soldOn <= period.end);
  const before = inPeriod.filter((s) => s.recordedAt <= since);
  const found: Milestone[] = [];

  for (const rep of present) {
    const repId = rep.repId ?? "";
    const now = rep.totals.totalMinor;
    if (rep.totals.count === 0) continue;
    const mine = before.filter((s) => s.repId === repId);
    const then = mine.reduce((n, s) => n + s.amountMinor, 0);
    const target = rep.targetMinor;
    // One milestone a rep, the biggest: the target made says more than the first sale that made it.
    if (target !== null && then < target && now >= target)
      found.push({ kind: "target", repId, targetMinor: target });
    else if (target !== null && then * 2 < target && now * 2 >= target)
      found.push({ kind: "half", repId, targetMinor: target });
    else if (mine.length === 0) found.push({ kind: "firstSale", repId });
  }

  // The best period ever, reached since: the team beat its best earlier period only now.
  const previousPeriod = input.bests.periodMinor;
  const teamThen = before.reduce((n, s) => n + s.amountMinor, 0);
  if (previousPeriod !== null && team.totals.totalMinor > previousPeriod && teamThen <= previousPeriod) {
    found.push({ kind: "bestPeriod", totalMinor: team.totals.totalMinor, previousMinor: previousPeriod });
  }

  // The best day ever, among the days since: it beat every day before them, and had not yet at `since`.
  const previousDay = input.bests.dayMinor;
  if (previousDay !== null) {
    const byDay = new Map<LocalDate, number>();
    for (const d of input.days) {
      if (d.soldOn >= input.sinceDay && d.soldOn <= input.today)
        byDay.set(d.soldOn, (byDay.get(d.soldOn) ?? 0) + d.totalMinor);
    }
    const [bestDay] = [...byDay].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (bestDay && bestDay[1] > previousDay) {
      const thenOnDay = input.sales
        .filter((s) => s.soldOn === bestDay[0] && s.recordedAt <= since)
        .reduce((n, s) => n + s.amountMinor, 0);
      if (thenOnDay <= previousDay)
        found.push({ kind: "bestDay", date: bestDay[0], totalMinor: bestDay[1], previousMinor: previousDay });
    }
  }
  return found;
}

/**
 * Working days in a row with a sale, back from today: today counts once it has a sale (it has only begun
 * otherwise), days off (weekends, holidays, the rep's approved leave) neither count nor break the run.
 */
export function streakOf(
  sold: ReadonlySet<LocalDate>,
  today: LocalDate,
  calendar: WorkCalendar,
  daysOff: ReadonlySet<LocalDate>,
  lookbackDays = STREAK_LOOKBACK_DAYS,
): number {
  let count = 0;
  const first = addDays(today, -lookbackDays);
  for (let day = today; day >= first; day = addDays(day, -1)) {
    if (!isWorkingDay(calendar, day) || daysOff.has(day)) continue;
    if (sold.has(day)) count++;
    else if (day !== today) break;
  }
  return count;
}

function streaks(input: FactsInput, present: readonly Progress[]): MotivationFacts["streaks"] {
  const soldBy = new Map<string, Set<LocalDate>>();
  for (const d of input.days) {
    if (d.totalMinor <= 0) continue;
    const set = soldBy.get(d.repId) ?? new Set<LocalDate>();
    set.add(d.soldOn);
    soldBy.set(d.repId, set);
  }
  return present
    .map((rep) => {
      const repId = rep.repId ?? "";
      const off = input.daysOff.get(repId) ?? new Set<LocalDate>();
      return { repId, days: streakOf(soldBy.get(repId) ?? new Set(), input.today, input.calendar, off) };
    })
    .filter((s) => s.days >= STREAK_MIN)
    .sort((a, b) => b.days - a.days || a.repId.localeCompare(b.repId))
    .slice(0, STREAKS_MAX);
}

/** A line of the library: a built-in one (`builtin:N`) or the team's own (`line:<id>`). */
export type LineKey = `builtin:${number}` | `line:${number}`;

/**
 * The next line: the first of the library not used since it was last used up, the team's own lines first
 * (oldest first), then the built-in ones in order. When every line has been used, a new round starts
 * (`fresh`), avoiding the line used last so no post repeats the one before.
 */
export function nextLine(
  library: readonly LineKey[],
  used: ReadonlySet<string>,
  lastUsed: string | null,
): { key: LineKey; fresh: boolean } | null {
  const unused = library.find((key) => !used.has(key));
  if (unused) return { key: unused, fresh: false };
  const again = library.find((key) => key !== lastUsed) ?? library[0];
  return again ? { key: again, fresh: true } : null;
}

/** The library in rotation order: the team's own lines (by id), then the built-in ones. */
export function libraryOf(ownLineIds: readonly number[]): LineKey[] {
  const own = [...ownLineIds].sort((a, b) => a - b).map((id): LineKey => `line:${id}`);
  const builtin = Array.from({ length: BUILTIN_LINES }, (_, i): LineKey => `builtin:${i + 1}`);
  return [...own, ...builtin];
}

/** What a team writes as its own line: trimmed, one to LINE_MAX characters; the problem otherwise. */
export function lineProblem(text: string, max: number): "empty" | "tooLong" | null {
  const trimmed = text.trim();
  if (!trimmed) return "empty";
  if (trimmed.length > max) return "tooLong";
  return null;
}

/** A team's line with its placeholders filled in (`{team}`), anything else as written. */
export function fillLine(text: string, values: { team: string }): string {
  return text.replace(/\{team\}/gi, values.team);
}
