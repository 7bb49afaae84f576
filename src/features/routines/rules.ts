import { type ScheduleSpec, Schedules } from "../../platform/jobs/index.js";
import { instantOfWallTime, localDate } from "../../platform/time/index.js";
import {
  cronOfRoutine,
  type RoutineName,
  type RoutineSettings,
  type ScheduledTeam,
  type StandupSetting,
} from "../team/index.js";

/**
 * Pure rules of the clock of a team's routines: which jobs run when (the team's days and times in its
 * zone), and which slot missed while nothing ran is still worth its post.
 */

/** The jobs routines run; each feature that posts a routine defines its job. */
export const ROUTINE_JOBS = ["motivation.post", "spotlight.post", "standup.open", "standup.close"] as const;
export type RoutineJob = (typeof ROUTINE_JOBS)[number];

/** One job a team's routine runs, and when. */
export interface RoutinePlan {
  job: RoutineJob;
  routine: RoutineName;
  spec: ScheduleSpec;
}

/**
 * What a team's routines run, read in its zone: motivation and the spotlight at their days and times, the
 * standup opened at its days and time and closed at its cut-off those days. A routine turned off runs
 * nothing.
 */
export function routinePlans(routines: RoutineSettings, timeZone: string): RoutinePlan[] {
  const plans: RoutinePlan[] = [];
  const at = (job: RoutineJob, routine: RoutineName, cron: string) =>
    plans.push({ job, routine, spec: { cron, timeZone } });
  if (routines.motivation.enabled) at("motivation.post", "motivation", cronOfRoutine(routines.motivation));
  if (routines.spotlight.enabled) at("spotlight.post", "spotlight", cronOfRoutine(routines.spotlight));
  if (routines.standup.enabled) {
    at("standup.open", "standup", cronOfRoutine(routines.standup));
    at("standup.close", "standup", cronOfRoutine(routines.standup, routines.standup.cutoff));
  }
  return plans;
}

/**
 * How long after its slot a missed post is still worth making (always the same day in the team's zone):
 * motivation 3 hours, the spotlight 4, the standup's summary 12 after its cut-off. The standup itself is
 * worth opening until its cut-off.
 */
export const CATCH_UP_HOURS: Readonly<Record<Exclude<RoutineJob, "standup.open">, number>> = {
  "motivation.post": 3,
  "spotlight.post": 4,
  "standup.close": 12,
};

const HOUR_MS = 3600_000;

/** The latest slot of a schedule at or before `now` (within the last day: no post is owed for longer). */
export function latestSlot(spec: ScheduleSpec, now: Date): Date | null {
  return Schedules.slotsBetween(spec, new Date(now.getTime() - 26 * HOUR_MS), now).at(-1) ?? null;
}

/** The next slot of a schedule after `now` (within a fortnight: a weekly routine may skip a DST night). */
export function nextSlot(spec: ScheduleSpec, now: Date): Date | null {
  return Schedules.slotsBetween(spec, now, new Date(now.getTime() + 15 * 24 * HOUR_MS))[0] ?? null;
}

/** The job that makes a routine's post (the standup's is its opening). */
export const POST_OF: Readonly<Record<RoutineName, RoutineJob>> = {
  motivation: "motivation.post",
  spotlight: "spotlight.post",
  standup: "standup.open",
};

/** Whether the post of `slot` is still worth making at `now` (see `CATCH_UP_HOURS`). */
export function stillRelevant(
  job: RoutineJob,
  slot: Date,
  now: Date,
  timeZone: string,
  standup: Pick<StandupSetting, "cutoff">,
): boolean {
  if (slot > now) return false;
  const day = localDate(slot, timeZone);
  if (localDate(now, timeZone) !== day) return false;
  if (job === "standup.open") {
    const [hour, minute] = standup.cutoff.split(":").map(Number);
    return now < instantOfWallTime(day, hour ?? 0, minute ?? 0, timeZone).at;
  }
  return now.getTime() - slot.getTime() <= CATCH_UP_HOURS[job] * HOUR_MS;
}

/** A slot to strike now because it was missed. */
export interface OwedSlot {
  job: RoutineJob;
  slot: Date;
}

/**
 * The slots of a team's routines owed at `now`: for each job, its latest slot, when still relevant, and
 * not from before the routine's setting was saved (or the team made): nothing is owed for times before
 * that. Striking one that was struck already does nothing, so this may be asked any time, anywhere.
 */
export function owedSlots(scheduled: ScheduledTeam, now: Date): OwedSlot[] {
  const { team, routines, savedAt } = scheduled;
  const owed: OwedSlot[] = [];
  for (const plan of routinePlans(routines, team.timeZone)) {
    const slot = latestSlot(plan.spec, now);
    if (!slot) continue;
    const saved = savedAt[plan.routine];
    const since = saved && saved > team.createdAt ? saved : team.createdAt;
    if (slot < since) continue;
    if (!stillRelevant(plan.job, slot, now, team.timeZone, routines.standup)) continue;
    owed.push({ job: plan.job, slot });
  }
  return owed;
}
