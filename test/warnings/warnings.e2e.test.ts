import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalations } from "../../src/features/escalations/schema.js";
import { warnings } from "../../src/features/warnings/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { slash, spaces } from "../support/commands.js";
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
 * Warnings as a supervisor (Sara, Swedish; Olle, English, of another team), an executive (Erik, Swedish)
 * and reps (Alice, English; Bo, Swedish) meet them: from `/warn` and from an escalation's DM, receipt
 * acknowledged by the rep alone, the lists, who may see what, and expiry.
 */
let h: Harness;
let p: Harness["people"];
let workspace: string;
const START = "2026-06-01T08:00:00Z";

beforeAll(async () => {
  h = await startSalesFloor({ now: START });
  p = h.people;
  workspace = h.fake.world.workspace.teamId;
});
afterAll(async () => {
  await h?.close();
});

const now = (dm: { channel: string; ts: string }) => h.fake.world.message(dm.channel, dm.ts);
const lastEphemeral = (userId: string) => spaces(h.fake.world.ephemeralsFor(userId).at(-1)?.text);

const warn = (userId: string, text: string, channelId = p.channels.north) =>
  slash(h, { userId, channelId, command: "/warn", text });

type Block = { block_id?: string; element?: Record<string, unknown> };
const elementOf = (view: { blocks?: unknown[] } | undefined, blockId: string) =>
  ((view?.blocks ?? []) as Block[]).find((b) => b.block_id === blockId)?.element;

async function warningsOfRep(repId: string) {
  return h.database.db.select().from(warnings).where(eq(warnings.repId, repId));
}

describe("who may warn", () => {
  it("refuses a rep and another team's supervisor, saying who may; and warning oneself", async () => {
    const rep = await warn(p.alice, "@bo");
    expect(rep.shown).toBe(
      `Only the rep's supervisors in Sales North (<@${p.sara}>), executives and admins can do that.`,
    );
    const olle = await warn(p.olle, "@alice", p.channels.south);
    expect(olle.shown).toBe(
      `Only the rep's supervisors in Sales North (<@${p.sara}>), executives and admins can do that.`,
    );
    const self = await warn(p.sara, `<@${p.sara}>`);
    expect(self.shown).toBe("Du kan inte ge dig själv en varning.");
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
    expect(h.fake.world.openViewsOf(p.olle)).toEqual([]);
    expect(await h.database.db.select().from(warnings)).toEqual([]);
  });

  it("answers help and anything it does not understand with the usage, in each one's language", async () => {
    expect((await warn(p.sara, "hjälp")).shown).toContain("`/warn historik @säljare`");
    expect((await warn(p.olle, "please do something", p.channels.south)).shown).toContain(
      "`/warn history @rep`: a rep's active and expired warnings",
    );
  });
});

describe("a warning from /warn, then one from an escalation, to the end", () => {
  let escalationId = 0;
  let saraEscalation = { channel: "", ts: "", message: undefined as DmAt["message"] };
  let erikEscalation = { channel: "", ts: "", message: undefined as DmAt["message"] };
  let aliceDm = { channel: "", ts: "", message: undefined as DmAt["message"] };
  let saraIssuer = { channel: "", ts: "", message: undefined as DmAt["message"] };

  it("Sara warns Alice verbally: the form suggests verbal, fields are checked, Alice gets a DM", async () => {
    const form = await openedBy(h, p.sara, () => warn(p.sara, "@alice"));
    expect(elementOf(form, "rep")?.initial_user).toBe(p.alice);
    expect(visibleText(form)).toContain(`*Förslag: muntlig.* <@${p.alice}> har inga aktiva varningar.`);
    expect((elementOf(form, "level")?.initial_option as { value: string } | undefined)?.value).toBe("verbal");
    expect(elementOf(form, "expiry")?.initial_date).toBe("2027-06-01");
    const wrong = await h.slack.submitView({
      userId: p.sara,
      values: {
        reason: { value: "attendance" },
        details: { value: "   " },
        expiry: { value: "2026-05-01" },
      },
    });
    expect(wrong.responseAction).toBe("errors");
    expect(wrong.errors?.details).toBe("Skriv vad som hände: säljaren läser det i varningen.");
    const past = await h.slack.submitView({
      userId: p.sara,
      values: { details: { value: "Late to three customer meetings in May." } },
    });
    expect(past.errors?.expiry).toBe("Välj en dag efter i dag.");
    const sent = await h.slack.submitView({ userId: p.sara, values: { expiry: { value: "2027-06-01" } } });
    await h.settle();
    expect(sent.responseAction).toBe("update");
    expect(visibleText(sent.view)).toContain(`Varningen (muntlig) gick till <@${p.alice}> som DM.`);
    const alice = latestDmOf(h, p.alice);
    expect(visibleText(alice.message)).toContain(`<@${p.sara}> has issued you a *verbal warning*.`);
    expect(visibleText(alice.message)).toContain("*Reason:* Attendance");
    expect(buttonsOf(alice.message)).toEqual(["warnings.acknowledge"]);
    const audit = await listAudit(h.database.db, workspace, { action: "warnings.issue" });
    expect(audit.length).toBe(1);
  });

  it("Erik escalates Alice from a message; Sara acknowledges; her DM offers Issue a warning", async () => {
    const posted = h.fake.world.postUserMessage(
      p.alice,
      p.channels.north,
      "Not my customer, not my problem.",
    );
    await openedBy(h, p.erik, () =>
      h.slack.messageShortcut({
        userId: p.erik,
        callbackId: "escalations.escalateMessage",
        channelId: p.channels.north,
        messageTs: posted.ts,
      }),
    );
    await h.slack.submitView({
      userId: p.erik,
      values: { category: { value: "complaint" }, details: { value: "Rude to a customer, then blamed Bo." } },
    });
    await h.settle();
    const [row] = await h.database.db.select().from(escalations);
    escalationId = row?.id ?? 0;
    saraEscalation = latestDmOf(h, p.sara);
    erikEscalation = latestDmOf(h, p.erik);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "escalations.acknowledge",
      messageTs: saraEscalation.ts,
      channelId: saraEscalation.channel,
    });
    await h.settle();
    const dm = now(saraEscalation);
    expect(visibleText(dm)).toContain(
      "*Aktiva varningar:* muntlig (1 juni 2026, mottagandet ännu inte bekräftat)",
    );
    expect(buttonsOf(dm)).toEqual([
      "escalations.resolve",
      "warnings.fromEscalation",
      "coaching.fromEscalation",
    ]);
    expect(buttonsOf(now(erikEscalation))).toEqual([]);
  });

  it("a forged Issue a warning by Olle is refused", async () => {
    await forgedClick(h, p.olle, saraEscalation, "warnings.fromEscalation", String(escalationId));
    expect(lastEphemeral(p.olle)).toBe(
      `Only the supervisors of Sales North (<@${p.sara}>) and admins act on this escalation.`,
    );
    expect(h.fake.world.openViewsOf(p.olle)).toEqual([]);
  });

  it("Sara issues a written warning from the escalation: prefilled, linked, written suggested and why", async () => {
    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "warnings.fromEscalation",
        messageTs: saraEscalation.ts,
        channelId: saraEscalation.channel,
      }),
    );
    expect(elementOf(form, "rep")?.initial_user).toBe(p.alice);
    expect((elementOf(form, "escalation")?.initial_option as { value: string } | undefined)?.value).toBe(
      String(escalationId),
    );
    expect((elementOf(form, "level")?.initial_option as { value: string } | undefined)?.value).toBe(
      "written",
    );
    expect(visibleText(form)).toContain(
      `*Förslag: skriftlig.* <@${p.alice}> har en aktiv muntlig varning från 1 juni 2026, så nästa är skriftlig.`,
    );
    const channelsBefore = channelMessages(h).length;
    const sent = await h.slack.submitView({
      userId: p.sara,
      values: {
        reason: { value: "conduct" },
        details: { value: "Rude to a customer on the phone; it must not happen again." },
      },
    });
    await h.settle();
    expect(sent.responseAction).toBe("update");
    expect(channelMessages(h).length).toBe(channelsBefore);
    const [written] = (await warningsOfRep(p.alice)).filter((w) => w.level === "written");
    expect(written).toMatchObject({
      escalationId,
      issuedBy: p.sara,
      expiresOn: "2027-06-01",
      acknowledgedAt: null,
    });

    aliceDm = latestDmOf(h, p.alice);
    const text = visibleText(aliceDm.message);
    expect(text).toContain(`<@${p.sara}> has issued you a *written warning*.`);
    expect(text).toContain("*Reason:* Conduct");
    expect(text).toContain("Rude to a customer on the phone");
    expect(text).toContain("*Counts until:* Jun 1, 2027");
    expect(text).not.toContain(p.erik);
    expect(text).not.toMatch(/escalat/i);
    expect(buttonsOf(aliceDm.message)).toEqual(["warnings.acknowledge"]);

    saraIssuer = latestDmOf(h, p.sara);
    expect(visibleText(saraIssuer.message)).toContain(`Du gav <@${p.alice}> en *skriftlig varning*.`);
    expect(visibleText(saraIssuer.message)).toContain(`Väntar på att <@${p.alice}> bekräftar mottagandet.`);

    expect(visibleText(now(erikEscalation))).toContain(
      `*Varning under den här eskaleringen:* skriftlig, utfärdad av <@${p.sara}> 1 juni 2026; mottagandet ännu inte bekräftat.`,
    );
    expect(visibleText(now(saraEscalation))).toContain("*Aktiva varningar:* skriftlig (1 juni 2026");
  });

  it("a forged Acknowledge receipt by Sara changes nothing and says who may", async () => {
    const [written] = (await warningsOfRep(p.alice)).filter((w) => w.level === "written");
    await forgedClick(h, p.sara, aliceDm, "warnings.acknowledge", String(written?.id));
    expect(lastEphemeral(p.sara)).toBe(
      `Bara <@${p.alice}>, som fick varningen, kan bekräfta att den tagits emot.`,
    );
    const [after] = (await warningsOfRep(p.alice)).filter((w) => w.level === "written");
    expect(after?.acknowledgedAt).toBeNull();
  });

  it("Alice acknowledges receipt (twice: one effect); Sara is told; Erik's DM shows it", async () => {
    const saraDmsBefore = dmsOf(h, p.sara).length;
    const click = () =>
      h.slack.clickButton({
        userId: p.alice,
        actionId: "warnings.acknowledge",
        messageTs: aliceDm.ts,
        channelId: aliceDm.channel,
      });
    h.clock.set("2026-06-01T09:30:00Z");
    await Promise.all([click(), click()]);
    await h.settle();
    const answers = h.fake.world
      .ephemeralsFor(p.alice)
      .slice(-2)
      .map((e) => spaces(e.text))
      .sort();
    expect(answers[0]).toBe("Thank you: receipt acknowledged. Your supervisor sees it.");
    expect(answers[1]).toMatch(
      /^You acknowledged receipt already, on Jun 1, 2026, 11:30 AM; nothing changed\.$/,
    );
    const [written] = (await warningsOfRep(p.alice)).filter((w) => w.level === "written");
    expect(written?.acknowledgedAt?.toISOString()).toBe("2026-06-01T09:30:00.000Z");
    expect((await listAudit(h.database.db, workspace, { action: "warnings.acknowledge" })).length).toBe(1);

    const alice = now(aliceDm);
    expect(buttonsOf(alice)).toEqual([]);
    expect(spaces(visibleText(alice))).toContain("Receipt acknowledged on Jun 1, 2026, 11:30 AM.");
    const told = dmsOf(h, p.sara).slice(saraDmsBefore);
    expect(told.map((m) => spaces(visibleText(m)))).toEqual([
      `<@${p.alice}> bekräftade 1 juni 2026 11:30 mottagandet av varningen (skriftlig) från <@${p.sara}>.`,
    ]);
    expect(spaces(visibleText(now(saraIssuer)))).toContain(
      `<@${p.alice}> bekräftade mottagandet 1 juni 2026 11:30.`,
    );
    expect(visibleText(now(erikEscalation))).toContain(
      `*Varning under den här eskaleringen:* skriftlig, utfärdad av <@${p.sara}> 1 juni 2026; mottagandet bekräftat.`,
    );
  });

  it("Sara resolves the escalation; Erik's DM shows it resolved, the warning still there", async () => {
    await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "escalations.resolve",
        messageTs: saraEscalation.ts,
        channelId: saraEscalation.channel,
      }),
    );
    await h.slack.submitView({ userId: p.sara, values: { note: { value: "Written warning issued." } } });
    await h.settle();
    const erik = visibleText(now(erikEscalation));
    expect(erik).toContain(`Löst av <@${p.sara}>: Written warning issued.`);
    expect(erik).toContain("mottagandet bekräftat");
    expect(buttonsOf(now(saraEscalation))).toEqual([]);
    // Alice heard nothing of the escalation, ever.
    expect(dmsOf(h, p.alice).filter((m) => /escalat|eskaler/i.test(visibleText(m)))).toEqual([]);
  });
});

describe("the form follows the rep chosen in it", () => {
  it("opens empty from /warn and shows the suggestion once a rep is chosen", async () => {
    const form = await openedBy(h, p.sara, () => warn(p.sara, ""));
    expect(visibleText(form)).toContain("Välj säljaren: formuläret föreslår då en nivå");
    await h.slack.chooseUser(
      { userId: p.sara, actionId: "warnings.rep", blockId: "rep", viewId: form.id },
      p.alice,
    );
    await h.settle();
    const updated = h.fake.world.openViewsOf(p.sara).at(-1);
    expect(visibleText(updated)).toContain(
      `*Förslag: slutlig.* <@${p.alice}> har en aktiv skriftlig varning från 1 juni 2026`,
    );
    await h.slack.closeView({ userId: p.sara });
  });
});

describe("who sees a rep's warnings", () => {
  it("lists them for Sara, and audits her read", async () => {
    const shown = (await warn(p.sara, "historik @alice")).shown;
    expect(shown).toContain(`*Varningar för <@${p.alice}>*`);
    expect(shown).toContain("• *Skriftlig varning* (Uppförande), 1 juni 2026 av");
    expect(shown).toContain("• *Muntlig varning* (Närvaro)");
    expect(shown.indexOf("Skriftlig")).toBeLessThan(shown.indexOf("Muntlig"));
    const reads = await listAudit(h.database.db, workspace, { action: "warnings.history.view" });
    expect(reads.map((r) => [r.actorId, r.subjectId])).toEqual([[p.sara, p.alice]]);
  });

  it("refuses Olle (nothing audited as a read) and Alice asking about Bo", async () => {
    const olle = await warn(p.olle, "history @alice", p.channels.south);
    expect(olle.shown).toBe(
      "A rep's warnings and coaching plans are seen only by the rep, the supervisors of Sales North, executives and admins.",
    );
    const alice = await warn(p.alice, "history @bo");
    expect(alice.shown).toBe(
      "A rep's warnings are seen only by the rep, the supervisors of Sales North, executives and admins. You can see your own with `/warn mine`.",
    );
    const reads = await listAudit(h.database.db, workspace, { action: "warnings.history.view" });
    expect(reads.map((r) => r.actorId)).toEqual([p.sara]);
  });

  it("shows Alice her own with /warn mine, unaudited", async () => {
    const shown = (await warn(p.alice, "mine")).shown;
    expect(shown).toContain("*Your warnings*");
    expect(shown).toContain("• *Written warning* (Conduct), Jun 1, 2026 by");
    expect(shown).toContain("receipt acknowledged");
    expect(shown).toContain("• *Verbal warning* (Attendance)");
    expect(shown).toContain("receipt not yet acknowledged");
    const reads = await listAudit(h.database.db, workspace, { action: "warnings.history.view" });
    expect(reads.map((r) => r.actorId)).toEqual([p.sara]);
  });
});

describe("replays and expiry", () => {
  it("issues one warning for a replayed submission", async () => {
    await openedBy(h, p.sara, () => warn(p.sara, "@bo"));
    const first = await h.slack.submitView({
      userId: p.sara,
      values: {
        reason: { value: "performance" },
        details: { value: "No calls logged for two weeks." },
        expiry: { value: "2026-06-10" },
      },
    });
    await h.settle();
    expect(first.responseAction).toBe("update");
    const again = await repost(h, first.payload);
    expect(again.status).toBe(200);
    expect((await warningsOfRep(p.bo)).length).toBe(1);
    expect(dmsOf(h, p.bo).filter((m) => buttonsOf(m).includes("warnings.acknowledge")).length).toBe(1);
  });

  it("drops an expired warning from the suggestion and from mine, keeps it in history", async () => {
    h.clock.set("2026-06-11T08:00:00Z");
    try {
      const form = await openedBy(h, p.sara, () => warn(p.sara, "@bo"));
      expect(visibleText(form)).toContain(`*Förslag: muntlig.* <@${p.bo}> har inga aktiva varningar.`);
      await h.slack.closeView({ userId: p.sara });
      const mine = (await warn(p.bo, "mina")).shown;
      expect(mine).toContain("*Aktiva*\nInga aktiva varningar.");
      expect(mine).toContain("*Utgångna* (de räknas inte längre)\n• ~Muntlig varning~ (Prestation)");
      expect(mine).toContain("gick ut efter 10 juni 2026");
      const history = (await warn(p.sara, "historik @bo")).shown;
      expect(history).toContain("~Muntlig varning~ (Prestation)");
    } finally {
      h.clock.set(START);
    }
  });
});
