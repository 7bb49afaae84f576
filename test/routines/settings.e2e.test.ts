import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamRoutines } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { Harness } from "../support/harness.js";
import { plannedOf, standInRoutineJobs, team, teamId } from "../support/routines.js";
import { openedBy, startSalesFloor } from "../support/sales-floor.js";
import { visibleText } from "../support/slack-text.js";

/**
 * A team's scheduled posts as its supervisor sets them: `/team set`, the team form, the team card; in
 * Swedish for Sara (Sales North) and in English for Olle (Sales South).
 */
let h: Harness;
let p: Harness["people"];
let north: number;
let south: number;

beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-03-02T09:00:00Z" });
  p = h.people;
  standInRoutineJobs(h.server.deps);
  north = await teamId(h, "Sales North");
  south = await teamId(h, "Sales South");
});
afterAll(async () => {
  await h?.close();
});

const rowsOf = (id: number) => h.database.db.select().from(teamRoutines).where(eq(teamRoutines.teamId, id));

/** A routine's blocks of the team form as a person fills them in (block id -> value). */
const values = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([block, value]) => [block, { value }]));

describe("the team card", () => {
  it("shows the three routines with their days and times, in the reader's language", async () => {
    expect(await team(h, p.olle, "", p.channels.south)).toContain(
      [
        "*Scheduled posts*",
        "Motivation: Mon and Thu at 08:30",
        "Product spotlight: Wed at 09:00",
        "Standup: Mon at 09:00, answers until 14:00, asked in the thread",
      ].join("\n"),
    );
    expect(await team(h, p.sara, "", p.channels.north)).toContain(
      [
        "*Schemalagda inlägg*",
        "Motivationsinlägg: mån och tors kl. 08:30",
        "Produkt i fokus: ons kl. 09:00",
        "Veckans standup: mån kl. 09:00, svar till 14:00, frågas i tråden",
      ].join("\n"),
    );
  });
});

describe("/team set for a routine", () => {
  it("takes days and a time, a cut-off, where to ask, and off; the card says so", async () => {
    expect(await team(h, p.olle, "set motivation mon-fri 8.15", p.channels.south)).toContain(
      "Sales South: Motivation is now Mon–Fri at 08:15.",
    );
    expect(await team(h, p.olle, "set standup cutoff 16:00", p.channels.south)).toContain(
      "Standup is now Mon at 09:00, answers until 16:00, asked in the thread.",
    );
    expect(await team(h, p.olle, "set standup ask dm", p.channels.south)).toContain(
      "Standup is now Mon at 09:00, answers until 16:00, asked by DM.",
    );
    expect(await team(h, p.olle, "set spotlight off", p.channels.south)).toBe(
      "Sales South: Product spotlight is now off.",
    );
    const card = await team(h, p.olle, "", p.channels.south);
    expect(card).toContain("Motivation: Mon–Fri at 08:15\nProduct spotlight: off\n");
    expect(card).toContain("Standup: Mon at 09:00, answers until 16:00, asked by DM");
    const rows = await rowsOf(south);
    expect(
      rows.map((r) => [r.routine, r.enabled, r.days, r.time, r.cutoff, r.askIn, r.updatedBy]).sort(),
    ).toEqual([
      ["motivation", true, [1, 2, 3, 4, 5], "08:15", null, null, p.olle],
      ["spotlight", false, [3], "09:00", null, null, p.olle],
      ["standup", true, [1], "09:00", "16:00", "dm", p.olle],
    ]);
  });

  it("answers in Swedish, with when it runs next", async () => {
    // Monday 2 March 2026, 10:00 in Stockholm.
    expect(await team(h, p.sara, "set spotlight tis,tors 9.30", p.channels.north)).toBe(
      [
        "Sales North: Produkt i fokus är nu tis och tors kl. 09:30.",
        "Nästa produkt i fokus kommer tisdag 3 mars kl. 09:30.",
      ].join("\n"),
    );
  });

  it("says what is wrong, in each person's language, and changes nothing", async () => {
    const before = await rowsOf(north);
    expect(await team(h, p.sara, "set motivation mån 25:00", p.channels.north)).toBe(
      "Jag kan inte läsa tiden 25:00: skriv den som 08:30.",
    );
    expect(await team(h, p.sara, "set standup cutoff 8.00", p.channels.north)).toBe(
      "Svarstiden måste sluta efter standupens tid (09:00); 08:00 gör inte det.",
    );
    expect(await team(h, p.olle, "set standup mon 17:00", p.channels.south)).toBe(
      "The cut-off must be after the standup's time (17:00); 16:00 isn't.",
    );
    expect(await team(h, p.olle, "set motivation weekly 08:30", p.channels.south)).toBe(
      'I can\'t read "weekly" as days: write them like mon,thu or mon-fri, then the time: `/team set motivation mon,thu 08:30`.',
    );
    expect(await team(h, p.olle, "set standup ask email", p.channels.south)).toContain(
      `I can't ask reps in "email"`,
    );
    expect(await team(h, p.olle, "set motivations off", p.channels.south)).toContain(
      "Settings: name, timezone, language, currency, holidays, workweek, period, escalations, policy-reminder, channel, motivation, spotlight, standup.",
    );
    expect(await rowsOf(north)).toEqual(before);
  });

  it("is for the team's supervisors: a rep is told so privately, and nothing changes", async () => {
    const before = await rowsOf(north);
    const answer = await team(h, p.alice, "set motivation off", p.channels.north);
    expect(answer).toContain("Only the supervisors of Sales North");
    expect(await rowsOf(north)).toEqual(before);
  });

  it("saving the same again stores and audits nothing new", async () => {
    const before = await rowsOf(south);
    const audited = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "team.routine.update",
    });
    expect(await team(h, p.olle, "set standup ask dm", p.channels.south)).toContain("asked by DM");
    expect(await rowsOf(south)).toEqual(before);
    expect(
      await listAudit(h.database.db, h.fake.world.workspace.teamId, { action: "team.routine.update" }),
    ).toEqual(audited);
  });
});

describe("the team form", () => {
  it("shows each routine's setting and puts each problem on its field, in the person's language", async () => {
    const view = await openedBy(h, p.olle, () =>
      h.slack.slashCommand({ userId: p.olle, channelId: p.channels.south, command: "/team", text: "edit" }),
    );
    expect(visibleText(view)).toContain("Scheduled posts");
    const bad = await h.slack.submitView({
      userId: p.olle,
      values: values({ motivationDays: [], standupTime: "15:00", standupCutoff: "15:00" }),
    });
    expect(bad.responseAction).toBe("errors");
    expect(bad.errors).toEqual({
      motivationDays: "Pick at least one day, or turn it off.",
      standupCutoff: "The cut-off must be after the standup's time (15:00); 15:00 isn't.",
    });
    const rows = await rowsOf(south);
    expect(rows.find((r) => r.routine === "standup")?.time).toBe("09:00");
    await h.slack.closeView({ userId: p.olle });

    await openedBy(h, p.sara, () =>
      h.slack.slashCommand({ userId: p.sara, channelId: p.channels.north, command: "/team", text: "edit" }),
    );
    const svBad = await h.slack.submitView({
      userId: p.sara,
      values: values({ spotlightOn: ["on"], spotlightDays: [] }),
    });
    expect(svBad.errors).toEqual({ spotlightDays: "Välj minst en dag, eller stäng av det." });
    await h.slack.closeView({ userId: p.sara });
  });

  it("saves what changed, audited, replans at once, and shows the team as it now is", async () => {
    await openedBy(h, p.olle, () =>
      h.slack.slashCommand({ userId: p.olle, channelId: p.channels.south, command: "/team", text: "edit" }),
    );
    const saved = await h.slack.submitView({
      userId: p.olle,
      values: values({
        motivationOn: [],
        spotlightOn: ["on"],
        spotlightDays: ["2", "5"],
        spotlightTime: "10:30",
        standupDays: ["1", "3"],
        standupAskIn: "thread",
      }),
    });
    expect(saved.responseAction).toBe("update");
    expect(visibleText(saved.view)).toContain(
      [
        "*Scheduled posts*",
        "Motivation: off",
        "Product spotlight: Tue and Fri at 10:30",
        "Standup: Mon and Wed at 09:00, answers until 16:00, asked in the thread",
      ].join("\n"),
    );
    const [motivation, spotlight, standup] = await Promise.all(
      (["motivation", "spotlight", "standup"] as const).map(async (routine) => {
        const [row] = await h.database.db
          .select()
          .from(teamRoutines)
          .where(and(eq(teamRoutines.teamId, south), eq(teamRoutines.routine, routine)));
        return row;
      }),
    );
    expect(motivation).toMatchObject({ enabled: false, days: [1, 2, 3, 4, 5], time: "08:15" });
    expect(spotlight).toMatchObject({ enabled: true, days: [2, 5], time: "10:30" });
    expect(standup).toMatchObject({
      enabled: true,
      days: [1, 3],
      time: "09:00",
      cutoff: "16:00",
      askIn: "thread",
    });
    const deps = h.server.deps;
    expect(plannedOf(deps, "motivation.post", south)).toBeNull();
    expect(plannedOf(deps, "spotlight.post", south)?.cron).toBe("30 10 * * 2,5");
    expect(plannedOf(deps, "standup.close", south)?.cron).toBe("0 16 * * 1,3");
    const audited = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "team.routine.update",
    });
    expect(audited.slice(-3).map((a) => [a.actorId, (a.after as { routine: string }).routine])).toEqual([
      [p.olle, "motivation"],
      [p.olle, "spotlight"],
      [p.olle, "standup"],
    ]);
  });
});
