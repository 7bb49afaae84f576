import { resolve } from "node:path";
import { configOfProcess } from "./config.js";
import { FolderBusyError, lockFolder, openDatabase } from "./platform/db/index.js";
import { createLogger, type Log } from "./platform/log.js";
import { SlackAuthError, startServer } from "./server.js";

/**
 * The composition root: config -> database -> migrations -> Slack -> receiver. SIGTERM and Ctrl-C stop
 * taking requests, let background work finish and close the database.
 */
async function main(): Promise<void> {
  const config = configOfProcess();
  if (!config) process.exit(1);
  const log = createLogger(config.logLevel, "supervisor", undefined, config.logFormat);
  process.on("unhandledRejection", (reason) =>
    log.error("unhandled promise rejection (kept running):", reason),
  );

  if (config.mode === "sandbox") {
    // No Slack credentials: a simulated workspace in the browser drives the same app (src/sandbox/).
    const { startSandbox, SandboxBusyError } = await import("./sandbox/index.js");
    log.info(
      "no Slack credentials: starting the local sandbox (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET to run in Slack, see README.md)",
    );
    const starting = startSandbox({ config, log });
    const stopping = stopOnSignals(log, async () => {
      const sandbox = await starting.catch(() => null);
      await sandbox?.stop();
    });
    try {
      const sandbox = await starting;
      if (!stopping()) process.stdout.write(`Supervisor sandbox: open ${sandbox.url}\n`);
    } catch (error) {
      if (stopping()) return;
      const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (inUse || error instanceof SandboxBusyError) {
        log.error(inUse ? `port ${config.port} is taken: set PORT to a free one` : (error as Error).message);
        process.exit(1);
      }
      throw error;
    }
    return;
  }

  // The embedded database is one process's: a second one on the same folder stops here, saying why.
  let release = () => {};
  if (!config.databaseUrl) {
    try {
      release = lockFolder(resolve(config.dataDir));
    } catch (error) {
      if (!(error instanceof FolderBusyError)) throw error;
      log.error(error.message);
      process.exit(1);
    }
  }
  const database = openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const shutdown = new AbortController();
  let stopServer: (() => Promise<void>) | null = null;
  stopOnSignals(log, async (signal) => {
    shutdown.abort(new Error(signal));
    await stopServer?.();
    await database.close();
    release();
  });

  log.info(
    `database: ${database.kind === "postgres" ? "Postgres (DATABASE_URL)" : `embedded, in ${config.dataDir}`}`,
  );
  await database.migrate();
  log.info("database migrated");

  try {
    const server = await startServer({ config, log, database, signal: shutdown.signal });
    stopServer = server.stop;
    log.info(
      server.eventsUrl
        ? `Supervisor is ready: Slack request URL ${server.eventsUrl} (port ${server.port})`
        : `Supervisor is ready (Socket Mode; /healthz and /readyz on port ${server.port})`,
    );
  } catch (error) {
    if (shutdown.signal.aborted) return;
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    if (error instanceof SlackAuthError || inUse) {
      log.error(inUse ? `port ${config.port} is taken: set PORT to a free one` : (error as Error).message);
      await database.close();
      release();
      process.exit(1);
    }
    throw error;
  }
}

/**
 * SIGTERM and Ctrl-C run `stop` once (a second signal waits for the first), then exit: 0, or 1 when
 * stopping failed. The answer says whether a stop has begun.
 */
function stopOnSignals(log: Log, stop: (signal: string) => Promise<void>): () => boolean {
  let stopping: Promise<void> | null = null;
  const onSignal = (signal: string) => {
    stopping ??= (async () => {
      log.info(`${signal} received: shutting down`);
      await stop(signal);
      log.info("stopped");
      process.exit(0);
    })().catch((error: unknown) => {
      log.error("shutdown failed:", error);
      process.exit(1);
    });
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
  return () => stopping !== null;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Supervisor failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
