import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/platform/db/index.js";
import { Yielding } from "../../src/platform/db/lanes.js";
import { inBackground, isBackground } from "../../src/platform/lane.js";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db.js";

/**
 * People's requests never queue behind background work (jobs, the clock's strikes) for the database:
 * on Postgres background work has a pool of its own; on PGlite's one connection it goes one statement at
 * a time, when no request's statement is under way.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A piece of work that ends when told to, noting when it started. */
function held(log: string[], name: string) {
  let end = () => {};
  const done = new Promise<void>((resolve) => {
    end = resolve;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    end: () => end(),
  };
}

const turnOfTheLoop = () => new Promise((resolve) => setImmediate(resolve));

describe("the lanes of work", () => {
  it("knows background work, and everything it starts, from a request", async () => {
    expect(isBackground()).toBe(false);
    const seen = await inBackground(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return isBackground();
    });
    expect(seen).toBe(true);
    expect(isBackground()).toBe(false);
  });

  it("runs background statements one at a time, and a request's ahead of every waiting one", async () => {
    const order = new Yielding();
    const log: string[] = [];
    const jobs = Array.from({ length: 5 }, (_, n) => held(log, `job ${n}`));
    const running = jobs.map((job) => order.background(job.run));
    await turnOfTheLoop();
    await turnOfTheLoop();
    expect(log).toEqual(["start job 0"]);

    const request = held(log, "request");
    const answered = order.request(request.run);
    expect(log).toEqual(["start job 0", "start request"]);
    // The job under way ends; the next job waits for the request to end, not the other way round.
    jobs[0]?.end();
    await turnOfTheLoop();
    await turnOfTheLoop();
    expect(log).toEqual(["start job 0", "start request", "end job 0"]);
    request.end();
    await answered;
    await turnOfTheLoop();
    await turnOfTheLoop();
    expect(log.slice(3)).toEqual(["end request", "start job 1"]);
    for (const job of jobs) job.end();
    await Promise.all(running);
    expect(log.filter((line) => line.startsWith("start job"))).toHaveLength(5);
  });

  it("lets a waiting background statement go after a few requests went first, however busy", async () => {
    const order = new Yielding();
    const log: string[] = [];
    const first = held(log, "request 0");
    const busy = order.request(first.run);
    const job = held(log, "job");
    const waiting = order.background(job.run);
    const requests = Array.from({ length: 4 }, (_, n) => held(log, `request ${n + 1}`));
    const answered = requests.map((r) => order.request(r.run));
    first.end();
    await busy;
    await turnOfTheLoop();
    await turnOfTheLoop();
    // Four requests are still under way, yet the job has been passed over enough: it goes.
    expect(log).toContain("start job");
    job.end();
    for (const r of requests) r.end();
    await Promise.all([waiting, ...answered]);
  });

  it("answers requests and background work alike from the same database", async () => {
    const request = await queryRows<{ n: number }>(database.db, sql`select 1::int as n`);
    const background = await inBackground(() =>
      database.db.transaction(async (tx) => queryRows<{ n: number }>(tx, sql`select 2::int as n`)),
    );
    expect(request[0]?.n).toBe(1);
    expect(background[0]?.n).toBe(2);
  });

  it.skipIf(!onPostgres)("gives background work connections of its own (Postgres)", async () => {
    const pid = sql`select pg_backend_pid()::int as pid`;
    const requests = new Set<number>();
    const background = new Set<number>();
    for (let n = 0; n < 20; n++) {
      for (const row of await queryRows<{ pid: number }>(database.db, pid)) requests.add(row.pid);
      const rows = await inBackground(() => queryRows<{ pid: number }>(database.db, pid));
      for (const row of rows) background.add(row.pid);
    }
    expect([...background].filter((p) => requests.has(p))).toEqual([]);
  });
});
