import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { openDatabase } from "./platform/db/index.js";
import { createLogger } from "./platform/log.js";
import { SlackAuthError, startServer } from "./server.js";

/**
 * The composition root: config -> database -> migrations -> Slack -> receiver. SIGTERM and Ctrl-C stop
 * taking requests, let background work finish and close the database.
 */
async function main(): Promise<void> {
  loadDotEnv();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  process.on("unhandledRejection", (reason) =>
    log.error("unhandled promise rejection (kept running):", reason),
  );

  if (config.mode === "sandbox") {
    process.stderr.write(
      [
        "Supervisor has no Slack credentials, so there is nothing to connect to.",
        "To run it in Slack, create the app from manifest.json and set in .env (see README.md):",
        "  SLACK_BOT_TOKEN=xoxb-...   and either SLACK_APP_TOKEN=xapp-... (Socket Mode)",
        "                             or SLACK_SIGNING_SECRET=... (HTTP, events at /slack/events)",
        "",
      ].join("\n"),
    );
    process.exit(1);
  }

  const database = openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const shutdown = new AbortController();
  let _stopping: Promise<void> | null = null;
  let stopServer: (() => Promise<void>) | null = null;
  const stop = (signal: string) => {
    _stopping ??= (async () => {
      log.info(`${signal} received: shutting down`);
      shutdown.abort(new Error(signal));
      await stopServer?.();
      await database.close();
      log.info("stopped");
      process.exit(0);
    })().catch((error: unknown) => {
      log.error("shutdown failed:", error);
      process.exit(1);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

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
        : "Supervisor is ready (Socket Mode)",
    );
  } catch (error) {
    if (shutdown.signal.aborted) return;
    if (error instanceof SlackAuthError) {
      log.error(error.message);
      await database.close();
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Supervisor failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
