import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/platform/db/index.js";
import { createLogger } from "../../src/platform/log.js";
import { FixedClock } from "../../src/platform/time/index.js";
import { startServer } from "../../src/server.js";

/**
 * One more app instance as a process of its own, for what must survive a process killed mid-job (see
 * `startInstanceProcess` in process.ts): the real app (`startServer`) on an existing, migrated Postgres
 * (DATABASE_URL) and Slack (SLACK_API_URL), with the test's job timings and a clock fixed at CLOCK_AT (the
 * test's simulated moment: its node-cron ticks in real time, its looks and jobs read this clock). Prints
 * `instance ready` once its job engine and clock run; SIGKILL ends it with whatever it was doing.
 */
const at = process.env.CLOCK_AT;
if (!at) throw new Error("instance-process needs CLOCK_AT");
const config = loadConfig(process.env);
const level = (process.env.LOG_LEVEL ?? "error") as "debug" | "info" | "warn" | "error";
const log = createLogger(level);
const database = openDatabase({ databaseUrl: config.databaseUrl as string });
const server = await startServer({
  config,
  log,
  database,
  clock: new FixedClock(at),
  host: "127.0.0.1",
  ackDeadlineMs: 10_000,
  jobs: { retryDelaySeconds: 1, retryDelayMaxSeconds: 4, pollSeconds: 0.5, monitorSeconds: 2 },
  postGapMs: 0,
});
process.stdout.write(`instance ready on port ${server.port}\n`);
process.on("SIGTERM", () => {
  void server
    .stop()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
