import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import type { ShownReply } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  // Monday 16 March 2026, 13:00 in Stockholm.
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
    settings: { currency: "SEK" },
  });
  await h.slack.slashCommand({
    userId: p.sara,
    channelId: p.channels.north,
    command: "/quota",
    text: `target <@${p.bo}|bo> 130000`,
  });
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

/** Intl puts no-break spaces in money ("600 000 kr"); people read them as spaces. */
const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

function ephemeralOf(reply: ShownReply | undefined) {
  return reply?.kind === "ephemeral" ? reply.ephemeral : undefined;
}

async function quota(userId: string, text: string) {
  const result = await h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/quota", text });
  await h.settle();
  const message = ephemeralOf(result.reply);
  return { message, shown: spaces(visibleText(message)) };
}

/** What a person sees now of an ephemeral they were shown (it may have been replaced since). */
const nowShown = (userId: string, ts: string | undefined) =>
  h.fake.world.ephemeralsFor(userId).find((e) => e.ts === ts);

const rowsOf = async (repId: string) =>
  (await h.database.db.select().from(checkins).orderBy(checkins.id)).filter((c) => c.repId === repId);
const posts = () => h.fake.world.messagesIn(p.channels.north).length;

describe("a sale far above the usual is asked about first", () => {
  it("asks the rep privately when the sale is more than their whole target, and records nothing yet", async () => {
    const before = posts();
    const { message, shown } = await quota(p.bo, "600 000 kr Jätteorder");
    expect(shown).toContain("Menade du *600 000 kr* (Jätteorder)?");
    expect(shown).toContain("Det är mer än hela ditt mål den här perioden (130 000 kr)");
    expect(buttonsIn(message).map((b) => [spaces(b.text), b.actionId])).toEqual([
      ["Ja, registrera 600 000 kr", "quota.checkin.confirm"],
      ["Avbryt", "quota.checkin.cancel"],
    ]);
    expect(await rowsOf(p.bo)).toEqual([]);
    expect(posts()).toBe(before);
  });

  it("records nothing when the rep cancels, and says so in place of the question", async () => {
    const { message } = await quota(p.bo, "600 000 kr Jätteorder");
    await h.slack.clickButton({ userId: p.bo, actionId: "quota.checkin.cancel", messageTs: message?.ts });
    await h.settle();
    const shown = nowShown(p.bo, message?.ts);
    expect(spaces(visibleText(shown))).toBe(
      "Inget registrerades. Checka in igen med rätt belopp, till exempel `/quota 6000 Acme`.",
    );
    expect(buttonsIn(shown)).toEqual([]);
    expect(await rowsOf(p.bo)).toEqual([]);
  });

  it("records the sale once on the rep's yes, even on a double click, and tells the team once", async () => {
    const before = posts();
    const { message } = await quota(p.bo, "600 000 kr Jätteorder");
    const yes = () =>
      h.slack.clickButton({ userId: p.bo, actionId: "quota.checkin.confirm", messageTs: message?.ts });
    await Promise.all([yes(), yes()]);
    await h.settle();
    const rows = await rowsOf(p.bo);
    expect(rows.map((r) => [r.amountMinor, r.note, r.status])).toEqual([
      [60_000_000, "Jätteorder", "active"],
    ]);
    expect(posts()).toBe(before + 1);
    expect(spaces(visibleText(h.fake.world.messagesIn(p.channels.north).at(-1)))).toContain(
      `<@${p.bo}> checkade in *600 000 kr*: Jätteorder`,
    );
    // The question is replaced by the answer: the buttons are gone.
    const shown = nowShown(p.bo, message?.ts);
    expect(spaces(visibleText(shown))).toContain("Registrerade *600 000 kr*: Jätteorder");
    expect(buttonsIn(shown)).toEqual([]);
  });

  it("never says 'not recorded' about a sale that was: Yes and Cancel of one question exclude each other", async () => {
    // The question is open in two windows; Yes is clicked in one and Cancel in the other, at once.
    const earlier = h.fake.world.ephemeralsFor(p.bo).length;
    const { message } = await quota(p.bo, "700 000 kr Dubbelt");
    const before = (await rowsOf(p.bo)).length;
    const click = (actionId: string) =>
      h.slack.clickButton({ userId: p.bo, actionId, messageTs: message?.ts });
    await Promise.all([click("quota.checkin.confirm"), click("quota.checkin.cancel")]);
    await h.settle();
    const recorded = (await rowsOf(p.bo)).length - before;
    const told = h.fake.world
      .ephemeralsFor(p.bo)
      .slice(earlier)
      .map((e) => spaces(e.text));
    if (recorded === 1) {
      // Yes came first: the sale stands. Both answers replace the question, so it ends with whichever
      // answer Slack got last: the Yes ("Registrerade") or the Cancel's "already recorded", never "not recorded".
      expect(told).toHaveLength(1);
      expect([
        "Registrerade 700 000 kr.",
        "Affären på 700 000 kr var redan registrerad (du svarade ja på den någon annanstans). Ta tillbaka den med `/quota undo`.",
      ]).toContain(told[0]);
      expect(told.some((t) => t.includes("avbröt"))).toBe(false);
    } else {
      expect(recorded).toBe(0);
      expect(told).toContain(
        "Du avbröt den här affären tidigare, så den registrerades inte. Checka in den igen om du menade den.",
      );
    }
    expect(told.filter((t) => t.startsWith("Inget registrerades")).length).toBe(recorded === 1 ? 0 : 1);
  });

  it("asks about any sale above the team's own threshold, for a rep without a target too", async () => {
    const set = await quota(p.sara, "set confirm 50 000");
    expect(set.shown).toBe(
      "Sales North: en incheckning över 50 000 kr (eller över säljarens hela mål) måste bekräftas innan den registreras.",
    );
    const big = await quota(p.alice, "60000 Globex");
    expect(big.shown).toContain("Did you mean *SEK 60,000* (Globex)?");
    expect(big.shown).toContain("Your team asks about any single sale above SEK 50,000");
    const usual = await quota(p.alice, "40000 Initech");
    expect(usual.shown).toContain("Recorded *SEK 40,000*: Initech");
  });

  it("checks a confirmed sale again: a tampered amount above the team's maximum is refused", async () => {
    await quota(p.sara, "set confirm 50 000");
    const before = (await rowsOf(p.alice)).map((r) => r.note);
    const { message } = await quota(p.alice, "60000 Globex");
    const value = buttonsIn(message).find((b) => b.actionId === "quota.checkin.confirm")?.value ?? "";
    const forged = JSON.stringify({ ...JSON.parse(value), a: 99_999_999_999 });
    await h.slack.clickButton({
      userId: p.alice,
      actionId: "quota.checkin.confirm",
      messageTs: message?.ts,
      forgedValue: forged,
    });
    await h.settle();
    const told = h.fake.world.ephemeralsFor(p.alice).at(-1);
    expect(spaces(told?.text)).toContain("is more than one sale can be here (at most SEK 10,000,000)");
    expect((await rowsOf(p.alice)).map((r) => r.note)).toEqual(before);
  });
});
