import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type App, SocketModeReceiver } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { teamMemberships } from "./features/team/index.js";
import type { Database } from "./platform/db/index.js";
import { ACK_DEADLINE_MS, type Deps } from "./platform/deps.js";
import { healthRoutes, startHealthServer } from "./platform/health.js";
import { Hooks } from "./platform/hooks.js";
import {
  DEFAULT_JOBS_CONFIG,
  Housekeeping,
  Jobs,
  type JobsConfig,
  Schedules,
} from "./platform/jobs/index.js";
import type { Log } from "./platform/log.js";
import { EdgeReceiver } from "./platform/slack/edge.js";
import {
  createSlackGateway,
  createUserDirectory,
  type Registered,
  SlackApiError,
  type SlackGateway,
  slackFetch,
  Workspaces,
} from "./platform/slack/index.js";
import { ChannelPace, POST_GAP_MS, WORKSPACE_POSTS_PER_SECOND } from "./platform/slack/pace.js";
import { Background } from "./platform/tasks.js";
import { Absences, type Clock, systemClock } from "./platform/time/index.js";

export const EVENTS_PATH = "/slack/events";

/** The longest one Web API call may take before it counts as failed. */
const SLACK_CALL_TIMEOUT_MS = 5_000;

export interface RunningServer {
  deps: Deps;
  registered: Registered;
  /** Where Slack sends events and interactions (HTTP mode); null in Socket Mode. */
  eventsUrl: string | null;
  port: number | null;
  /** Stops taking requests, lets background work finish. Does not close the database (its owner does). */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Log;
  database: Database;
  clock?: Clock;
  /** Bind address in HTTP mode; every interface unless told (the sandbox binds 127.0.0.1). */
  host?: string;
  /** Aborting gives up waiting for Slack at start-up. */
  signal?: AbortSignal;
  /** How long a listener works before answering Slack anyway (tests make it short); 2 s by default. */
  ackDeadlineMs?: number;
  /** How long a request waits for a person's Slack profile before going on without it; 1.5 s by default. */
  userLookupWaitMs?: number;
  /** The job engine's retry pauses, concurrency and polling (tests make retries quick). */
  jobs?: Partial<JobsConfig>;
  /** Time between two posts to one channel; Slack's pace (1 s) by default, 0 turns pacing off. */
  postGapMs?: number;
}

/** Slack refused the token itself: retrying will not help, the configuration must change. */
export class SlackAuthError extends Error {
  constructor(readonly code: string) {
    super(
      `Slack refused SLACK_BOT_TOKEN (${code}). Check the token in the app's OAuth & Permissions page and that the app is installed.`,
    );
    this.name = "SlackAuthError";
  }
}

/**
 * Asks Slack who the bot is. Unreachable Slack is retried with growing pauses (the process stays up and
 * says so in the log); a refused token fails at once with a SlackAuthError.
 */
export async function identifyBot(
  slack: SlackGateway,
  log: Log,
  apiUrl: string,
  signal?: AbortSignal,
): Promise<{ teamId: string; botUserId: string; botId: string }> {
  let pause = 1000;
  for (;;) {
    try {
      return await slack.authTest();
    } catch (error) {
      if (error instanceof SlackApiError && !error.transient) throw new SlackAuthError(error.code);
      log.warn(`Slack is unreachable at ${apiUrl} (${describe(error)}); trying again in ${pause / 1000} s`);
    }
    await sleep(pause, signal);
    pause = Math.min(pause * 2, 30_000);
  }
}

/** The deepest reason in an error chain (ECONNREFUSED rather than "fetch failed"). */
function describe(error: unknown): string {
  let current: unknown = error;
  let reason = String(error);
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; message?: unknown; original?: unknown; cause?: unknown };
    if (typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) return e.code;
    if (typeof e.message === "string") reason = e.message;
    current = e.original ?? e.cause;
  }
  return reason;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Connects to Slack, builds the dependencies and the app, and starts the receiver for the configured mode. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, log, database } = options;
  const botToken = config.slack.botToken;
  if (!botToken) throw new Error("startServer needs SLACK_BOT_TOKEN (sandbox mode starts its own)");
  const clock = options.clock ?? systemClock;
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    fetch: slackFetch,
    logger: log.child("web-api"),
    retryConfig: { retries: 2, maxTimeout: 2000 },
    // Without a timeout one hung call would hold a person's request (and shutdown) forever.
    timeout: SLACK_CALL_TIMEOUT_MS,
  };
  // Jobs' calls: a 429 is the job's to wait out (see createSlackGateway), not the whole client's.
  const slack = createSlackGateway(
    new WebClient(botToken, clientOptions),
    new WebClient(botToken, { ...clientOptions, rejectRateLimitedCalls: true }),
  );
  const bot = await identifyBot(slack, log, config.slack.apiUrl, options.signal);
  log.info(`connected to Slack workspace ${bot.teamId} as bot user ${bot.botUserId}`);
  // One workspace runs, the bot token's; installations over OAuth will add theirs.
  const workspaces = new Workspaces();
  workspaces.install(bot.teamId, {
    slack,
    users: createUserDirectory(slack, clock, { waitMs: options.userLookupWaitMs }),
  });

  const tasks = new Background(log.child("tasks"));
  const jobs = new Jobs(database, log.child("jobs"), tasks, { ...DEFAULT_JOBS_CONFIG, ...options.jobs });
  const schedules = new Schedules(database.db, jobs, log.child("schedules"));
  const pace = new ChannelPace(
    database.db,
    options.postGapMs ?? POST_GAP_MS,
    config.workspacePostsPerSecond ?? WORKSPACE_POSTS_PER_SECOND,
  );
  const housekeeping = new Housekeeping(jobs, schedules, log.child("housekeeping"));
  housekeeping.add("forget the turns of quiet channels", () => pace.forgetQuiet());
  const deps: Deps = {
    db: database.db,
    slackFor: (workspaceId) => workspaces.slackFor(workspaceId),
    usersFor: (workspaceId) => workspaces.usersFor(workspaceId),
    clock,
    config,
    log,
    tasks,
    jobs,
    schedules,
    housekeeping,
    pace,
    hooks: new Hooks(),
    absences: new Absences(),
    memberships: teamMemberships,
    ackDeadlineMs: options.ackDeadlineMs ?? ACK_DEADLINE_MS,
  };

  if (config.mode === "socket" && config.slack.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: log.child("socket"),
      // apps.connections.open goes to the same Slack as every other call (the fake one in tests).
      installerOptions: {
        clientOptions: { slackApiUrl: config.slack.apiUrl, timeout: SLACK_CALL_TIMEOUT_MS },
      },
    });
    const { app, router } = createApp(deps, receiver, { botToken, ...bot });
    // /healthz and /readyz on PORT, as in HTTP mode: nothing else listens in Socket Mode.
    const health = await startHealthServer(healthRoutes(database.ping, log), config.port, options.host);
    await startJobs(deps);
    await app.start();
    log.info(`listening to Slack over Socket Mode; health checks on port ${health.port}`);
    return {
      deps,
      registered: router.registered,
      eventsUrl: null,
      port: health.port,
      stop: async () => {
        await health.close();
        await stopAll(app, deps);
      },
    };
  }

  const signingSecret = config.slack.signingSecret;
  if (!signingSecret) throw new Error("HTTP mode needs SLACK_SIGNING_SECRET");
  const receiver = new EdgeReceiver({
    eventsPath: EVENTS_PATH,
    signingSecret,
    endpoints: EVENTS_PATH,
    logger: log.child("http"),
    processBeforeResponse: false,
    customRoutes: healthRoutes(database.ping, log),
  });
  const { app, router } = createApp(deps, receiver, { botToken, ...bot });
  // The jobs the app owes (some from before a restart) start before the first request can add more.
  await startJobs(deps);
  const server = (await app.start({ port: config.port, host: options.host })) as Server;
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? "localhost";
  return {
    deps,
    registered: router.registered,
    eventsUrl: `http://${host.includes(":") ? `[${host}]` : host}:${port}${EVENTS_PATH}`,
    port,
    stop: () => stopAll(app, deps),
  };
}

/** Starts the job engine, then the clock (a strike queues a job, so the engine comes first). */
async function startJobs(deps: Deps): Promise<void> {
  await deps.jobs.start();
  deps.housekeeping.plan();
  deps.schedules.start();
}

/**
 * Stops taking requests, lets the answers under way finish, stops the clock, then the job engine: running jobs get
 * a bounded time to finish, the rest stay queued for the next start.
 */
async function stopAll(app: App, deps: Deps): Promise<void> {
  await app.stop();
  await deps.tasks.idle();
  await deps.schedules.stop();
  await deps.jobs.stop();
  await deps.tasks.idle();
}
