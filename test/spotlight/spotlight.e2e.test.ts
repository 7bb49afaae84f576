import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRoutine } from "../../src/features/routines/index.js";
import { spotlightPosts } from "../../src/features/spotlight/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import { dmWith } from "../support/sales-floor.js";
import { visibleText } from "../support/slack-text.js";
import { type MadeTeam, makeTeam } from "../support/teams.js";

/**
 * Product spotlights as the team reads them in its channel: which product comes up on each slot (fairly,
 * archived ones never, new ones first), the whole post word for word in English and in Swedish with the
 * latest wins from the team's check-ins, one post per slot however often its job runs, nothing for a team
 * without products, and a winner on leave named rather than mentioned.
 */
let h: Harness;
let p: Harness["people"];
let north: MadeTeam;
let south: MadeTeam;
let workspaceId: string;

beforeAll(async () => {
  h = await startHarness({ now: "2026-01-20T10:00:00Z", adminUserIds: (people) => [people.ada] });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/** Sales North (Sara; Alice and Bo; Swedish) and Sales South (Olle; Cecilia; English), no products. */
async function startOver(): Promise<void> {
  await h.reset();
  north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
  south = await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    reps: [p.cecilia],
    settings: { language: "en" },
  });
  const [row] = await h.database.db.select().from(teams).where(eq(teams.id, north.id));
  workspaceId = row?.workspaceId ?? "";
}

/** A slash command as a person in a channel; stops when Slack showed an error. */
async function command(userId: string, channelId: string, name: string, text: string): Promise<void> {
  const result = await h.slack.slashCommand({ userId, channelId, command: name, text });
  expect(result.error, `${name} ${text}`).toBeUndefined();
  await h.settle();
}

/** What the app answered a person's `/product spotlight` privately. */
async function nextSpotlight(userId: string, channelId: string): Promise<string> {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/product", text: "spotlight" });
  expect(result.error).toBeUndefined();
  return result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
}

/** A sale checked in by a rep in their team's channel on a day (at 10:00 UTC). */
async function sale(userId: string, channelId: string, day: string, text: string): Promise<void> {
  h.clock.set(`${day}T10:00:00Z`);
  await command(userId, channelId, "/quota", text);
}

/** The team's spotlight job for a slot, as the team's schedule strikes it (at the slot's instant). */
async function runSlot(team: MadeTeam, slot: string): Promise<boolean> {
  h.clock.set(slot);
  const struck = await h.server.deps.schedules.strike("spotlight.post", String(team.id), new Date(slot), {
    workspaceId,
    teamId: team.id,
    slot,
  });
  await h.settle();
  return struck;
}

/** The spotlights in a channel, as the team reads them, oldest first. */
const spotlightsIn = (channelId: string) =>
  h.fake.world
    .messagesIn(channelId)
    .map((m) => visibleText(m))
    .filter((text) => text.startsWith(":bulb: "));

/** The product a spotlight is about: its header. */
const productOf = (text: string | undefined) => text?.split("\n")[0]?.replace(/^:bulb: [^:]+: /, "");

// Wednesdays at 09:00 in Stockholm (the default spotlight time), as instants; 1 April is summer time.
const WEDNESDAYS = [
  "2026-03-04T08:00:00.000Z",
  "2026-03-11T08:00:00.000Z",
  "2026-03-18T08:00:00.000Z",
  "2026-03-25T08:00:00.000Z",
  "2026-04-01T07:00:00.000Z",
];

describe("the rotation", () => {
  beforeAll(() => startOver());

  it("goes through the products on the list least recently shown first, never an archived one, a new one before those shown", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    for (const name of ["Widget Pro", "Desk Lamp", "Ärlig Kaffe", "Cloud Backup"]) {
      await command(p.sara, p.channels.north, "/product", `add ${name} | Good value`);
    }
    await command(p.sara, p.channels.north, "/product", "remove desk-lamp");

    const [first, second, third, fourth, fifth] = WEDNESDAYS as [string, string, string, string, string];
    await runSlot(north, first);
    await runSlot(north, second);
    await runSlot(north, third);
    // Added after three spotlights: never shown, so it comes before all of them.
    await command(p.sara, p.channels.north, "/product", "add Bänk Deluxe | Seats four");
    await runSlot(north, fourth);
    await runSlot(north, fifth);

    // Alphabetical as the list shows it (Swedish order: å, ä, ö after z) when nothing was shown yet.
    expect(spotlightsIn(p.channels.north).map(productOf)).toEqual([
      "Cloud Backup",
      "Widget Pro",
      "Ärlig Kaffe",
      "Bänk Deluxe",
      "Cloud Backup",
    ]);
    expect(spotlightsIn(p.channels.south)).toEqual([]);
  });

  it("`/product spotlight` tells anyone in the team which product comes next and when, then the rest in turn", async () => {
    // 1 April, just after the fifth spotlight: the next is Wednesday 8 April at 09:00.
    expect(await nextSpotlight(p.sara, p.channels.north)).toBe(
      [
        "Nästa produkt i fokus för Sales North: *Widget Pro*, onsdag 8 april kl. 09:00.",
        "Sedan: Ärlig Kaffe, Bänk Deluxe och Cloud Backup.",
        "Varje gång hamnar den produkt i fokus som visades för längst sedan (en ny först), i teamkanalen, med sina säljargument och senaste affärer.",
      ].join("\n"),
    );
    expect((await nextSpotlight(p.alice, p.channels.north)).split("\n")[0]).toBe(
      "Next in the product spotlight of Sales North: *Widget Pro*, Wednesday, April 8 at 9:00 AM.",
    );
    await saveRoutine(
      h.database.db,
      { workspaceId, teamId: north.id, routine: "spotlight", by: p.sara, at: new Date() },
      { enabled: false, days: [3], time: "09:00" },
    );
    expect((await nextSpotlight(p.sara, p.channels.north)).split("\n")[0]).toBe(
      "Produktfokus är avstängt för Sales North. När det är på kommer *Widget Pro* härnäst.",
    );
    expect((await nextSpotlight(p.olle, p.channels.south)).split("\n")[0]).toBe(
      "Sales South has no products on its list, so there is nothing to put in the spotlight. The team's supervisors add products with `/product add`.",
    );
  });
});

describe("the post", () => {
  beforeAll(async () => {
    await startOver();
    await command(
      p.olle,
      p.channels.south,
      "/product",
      "add Widget Pro | Installs in under an hour | Five-year warranty & free <support>",
    );
    await command(p.olle, p.channels.south, "/product", "add Zen Lamp | Bright");
    // Older than 30 days by the spotlight: not among the latest wins.
    await sale(p.cecilia, p.channels.south, "2026-01-20", "9000 Old deal #widget-pro");
    await sale(p.cecilia, p.channels.south, "2026-02-16", "4000 #widget-pro");
    await sale(p.cecilia, p.channels.south, "2026-02-24", "12500 Acme renewal #widget-pro");
    await sale(p.cecilia, p.channels.south, "2026-03-02", "3000 #widget-pro");
    // Another product's sale, and a sale taken back: neither counts.
    await sale(p.cecilia, p.channels.south, "2026-03-03", "20000 #zen-lamp");
    await sale(p.cecilia, p.channels.south, "2026-03-03", "6000 #widget-pro");
    await sale(p.cecilia, p.channels.south, "2026-03-03", "99000 #widget-pro");
    await command(p.cecilia, p.channels.south, "/quota", "undo");

    await command(
      p.sara,
      p.channels.north,
      "/product",
      "add Ärlig Kaffe | Rostat i Gävle varje vecka | Ekologiskt",
    );
    await sale(p.alice, p.channels.north, "2026-02-27", "1500 #ärlig-kaffe");
    await sale(p.bo, p.channels.north, "2026-03-03", "2 500 kr Kafé Nord #ärlig-kaffe");
  });

  it("in English: the product, its selling points, the three latest wins of the last 30 days and how to check in one", async () => {
    await runSlot(south, "2026-03-04T08:00:00.000Z");
    expect(spotlightsIn(p.channels.south)).toEqual([
      [
        ":bulb: Product spotlight: Widget Pro",
        "*Why customers choose it*",
        "• Installs in under an hour",
        "• Five-year warranty &amp; free &lt;support&gt;",
        "*Latest wins with it* (4 sales in the last 30 days)",
        `• <@${p.cecilia}>: SEK\u00a06,000, Tuesday, March 3`,
        `• <@${p.cecilia}>: SEK\u00a03,000, Monday, March 2`,
        `• <@${p.cecilia}>: SEK\u00a012,500, Tuesday, February 24`,
        "Sold one? Check it in with `/quota 5000 #widget-pro`.",
      ].join("\n"),
    ]);
  });

  it("in Swedish, in a Swedish team's channel", async () => {
    await runSlot(north, "2026-03-04T08:00:00.000Z");
    expect(spotlightsIn(p.channels.north)).toEqual([
      [
        ":bulb: Produkt i fokus: Ärlig Kaffe",
        "*Därför väljer kunderna den*",
        "• Rostat i Gävle varje vecka",
        "• Ekologiskt",
        "*Senaste affärerna med den* (2 affärer de senaste 30 dagarna)",
        `• <@${p.bo}>: 2\u00a0500\u00a0kr, tisdag 3 mars`,
        `• <@${p.alice}>: 1\u00a0500\u00a0kr, fredag 27 februari`,
        "Sålt en? Checka in den med `/quota 5000 #ärlig-kaffe`.",
      ].join("\n"),
    ]);
  });

  it("a product with no wins in the last 30 days asks for the first; one with no selling points says how to add them", async () => {
    await command(p.sara, p.channels.north, "/product", "add Ödmjuk Te |");
    await runSlot(north, "2026-03-11T08:00:00.000Z");
    expect(spotlightsIn(p.channels.north).at(-1)).toBe(
      [
        ":bulb: Produkt i fokus: Ödmjuk Te",
        "Inga säljargument nedskrivna än: en handledare lägger till dem med `/product ändra ödmjuk-te`.",
        "Inga affärer med den de senaste 30 dagarna än: bli först!",
        "Sålt en? Checka in den med `/quota 5000 #ödmjuk-te`.",
      ].join("\n"),
    );
  });
});

/** The spotlight a team's slot chose and where it went, as the database keeps it. */
async function kept(team: MadeTeam, slot: string) {
  const rows = await h.database.db.select().from(spotlightPosts).where(eq(spotlightPosts.teamId, team.id));
  return rows.filter((row) => row.slot.toISOString() === slot);
}

/** The spotlight job of a slot queued once more, as the engine does when it runs a job again. */
async function runAgain(team: MadeTeam, slot: string): Promise<void> {
  await h.server.deps.jobs.send("spotlight.post", { workspaceId, teamId: team.id, slot });
  await h.settle();
}

const spotlightCalls = () =>
  h.fake.callsTo("chat.postMessage").filter((call) => String(call.args.text).startsWith(":bulb: "));

describe("one post per slot", () => {
  beforeAll(() => startOver());

  it("a job retried after Slack failed posts the product it chose, once; running it again posts nothing", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    await command(p.olle, p.channels.south, "/product", "add Widget Pro | Installs in under an hour");
    const slot = WEDNESDAYS[0] as string;
    h.fake.failNext("chat.postMessage", "internal_error");
    expect(await runSlot(south, slot)).toBe(true);
    expect(spotlightCalls().map((call) => call.ok)).toEqual([false, true]);
    expect(spotlightsIn(p.channels.south).map(productOf)).toEqual(["Widget Pro"]);

    // A product added since would come first now; the slot keeps the product it chose and its one post.
    await command(p.olle, p.channels.south, "/product", "add Alpha Kit | Small");
    await runAgain(south, slot);
    expect(await runSlot(south, slot)).toBe(false);
    expect(spotlightsIn(p.channels.south).map(productOf)).toEqual(["Widget Pro"]);
    const [row] = await kept(south, slot);
    const [message] = h.fake.world.messagesIn(p.channels.south).filter((m) => m.text?.startsWith(":bulb: "));
    expect(row).toMatchObject({ channelId: p.channels.south, ts: message?.ts });

    await runSlot(south, WEDNESDAYS[1] as string);
    expect(spotlightsIn(p.channels.south).map(productOf)).toEqual(["Widget Pro", "Alpha Kit"]);
  });

  it("a team with no products gets no post: quietly, and the slot is recorded as done", async () => {
    const slot = WEDNESDAYS[0] as string;
    const before = h.fake.callsTo("chat.postMessage").length;
    expect(await runSlot(north, slot)).toBe(true);
    // Not in the channel, and no DM to anyone about it either.
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(before);
    expect(await kept(north, slot)).toMatchObject([{ productId: null, ts: null }]);

    // A product added later is not posted for a slot that has passed, even if its job runs again.
    await command(p.sara, p.channels.north, "/product", "add Ärlig Kaffe | Rostat i Gävle");
    await runAgain(north, slot);
    expect(spotlightsIn(p.channels.north)).toEqual([]);
    await runSlot(north, WEDNESDAYS[1] as string);
    expect(spotlightsIn(p.channels.north).map(productOf)).toEqual(["Ärlig Kaffe"]);
  });
});

describe("who the wins name", () => {
  beforeAll(() => startOver());

  it("a winner on approved leave that day is named, not mentioned; the others are mentioned", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    await command(p.sara, p.channels.north, "/product", "add Ärlig Kaffe | Rostat i Gävle");
    await sale(p.alice, p.channels.north, "2026-03-02", "1500 #ärlig-kaffe");
    await sale(p.bo, p.channels.north, "2026-03-03", "2500 #ärlig-kaffe");
    const { id } = await fileLeave(h, p.alice, p.channels.north, { start: "2026-03-04", end: "2026-03-04" });
    expect(id).toBeGreaterThan(0);
    const request = dmWith(h, p.sara, "4 mars");
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.approve",
      messageTs: request.ts,
      channelId: request.channel,
    });
    await h.settle();

    await runSlot(north, "2026-03-04T08:00:00.000Z");
    const [post] = spotlightsIn(p.channels.north);
    expect(post).toContain(`• <@${p.bo}>: 2\u00a0500\u00a0kr, tisdag 3 mars`);
    expect(post).toContain("• Alice Anderson: 1\u00a0500\u00a0kr, måndag 2 mars");
    expect(post).not.toContain(`<@${p.alice}>`);

    // Back the next week: mentioned again.
    await command(p.sara, p.channels.north, "/product", "add Ödmjuk Te |");
    await runSlot(north, "2026-03-11T08:00:00.000Z");
    await runSlot(north, "2026-03-18T08:00:00.000Z");
    expect(spotlightsIn(p.channels.north).map(productOf)).toEqual([
      "Ärlig Kaffe",
      "Ödmjuk Te",
      "Ärlig Kaffe",
    ]);
    expect(spotlightsIn(p.channels.north).at(-1)).toContain(
      `• <@${p.alice}>: 1\u00a0500\u00a0kr, måndag 2 mars`,
    );
  });

  it("a team that keeps check-ins private hears how many sales there were, not who made them or for how much", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    await command(p.olle, p.channels.south, "/quota", "set private on");
    await command(p.olle, p.channels.south, "/product", "add Widget Pro | Installs in under an hour");
    await sale(p.cecilia, p.channels.south, "2026-03-03", "6000 #widget-pro");
    await runSlot(south, "2026-03-04T08:00:00.000Z");
    expect(spotlightsIn(p.channels.south)).toEqual([
      [
        ":bulb: Product spotlight: Widget Pro",
        "*Why customers choose it*",
        "• Installs in under an hour",
        "*Wins with it:* 1 sale in the last 30 days.",
        "Sold one? Check it in with `/quota 5000 #widget-pro`.",
      ].join("\n"),
    ]);
  });
});
