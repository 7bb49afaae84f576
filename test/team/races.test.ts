import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import { auditLog } from "../../src/platform/audit/index.js";
import { meetAtLock } from "../support/barrier.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startHarness } from "../support/harness.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness();
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

const run = (userId: string, channelId: string, text: string) =>
  h.slack.slashCommand({ userId, channelId, command: "/team", text });

/** Each test starts over: no teams. */
beforeEach(() => h.reset());

const salesNorth = () =>
  makeTeam(h, { name: "Sales North", channel: p.channels.north, supervisors: [p.sara] });

// On PGlite the requests are served one at a time; on Postgres they really overlap.
describe(`two people doing the same thing at once (${onPostgres ? "Postgres: real concurrency" : "PGlite: serialized"})`, () => {
  it("creates one team when two admins create a team in the same channel at once", async () => {
    const results = await Promise.all([
      run(p.ada, p.channels.north, "create Sales North @sara"),
      run(p.ada, p.channels.north, "create Northern Lights @sara"),
    ]);
    const texts = results.map((r) => (r.reply?.kind === "ephemeral" ? r.reply.ephemeral.text : ""));
    expect(texts.filter((t) => t.startsWith("Created the team"))).toHaveLength(1);
    expect(texts.filter((t) => /already belongs to/.test(t))).toHaveLength(1);
    expect(await h.database.db.select().from(teams)).toHaveLength(1);
    expect(
      (await h.database.db.select().from(auditLog)).filter((a) => a.action === "team.team.create"),
    ).toHaveLength(1);
  });

  it("puts a rep in one team when two supervisors add them at once", async () => {
    await salesNorth();
    await run(p.ada, p.channels.south, "create Sales South @olle");
    await Promise.all([
      run(p.sara, p.channels.north, "add @alice"),
      run(p.olle, p.channels.south, "add @alice"),
    ]);
    const rows = (await h.database.db.select().from(teamMembers)).filter((m) => m.userId === p.alice);
    expect(rows).toHaveLength(1);
    const adds = (await h.database.db.select().from(auditLog)).filter(
      (a) => a.action === "team.member.add" && (a.after as { userId?: string }).userId === p.alice,
    );
    expect(adds).toHaveLength(1);
  });

  it("adds a rep once when the same command is sent twice at once", async () => {
    await salesNorth();
    await Promise.all([run(p.sara, p.channels.north, "add @bo"), run(p.sara, p.channels.north, "add @bo")]);
    const rows = (await h.database.db.select().from(teamMembers)).filter((m) => m.userId === p.bo);
    expect(rows).toHaveLength(1);
  });
});

describe.skipIf(!onPostgres)(
  `two supervisors removing each other at once${onPostgres ? ", met inside Postgres" : " (skipped: races need real Postgres; set DATABASE_URL)"}`,
  () => {
    it("leaves the team one supervisor: the second removal is refused", async () => {
      const west = h.fake.world.addChannel({ name: "sales-west", members: [p.ada, p.sara, p.olle] }).id;
      await run(p.ada, west, "create Sales West @sara @olle");
      const [team] = (await h.database.db.select().from(teams)).filter((t) => t.name === "Sales West");
      const results = await meetAtLock(
        h.database.url as string,
        `select id from teams where id = ${team?.id} for update`,
        2,
        () => [run(p.sara, west, "supervisor remove @olle"), run(p.olle, west, "supervisor remove @sara")],
      );
      const left = (await h.database.db.select().from(teamMembers)).filter(
        (m) => m.teamId === team?.id && m.role === "supervisor",
      );
      expect(left).toHaveLength(1);
      const texts = results.map((r) => (r.reply?.kind === "ephemeral" ? r.reply.ephemeral.text : ""));
      expect(
        texts.filter((t) => /needs at least one supervisor|behöver minst en handledare/.test(t)),
      ).toHaveLength(1);
    });
  },
);
