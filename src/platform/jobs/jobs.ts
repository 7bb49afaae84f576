import { type SQL, sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, type JobResult, type JobWithMetadata, PgBoss } from "pg-boss";
import type { z } from "zod";
import { type Connection, type Db, queryRows } from "../db/index.js";
import { errorRef } from "../errors.js";
import { inBackground } from "../lane.js";
import { inRequest, type Log } from "../log.js";
import { SlackApiError } from "../slack/errors.js";
import { UnknownWorkspaceError } from "../slack/workspaces.js";
import type { Background } from "../tasks.js";

/**
 * Every job the app knows, by name, with its payload. Each feature adds its own (declaration merging, in
 * its `jobs.ts` or `audit.ts`), so a misspelt name or a wrong payload fails typecheck; the feature's zod
 * schema checks the payload again when the job runs. Payloads are plain JSON: ids and the facts of a
 * change, never rows to be trusted later; a handler loads what it shows when it runs.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature's declaration merging
export interface JobTypes {}

export type JobName = keyof JobTypes & string;

/** A job to queue, by name with its payload. */
export type Queued = { [N in JobName]: { name: N; payload: JobTypes[N] } }[JobName];

/**
 * How a job shares its queue:
 * - `standard`: any number at once (DMs).
 * - `serial`: one at a time per key (the updates of one post), later ones wait their turn.
 * - `coalesce`: per key at most one waiting and one running; sending while one waits adds nothing, as the
 *   waiting one will do the work of both (a channel's pending posts, gathered into one).
 */
export type JobPolicy = "standard" | "serial" | "coalesce";

export interface SendOptions {
  /** The transaction of the change that owes the job: the job exists exactly when the change commits. */
  tx?: Db;
  /** What `serial` and `coalesce` jobs are grouped by (a post, a channel). */
  key?: string;
  /** Do not run it before this many seconds have passed (pacing). */
  afterSeconds?: number;
}

export interface JobContext {
  /** 0 on the first run, then 1, 2… on retries. */
  attempt: number;
  log: Log;
}

interface Definition {
  schema: z.ZodType;
  policy: JobPolicy;
  handler: (payload: never, context: JobContext) => Promise<void>;
  /** A Slack error that retrying cannot fix (the channel is gone): told to whoever can fix it. */
  onPermanentFailure?: (payload: never, error: SlackApiError) => Promise<void>;
}

export interface JobsConfig {
  /** Retries after a passing failure (Slack down, a 5xx, a timeout), with doubling pauses. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  /**
   * Jobs of one queue run at most this many at once in this process, apart from people's requests. Most
   * of a job's time is waiting (for a channel's or the workspace's turn to post, for Slack), so enough
   * of them keep a fan-out at the workspace's pace: a job waiting for its turn never keeps another from
   * taking the next one. They are taken `FETCHERS` at a time from the queue, each a batch.
   */
  concurrency: number;
  /** How long stopping waits for running jobs; the rest go back to the queue for the next start. */
  stopTimeoutMs: number;
  /** How often workers look for due jobs that no notification woke them for (retries, paced jobs). */
  pollSeconds: number;
  /**
   * How often the engine looks for jobs whose process died mid-run (no heartbeat for 10 s) and puts
   * them back to be retried.
   */
  monitorSeconds: number;
  /**
   * How often the engine counts each queue's backlog (and looks for dead jobs). While a queue has a
   * backlog, its workers take the next job as soon as one is done instead of waiting `pollSeconds`:
   * a slot of five hundred teams' standups goes out at Slack's pace, not at the pace of polling.
   */
  backlogSeconds: number;
}

export const DEFAULT_JOBS_CONFIG: JobsConfig = {
  retryLimit: 8,
  retryDelaySeconds: 2,
  retryDelayMaxSeconds: 300,
  concurrency: 24,
  stopTimeoutMs: 10_000,
  pollSeconds: 2,
  monitorSeconds: 10,
  backlogSeconds: 2,
};

const QUEUES: Record<JobPolicy, { name: string; policy: "standard" | "singleton" | "stately" }> = {
  standard: { name: "supervisor.jobs", policy: "standard" },
  serial: { name: "supervisor.serial", policy: "singleton" },
  coalesce: { name: "supervisor.coalesce", policy: "stately" },
};
const DEAD = "supervisor.dead";

/**
 * Workers polling each queue. Each takes a batch of up to `concurrency / FETCHERS` jobs in one statement
 * and runs them side by side (their completions settle in one statement too), so polling costs the same
 * however many jobs may run at once.
 */
const FETCHERS = 4;

/** A Slack 429 is waited out in the job this many times (its Retry-After, at most a minute each). */
const RATE_LIMIT_WAITS = 3;

interface Envelope {
  name: string;
  payload: unknown;
}

/** What a failed run keeps on its job (as pg-boss keeps a thrown error): the message and where. */
function failure(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

/**
 * Work the app owes people after a change: channel posts, DMs, message updates. A use case sends a job
 * inside the transaction of the change (the outbox: both commit, or neither); the feature that defined the
 * job renders and sends it. Jobs live in the database (pg-boss), so they survive restarts and crashes, run
 * apart from people's requests with bounded concurrency, are retried with growing pauses when Slack is
 * away, wait out Slack's rate limits, and end in a dead-letter queue (logged with a reference) when they
 * cannot be done. Use cases never import views: only the job's name and payload.
 */
export class Jobs {
  readonly #definitions = new Map<string, Definition>();
  #boss: PgBoss | null = null;
  #started: Promise<void> | null = null;

  constructor(
    private readonly database: { db: Db; connection: Connection },
    private readonly log: Log,
    private readonly tasks: Background,
    private readonly config: JobsConfig = DEFAULT_JOBS_CONFIG,
  ) {}

  define<N extends JobName>(
    name: N,
    schema: z.ZodType<JobTypes[N]>,
    handler: (payload: JobTypes[N], context: JobContext) => Promise<void>,
    options: {
      policy?: JobPolicy;
      onPermanentFailure?: (payload: JobTypes[N], error: SlackApiError) => Promise<void>;
    } = {},
  ): void {
    if (this.#definitions.has(name)) throw new Error(`job ${name} is defined twice`);
    this.#definitions.set(name, {
      schema,
      policy: options.policy ?? "standard",
      handler: handler as Definition["handler"],
      onPermanentFailure: options.onPermanentFailure as Definition["onPermanentFailure"],
    });
  }

  /** Whether this version of the app has a handler for `name` (a feature not built yet has none). */
  defines(name: string): name is JobName {
    return this.#definitions.has(name);
  }

  /** Queues a job: inside `tx` it exists once that transaction commits, and not at all if it rolls back. */
  async send<N extends JobName>(name: N, payload: JobTypes[N], options: SendOptions = {}): Promise<void> {
    const definition = this.#definitions.get(name);
    if (!definition) throw new Error(`job ${name} is not defined`);
    const boss = await this.#ready();
    const queue = QUEUES[definition.policy];
    if (definition.policy !== "standard" && !options.key) throw new Error(`job ${name} needs a key`);
    const envelope: Envelope = { name, payload };
    await boss.send(queue.name, envelope, {
      ...(options.tx ? { db: fromDrizzle(options.tx as never, sql) } : {}),
      // Keys group jobs of one name: a channel's flush and a post's updates never share a turn.
      ...(options.key ? { singletonKey: `${name}:${options.key}` } : {}),
      ...(options.afterSeconds ? { startAfter: options.afterSeconds } : {}),
    });
  }

  /**
   * Queues many `standard` jobs in one statement a queue (a slot's strikes for five hundred teams): inside
   * `tx` they exist once that transaction commits, and not at all if it rolls back.
   */
  async sendMany(jobs: readonly Queued[], options: { tx?: Db } = {}): Promise<void> {
    if (jobs.length === 0) return;
    const boss = await this.#ready();
    const byQueue = new Map<string, { data: Envelope }[]>();
    for (const { name, payload } of jobs) {
      const definition = this.#definitions.get(name);
      if (!definition) throw new Error(`job ${name} is not defined`);
      if (definition.policy !== "standard") throw new Error(`job ${name} needs a key`);
      const queue = QUEUES[definition.policy].name;
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), { data: { name, payload } }]);
    }
    for (const [queue, inserts] of byQueue)
      await boss.insert(queue, inserts, options.tx ? { db: fromDrizzle(options.tx as never, sql) } : {});
  }

  /**
   * Whether a `coalesce` job for `key` is queued and not yet started (or waiting to be retried), as a
   * condition for a statement that wants to know along with what else it does: a job sent now would add
   * nothing. It takes no locks, so senders that find one skip the send and do not queue behind each
   * other on the job's unique key.
   */
  waitingSql<N extends JobName>(name: N, key: string): SQL<boolean> {
    const definition = this.#definitions.get(name);
    if (definition?.policy !== "coalesce") throw new Error(`job ${name} is not a coalescing job`);
    return sql<boolean>`exists (select 1 from pgboss.job
      where name = ${QUEUES.coalesce.name} and singleton_key = ${`${name}:${key}`}
        and state in ('created', 'retry'))`;
  }

  /** Starts the engine (its tables, the queues) and the workers. */
  start(): Promise<void> {
    // The engine's polling, and every job it runs, is background work (see `inBackground`).
    this.#started ??= inBackground(() => this.#start());
    return this.#started;
  }

  async #start(): Promise<void> {
    const { connection } = this.database;
    const counted = Math.max(1, Math.min(this.config.monitorSeconds, this.config.backlogSeconds));
    const common = {
      useListenNotify: true,
      monitorIntervalSeconds: counted,
      superviseIntervalSeconds: counted,
      queueCacheIntervalSeconds: counted,
    };
    const boss =
      connection.kind === "postgres"
        ? new PgBoss({ connectionString: connection.url, max: 4, ...common })
        : // The embedded database's one connection, shared with the app; the app owns it (and closes it).
          new PgBoss({ db: fromPglite(connection.client), backend: "pglite", ...common });
    boss.on("error", (error: unknown) => this.log.error("job engine:", error));
    await boss.start();
    const { retryLimit, retryDelaySeconds, retryDelayMaxSeconds } = this.config;
    await this.#createQueue(boss, DEAD, { policy: "standard" });
    for (const queue of Object.values(QUEUES)) {
      await this.#createQueue(boss, queue.name, {
        policy: queue.policy,
        retryLimit,
        retryDelay: retryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: retryDelayMaxSeconds,
        deadLetter: DEAD,
        notify: true,
        // A process that dies mid-job stops its heartbeat; the job is retried, not left running forever.
        heartbeatSeconds: 10,
        expireInSeconds: 300,
      });
      const fetchers = Math.max(1, Math.min(FETCHERS, this.config.concurrency));
      await boss.work<Envelope>(
        queue.name,
        {
          includeMetadata: true,
          perJobResults: true,
          localConcurrency: fetchers,
          batchSize: Math.max(1, Math.floor(this.config.concurrency / fetchers)),
          pollingIntervalSeconds: this.config.pollSeconds,
          notifyPollingIntervalSeconds: this.config.pollSeconds,
          // With more than one job waiting, take the next at once (see `backlogSeconds`).
          burstWhenReadyExceeds: 1,
        },
        (jobs) =>
          inBackground(() =>
            Promise.all(
              (jobs as JobWithMetadata<Envelope>[]).map(async (job): Promise<JobResult> => {
                try {
                  await this.#run(job);
                  return { id: job.id, status: "completed" };
                } catch (error) {
                  // pg-boss keeps it on the job and retries it after a pause (its dead letter at last).
                  return { id: job.id, status: "failed", output: failure(error) };
                }
              }),
            ),
          ),
      );
    }
    await boss.work<Envelope>(DEAD, { includeMetadata: true }, async (jobs) => {
      for (const job of jobs) {
        const ref = errorRef();
        this.log.error(
          `job ${job.data.name} could not be done and was given up [ref ${ref}, dead-letter job ${job.id}]`,
          job.data.payload,
        );
      }
    });
    this.#boss = boss;
  }

  /** Makes a queue, or brings an existing one (from an earlier start) up to these options. */
  async #createQueue(boss: PgBoss, name: string, options: Record<string, unknown>): Promise<void> {
    if (!(await boss.getQueue(name))) {
      await boss.createQueue(name, options as never);
      return;
    }
    // A queue keeps the policy it was made with; the rest (retries, dead letters) may change.
    const { policy: _policy, ...changeable } = options;
    if (Object.keys(changeable).length > 0) await boss.updateQueue(name, changeable as never);
  }

  async #ready(): Promise<PgBoss> {
    if (!this.#started) throw new Error("the job engine has not been started");
    await this.#started;
    if (!this.#boss) throw new Error("the job engine has stopped");
    return this.#boss;
  }

  async #run(job: JobWithMetadata<Envelope>): Promise<void> {
    const { name, payload } = job.data;
    const definition = this.#definitions.get(name);
    if (!definition) throw new Error(`job ${name} has no definition in this version`);
    const parsed = definition.schema.safeParse(payload);
    if (!parsed.success) throw new Error(`job ${name} has a payload it cannot read: ${parsed.error.message}`);
    const context: JobContext = { attempt: job.retryCount, log: this.log };
    try {
      // The job's log lines carry its id (the dead-letter log names it too).
      await inRequest(`job-${job.id.slice(0, 8)}`, () =>
        this.#withRateLimits(() => definition.handler(parsed.data as never, context)),
      );
    } catch (error) {
      if (error instanceof UnknownWorkspaceError) {
        // The app left that workspace (or never was in it): nobody there can be told anything.
        this.log.warn(`job ${name}: ${error.message}; not retried`);
        return;
      }
      if (error instanceof SlackApiError && !error.transient) {
        // Retrying will not bring a channel back: say so to whoever can act, and give the job up.
        this.log.warn(`job ${name}: Slack refused (${error.code}); not retried`);
        await definition.onPermanentFailure?.(parsed.data as never, error);
        return;
      }
      throw error;
    }
  }

  /** Runs the work again after Slack's Retry-After when Slack says to slow down, a few times. */
  async #withRateLimits(work: () => Promise<void>): Promise<void> {
    for (let wait = 0; ; wait++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof SlackApiError) || error.code !== "rate_limited" || wait >= RATE_LIMIT_WAITS)
          throw error;
        const seconds = Math.min(60, Math.max(1, error.retryAfterSeconds ?? 1));
        this.log.info(`Slack asks to slow down: waiting ${seconds} s`);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      }
    }
  }

  /** Stops taking jobs; running ones get `stopTimeoutMs` to finish, the rest run on the next start. */
  async stop(): Promise<void> {
    const boss = this.#boss;
    this.#boss = null;
    if (!boss) return;
    await boss.stop({
      graceful: true,
      timeout: this.config.stopTimeoutMs,
      close: this.database.connection.kind === "postgres",
    });
  }

  /**
   * Resolves once no job is waiting, due or running (for tests and the demo seed: "everything the app
   * owes has been done"). Jobs paced or retried later count too; `timeoutMs` bounds the wait.
   */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2) {
      await this.tasks.idle();
      // Nothing to wait for when the engine is not running (an app that never started it).
      const open = this.#boss ? await this.#open() : 0;
      quiet = open === 0 && this.tasks.size === 0 ? quiet + 1 : 0;
      if (quiet < 2) {
        if (Date.now() > until) throw new Error(`jobs still open after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  }

  async #open(): Promise<number> {
    const names = [...Object.values(QUEUES).map((q) => q.name), DEAD];
    const [row] = await queryRows<{ open: number }>(
      this.database.db,
      sql`select count(*)::int as open from pgboss.job
          where name in (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )}) and state in ('created', 'retry', 'active')`,
    );
    return row?.open ?? 0;
  }
}
