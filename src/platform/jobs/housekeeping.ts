import { z } from "zod";
import type { Log } from "../log.js";
import type { Jobs } from "./jobs.js";
import type { Schedules } from "./schedules.js";

declare module "./jobs.js" {
  interface JobTypes {
    /** The nightly clean-up; `slot` is the night it is for. */
    "platform.housekeeping": { slot: string };
  }
}

/** Every night at 03:17 UTC (off the hour, when Slack and the database are quietest). */
export const HOUSEKEEPING_SCHEDULE = { cron: "17 3 * * *", timeZone: "UTC" } as const;

/** How long a queued slot is remembered (for catching up a missed one), in days. */
const SLOT_MEMORY_DAYS = 35;

/** One thing to clean up: returns how many rows it expired or forgot, for the log. */
export type Chore = () => Promise<number>;

/**
 * The nightly clean-up: each part of the app adds its chores (expire what has expired, forget what is no
 * longer needed); the night's job runs them all, one after the other, once however many processes run.
 * The job engine keeps its own tables (completed jobs are deleted after 7 days, failed ones kept in the
 * dead-letter queue as long), so a chore never touches them.
 */
export class Housekeeping {
  readonly #chores = new Map<string, Chore>();

  constructor(
    jobs: Jobs,
    private readonly schedules: Schedules,
    private readonly log: Log,
  ) {
    jobs.define("platform.housekeeping", z.object({ slot: z.string() }), async ({ slot }) => {
      await this.runAll(slot);
    });
    this.add("forget queued schedule slots", () => schedules.forgetSlots(SLOT_MEMORY_DAYS));
  }

  /** Adds a chore under a name people can read in the log. */
  add(name: string, chore: Chore): void {
    if (this.#chores.has(name)) throw new Error(`chore ${name} is added twice`);
    this.#chores.set(name, chore);
  }

  /** Plans the nightly run on the clock. */
  plan(): void {
    this.schedules.plan("platform.housekeeping", "all", HOUSEKEEPING_SCHEDULE, (slot) => ({
      slot: slot.toISOString(),
    }));
  }

  /** Runs every chore; one that fails is logged and the others still run (the job then fails, retried). */
  async runAll(slot: string): Promise<void> {
    let failed: unknown = null;
    for (const [name, chore] of this.#chores) {
      try {
        const count = await chore();
        this.log.info(`housekeeping ${slot}: ${name}: ${count}`);
      } catch (error) {
        this.log.error(`housekeeping ${slot}: ${name} failed:`, error);
        failed ??= error;
      }
    }
    if (failed) throw failed;
  }
}
