import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests } from "../../src/features/approvals/schema.js";
import { isOnLeave, whoIsOut } from "../../src/features/leave/index.js";
import { leaveAllowances, leaveRequests } from "../../src/features/leave/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { fileLeave, type LeaveForm, leaveValues, openLeaveForm } from "../support/leave.js";
import { dmsOf } from "../support/sales-floor.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

// Monday 1 June 2026, 10:00 in Stockholm. June 2026 in Sweden: 22 weekdays, Midsummer Eve (Fri 19 June)
// off, so 21 working days; National Day (6 June) is a Saturday.
beforeAll(async () => {
  h = await startHarness({ now: "2026-06-01T08:00:00Z" });
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
  await h.settle();
}

async function leave(userId: string, text = "") {
  return h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/leave", text });
}

function replyText(result: Awaited<ReturnType<typeof leave>>): string {
  const reply = result.reply;
  if (reply?.kind === "ephemeral") return visibleText(reply.ephemeral);
  return "";
}

const openForm = (userId: string) => openLeaveForm(h, userId, p.channels.north);

const submit = (userId: string, form: LeaveForm) => h.slack.submitView({ userId, values: leaveValues(form) });

/** Files a request through the form and returns its id. */
async function file(userId: string, form: LeaveForm): Promise<number> {
  const filed = await fileLeave(h, userId, p.channels.north, form);
  expect(filed.errors).toBeUndefined();
  return filed.id;
}

async function click(
  userId: string,
  actionId: string,
  message: { ts: string } | undefined,
  channelId?: string,
) {
  const result = await h.slack.clickButton({ userId, actionId, messageTs: message?.ts, channelId });
  await h.settle();
  return result;
}

describe("a rep's vacation, from the form to the supervisor's approval", () => {
  beforeAll(async () => {
    await startOver();
    expect(replyText(await leave(p.sara, "allowance vacation 25"))).toContain("Semester: 25 dagar om året");
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/quota",
      text: `target <@${p.alice}|alice> 100000`,
    });
    // Bo is away on approved vacation 16-18 June.
    const bo = await file(p.bo, { start: "2026-06-16", end: "2026-06-18" });
    const saraDm = dmsOf(h, p.sara).at(-1);
    expect(visibleText(saraDm)).toContain("Semester, tis 16 juni – tors 18 juni 2026 (3 arbetsdagar)");
    await click(p.sara, "approvals.approve", saraDm, h.fake.world.dmChannelOf(p.sara));
    const [row] = await h.database.db.select().from(approvalRequests).where(eq(approvalRequests.id, bo));
    expect(row?.status).toBe("approved");
  });

  it("puts every problem on its field and files nothing", async () => {
    const before = await h.database.db.select().from(leaveRequests);
    await openForm(p.alice);
    const backwards = await submit(p.alice, { start: "2026-06-19", end: "2026-06-15" });
    expect(backwards.errors).toEqual({ end: "The last day can't be before the first day." });
    const past = await submit(p.alice, { start: "2026-05-28", end: "2026-06-02" });
    expect(past.errors).toEqual({
      start: "The first day has passed. Only sick leave and care of a sick child can be reported afterwards.",
    });
    const weekend = await submit(p.alice, { start: "2026-06-06", end: "2026-06-07" });
    expect(weekend.errors).toEqual({
      end: "Those days are all weekend or public holidays in your team's calendar: there is nothing to take off.",
    });
    const tooMuch = await submit(p.alice, { start: "2026-06-22", end: "2026-08-07" });
    expect(tooMuch.errors).toEqual({
      end: "That is 35 days of vacation, and you have 25 left to request in 2026.",
    });
    const overlapBo = await h.database.db
      .select()
      .from(leaveRequests)
      .where(eq(leaveRequests.requesterId, p.bo));
    expect(overlapBo).toHaveLength(1);
    expect(await h.database.db.select().from(leaveRequests)).toEqual(before);
  });

  it("sends the request to Sara with the days, the balance after, Bo's overlap and the pace effect", async () => {
    await openForm(p.alice);
    const sent = await submit(p.alice, { start: "2026-06-15", end: "2026-06-19", note: "Family trip" });
    expect(sent.responseAction).toBe("update");
    expect(visibleText(sent.view)).toContain(
      `Sent: Vacation, Mon, Jun 15 – Fri, Jun 19, 2026 (4 working days). <@${p.sara}> decides; you get a DM with the answer.`,
    );
    await h.settle();
    const dm = dmsOf(h, p.sara).at(-1);
    const text = visibleText(dm);
    expect(text).toContain(`<@${p.alice}> ber om ditt godkännande.`);
    expect(text).toContain("*Semester, mån 15 juni – fre 19 juni 2026 (4 arbetsdagar)*");
    expect(text).toContain("*Semester kvar efter godkännande:* 21 dagar (2026)");
    expect(text).toContain("*Anteckning:* Family trip");
    expect(text).toContain(`• <@${p.bo}>: Semester, tis 16 juni – tors 18 juni 2026`);
    // June: 21 working days for Alice, 17 after; the team's two reps: 42 less Bo's 3 = 39, then 35.
    expect(text).toContain("arbetsdagarna går från 21 till 17");
    // SEK 100 000 to sell in June's 21 working days (today included), or in 17 with the leave.
    expect(text.replace(/\u00a0/g, " ")).toContain(
      "*För att nå målet:* 4 761,91 kr per arbetsdag nu, 5 882,36 kr med den här ledigheten (17 arbetsdagar kvar att sälja på).",
    );
    expect(text).toContain("*Teamets arbetsdagar* den perioden går från 39 till 35 (10\u00a0% färre).");
    expect(buttonsOf(dm)).toEqual(["approvals.approve", "approvals.deny"]);
    // Nobody decides their own, and a rep is not a decider.
    expect(dmsOf(h, p.alice).some((m) => buttonsOf(m).includes("approvals.approve"))).toBe(false);
  });

  it("approves in one click: Alice is told, the DM shows who decided, the balance drops, pace leaves the days out", async () => {
    const dm = dmsOf(h, p.sara).at(-1);
    await click(p.sara, "approvals.approve", dm, h.fake.world.dmChannelOf(p.sara));
    const updated = h.fake.world.message(h.fake.world.dmChannelOf(p.sara) ?? "", dm?.ts ?? "");
    expect(buttonsOf(updated)).toEqual([]);
    expect(visibleText(updated)).toContain(`Godkänd av <@${p.sara}>.`);
    expect(dmsOf(h, p.alice).at(-1)?.text).toBe(
      `:white_check_mark: <@${p.sara}> approved your request: Vacation, Mon, Jun 15 – Fri, Jun 19, 2026 (4 working days).`,
    );
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "approvals.request.approve",
    });
    expect(audit.map((a) => a.actorId)).toEqual([p.sara, p.sara]);

    const list = replyText(await leave(p.alice, "list"));
    expect(list).toContain("Vacation, Mon, Jun 15 – Fri, Jun 19, 2026 (4 working days): approved");
    expect(list).toContain(
      "Vacation: 21 of 25 days left to request (2026): used 4, waiting for a decision 0",
    );

    // A sale today: 21 working days in June less Alice's 4 = 17 left, today included.
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/quota",
      text: `target <@${p.alice}|alice> 100000`,
    });
    const sale = await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/quota",
      text: "1000 Acme",
    });
    expect(replyText(sale)).toContain("17 working days left, today included");
    // What later features ask: who is away, and is this person away that day.
    const workspace = h.fake.world.workspace.teamId;
    expect(await isOnLeave(h.database.db, workspace, p.alice, "2026-06-16")).toBe(true);
    expect(await isOnLeave(h.database.db, workspace, p.alice, "2026-06-22")).toBe(false);
    const [north] = await h.database.db.select().from(teams);
    const out = await whoIsOut(h.database.db, workspace, north?.id ?? 0, {
      start: "2026-06-15",
      end: "2026-06-21",
    });
    expect(out.map((o) => [o.userId, o.start, o.end])).toEqual([
      [p.alice, "2026-06-15", "2026-06-19"],
      [p.bo, "2026-06-16", "2026-06-18"],
    ]);
    // Ten days on, both are out this week or next.
    h.clock.set("2026-06-10T08:00:00Z");
    const team = replyText(await leave(p.sara, "team"));
    expect(team).toContain(`<@${p.alice}>: Semester, mån 15 juni – fre 19 juni 2026`);
    expect(team).toContain(`<@${p.bo}>: Semester, tis 16 juni – tors 18 juni 2026`);
  });

  it("cancels approved leave that has not begun: Sara is told and the days come back", async () => {
    const list = await leave(p.alice, "cancel");
    const message = list.reply?.kind === "ephemeral" ? list.reply.ephemeral : undefined;
    expect(buttonsOf(message)).toEqual(["leave.cancel"]);
    await h.slack.clickButton({
      userId: p.alice,
      actionId: "leave.cancel",
      messageTs: message?.ts,
      channelId: p.channels.north,
    });
    await h.settle();
    expect(dmsOf(h, p.sara).at(-1)?.text).toBe(
      `<@${p.alice}> återkallade en begäran som du hade godkänt: Semester, mån 15 juni – fre 19 juni 2026 (4 arbetsdagar).`,
    );
    expect(replyText(await leave(p.alice, "list"))).toContain("Vacation: 25 of 25 days left to request");
  });
});

describe("denying, and requests nobody in a team can file", () => {
  beforeAll(() => startOver());

  it("denies with a reason on the form; the reason is required and reaches the rep", async () => {
    await file(p.alice, { start: "2026-07-06", end: "2026-07-10" });
    const dm = dmsOf(h, p.sara).at(-1);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.deny",
      messageTs: dm?.ts,
      channelId: h.fake.world.dmChannelOf(p.sara),
    });
    await opened;
    const blank = await h.slack.submitView({ userId: p.sara, values: { reason: { value: "   " } } });
    expect(blank.errors).toEqual({
      reason: "Skriv varför, så att den som frågade vet vad hen kan göra i stället.",
    });
    const denied = await h.slack.submitView({
      userId: p.sara,
      values: { reason: { value: "Two others are away that week." } },
    });
    expect(denied.responseAction).toBe("update");
    await h.settle();
    expect(dmsOf(h, p.alice).at(-1)?.text).toBe(
      `:no_entry_sign: <@${p.sara}> denied your request: Vacation, Mon, Jul 6 – Fri, Jul 10, 2026 (5 working days).\nTheir reason: Two others are away that week.`,
    );
    const updated = h.fake.world.message(h.fake.world.dmChannelOf(p.sara) ?? "", dm?.ts ?? "");
    expect(visibleText(updated)).toContain(`Avslagen av <@${p.sara}>: Two others are away that week.`);
    expect(buttonsOf(updated)).toEqual([]);
  });

  it("opens the same form from the Request leave shortcut, and says why not to someone in no team", async () => {
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.alice, 5000);
    await h.slack.globalShortcut({ userId: p.alice, callbackId: "leave.request" });
    await opened;
    const form = h.fake.world.openViewsOf(p.alice).at(-1);
    expect(visibleText(form)).toContain(`Your request goes to <@${p.sara}> (Sales North).`);
    await h.slack.closeView({ userId: p.alice });

    const refused = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.cecilia, 5000);
    await h.slack.globalShortcut({ userId: p.cecilia, callbackId: "leave.request" });
    await refused;
    expect(visibleText(h.fake.world.openViewsOf(p.cecilia).at(-1))).toContain(
      "Du är inte med i något team, så det finns ingen som kan godkänna ledighet åt dig.",
    );
    await h.slack.closeView({ userId: p.cecilia });
  });

  it("tells someone in no team who can add them", async () => {
    expect(replyText(await leave(p.cecilia))).toBe(
      "Du är inte med i något team, så det finns ingen som kan godkänna ledighet åt dig. Be en administratör lägga till dig med `/team add`.",
    );
    expect(h.fake.world.openViewsOf(p.cecilia)).toEqual([]);
  });

  it("sends a supervisor's own leave to the executives, not back to the supervisor", async () => {
    await h.slack.slashCommand({
      userId: p.ada,
      channelId: p.channels.north,
      command: "/team",
      text: `grant <@${p.erik}|erik> executive`,
    });
    await file(p.sara, { start: "2026-07-13", end: "2026-07-14" });
    const erikDm = dmsOf(h, p.erik).at(-1);
    expect(visibleText(erikDm)).toContain(
      `<@${p.sara}>, handledare för Sales North, ber om ditt godkännande`,
    );
    expect(buttonsOf(erikDm)).toEqual(["approvals.approve", "approvals.deny"]);
    expect(
      dmsOf(h, p.sara).some(
        (m) => buttonsOf(m).includes("approvals.approve") && visibleText(m).includes("13"),
      ),
    ).toBe(false);
  });
});

describe("allowances in a form", () => {
  beforeAll(() => startOver());

  it("refuses a rep, and lets Sara set every type at once, the leave year from April", async () => {
    expect(replyText(await leave(p.alice, "allowance"))).toBe(
      "Only the supervisors of Sales North and admins set its leave allowances.",
    );
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    await leave(p.sara, "allowance");
    await opened;
    const form = h.fake.world.openViewsOf(p.sara).at(-1);
    expect(visibleText(form)).toContain("Semester: dagar per år");
    const saved = await h.slack.submitView({
      userId: p.sara,
      values: {
        days_vacation: { value: "25" },
        days_childCare: { value: "60" },
        startMonth: { value: "4" },
        carry: { value: "5" },
      },
    });
    expect(saved.responseAction).toBe("update");
    expect(visibleText(saved.view)).toContain(
      "Sparat. Från och med nu:\n• Semester: 25 dagar per år\n• Sjukfrånvaro: räknas inte",
    );
    const rows = await h.database.db.select().from(leaveAllowances).orderBy(leaveAllowances.type);
    expect(rows.map((r) => [r.type, r.daysPerYear, r.startMonth, r.carryOverCap])).toEqual([
      ["childCare", 60, 4, null],
      ["vacation", 25, 4, 5],
    ]);
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "leave.allowance.set",
    });
    expect(audit).toHaveLength(2);

    // Alice's balance now runs from April to March.
    expect(replyText(await leave(p.alice, "list"))).toContain(
      "Vacation: 25 of 25 days left to request (Apr 2026 – Mar 2027)",
    );
  });
});
