import type { Deps } from "../../platform/deps.js";
import {
  Absences,
  elapsedWorkingDays,
  type LocalDate,
  nextPeriod,
  periodOfDate,
  type WorkingDayCount,
  workingDays,
} from "../../platform/time/index.js";
import { type Team, workCalendarOf } from "../team/index.js";
import { sumOfRepTargets } from "./progress.js";
import { type Pace, paceOf } from "./rules.js";
import { productTotals, type RepActivity, repActivity, targetsInForce } from "./store.js";

/** Any span of whole days in a team's calendar (a month, a quarter, a year), both ends included. */
export interface DayRange {
  start: LocalDate;
  end: LocalDate;
}

/** Where one rep (or, with repId null, the team) stood over a range of days. */
export interface RangeProgress {
  repId: string | null;
  sales: RepActivity;
  /** The targets of the team's quota periods in the range (see `rangeTargets`); null without any. */
  targetMinor: number | null;
  /** The range's working days for this rep (their approved leave excluded), and how many have passed. */
  days: WorkingDayCount;
  pace: Pace;
  /** Whole working days of approved leave in the range. */
  leaveDays: number;
}

/** Where a team and each of its reps stood over a range of days, with its sales per product. */
export interface RangeStanding {
  range: DayRange;
  currency: string;
  team: RangeProgress;
  reps: RangeProgress[];
  products: { productId: number | null; totalMinor: number; count: number }[];
}

const NO_SALES: RepActivity = Object.freeze({ totalMinor: 0, count: 0, activeDays: 0 });

/**
 * A team's standing over any range of days, as a report reads it: each rep's sales, days with a sale,
 * target and pace (pace as `/quota` measures it: attainment against the share of the rep's own working
 * days that has passed at `at`; a range in the past has all of them behind it), and the team's sales per
 * product. A handful of statements per team, however long the range.
 */
export async function rangeStanding(
  deps: Pick<Deps, "db" | "absences">,
  team: Team,
  repIds: readonly string[],
  range: DayRange,
  at: Date,
): Promise<RangeStanding> {
  const calendar = workCalendarOf(team);
  const [activity, products, daysOff, targets] = await Promise.all([
    repActivity(deps.db, team.id, team.currency, range),
    productTotals(deps.db, team.id, team.currency, range),
    deps.absences.daysOff(deps.db, team.workspaceId, repIds, range.start, range.end),
    rangeTargets(deps, team, repIds, range),
  ]);
  const teamDays = elapsedWorkingDays(calendar, range, at, team.timeZone);
  const reps = repIds.map((repId): RangeProgress => {
    const off = Absences.of(daysOff, repId);
    const leaveDays =
      off.size === 0 ? 0 : workingDays(calendar, range.start, range.end).filter((d) => off.has(d)).length;
    const days =
      off.size > 0 ? elapsedWorkingDays(calendar, range, at, team.timeZone, { excluded: off }) : teamDays;
    const sales = activity.get(repId) ?? NO_SALES;
    const targetMinor = targets.get(repId) ?? null;
    return {
      repId,
      sales,
      targetMinor,
      days,
      pace: paceOf({ targetMinor, totalMinor: sales.totalMinor, days }),
      leaveDays,
    };
  });
  // The team: every sale of the team in the range (a rep who left still sold for it), against its own target.
  const teamSales = [...activity.values()].reduce(
    (sum, a) => ({ totalMinor: sum.totalMinor + a.totalMinor, count: sum.count + a.count, activeDays: 0 }),
    { totalMinor: 0, count: 0, activeDays: 0 },
  );
  const teamTarget = targets.get(null) ?? null;
  return {
    range,
    currency: team.currency,
    team: {
      repId: null,
      sales: teamSales,
      targetMinor: teamTarget,
      days: teamDays,
      pace: paceOf({ targetMinor: teamTarget, totalMinor: teamSales.totalMinor, days: teamDays }),
      leaveDays: reps.reduce((n, r) => n + r.leaveDays, 0),
    },
    reps,
    products,
  };
}

/**
 * The targets over a range (each rep's, and the team's under null): for every quota period of the team
 * that overlaps the range, the target in force then, in the share of that period's working days that lie
 * in the range (a monthly team's year is twelve whole targets; a weekly team's month takes the weeks
 * across its ends in part). The team's own target, or without one what its reps' add up to, as
 * `/quota team` counts it. Rounded to whole minor units; no target at all is null.
 */
export async function rangeTargets(
  deps: Pick<Deps, "db">,
  team: Team,
  repIds: readonly string[],
  range: DayRange,
): Promise<Map<string | null, number>> {
  const calendar = workCalendarOf(team);
  const sums = new Map<string | null, number>();
  for (
    let period = periodOfDate(range.start, team.timeZone, team.quotaPeriod);
    period.start <= range.end;
    period = nextPeriod(period, team.timeZone)
  ) {
    const inForce = await targetsInForce(deps.db, team.id, period.key, repIds);
    const all = workingDays(calendar, period.start, period.end).length;
    // Dates as ISO strings: the later start and the earlier end of the two.
    const [, start = range.start] = [period.start, range.start].sort();
    const [end = range.end] = [period.end, range.end].sort();
    const inside = workingDays(calendar, start, end).length;
    const share = all === 0 ? 0 : inside / all;
    const add = (key: string | null, amountMinor: number) => {
      if (amountMinor <= 0) return;
      sums.set(key, (sums.get(key) ?? 0) + amountMinor * share);
    };
    for (const repId of repIds) {
      const target = inForce.get(repId);
      if (target && target.currency === team.currency) add(repId, target.amountMinor);
    }
    const own = inForce.get(null);
    const teamTarget =
      own && own.amountMinor > 0 && own.currency === team.currency ? own : sumOfRepTargets(repIds, inForce);
    if (teamTarget && teamTarget.currency === team.currency) add(null, teamTarget.amountMinor);
  }
  return new Map([...sums].map(([key, value]) => [key, Math.round(value)]));
}
