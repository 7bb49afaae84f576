import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The slots of scheduled jobs that have been queued: one row per (job, key, slot), so when several
 * processes' clocks strike the same slot exactly one of them queues the job (see schedules.ts). Kept a
 * while for catching up missed slots, then forgotten by housekeeping.
 */
export const jobSlots = pgTable(
  "job_slots",
  {
    job: text().notNull(),
    /** What the job is scheduled for: a team id, or "all". */
    key: text().notNull(),
    /** The moment the schedule named (the cron time), not when a process noticed it. */
    slot: timestamp({ withTimezone: true }).notNull(),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.key, t.slot] }), index("job_slots_queued_idx").on(t.queuedAt)],
);
