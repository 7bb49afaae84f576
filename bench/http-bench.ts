/**
 * The HTTP parts: Supervisor (the real app, `src/main.ts` in a child process, Web API at the fake Slack)
 * against a bare Bolt app that only acks, in alternating rounds of the same length.
 * - `/team`: one fixed signed request (a DB read and the answer in the ack);
 * - `/quota 1200 note`: check-ins spread over the reps of a 100-rep team, each its own Slack request
 *   (trigger_id) and signature: a DB write, the answer in the ack, then the post to the team channel.
 */
import { sql } from "drizzle-orm";
import type { FakeSlack } from "../src/sandbox/fake-slack/server.js";
import { appEnv, type Location, open } from "./databases.js";
import {
  type LoadResult,
  load,
  row,
  SIGNING_SECRET,
  type Summary,
  serverCpu,
  slashCommandBody,
  summarize,
  TABLE_HEAD,
} from "./http-load.js";
import {
  repId,
  repIds,
  seedBenchTeam,
  seedHistory,
  seedTeam,
  type TeamSpec,
  TIME_ZONE,
  WORKSPACE,
} from "./seed.js";
import { cpuMs, freePort, measureCpu, median, startChild, stopChild, waitUntil } from "./support.js";

export const CHECKIN_TEAM: TeamSpec = {
  workspaceId: WORKSPACE,
  name: "Bench Closers",
  channelId: "C0BENCHQ",
  supervisorId: "U0BQSUP",
  repPrefix: "U0BQ",
  reps: 100,
};
/** The check-in team's history before the run: a quarter of daily check-ins and monthly targets. */
const CHECKIN_HISTORY_DAYS = 90;
const CHECKIN_TEXT = "1200 note";

export interface HttpOptions {
  seconds: number;
  rounds: number;
  connections: number;
  warmupSeconds: number;
}

/** The people and channels both HTTP parts use, in the fake Slack and in the app's database. */
export async function seedHttp(fake: FakeSlack, location: Location, today: string): Promise<void> {
  const person = (id: string) => ({
    id,
    name: id.toLowerCase(),
    realName: id,
    tz: TIME_ZONE,
    locale: "en-US",
  });
  for (const id of ["U0BENCHSUP", "U0BENCHREP", CHECKIN_TEAM.supervisorId, ...repIds(CHECKIN_TEAM)]) {
    fake.world.addUser(person(id));
  }
  fake.world.addChannel({ id: "C0BENCH", name: "sales-bench", members: ["U0BENCHSUP", "U0BENCHREP"] });
  fake.world.addChannel({
    id: CHECKIN_TEAM.channelId,
    name: "sales-closers",
    members: [CHECKIN_TEAM.supervisorId, ...repIds(CHECKIN_TEAM)],
  });
  const database = open(location);
  try {
    await seedBenchTeam(database.db);
    const teamId = await seedTeam(database.db, CHECKIN_TEAM);
    await seedHistory(database.db, teamId, CHECKIN_TEAM, { days: CHECKIN_HISTORY_DAYS, today });
    await database.db.execute(sql`analyze`);
  } finally {
    await database.close();
  }
}

interface Pair {
  bare: Summary;
  app: Summary;
  ratio: number;
}

/** A server under load: where to send requests, and whose CPU to count (its process, its DB backends). */
export interface Server {
  url: string;
  pid: number | undefined;
  backends(): Promise<number[]>;
}

/** Runs a load (and whatever follows it, e.g. waiting for posts) counting the server's CPU per response. */
async function measured(server: Server, run: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = server.pid === undefined ? null : cpuMs(server.pid);
  const client = process.cpuUsage();
  const { result, ms: db } = await measureCpu(() => server.backends(), run);
  const { user, system } = process.cpuUsage(client);
  const after = server.pid === undefined ? null : cpuMs(server.pid);
  const per = (ms: number | null) => (ms === null || result.total === 0 ? null : ms / result.total);
  return {
    ...result,
    cpu: {
      server: per(before === null || after === null ? null : after - before),
      db: per(db),
      client: per((user + system) / 1000 - result.setupCpuMs),
    },
  };
}

/** Warm both up, then alternate measured rounds: bare, app, bare, app... */
async function rounds(
  options: HttpOptions,
  bare: { server: Server; run: (seconds: number) => Promise<LoadResult> },
  app: { server: Server; run: (seconds: number) => Promise<LoadResult> },
): Promise<Pair> {
  await bare.run(options.warmupSeconds);
  await app.run(options.warmupSeconds);
  const bareResults: LoadResult[] = [];
  const appResults: LoadResult[] = [];
  for (let round = 0; round < options.rounds; round++) {
    bareResults.push(await measured(bare.server, () => bare.run(options.seconds)));
    appResults.push(await measured(app.server, () => app.run(options.seconds)));
  }
  const bareSummary = summarize(bareResults, median);
  const appSummary = summarize(appResults, median);
  return { bare: bareSummary, app: appSummary, ratio: appSummary.rps / bareSummary.rps };
}

export interface PartReport {
  lines: string[];
  /** Every request answered as a person should see it, and every side effect happened. */
  clean: boolean;
}

const verdict = (ratio: number, goal: number) =>
  `${ratio.toFixed(2)} (goal >= ${goal.toFixed(2)}) ${ratio >= goal ? "MET" : "NOT MET"}`;

/** The same comparison by server-side CPU per request: steadier than req/s when the machine is busy. */
function cpuRatio(pair: Pair): string {
  const [bare, app] = [serverCpu(pair.bare), serverCpu(pair.app)];
  return bare === null || app === null || app === 0
    ? ""
    : `; by server CPU per request ${(bare / app).toFixed(2)}`;
}

function failureLines(label: string, s: Summary): string[] {
  return s.failures > 0 ? [`${label}: ${s.failures} failed, e.g.`, ...s.samples.map((x) => `  ${x}`)] : [];
}

/** `/team` in the bench team's channel: the same request every time (it changes nothing). */
const teamBody = () =>
  slashCommandBody({
    workspaceId: WORKSPACE,
    channelId: "C0BENCH",
    channelName: "sales-bench",
    userId: "U0BENCHREP",
    command: "/team",
    text: "",
    triggerId: "1.2.bench",
  });

export async function benchTeam(
  servers: { app: Server; bare: Server },
  options: HttpOptions,
): Promise<PartReport> {
  const body = teamBody();
  const common = { connections: options.connections, body };
  const pair = await rounds(
    options,
    { server: servers.bare, run: (seconds) => load({ ...common, url: servers.bare.url, seconds }) },
    {
      server: servers.app,
      run: (seconds) =>
        load({
          ...common,
          url: servers.app.url,
          seconds,
          accept: (status, answer) => status === 200 && answer.includes("Bench Sales"),
        }),
    },
  );
  return {
    lines: [
      TABLE_HEAD,
      row("bare Bolt (ack only)", pair.bare),
      row("/team (DB read + reply)", pair.app),
      "",
      `ratio /team / bare Bolt: ${verdict(pair.ratio, 0.8)}${cpuRatio(pair)}`,
      ...failureLines("bare Bolt", pair.bare),
      ...failureLines("/team", pair.app),
    ],
    clean: pair.app.failures + pair.bare.failures === 0,
  };
}

/**
 * `/team` under a steady load for `minutes`, measured a minute at a time: does a request cost the app more
 * CPU after ten minutes of serving than in the first (a leak, a queue that grows)? Goal: within 1.1.
 * Each minute ends with a few seconds of bare Bolt (the same requests, ack only) as a control: when the
 * machine itself gets slower (other work, another VM), bare Bolt's CPU a request rises too, and the
 * app's figure over bare Bolt's does not; the goal is judged on that figure.
 */
export async function benchSteady(
  servers: { app: Server; bare: Server },
  options: HttpOptions,
  minutes: number,
): Promise<PartReport> {
  const body = teamBody();
  const controlSeconds = 10;
  const run = (server: Server, seconds: number) =>
    measured(server, () =>
      load({
        url: server.url,
        seconds,
        connections: options.connections,
        body,
        accept: (status, answer) =>
          status === 200 && (server === servers.bare || answer.includes("Bench Sales")),
      }),
    );
  // Warmed up first, as in the other parts, so minute 1 is not the JIT's first minute.
  await load({
    url: servers.app.url,
    seconds: options.warmupSeconds,
    connections: options.connections,
    body,
  });
  await load({
    url: servers.bare.url,
    seconds: options.warmupSeconds,
    connections: options.connections,
    body,
  });
  const perMinute: { app: LoadResult; bare: LoadResult; relative: number | null }[] = [];
  for (let minute = 0; minute < minutes; minute++) {
    const app = await run(servers.app, 60 - controlSeconds);
    const bare = await run(servers.bare, controlSeconds);
    const relative = app.cpu?.server && bare.cpu?.server ? app.cpu.server / bare.cpu.server : null;
    perMinute.push({ app, bare, relative });
    process.stderr.write(
      `minute ${minute + 1}: ${app.rps.toFixed(0)} req/s, ${(app.cpu?.server ?? 0).toFixed(3)} ms app CPU a request, ${(bare.cpu?.server ?? 0).toFixed(3)} ms bare Bolt\n`,
    );
  }
  const ratioOf = (pick: (m: (typeof perMinute)[number]) => number | null | undefined) => {
    const first = perMinute[0] ? pick(perMinute[0]) : null;
    const last = perMinute.at(-1) ? pick(perMinute.at(-1) as (typeof perMinute)[number]) : null;
    return first && last ? last / first : null;
  };
  const raw = ratioOf((m) => m.app.cpu?.server);
  const relative = ratioOf((m) => m.relative);
  const fixed = (n: number | null | undefined, digits: number) => (n ? n.toFixed(digits) : "n/a");
  return {
    lines: [
      "minute   req/s   app CPU ms/req   db CPU ms/req   bare Bolt ms/req   app / bare",
      ...perMinute.map(
        (m, i) =>
          `${String(i + 1).padStart(6)}  ${m.app.rps.toFixed(0).padStart(6)}  ${fixed(m.app.cpu?.server, 3).padStart(15)}  ${fixed(m.app.cpu?.db, 3).padStart(14)}  ${fixed(m.bare.cpu?.server, 3).padStart(17)}  ${fixed(m.relative, 2).padStart(11)}`,
      ),
      "",
      `app CPU a request, minute ${minutes} / minute 1: ${fixed(raw, 2)}; against bare Bolt in the same minute: ${fixed(relative, 2)} (goal <= 1.10) ${relative !== null && relative <= 1.1 ? "MET" : "NOT MET"}`,
    ],
    clean: perMinute.every(
      (m) => m.app.errors + m.app.non2xx + m.app.rejected + m.bare.errors + m.bare.non2xx === 0,
    ),
  };
}

/** Signed ahead of a load: enough for the bare app's pace (a few thousand a second). */
const pool = (seconds: number) => Math.ceil(seconds * 6000);

/** `/quota 1200 note` bodies, round-robin over the team's reps, each with its own trigger_id. */
function checkinBodies(tag: string): () => string {
  let sequence = 0;
  return () => {
    const n = sequence++;
    return slashCommandBody({
      workspaceId: WORKSPACE,
      channelId: CHECKIN_TEAM.channelId,
      channelName: "sales-closers",
      userId: repId(CHECKIN_TEAM, n % CHECKIN_TEAM.reps),
      command: "/quota",
      text: CHECKIN_TEXT,
      triggerId: `bench.${tag}.${n}`,
    });
  };
}

const recordedAnswer = (status: number, answer: string) =>
  status === 200 && answer.includes('"text":"Recorded ') && !answer.includes("reached me twice");

export interface CheckinRun {
  report: PartReport;
  app: Summary;
  /** Call once the app has stopped (it owns the database until then): compares the rows with the answers. */
  verify(location: Location): Promise<PartReport>;
}

export async function benchCheckins(
  servers: { app: Server; bare: Server },
  fake: FakeSlack,
  options: HttpOptions,
): Promise<CheckinRun> {
  const runTag = `${process.pid}.${Date.now()}`;
  const nextBody = checkinBodies(runTag);
  const posts = () =>
    fake.callsTo("chat.postMessage").filter((c) => c.args.channel === CHECKIN_TEAM.channelId);
  // Sales that come faster than Slack's pace of a message a second share a post ("12 check-ins: ...").
  const salesIn = (call: { args: Record<string, unknown> }) =>
    Number(/^(\d+) (?:check-ins|incheckningar):/.exec(String(call.args.text ?? ""))?.[1] ?? 1);
  const postedSales = () =>
    posts()
      .filter((c) => c.ok)
      .reduce((sum, c) => sum + salesIn(c), 0);
  let recorded = 0;
  let loads = 0;
  const drains: number[] = [];
  const common = { connections: options.connections, body: nextBody };
  const pair = await rounds(
    options,
    {
      server: servers.bare,
      run: (seconds) => load({ ...common, url: servers.bare.url, seconds, pool: pool(seconds) }),
    },
    {
      server: servers.app,
      run: async (seconds) => {
        const result = await load({
          ...common,
          url: servers.app.url,
          seconds,
          pool: pool(seconds),
          accept: recordedAnswer,
        });
        recorded += result.accepted;
        loads++;
        // The channel posts go out after the ack, and autocannon abandons the requests in flight when the
        // time is up (the app still records them): wait until the posts stop, so their work is counted
        // here and nothing of it runs while the next round measures.
        const started = performance.now();
        let seen = -1;
        let quietSince = performance.now();
        await waitUntil(() => {
          const count = postedSales();
          if (count !== seen) [seen, quietSince] = [count, performance.now()];
          return count >= recorded && performance.now() - quietSince >= 1_500;
        }, 60_000);
        drains.push(Math.max(0, quietSince - started));
        return result;
      },
    },
  );
  const calls = posts();
  const postedOk = calls.filter((c) => c.ok).length;
  const postErrors = calls.length - postedOk;
  const salesPosted = postedSales();
  const clean = pair.app.failures + pair.bare.failures === 0 && salesPosted >= recorded && postErrors === 0;
  const report: PartReport = {
    lines: [
      TABLE_HEAD,
      row("bare Bolt (ack only)", pair.bare),
      row(`/quota ${CHECKIN_TEXT} (write+post)`, pair.app),
      "",
      `ratio /quota check-in / bare Bolt: ${verdict(pair.ratio, 0.6)}${cpuRatio(pair)}`,
      `check-ins answered "Recorded": ${recorded} (warm-up included), over ${CHECKIN_TEAM.reps} reps; chat.postMessage to the team channel: ${postedOk} ok (listing ${salesPosted} sales, at Slack's pace of a message a second), ${postErrors} failed`,
      `after each load (warm-up first), the last channel post went out ${drains.map((d) => `${d.toFixed(0)} ms`).join(", ")} after the load ended`,
      ...failureLines("bare Bolt", pair.bare),
      ...failureLines("/quota", pair.app),
    ],
    clean,
  };
  return {
    report,
    app: pair.app,
    verify: async (location) => {
      const database = open(location);
      try {
        const result = (await database.db.execute(sql`
          select count(*)::int as rows, count(post_ts)::int as posted, count(distinct rep_id)::int as reps
          from checkins where workspace_id = ${WORKSPACE} and request_id like ${`bench.${runTag}.%`}`)) as unknown as
          | { rows: { rows: number; posted: number; reps: number }[] }
          | { rows: number; posted: number; reps: number }[];
        const [counts] = Array.isArray(result) ? result : result.rows;
        const rows = Number(counts?.rows ?? 0);
        const posted = Number(counts?.posted ?? 0);
        // Each load may end with up to `connections` requests in flight: recorded, but never answered.
        const abandoned = rows - recorded;
        const ok =
          abandoned >= 0 &&
          abandoned <= options.connections * loads &&
          posted === rows &&
          salesPosted === rows;
        return {
          lines: [
            `in the database: ${rows} check-ins from ${counts?.reps ?? 0} reps (${abandoned} still in flight when a load ended), ${posted} with their channel post remembered; ${salesPosted} sales in ${postedOk} posts: ${ok ? "consistent" : "INCONSISTENT"}`,
          ],
          clean: ok,
        };
      } finally {
        await database.close();
      }
    },
  };
}

/** A step of the ladder, run as a child process like the app (bench/variant-bolt.ts). */
interface Variant {
  label: string;
  name: "db1" | "listener" | "service";
  /** Whether its answers carry a check-in reply (else an empty ack). */
  replies: boolean;
}

const LADDER: readonly Variant[] = [
  { label: "+ one DB round trip (select 1)", name: "db1", replies: false },
  { label: "our listener + reply, no DB", name: "listener", replies: true },
  { label: "check-in service, post in-proc", name: "service", replies: true },
];

/**
 * Where a check-in's time goes: each step between bare Bolt and Supervisor against bare Bolt, in
 * alternating rounds as above, on the app's database (the app must have stopped: PGlite has one owner).
 * The last line is the real app, from the check-in part.
 */
export async function benchLadder(
  bare: Server,
  location: Location,
  backends: () => Promise<number[]>,
  options: HttpOptions,
  appCheckin: Summary | null,
): Promise<PartReport> {
  const body = checkinBodies(`ladder.${process.pid}.${Date.now()}`);
  const lines = [`${TABLE_HEAD}   ratio (by CPU)`];
  let clean = true;
  for (const variant of LADDER) {
    const port = await freePort();
    const child = await startChild(
      ["bench/variant-bolt.ts"],
      {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: String(port),
        BENCH_VARIANT: variant.name,
        BENCH_WORKSPACE: CHECKIN_TEAM.workspaceId,
        BENCH_REP: repId(CHECKIN_TEAM, 0),
        BENCH_CHANNEL: CHECKIN_TEAM.channelId,
        ...appEnv(location),
      },
      /ready/,
    );
    const server: Server = { url: `http://127.0.0.1:${port}/slack/events`, pid: child.process.pid, backends };
    try {
      const pair = await rounds(
        options,
        {
          server: bare,
          run: (seconds) =>
            load({ url: bare.url, seconds, connections: options.connections, body, pool: pool(seconds) }),
        },
        {
          server,
          run: (seconds) =>
            load({
              url: server.url,
              seconds,
              connections: options.connections,
              body,
              pool: pool(seconds),
              ...(variant.replies ? { accept: recordedAnswer } : {}),
            }),
        },
      );
      if (lines.length === 1) lines.push(row("bare Bolt (ack only)", pair.bare));
      lines.push(
        `${row(variant.label, pair.app)}   ${pair.ratio.toFixed(2)} (${((serverCpu(pair.bare) ?? Number.NaN) / (serverCpu(pair.app) ?? Number.NaN)).toFixed(2)})`,
      );
      lines.push(...failureLines(variant.label, pair.app));
      clean &&= pair.app.failures + pair.bare.failures === 0;
    } finally {
      await stopChild(child);
    }
  }
  if (appCheckin) lines.push(`${row("Supervisor (check-in part above)", appCheckin)}`);
  return { lines, clean };
}
