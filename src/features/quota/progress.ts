import type { RequestContext } from "../../platform/context.js";
import type { Deps } from "../../platform/deps.js";
import {
  Absences,
  elapsedWorkingDays,
  type LocalDate,
  type Period,
  periodOf,
  type WorkingDayCount,
} from "../../platform/time/index.js";
import { findTeam, repTeamOf, type Team, workCalendarOf } from "../team/index.js";
import { type Pace, paceOf } from "./rules.js";
import type { QuotaSettings } from "./schema.js";
import { type QuotaRules, rulesFrom } from "./settings.js";
import {
  repTotals,
  sellingTeamOf,
  type TargetInForce,
  type Totals,
  targetsInForce,
  teamTotalIn,
} from "./store.js";
import { notARep } from "./teams.js";

export function currentPeriod(team: Team, at: Date): Period {
  return periodOf(at, team.timeZone, team.quotaPeriod);
}

/**
 * The period's working days at an instant, in the team's calendar; a rep's whole days of approved leave
 * (`daysOff`) are not working days for them, so leave lowers both what is expected and what has elapsed.
 */
export function workdays(
  team: Team,
  period: Period,
  at: Date,
  daysOff?: ReadonlySet<LocalDate>,
): WorkingDayCount {
  return elapsedWorkingDays(
    workCalendarOf(team),
    period,
    at,
    team.timeZone,
    daysOff && daysOff.size > 0 ? { excluded: daysOff } : {},
  );
}

/** Each rep's whole days of approved leave in a period (reps with none are left out). */
export function daysOffIn(
  deps: Pick<Deps, "db" | "absences">,
  team: Team,
  repIds: readonly string[],
  period: Period,
): Promise<Map<string, ReadonlySet<LocalDate>>> {
  return deps.absences.daysOff(deps.db, team.workspaceId, repIds, period.start, period.end);
}

/** Where one rep (or, with repId null, the team) stands in a period. */
export interface Progress {
  repId: string | null;
  period: Period;
  currency: string;
  totals: Totals;
  targetMinor: number | null;
  /** The target was set for an earlier period and carries over. */
  targetCarried: boolean;
  days: WorkingDayCount;
  pace: Pace;
}

export function progressFrom(
  team: Team,
  repId: string | null,
  period: Period,
  totals: Totals,
  target: TargetInForce | undefined,
  days: WorkingDayCount,
): Progress {
  const targetMinor =
    target && target.amountMinor > 0 && target.currency === team.currency ? target.amountMinor : null;
  return {
    repId,
    period,
    currency: team.currency,
    totals,
    targetMinor,
    targetCarried: Boolean(targetMinor && target && target.periodKey !== period.key),
    days,
    pace: paceOf({ targetMinor, totalMinor: totals.totalMinor, days }),
  };
}

/** Where a rep stands now. */
export async function repProgress(
  deps: Pick<Deps, "db" | "absences">,
  team: Team,
  repId: string,
  at: Date,
): Promise<Progress> {
  const [progress] = await repsProgress(deps, team, [repId], at);
  if (!progress) throw new Error("no progress for a rep");
  return progress;
}

/** Where each of some reps stands now, in their order: two statements however many they are. */
export async function repsProgress(
  deps: Pick<Deps, "db" | "absences">,
  team: Team,
  repIds: readonly string[],
  at: Date,
): Promise<Progress[]> {
  if (repIds.length === 0) return [];
  const { db } = deps;
  const period = currentPeriod(team, at);
  const [totals, targets, daysOff] = await Promise.all([
    repTotals(db, team.id, repIds, team.currency, period),
    targetsInForce(db, team.id, period.key, repIds),
    daysOffIn(deps, team, repIds, period),
  ]);
  const teamDays = workdays(team, period, at);
  return repIds.map((repId) => {
    const off = Absences.of(daysOff, repId);
    const days = off.size > 0 ? workdays(team, period, at, off) : teamDays;
    return progressFrom(team, repId, period, totals.get(repId) ?? NO_SALES, targets.get(repId), days);
  });
}

const NO_SALES: Totals = Object.freeze({ totalMinor: 0, count: 0, lastAt: null });

/** Where a team stands in its current period: the team as a whole, and each of some reps. */
export interface TeamStanding {
  period: Period;
  /** The team's sales (every check-in of the team, as the leaderboard counts them) against its target. */
  team: Progress;
  /** Each rep asked for, in their order. */
  reps: Progress[];
}

/**
 * The team's standing now, as `/quota team` shows it: the team's own target, or what its reps' targets add
 * up to, and the pace of both the team and each rep (a rep's approved leave is not a working day for them).
 */
export async function teamStanding(
  deps: Pick<Deps, "db" | "absences">,
  team: Team,
  repIds: readonly string[],
  at: Date,
): Promise<TeamStanding> {
  const period = currentPeriod(team, at);
  const [reps, total, targets] = await Promise.all([
    repsProgress(deps, team, repIds, at),
    teamTotalIn(deps.db, team.id, team.currency, period),
    targetsInForce(deps.db, team.id, period.key, repIds),
  ]);
  const own = targets.get(null);
  const target = own && own.amountMinor > 0 ? own : sumOfRepTargets(repIds, targets);
  return {
    period,
    team: progressFrom(team, null, period, total, target, workdays(team, period, at)),
    reps,
  };
}

/** Without a team target of its own, the team's target is what its reps' targets add up to. */
export function sumOfRepTargets(
  repIds: readonly string[],
  targets: Map<string | null, TargetInForce>,
): TargetInForce | undefined {
  const found = repIds.flatMap((id) => {
    const t = targets.get(id);
    return t && t.amountMinor > 0 ? [t] : [];
  });
  const first = found[0];
  if (!first) return undefined;
  const periodKey = found.every((t) => t.periodKey === first.periodKey) ? first.periodKey : "";
  return { amountMinor: found.reduce((n, t) => n + t.amountMinor, 0), periodKey, currency: first.currency };
}

/** The team a person sells in, with its quota settings as stored: what a check-in reads first. */
export interface SellingTeam {
  team: Team;
  settings: QuotaSettings | null;
  rules: QuotaRules;
}

/** The team a person sells in, with its quota rules: what a check-in needs. The polite reason otherwise. */
export async function sellingTeam(ctx: RequestContext): Promise<SellingTeam> {
  const found = await sellingTeamOf(ctx.deps.db, ctx.workspaceId, ctx.userId);
  if (!found) throw await notARep(ctx);
  return { ...found, rules: rulesFrom(found.team, found.settings) };
}

export type Mine = { kind: "rep"; team: Team; progress: Progress } | { kind: "supervisor"; team: Team };

/** `/quota` alone: a rep's progress; a supervisor is pointed to the team; anyone else is told why not. */
export async function mine(ctx: RequestContext): Promise<Mine> {
  const team = await repTeamOf(ctx.deps.db, ctx.workspaceId, ctx.userId);
  if (team) {
    return {
      kind: "rep",
      team,
      progress: await repProgress(ctx.deps, team, ctx.userId, ctx.deps.clock.now()),
    };
  }
  const actor = await ctx.actor();
  const [led] = actor.supervises;
  const ledTeam = led === undefined ? null : await findTeam(ctx.deps.db, ctx.workspaceId, led);
  if (ledTeam) return { kind: "supervisor", team: ledTeam.team };
  throw await notARep(ctx);
}
