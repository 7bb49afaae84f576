import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which lane work runs in: people's requests (the default), or work nobody is waiting on in front of a
 * screen (jobs, the clock's strikes, the job engine's own polling). The database and the Slack client
 * read it: background work gets a connection pool of its own (Postgres) or yields to requests on the one
 * connection (PGlite), and a Slack 429 pauses only the job that met it, never everyone's calls.
 */
const lane = new AsyncLocalStorage<"background">();

/** Runs `work` (and everything it starts: promises, timers) in the background lane. */
export function inBackground<T>(work: () => T): T {
  return lane.run("background", work);
}

/** Whether the code running now is background work (a job, a strike), not a person's request. */
export function isBackground(): boolean {
  return lane.getStore() === "background";
}
