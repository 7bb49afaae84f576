import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ROUTINE_JOBS, type RoutineJob, routinePlanner } from "../../src/features/routines/index.js";
import { teams } from "../../src/features/team/schema.js";
import { queryRows } from "../../src/platform/db/index.js";
import type { Deps } from "../../src/platform/deps.js";
import { jobSlots } from "../../src/platform/jobs/schema.js";
import type { Harness } from "./harness.js";
import { visibleText } from "./slack-text.js";

/** `/team <text>` as a person in a channel: what the app answered them privately, as they read it. */
export async function team(h: Harness, userId: string, text: string, channelId: string): Promise<string> {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/team", text });
  if (result.error) throw new Error(`/team ${text}: Slack showed ${result.error}`);
  return result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
}

/** A team's id by its name. */
export async function teamId(h: Harness, name: string): Promise<number> {
  const [row] = await h.database.db.select({ id: teams.id }).from(teams).where(eq(teams.name, name));
  if (!row) throw new Error(`no team ${name}`);
  return row.id;
}

/** The routine jobs that ran, as `job team slot`. */
export type RanJobs = string[];

/**
 * Lets the routines' jobs run in a test: where no feature defines one yet, a stand-in that writes down
 * what it was given (where one does, it runs, and the slots in `job_slots` tell what was queued).
 */
export function standInRoutineJobs(deps: Deps): RanJobs {
  const ran: RanJobs = [];
  const payload = z.object({ workspaceId: z.string(), teamId: z.number().int(), slot: z.string() });
  for (const job of ROUTINE_JOBS) {
    try {
      deps.jobs.define(job, payload, async (p) => {
        ran.push(`${job} ${p.teamId} ${p.slot}`);
      });
    } catch {
      // Defined by the feature that posts it.
    }
  }
  return ran;
}

/** The slots of a team's routine jobs that were queued, oldest first, as `job slot`. */
export async function queuedSlots(h: Harness, id: number, job?: RoutineJob): Promise<string[]> {
  const rows = await h.database.db
    .select()
    .from(jobSlots)
    .where(job ? and(eq(jobSlots.key, String(id)), eq(jobSlots.job, job)) : eq(jobSlots.key, String(id)))
    .orderBy(asc(jobSlots.slot), asc(jobSlots.job));
  return rows
    .filter((row) => (ROUTINE_JOBS as readonly string[]).includes(row.job))
    .map((row) => `${row.job} ${row.slot.toISOString()}`);
}

/** What a process has planned for a team's job: its cron and zone, or null. */
export function plannedOf(deps: Deps, job: RoutineJob, id: number) {
  return deps.schedules.planned(job, String(id))?.spec ?? null;
}

/** Has a process look at every team's routines now (as it does every minute), and waits for the jobs. */
export async function lookNow(deps: Deps): Promise<void> {
  await routinePlanner(deps).reconcile();
  await deps.jobs.idle();
}

/** How many jobs of a routine were queued on the engine for a team's slot (done or not). */
export async function jobsQueued(h: Harness, job: RoutineJob, id: number, slot: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    h.database.db,
    sql`select count(*)::int as count from pgboss.job
        where data->>'name' = ${job} and (data->'payload'->>'teamId')::int = ${id}
          and data->'payload'->>'slot' = ${slot}`,
  );
  return row?.count ?? 0;
}
