import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slash } from "../support/commands.js";
import { type Harness, startHarness } from "../support/harness.js";
import { type MadeTeam, makeTeam } from "../support/teams.js";

/**
 * What the hot paths ask of the database, counted statement by statement (people's requests and the work
 * they leave behind; jobs and the clock run apart). A statement more on these paths costs every request a
 * round trip: the bench found a check-in gone from one statement to four, and `/team` from one to two,
 * with no test noticing.
 */
let h: Harness;
let p: Harness["people"];
let north: MadeTeam;

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo, p.cecilia],
    settings: { language: "en" },
  });
});
afterAll(async () => {
  await h?.close();
});

/** The app's statements since the last call, without the tests' own wait for the job engine to be idle. */
function statementsSince(): string[] {
  return h.database.statements
    .splice(0)
    .filter((s) => !/^\s*select count\(\*\)::int as open from pgboss\.job/.test(s));
}

describe("statements a request sends", () => {
  it("/team in the team's channel: one, the team, its people, its scheduled posts and who asks", async () => {
    await slash(h, { userId: p.sara, channelId: north.channelId, command: "/team", text: "" });
    statementsSince();
    for (const userId of [p.sara, p.alice, p.ada]) {
      const shown = await slash(h, { userId, channelId: north.channelId, command: "/team", text: "" });
      expect(shown.shown).toContain("Sales North");
      expect(shown.shown).toMatch(/Standup|standup/);
    }
    expect(statementsSince()).toHaveLength(3);
  });

  it("a check-in: one each, and a burst's Home refreshes do not grow with it", async () => {
    const reps = [p.alice, p.bo, p.cecilia];
    // Each rep's first check-in reads their team; from then on it is remembered.
    for (const userId of reps)
      await slash(h, { userId, channelId: north.channelId, command: "/quota", text: "100 warm-up" });
    statementsSince();
    const sales = Array.from({ length: 12 }, (_, i) => ({ userId: reps[i % 3] ?? p.alice, amount: 200 + i }));
    const answers = await Promise.all(
      sales.map(({ userId, amount }) =>
        h.slack.slashCommand({
          userId,
          channelId: north.channelId,
          command: "/quota",
          text: `${amount} burst`,
        }),
      ),
    );
    for (const answer of answers) expect(answer.body).toMatch(/Recorded|Registrerade/);
    await h.settle();
    const sent = statementsSince();
    const recorded = sent.filter((s) => s.includes("insert into checkins"));
    expect(recorded).toHaveLength(12);
    // The rest: each gathered Home refresh reads the team's supervisors and who has a Home (two), once a
    // second per team however many check-ins it gathers.
    expect(sent.length - recorded.length).toBeLessThanOrEqual(3 * 2);
  });
});
