import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests } from "../../src/features/approvals/schema.js";
import { requestLeave } from "../../src/features/leave/index.js";
import { leaveRequests } from "../../src/features/leave/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { contextFor } from "../../src/platform/context.js";
import { meetAtLock } from "../support/barrier.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startHarness } from "../support/harness.js";
import { dmOf, fileLeave, type LeaveForm } from "../support/leave.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

/**
 * The approval workflow as two supervisors of one team meet it: both get the request, one decides, the
 * other's DM says who did; cancelling before and after; a decision on a cancelled request; reminders.
 */
let h: Harness;
let p: Harness["people"];

// Monday 1 June 2026, 10:00 in Stockholm.
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
    supervisors: [p.sara, p.olle],
    reps: [p.alice, p.bo],
  });
  await h.settle();
}

const leave = (userId: string, text = "") =>
  h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/leave", text });

const dm = (userId: string) => dmOf(h, userId);

const file = (userId: string, form: LeaveForm) => fileLeave(h, userId, p.channels.north, form);

/** The DM a request put in front of a decider (the latest one with its summary). */
function requestDm(userId: string, dates: string) {
  const { channel, messages } = dm(userId);
  // The request's own DM, not a reminder in its thread.
  const message = messages
    .filter((m) => (m.thread_ts === undefined || m.thread_ts === m.ts) && visibleText(m).includes(dates))
    .at(-1);
  return { channel, message };
}

async function statusOf(id: number) {
  const [row] = await h.database.db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
  return row?.status;
}

describe("two supervisors", () => {
  beforeAll(() => startOver());

  it("both get the request; when Sara approves, Olle's DM says so and its buttons go", async () => {
    const { id } = await file(p.alice, { start: "2026-06-22", end: "2026-06-23" });
    const sara = requestDm(p.sara, "22 juni");
    const olle = requestDm(p.olle, "Jun 22");
    expect(buttonsOf(sara.message)).toEqual(["approvals.approve", "approvals.deny"]);
    expect(buttonsOf(olle.message)).toEqual(["approvals.approve", "approvals.deny"]);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.approve",
      messageTs: sara.message?.ts,
      channelId: sara.channel,
    });
    await h.settle();
    expect(await statusOf(id)).toBe("approved");
    const olleNow = h.fake.world.message(olle.channel ?? "", olle.message?.ts ?? "");
    expect(buttonsOf(olleNow)).toEqual([]);
    expect(visibleText(olleNow)).toContain(`Approved by <@${p.sara}>.`);
    // Sara heard it privately where she clicked.
    expect(h.fake.world.ephemeralsFor(p.sara).at(-1)?.text).toBe(`Godkänd. <@${p.alice}> får veta det.`);
  });

  it("cancelling a pending request updates both DMs and tells nobody else", async () => {
    const { id } = await file(p.bo, { start: "2026-06-24", end: "2026-06-24" });
    const before = dm(p.sara).messages.length;
    const list = await leave(p.bo, "avbryt");
    const message = list.reply?.kind === "ephemeral" ? list.reply.ephemeral : undefined;
    expect(buttonsOf(message)).toEqual(["leave.cancel"]);
    await h.slack.clickButton({
      userId: p.bo,
      actionId: "leave.cancel",
      messageTs: message?.ts,
      channelId: p.channels.north,
    });
    await h.settle();
    expect(await statusOf(id)).toBe("cancelled");
    const sara = requestDm(p.sara, "24 juni");
    expect(visibleText(sara.message)).toContain(`Återkallad av <@${p.bo}>.`);
    expect(buttonsOf(sara.message)).toEqual([]);
    expect(dm(p.sara).messages.length).toBe(before);
    const [row] = await h.database.db.select().from(leaveRequests).where(eq(leaveRequests.requestId, id));
    expect(row?.status).toBe("cancelled");
  });

  it("a deny form left open on a request that is then cancelled says so and decides nothing", async () => {
    const { id } = await file(p.bo, { start: "2026-06-25", end: "2026-06-26" });
    const olle = requestDm(p.olle, "Jun 25");
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.olle, 5000);
    await h.slack.clickButton({
      userId: p.olle,
      actionId: "approvals.deny",
      messageTs: olle.message?.ts,
      channelId: olle.channel,
    });
    await opened;
    const list = await leave(p.bo, "cancel");
    const message = list.reply?.kind === "ephemeral" ? list.reply.ephemeral : undefined;
    await h.slack.clickButton({
      userId: p.bo,
      actionId: "leave.cancel",
      messageTs: message?.ts,
      channelId: p.channels.north,
    });
    await h.settle();
    const late = await h.slack.submitView({
      userId: p.olle,
      values: { reason: { value: "Too many away." } },
    });
    expect(late.responseAction).toBe("push");
    expect(visibleText(late.view)).toContain(`<@${p.bo}> cancelled it already; there is nothing to decide.`);
    expect(await statusOf(id)).toBe("cancelled");
    const denials = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "approvals.request.deny",
    });
    expect(denials).toEqual([]);
  });

  it("an approval that reaches a cancelled request (an old button, a forged value) changes nothing and says so", async () => {
    const pending = await file(p.alice, { start: "2026-06-29", end: "2026-06-30" });
    const cancelled = await file(p.bo, { start: "2026-06-29", end: "2026-06-29" });
    const list = await leave(p.bo, "cancel");
    const message = list.reply?.kind === "ephemeral" ? list.reply.ephemeral : undefined;
    await h.slack.clickButton({
      userId: p.bo,
      actionId: "leave.cancel",
      messageTs: message?.ts,
      channelId: p.channels.north,
    });
    await h.settle();
    const sara = requestDm(p.sara, "*Semester, mån 29 juni – tis 30 juni");
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.approve",
      messageTs: sara.message?.ts,
      channelId: sara.channel,
      forgedValue: String(cancelled.id),
    });
    await h.settle();
    expect(h.fake.world.ephemeralsFor(p.sara).at(-1)?.text).toBe(
      `<@${p.bo}> har redan återkallat den; det finns inget att besluta.`,
    );
    expect(await statusOf(cancelled.id)).toBe("cancelled");
    expect(await statusOf(pending.id)).toBe("pending");
  });

  it("refuses the person's own overlapping leave on its field, and lets sick leave be reported afterwards", async () => {
    const overlap = await file(p.alice, { start: "2026-06-19", end: "2026-06-22" });
    expect(overlap.errors).toEqual({
      start:
        "You have leave on some of these days already: Mon, Jun 22 – Tue, Jun 23, 2026 (approved). Cancel that one first or pick other days.",
    });
    const sick = await file(p.alice, { type: "sick", start: "2026-05-28", end: "2026-05-29" });
    expect(sick.errors).toBeUndefined();
    expect(await statusOf(sick.id)).toBe("pending");
  });
});

describe("reminders", () => {
  beforeAll(() => startOver());

  it("reminds both deciders once, in the request's thread, when it has waited two working days", async () => {
    const { id } = await file(p.alice, { start: "2026-07-06", end: "2026-07-10" });
    const sara = requestDm(p.sara, "6 juli");
    const strike = async (iso: string) => {
      h.clock.set(iso);
      const slot = new Date(iso);
      await h.server.deps.schedules.strike("approvals.remind.sweep", "all", slot, {
        slot: slot.toISOString(),
      });
      await h.settle();
    };
    // Wednesday 10:05 in Stockholm: one working day (Tuesday) has passed, not yet two.
    await strike("2026-06-03T08:05:00Z");
    expect(
      h.fake.world
        .storedMessagesIn(sara.channel ?? "")
        .filter((m) => m.message.thread_ts === sara.message?.ts && m.message.ts !== sara.message?.ts),
    ).toEqual([]);
    // Thursday 06:05 in Stockholm: two have passed, but it is before work hours.
    await strike("2026-06-04T04:05:00Z");
    const replies = () =>
      h.fake.world
        .storedMessagesIn(sara.channel ?? "")
        .map((m) => m.message)
        .filter((m) => m.thread_ts === sara.message?.ts && m.ts !== sara.message?.ts);
    expect(replies()).toEqual([]);
    // Thursday 10:05: reminded, once, however often the sweep runs.
    await strike("2026-06-04T08:05:00Z");
    await strike("2026-06-04T09:05:00Z");
    expect(replies().map((m) => m.text)).toEqual([
      `Påminnelse: begäran från <@${p.alice}> har väntat på beslut i 2 arbetsdagar: Semester, mån 6 juli – fre 10 juli 2026 (5 arbetsdagar).`,
    ]);
    const olle = requestDm(p.olle, "Jul 6");
    const olleReplies = h.fake.world
      .storedMessagesIn(olle.channel ?? "")
      .map((m) => m.message)
      .filter((m) => m.thread_ts === olle.message?.ts && m.ts !== olle.message?.ts);
    expect(olleReplies).toHaveLength(1);
    const [row] = await h.database.db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
    expect(row?.remindedAt).not.toBeNull();
  });

  it("lets the team's supervisors change when reminders come, and refuses a rep", async () => {
    const refused = await leave(p.alice, "remind 3");
    expect(refused.reply?.kind === "ephemeral" && refused.reply.ephemeral.text).toBe(
      "Only the supervisors of Sales North and admins decide its people's requests.",
    );
    const set = await leave(p.sara, "remind 3");
    expect(set.reply?.kind === "ephemeral" && set.reply.ephemeral.text).toBe(
      "Från och med nu påminns beslutsfattarna, en gång, om en ansökan som har väntat på beslut i 3 arbetsdagar.",
    );
  });
});

const REASON = onPostgres ? "" : " (skipped: races need real Postgres; set DATABASE_URL)";

describe.skipIf(!onPostgres)(`two supervisors deciding at the same moment, on Postgres${REASON}`, () => {
  beforeAll(() => startOver());

  it("makes exactly one decision; the other supervisor is told who decided", async () => {
    const { id } = await file(p.alice, { start: "2026-08-03", end: "2026-08-04" });
    const sara = requestDm(p.sara, "3 aug");
    const olle = requestDm(p.olle, "Aug 3");
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.olle, 5000);
    await h.slack.clickButton({
      userId: p.olle,
      actionId: "approvals.deny",
      messageTs: olle.message?.ts,
      channelId: olle.channel,
    });
    await opened;
    // Both have read "pending"; both wait at the row's lock; then one decides and the other finds it decided.
    const [, denied] = await meetAtLock<unknown>(
      h.database.url as string,
      `select id from approval_requests where id = ${id} for update`,
      2,
      () => [
        h.slack.clickButton({
          userId: p.sara,
          actionId: "approvals.approve",
          messageTs: sara.message?.ts,
          channelId: sara.channel,
        }),
        h.slack.submitView({ userId: p.olle, values: { reason: { value: "The week is full." } } }),
      ],
    );
    await h.settle();
    const status = await statusOf(id);
    expect(["approved", "denied"]).toContain(status);
    const decisions = [
      ...(await listAudit(h.database.db, h.fake.world.workspace.teamId, {
        action: "approvals.request.approve",
      })),
      ...(await listAudit(h.database.db, h.fake.world.workspace.teamId, {
        action: "approvals.request.deny",
      })),
    ];
    expect(decisions).toHaveLength(1);
    if (status === "approved") {
      expect(visibleText((denied as { view?: unknown }).view as never)).toContain(
        `<@${p.sara}> approved it already; nothing changed.`,
      );
    } else {
      expect(h.fake.world.ephemeralsFor(p.sara).at(-1)?.text).toBe(
        `<@${p.olle}> har redan avslagit den; inget ändrades.`,
      );
    }
    // Alice heard of one decision only.
    const told = dm(p.alice).messages.filter((m) => /approved your request|denied your request/.test(m.text));
    expect(told).toHaveLength(1);
  });

  it("files one of two requests sent at once that together spend more days than are left", async () => {
    await leave(p.sara, "allowance vacation 3");
    const ctx = (requestId: string) =>
      contextFor(h.server.deps, {
        workspaceId: h.fake.world.workspace.teamId,
        userId: p.bo,
        requestId,
      });
    const form = (start: string, end: string) => ({
      type: "vacation" as const,
      start,
      end,
      halfDayStart: false,
      halfDayEnd: false,
      note: "",
    });
    const workspace = h.fake.world.workspace.teamId;
    const results = await meetAtLock<Awaited<ReturnType<typeof requestLeave>>>(
      h.database.url as string,
      `select pg_advisory_xact_lock(hashtext('leave:${workspace}:${p.bo}'))`,
      2,
      () => [
        requestLeave(ctx("race-1"), form("2026-09-07", "2026-09-08")),
        requestLeave(ctx("race-2"), form("2026-09-14", "2026-09-15")),
      ],
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.errors.end?.key).toBe("leave.invalid.overBalance");
    const rows = await h.database.db.select().from(leaveRequests).where(eq(leaveRequests.requesterId, p.bo));
    expect(rows.filter((r) => r.startOn >= "2026-09-01")).toHaveLength(1);
  });
});
