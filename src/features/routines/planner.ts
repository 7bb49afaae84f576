import type { Deps } from "../../platform/deps.js";
import type { ScheduleSpec } from "../../platform/jobs/index.js";
import { type ScheduledTeam, scheduledTeams } from "../team/index.js";
import { owedSlots, ROUTINE_JOBS, type RoutineJob, routinePlans } from "./rules.js";

/** How often each process looks again at every team's routines (changes saved by another process). */
export const REPLAN_EVERY_MS = 60_000;

interface Planned {
  job: RoutineJob;
  teamId: number;
  spec: ScheduleSpec;
}

/**
 * Keeps this process's clock in step with every team's routines: a node-cron task per team and job, in
 * the team's zone, that strikes the job's slot (claimed once in `job_slots` however many processes strike
 * it). Each look reads the teams and their routines, plans what is new or changed, unplans what is off or
 * gone, and strikes the slots missed while nothing ran that are still owed.
 *
 * Looks may overlap (the minute's look and a team saved meanwhile): each remembers when it read the
 * database, and a team planned from a newer read is not planned again from an older one.
 */
export class RoutinePlanner {
  readonly #planned = new Map<string, Planned>();
  /** Per team, the number of the latest read its plans came from. */
  readonly #readOf = new Map<number, number>();
  #reads = 0;

  constructor(private readonly deps: Deps) {}

  /** Looks at every team of every workspace. */
  async reconcile(): Promise<void> {
    await this.#look(null);
  }

  /** Looks at one team at once (its settings were just saved here): the team as read, or null when gone. */
  async reconcileTeam(teamId: number): Promise<ScheduledTeam | null> {
    return (await this.#look([teamId]))[0] ?? null;
  }

  async #look(only: number[] | null): Promise<ScheduledTeam[]> {
    const { deps } = this;
    const read = ++this.#reads;
    const teams = await scheduledTeams(deps.db, only ?? undefined);
    const now = deps.clock.now();
    const fresh = (teamId: number) => (this.#readOf.get(teamId) ?? 0) <= read;

    const wanted = new Map<string, { planned: Planned; team: ScheduledTeam["team"] }>();
    for (const scheduled of teams) {
      for (const plan of routinePlans(scheduled.routines, scheduled.team.timeZone)) {
        const planned = { job: plan.job, teamId: scheduled.team.id, spec: plan.spec };
        wanted.set(`${plan.job}:${scheduled.team.id}`, { planned, team: scheduled.team });
      }
    }
    const looked = new Set(only ?? teams.map((t) => t.team.id));
    for (const [key, planned] of this.#planned) {
      const inScope = only ? looked.has(planned.teamId) : true;
      if (!inScope || wanted.has(key) || !fresh(planned.teamId)) continue;
      deps.schedules.unplan(planned.job, String(planned.teamId));
      this.#planned.delete(key);
    }
    for (const [key, { planned, team }] of wanted) {
      if (!fresh(team.id)) continue;
      const had = this.#planned.get(key);
      if (had && had.spec.cron === planned.spec.cron && had.spec.timeZone === planned.spec.timeZone) continue;
      try {
        deps.schedules.plan(planned.job, String(team.id), planned.spec, (slot) => ({
          workspaceId: team.workspaceId,
          teamId: team.id,
          slot: slot.toISOString(),
        }));
        this.#planned.set(key, planned);
      } catch (error) {
        deps.log.error(`could not plan ${planned.job} for team ${team.id}:`, error);
      }
    }
    for (const id of only ?? teams.map((t) => t.team.id)) if (fresh(id)) this.#readOf.set(id, read);
    // Teams gone since an earlier look: forget their reads too.
    if (!only) {
      for (const [id, at] of [...this.#readOf]) if (!looked.has(id) && at < read) this.#readOf.delete(id);
    }

    const owed = teams.flatMap((scheduled) => owedSlots(scheduled, now).map((o) => ({ ...o, scheduled })));
    if (owed.length === 0) return teams;
    const oldest = new Date(Math.min(...owed.map((o) => o.slot.getTime())));
    const queued = await deps.schedules.queuedSince(ROUTINE_JOBS, oldest);
    for (const { job, slot, scheduled } of owed) {
      const { id, workspaceId } = scheduled.team;
      if (queued.has(`${job}:${id}:${slot.toISOString()}`)) continue;
      try {
        const struck = await deps.schedules.strike(job, String(id), slot, {
          workspaceId,
          teamId: id,
          slot: slot.toISOString(),
        });
        if (struck) deps.log.info(`caught up ${job} of team ${id} for ${slot.toISOString()}`);
      } catch (error) {
        deps.log.error(`could not catch up ${job} of team ${id} for ${slot.toISOString()}:`, error);
      }
    }
    return teams;
  }
}
