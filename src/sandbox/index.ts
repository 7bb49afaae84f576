/**
 * The local sandbox: Supervisor in a browser with no Slack workspace. It runs the fake Slack (a simulated
 * workspace with demo people and channels), the real app on its HTTP receiver (signed requests, a random
 * signing secret per run), the embedded database, and a web UI that looks and works like Slack. All of it
 * binds 127.0.0.1 only.
 */
import { randomBytes } from "node:crypto";
import { type Config, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../platform/db/index.js";
import type { Log } from "../platform/log.js";
import { type Clock, systemClock } from "../platform/time/index.js";
import { type RunningServer, startServer } from "../server.js";
import { lockFolder, type SandboxPaths, sandboxPaths, wipeFolder } from "./data-folder.js";
import { DEMO_IDS, DEMO_WORKSPACE, ensureDemoWorld } from "./demo-workspace.js";
import { type FakeSlack, type SlackDriver, startFakeSlack, World } from "./fake-slack/index.js";
import { type AppInfo, readManifest } from "./manifest.js";
import { openSandboxClock, ScheduledPosts } from "./scheduled.js";
import { SEEDERS, type Seeder, seedDemoData } from "./seed.js";
import { startWebServer, type WebServer } from "./web/server.js";
import { WorldStore } from "./world-store.js";

export { SandboxBusyError, sandboxPaths } from "./data-folder.js";
export { DEMO_CHANNELS, DEMO_IDS, DEMO_PEOPLE, DEMO_WORKSPACE } from "./demo-workspace.js";
export {
  CLOCK_MOVES,
  type ClockMove,
  SCHEDULED_POSTS,
  type ScheduledPost,
  ScheduledPosts,
  type ScheduleOverview,
} from "./scheduled.js";
export { SEEDERS, type Seeder, seedDemoData, teamSeeder } from "./seed.js";

export const SANDBOX_HOST = "127.0.0.1";

export interface SandboxOptions {
  /** DATA_DIR, DATABASE_URL, PORT (the web UI's; 0 for any), LOG_LEVEL and ADMIN_USER_IDS are used. */
  config: Config;
  log: Log;
  /**
   * A migrated database to use instead of opening one (tests). The sandbox leaves it open on stop, and
   * cannot reset it.
   */
  database?: Database;
  /** Slack's reference data: checks every view and message against Block Kit's JSON Schema too. */
  referenceDir?: string;
  /**
   * Real time (tests give a fixed one). The sandbox runs on it moved ahead by the offset a newcomer set
   * with the page's clock controls (kept in `DATA_DIR/sandbox/clock.json` until a reset).
   */
  clock?: Clock;
  /** How long after a change the workspace is written to disk (ms). */
  saveDelayMs?: number;
  seeders?: readonly Seeder[];
  /** Time between two posts to one channel: Slack's pace (1 s) unless told (tests of the page say 0). */
  postGapMs?: number;
}

/** One run of the simulated workspace and the app; replaced as a whole when the demo is reset. */
export interface SandboxEngine {
  world: World;
  fake: FakeSlack;
  driver: SlackDriver;
  server: RunningServer;
  database: Database;
  /** Seeders that put data in on this start (empty when the demo data was there already). */
  seeded: string[];
  /** The teams' scheduled posts (Run now) and the sandbox clock (moved forward by the page). */
  scheduled: ScheduledPosts;
}

export interface Sandbox {
  /** The web UI, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly port: number;
  readonly app: AppInfo;
  readonly paths: SandboxPaths;
  /** The running workspace and app (a new one after each reset). */
  engine(): SandboxEngine;
  /** Deletes the sandbox's data (embedded database and workspace) and starts over with the demo. */
  reset(): Promise<void>;
  /** Saves the workspace, stops the app, closes the database and the servers. */
  stop(): Promise<void>;
}

interface RunningEngine extends SandboxEngine {
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { config, log } = options;
  const paths = sandboxPaths(config.dataDir);
  const app = readManifest();
  const release = lockFolder(paths);
  let web: WebServer | null = null;
  let engine: RunningEngine | null = null;
  let pending: Promise<RunningEngine> | null = null;
  try {
    const resetBlocker = (): string | null =>
      options.database
        ? "This sandbox was given its database, so it cannot reset it."
        : config.databaseUrl
          ? "DATABASE_URL is set: the sandbox does not delete data in a Postgres server. Reset that database yourself."
          : null;
    const sandboxReset = async (): Promise<void> => {
      const blocker = resetBlocker();
      if (blocker) throw new Error(blocker);
      if (pending) await pending.catch(() => null);
      web?.dropClients("resetting");
      const old = engine;
      engine = null;
      pending = (async () => {
        await old?.stop();
        wipeFolder(paths);
        log.info("sandbox reset: data deleted, starting over with the demo workspace");
        return startEngine(options, paths);
      })();
      try {
        engine = await pending;
      } catch (error) {
        log.error("sandbox reset failed; restart the sandbox:", error);
        throw error;
      } finally {
        pending = null;
      }
    };
    // The web port first: a taken port fails at once, before the database is touched.
    web = await startWebServer({
      host: SANDBOX_HOST,
      port: config.port,
      log: log.child("web"),
      backend: {
        app,
        current: async () => {
          if (engine) return engine;
          if (pending) return pending;
          throw new Error("the sandbox has stopped");
        },
        resetBlocker,
        reset: sandboxReset,
      },
    });
    pending = startEngine(options, paths);
    engine = await pending;
    pending = null;
    const server = web;
    let stopping: Promise<void> | null = null;
    return {
      url: server.url,
      port: server.port,
      app,
      paths,
      engine: () => {
        if (!engine) throw new Error("the sandbox is resetting or stopped");
        return engine;
      },
      reset: sandboxReset,
      stop: () => {
        stopping ??= (async () => {
          if (pending) await pending.catch(() => null);
          await server.close();
          await engine?.stop();
          engine = null;
          release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await web?.close();
    await engine?.stop();
    release();
    throw error;
  }
}

async function startEngine(options: SandboxOptions, paths: SandboxPaths): Promise<RunningEngine> {
  const { config, log } = options;
  const owned = options.database === undefined;
  const database =
    options.database ??
    openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: paths.database });
  // PGlite takes seconds to create a new database: let it work while the rest starts.
  const migrated = database.migrate();
  migrated.catch(() => {});
  // The app, the simulated Slack (its message times) and the page share the sandbox clock.
  const clock = openSandboxClock(options.clock ?? systemClock, paths.clock, log.child("sandbox"));
  const world = new World({ workspace: DEMO_WORKSPACE, now: () => clock.now().getTime() });
  const store = new WorldStore(paths.world, log.child("sandbox"), options.saveDelayMs);
  const saved = store.load();
  if (saved) {
    try {
      world.restore(saved);
    } catch (error) {
      // Another version's workspace: start a new one (the demo ids match the database again).
      log.warn("the sandbox's saved workspace does not fit; starting a new one:", error);
      store.setAside();
    }
  }
  ensureDemoWorld(world);
  let fake: FakeSlack | null = null;
  let server: RunningServer | null = null;
  const stop = async (): Promise<void> => {
    await server?.stop();
    await store.close();
    await fake?.close();
    if (owned) await database.close();
  };
  try {
    fake = await startFakeSlack({
      world,
      botToken: `xoxb-sandbox-${randomBytes(12).toString("hex")}`,
      referenceDir: options.referenceDir,
    });
    const signingSecret = randomBytes(32).toString("hex");
    const appConfig: Config = loadConfig({
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.databaseUrl,
      LOG_LEVEL: config.logLevel,
      // The demo's admin seeds the demo: named here, so the seeding does not hang on the simulated Slack's
      // users.info answering within the lookup's wait on a busy machine (a late answer reads "not an admin").
      ADMIN_USER_IDS: [...new Set([...config.adminUserIds, DEMO_IDS.admin])].join(","),
    });
    await migrated;
    server = await startServer({
      config: appConfig,
      log,
      database,
      host: SANDBOX_HOST,
      clock,
      ...(options.postGapMs !== undefined ? { postGapMs: options.postGapMs } : {}),
    });
    const driver = fake.connectApp({ url: server.eventsUrl as string, signingSecret });
    const recorder = fake;
    // The fake records every call for tests' assertions; a long-running sandbox needs only the recent ones.
    world.subscribe(() => {
      if (recorder.calls.length > 2000) recorder.resetCalls();
    });
    store.watch(world);
    const seeded = await seedDemoData(
      { deps: server.deps, workspaceId: world.workspace.teamId },
      options.seeders ?? SEEDERS,
    );
    if (seeded.length > 0) log.info(`sandbox: demo data seeded (${seeded.join(", ")})`);
    await store.save();
    const scheduled = new ScheduledPosts(server.deps, world.workspace.teamId, clock, paths.clock);
    return { world, fake, driver, server, database, seeded, scheduled, stop };
  } catch (error) {
    await migrated.catch(() => {});
    await stop().catch(() => {});
    throw error;
  }
}
