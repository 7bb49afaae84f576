import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests } from "../../src/features/approvals/schema.js";
import { fileClaim } from "../../src/features/commissions/service.js";
import { checkins } from "../../src/features/quota/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { contextFor } from "../../src/platform/context.js";
import { spaces } from "../support/commands.js";
import { type Harness, startHarness } from "../support/harness.js";
import { dmsOf, openedBy } from "../support/sales-floor.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

// Monday 15 June 2026, 10:00 in Stockholm (Sales North's zone; its currency SEK, its language Swedish).
beforeAll(async () => {
  h = await startHarness({ now: "2026-06-15T08:00:00Z" });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

async function startOver(): Promise<void> {
  await h.reset();
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
}

/** `/commission …` as a person, once what follows it is done; what they were shown, as they read it. */
async function commission(userId: string, text = "") {
  const result = await h.slack.slashCommand({
    userId,
    channelId: p.channels.north,
    command: "/commission",
    text,
  });
  await h.settle();
  const reply = result.reply;
  const message = reply?.kind === "ephemeral" ? reply.ephemeral : undefined;
  return { message, shown: spaces(visibleText(message)) };
}

const openForm = (userId: string) => openedBy(h, userId, () => commission(userId));

interface Form {
  deal?: string;
  customer?: string;
  dealAmount?: string;
  commission?: string;
  rate?: string;
  closedOn?: string;
  checkin?: string;
  note?: string;
}

function submit(userId: string, form: Form) {
  const values: Record<string, Record<string, unknown>> = {
    deal: { value: form.deal ?? "Acme renewal" },
    customer: { value: form.customer ?? "Acme AB" },
    dealAmount: { value: form.dealAmount ?? "12 500" },
    commission: { value: form.commission ?? "" },
    rate: { value: form.rate ?? "" },
    note: { value: form.note ?? "" },
  };
  if (form.closedOn) values.closedOn = { value: form.closedOn };
  if (form.checkin) values.checkin = { value: form.checkin };
  return h.slack.submitView({ userId, values });
}

/** Files a claim through the form and returns its id. */
async function file(userId: string, form: Form): Promise<number> {
  await openForm(userId);
  const result = await submit(userId, form);
  expect(result.errors).toBeUndefined();
  expect(result.responseAction).toBe("update");
  await h.settle();
  const rows = await h.database.db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.requesterId, userId), eq(approvalRequests.kind, "commission")));
  const id = rows.at(-1)?.id;
  if (!id) throw new Error("nothing filed");
  return id;
}

/** Sara decides from the DM the claim brought her. */
async function approve(requestId: number): Promise<void> {
  const dm = dmsOf(h, p.sara).find(
    (m) =>
      buttonsOf(m).includes("approvals.approve") &&
      m.blocks?.some((b) => JSON.stringify(b).includes(`"value":"${requestId}"`)),
  );
  if (!dm) throw new Error(`no DM with buttons for claim ${requestId}`);
  await h.slack.clickButton({
    userId: p.sara,
    actionId: "approvals.approve",
    messageTs: dm.ts,
    channelId: h.fake.world.dmChannelOf(p.sara),
  });
  await h.settle();
}

async function checkIn(userId: string, text: string): Promise<number> {
  await h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/quota", text });
  await h.settle();
  const [row] = await h.database.db
    .select()
    .from(checkins)
    .where(eq(checkins.repId, userId))
    .orderBy(checkins.id)
    .then((rows) => rows.slice(-1));
  if (!row) throw new Error(`no check-in for /quota ${text}`);
  return row.id;
}

describe("a rep's commission claim, from the form to payroll", () => {
  let aliceSale: number;
  let claimId: number;

  beforeAll(async () => {
    await startOver();
    aliceSale = await checkIn(p.alice, "12500 Acme renewal");
  });

  it("offers the rep's own recent check-ins in the form, in the rep's language", async () => {
    await checkIn(p.bo, "9000 Bo's deal");
    const form = await openForm(p.alice);
    const text = spaces(visibleText(form));
    expect(text).toContain("Claim commission");
    expect(text).toContain(`Your claim goes to <@${p.sara}> (Sales North). Amounts are in SEK.`);
    expect(text).toContain("Deal amount (SEK)");
    const select = JSON.stringify(form.blocks);
    expect(select).toContain(`"value":"${aliceSale}"`);
    expect(spaces(select)).toContain("Mon, Jun 15, 2026 · SEK 12,500 · Acme renewal");
    expect(select).not.toContain("Bo's deal");
  });

  it("puts every problem on its field, in English for Alice, and files nothing", async () => {
    await openForm(p.alice);
    const blank = await submit(p.alice, {
      deal: "   ",
      customer: " ",
      dealAmount: "a lot",
      closedOn: "2026-06-12",
    });
    expect(blank.errors).toEqual({
      deal: "Name the deal.",
      customer: "Name the customer.",
      dealAmount: "Write a positive amount in SEK, for example 12 500, 12,5k or 1.2m.",
      commission: "Give the commission as an amount, or a rate below.",
    });
    const both = await submit(p.alice, { commission: "1 250", rate: "10", closedOn: "2026-06-12" });
    expect(both.errors).toEqual({
      rate: "Give the commission amount or the rate, not both: leave one of them empty.",
    });
    const rate = await submit(p.alice, { rate: "150", closedOn: "2026-06-12" });
    expect(rate.errors).toEqual({
      rate: "Write the rate as a percentage above 0 and at most 100, for example 10 or 7.5.",
    });
    const above = await submit(p.alice, { commission: "20 000", closedOn: "2026-06-12" });
    expect(above.errors).toEqual({ commission: "The commission can't be more than the deal amount." });
    const dollars = await submit(p.alice, { dealAmount: "$12,500", rate: "10", closedOn: "2026-06-12" });
    expect(dollars.errors).toEqual({ dealAmount: "Claims are in your team's currency, SEK." });
    const future = await submit(p.alice, { rate: "10", closedOn: "2026-06-16" });
    expect(future.errors).toEqual({
      closedOn: "That day hasn't come yet. Commission is claimed once a deal has closed: today or earlier.",
    });
    // The close date is a required field: Slack's own client asks for it before anything is sent.
    await openForm(p.alice);
    const undated = await submit(p.alice, { rate: "10" });
    expect(undated.responseAction).toBe("not_sent");
    expect(Object.keys(undated.clientErrors ?? {})).toEqual(["closedOn"]);

    // A check-in taken back after the form was opened can no longer be linked.
    const later = await checkIn(p.alice, "700 Small add-on");
    await openForm(p.alice);
    await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/quota",
      text: "undo",
    });
    await h.settle();
    const gone = await submit(p.alice, { rate: "10", closedOn: "2026-06-12", checkin: String(later) });
    expect(gone.errors).toEqual({
      checkin: "That check-in no longer counts (taken back or removed). Pick another, or none.",
    });
    const filed = await h.database.db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.kind, "commission"));
    expect(filed).toEqual([]);
  });

  it("refuses a check-in that is not the requester's (a form Slack did not send)", async () => {
    const [boSale] = await h.database.db.select().from(checkins).where(eq(checkins.repId, p.bo));
    const ctx = contextFor(h.server.deps, { workspaceId: h.fake.world.workspace.teamId, userId: p.alice });
    const result = await fileClaim(ctx, {
      deal: "Acme renewal",
      customer: "Acme AB",
      dealAmount: "12 500",
      commission: "",
      rate: "10",
      closedOn: "2026-06-12",
      checkinId: boSale?.id ?? 0,
      note: "",
    });
    expect(result).toEqual({
      ok: false,
      errors: { checkin: { key: "commissions.invalid.checkinNotYours" } },
    });
  });

  it("sends the claim to Sara in Swedish with the deal, the rate, the check-in and what is approved so far", async () => {
    await openForm(p.alice);
    const sent = await submit(p.alice, {
      deal: "Acme renewal",
      customer: 'Acme, "Inc"',
      dealAmount: "12 500",
      rate: "10",
      closedOn: "2026-06-12",
      checkin: String(aliceSale),
      note: "Signed on Friday",
    });
    expect(sent.errors).toBeUndefined();
    expect(spaces(visibleText(sent.view))).toContain(
      `Sent: Acme renewal (Acme, "Inc"): SEK 1,250 commission on SEK 12,500, closed Fri, Jun 12, 2026. <@${p.sara}> decides; you get a DM with the answer.`,
    );
    await h.settle();
    const [request] = await h.database.db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.kind, "commission"));
    claimId = request?.id ?? 0;
    const dm = dmsOf(h, p.sara).at(-1);
    const text = spaces(visibleText(dm));
    expect(text).toContain(`<@${p.alice}> ber om ditt godkännande.`);
    expect(text).toContain(
      '*Acme renewal (Acme, "Inc"): 1 250 kr i provision på 12 500 kr, avslutad fre 12 juni 2026*',
    );
    expect(text).toContain('*Affär:* Acme renewal\n*Kund:* Acme, "Inc"');
    expect(text).toContain("*Affärens belopp:* 12 500 kr");
    expect(text).toContain("*Provision:* 1 250 kr (10 % av affärens belopp, som begärt)");
    expect(text).toContain("*Avslutad:* fre 12 juni 2026");
    expect(text).toContain("*Hens incheckning:* mån 15 juni 2026, 12 500 kr, Acme renewal");
    expect(text).toContain("*Anteckning:* Signed on Friday");
    expect(text).toContain("*Godkänt för hen hittills under juni 2026:* inget än.");
    expect(buttonsOf(dm)).toEqual(["approvals.approve", "approvals.deny"]);
    expect(dmsOf(h, p.alice).some((m) => buttonsOf(m).includes("approvals.approve"))).toBe(false);
  });

  it("approves: Alice is told in English, Sara's DM shows who decided and the total so far", async () => {
    await approve(claimId);
    expect(dmsOf(h, p.alice).at(-1)?.text).toBe(
      `:white_check_mark: <@${p.sara}> approved your request: Acme renewal (Acme, "Inc"): SEK\u00a01,250 commission on SEK\u00a012,500, closed Fri, Jun 12, 2026.`,
    );
    const dm = dmsOf(h, p.sara).find((m) => visibleText(m).includes("Acme renewal"));
    const updated = h.fake.world.message(h.fake.world.dmChannelOf(p.sara) ?? "", dm?.ts ?? "");
    expect(buttonsOf(updated)).toEqual([]);
    const text = spaces(visibleText(updated));
    expect(text).toContain(`Godkänd av <@${p.sara}>.`);
    expect(text).toContain("*Godkänt för hen hittills under juni 2026:* 1 250 kr (1 begäran).");
  });

  it("refuses a second claim on a sale that is claimed already, on the check-in field", async () => {
    await openForm(p.alice);
    const again = await submit(p.alice, {
      deal: "Acme renewal, again",
      customer: "Acme AB",
      dealAmount: "12 500",
      rate: "10",
      closedOn: "2026-06-12",
      checkin: String(aliceSale),
    });
    expect(again.errors).toEqual({
      checkin: "That sale is in your claim for Acme renewal already (approved). A sale pays commission once.",
    });
    await h.slack.closeView({ userId: p.alice });
  });

  it("lists a rep's claims with Cancel on the pending ones, and takes one back", async () => {
    // Bo, in Swedish: the form's problems in his words, a commission amount with öre, a claim he takes back.
    await openForm(p.bo);
    const wrong = await submit(p.bo, { deal: " ", dealAmount: "0", rate: "0", closedOn: "2026-06-20" });
    expect(wrong.errors).toEqual({
      deal: "Ange affären.",
      dealAmount: "Skriv ett positivt belopp i SEK, till exempel 12 500, 12,5k eller 1,2m.",
      rate: "Skriv procentsatsen som ett tal över 0 och högst 100, till exempel 10 eller 7,5.",
      closedOn:
        "Den dagen har inte kommit än. Provision begärs när en affär är avslutad: i dag eller tidigare.",
    });
    const bo = await file(p.bo, {
      deal: "Nordic Ltd, ramavtal",
      customer: "Nordic Ltd",
      dealAmount: "50 000",
      commission: "2 000,50",
      closedOn: "2026-06-01",
    });
    await approve(bo);
    await file(p.bo, { deal: "Pending deal", commission: "100", closedOn: "2026-06-10" });
    const list = await commission(p.bo, "lista");
    expect(list.shown).toContain("Mina provisionsbegäranden");
    expect(list.shown).toContain(
      "• Pending deal (Acme AB): 100 kr i provision på 12 500 kr, avslutad ons 10 juni 2026: väntar på beslut",
    );
    expect(list.shown).toContain(
      "• Nordic Ltd, ramavtal (Nordic Ltd): 2 000,50 kr i provision på 50 000 kr, avslutad mån 1 juni 2026: godkänd",
    );
    expect(buttonsOf(list.message)).toEqual(["commissions.cancel"]);

    const pick = await commission(p.bo, "avbryt");
    expect(pick.shown).toContain("Vilken begäran vill du återkalla?");
    await h.slack.clickButton({
      userId: p.bo,
      actionId: "commissions.cancel",
      messageTs: pick.message?.ts,
      channelId: p.channels.north,
    });
    await h.settle();
    expect((await commission(p.bo, "avbryt")).shown).toBe(
      "Du har ingen begäran som väntar på beslut, så det finns inget att återkalla.",
    );
    const saraDm = dmsOf(h, p.sara).find((m) => visibleText(m).includes("Pending deal"));
    const updated = h.fake.world.message(h.fake.world.dmChannelOf(p.sara) ?? "", saraDm?.ts ?? "");
    expect(visibleText(updated)).toContain(`Återkallad av <@${p.bo}>.`);
    expect(buttonsOf(updated)).toEqual([]);
  });

  it("exports June's approved claims as a CSV to Sara's DM; other months and undecided claims stay out", async () => {
    // Approved, but the deal closed in May; and one still waiting for a decision.
    await approve(await file(p.alice, { deal: "May deal", commission: "500", closedOn: "2026-05-29" }));
    await file(p.alice, { deal: "Undecided", commission: "300", closedOn: "2026-06-11" });

    const asked = await commission(p.sara, "export 2026-06");
    expect(asked.shown).toBe(
      "Exporten av godkända provisionsbegäranden för affärer avslutade under juni 2026 (Sales North) är på väg till ditt DM.",
    );
    const audited = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "commissions.claims.export",
    });
    expect(audited.map((a) => [a.actorId, a.subjectId])).toEqual([[p.sara, "2026-06"]]);
    const files = h.fake.world.allFiles();
    expect(files).toHaveLength(1);
    const [csvFile] = files;
    expect(csvFile?.name).toBe("commission-claims-2026-06.csv");
    expect(csvFile?.title).toBe("Provision, juni 2026");
    const dm = h.fake.world.dmChannelOf(p.sara) ?? "";
    expect(csvFile?.channels).toEqual([dm]);
    const shared = h.fake.world.messagesIn(dm).at(-1);
    expect(shared?.files?.map((f) => f.id)).toEqual([csvFile?.id]);
    expect(spaces(shared?.text)).toBe(
      "Godkända provisionsbegäranden för affärer avslutade under juni 2026 (Sales North): 2 begäranden, 3 250,50 kr i provision.",
    );

    const csv = Buffer.from(csvFile?.bytes ?? []).toString("utf8");
    expect(csv).toContain('"Acme, ""Inc"""');
    const rows = parse(csv, { bom: true }) as string[][];
    const [header, ...claims] = rows;
    expect(header).toEqual([
      "claim_id",
      "rep_name",
      "rep_id",
      "team",
      "deal",
      "customer",
      "closed_on",
      "deal_amount",
      "commission",
      "currency",
      "approved_by_name",
      "approved_by_id",
      "approved_at",
    ]);
    const decided = await h.database.db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.kind, "commission"));
    const at = (requester: string, closedOnDeal: number) =>
      decided
        .filter((r) => r.requesterId === requester && r.status === "approved")
        .map((r) => r.decidedAt?.toISOString().replace(/\.\d{3}Z$/, "Z"))[closedOnDeal];
    // By close date: Bo's of 1 June, then Alice's of 12 June.
    expect(claims).toEqual([
      [
        expect.any(String),
        "Bo Berg",
        p.bo,
        "Sales North",
        "Nordic Ltd, ramavtal",
        "Nordic Ltd",
        "2026-06-01",
        "50000.00",
        "2000.50",
        "SEK",
        "Sara Svensson",
        p.sara,
        at(p.bo, 0),
      ],
      [
        String(claimId),
        "Alice Anderson",
        p.alice,
        "Sales North",
        "Acme renewal",
        'Acme, "Inc"',
        "2026-06-12",
        "12500.00",
        "1250.00",
        "SEK",
        "Sara Svensson",
        p.sara,
        at(p.alice, 0),
      ],
    ]);
  });

  it("refuses a rep politely; says when there is nothing to export; retries an outage, explains a refusal", async () => {
    const refused = await commission(p.alice, "export 2026-06");
    expect(refused.shown).toBe(
      `Only supervisors, executives and admins export commission claims for payroll. Your supervisor <@${p.sara}> can.`,
    );
    expect(h.fake.world.allFiles()).toHaveLength(1);
    expect(
      await listAudit(h.database.db, h.fake.world.workspace.teamId, {
        action: "commissions.claims.export",
        actorId: p.alice,
      }),
    ).toEqual([]);
    const usage = await commission(p.sara, "export juni");
    expect(usage.shown).toContain("Ange vilken period: `/commission export 2026-06`");

    // July: nothing approved yet. "this" is the team's quota period (a month).
    h.clock.set("2026-07-02T08:00:00Z");
    const empty = await commission(p.sara, "export");
    expect(empty.shown).toContain("juli 2026 (Sales North) är på väg till ditt DM");
    expect(dmsOf(h, p.sara).at(-1)?.text).toBe(
      "Inga godkända provisionsbegäranden för affärer avslutade under juli 2026 (Sales North), så det finns ingen fil att skicka.",
    );
    expect(h.fake.world.allFiles()).toHaveLength(1);
    // Slack down for a moment: the job tries again and the file arrives once.
    h.fake.failNext("files.completeUploadExternal", "internal_error");
    await commission(p.sara, "export 2026-06");
    expect(h.fake.world.allFiles().filter((f) => f.channels.length > 0)).toHaveLength(2);
    // Slack refusing the file for good: Sara is told why, in her words.
    h.fake.failNext("files.getUploadURLExternal", "file_uploads_disabled");
    await commission(p.sara, "export 2026-06");
    expect(dmsOf(h, p.sara).at(-1)?.text).toBe(
      "Exporten för juni 2026 kunde inte skickas: Slack tog inte emot filen (file_uploads_disabled). En administratör kan ha stängt av filuppladdning; fråga hen och försök sedan igen.",
    );
    // "last" is June again, for an admin too (Ada, English): every team.
    const last = await commission(p.ada, "export last");
    expect(last.shown).toBe(
      "The export of approved commission claims closed in June 2026 (Sales North) is on its way to your DM.",
    );
    const shared = h.fake.world.allFiles().filter((f) => f.channels.length > 0);
    expect(shared).toHaveLength(3);
    expect(shared.at(-1)?.channels).toEqual([h.fake.world.dmChannelOf(p.ada)]);
  });

  it("helps in both languages and tells someone in no team who can add them", async () => {
    expect((await commission(p.bo, "hjälp")).shown).toContain("`/commission lista`: mina begäranden");
    expect((await commission(p.alice, "help")).shown).toContain("`/commission list`: my claims");
    expect((await commission(p.cecilia)).shown).toBe(
      "Du är inte med i något team, så det finns ingen som kan godkänna provision åt dig. Be en administratör lägga till dig med `/team add`.",
    );
    expect((await commission(p.alice, "bonus")).shown).toBe(
      'I don\'t know "/commission bonus". `/commission help` lists what I can do.',
    );
  });
});
