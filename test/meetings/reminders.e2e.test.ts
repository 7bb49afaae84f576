import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import { addMeeting, meetingCommand, replyText, sweepAt as sweep } from "../support/meetings.js";
import { channelMessages, dmsOf, dmWith, startSalesFloor } from "../support/sales-floor.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";

/**
 * Meeting reminders as the people they are for read them: a 1:1's by DM to the rep and the supervisor,
 * each in their own language; an executive meeting's DM to review the team; the whole reminder of an
 * English and a Swedish team, word for word; a meeting in the hour the clocks skip in spring.
 */
let h: Harness;
let p: Harness["people"];

// Monday 2 March 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-03-02T09:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

const sweepAt = (now: string) => sweep(h, now);
const meeting = (userId: string, text: string, channelId = p.channels.north) =>
  meetingCommand(h, userId, text, channelId);

/** Whatever was posted about a meeting: in the seeded channels, and in each person's DMs. */
const inChannels = (title: string) => channelMessages(h).filter((m) => visibleText(m).includes(title));
const postedIn = (channel: string, title: string) =>
  h.fake.world.messagesIn(channel).filter((m) => visibleText(m).includes(title));
const dmsAbout = (userId: string, title: string) =>
  dmsOf(h, userId).filter((m) => visibleText(m).includes(title));

describe("a 1:1 with reminders by DM", () => {
  it("the rep and the supervisor each get it in their DM, in their own words, once each; nothing in the channel", async () => {
    const { id, errors } = await addMeeting(h, p.sara, p.channels.north, {
      kind: "oneOnOne",
      title: "Alice 1:1",
      rep: p.alice,
      days: ["2"],
      time: "14:00",
      where: "dm",
      agenda: "Pipeline",
    });
    expect(errors).toBeUndefined();
    // Tuesday 3 March at 14:00 in Stockholm (13:00 UTC): a day before, then 15 minutes before.
    await sweepAt("2026-03-02T13:00:10Z");
    await sweepAt("2026-03-02T13:01:10Z");
    const [alice] = dmsAbout(p.alice, "Alice 1:1");
    const [sara] = dmsAbout(p.sara, "Alice 1:1");
    expect(dmsAbout(p.alice, "Alice 1:1")).toHaveLength(1);
    expect(dmsAbout(p.sara, "Alice 1:1")).toHaveLength(1);
    expect(visibleText(alice)).toBe(
      [
        ":calendar: Reminder: *Alice 1:1* (1:1 with a rep): Tuesday, March 3 at 2:00 PM (Europe/Stockholm)",
        "*Where:* as agreed (this reminder came by DM)",
        "*Agenda:*\nPipeline",
        `*Attendees:* <@${p.alice}> <@${p.sara}>`,
      ].join("\n"),
    );
    expect(visibleText(sara)).toBe(
      [
        ":calendar: Påminnelse: *Alice 1:1* (Enskilt samtal med en säljare): tisdag 3 mars kl. 14:00 (Europe/Stockholm)",
        "*Var:* som överenskommet (påminnelsen kom som DM)",
        "*Dagordning:*\nPipeline",
        `*Deltagare:* <@${p.alice}> <@${p.sara}>`,
      ].join("\n"),
    );
    await sweepAt("2026-03-03T12:45:10Z");
    await sweepAt("2026-03-03T12:46:10Z");
    expect(dmsAbout(p.alice, "Alice 1:1")).toHaveLength(2);
    expect(dmsAbout(p.sara, "Alice 1:1")).toHaveLength(2);
    expect(dmsAbout(p.bo, "Alice 1:1")).toHaveLength(0);
    expect(inChannels("Alice 1:1")).toHaveLength(0);
    expect(replyText(await meeting(p.sara, `pausa ${id}`))).toContain("är pausat");
  });
});

describe("an executive meeting of Sales North", () => {
  it("with the first reminder, each supervisor not on leave gets a DM to review the team with a button that sends the reports, once", async () => {
    // Olle supervises Sales North too, and is on approved leave on the meeting's day.
    await h.slack.slashCommand({
      userId: p.ada,
      channelId: p.channels.north,
      command: "/team",
      text: `supervisor add <@${p.olle}>`,
    });
    await h.settle();
    const { id: leaveId } = await fileLeave(h, p.olle, p.channels.north, {
      start: "2026-03-05",
      end: "2026-03-05",
    });
    expect(leaveId).toBeGreaterThan(0);
    const request = dmWith(h, p.erik, "5 mars");
    await h.slack.clickButton({
      userId: p.erik,
      actionId: "approvals.approve",
      messageTs: request.ts,
      channelId: request.channel,
    });
    await h.settle();

    const { id, errors } = await addMeeting(h, p.erik, p.channels.north, {
      kind: "executive",
      title: "Ledningsgenomgång",
      days: ["4"],
      time: "10:00",
    });
    expect(errors).toBeUndefined();
    // Thursday 5 March at 10:00 in Stockholm (09:00 UTC).
    await sweepAt("2026-03-04T09:00:10Z");
    await sweepAt("2026-03-04T09:01:10Z");
    const [posted] = inChannels("Ledningsgenomgång");
    expect(inChannels("Ledningsgenomgång")).toHaveLength(1);
    expect(visibleText(posted)).toContain(`*Deltagare:* <@${p.sara}>`);
    expect(visibleText(posted)).toContain("*Lediga den dagen:* Olle Olsson");

    const review = dmsAbout(p.sara, "Ledningsgenomgång");
    expect(review).toHaveLength(1);
    expect(visibleText(review[0])).toBe(
      ":bar_chart: Inför *Ledningsgenomgång* (torsdag 5 mars kl. 10:00 (Europe/Stockholm)): se hur Sales North ligger till. `/report produktivitet` och `/report policy` visar dig rapporterna; knappen skickar båda (med diagram och CSV) till mötets chefer.\nTa fram och skicka till cheferna",
    );
    expect(buttonsIn(review[0]).map((b) => [b.text, b.actionId, b.value])).toEqual([
      ["Ta fram och skicka till cheferna", "meetings.sendReports", String(id)],
    ]);
    expect(dmsAbout(p.olle, "Ledningsgenomgång")).toHaveLength(0);
    expect(dmsAbout(p.erik, "Ledningsgenomgång")).toHaveLength(0);

    // Sara sends the reports: the meeting is in the team channel, where reps read, so they go by DM to the
    // executive (Erik) and the team's supervisors (Sara, Olle): both reports, each with its CSV (no charts:
    // nobody has a target yet and there is no policy, which the reports say). A double click sends each once.
    const reviewAt = dmWith(h, p.sara, "Ledningsgenomgång");
    const click = () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "meetings.sendReports",
        messageTs: reviewAt.ts,
        channelId: reviewAt.channel,
      });
    await Promise.all([click(), click()]);
    await h.settle();
    expect(dmsOf(h, p.sara).filter((m) => m.text === "Produktivitetsrapport: mars 2026")).toHaveLength(1);
    expect(dmsOf(h, p.olle).filter((m) => m.text === "Productivity report: March 2026")).toHaveLength(1);
    expect(dmsOf(h, p.sara).filter((m) => m.text === "Policyrapport per 4 mars 2026")).toHaveLength(1);
    expect(dmsOf(h, p.olle).filter((m) => m.text.startsWith("Policy report as of"))).toHaveLength(1);
    for (const person of [p.erik, p.sara, p.olle]) {
      const reports = dmsOf(h, person).filter(
        (m) =>
          visibleText(m).includes("Ledningsgenomgång*, skickat av") ||
          visibleText(m).includes("*Ledningsgenomgång*, sent by"),
      );
      expect(reports).toHaveLength(2);
      const dm = h.fake.world.dmChannelOf(person) ?? "";
      expect(
        h.fake.world
          .allFiles()
          .filter((f) => f.channels.includes(dm))
          .map((f) => f.name)
          .sort(),
      ).toEqual(["policy-sales-north-2026-03-04.csv", "productivity-sales-north-2026-03.csv"]);
    }
    expect(channelMessages(h).filter((m) => visibleText(m).includes("Produktivitetsrapport"))).toEqual([]);
    // A second click sends nothing again.
    await click();
    await h.settle();
    expect(dmsOf(h, p.erik).filter((m) => visibleText(m).includes("skickat av"))).toHaveLength(2);

    // The 15-minute reminder is not the first: no second review DM.
    await sweepAt("2026-03-05T08:45:10Z");
    await sweepAt("2026-03-05T08:46:10Z");
    expect(inChannels("Ledningsgenomgång")).toHaveLength(2);
    expect(dmsAbout(p.sara, "Inför *Ledningsgenomgång* (")).toHaveLength(1);
    expect(replyText(await meeting(p.erik, `pausa ${id}`))).toContain("är pausat");
  });
});

describe("a 1:1 added with the form's defaults", () => {
  it("is reminded by DM, not announced in the team channel", async () => {
    const { id, errors } = await addMeeting(h, p.sara, p.channels.north, {
      kind: "oneOnOne",
      title: "Bo 1:1",
      rep: p.bo,
      days: ["5"],
      time: "11:00",
    });
    expect(errors).toBeUndefined();
    expect(replyText(await meeting(p.sara, "lista"))).toContain(
      `#${id} Bo 1:1* (Enskilt samtal med en säljare): nästa fredag 6 mars kl. 11:00 (Europe/Stockholm); påminnelser som DM`,
    );
    // Friday 6 March at 11:00 in Stockholm (10:00 UTC).
    await sweepAt("2026-03-05T10:00:10Z");
    expect(inChannels("Bo 1:1")).toHaveLength(0);
    expect(dmsAbout(p.bo, "Bo 1:1")).toHaveLength(1);
    expect(dmsAbout(p.sara, "Bo 1:1")).toHaveLength(1);
    expect(replyText(await meeting(p.sara, `pausa ${id}`))).toContain("är pausat");
  });

  it("a sales meeting with the form's defaults is still announced in the team channel", async () => {
    const { id, errors } = await addMeeting(h, p.sara, p.channels.north, {
      title: "Fredagsfika",
      days: ["5"],
      time: "15:00",
    });
    expect(errors).toBeUndefined();
    expect(replyText(await meeting(p.sara, "lista"))).toContain(
      `#${id} Fredagsfika* (Säljmöte): nästa fredag 6 mars kl. 15:00 (Europe/Stockholm); påminnelser i <#${p.channels.north}>`,
    );
    expect(replyText(await meeting(p.sara, `pausa ${id}`))).toContain("är pausat");
  });
});

describe("a reminder word for word", () => {
  it("in English for Sales South, in New York: title, when in the team's zone, where, agenda, mentions", async () => {
    await h.slack.slashCommand({
      userId: p.ada,
      channelId: p.channels.south,
      command: "/team",
      text: "set timezone America/New_York",
    });
    const { id, errors } = await addMeeting(h, p.olle, p.channels.south, {
      title: "Weekly pipeline",
      days: ["2"],
      time: "09:30",
      agenda: "1. Pipeline\n2. Forecast",
    });
    expect(errors).toBeUndefined();
    // Tuesday 10 March at 09:30 in New York (EDT since the 8th: 13:30 UTC).
    await sweepAt("2026-03-09T13:30:10Z");
    const posted = inChannels("Weekly pipeline");
    expect(posted).toHaveLength(1);
    expect(postedIn(p.channels.south, "Weekly pipeline")).toEqual(posted);
    expect(visibleText(posted[0])).toBe(
      [
        ":calendar: Reminder: *Weekly pipeline* (Sales meeting): Tuesday, March 10 at 9:30 AM (America/New_York)",
        `*Where:* <#${p.channels.south}>`,
        "*Agenda:*\n1. Pipeline\n2. Forecast",
        `*Attendees:* <@${p.olle}> <@${p.cecilia}>`,
      ].join("\n"),
    );
    expect(replyText(await meeting(p.olle, `pause ${id}`, p.channels.south))).toContain("is paused");
  });

  it("shows a title and agenda as typed: <!channel> in them pings nobody", async () => {
    const { errors } = await addMeeting(h, p.olle, p.channels.south, {
      title: "<!channel> All hands & more",
      days: ["3"],
      time: "09:30",
      agenda: "Bring <numbers> for <!here>",
    });
    expect(errors).toBeUndefined();
    // Wednesday 11 March at 09:30 in New York: the day-before reminder.
    await sweepAt("2026-03-10T13:30:10Z");
    const [posted, ...more] = inChannels("All hands");
    expect(more).toEqual([]);
    const text = visibleText(posted);
    expect(text).toContain("*&lt;!channel&gt; All hands &amp; more*");
    expect(text).toContain("Bring &lt;numbers&gt; for &lt;!here&gt;");
    expect(text).not.toMatch(/<!channel>|<!here>/);
    const listed = replyText(await meeting(p.olle, "list", p.channels.south));
    expect(listed).toContain("&lt;!channel&gt; All hands &amp; more");
    expect(listed).not.toContain("<!channel>");
  });

  it("in Swedish for Sales North, in Stockholm", async () => {
    const { id, errors } = await addMeeting(h, p.sara, p.channels.north, {
      title: "Månadsavstämning",
      days: ["3"],
      time: "15:00",
      agenda: "Utfall mot mål",
    });
    expect(errors).toBeUndefined();
    // Wednesday 11 March at 15:00 in Stockholm (14:00 UTC).
    await sweepAt("2026-03-10T14:00:10Z");
    const posted = inChannels("Månadsavstämning");
    expect(posted).toHaveLength(1);
    expect(postedIn(p.channels.north, "Månadsavstämning")).toEqual(posted);
    expect(visibleText(posted[0])).toBe(
      [
        ":calendar: Påminnelse: *Månadsavstämning* (Säljmöte): onsdag 11 mars kl. 15:00 (Europe/Stockholm)",
        `*Var:* <#${p.channels.north}>`,
        "*Dagordning:*\nUtfall mot mål",
        `*Deltagare:* <@${p.sara}> <@${p.olle}> <@${p.alice}> <@${p.bo}>`,
      ].join("\n"),
    );
    expect(replyText(await meeting(p.sara, `pausa ${id}`))).toContain("är pausat");
  });
});

describe("a meeting in the hour the clocks skip", () => {
  it("at 02:30 on Sunday 29 March in Stockholm, the 15-minute reminder says it is at 03:00, and why", async () => {
    const { id, errors } = await addMeeting(h, p.sara, p.channels.north, {
      title: "Nattpass",
      cron: "30 2 * * 0",
    });
    expect(errors).toBeUndefined();
    // 02:30 does not exist on 29 March: 03:00 CEST, 01:00 UTC; 15 minutes before is 00:45 UTC.
    await sweepAt("2026-03-29T00:45:10Z");
    await sweepAt("2026-03-29T00:46:10Z");
    const posted = inChannels("Nattpass");
    expect(posted).toHaveLength(1);
    expect(visibleText(posted[0])).toBe(
      [
        ":calendar: Påminnelse: *Nattpass* (Säljmöte): söndag 29 mars kl. 03:00 (Europe/Stockholm)",
        "02:30 finns inte den dagen (klockan ställs fram), så mötet är 03:00.",
        `*Var:* <#${p.channels.north}>`,
        `*Deltagare:* <@${p.sara}> <@${p.olle}> <@${p.alice}> <@${p.bo}>`,
      ].join("\n"),
    );
    // Nothing more once it has started.
    await sweepAt("2026-03-29T01:00:10Z");
    expect(inChannels("Nattpass")).toHaveLength(1);
    expect(replyText(await meeting(p.sara, `pausa ${id}`))).toContain("är pausat");
  });
});
