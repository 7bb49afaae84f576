import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows } from "../../src/platform/db/index.js";
import {
  HOUSEKEEPING_SCHEDULE,
  type ScheduleSpec,
  Schedules,
  scheduleProblem,
} from "../../src/platform/jobs/index.js";
import { createLogger } from "../../src/platform/log.js";
import { type Harness, startHarness } from "../support/harness.js";

declare module "../../src/platform/jobs/jobs.js" {
  interface JobTypes {
    "test.tick": { team: string; slot: string };
  }
}

let h: Harness;
/** Every run of the test job: which team, which slot. */
const runs: { team: string; slot: string }[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.server.deps.jobs.define(
    "test.tick",
    z.object({ team: z.string(), slot: z.string() }),
    async (payload) => {
      runs.push(payload);
    },
  );
});
afterAll(async () => {
  await h?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quiet = createLogger("error", "test", () => {});

/** The wall-clock hour and minute of a moment in a time zone, and its weekday ("Mon"). */
function local(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

describe("the clock", () => {
  it("makes one job per slot when two processes' clocks strike it", async () => {
    const { db } = h.server.deps;
    // A second process: its own clock on the same database and job engine.
    const other = new Schedules(db, h.server.deps.jobs, quiet);
    other.start();
    const every = { cron: "* * * * * *", timeZone: "Europe/Stockholm" };
    const slotFor = (slot: Date) => ({ team: "T-north", slot: slot.toISOString() });
    h.server.deps.schedules.plan("test.tick", "T-north", every, slotFor);
    other.plan("test.tick", "T-north", every, slotFor);
    await sleep(3_300);
    h.server.deps.schedules.unplan("test.tick", "T-north");
    await other.stop();
    await h.settle();

    const slots = runs.filter((run) => run.team === "T-north").map((run) => run.slot);
    expect(slots.length).toBeGreaterThanOrEqual(2);
    // Each slot ran once, on a whole second, although both clocks struck it.
    expect(new Set(slots).size).toBe(slots.length);
    for (const slot of slots) expect(slot).toMatch(/:\d\d\.000Z$/);
    const queued = await h.server.deps.schedules.queuedSlots("test.tick", "T-north", 100);
    expect(queued.map((slot) => slot.toISOString()).sort()).toEqual([...slots].sort());
  });

  it("queues a slot a process missed once, whoever catches it up first", async () => {
    const at = new Date("2026-03-02T07:30:00.400Z");
    const payload = { team: "T-south", slot: "2026-03-02T07:30:00.000Z" };
    const first = await h.server.deps.schedules.strike("test.tick", "T-south", at, payload);
    const again = await h.server.deps.schedules.strike(
      "test.tick",
      "T-south",
      new Date(at.getTime() + 300),
      payload,
    );
    await h.settle();
    expect([first, again]).toEqual([true, false]);
    expect(runs.filter((run) => run.team === "T-south")).toEqual([payload]);
  });

  it("runs a team's 08:30 on Mondays at 08:30 in the team's time zone, summer and winter", () => {
    const spec: ScheduleSpec = { cron: "30 8 * * 1", timeZone: "Europe/Stockholm" };
    const next = Schedules.nextTimes(spec, 60);
    expect(next).toHaveLength(60);
    for (const at of next) expect(local(at, "Europe/Stockholm")).toBe("Mon 08:30");
    // Over a year of Mondays the UTC hour moves with summer time: 06:30 and 07:30 UTC both occur.
    const utcHours = new Set(next.map((at) => at.toISOString().slice(11, 16)));
    expect(utcHours).toEqual(new Set(["06:30", "07:30"]));
    // The same schedule in New York is another instant.
    const [ny] = Schedules.nextTimes({ ...spec, timeZone: "America/New_York" }, 1);
    expect(local(ny as Date, "America/New_York")).toBe("Mon 08:30");
  });

  it("takes a changed schedule at once, without a restart, and stops an unplanned one", async () => {
    const { schedules } = h.server.deps;
    schedules.plan("test.tick", "T-west", { cron: "0 9 * * 1", timeZone: "Europe/Stockholm" }, (slot) => ({
      team: "T-west",
      slot: slot.toISOString(),
    }));
    const before = schedules.planned("test.tick", "T-west");
    schedules.plan("test.tick", "T-west", { cron: "0 14 * * 5", timeZone: "Asia/Tokyo" }, (slot) => ({
      team: "T-west",
      slot: slot.toISOString(),
    }));
    const after = schedules.planned("test.tick", "T-west");
    expect(local(before?.next as Date, "Europe/Stockholm")).toBe("Mon 09:00");
    expect(local(after?.next as Date, "Asia/Tokyo")).toBe("Fri 14:00");
    expect(after?.spec.timeZone).toBe("Asia/Tokyo");
    schedules.unplan("test.tick", "T-west");
    expect(schedules.planned("test.tick", "T-west")).toBeUndefined();
  });

  it("says which field of a schedule people entered is wrong", () => {
    expect(scheduleProblem({ cron: "30 8 * * 1-5", timeZone: "Europe/Stockholm" })).toBeNull();
    expect(scheduleProblem({ cron: "every monday", timeZone: "Europe/Stockholm" })).toBe("cron");
    expect(scheduleProblem({ cron: "61 8 * * *", timeZone: "Europe/Stockholm" })).toBe("cron");
    expect(scheduleProblem({ cron: "30 8 * * 1", timeZone: "Europe/Stockholmm" })).toBe("timeZone");
    expect(() =>
      h.server.deps.schedules.plan("test.tick", "x", { cron: "nope", timeZone: "UTC" }, () => ({
        team: "x",
        slot: "",
      })),
    ).toThrow(/cron/);
  });
});

describe("the nightly housekeeping", () => {
  it("is planned at start-up for the night, once for all teams", () => {
    const planned = h.server.deps.schedules.planned("platform.housekeeping", "all");
    expect(planned?.spec).toEqual(HOUSEKEEPING_SCHEDULE);
    expect(planned?.next?.toISOString()).toMatch(/T03:17:00\.000Z$/);
  });

  it("forgets quiet channels' turns and old slots, and keeps what is still in use", async () => {
    const { db } = h.server.deps;
    await db.execute(sql`insert into slack_channel_pace (workspace_id, channel_id, next_at) values
      ('T1', 'C-quiet', now() - interval '3 days'), ('T1', 'C-busy', now() + interval '1 second')`);
    await db.execute(sql`insert into job_slots (job, key, slot, queued_at) values
      ('test.tick', 'old', now() - interval '40 days', now() - interval '40 days'),
      ('test.tick', 'recent', now() - interval '2 days', now() - interval '2 days')`);
    const queued = await h.server.deps.schedules.strike(
      "platform.housekeeping",
      "all",
      new Date("2026-03-03T03:17:00Z"),
      { slot: "2026-03-03T03:17:00.000Z" },
    );
    expect(queued).toBe(true);
    await h.settle();
    const channels = await queryRows<{ channel_id: string }>(
      db,
      sql`select channel_id from slack_channel_pace order by 1`,
    );
    expect(channels.map((row) => row.channel_id)).toEqual(["C-busy"]);
    const keys = await queryRows<{ key: string }>(
      db,
      sql`select distinct key from job_slots where key in ('old', 'recent')`,
    );
    expect(keys.map((row) => row.key)).toEqual(["recent"]);
  });
});
