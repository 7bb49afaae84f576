import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalations } from "../../src/features/escalations/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { Harness } from "../support/harness.js";
import {
  channelMessages,
  type DmAt,
  dmsOf,
  forgedClick,
  latestDmOf,
  openedBy,
  repost,
  startSalesFloor,
} from "../support/sales-floor.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";

/**
 * Escalations as an executive (Erik, Swedish), a supervisor (Sara, Swedish; Olle, English) and reps
 * (Alice, English) meet them: raised from a message or from nowhere, routed to the rep's supervisors (or
 * the admins), acknowledged and resolved from the DM, the executive's DM following each step.
 */
let h: Harness;
let p: Harness["people"];

// Monday 1 June 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-06-01T08:00:00Z" });
  p = h.people;
  await h.slack.slashCommand({
    userId: p.sara,
    channelId: p.channels.north,
    command: "/quota",
    text: `target <@${p.alice}|alice> 100000`,
  });
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

async function rowOf(id: number) {
  const [row] = await h.database.db.select().from(escalations).where(eq(escalations.id, id));
  return row;
}

async function latestEscalation() {
  const rows = await h.database.db.select().from(escalations);
  return rows.sort((a, b) => a.id - b.id).at(-1);
}

describe("an escalation from a message, handled to the end", () => {
  let id = 0;
  let sara: DmAt = { channel: "", message: undefined, ts: "" };
  let erik: DmAt = { channel: "", message: undefined, ts: "" };
  /** What Slack sent when Erik submitted the form, to deliver again. */
  let submitted: unknown = null;

  it("opens the form with the author as the rep and the message quoted", async () => {
    const posted = h.fake.world.postUserMessage(
      p.alice,
      p.channels.north,
      `Honestly I told the customer <@${p.bo}> would sort it out, not my problem.`,
    );
    const form = await openedBy(h, p.erik, () =>
      h.slack.messageShortcut({
        userId: p.erik,
        callbackId: "escalations.escalateMessage",
        channelId: p.channels.north,
        messageTs: posted.ts,
      }),
    );
    expect(visibleText(form)).toContain("Från ett meddelande i");
    expect(visibleText(form)).toContain("Honestly I told the customer @");
    const meta = JSON.parse(form.private_metadata ?? "{}");
    expect(meta.message.permalink).toMatch(
      new RegExp(`^https://.+\\.slack\\.com/archives/${p.channels.north}/p${posted.ts.replace(".", "")}$`),
    );
    const repInput = (form.blocks as { block_id?: string; element?: { initial_user?: string } }[]).find(
      (b) => b.block_id === "rep",
    );
    expect(repInput?.element?.initial_user).toBe(p.alice);
  });

  it("sends Sara (not Alice, not a channel) the facts and the buttons; tells Erik where it went", async () => {
    const before = channelMessages(h).length;
    const aliceBefore = dmsOf(h, p.alice).length;
    const sent = await h.slack.submitView({
      userId: p.erik,
      values: {
        category: { value: "complaint" },
        details: { value: "She pushed a customer complaint onto a colleague." },
        urgency: { value: "urgent" },
      },
    });
    submitted = sent.payload;
    await h.settle();
    expect(sent.responseAction).toBe("update");
    expect(visibleText(sent.view)).toContain(
      `Skickad till <@${p.sara}>, handledare för Sales North. <@${p.alice}> får inte veta det.`,
    );
    const row = await latestEscalation();
    id = row?.id ?? 0;
    expect(row).toMatchObject({ repId: p.alice, raisedBy: p.erik, status: "open", category: "complaint" });

    const dm = latestDmOf(h, p.sara);
    sara = dm;
    const text = visibleText(dm.message);
    expect(text).toContain(`<@${p.erik}> eskalerade <@${p.alice}> till dig.`);
    expect(text).toContain("*Kategori:* Kundklagomål");
    expect(text).toContain("Brådskande");
    expect(text).toContain("She pushed a customer complaint onto a colleague.");
    expect(text).toContain("Honestly I told the customer");
    expect(text).toContain(`/archives/${p.channels.north}/p`);
    expect(text).toContain("*Kvot den här perioden:* 0");
    expect(text).toContain("Öppen: väntar på att kvitteras.");
    // Warnings and coaching answer the escalation's hook while it is not resolved.
    expect(buttonsOf(dm.message)).toEqual([
      "escalations.acknowledge",
      "escalations.resolve",
      "warnings.fromEscalation",
      "coaching.fromEscalation",
    ]);

    expect(dmsOf(h, p.alice).length).toBe(aliceBefore);
    expect(channelMessages(h).length).toBe(before);

    erik = latestDmOf(h, p.erik);
    expect(visibleText(erik.message)).toContain(`Du eskalerade <@${p.alice}> till <@${p.sara}>.`);
    expect(buttonsOf(erik.message)).toEqual([]);
  });

  it("raises nothing twice when Slack delivers the form again", async () => {
    const before = (await h.database.db.select().from(escalations)).length;
    const saraDms = dmsOf(h, p.sara).length;
    const again = await repost(h, submitted);
    expect(again.status).toBe(200);
    expect((await h.database.db.select().from(escalations)).length).toBe(before);
    expect(dmsOf(h, p.sara).length).toBe(saraDms);
  });

  it("a forged Acknowledge by Alice changes nothing and says who may", async () => {
    await forgedClick(h, p.alice, sara, "escalations.acknowledge", String(id));
    expect(h.fake.world.ephemeralsFor(p.alice).at(-1)?.text).toBe(
      `Only the supervisors of Sales North (<@${p.sara}>) and admins act on this escalation.`,
    );
    expect((await rowOf(id))?.status).toBe("open");
  });

  it("Sara acknowledges; a second click changes nothing and says so; Erik's DM shows it", async () => {
    const click = () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "escalations.acknowledge",
        messageTs: sara.ts,
        channelId: sara.channel,
        forgedValue: String(id),
      });
    // Two clicks before the DM is updated: both reach the app, one acknowledges.
    await Promise.all([click(), click()]);
    await h.settle();
    expect(
      h.fake.world
        .ephemeralsFor(p.sara)
        .slice(-2)
        .map((e) => e.text)
        .sort(),
    ).toEqual([`<@${p.sara}> har redan kvitterat den; inget ändrades.`, `Kvitterad. <@${p.erik}> ser det.`]);
    expect((await rowOf(id))?.acknowledgedBy).toBe(p.sara);
    const acks = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "escalations.acknowledge",
    });
    expect(acks.length).toBe(1);

    const saraNow = h.fake.world.message(sara.channel, sara.ts);
    expect(visibleText(saraNow)).toContain(`Kvitterad av <@${p.sara}>.`);
    expect(buttonsOf(saraNow)).toEqual([
      "escalations.resolve",
      "warnings.fromEscalation",
      "coaching.fromEscalation",
    ]);
    const erikNow = h.fake.world.message(erik.channel, erik.ts);
    expect(visibleText(erikNow)).toContain(`Kvitterad av <@${p.sara}>.`);
  });

  it("Sara resolves with a note: both DMs show it and lose their buttons", async () => {
    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "escalations.resolve",
        messageTs: sara.ts,
        channelId: sara.channel,
      }),
    );
    expect(visibleText(form)).toContain("Vad gjordes?");
    const empty = await h.slack.submitView({ userId: p.sara, values: { note: { value: "  " } } });
    expect(empty.responseAction).toBe("errors");
    const done = await h.slack.submitView({
      userId: p.sara,
      values: { note: { value: "Talked it through with Alice; she calls the customer today." } },
    });
    await h.settle();
    expect(done.responseAction).toBe("update");
    expect(visibleText(done.view)).toContain("Löst.");
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "resolved", resolvedBy: p.sara });

    const saraNow = h.fake.world.message(sara.channel, sara.ts);
    const erikNow = h.fake.world.message(erik.channel, erik.ts);
    for (const message of [saraNow, erikNow]) {
      expect(visibleText(message)).toContain(
        `Löst av <@${p.sara}>: Talked it through with Alice; she calls the customer today.`,
      );
      expect(buttonsOf(message)).toEqual([]);
    }
    // The app never wrote to Alice about it (her DM also holds the forged copy the test put there).
    const aliceDm = h.fake.world.dmChannelOf(p.alice);
    const toAlice = h.fake
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === p.alice || c.args.channel === aliceDm)
      .filter((c) => /escalat|eskaler/i.test(String(c.args.text)));
    expect(toAlice).toEqual([]);
  });

  it("a second Resolve, from a stale copy of the DM or a replayed form, is told it was resolved already", async () => {
    const [channel] = h.fake.world.openDm(p.sara);
    const stale = h.fake.world.postMessage({
      channel,
      text: sara.message?.text ?? "",
      blocks: sara.message?.blocks ?? [],
      asBot: true,
      source: "chat.postMessage",
    });
    const before = h.fake.world.openViewsOf(p.sara).length;
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "escalations.resolve",
      messageTs: stale.ts,
      channelId: channel,
      forgedValue: String(id),
    });
    await h.settle();
    expect(h.fake.world.ephemeralsFor(p.sara).at(-1)?.text).toBe(
      `<@${p.sara}> har redan löst den; inget ändrades.`,
    );
    expect(h.fake.world.openViewsOf(p.sara).length).toBe(before);
    const resolutions = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "escalations.resolve",
    });
    expect(resolutions.length).toBe(1);
  });
});

describe("who may escalate, and where it goes", () => {
  it("refuses a rep and a supervisor, naming who may", async () => {
    const rep = await openedBy(h, p.alice, () =>
      h.slack.globalShortcut({ userId: p.alice, callbackId: "escalations.escalate" }),
    );
    expect(visibleText(rep)).toContain(
      `Only executives and admins can escalate to a supervisor, such as <@${p.erik}> or <@${p.ada}>.`,
    );
    await h.slack.closeView({ userId: p.alice });
    const supervisor = await openedBy(h, p.sara, () =>
      h.slack.globalShortcut({ userId: p.sara, callbackId: "escalations.escalate" }),
    );
    expect(visibleText(supervisor)).toContain(
      `Bara chefer och administratörer kan eskalera till en handledare, till exempel <@${p.erik}> eller <@${p.ada}>.`,
    );
    await h.slack.closeView({ userId: p.sara });
  });

  it("sends one about a rep in no team to the admins, and tells the executive so at once", async () => {
    const form = await openedBy(h, p.erik, () =>
      h.slack.globalShortcut({ userId: p.erik, callbackId: "escalations.escalate" }),
    );
    expect(visibleText(form)).toContain("Vilken säljare?");
    const sent = await h.slack.submitView({
      userId: p.erik,
      values: {
        rep: { value: p.cecilia },
        category: { value: "policy" },
        details: { value: "Skipped the discount approval twice." },
      },
    });
    await h.settle();
    expect(visibleText(sent.view)).toContain(
      `<@${p.cecilia}> är inte med i något team med en handledare, så den gick till administratörerna: <@${p.ada}>.`,
    );
    const ada = latestDmOf(h, p.ada);
    expect(visibleText(ada.message)).toContain(
      `<@${p.erik}> escalated <@${p.cecilia}>, who is in no team with a supervisor, so it came to the admins.`,
    );
    expect(visibleText(ada.message)).toContain("*Category:* Policy not followed");
    expect(buttonsOf(ada.message)).toEqual([
      "escalations.acknowledge",
      "escalations.resolve",
      "warnings.fromEscalation",
      "coaching.fromEscalation",
    ]);
    expect(dmsOf(h, p.cecilia)).toEqual([]);
    expect(dmsOf(h, p.sara).filter((m) => visibleText(m).includes(p.cecilia))).toEqual([]);

    // Olle, a supervisor of another team, may not act on it.
    await forgedClick(h, p.olle, ada, "escalations.acknowledge", String((await latestEscalation())?.id ?? 0));
    expect(h.fake.world.ephemeralsFor(p.olle).at(-1)?.text).toBe(
      "Only admins act on this escalation: the rep is in no team with a supervisor.",
    );
    expect((await latestEscalation())?.status).toBe("open");
  });

  it("escalates a message deleted before its link was read: no link, and the form says so", async () => {
    const posted = h.fake.world.postUserMessage(p.alice, p.channels.north, "Something I regret writing.");
    const held = h.fake.holdNext("chat.getPermalink");
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.erik, 5000);
    const shortcut = h.slack.messageShortcut({
      userId: p.erik,
      callbackId: "escalations.escalateMessage",
      channelId: p.channels.north,
      messageTs: posted.ts,
    });
    await held.arrived;
    h.fake.world.deleteMessage(p.channels.north, posted.ts);
    held.release();
    await shortcut;
    await opened;
    const form = h.fake.world.openViewsOf(p.erik).at(-1);
    expect(visibleText(form)).toContain("Meddelandet har tagits bort");
    expect(visibleText(form)).not.toContain("Something I regret");
    const sent = await h.slack.submitView({
      userId: p.erik,
      values: {
        category: { value: "other" },
        details: { value: "She wrote something rude and deleted it." },
      },
    });
    await h.settle();
    expect(sent.responseAction).toBe("update");
    const row = await latestEscalation();
    expect(row).toMatchObject({ repId: p.alice, permalink: null, excerpt: null, messageTs: posted.ts });
    const sara = latestDmOf(h, p.sara);
    expect(visibleText(sara.message)).toContain("Meddelandet hade tagits bort innan det eskalerades.");
  });
});
