import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import { auditLog } from "../../src/platform/audit/index.js";
import { type Harness, startHarness } from "./harness.js";
import { makeTeam } from "./teams.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("makeTeam", () => {
  beforeEach(() => h.reset());

  it("makes a team through the app: created, reps added, settings set, notices sent", async () => {
    const { people: p } = h;
    const north = await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: [p.alice, p.bo],
      settings: { language: "en", period: "quarter" },
    });
    const [row] = await h.database.db.select().from(teams);
    expect(north).toEqual({ id: row?.id, name: "Sales North", channelId: p.channels.north });
    expect(row).toMatchObject({ locale: "en", quotaPeriod: "quarter", timeZone: "Europe/Stockholm" });
    const members = await h.database.db.select().from(teamMembers);
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [p.sara, "supervisor"],
        [p.alice, "rep"],
        [p.bo, "rep"],
      ].sort(),
    );
    const dm = h.fake.world.dmChannelOf(p.alice);
    expect(dm && h.fake.world.messagesIn(dm)).toHaveLength(1);
  });

  it("stops with the app's answer when a step is refused", async () => {
    const { people: p } = h;
    await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: [p.alice],
    });
    await expect(
      makeTeam(h, { name: "Sales South", channel: p.channels.south, supervisors: [p.olle], reps: [p.alice] }),
    ).rejects.toThrow(/\/team add answered ".*Sales North/);
    await expect(
      makeTeam(h, { name: "Sales West", channel: p.channels.general, supervisors: [p.erik], by: p.alice }),
    ).rejects.toThrow(/\/team create Sales West answered "Only admins can do that/);
  });
});

describe("reset", () => {
  it("starts over: an empty database, the seeded workspace, the clock at its start", async () => {
    const { people: p } = h;
    await makeTeam(h, { name: "Sales East", channel: p.channels.general, supervisors: [p.olle] });
    h.clock.set("2026-06-01T10:00:00Z");
    expect((await h.database.db.select().from(auditLog)).length).toBeGreaterThan(0);

    await h.reset();
    expect(await h.database.db.select().from(teams)).toEqual([]);
    expect(await h.database.db.select().from(auditLog)).toEqual([]);
    expect(h.fake.world.messagesIn(p.channels.general)).toEqual([]);
    expect(h.fake.world.dmChannelOf(p.olle)).toBeUndefined();
    expect(h.fake.calls).toEqual([]);
    expect(h.clock.now().toISOString()).toBe("2026-03-02T09:00:00.000Z");
    // And the app works on as before: the same channel can have a team again, with the first id.
    const again = await makeTeam(h, {
      name: "Sales East",
      channel: p.channels.general,
      supervisors: [p.olle],
    });
    expect(again.id).toBe(1);
  });
});
