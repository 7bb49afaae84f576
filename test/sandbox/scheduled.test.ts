import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetings } from "../../src/features/meetings/schema.js";
import { createLogger } from "../../src/platform/log.js";
import { FixedClock } from "../../src/platform/time/index.js";
import { DEMO_IDS, SCHEDULED_POSTS, type ScheduleOverview } from "../../src/sandbox/index.js";
import { JOB_OF, openSandboxClock, ScheduledPosts, ScheduleRefusal } from "../../src/sandbox/scheduled.js";
import { visibleText } from "../support/slack-text.js";
import { pageAction, startTestSandbox, type TestSandbox, tempDir, workspaceAs } from "./support.js";

const { supervisor, channels } = DEMO_IDS;

/**
 * The sandbox's scheduled posts as a newcomer drives them from the page: the panel's list with the next
 * times, Run now (once per moment, however quickly clicked), the clock moved forward (an hour, a day, to
 * next Monday) with what became due meanwhile posted, and the sandbox time kept over a restart.
 *
 * Real time stands still at Monday 16 March 2026, 08:00 in Stockholm (07:00 UTC). The demo's weekly
 * sales meeting is on Tuesdays at 10:00, with reminders a day and 15 minutes before.
 */
const REAL = "2026-03-16T07:00:00Z";

let s: TestSandbox;
let real: FixedClock;
let teamId: number;

beforeAll(async () => {
  real = new FixedClock(REAL);
  s = await startTestSandbox({ clock: real });
  const overview = await scheduledAs(supervisor);
  teamId = overview.teams[0]?.id ?? 0;
});
afterAll(async () => {
  await s?.close();
});

const deps = () => s.sandbox.engine().server.deps;
const settle = () => deps().jobs.idle();

async function scheduledAs(userId: string): Promise<ScheduleOverview> {
  const response = await fetch(`${s.sandbox.url}/api/scheduled?as=${userId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ScheduleOverview;
}

/** The app's posts in #sales-north as people read them, oldest first. */
const postsIn = (start: string) =>
  s.sandbox
    .engine()
    .world.messagesIn(channels.team)
    .filter((m) => m.bot_id)
    .map((m) => visibleText(m))
    .filter((text) => text.startsWith(start));
const spotlights = () => postsIn(":bulb: Produkt i fokus:");
const reminders = () => postsIn(":calendar: Påminnelse:");

const runNow = (post: string, as: string = supervisor) =>
  pageAction(s.sandbox, "run", { as, team: teamId, post });
const move = (step: string, extra: Record<string, unknown> = {}) =>
  pageAction(s.sandbox, "clock", { as: supervisor, move: step, ...extra });

describe("the scheduled posts panel", () => {
  it("lists Sales North's posts with when each comes next, in the team's zone, at real time", async () => {
    const overview = await scheduledAs(supervisor);
    expect(overview).toMatchObject({
      now: "2026-03-16T07:00:00.000Z",
      offsetMs: 0,
      timeZone: "Europe/Stockholm",
    });
    const [team] = overview.teams;
    expect(team).toMatchObject({
      name: "Sales North",
      channelId: channels.team,
      timeZone: "Europe/Stockholm",
    });
    const byPost = Object.fromEntries((team?.posts ?? []).map((p) => [p.post, p]));
    expect(Object.keys(byPost)).toEqual([...SCHEDULED_POSTS]);
    // The defaults: standup Monday 09:00 to 14:00, motivation Monday and Thursday 08:30, spotlight Wednesday 09:00.
    expect(byPost.standup?.next).toBe("2026-03-16T08:00:00.000Z");
    expect(byPost.standupSummary?.next).toBe("2026-03-16T13:00:00.000Z");
    expect(byPost.motivation?.next).toBe("2026-03-16T07:30:00.000Z");
    expect(byPost.spotlight?.next).toBe("2026-03-18T08:00:00.000Z");
    // The seeded weekly meeting: its day-before reminder on Monday at 10:00.
    expect(byPost.meetings).toMatchObject({
      enabled: true,
      next: "2026-03-16T09:00:00.000Z",
      reminder: { title: "Weekly sales meeting", meetingAt: "2026-03-17T09:00:00.000Z", offsetMinutes: 1440 },
    });
    // A post whose feature this version of the app lacks is shown as not available.
    for (const post of team?.posts ?? []) expect(post.available).toBe(deps().jobs.defines(JOB_OF[post.post]));
    expect(byPost.spotlight?.available).toBe(true);
    expect(byPost.meetings?.available).toBe(true);
    const [meeting] = await s.database.db.select().from(meetings);
    expect(meeting).toMatchObject({ kind: "sales", channelId: channels.team, days: [2], time: "10:00" });
  });

  it("is for people of the demo only", async () => {
    const response = await fetch(`${s.sandbox.url}/api/scheduled?as=U0NOBODY01`);
    expect(response.status).toBe(404);
  });
});

describe("Run now", () => {
  it("posts the team's spotlight in #sales-north once for a double click, and again for a later click", async () => {
    const [first, second] = await Promise.all([runNow("spotlight"), runNow("spotlight")]);
    expect([first?.body.ran, second?.body.ran].sort()).toEqual([false, true]);
    expect(first?.body).toMatchObject({ ok: true, slot: "2026-03-16T07:00:00.000Z", teamId });
    await settle();
    expect(spotlights()).toHaveLength(1);
    // The products in the list's order (by name), none shown before: Ergo Chair 2 first.
    expect(spotlights()[0]).toContain("Produkt i fokus: Ergo Chair 2");
    expect(spotlights()[0]).toContain("Adjusts to anyone from 155 to 200 cm");

    // A second later is a new moment: the next product's turn.
    real.advance(1000);
    const later = await runNow("spotlight");
    expect(later.body).toMatchObject({ ok: true, ran: true, slot: "2026-03-16T07:00:01.000Z" });
    await settle();
    expect(spotlights()).toHaveLength(2);
    expect(spotlights()[1]).toContain("Produkt i fokus: Flex Lease");
  });

  it("shows a newcomer the standup with its question in the thread, its summary, and a motivation post", async () => {
    const standup = await runNow("standup");
    expect(standup.body).toMatchObject({ ok: true, ran: true });
    await settle();
    const [post, ...more] = s.sandbox
      .engine()
      .world.messagesIn(channels.team)
      .filter((m) => m.bot_id && visibleText(m).startsWith("Veckans avstämning: Sales North"));
    expect(more).toEqual([]);
    expect(visibleText(post)).toContain("Svara på avstämningen");
    // The reps are asked in the post's thread, once; the summary comes there at the cut-off (or Run now).
    const thread = () =>
      s.sandbox
        .engine()
        .world.messagesIn(channels.team)
        .filter((m) => m.thread_ts === post?.ts && m.ts !== post?.ts)
        .map((m) => visibleText(m));
    expect(thread().filter((text) => text.includes("dags för avstämning"))).toHaveLength(1);
    expect((await runNow("standupSummary")).body).toMatchObject({ ok: true, ran: true });
    await settle();
    expect(thread()).toHaveLength(2);

    expect((await runNow("motivation")).body).toMatchObject({ ok: true, ran: true });
    await settle();
    const motivation = s.sandbox
      .engine()
      .world.messagesIn(channels.team)
      .filter((m) => m.bot_id && visibleText(m).startsWith("Nu kör vi, Sales North!"));
    expect(motivation).toHaveLength(1);
  });

  it("refuses a post this version of the app does not run, in the person's language", async () => {
    const missing = SCHEDULED_POSTS.find((post) => !deps().jobs.defines(JOB_OF[post]));
    // Another build of the app (one that lacks every routine feature) refuses the same way.
    const bare = new ScheduledPosts(
      { ...deps(), jobs: Object.assign(Object.create(deps().jobs), { defines: () => false }) },
      "T0SANDBOX",
      s.sandbox.engine().scheduled.clock,
      `${tempDir("clock")}/clock.json`,
    );
    await expect(bare.runNow(teamId, "motivation")).rejects.toMatchObject({
      code: "not_available",
      key: "ui.scheduled.notAvailable",
      params: { post: "motivation" },
    });
    await expect(bare.runNow(teamId, "motivation")).rejects.toBeInstanceOf(ScheduleRefusal);
    if (missing) {
      const answer = await runNow(missing);
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe("not_available");
      expect(answer.body.message).toMatch(/finns inte i den här versionen av appen än\.$/);
    }
  });

  it("refuses an unknown post and a team that is not there, politely", async () => {
    const unknown = await runNow("lunch");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe("bad_request");
    const gone = await pageAction(s.sandbox, "run", { as: supervisor, team: 999, post: "spotlight" });
    expect(gone).toMatchObject({
      status: 404,
      body: { ok: false, error: "team_not_found", message: "Det teamet finns inte längre." },
    });
  });
});

describe("the sandbox clock", () => {
  it("moves an hour at a time; at the meeting's reminder time the reminder is posted in #sales-north", async () => {
    expect((await workspaceAs(s.sandbox, supervisor)).clock).toEqual({
      now: "2026-03-16T07:00:01.000Z",
      offsetMs: 0,
    });
    const first = await move("hour", { fromOffsetMs: 0 });
    expect(first.body).toMatchObject({ ok: true, to: "2026-03-16T08:00:01.000Z", offsetMs: 3_600_000 });
    expect((await workspaceAs(s.sandbox, supervisor)).clock).toEqual({
      now: "2026-03-16T08:00:01.000Z",
      offsetMs: 3_600_000,
    });
    await settle();
    expect(reminders()).toEqual([]);

    // A second click on the same button (the page still showing the old time) moves nothing.
    const again = await move("hour", { fromOffsetMs: 0 });
    expect(again).toMatchObject({ status: 409, body: { error: "clock_moved" } });
    expect((await scheduledAs(supervisor)).offsetMs).toBe(3_600_000);

    await move("hour", { fromOffsetMs: 3_600_000 });
    await settle();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toContain(
      "Påminnelse: *Weekly sales meeting* (Säljmöte): tisdag 17 mars kl. 10:00",
    );
    expect(reminders()[0]).toContain("Wins of the week");
    // The messages carry the sandbox time.
    const last = s.sandbox.engine().world.messagesIn(channels.team).at(-1);
    expect(Number(last?.ts)).toBeGreaterThanOrEqual(Date.parse("2026-03-16T09:00:01Z") / 1000);
  });

  it("Run now for meeting reminders moves the clock to the next reminder, and posts it", async () => {
    const overview = await scheduledAs(supervisor);
    const meetingsPost = overview.teams[0]?.posts.find((p) => p.post === "meetings");
    expect(meetingsPost).toMatchObject({ next: "2026-03-17T08:45:00.000Z", reminder: { offsetMinutes: 15 } });
    const answer = await runNow("meetings");
    expect(answer.body).toMatchObject({ ok: true, ran: true, moved: { to: "2026-03-17T08:45:00.000Z" } });
    await settle();
    expect(reminders()).toHaveLength(2);
    expect((await scheduledAs(supervisor)).now).toBe("2026-03-17T08:45:00.000Z");
  });

  it("+1 day posts the spotlight whose time the jump passed over, once", async () => {
    const before = spotlights().length;
    const answer = await move("day");
    expect(answer.body).toMatchObject({ ok: true, to: "2026-03-18T08:45:00.000Z" });
    expect(answer.body.ran).toContainEqual({ teamId, post: "spotlight", slot: "2026-03-18T08:00:00.000Z" });
    await settle();
    expect(spotlights()).toHaveLength(before + 1);
    expect(spotlights().at(-1)).toContain("Produkt i fokus: Ärlig Kaffe");
  });

  it("Next Monday 09:00 runs Monday's posts due by then, not last week's", async () => {
    const answer = await move("monday");
    expect(answer.body).toMatchObject({ ok: true, to: "2026-03-23T08:00:00.000Z" });
    const expected = [
      { teamId, post: "motivation", slot: "2026-03-23T07:30:00.000Z" },
      { teamId, post: "standup", slot: "2026-03-23T08:00:00.000Z" },
    ].filter((run) => deps().jobs.defines(JOB_OF[run.post as "motivation" | "standup"]));
    // Thursday's motivation and Wednesday's spotlight are more than a day old: skipped.
    expect(answer.body.ran).toEqual(expected);
    await settle();
  });

  it("keeps the sandbox time over a restart", async () => {
    const { offsetMs, now } = await scheduledAs(supervisor);
    expect(JSON.parse(readFileSync(s.sandbox.paths.clock, "utf8"))).toEqual({ offsetMs });
    await s.restart();
    expect((await scheduledAs(supervisor)).now).toBe(now);
    expect((await workspaceAs(s.sandbox, supervisor)).clock).toEqual({ now, offsetMs });
  });
});

describe("the clock file", () => {
  it("is real time when missing or unreadable", async () => {
    const { writeFileSync } = await import("node:fs");
    const dir = tempDir("clock");
    const log = createLogger("error");
    const base = new FixedClock(REAL);
    expect(openSandboxClock(base, `${dir}/clock.json`, log).now().toISOString()).toBe(
      "2026-03-16T07:00:00.000Z",
    );
    writeFileSync(`${dir}/clock.json`, "{ not json");
    expect(openSandboxClock(base, `${dir}/clock.json`, log).offsetMs).toBe(0);
    writeFileSync(`${dir}/clock.json`, JSON.stringify({ offsetMs: 7_200_000 }));
    expect(openSandboxClock(base, `${dir}/clock.json`, log).now().toISOString()).toBe(
      "2026-03-16T09:00:00.000Z",
    );
    expect(existsSync(`${dir}/clock.json`)).toBe(true);
  });
});
