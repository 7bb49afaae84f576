import type { Receiver } from "@slack/bolt";
import { createApp } from "../../src/app.js";
import type { Deps } from "../../src/platform/deps.js";
import { Hooks } from "../../src/platform/hooks.js";
import { Housekeeping, Jobs, Schedules } from "../../src/platform/jobs/index.js";
import { createLogger } from "../../src/platform/log.js";
import type { Registered } from "../../src/platform/slack/index.js";
import { Background } from "../../src/platform/tasks.js";
import { Absences } from "../../src/platform/time/index.js";

/** Registers every feature on a receiver that never starts, to see what the code declares to Slack. */
export function registeredSurfaces(): Registered {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  const log = createLogger("error", "test", () => {});
  const jobs = new Jobs(
    { db: undefined as never, connection: { kind: "postgres", url: "postgres://unused" } },
    log,
    new Background(log),
  );
  const schedules = new Schedules(undefined as never, jobs, log);
  const deps = {
    config: { slack: { apiUrl: "http://127.0.0.1:9/api/" } },
    log,
    // Never started: registering the app defines its jobs and plans its schedules, nothing runs them.
    jobs,
    schedules,
    housekeeping: new Housekeeping(jobs, schedules, log),
    hooks: new Hooks(),
    absences: new Absences(),
  } as unknown as Deps;
  return createApp(deps, receiver, { botToken: "xoxb-test", botId: "B1", botUserId: "U1" }).router.registered;
}
