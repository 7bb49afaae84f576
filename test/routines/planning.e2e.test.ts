import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routinePlanner } from "../../src/features/routines/index.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startInstance } from "../support/harness.js";
import {
  jobsQueued,
  lookNow,
  plannedOf,
  queuedSlots,
  standInRoutineJobs,
  team,
  teamId,
} from "../support/routines.js";
import { startSalesFloor } from "../support/sales-floor.js";

/**
 * The clock of the teams' routines: planned per team in its zone when a process looks (at start and every
 * minute), replanned at once when a team's settings are saved, and missed slots caught up when still
 * worth it. Sales North (Sara, in Swedish) and Sales South (Olle, in English), both in Stockholm, made on
 * Monday 2 February 2026 at 10:00.
 */
let h: Harness;
let p: Harness["people"];
let north: number;
let south: number;

beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-02-02T09:00:00Z" });
  p = h.people;
  standInRoutineJobs(h.server.deps);
  north = await teamId(h, "Sales North");
  south = await teamId(h, "Sales South");
});
afterAll(async () => {
  await h?.close();
});

describe("a slot missed while nothing ran", () => {
  it("Monday 11:00 with nothing queued: the standup of 09:00 and the motivation of 08:30, once however often the processes look", async () => {
    h.clock.set("2026-02-09T10:00:00Z");
    const deps = h.server.deps;
    await Promise.all([1, 2, 3].map(() => routinePlanner(deps).reconcile()));
    await lookNow(deps);
    expect(await queuedSlots(h, north)).toEqual([
      "motivation.post 2026-02-09T07:30:00.000Z",
      "standup.open 2026-02-09T08:00:00.000Z",
    ]);
    expect(await jobsQueued(h, "standup.open", north, "2026-02-09T08:00:00.000Z")).toBe(1);
    expect(await jobsQueued(h, "motivation.post", north, "2026-02-09T07:30:00.000Z")).toBe(1);
    // The clock's own strike of that slot (a process that was up at 09:00) is the same claim: nothing more.
    const payload = {
      workspaceId: h.fake.world.workspace.teamId,
      teamId: north,
      slot: "2026-02-09T08:00:00.000Z",
    };
    expect(await deps.schedules.strike("standup.open", String(north), new Date(payload.slot), payload)).toBe(
      false,
    );
    expect(await jobsQueued(h, "standup.open", north, "2026-02-09T08:00:00.000Z")).toBe(1);
  });

  it("Monday 15:00: past the cut-off no standup is opened, but its summary of 14:00 is due; the 08:30 motivation is too late", async () => {
    h.clock.set("2026-02-16T14:00:00Z");
    await lookNow(h.server.deps);
    expect(await queuedSlots(h, south)).toContain("standup.close 2026-02-16T13:00:00.000Z");
    expect((await queuedSlots(h, south)).filter((s) => s.includes("2026-02-16"))).toEqual([
      "standup.close 2026-02-16T13:00:00.000Z",
    ]);
  });

  it("Thursday 13:00: the motivation due at 08:30 is skipped (more than 3 hours late)", async () => {
    h.clock.set("2026-02-19T12:00:00Z");
    await lookNow(h.server.deps);
    expect((await queuedSlots(h, north)).filter((s) => s.includes("2026-02-19"))).toEqual([]);
    h.clock.set("2026-02-26T10:00:00Z");
    await lookNow(h.server.deps);
    expect((await queuedSlots(h, north)).filter((s) => s.includes("2026-02-26"))).toEqual([
      "motivation.post 2026-02-26T07:30:00.000Z",
    ]);
  });

  it("nothing is owed for a slot from before the setting was saved", async () => {
    // Monday 2 March, 09:30: Sara changes where the standup asks; its 09:00 slot was before that.
    h.clock.set("2026-03-02T08:30:00Z");
    expect(await team(h, p.sara, "set standup ask dm", p.channels.north)).toContain("frågas i DM");
    h.clock.set("2026-03-02T09:00:00Z");
    await lookNow(h.server.deps);
    expect((await queuedSlots(h, north)).filter((s) => s.includes("2026-03-02"))).toEqual([
      "motivation.post 2026-03-02T07:30:00.000Z",
    ]);
    // Sales South, unchanged, still gets its standup of that morning.
    expect(await queuedSlots(h, south, "standup.open")).toContain("standup.open 2026-03-02T08:00:00.000Z");
  });
});

describe("planned per team, and replanned at once when it changes", () => {
  it("plans every team's routines in the team's zone: motivation, spotlight, the standup and its cut-off", async () => {
    await lookNow(h.server.deps);
    const deps = h.server.deps;
    const zone = "Europe/Stockholm";
    expect(plannedOf(deps, "motivation.post", south)).toEqual({ cron: "30 8 * * 1,4", timeZone: zone });
    expect(plannedOf(deps, "spotlight.post", south)).toEqual({ cron: "0 9 * * 3", timeZone: zone });
    expect(plannedOf(deps, "standup.open", south)).toEqual({ cron: "0 9 * * 1", timeZone: zone });
    expect(plannedOf(deps, "standup.close", south)).toEqual({ cron: "0 14 * * 1", timeZone: zone });
  });

  it("`/team set standup tue 10:00` takes effect at once, says when it runs next, and is audited", async () => {
    // Monday 9 March 2026, 12:00 in Stockholm.
    h.clock.set("2026-03-09T11:00:00Z");
    const answer = await team(h, p.olle, "set standup tue 10:00", p.channels.south);
    expect(answer).toBe(
      [
        "Sales South: Standup is now Tue at 10:00, answers until 14:00, asked in the thread.",
        "The next standup is on Tuesday, March 10 at 10:00.",
      ].join("\n"),
    );
    const deps = h.server.deps;
    expect(plannedOf(deps, "standup.open", south)?.cron).toBe("0 10 * * 2");
    expect(plannedOf(deps, "standup.close", south)?.cron).toBe("0 14 * * 2");
    const [audited] = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "team.routine.update",
    }).then((rows) => rows.filter((r) => r.subjectId === String(south)));
    expect(audited).toMatchObject({
      actorId: p.olle,
      before: { routine: "standup", days: [1], time: "09:00" },
      after: { routine: "standup", days: [2], time: "10:00" },
    });
  });

  it("`off` unplans the standup and its summary; `on` plans them again", async () => {
    const deps = h.server.deps;
    expect(await team(h, p.olle, "set standup off", p.channels.south)).toBe(
      "Sales South: Standup is now off.",
    );
    expect(plannedOf(deps, "standup.open", south)).toBeNull();
    expect(plannedOf(deps, "standup.close", south)).toBeNull();
    expect(plannedOf(deps, "motivation.post", south)).not.toBeNull();
    expect(await team(h, p.olle, "set standup on", p.channels.south)).toContain(
      "Standup is now Tue at 10:00",
    );
    expect(plannedOf(deps, "standup.open", south)?.cron).toBe("0 10 * * 2");
  });

  it("a new time zone replans the team's routines in it at once", async () => {
    await team(h, p.olle, "set timezone America/New_York", p.channels.south);
    const deps = h.server.deps;
    expect(plannedOf(deps, "standup.open", south)).toEqual({
      cron: "0 10 * * 2",
      timeZone: "America/New_York",
    });
    expect(plannedOf(deps, "motivation.post", south)?.timeZone).toBe("America/New_York");
    expect(plannedOf(deps, "motivation.post", north)?.timeZone).toBe("Europe/Stockholm");
  });

  it("a team made now is planned at once", async () => {
    const made = await team(h, p.ada, `create Sales West <@${p.bo}>`, p.channels.general);
    expect(made).toContain("Sales West");
    const west = await teamId(h, "Sales West");
    expect(plannedOf(h.server.deps, "spotlight.post", west)?.cron).toBe("0 9 * * 3");
  });
});

describe.skipIf(!onPostgres)("another instance on the same Postgres (needs DATABASE_URL)", () => {
  it("catches up on start, by itself, a standup missed while nothing ran", async () => {
    // Monday 16 March 2026, 10:00 in Stockholm: Sales North's 09:00 standup was never queued.
    h.clock.set("2026-03-16T09:00:00Z");
    const missed = "standup.open 2026-03-16T08:00:00.000Z";
    expect(await queuedSlots(h, north, "standup.open")).not.toContain(missed);
    const other = await startInstance(h);
    try {
      // Defined as soon as the instance is up; its first look reads the database several times before it
      // strikes. (Once the posting features define these jobs at start, the stand-ins are not used.)
      standInRoutineJobs(other.server.deps);
      const until = Date.now() + 10_000;
      while (!(await queuedSlots(h, north, "standup.open")).includes(missed) && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queuedSlots(h, north, "standup.open")).toContain(missed);
      expect(await jobsQueued(h, "standup.open", north, "2026-03-16T08:00:00.000Z")).toBe(1);
    } finally {
      await other.stop();
    }
  });

  it("picks up a change saved on this one at its next look, and an `off`", async () => {
    const other = await startInstance(h);
    try {
      const deps = other.server.deps;
      standInRoutineJobs(deps);
      await routinePlanner(deps).reconcile();
      expect(plannedOf(deps, "motivation.post", north)?.cron).toBe("30 8 * * 1,4");
      expect(await team(h, p.sara, "set motivation fre 07.15", p.channels.north)).toContain(
        "Motivationsinlägg är nu fre kl. 07:15",
      );
      expect(plannedOf(h.server.deps, "motivation.post", north)?.cron).toBe("15 7 * * 5");
      // Until it looks (within the minute), the other instance runs what it read.
      expect(plannedOf(deps, "motivation.post", north)?.cron).toBe("30 8 * * 1,4");
      await routinePlanner(deps).reconcile();
      expect(plannedOf(deps, "motivation.post", north)).toEqual({
        cron: "15 7 * * 5",
        timeZone: "Europe/Stockholm",
      });
      await team(h, p.sara, "set motivation av", p.channels.north);
      await routinePlanner(deps).reconcile();
      expect(plannedOf(deps, "motivation.post", north)).toBeNull();
    } finally {
      await other.stop();
    }
  });
});
