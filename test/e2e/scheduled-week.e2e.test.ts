import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motivationPosts } from "../../src/features/motivation/schema.js";
import { routinePlanner, saveRoutine } from "../../src/features/routines/index.js";
import { queryRows } from "../../src/platform/db/index.js";
import type { RunningServer } from "../../src/server.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startInstance } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import { addMeeting } from "../support/meetings.js";
import { type AppProcess, startApp } from "../support/process.js";
import { latestDmOf, startSalesFloor } from "../support/sales-floor.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";
import { openAnswerForm, submitAnswer, teamIdOf } from "../support/standup.js";

/**
 * A week of scheduled posts made by three app instances on one Postgres, as the teams read them, and an
 * instance killed in the middle of a post.
 *
 * The week: Monday 16 to Sunday 22 March 2026 in Stockholm (winter time, UTC+1). Sales North (Swedish;
 * Sara leads, Alice and Bo sell, Bo on approved leave Wednesday and Thursday, a sales meeting on Tuesdays
 * at 10:00) and Sales South (English; Olle leads, Cecilia sells), each with March targets, sales, and a
 * product, on the default routines: motivation Monday and Thursday 08:30, the spotlight Wednesday 09:00,
 * the standup Monday 09:00 asked in its thread with the summary at 14:00.
 *
 * Three instances (the harness's app and two more, each with its own connections, job engine and
 * clock of scheduled work, on the same database, Slack and clock) step through the week every 15 minutes.
 * At each step each instance does what its clock does at that moment, all three at once: its routines'
 * look (`routinePlanner(deps).reconcile()`: the slots due and still relevant are struck) and the meetings'
 * minute sweep. Then every engine is let finish. node-cron's own ticks run in real time, not in the
 * simulated week, so they play no part here: the look is what strikes a due slot at the step it falls on
 * (a slot's instant is always a step), and the once-a-minute look and sweep the instances also run on
 * their own in real time only strike what the steps strike anyway.
 *
 * The kill: an instance that is a process of its own (test/support/instance-process.ts, the app with its
 * clock fixed at Thursday 26 March 08:31) takes the motivation slot of 08:30, the only engine running when
 * its start-up look strikes it (the three instances of the week have stopped theirs). Slack holds its post;
 * two more instances start while it holds the job; the process is killed (SIGKILL), so the held call
 * hangs up and never reaches Slack; the job, its heartbeat gone, is taken up again by one of the two:
 * one post, not zero, not two. An in-process instance cannot be killed this honestly (its post would still
 * be under way in this process), hence the process.
 */
let h: Harness;
let p: Harness["people"];
let workspaceId: string;
let north: number;
let south: number;
const others: Array<{ server: RunningServer; stop(): Promise<void> }> = [];
const processes: AppProcess[] = [];

const WEEK_START = "2026-03-15T23:00:00Z"; // Monday 16 March 00:00 in Stockholm
const WEEK_END = "2026-03-22T23:00:00Z"; // Sunday 22 March 24:00
/**
 * Every 15 minutes from 06:00 to 20:00 in Stockholm (05:00 to 19:00 UTC this week), when the slots and
 * reminders fall and the steps between them show that nothing comes early or twice; hourly at night.
 */
const stepAfter = (at: number) => {
  const hour = new Date(at).getUTCHours();
  return (hour >= 5 && hour < 19 ? 15 : 60) * 60_000;
};

const shown = (message: Parameters<typeof visibleText>[0]) =>
  visibleText(message).replace(/[\u00a0\u202f]/g, " ");

async function as(userId: string, channelId: string, command: string, text: string) {
  const result = await h.slack.slashCommand({ userId, channelId, command, text });
  expect(result.error, `${command} ${text}`).toBeUndefined();
  await h.settle();
}

/** Every instance's engine done with what it owes. */
async function settleAll(): Promise<void> {
  await Promise.all([h.settle(), ...others.map((o) => o.server.deps.jobs.idle())]);
}

/** A message as a person reads it, where it is: a channel post, a thread reply, a DM. */
interface Seen {
  /** Where: `#north`, `#north thread`, `DM sara`. */
  where: string;
  /** The simulated moment (UTC) of the step after which it was there. */
  at: string;
  text: string;
  buttons: string[];
}

/** Every message in the channels and in every person's DM with the app, by `channel ts`. */
function everything(): Map<string, Omit<Seen, "at">> {
  const all = new Map<string, Omit<Seen, "at">>();
  const channelNames = new Map(Object.entries(p.channels).map(([name, id]) => [id, `#${name}`]));
  const add = (channel: string, label: string) => {
    for (const m of h.fake.world.messagesIn(channel)) {
      const inThread = m.thread_ts !== undefined && m.thread_ts !== m.ts;
      all.set(`${channel} ${m.ts}`, {
        where: inThread ? `${label} thread` : label,
        text: shown(m),
        buttons: buttonsIn(m).map((b) => b.actionId),
      });
    }
  };
  for (const [id, name] of channelNames) add(id, name);
  for (const user of h.fake.world.allUsers()) {
    const dm = h.fake.world.dmChannelOf(user.id);
    if (dm) add(dm, `DM ${user.name}`);
  }
  return all;
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

beforeAll(async () => {
  if (!onPostgres) return;
  // Monday 9 March 2026, 13:00 in Stockholm: the teams are made (after that day's 08:30 and 09:00).
  h = await startSalesFloor({ now: "2026-03-09T12:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
  workspaceId = h.fake.world.workspace.teamId;
  north = await teamIdOf(h, p.channels.north);
  south = await teamIdOf(h, p.channels.south);
  const n = p.channels.north;
  const s = p.channels.south;
  await as(p.sara, n, "/quota", `target <@${p.alice}> 100000`);
  await as(p.sara, n, "/quota", `target <@${p.bo}> 80000`);
  await as(p.olle, s, "/quota", `target <@${p.cecilia}> 50000`);
  await as(p.sara, n, "/product", "add Ärlig Kaffe | Rostat i Gävle varje vecka | Ekologiskt");
  await as(p.olle, s, "/product", "add Widget Pro | Installs in under an hour");
  // Tuesday to Thursday of the week before: sales, one with each team's product.
  h.clock.set("2026-03-10T10:00:00Z");
  await as(p.alice, n, "/quota", "12500 Beta #ärlig-kaffe");
  await as(p.cecilia, s, "/quota", "7500 Gamma #widget-pro");
  h.clock.set("2026-03-11T10:00:00Z");
  await as(p.bo, n, "/quota", "8000 Delta");
  h.clock.set("2026-03-12T10:00:00Z");
  await as(p.alice, n, "/quota", "5000 Epsilon");
  // Friday 13 March: Bo's leave for Wednesday and Thursday of the week, approved; the Tuesday sales
  // meeting (its next reminders are Monday 10:00 and Tuesday 09:45, in the week).
  h.clock.set("2026-03-13T10:00:00Z");
  expect((await fileLeave(h, p.bo, n, { start: "2026-03-18", end: "2026-03-19" })).errors).toBeUndefined();
  await approve(p.sara);
  const meeting = await addMeeting(h, p.sara, n, {
    kind: "sales",
    title: "Säljmöte",
    days: ["2"],
    time: "10:00",
  });
  expect(meeting.errors).toBeUndefined();
  others.push(await startInstance(h), await startInstance(h));
  await settleAll();
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((app) => app.stop("SIGKILL")));
  await Promise.all(others.map((o) => o.stop()));
  await h?.close();
});

/** A message's first line, and where and when it appeared: how the week is compared with what is owed. */
const line = (m: Seen) => `${m.at} ${m.where}: ${m.text.split("\n")[0]}`;

describe.skipIf(!onPostgres)(
  `three instances on one Postgres${onPostgres ? "" : " (skipped: needs a Postgres server; set DATABASE_URL)"}`,
  { timeout: 240_000 },
  () => {
    const week: Seen[] = [];

    it("over a simulated week, make every scheduled post once, at its time, and nothing else", async () => {
      const before = new Set(everything().keys());
      const instances = [h.server, ...others.map((o) => o.server)];
      for (let at = Date.parse(WEEK_START); at < Date.parse(WEEK_END); at += stepAfter(at)) {
        const now = new Date(at);
        h.clock.set(now);
        await Promise.all(
          instances.map(async (instance) => {
            await routinePlanner(instance.deps).reconcile();
            await instance.deps.schedules.strike("meetings.sweep", "all", now, { slot: now.toISOString() });
          }),
        );
        await settleAll();
        for (const [key, message] of everything()) {
          if (before.has(key)) continue;
          before.add(key);
          week.push({ ...message, at: now.toISOString() });
        }
        if (now.toISOString() === "2026-03-16T09:00:00.000Z") {
          // Monday 10:00: Alice answers from the button of the ask in North's standup thread.
          const ask = h.fake.world
            .messagesIn(p.channels.north)
            .find((m) => m.thread_ts !== m.ts && buttonsIn(m).some((b) => b.actionId === "standup.answer"));
          expect(ask, "the ask in North's standup thread").toBeDefined();
          await openAnswerForm(h, p.alice, { channel: p.channels.north, ts: ask?.ts ?? "" });
          const saved = await submitAnswer(h, p.alice, { wins: "Beta renewed", plan: "Three demos" });
          expect(saved.responseAction).toBe("update");
          await h.slack.closeView({ userId: p.alice });
          await settleAll();
        }
      }

      expect(week.map(line)).toEqual([
        // Monday 16 March, 08:30 and 09:00 in Stockholm: motivation, then the standup and its ask.
        "2026-03-16T07:30:00.000Z #north: Nu kör vi, Sales North! :raised_hands:",
        "2026-03-16T07:30:00.000Z #south: Let's go, Sales South! :raised_hands:",
        "2026-03-16T08:00:00.000Z #north: Veckans avstämning: Sales North, vecka 12",
        `2026-03-16T08:00:00.000Z #north thread: <@${p.alice}> <@${p.bo}>: dags för avstämning. Era framgångar, er plan för veckan och allt som hindrar er, med knappen senast 14:00. Ni kan ändra svaret fram till sammanfattningen.`,
        "2026-03-16T08:00:00.000Z #south: Weekly standup: Sales South, week 12",
        `2026-03-16T08:00:00.000Z #south thread: <@${p.cecilia}>: your standup, please. Your wins, your plan for the week and anything blocking you, with the button by 2:00 PM. You can change your answer until the summary.`,
        // 10:00: the sales meeting's reminder a day before.
        "2026-03-16T09:00:00.000Z #north: :calendar: Påminnelse: *Säljmöte* (Säljmöte): tisdag 17 mars kl. 10:00 (Europe/Stockholm)",
        // 14:00: the summaries in the threads; each supervisor hears who did not answer.
        "2026-03-16T13:00:00.000Z #north thread: :clipboard: *Sammanfattning av avstämningen för Sales North, måndag 16 mars*: 1 av 2 svarade.",
        "2026-03-16T13:00:00.000Z #south thread: :clipboard: *Standup summary of Sales South, Monday, March 16*: 0 of 1 answered.",
        `2026-03-16T13:00:00.000Z DM sara: :clipboard: Avstämning för *Sales North*, måndag 16 mars: inte svarat senast 14:00: <@${p.bo}>.`,
        `2026-03-16T13:00:00.000Z DM olle: :clipboard: Standup of *Sales South*, Monday, March 16: not answered by 2:00 PM: <@${p.cecilia}>.`,
        // Tuesday 09:45: 15 minutes before the meeting.
        "2026-03-17T08:45:00.000Z #north: :calendar: Påminnelse: *Säljmöte* (Säljmöte): tisdag 17 mars kl. 10:00 (Europe/Stockholm)",
        // Wednesday 09:00: the spotlights.
        "2026-03-18T08:00:00.000Z #north: :bulb: Produkt i fokus: Ärlig Kaffe",
        "2026-03-18T08:00:00.000Z #south: :bulb: Product spotlight: Widget Pro",
        // Thursday 08:30: motivation again, in another of the library's openings.
        "2026-03-19T07:30:00.000Z #north: God morgon, Sales North: så här ligger vi till.",
        "2026-03-19T07:30:00.000Z #south: Good morning, Sales South: here is where we stand.",
      ]);
      // No text twice, but the meeting's two reminders, which read alike (both say when it is).
      const texts = week.map((m) => `${m.where}: ${m.text}`);
      const twice = texts.filter((text, i) => texts.indexOf(text) !== i);
      expect(twice).toHaveLength(1);
      expect(twice[0]).toMatch(/^#north: :calendar: Påminnelse: \*Säljmöte\*/);
      // Bo, on leave on Thursday, is not named in Thursday's motivation; on Monday he was asked.
      const thursday = week.find((m) => m.at === "2026-03-19T07:30:00.000Z" && m.where === "#north");
      expect(thursday?.text).not.toContain(p.bo);
      expect(thursday?.text).not.toContain("Bo Berg");
    });

    it("queued one job per routine slot, however many instances looked", async () => {
      const slots = await queryRows<{ job: string; key: string; slot: Date | string; jobs: number }>(
        h.database.db,
        sql`select s.job, s.key, s.slot,
              (select count(*)::int from pgboss.job j
                where j.data->>'name' = s.job and j.data->'payload'->>'teamId' = s.key
                  and (j.data->'payload'->>'slot')::timestamptz = s.slot) as jobs
            from job_slots s
            where s.job not in ('meetings.sweep') and s.slot >= ${WEEK_START} and s.slot < ${WEEK_END}
            order by s.slot, s.job, s.key`,
      );
      const each = (job: string, slot: string) => [north, south].map((id) => `${job} ${id} ${slot} jobs: 1`);
      expect(slots.map((r) => `${r.job} ${r.key} ${new Date(r.slot).toISOString()} jobs: ${r.jobs}`)).toEqual(
        [
          ...each("motivation.post", "2026-03-16T07:30:00.000Z"),
          ...each("standup.open", "2026-03-16T08:00:00.000Z"),
          ...each("standup.close", "2026-03-16T13:00:00.000Z"),
          ...each("spotlight.post", "2026-03-18T08:00:00.000Z"),
          ...each("motivation.post", "2026-03-19T07:30:00.000Z"),
        ],
      );
      // Each meeting reminder claimed once: a day before and 15 minutes before.
      const reminders = await queryRows<{ offset_minutes: number; n: number }>(
        h.database.db,
        sql`select offset_minutes, count(*)::int as n from meeting_reminders group by offset_minutes
            order by offset_minutes`,
      );
      expect(reminders).toEqual([
        { offset_minutes: 15, n: 1 },
        { offset_minutes: 1440, n: 1 },
      ]);
    });

    it("posts once when the instance that took the job is killed before its post reached Slack", async () => {
      // The week's three instances stop taking jobs: the process started next is the only engine.
      await settleAll();
      await Promise.all(others.splice(0).map((o) => o.stop()));
      await h.server.deps.jobs.stop();
      // Thursday 26 March, 08:31 in Stockholm: North's motivation slot of 08:30 is owed, and nothing else
      // (South's motivation is turned off, so the one post Slack holds is North's).
      const SLOT = "2026-03-26T07:30:00.000Z";
      h.clock.set("2026-03-26T07:31:00Z");
      await saveRoutine(
        h.database.db,
        { workspaceId, teamId: south, routine: "motivation", by: p.olle, at: h.clock.now() },
        { enabled: false, days: [1, 4], time: "08:30" },
      );
      const postsBefore = h.fake.world.messagesIn(p.channels.north).length;
      const southBefore = h.fake.world.messagesIn(p.channels.south).length;
      const held = h.fake.holdNext("chat.postMessage");
      const victim = startApp(
        {
          DATABASE_URL: h.database.url as string,
          SLACK_BOT_TOKEN: h.fake.botToken,
          SLACK_SIGNING_SECRET: h.signingSecret,
          SLACK_API_URL: h.fake.apiUrl,
          PORT: "0",
          LOG_LEVEL: "error",
          CLOCK_AT: "2026-03-26T07:31:00Z",
        },
        { args: ["--import", "tsx", "test/support/instance-process.ts"] },
      );
      processes.push(victim);
      await victim.waitFor(/instance ready/, 60_000);
      await withTimeout(held.arrived, 30_000, "the process never posted the motivation it struck");
      const [claimed] = await h.database.db
        .select()
        .from(motivationPosts)
        .where(and(eq(motivationPosts.teamId, north), eq(motivationPosts.slot, new Date(SLOT))));
      expect(claimed?.state).toBe("claimed");

      // Two instances come up while the process holds the job; then it dies mid-post.
      others.push(await startInstance(h), await startInstance(h));
      victim.child.kill("SIGKILL");
      await withTimeout(held.hungUp, 10_000, "the killed process's post did not hang up");
      await victim.exited;
      held.release();

      // Its heartbeat gone (10 s), the job is taken up again by one of the two: one post.
      const until = Date.now() + 90_000;
      while (h.fake.world.messagesIn(p.channels.north).length === postsBefore && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 200));
      await settleAll();
      const posts = h.fake.world.messagesIn(p.channels.north).slice(postsBefore);
      expect(posts.map((m) => shown(m).split("\n")[1])).toEqual([
        "*Sales North* har sålt för 25 500 kr av 180 000 kr den här månaden: 14 % av målet, med 82 % av arbetsdagarna passerade. Efter takten just nu: 38 625 kr per arbetsdag härifrån räcker.",
      ]);
      expect(h.fake.callsTo("chat.postMessage").filter((c) => c.error === "caller_gone")).toHaveLength(1);
      expect(h.fake.world.messagesIn(p.channels.south).slice(southBefore)).toEqual([]);
      const [done] = await h.database.db
        .select()
        .from(motivationPosts)
        .where(and(eq(motivationPosts.teamId, north), eq(motivationPosts.slot, new Date(SLOT))));
      expect(done).toMatchObject({ state: "posted", channelId: p.channels.north, ts: posts[0]?.ts });
      // And nothing more comes of it.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await settleAll();
      expect(h.fake.world.messagesIn(p.channels.north).slice(postsBefore)).toHaveLength(1);
    });
  },
);

/** `promise`, or a failure saying what did not happen within `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
