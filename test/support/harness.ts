import { randomBytes } from "node:crypto";
import { type Config, loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/platform/db/index.js";
import type { JobsConfig } from "../../src/platform/jobs/index.js";
import { createLogger, type Log } from "../../src/platform/log.js";
import { FixedClock } from "../../src/platform/time/index.js";
import { type FakeSlack, type SlackDriver, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { createTestDatabase, emptyDatabase, type TestDatabase } from "./db.js";
import { type People, seedWorkspace } from "./factories.js";

export interface Harness {
  fake: FakeSlack;
  /** Slack's side: signed slash commands, clicks and submissions into the app. */
  slack: SlackDriver;
  database: TestDatabase;
  server: RunningServer;
  clock: FixedClock;
  config: Config;
  signingSecret: string;
  people: People;
  /** Waits until the app has finished what it does after answering (DMs, channel posts). */
  settle(): Promise<void>;
  /**
   * Starts over, for a group of tests that must not see what others did: the database emptied, the fake
   * Slack back to the seeded people and channels (no messages, modals or calls), the clock back at its start.
   */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  adminUserIds?: (people: People) => string[];
  now?: string;
  /**
   * How long a listener works before it answers Slack anyway ("working on it", "saving…"). Given, the
   * fake Slack also keeps Slack's own 3 s; not given, both are generous, so a busy machine fails no test.
   */
  ackDeadlineMs?: number;
  /** How long a request waits for a person's Slack profile before going on without it. */
  userLookupWaitMs?: number;
  /** The job engine's timings (retries, polling); quick by default in tests. */
  jobs?: Partial<JobsConfig>;
  /**
   * Time between two posts to one channel. Slack's pace (1 s) is what the pacing tests ask for; other
   * tests post without waiting their turn, so a file of check-ins is not seconds slower per post.
   */
  postGapMs?: number;
  /** The app listens over Socket Mode (the fake Slack's WebSocket) instead of signed HTTP. */
  socketMode?: boolean;
}

/**
 * The real app on Bolt's HTTP receiver (port 0), its Web API pointed at the fake Slack, on this test
 * file's own database, with a fixed clock and a seeded workspace.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // Slack's 3 s are about people waiting, not about how busy the test machine is: unless a test asks for
  // Slack's own timing, the app answers within 10 s and the fake Slack waits 15 s for it.
  const slackTiming = options.ackDeadlineMs !== undefined;
  const fake = await startFakeSlack({
    referenceDir: process.env.SLACK_REFERENCE_DIR,
    ...(slackTiming ? {} : { ackTimeoutMs: 15_000 }),
  });
  const people = seedWorkspace(fake.world);
  const database = await createTestDatabase();
  const signingSecret = randomBytes(16).toString("hex");
  const config = loadConfig({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    ...(options.socketMode ? { SLACK_APP_TOKEN: fake.appToken } : {}),
    PORT: "0",
    LOG_LEVEL: "error",
    ADMIN_USER_IDS: (options.adminUserIds?.(people) ?? []).join(","),
  });
  const start = options.now ?? "2026-03-02T09:00:00Z";
  const clock = new FixedClock(start);
  // Quiet unless asked: expected failures (a test's Slack outage) would otherwise fill the output.
  const level = process.env.TEST_LOG_LEVEL as "debug" | "info" | "warn" | "error" | undefined;
  const log: Log = level ? createLogger(level) : createLogger("error", "supervisor", () => {});
  const server = await startServer({
    config,
    log,
    database,
    clock,
    host: "127.0.0.1",
    ackDeadlineMs: options.ackDeadlineMs ?? 10_000,
    jobs: {
      retryDelaySeconds: 1,
      retryDelayMaxSeconds: 4,
      pollSeconds: 0.5,
      monitorSeconds: 2,
      ...options.jobs,
    },
    ...(options.userLookupWaitMs !== undefined ? { userLookupWaitMs: options.userLookupWaitMs } : {}),
    postGapMs: options.postGapMs ?? 0,
  });
  const slack = options.socketMode
    ? fake.connectApp({ url: "", signingSecret, socketMode: true })
    : fake.connectApp({ url: server.eventsUrl as string, signingSecret });
  const seeded = fake.world.snapshot();
  return {
    fake,
    slack,
    database,
    server,
    clock,
    config,
    signingSecret,
    people,
    settle: () => server.deps.jobs.idle(),
    reset: async () => {
      await server.deps.jobs.idle();
      await emptyDatabase(database.db);
      fake.world.restore(seeded);
      fake.resetCalls();
      clock.set(start);
    },
    close: async () => {
      await server.stop();
      await database.close();
      await fake.close();
    },
  };
}

/**
 * Another instance of the app beside the harness's: its own database connections (Postgres only; PGlite
 * is one process's), job engine and clock of scheduled work, on the same database, Slack and clock. For
 * what must happen once however many instances run.
 */
export async function startInstance(h: Harness): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  if (!h.database.url) throw new Error("another instance needs Postgres (DATABASE_URL)");
  const database = openDatabase({ databaseUrl: h.database.url });
  const server = await startServer({
    config: h.config,
    log: createLogger("error", "supervisor", () => {}),
    database,
    clock: h.clock,
    host: "127.0.0.1",
    ackDeadlineMs: 10_000,
    jobs: { retryDelaySeconds: 1, retryDelayMaxSeconds: 4, pollSeconds: 0.5, monitorSeconds: 2 },
    postGapMs: 0,
  });
  return {
    server,
    stop: async () => {
      await server.stop();
      await database.close();
    },
  };
}
