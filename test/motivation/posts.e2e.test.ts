import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motivationPosts } from "../../src/features/motivation/schema.js";
import { checkins, quotaTargets } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import {
  checkInAt,
  motivationCommand,
  plainSpaces,
  replyText,
  runSlot,
  slotsOf,
} from "../support/motivation.js";
import { dmsOf, dmWith } from "../support/sales-floor.js";
import { visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

/**
 * The motivation post as Sales North reads it in its channel: made from a seeded fortnight of check-ins
 * and targets, word for word in Swedish and in English; a rep on leave not named even when on top;
 * nothing posted when there is nothing true to say; one post per slot however often its job runs.
 */
let h: Harness;
let p: Harness["people"];
let teamId = 0;
let workspaceId = "";

beforeAll(async () => {
  h = await startHarness({ now: "2026-02-26T09:00:00Z", adminUserIds: (people) => [people.ada] });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/** Sales North (Sara; Alice and Bo) made afresh on 26 February, speaking `language` in its channel. */
async function startOver(language: "sv" | "en"): Promise<void> {
  await h.reset();
  h.clock.set("2026-02-26T09:00:00Z");
  const team = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
    settings: { language },
  });
  teamId = team.id;
  const [row] = await h.database.db.select().from(teams).where(eq(teams.id, team.id));
  workspaceId = row?.workspaceId ?? "";
}

/**
 * A fortnight of selling (10:00 in Stockholm each day): Alice sold 20 000 kr on Friday 27 February (the
 * month before), then 10 000 on 3 March, 15 000 on the 9th, 20 000 on the 10th and 20 000 on the 11th;
 * Bo 5 000 on the 2nd and the 4th and 8 000 on the 10th. Sara set March targets on the 2nd: Alice
 * 100 000, Bo 90 000 (the team's target is their sum, 190 000).
 */
async function seedFortnight(): Promise<void> {
  await checkInAt(h, p.alice, "2026-02-27T09:00:00Z", 20_000);
  h.clock.set("2026-03-02T09:00:00Z");
  for (const text of [`target <@${p.alice}> 100000`, `target <@${p.bo}> 90000`]) {
    await h.slack.slashCommand({ userId: p.sara, channelId: p.channels.north, command: "/quota", text });
  }
  await checkInAt(h, p.bo, "2026-03-02T09:00:00Z", 5_000);
  await checkInAt(h, p.alice, "2026-03-03T09:00:00Z", 10_000);
  await checkInAt(h, p.bo, "2026-03-04T09:00:00Z", 5_000);
  await checkInAt(h, p.alice, "2026-03-09T09:00:00Z", 15_000);
  await checkInAt(h, p.alice, "2026-03-10T09:00:00Z", 20_000);
  await checkInAt(h, p.bo, "2026-03-10T09:05:00Z", 8_000);
  await checkInAt(h, p.alice, "2026-03-11T09:00:00Z", 20_000);
  expect(await h.database.db.select().from(checkins)).toHaveLength(8);
  expect(await h.database.db.select().from(quotaTargets)).toHaveLength(2);
}

/** The channel's messages since `count` of them were there (check-in announcements are there too). */
const postsSince = (count: number) => h.fake.world.messagesIn(p.channels.north).slice(count);
const channelCount = () => h.fake.world.messagesIn(p.channels.north).length;

// Thursday 12 March 2026, 08:30 in Stockholm: a slot of the default schedule.
const THURSDAY = "2026-03-12T07:30:00Z";
const MONDAY = "2026-03-16T07:30:00Z";

describe("a seeded fortnight, in Swedish", () => {
  beforeAll(async () => {
    await startOver("sv");
    await seedFortnight();
  });

  it("Thursday's post says, word for word, the progress with pace, the top, the mover, milestones and streaks", async () => {
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, THURSDAY);
    const posted = postsSince(before);
    expect(posted).toHaveLength(1);
    expect(plainSpaces(posted[0]?.text)).toBe(
      [
        "Nu kör vi, Sales North! :raised_hands:",
        "*Sales North* har sålt för 83 000 kr av 190 000 kr den här månaden: 44 % av målet, med 36 % av arbetsdagarna passerade. Det är före takten. :rocket:",
        `:star2: Hyllning till periodens topp: <@${p.alice}> (65 000 kr, 65 % av målet) och <@${p.bo}> (18 000 kr, 20 % av målet).`,
        `:chart_with_upwards_trend: Veckans klättrare: <@${p.alice}>, 55 000 kr de senaste 7 dagarna mot 30 000 kr de 7 dagarna innan.`,
        [
          ":tada: *Milstolpar*",
          `• <@${p.alice}> är halvvägs till sitt mål på 100 000 kr.`,
          "• Teamrekord: 83 000 kr den här månaden, den bästa månaden någonsin (förra rekordet var 20 000 kr).",
          "• Teamrekord: 28 000 kr den 10 mars 2026, den bästa dagen någonsin (förra rekordet var 20 000 kr).",
        ].join("\n"),
        [":fire: *Sviter*", `• <@${p.alice}>: 3 arbetsdagar i rad med en affär`].join("\n"),
      ].join("\n\n"),
    );
    // The blocks say the same, a section each.
    expect(posted[0]?.blocks).toHaveLength(6);
    expect(plainSpaces(visibleText(posted[0]))).toBe(plainSpaces(posted[0]?.text).replace(/\n\n/g, "\n"));
    const [slot] = await slotsOf(h, teamId);
    expect(slot).toMatchObject({ state: "posted", lineKey: "builtin:1", channelId: p.channels.north });
    expect(slot?.ts).toBe(posted[0]?.ts);
  });

  it("the same slot struck three times (three instances), and its job sent again (a retry), posts nothing more", async () => {
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, THURSDAY, 3);
    await h.server.deps.jobs.send("motivation.post", { workspaceId, teamId, slot: THURSDAY });
    await h.settle();
    expect(postsSince(before)).toHaveLength(0);
    expect(await slotsOf(h, teamId)).toHaveLength(1);
  });

  it("Monday's post, with no sale since, tells no milestone again and opens with the next line", async () => {
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, MONDAY, 2);
    const posted = postsSince(before);
    expect(posted).toHaveLength(1);
    expect(plainSpaces(posted[0]?.text)).toBe(
      [
        "God morgon, Sales North: så här ligger vi till.",
        "*Sales North* har sålt för 83 000 kr av 190 000 kr den här månaden: 44 % av målet, med 45 % av arbetsdagarna passerade. Precis i takt. :muscle:",
        `:star2: Hyllning till periodens topp: <@${p.alice}> (65 000 kr, 65 % av målet) och <@${p.bo}> (18 000 kr, 20 % av målet).`,
        `:chart_with_upwards_trend: Veckans klättrare: <@${p.alice}>, 55 000 kr de senaste 7 dagarna mot 10 000 kr de 7 dagarna innan.`,
      ].join("\n\n"),
    );
  });

  it("a run that claimed its slot and died before Slack answered is retried: one post, with the line it claimed", async () => {
    const slot = new Date("2026-03-19T07:30:00Z");
    await h.database.db.insert(motivationPosts).values({
      workspaceId,
      teamId,
      slot,
      state: "claimed",
      lineKey: "builtin:7",
      factsAt: slot,
    });
    const before = channelCount();
    h.clock.set(slot.toISOString());
    await h.server.deps.jobs.send("motivation.post", { workspaceId, teamId, slot: slot.toISOString() });
    await h.settle();
    await h.server.deps.jobs.send("motivation.post", { workspaceId, teamId, slot: slot.toISOString() });
    await h.settle();
    const posted = postsSince(before);
    expect(posted).toHaveLength(1);
    expect(plainSpaces(posted[0]?.text).split("\n")[0]).toBe(
      "Dags för en snabb titt på siffrorna, Sales North.",
    );
  });

  it("Sara's preview shows the post as it would be now, only to her; Alice, a rep, is refused politely", async () => {
    h.clock.set("2026-03-19T10:00:00Z");
    const before = channelCount();
    const preview = replyText(await motivationCommand(h, p.sara, "förhandsvisa"));
    expect(preview).toContain(
      "*Förhandsvisning* (bara du ser den): vad ett motivationsinlägg för Sales North skulle säga nu.",
    );
    // Lines 1 and 2 are used (the claimed run's line was never marked): the next post would open with 3.
    expect(preview).toContain("Sales North, varje samtal räknas. Här är ställningen.");
    expect(preview).toContain("*Sales North* har sålt för 83 000 kr av 190 000 kr den här månaden");
    expect(channelCount()).toBe(before);
    const refused = replyText(await motivationCommand(h, p.alice, "preview"));
    expect(refused).toBe(
      `The preview of Sales North's motivation post is for its supervisors (<@${p.sara}>) and admins; the team sees the post itself in its channel.`,
    );
  });
});

describe("the same fortnight, in English", () => {
  beforeAll(async () => {
    await startOver("en");
    await seedFortnight();
  });

  it("Thursday's post, word for word", async () => {
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, THURSDAY);
    const posted = postsSince(before);
    expect(posted).toHaveLength(1);
    expect(plainSpaces(posted[0]?.text)).toBe(
      [
        "Let's go, Sales North! :raised_hands:",
        "*Sales North* has sold SEK 83,000 of SEK 190,000 this month: 44% of the target, with 36% of the working days gone. That is ahead of pace. :rocket:",
        `:star2: Shout-out to the top of the period: <@${p.alice}> (SEK 65,000, 65% of target) and <@${p.bo}> (SEK 18,000, 20% of target).`,
        `:chart_with_upwards_trend: Biggest mover of the week: <@${p.alice}>, SEK 55,000 in the last 7 days against SEK 30,000 in the 7 days before.`,
        [
          ":tada: *Milestones*",
          `• <@${p.alice}> is halfway to their target of SEK 100,000.`,
          "• Team record: SEK 83,000 this month, the best month ever (the record was SEK 20,000).",
          "• Team record: SEK 28,000 on Mar 10, 2026, the best day ever (the record was SEK 20,000).",
        ].join("\n"),
        [":fire: *Streaks*", `• <@${p.alice}>: 3 working days in a row with a sale`].join("\n"),
      ].join("\n\n"),
    );
  });
});

describe("Alice on approved leave on the slot's day", () => {
  beforeAll(async () => {
    await startOver("sv");
    await seedFortnight();
    h.clock.set("2026-03-11T12:00:00Z");
    const { id } = await fileLeave(h, p.alice, p.channels.north, { start: "2026-03-12", end: "2026-03-12" });
    expect(id).toBeGreaterThan(0);
    const request = dmWith(h, p.sara, "12 mars");
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.approve",
      messageTs: request.ts,
      channelId: request.channel,
    });
    await h.settle();
  });

  it("is not named anywhere, though she tops the period, moved most and has a streak; the team's figures stay whole", async () => {
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, THURSDAY);
    const posted = postsSince(before);
    expect(posted).toHaveLength(1);
    const text = plainSpaces(posted[0]?.text);
    expect(text).not.toContain(p.alice);
    expect(JSON.stringify(posted[0]?.blocks)).not.toContain(p.alice);
    expect(text).toBe(
      [
        "Nu kör vi, Sales North! :raised_hands:",
        "*Sales North* har sålt för 83 000 kr av 190 000 kr den här månaden: 44 % av målet, med 36 % av arbetsdagarna passerade. Det är före takten. :rocket:",
        `:star2: Hyllning till periodens topp: <@${p.bo}> (18 000 kr, 20 % av målet). En till av dem är ledig i dag.`,
        [
          ":tada: *Milstolpar*",
          "• Teamrekord: 83 000 kr den här månaden, den bästa månaden någonsin (förra rekordet var 20 000 kr).",
          "• Teamrekord: 28 000 kr den 10 mars 2026, den bästa dagen någonsin (förra rekordet var 20 000 kr).",
        ].join("\n"),
      ].join("\n\n"),
    );
  });
});

describe("nothing true to say", () => {
  beforeAll(async () => {
    await startOver("en");
  });

  it("a team with a target and no sale at all gets no post; the slot is remembered as having nothing, so a retry does nothing", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/quota",
      text: `target <@${p.alice}> 100000`,
    });
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, THURSDAY, 2);
    await h.server.deps.jobs.send("motivation.post", { workspaceId, teamId, slot: THURSDAY });
    await h.settle();
    expect(postsSince(before)).toHaveLength(0);
    expect(await slotsOf(h, teamId)).toMatchObject([{ state: "nothing", lineKey: null, ts: null }]);
    // Sara reads Slack in Swedish: the preview's answer is in her words.
    expect(replyText(await motivationCommand(h, p.sara, "preview"))).toBe(
      "Inget skulle skickas för Sales North nu: inga affärer den här perioden än, och ingen ökning, inget rekord och ingen svit från de senaste dagarna att tala om.",
    );
  });

  it("the first sale makes the next slot worth a post, and it says only what is true", async () => {
    await checkInAt(h, p.bo, "2026-03-13T09:00:00Z", 4_000);
    const before = channelCount();
    await runSlot(h, workspaceId, teamId, MONDAY);
    const posted = postsSince(before);
    expect(posted).toHaveLength(1);
    expect(plainSpaces(posted[0]?.text)).toBe(
      [
        "Let's go, Sales North! :raised_hands:",
        "*Sales North* has sold SEK 4,000 of SEK 100,000 this month: 4% of the target, with 45% of the working days gone. Behind pace for now: SEK 8,000 a working day from here makes it.",
        `:star2: Shout-out to the top of the period: <@${p.bo}> (SEK 4,000).`,
        `:chart_with_upwards_trend: Biggest mover of the week: <@${p.bo}>, SEK 4,000 in the last 7 days against SEK 0 in the 7 days before.`,
        [":tada: *Milestones*", `• <@${p.bo}> made their first sale of the period.`].join("\n"),
      ].join("\n\n"),
    );
  });
});

describe("a team channel Slack refuses for good", () => {
  beforeAll(async () => {
    await startOver("sv");
    await checkInAt(h, p.bo, "2026-03-10T09:00:00Z", 4_000);
    h.fake.world.archiveChannel(p.channels.north);
  });

  it("posts nothing, marks the slot failed and tells Sara once, in her language, what to do", async () => {
    await runSlot(h, workspaceId, teamId, THURSDAY);
    await h.server.deps.jobs.send("motivation.post", { workspaceId, teamId, slot: THURSDAY });
    await h.settle();
    expect(await slotsOf(h, teamId)).toMatchObject([{ state: "failed", ts: null }]);
    const told = dmsOf(h, p.sara).filter((m) => visibleText(m).includes("Motivationsinlägget"));
    expect(told).toHaveLength(1);
    expect(visibleText(told[0])).toBe(
      `Motivationsinlägget för Sales North kunde inte skickas i <#${p.channels.north}>: kanalen finns inte längre eller appen är inte med i den. Bjud in appen till teamets kanal (eller flytta teamet med \`/team\`), så kommer nästa inlägg.`,
    );
  });
});
