import { sql } from "drizzle-orm";
import cron, { type ScheduledTask } from "node-cron";
import { type Db, queryRows } from "../db/index.js";
import { inBackground } from "../lane.js";
import type { Log } from "../log.js";
import { occurrencesBetween } from "../time/index.js";
import type { JobName, Jobs, JobTypes, Queued } from "./jobs.js";

/** When a scheduled job runs: a cron expression read in an IANA time zone (a team's). */
export interface ScheduleSpec {
  /** Five fields (minute hour day month weekday), or six with seconds first. */
  cron: string;
  timeZone: string;
}

/** What is wrong with a schedule people entered, or null: for the field it came from. */
export function scheduleProblem(spec: ScheduleSpec): "cron" | "timeZone" | null {
  if (!cron.validate(spec.cron.trim())) return "cron";
  try {
    new Intl.DateTimeFormat("en", { timeZone: spec.timeZone });
  } catch {
    return "timeZone";
  }
  return null;
}

/** A moment of a schedule as the key of its slot: whole seconds, so every process names it alike. */
export function slotOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/** Strikes claimed in one transaction at most (a statement's parameters stay well within bounds). */
const STRIKES_PER_CLAIM = 250;

/** A strike waiting to be claimed, and whoever waits for the answer. */
interface Due {
  job: JobName;
  key: string;
  slot: Date;
  payload: unknown;
  resolve: (queued: boolean) => void;
  reject: (error: unknown) => void;
}

interface Plan {
  spec: ScheduleSpec;
  task: ScheduledTask;
}

/** Work each process does on its own, now and then (see `watch`). */
interface Watch {
  everyMs: number;
  work: () => Promise<void>;
  timer: ReturnType<typeof setInterval> | null;
  running: Promise<void> | null;
}

/**
 * The clock of scheduled work. node-cron strikes in each process, in the schedule's own time zone (a
 * team's 08:30 is 08:30 in Stockholm, summer or winter); a strike only queues a job on the durable engine,
 * under the key (job, key, slot) claimed in the same transaction, so however many processes run, a slot
 * makes one job and the engine does the work once. Schedules change at run time: planning (job, key)
 * again replaces its schedule.
 */
export class Schedules {
  readonly #plans = new Map<string, Plan>();
  readonly #strikes = new Set<Promise<unknown>>();
  /** Strikes waiting to be claimed together (see `strike`). */
  readonly #due: Due[] = [];
  readonly #watches = new Map<string, Watch>();
  #stopped = false;
  #started = false;

  constructor(
    private readonly db: Db,
    private readonly jobs: Jobs,
    private readonly log: Log,
  ) {}

  /**
   * Runs `job` at every time of `spec` for `key` (a team id, or "all"), with the payload made for that
   * slot. Replaces what was planned for (job, key) before. Throws on a schedule `scheduleProblem` refuses:
   * check people's input first.
   */
  plan<N extends JobName>(
    job: N,
    key: string,
    spec: ScheduleSpec,
    payload: (slot: Date) => JobTypes[N],
  ): void {
    const problem = scheduleProblem(spec);
    if (problem) throw new Error(`schedule of ${job} for ${key}: the ${problem} is not valid`);
    this.unplan(job, key);
    if (this.#stopped) return;
    // Planned before the clock starts (at start-up, before the job engine runs): struck only once it does.
    const task = cron.createTask(
      spec.cron.trim(),
      (context) => {
        const strike = this.strike(job, key, context.date, payload(slotOf(context.date))).catch(
          (error: unknown) => this.log.error(`could not queue ${job} for ${key}:`, error),
        );
        this.#strikes.add(strike);
        void strike.finally(() => this.#strikes.delete(strike));
      },
      { timezone: spec.timeZone, name: `${job}:${key}`, noOverlap: false },
    );
    this.#plans.set(`${job}:${key}`, { spec, task });
    if (this.#started) void task.start();
  }

  /** Starts striking what is planned, and what will be (once the job engine runs: a strike queues a job). */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    for (const plan of this.#plans.values()) void plan.task.start();
    for (const [name, watch] of this.#watches) this.#startWatch(name, watch);
  }

  /**
   * Runs `work` in this process when the clock starts and every `everyMs` after, until it stops: what each
   * process must do for itself rather than once for all (keeping its own plans in step with what other
   * processes saved). A run still going when the next is due is not doubled; a failure is logged and the
   * next run tries again.
   */
  watch(name: string, everyMs: number, work: () => Promise<void>): void {
    if (this.#watches.has(name)) throw new Error(`watch ${name} is added twice`);
    const watch: Watch = { everyMs, work, timer: null, running: null };
    this.#watches.set(name, watch);
    if (this.#started && !this.#stopped) this.#startWatch(name, watch);
  }

  #startWatch(name: string, watch: Watch): void {
    const tick = () => {
      if (watch.running || this.#stopped) return;
      watch.running = Promise.resolve()
        .then(watch.work)
        .catch((error: unknown) => this.log.error(`${name} failed:`, error))
        .finally(() => {
          watch.running = null;
        });
    };
    tick();
    watch.timer = setInterval(tick, watch.everyMs);
    watch.timer.unref();
  }

  /** Stops running `job` for `key` (a team that was removed, a schedule turned off). */
  unplan(job: JobName, key: string): void {
    const plan = this.#plans.get(`${job}:${key}`);
    if (!plan) return;
    void plan.task.destroy();
    this.#plans.delete(`${job}:${key}`);
  }

  /** What is planned for (job, key), and when it next runs. */
  planned(job: JobName, key: string): { spec: ScheduleSpec; next: Date | null } | undefined {
    const plan = this.#plans.get(`${job}:${key}`);
    return plan && { spec: plan.spec, next: plan.task.getNextRun() };
  }

  /** The next `count` times of a schedule (to show people when their schedule will run). */
  static nextTimes(spec: ScheduleSpec, count: number): Date[] {
    const task = cron.createTask(spec.cron.trim(), () => undefined, { timezone: spec.timeZone });
    try {
      return task.getNextRuns(count);
    } finally {
      void task.destroy();
    }
  }

  /**
   * The slots this clock strikes for `spec` after `from` up to `until`, as node-cron names them (its
   * `context.date`, whole seconds): to catch up a slot missed while nothing ran under the very key the
   * strike would have claimed. For schedules at set times of day (a team's 08:30): on the night the
   * clocks go forward a time in the skipped hour does not happen that day; on the night they go back a
   * time in the repeated hour happens once, the second time (node-cron's reading of the zone).
   */
  static slotsBetween(spec: ScheduleSpec, from: Date, until: Date): Date[] {
    return occurrencesBetween(spec.cron, spec.timeZone, from, until, { overlap: "last" })
      .filter((o) => o.gap === null)
      .map((o) => slotOf(o.at));
  }

  /**
   * Queues `job` for the slot at `at`, unless some process already did: true when this call queued it.
   * The clock calls it on each strike; starting up calls it for a slot missed while nothing ran. Strikes
   * made at the same moment (five hundred teams' standups at 09:00) are claimed together, a few hundred
   * in one transaction of two statements, as background work: not one transaction each, queueing
   * people's requests and the slot's first jobs behind them.
   */
  strike<N extends JobName>(job: N, key: string, at: Date, payload: JobTypes[N]): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#due.push({ job, key, slot: slotOf(at), payload, resolve, reject } as Due);
      if (this.#due.length === 1) setImmediate(() => void this.#claimDue());
    });
  }

  async #claimDue(): Promise<void> {
    const due = this.#due.splice(0);
    for (let from = 0; from < due.length; from += STRIKES_PER_CLAIM) {
      const part = due.slice(from, from + STRIKES_PER_CLAIM);
      try {
        const claimed = await inBackground(() => this.#claim(part));
        for (const [n, strike] of part.entries()) strike.resolve(claimed[n] === true);
      } catch (error) {
        for (const strike of part) strike.reject(error);
      }
    }
  }

  /** Claims each slot (job, key, slot) not claimed before and queues its job, in one transaction. */
  #claim(strikes: readonly Due[]): Promise<boolean[]> {
    const id = (job: string, key: string, slot: Date) => `${job}|${key}|${slot.toISOString()}`;
    return this.db.transaction(async (tx) => {
      const rows = await queryRows<{ job: string; key: string; slot: string | Date }>(
        tx,
        sql`insert into job_slots (job, key, slot) values ${sql.join(
          strikes.map((s) => sql`(${s.job}, ${s.key}, ${s.slot.toISOString()})`),
          sql`, `,
        )} on conflict do nothing returning job, key, slot`,
      );
      const claimed = new Set(rows.map((row) => id(row.job, row.key, new Date(row.slot))));
      // The same slot twice in one claim (two callers at once): the first is queued, the second is not.
      const queued = strikes.map((s) => claimed.delete(id(s.job, s.key, s.slot)));
      await this.jobs.sendMany(
        strikes.filter((_, n) => queued[n]).map((s) => ({ name: s.job, payload: s.payload }) as Queued),
        { tx },
      );
      return queued;
    });
  }

  /** The slots queued for (job, key), newest first (for catching up, and for tests). */
  async queuedSlots(job: JobName, key: string, limit = 10): Promise<Date[]> {
    const rows = await queryRows<{ slot: string | Date }>(
      this.db,
      sql`select slot from job_slots where job = ${job} and key = ${key} order by slot desc limit ${limit}`,
    );
    return rows.map((row) => new Date(row.slot));
  }

  /**
   * Which slots of `jobs` from `since` on were queued already, as `job:key:slot` (ISO): to look past them
   * in one query rather than strike each again (a strike of a queued slot does nothing, at a transaction).
   */
  async queuedSince(jobs: readonly JobName[], since: Date): Promise<Set<string>> {
    if (jobs.length === 0) return new Set();
    const rows = await queryRows<{ job: string; key: string; slot: string | Date }>(
      this.db,
      sql`select job, key, slot from job_slots
          where slot >= ${since.toISOString()} and job in (${sql.join(
            jobs.map((job) => sql`${job}`),
            sql`, `,
          )})`,
    );
    return new Set(rows.map((row) => `${row.job}:${row.key}:${new Date(row.slot).toISOString()}`));
  }

  /** Forgets slots queued longer ago than `days` (housekeeping). */
  async forgetSlots(days: number): Promise<number> {
    const rows = await queryRows<{ job: string }>(
      this.db,
      sql`delete from job_slots where queued_at < now() - make_interval(days => ${days}) returning job`,
    );
    return rows.length;
  }

  /** Stops every schedule and waits for strikes under way (their jobs are queued, or not, as a whole). */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const watch of this.#watches.values()) if (watch.timer) clearInterval(watch.timer);
    for (const plan of this.#plans.values()) await plan.task.destroy();
    this.#plans.clear();
    await Promise.allSettled([...this.#watches.values()].map((watch) => watch.running));
    await Promise.allSettled([...this.#strikes]);
  }
}
