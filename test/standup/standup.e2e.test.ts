import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import { addMeeting } from "../support/meetings.js";
import { dmsOf, latestDmOf, repost, startSalesFloor } from "../support/sales-floor.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";
import {
  messagesWith,
  openAnswerForm,
  rerunStandup,
  standupTables,
  strikeStandup,
  submitAnswer,
  teamIdOf,
} from "../support/standup.js";

/**
 * The weekly standup of two teams on Monday 16 March 2026, as their people see it: Sales North (Swedish,
 * monthly targets; Sara leads, Alice and Bo sell, Bo on leave Monday and Tuesday, a sales meeting on
 * Tuesdays) and Sales South (English, dollars, weekly targets; Olle leads, Cecilia and Root sell, Cecilia
 * off on Thursday). The post at 09:00, the ask in its thread, answers through the form, a blocker to the
 * supervisor, the cut-off at 14:00 (13:00 UTC), the summary, late answers, and every retry or replay.
 */
let h: Harness;
let p: Harness["people"];

const OPEN = "2026-03-16T08:00:00Z";
const CUTOFF = "2026-03-16T13:00:00Z";

/** Intl puts no-break spaces in money ("17 500 kr"); people read them as spaces. */
const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");
const shown = (message: Parameters<typeof visibleText>[0]) => spaces(visibleText(message));

async function as(userId: string, channelId: string, command: string, text: string) {
  const result = await h.slack.slashCommand({ userId, channelId, command, text });
  await h.settle();
  return result;
}

/** Approves the leave just filed, from the supervisor's latest DM. */
async function approve(deciderId: string) {
  const request = latestDmOf(h, deciderId);
  await h.slack.clickButton({
    userId: deciderId,
    actionId: "approvals.approve",
    messageTs: request.ts,
    channelId: request.channel,
  });
  await h.settle();
}

/** The standup post of a channel (the one with the header), and the thread replies under it. */
function standupOf(channel: string) {
  const all = h.fake.world.messagesIn(channel);
  const post = all.find((m) => (m.blocks?.[0] as { type?: string } | undefined)?.type === "header");
  const replies = all.filter((m) => post && m.thread_ts === post.ts && m.ts !== post.ts);
  return { post, replies, at: { channel, ts: post?.ts ?? "" } };
}

/** The payload of the last answer submitted, to replay it. */
let lastSubmission: unknown;

const answers = async () => h.database.db.select().from(standupTables.standupAnswers);
const lastEphemeral = (userId: string) => shown(h.fake.world.ephemeralsFor(userId).at(-1));

beforeAll(async () => {
  // Monday 2 March 2026, 11:00 in Stockholm.
  h = await startSalesFloor({
    now: "2026-03-02T10:00:00Z",
    southReps: (people) => [people.cecilia, people.root],
  });
  p = h.people;
  const { north, south } = p.channels;
  await as(p.ada, south, "/team", "set currency USD");
  await as(p.ada, south, "/team", "set period week");
  await as(p.sara, north, "/quota", `target <@${p.alice}> 100000`);
  await as(p.sara, north, "/quota", `target <@${p.bo}> 80000`);
  // Wednesday 4 March: a sale of the week before last counts for March, not for last week.
  h.clock.set("2026-03-04T10:00:00Z");
  await as(p.alice, north, "/quota", "22500 Acme");
  // Monday 9 March: Cecilia's weekly target, from week 11 on; Bo's and Cecilia's leave, approved.
  h.clock.set("2026-03-09T10:00:00Z");
  await as(p.olle, south, "/quota", `target <@${p.cecilia}> 10000`);
  expect(
    (await fileLeave(h, p.bo, north, { start: "2026-03-16", end: "2026-03-17" })).errors,
  ).toBeUndefined();
  await approve(p.sara);
  expect(
    (await fileLeave(h, p.cecilia, south, { start: "2026-03-19", end: "2026-03-19" })).errors,
  ).toBeUndefined();
  await approve(p.olle);
  // North's sales meeting on Tuesdays, its title as typed; and a 1:1, which is not the team's to read about.
  const meeting = await addMeeting(h, p.sara, north, {
    kind: "sales",
    title: "Säljmöte <!channel>",
    days: ["2"],
    time: "10:00",
  });
  expect(meeting.errors).toBeUndefined();
  const oneOnOne = await addMeeting(h, p.sara, north, {
    kind: "oneOnOne",
    title: "Alice 1:1",
    rep: p.alice,
    days: ["3"],
    time: "15:00",
  });
  expect(oneOnOne.errors).toBeUndefined();
  // Last week, Monday 9 to Sunday 15 March.
  h.clock.set("2026-03-10T10:00:00Z");
  await as(p.alice, north, "/quota", "12500 Beta");
  await as(p.cecilia, south, "/quota", "7500 Gamma");
  h.clock.set("2026-03-11T10:00:00Z");
  await as(p.bo, north, "/quota", "8000 Delta");
  h.clock.set("2026-03-12T10:00:00Z");
  await as(p.alice, north, "/quota", "5000 Epsilon");

  await strikeStandup(h, "standup.open", north, OPEN);
  await strikeStandup(h, "standup.open", south, OPEN);
});
afterAll(async () => {
  await h?.close();
});

describe("the Monday post", () => {
  it("tells Sales North, in Swedish, last week per rep against target, what each working day needs, who is out and this week's sales meeting", () => {
    const { post } = standupOf(p.channels.north);
    expect(shown(post)).toBe(
      [
        "Veckans avstämning: Sales North, vecka 12",
        "God morgon! Så här ligger vi till, och det här händer den här veckan. Säljare: era framgångar, er plan för veckan och allt som hindrar er, med knappen senast 14:00 (Europe/Stockholm); sammanfattningen kommer i tråden.",
        "*Förra veckan (9 mars – 15 mars), och vad varje arbetsdag kräver nu*",
        `• <@${p.alice}>: 17 500 kr förra veckan · mars hittills 40 000 kr av 100 000 kr (40 %) · behöver 5 000 kr per arbetsdag`,
        // Bo's leave today and tomorrow comes out of his working days: 72 000 kr over 10 days, not 12.
        "• Bo Berg (ledig i dag): 8 000 kr förra veckan · mars hittills 8 000 kr av 80 000 kr (10 %) · behöver 7 200 kr per arbetsdag",
        "*Lediga den här veckan*",
        "• Bo Berg: mån–tis",
        "*Möten den här veckan*",
        "• tisdag 17 mars kl. 10:00: Säljmöte &lt;!channel&gt;",
        "Svara på avstämningen",
      ].join("\n"),
    );
    expect(buttonsIn(post).map((b) => b.actionId)).toEqual(["standup.answer"]);
  });

  it("tells Sales South, in English, last week against its weekly target, and a rep with no target as such", () => {
    const { post } = standupOf(p.channels.south);
    expect(shown(post)).toBe(
      [
        "Weekly standup: Sales South, week 12",
        "Good morning! Where we stand, and what this week holds. Reps: your wins, your plan for the week and anything blocking you, with the button by 2:00 PM (Europe/Stockholm); the summary follows in the thread.",
        "*Last week (Mar 9 – Mar 15), and what each working day needs now*",
        // Cecilia is off on Thursday: 10 000 over the 4 days she works.
        `• <@${p.cecilia}>: $7,500 of $10,000 last week (75%) · needs $2,500 per working day`,
        `• <@${p.root}>: $0 last week · no target for Week 12`,
        "*Out this week*",
        "• Cecilia Carlsson: Thu",
        "*Meetings this week:* none.",
        "Answer standup",
      ].join("\n"),
    );
  });

  it("asks in one thread reply, mentioning only the reps not on leave today; nobody on leave is mentioned anywhere", () => {
    const north = standupOf(p.channels.north);
    expect(north.replies).toHaveLength(1);
    expect(shown(north.replies[0])).toBe(
      `<@${p.alice}>: dags för avstämning. Era framgångar, er plan för veckan och allt som hindrar er, med knappen senast 14:00. Ni kan ändra svaret fram till sammanfattningen.\nSvara på avstämningen`,
    );
    expect(buttonsIn(north.replies[0]).map((b) => b.actionId)).toEqual(["standup.answer"]);
    for (const message of [north.post, ...north.replies]) expect(visibleText(message)).not.toContain(p.bo);
    const south = standupOf(p.channels.south);
    expect(south.replies.map(shown)).toEqual([
      `<@${p.cecilia}> <@${p.root}>: your standup, please. Your wins, your plan for the week and anything blocking you, with the button by 2:00 PM. You can change your answer until the summary.\nAnswer standup`,
    ]);
    // Nobody was DMed to answer in thread mode.
    expect(dmsOf(h, p.alice).filter((m) => visibleText(m).includes("standup"))).toEqual([]);
  });

  it("is posted once however often the slot is struck or its job run again", async () => {
    await strikeStandup(h, "standup.open", p.channels.north, OPEN, 3);
    await rerunStandup(h, "standup.open", p.channels.north, OPEN);
    await rerunStandup(h, "standup.open", p.channels.south, OPEN);
    expect(messagesWith(h, p.channels.north, "Veckans avstämning")).toHaveLength(1);
    expect(messagesWith(h, p.channels.north, "dags för avstämning")).toHaveLength(1);
    expect(messagesWith(h, p.channels.south, "Weekly standup")).toHaveLength(1);
    expect(messagesWith(h, p.channels.south, "your standup, please")).toHaveLength(1);
    expect(await h.database.db.select().from(standupTables.standups)).toHaveLength(2);
  });
});

describe("answering", () => {
  it("refuses a rep of another team and a supervisor, privately, and stores nothing", async () => {
    const { at } = standupOf(p.channels.north);
    await h.slack.clickButton({
      userId: p.cecilia,
      actionId: "standup.answer",
      messageTs: at.ts,
      channelId: at.channel,
    });
    await h.settle();
    expect(lastEphemeral(p.cecilia)).toBe(
      "Den här avstämningen är för säljarna i Sales North, så det finns inget för dig att svara på här.",
    );
    await h.slack.clickButton({
      userId: p.olle,
      actionId: "standup.answer",
      messageTs: at.ts,
      channelId: at.channel,
    });
    await h.settle();
    expect(lastEphemeral(p.olle)).toBe(
      "This standup is for the reps of Sales North, so there is nothing for you to answer here.",
    );
    const standupForms = (userId: string) =>
      h.fake.world.openViewsOf(userId).filter((v) => v.callback_id === "standup.answer.submit");
    expect(standupForms(p.cecilia)).toEqual([]);
    expect(standupForms(p.olle)).toEqual([]);
    expect(await answers()).toEqual([]);
  });

  it("wants wins and plan, each error on its own field, in the rep's language", async () => {
    const north = standupOf(p.channels.north);
    h.clock.set("2026-03-16T08:30:00Z");
    const form = await openAnswerForm(h, p.alice, {
      channel: p.channels.north,
      ts: north.replies[0]?.ts ?? "",
    });
    expect(shown(form)).toContain(
      "Standup of *Sales North*, Monday, March 16. Answer by 2:00 PM; you can change your answer until the summary.",
    );
    // Slack itself keeps a required field from being sent empty; spaces only reach the app, which says so.
    const empty = await submitAnswer(h, p.alice, { wins: "", plan: "" });
    expect(empty.responseAction).toBe("not_sent");
    expect(Object.keys(empty.clientErrors ?? {}).sort()).toEqual(["plan", "wins"]);
    const result = await submitAnswer(h, p.alice, { wins: "  ", plan: " \n " });
    expect(result.responseAction).toBe("errors");
    expect(result.errors).toEqual({
      wins: "Write your wins since last week (a line is enough).",
      plan: "Write your plan for this week (a line is enough).",
    });
    expect(await answers()).toEqual([]);
  });

  it("saves the answer, and a blocker reaches the supervisor at once by DM, with a link to the thread", async () => {
    const before = dmsOf(h, p.sara).length;
    const result = await submitAnswer(h, p.alice, {
      wins: "Closed Beta <!here>",
      plan: "Demo for Acme on Wednesday",
      blockers: "Waiting for the new price list",
    });
    lastSubmission = result.payload;
    expect(result.responseAction).toBe("update");
    expect(shown(result.view)).toContain(
      "Thanks! Your answer is saved. You can change it with the same button until the summary at 2:00 PM.\nYour supervisor is told about your blocker now.",
    );
    const [saved] = await answers();
    expect(saved).toMatchObject({
      repId: p.alice,
      wins: "Closed Beta <!here>",
      plan: "Demo for Acme on Wednesday",
      blockers: "Waiting for the new price list",
      late: false,
      version: 1,
    });
    const dms = dmsOf(h, p.sara);
    expect(dms).toHaveLength(before + 1);
    const { post } = standupOf(p.channels.north);
    const link = `https://sandbox.slack.com/archives/${p.channels.north}/p${(post?.ts ?? "").replace(".", "")}`;
    expect(shown(dms.at(-1))).toBe(
      `:construction: <@${p.alice}> har ett hinder (avstämning för *Sales North*, måndag 16 mars):\n> Waiting for the new price list\n<${link}|Öppna avstämningens tråd>`,
    );
    // Bo is on leave and Olle leads another team: neither hears of it.
    expect(dmsOf(h, p.olle).filter((m) => visibleText(m).includes("hinder"))).toEqual([]);
  });

  it("before the cut-off the rep changes the answer in the form, filled in; only a changed blocker is told again", async () => {
    await h.slack.closeView({ userId: p.alice });
    const { at } = standupOf(p.channels.north);
    // From the post itself this time.
    const form = await openAnswerForm(h, p.alice, at);
    expect(initialValues(form)).toEqual({
      wins: "Closed Beta <!here>",
      plan: "Demo for Acme on Wednesday",
      blockers: "Waiting for the new price list",
    });
    expect(shown(form)).toContain("You have answered already: change what you like and send it again.");
    const dms = dmsOf(h, p.sara).length;
    const planOnly = await submitAnswer(h, p.alice, { plan: "Demo for Acme on Thursday" });
    expect(shown(planOnly.view)).toBe(
      "Standup sent\nThanks! Your answer is saved. You can change it with the same button until the summary at 2:00 PM.",
    );
    expect(dmsOf(h, p.sara)).toHaveLength(dms);
    await h.slack.closeView({ userId: p.alice });
    await openAnswerForm(h, p.alice, at);
    await submitAnswer(h, p.alice, { blockers: "Waiting for the price list and a contract template" });
    await h.slack.closeView({ userId: p.alice });
    expect(dmsOf(h, p.sara)).toHaveLength(dms + 1);
    expect(shown(dmsOf(h, p.sara).at(-1))).toContain("> Waiting for the price list and a contract template");
    expect((await answers()).map((a) => [a.plan, a.version, a.late])).toEqual([
      ["Demo for Acme on Thursday", 3, false],
    ]);
  });

  it("a replay of the first submission, after the edits, brings nothing back and DMs nobody again", async () => {
    const dms = dmsOf(h, p.sara).length;
    const replayed = await repost(h, lastSubmission);
    expect(replayed.status).toBe(200);
    expect(spaces(visibleText(replayed.view))).toContain("Nothing changed: your answer is as it was.");
    expect((await answers()).map((a) => [a.blockers, a.version])).toEqual([
      ["Waiting for the price list and a contract template", 3],
    ]);
    expect(dmsOf(h, p.sara)).toHaveLength(dms);
  });

  it("after the cut-off an answer is still taken, marked late", async () => {
    h.clock.set("2026-03-16T13:00:30Z");
    const south = standupOf(p.channels.south);
    const form = await openAnswerForm(h, p.cecilia, {
      channel: p.channels.south,
      ts: south.replies[0]?.ts ?? "",
    });
    expect(shown(form)).toContain(
      ":hourglass: Sista svarstiden (14:00) har passerat: ditt svar är fortfarande välkommet, markerat som sent.",
    );
    const result = await submitAnswer(h, p.cecilia, { wins: "Två nya kunder", plan: "Ringa Gamma igen" });
    await h.slack.closeView({ userId: p.cecilia });
    expect(shown(result.view)).toContain(
      "Tack! Ditt svar är sparat, markerat som sent (sista svarstiden var 14:00); det kommer med i sammanfattningen.",
    );
    const mine = (await answers()).find((a) => a.repId === p.cecilia);
    expect(mine).toMatchObject({ late: true, afterSummary: false, blockers: "" });
  });
});

describe("at the cut-off", () => {
  it("posts the summary in the thread once, and tells each supervisor privately who did not answer", async () => {
    const olleBefore = dmsOf(h, p.olle).length;
    const saraBefore = dmsOf(h, p.sara).length;
    await strikeStandup(h, "standup.close", p.channels.north, CUTOFF, 2);
    await strikeStandup(h, "standup.close", p.channels.south, CUTOFF);
    await rerunStandup(h, "standup.close", p.channels.north, CUTOFF);
    await rerunStandup(h, "standup.close", p.channels.south, CUTOFF);

    const north = standupOf(p.channels.north);
    expect(north.replies).toHaveLength(2);
    expect(shown(north.replies[1])).toBe(
      [
        ":clipboard: *Sammanfattning av avstämningen för Sales North, måndag 16 mars*: 1 av 1 svarade.",
        `*<@${p.alice}>*`,
        "*Framgångar:* Closed Beta &lt;!here&gt;",
        "*Veckans plan:* Demo for Acme on Thursday",
        "*Hinder:* Waiting for the price list and a contract template",
        "*Lediga i dag, fick ingen fråga:* Bo Berg",
      ].join("\n"),
    );
    const south = standupOf(p.channels.south);
    expect(south.replies.map(shown)).toEqual([
      expect.stringContaining("your standup, please"),
      [
        ":clipboard: *Standup summary of Sales South, Monday, March 16*: 1 of 2 answered.",
        `*<@${p.cecilia}>* _(late)_`,
        "*Wins:* Två nya kunder",
        "*Plan:* Ringa Gamma igen",
      ].join("\n"),
    ]);

    const { post } = standupOf(p.channels.south);
    const link = `https://sandbox.slack.com/archives/${p.channels.south}/p${(post?.ts ?? "").replace(".", "")}`;
    expect(dmsOf(h, p.olle).slice(olleBefore).map(shown)).toEqual([
      `:clipboard: Standup of *Sales South*, Monday, March 16: not answered by 2:00 PM: <@${p.root}>.\n<${link}|Open the standup thread>`,
    ]);
    expect(dmsOf(h, p.sara).slice(saraBefore).map(shown)).toEqual([
      expect.stringMatching(
        /^:clipboard: Avstämning för \*Sales North\*, måndag 16 mars: alla svarade\.\n<https:/,
      ),
    ]);
    const closed = await h.database.db.select().from(standupTables.standups);
    expect(closed.every((s) => s.closedAt !== null)).toBe(true);
  });

  it("after the summary an answer given before it can no longer change, politely", async () => {
    const { at } = standupOf(p.channels.north);
    await h.slack.clickButton({
      userId: p.alice,
      actionId: "standup.answer",
      messageTs: at.ts,
      channelId: at.channel,
    });
    await h.settle();
    expect(lastEphemeral(p.alice)).toBe(
      "The summary of the Sales North standup went out with your answer in it, so it can no longer be changed. If something has changed, tell your supervisor.",
    );
    expect(
      h.fake.world.openViewsOf(p.alice).filter((v) => v.callback_id === "standup.answer.submit"),
    ).toEqual([]);
  });

  it("after the summary a first answer is added to the thread, marked late, once", async () => {
    h.clock.set("2026-03-16T15:00:00Z");
    const south = standupOf(p.channels.south);
    const form = await openAnswerForm(h, p.root, {
      channel: p.channels.south,
      ts: south.replies[0]?.ts ?? "",
    });
    expect(shown(form)).toContain(
      ":hourglass: The summary is already out: your answer will be added to its thread, marked late.",
    );
    const result = await submitAnswer(h, p.root, {
      wins: "Found my feet",
      plan: "First calls",
      blockers: "No CRM login yet",
    });
    expect(shown(result.view)).toContain(
      "Thanks! The summary was already posted, so your answer is added to its thread, marked late.",
    );
    await repost(h, result.payload);
    await h.slack.closeView({ userId: p.root });
    const replies = standupOf(p.channels.south).replies;
    expect(replies).toHaveLength(3);
    expect(shown(replies[2])).toBe(
      [
        `Late answer from <@${p.root}>:`,
        `*<@${p.root}>* _(late)_`,
        "*Wins:* Found my feet",
        "*Plan:* First calls",
        "*Blockers:* No CRM login yet",
      ].join("\n"),
    );
    // The blocker still reaches Olle at once.
    expect(shown(dmsOf(h, p.olle).at(-1))).toContain(`:construction: <@${p.root}> has a blocker`);
    // A second try to answer is refused: the late answer is final too.
    await h.slack.clickButton({
      userId: p.root,
      actionId: "standup.answer",
      messageTs: replies[0]?.ts ?? "",
      channelId: p.channels.south,
    });
    await h.settle();
    expect(lastEphemeral(p.root)).toBe(
      "Your late answer is already in the thread of the Sales South standup, so it can no longer be changed. If something has changed, tell your supervisor.",
    );
    expect(await teamIdOf(h, p.channels.south)).toBeGreaterThan(0);
  });
});

function initialValues(view: { blocks?: unknown[] } | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const block of (view?.blocks ?? []) as {
    type: string;
    block_id?: string;
    element?: { initial_value?: string };
  }[]) {
    if (block.type === "input" && block.block_id) values[block.block_id] = block.element?.initial_value ?? "";
  }
  return values;
}
