import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetings } from "../../src/features/meetings/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { Harness } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import { meetingCommand, replyText, sweepAt as sweep } from "../support/meetings.js";
import { dmWith, openedBy, repost, startSalesFloor } from "../support/sales-floor.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";

/**
 * Meetings as a supervisor and a team meet them: added through the form (a bad cron refused on its field),
 * listed, reminded once however many sweeps run, a rep on leave listed as out, paused and resumed, edited
 * without a restart, a missed reminder caught up before the meeting and skipped after it.
 */
let h: Harness;
let p: Harness["people"];

// Monday 2 March 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-03-02T09:00:00Z" });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

const meeting = (userId: string, text: string, channelId = p.channels.north) =>
  meetingCommand(h, userId, text, channelId);

const sweepAt = (now: string) => sweep(h, now);

/** What a person sees now of an ephemeral they were shown (it may have been replaced since). */
const nowShown = (userId: string, ts: string | undefined) =>
  h.fake.world.ephemeralsFor(userId).find((e) => e.ts === ts);

const reminders = (title: string) =>
  h.fake.world.messagesIn(p.channels.north).filter((m) => visibleText(m).includes(title));

let id = 0;
let workspaceId = "";

describe("a weekly sales meeting of Sales North", () => {
  it("Alice, a rep, may not add one", async () => {
    const refused = await meeting(p.alice, "add");
    expect(replyText(refused)).toContain("Meetings of Sales North are added and changed by its supervisors");
  });

  it("Sara adds one through the form: a bad cron is refused on its field; a replay adds one meeting", async () => {
    await openedBy(h, p.sara, () => meeting(p.sara, "lägg till"));
    const wrong = await h.slack.submitView({
      userId: p.sara,
      values: {
        title: { value: "Veckomöte" },
        cron: { value: "every monday" },
        agenda: { value: "Pipeline och veckans mål" },
      },
    });
    expect(wrong.responseAction).toBe("errors");
    expect(wrong.errors?.cron).toContain("Det är inget cron-uttryck");
    const noDays = await h.slack.submitView({ userId: p.sara, values: { cron: { value: "" } } });
    expect(noDays.errors?.days).toBe("Välj dagarna, eller skriv ett cron-uttryck nedan.");
    const saved = await h.slack.submitView({
      userId: p.sara,
      values: { days: { value: ["3"] }, time: { value: "09:00" } },
    });
    expect(saved.responseAction).toBe("update");
    expect(visibleText(saved.view)).toContain("Veckomöte* är sparat. Nästa: ");
    const again = await repost(h, saved.payload);
    expect(again.status).toBe(200);
    const rows = await h.database.db.select().from(meetings);
    expect(rows).toHaveLength(1);
    id = rows[0]?.id ?? 0;
    workspaceId = rows[0]?.workspaceId ?? "";
    const audit = await listAudit(h.database.db, rows[0]?.workspaceId ?? "");
    expect(audit.filter((a) => a.action === "meetings.add")).toHaveLength(1);
  });

  it("anyone in the team lists it with its next time, in their own words", async () => {
    expect(replyText(await meeting(p.alice, "list"))).toContain(
      `#${id} Veckomöte* (Sales meeting): next Wed`,
    );
    expect(replyText(await meeting(p.bo, ""))).toContain(`#${id} Veckomöte* (Säljmöte): nästa ons`);
  });

  it("Bo's approved leave on the day: the reminders name him as out, not mentioned; each comes once", async () => {
    const { id: leaveId } = await fileLeave(h, p.bo, p.channels.north, {
      start: "2026-03-04",
      end: "2026-03-04",
    });
    expect(leaveId).toBeGreaterThan(0);
    const request = dmWith(h, p.sara, "4 mars");
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.approve",
      messageTs: request.ts,
      channelId: request.channel,
    });
    await h.settle();

    await sweepAt("2026-03-03T07:59:30Z");
    expect(reminders("Veckomöte")).toHaveLength(0);
    await sweepAt("2026-03-03T08:00:10Z");
    await sweepAt("2026-03-03T08:01:10Z");
    const [day] = reminders("Veckomöte");
    expect(reminders("Veckomöte")).toHaveLength(1);
    const text = visibleText(day);
    expect(text).toContain("Påminnelse: *Veckomöte* (Säljmöte)");
    expect(text).toContain("09:00 (Europe/Stockholm)");
    expect(text).toContain("Pipeline och veckans mål");
    expect(text).toContain(`<@${p.sara}>`);
    expect(text).toContain(`<@${p.alice}>`);
    expect(text).not.toContain(`<@${p.bo}>`);
    expect(text).toContain("*Lediga den dagen:* Bo Berg");

    await sweepAt("2026-03-04T07:45:05Z");
    await sweepAt("2026-03-04T07:46:05Z");
    expect(reminders("Veckomöte")).toHaveLength(2);
    await sweepAt("2026-03-04T08:05:00Z");
    expect(reminders("Veckomöte")).toHaveLength(2);
  });

  it("paused, it reminds nobody; resumed, the next reminder comes", async () => {
    expect(replyText(await meeting(p.sara, `pausa ${id}`))).toContain("är pausat");
    await sweepAt("2026-03-10T08:00:10Z");
    await sweepAt("2026-03-11T07:45:10Z");
    expect(reminders("Veckomöte")).toHaveLength(2);
    expect(replyText(await meeting(p.sara, `återuppta ${id}`))).toContain("är igång igen");
    await sweepAt("2026-03-17T08:00:10Z");
    expect(reminders("Veckomöte")).toHaveLength(3);
  });

  it("edited to 13:00, the next reminder follows without a restart", async () => {
    const form = await openedBy(h, p.sara, () => meeting(p.sara, `ändra ${id}`));
    expect(JSON.stringify(form.blocks)).toContain("Veckomöte");
    const saved = await h.slack.submitView({ userId: p.sara, values: { time: { value: "13:00" } } });
    expect(saved.responseAction).toBe("update");
    // The day before at 13:00, then 15 minutes before; nothing at the old time.
    await sweepAt("2026-03-17T12:00:10Z");
    expect(reminders("Veckomöte")).toHaveLength(4);
    expect(visibleText(reminders("Veckomöte").at(-1))).toContain("13:00 (Europe/Stockholm)");
    await sweepAt("2026-03-18T07:45:10Z");
    expect(reminders("Veckomöte")).toHaveLength(4);
    await sweepAt("2026-03-18T11:45:10Z");
    expect(reminders("Veckomöte")).toHaveLength(5);
  });

  it("a reminder missed while nothing ran comes before the meeting, and never after it", async () => {
    // Nothing ran on Tuesday 24 or before 12:50 on Wednesday 25: the 15-minute one is still worth sending.
    await sweepAt("2026-03-25T11:50:00Z");
    expect(reminders("Veckomöte")).toHaveLength(6);
    // Nothing ran from Tuesday 31 March until the meeting of 1 April (13:00 CEST) had started.
    await sweepAt("2026-04-01T11:05:00Z");
    await sweepAt("2026-04-01T11:06:00Z");
    expect(reminders("Veckomöte")).toHaveLength(6);
  });

  it("asks before deleting; Alice may not", async () => {
    const asked = await meeting(p.sara, `radera ${id}`);
    expect(replyText(asked)).toContain(`Radera *#${id} Veckomöte*?`);
    expect(replyText(await meeting(p.alice, `delete ${id}`))).toContain("Meetings of Sales North are added");
  });

  it("the question's Keep it keeps the meeting, and says so in place of the question", async () => {
    const asked = await meeting(p.sara, `radera ${id}`);
    const question = asked.reply?.kind === "ephemeral" ? asked.reply.ephemeral : undefined;
    expect(buttonsIn(question).map((b) => [b.text, b.actionId])).toEqual([
      ["Radera", "meetings.delete"],
      ["Behåll", "meetings.keep"],
    ]);
    await h.slack.clickButton({ userId: p.sara, actionId: "meetings.keep", messageTs: question?.ts });
    await h.settle();
    const shown = nowShown(p.sara, question?.ts);
    expect(visibleText(shown)).toBe("Behållet: *Veckomöte*.");
    expect(buttonsIn(shown)).toEqual([]);
    expect(await h.database.db.select().from(meetings)).toHaveLength(1);
    expect(replyText(await meeting(p.bo, "lista"))).toContain(`#${id} Veckomöte* (Säljmöte): nästa`);
  });

  it("Delete, clicked twice, deletes once (audited) and tells the second click; Keep of an older question does not claim to keep it", async () => {
    const older = await meeting(p.sara, `radera ${id}`);
    const olderQuestion = older.reply?.kind === "ephemeral" ? older.reply.ephemeral : undefined;
    const asked = await meeting(p.sara, `radera ${id}`);
    const question = asked.reply?.kind === "ephemeral" ? asked.reply.ephemeral : undefined;
    const before = h.fake.world.ephemeralsFor(p.sara).length;
    const click = () =>
      h.slack.clickButton({ userId: p.sara, actionId: "meetings.delete", messageTs: question?.ts });
    await Promise.all([click(), click()]);
    await h.settle();

    expect(await h.database.db.select().from(meetings)).toHaveLength(0);
    const audit = await listAudit(h.database.db, workspaceId);
    const deleted = audit.filter((a) => a.action === "meetings.delete");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.actorId).toBe(p.sara);
    // One answer replaces the question; the other click is told, in a message of its own or in its place.
    const told = [
      visibleText(nowShown(p.sara, question?.ts)),
      ...h.fake.world
        .ephemeralsFor(p.sara)
        .slice(before)
        .map((e) => visibleText(e)),
    ];
    expect(told.filter((t) => t === `*#${id} Veckomöte* är raderat.`).length).toBeGreaterThanOrEqual(1);
    expect(told.some((t) => t.includes(`#${id} Veckomöte`) && t.includes("redan raderat"))).toBe(true);
    expect(buttonsIn(nowShown(p.sara, question?.ts))).toEqual([]);

    // The older question, still open in another window: its Keep it cannot keep what is gone.
    await h.slack.clickButton({ userId: p.sara, actionId: "meetings.keep", messageTs: olderQuestion?.ts });
    await h.settle();
    const kept = visibleText(nowShown(p.sara, olderQuestion?.ts));
    expect(kept).not.toContain("Behållet");
    expect(kept).toContain(`#${id} Veckomöte* är redan raderat`);
  });

  it("once deleted, the list no longer shows it and no reminder comes", async () => {
    expect(replyText(await meeting(p.bo, "lista"))).toContain("Sales North har inga möten än");
    const posted = reminders("Veckomöte").length;
    // It would have been on Wednesday 8 April at 13:00 (11:00 UTC).
    await sweepAt("2026-04-07T11:00:10Z");
    await sweepAt("2026-04-08T10:45:10Z");
    expect(reminders("Veckomöte")).toHaveLength(posted);
  });
});
