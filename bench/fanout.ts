/**
 * The weekly standup for many teams at one slot, against a fake Slack that refuses what Slack would: a
 * second post to a channel within a second, more than the workspace's posts a second, and 5 % of posts
 * at random (429 with Retry-After). Counts what every team's channel got (lost, duplicated), how long
 * the whole fan-out took against the floor the limits allow, and `/quota` check-ins' p99 while the
 * fan-out runs against the same load after it, in the same run. Supervisor runs as in production:
 * `src/main.ts` in a child process; its own clock strikes the slot (node-cron, the teams' zone).
 */
import { sql } from "drizzle-orm";
import { localDate } from "../src/platform/time/index.js";
import { startFakeSlack } from "../src/sandbox/fake-slack/server.js";
import { appEnv, type Location, open } from "./databases.js";
import type { PartReport } from "./http-bench.js";
import { load, SIGNING_SECRET, slashCommandBody } from "./http-load.js";
import { repId, repIds, seedHistory, seedTeam, type TeamSpec, TIME_ZONE, WORKSPACE } from "./seed.js";
import { freePort, sleep, startChild, stopChild, waitUntil } from "./support.js";

export interface FanoutOptions {
  teams: number;
  repsPerTeam: number;
  /** Posts a second the fake allows the workspace (and the app allows itself). */
  workspacePerSecond: number;
  /** Share of posts the fake refuses at random. */
  refuseFraction: number;
  /** Check-ins a second during and after the fan-out (people at work). */
  checkinRate: number;
  /** Seconds of check-ins measured during the fan-out, and again after it. */
  checkinSeconds: number;
  log: (line: string) => void;
}

const CHECKIN_TEAM: TeamSpec = {
  workspaceId: WORKSPACE,
  name: "Fan-out Closers",
  channelId: "C0FANQ",
  supervisorId: "U0FQSUP",
  repPrefix: "U0FQ",
  reps: 20,
};

const teamSpec = (n: number, reps: number): TeamSpec => ({
  workspaceId: WORKSPACE,
  name: `Fan-out ${String(n).padStart(4, "0")}`,
  channelId: `C0FAN${String(n).padStart(4, "0")}`,
  supervisorId: `U0FS${String(n).padStart(4, "0")}`,
  repPrefix: `U0F${String(n).padStart(4, "0")}R`,
  reps,
});

/** HH:MM and ISO weekday of an instant in the bench's zone. */
function wallOf(at: Date): { time: string; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { time: `${get("hour")}:${get("minute")}`, weekday };
}

export async function benchFanout(location: Location, options: FanoutOptions): Promise<PartReport> {
  const { log } = options;
  const fake = await startFakeSlack({ worldOptions: { workspace: { teamId: WORKSPACE } } });
  let app: Awaited<ReturnType<typeof startChild>> | null = null;
  try {
    const specs = Array.from({ length: options.teams }, (_, n) => teamSpec(n, options.repsPerTeam));
    for (const spec of specs)
      fake.world.addChannel({ id: spec.channelId, name: spec.name.toLowerCase().replace(/\W+/g, "-") });
    for (const id of [CHECKIN_TEAM.supervisorId, ...repIds(CHECKIN_TEAM)])
      fake.world.addUser({ id, name: id.toLowerCase(), realName: id, tz: TIME_ZONE, locale: "en-US" });
    fake.world.addChannel({
      id: CHECKIN_TEAM.channelId,
      name: "fan-out-closers",
      members: repIds(CHECKIN_TEAM),
    });

    // The slot: a minute boundary far enough ahead for seeding and start-up, never across midnight.
    let slot = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
    while (wallOf(slot).time >= "23:50") slot = new Date(slot.getTime() + 60_000 * 15);
    const wall = wallOf(slot);
    const today = localDate(new Date(), TIME_ZONE);
    log(
      `seeding ${options.teams} teams of ${options.repsPerTeam} reps; the standup at ${wall.time} ${TIME_ZONE}...`,
    );
    const database = open(location);
    try {
      for (const spec of specs) {
        const teamId = await seedTeam(database.db, spec);
        await database.db.execute(sql`
          insert into team_routines (workspace_id, team_id, routine, enabled, days, time, cutoff, ask_in, updated_by, updated_at)
          values (${WORKSPACE}, ${teamId}, 'standup', true, ${`{${wall.weekday}}`}::int[], ${wall.time}, '23:59', 'thread', 'bench', now() - interval '1 day'),
                 (${WORKSPACE}, ${teamId}, 'motivation', false, '{1}', '08:30', null, null, 'bench', now() - interval '1 day'),
                 (${WORKSPACE}, ${teamId}, 'spotlight', false, '{3}', '09:00', null, null, 'bench', now() - interval '1 day')`);
      }
      const teamId = await seedTeam(database.db, CHECKIN_TEAM);
      await seedHistory(database.db, teamId, CHECKIN_TEAM, { days: 30, today });
      await database.db.execute(sql`
        insert into team_routines (workspace_id, team_id, routine, enabled, days, time, cutoff, ask_in, updated_by, updated_at)
        select ${WORKSPACE}, ${teamId}, r, false, '{1}', '08:30', null, null, 'bench', now()
        from unnest(array['standup', 'motivation', 'spotlight']) r`);
      await database.db.execute(sql`analyze`);
    } finally {
      await database.close();
    }

    const port = await freePort();
    app = await startChild(
      ["src/main.ts"],
      {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_API_URL: fake.apiUrl,
        SLACK_WORKSPACE_POSTS_PER_SECOND: String(options.workspacePerSecond),
        PORT: String(port),
        ...appEnv(location),
        LOG_LEVEL: "info",
      },
      /Supervisor is ready/,
    );
    fake.limitPosts({
      channelGapMs: 1000,
      workspacePerSecond: options.workspacePerSecond,
      refuseFraction: options.refuseFraction,
      retryAfter: 1,
      seed: 11,
    });
    const url = `http://127.0.0.1:${port}/slack/events`;
    const tag = `${process.pid}.${Date.now()}`;
    let sequence = 0;
    const body = () => {
      const n = sequence++;
      return slashCommandBody({
        workspaceId: WORKSPACE,
        channelId: CHECKIN_TEAM.channelId,
        channelName: "fan-out-closers",
        userId: repId(CHECKIN_TEAM, n % CHECKIN_TEAM.reps),
        command: "/quota",
        text: "1200 note",
        triggerId: `fanout.${tag}.${n}`,
      });
    };
    const checkins = (seconds: number) =>
      load({
        url,
        seconds,
        connections: 4,
        rate: options.checkinRate,
        body,
        pool: options.checkinRate * seconds + 50,
        accept: (status, answer) => status === 200 && answer.includes('"text":"Recorded '),
      });
    // Warm the app up (its first requests compile and fill caches), then wait for the slot.
    await checkins(3);
    const ahead = slot.getTime() - Date.now();
    if (ahead < 0) throw new Error(`the app was ready ${-ahead} ms after the slot; start-up took too long`);
    log(`waiting ${(ahead / 1000).toFixed(0)} s for the slot...`);
    await sleep(ahead);

    const channels = new Set(specs.map((s) => s.channelId));
    const postsTo = () =>
      fake.callsTo("chat.postMessage").filter((c) => c.ok && channels.has(String(c.args.channel)));
    const during = await checkins(options.checkinSeconds);
    const expected = options.teams * 2;
    const done = await waitUntil(() => postsTo().length >= expected, 20 * 60_000);
    const finishedAt = Math.max(...postsTo().map((c) => c.at));
    // Anything still coming (a duplicate) has a few seconds to show.
    await sleep(5_000);
    const after = await checkins(options.checkinSeconds);
    const lines = app.take();
    // The 429s the fake was told to send are logged as they are waited out: by the job that met one
    // (info), or by the Web API client of people's requests (a warning).
    const rateLimited = lines.filter((line) =>
      /A rate limit was exceeded|Slack asks to slow down/.test(line),
    );
    const appLog = lines.filter((line) => / (WARN|ERROR) /.test(line) && !rateLimited.includes(line));
    await stopChild(app);
    app = null;

    const perChannel = new Map<string, { roots: number; replies: number }>();
    for (const channel of channels) perChannel.set(channel, { roots: 0, replies: 0 });
    for (const call of postsTo()) {
      const counts = perChannel.get(String(call.args.channel));
      if (!counts) continue;
      if (call.args.thread_ts) counts.replies++;
      else counts.roots++;
    }
    const counts = [...perChannel.values()];
    const lost = counts.filter((c) => c.roots === 0).length + counts.filter((c) => c.replies === 0).length;
    const duplicated = counts.reduce(
      (sum, c) => sum + Math.max(0, c.roots - 1) + Math.max(0, c.replies - 1),
      0,
    );
    const posts = postsTo().length;
    // The fastest Slack lets it go: a second's burst at once, the rest at the workspace's pace.
    const floorMs = (Math.max(0, posts - options.workspacePerSecond) / options.workspacePerSecond) * 1000;
    const tookMs = finishedAt - slot.getTime();
    const ratio = tookMs / floorMs;
    const refused = fake.postLimitCounts.refused;
    const p99Ratio = during.p99 / Math.max(1, after.p99);
    const report = [
      `teams: ${options.teams} of ${options.repsPerTeam} reps, one workspace; the fake allows a post a second per channel and ${options.workspacePerSecond} a second per workspace, and refuses ${(options.refuseFraction * 100).toFixed(0)} % at random`,
      `standup posts: ${posts} (${expected} expected: the post and the thread's ask per team); lost ${lost}, duplicated ${duplicated}${done ? "" : " (TIMED OUT)"}`,
      `refused by the fake: ${refused.random} at random, ${refused.channel} for the channel's pace, ${refused.workspace} for the workspace's cap (the app logged ${rateLimited.length} as it waited them out)`,
      `fan-out took ${(tookMs / 1000).toFixed(1)} s from the slot to the last post; floor ${(floorMs / 1000).toFixed(1)} s; ratio ${ratio.toFixed(2)} (goal <= 1.2) ${ratio <= 1.2 ? "met" : "NOT MET"}`,
      `/quota check-ins at ${options.checkinRate}/s, ${options.checkinSeconds} s each: p99 ${during.p99} ms during the fan-out (p50 ${during.p50}), ${after.p99} ms after it (p50 ${after.p50}); ratio ${p99Ratio.toFixed(2)} (goal <= 2) ${p99Ratio <= 2 ? "met" : "NOT MET"}`,
      `check-ins answered "Recorded": ${during.accepted} of ${during.total} during, ${after.accepted} of ${after.total} after`,
      ...(appLog.length > 0
        ? [`the app logged ${appLog.length} warnings or errors, e.g.`, ...appLog.slice(0, 5)]
        : []),
    ];
    const clean =
      done &&
      lost === 0 &&
      duplicated === 0 &&
      during.accepted === during.total &&
      after.accepted === after.total &&
      appLog.length === 0;
    return { lines: report, clean };
  } finally {
    await stopChild(app);
    await fake.close();
  }
}
