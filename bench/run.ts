/**
 * `npm run bench`, one run on this machine, every figure against a baseline measured in the same run:
 * 1. `/team` into Supervisor's HTTP receiver against a bare Bolt app that only acks (autocannon, loopback);
 * 2. `/quota 1200 note` check-ins (a DB write and a channel post each) against the same bare Bolt;
 * 3. the leaderboard's query over 1 000 reps with two years of daily check-ins against a tenth of that;
 * 4. the productivity report (data, blocks, chart PNG, CSV) of 50 teams of 20 reps over a year against one team.
 * With DATABASE_URL the databases are our own on that server (created and dropped here); else PGlite in
 * a temp folder. Knobs: BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_WARMUP_SECONDS,
 * BENCH_LEADERBOARD_RUNS, BENCH_PARTS (comma-separated, default team,checkin,leaderboard,fanout,report; BENCH_REPORT_TEAMS/REPS/DAYS/RUNS; `ladder` adds
 * the steps between bare Bolt and a check-in, `steady` /team minute by minute for BENCH_STEADY_MINUTES).
 * See bench/README.md.
 */

import { localDate } from "../src/platform/time/index.js";
import { startFakeSlack } from "../src/sandbox/fake-slack/server.js";
import { appEnv, type BenchDatabases, provisionDatabases } from "./databases.js";
import { benchFanout } from "./fanout.js";
import {
  benchCheckins,
  benchLadder,
  benchSteady,
  benchTeam,
  type PartReport,
  type Server,
  seedHttp,
} from "./http-bench.js";
import { SIGNING_SECRET, type Summary } from "./http-load.js";
import { benchLeaderboard } from "./leaderboard.js";
import { benchReports } from "./reports.js";
import { TIME_ZONE, WORKSPACE } from "./seed.js";
import { type Child, envNumber, freePort, load1, machine, startChild, stopChild } from "./support.js";

const PARTS = ["team", "checkin", "leaderboard", "fanout", "report", "ladder", "steady"] as const;
type Part = (typeof PARTS)[number];
/** The ladder (where a check-in's time goes) takes another minute or two: on request only. */
const DEFAULT_PARTS = "team,checkin,leaderboard,fanout,report";

const options = {
  seconds: envNumber("BENCH_SECONDS", 10),
  rounds: envNumber("BENCH_ROUNDS", 2),
  connections: envNumber("BENCH_CONNECTIONS", 10),
  warmupSeconds: envNumber("BENCH_WARMUP_SECONDS", 2),
  leaderboardRuns: envNumber("BENCH_LEADERBOARD_RUNS", 30),
};
const parts = new Set<Part>(
  (process.env.BENCH_PARTS?.trim() || DEFAULT_PARTS)
    .split(",")
    .map((p) => p.trim())
    .filter((p): p is Part => (PARTS as readonly string[]).includes(p)),
);
const serverUrl = process.env.DATABASE_URL?.trim() || undefined;

const print = (...lines: string[]) => process.stdout.write(`${lines.join("\n")}\n`);
const progress = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

async function main(): Promise<void> {
  const started = performance.now();
  const http = parts.has("team") || parts.has("checkin") || parts.has("ladder") || parts.has("steady");
  const names = [
    ...(http ? (["app"] as const) : []),
    ...(parts.has("leaderboard") ? (["big", "small"] as const) : []),
    ...(parts.has("fanout") ? (["fanout"] as const) : []),
    ...(parts.has("report") ? (["report"] as const) : []),
  ];
  print(
    `machine: ${machine()}`,
    `database: ${serverUrl ? "Postgres (DATABASE_URL; databases of our own, dropped afterwards)" : "PGlite (embedded, temp folders)"}`,
    `date: ${new Date().toISOString()}, load average ${load1()} (other work on the machine makes req/s noisy)`,
  );

  let databases: BenchDatabases<"app" | "big" | "small" | "fanout" | "report"> | null = null;
  let fake: Awaited<ReturnType<typeof startFakeSlack>> | null = null;
  let app: Child | null = null;
  let bare: Child | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanup = () => {
    cleaning ??= (async () => {
      await Promise.all([stopChild(app), stopChild(bare)]);
      await fake?.close();
      await databases?.cleanup();
    })();
    return cleaning;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      progress(`${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  let clean = true;
  try {
    progress("creating the databases...");
    databases = await provisionDatabases(names, serverUrl);
    const today = localDate(new Date(), TIME_ZONE);

    if (http) {
      const dbs = databases;
      const at = dbs.at.app;
      // The fake's workspace is the bench's, so the app (installed there) serves the bench's requests.
      fake = await startFakeSlack({ worldOptions: { workspace: { teamId: WORKSPACE } } });
      progress("seeding the HTTP teams...");
      await seedHttp(fake, at, today);
      const [appPort, barePort] = [await freePort(), await freePort()];
      progress("starting Supervisor and the bare Bolt app...");
      [app, bare] = await Promise.all([
        startChild(
          ["src/main.ts"],
          {
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_BOT_TOKEN: fake.botToken,
            SLACK_API_URL: fake.apiUrl,
            PORT: String(appPort),
            ...appEnv(at),
            LOG_LEVEL: "info",
          },
          /Supervisor is ready/,
        ),
        startChild(
          ["bench/bare-bolt.ts"],
          { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(barePort) },
          /ready/,
        ),
      ]);
      const servers: { app: Server; bare: Server } = {
        app: {
          url: `http://127.0.0.1:${appPort}/slack/events`,
          pid: app.process.pid,
          backends: () => dbs.backends("app"),
        },
        bare: {
          url: `http://127.0.0.1:${barePort}/slack/events`,
          pid: bare.process.pid,
          backends: async () => [],
        },
      };
      const load = {
        seconds: options.seconds,
        rounds: options.rounds,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
      };
      const setup = `${options.connections} connections, ${options.rounds} rounds of ${options.seconds} s after ${options.warmupSeconds} s warm-up, medians`;
      const reports: PartReport[] = [];
      if (parts.has("team")) {
        progress("measuring /team...");
        const report = await benchTeam(servers, load);
        print("", `== /team against bare Bolt (${setup})`, ...report.lines);
        reports.push(report);
      }
      if (parts.has("steady")) {
        const minutes = envNumber("BENCH_STEADY_MINUTES", 10);
        progress(`measuring /team under a steady load for ${minutes} minutes...`);
        const report = await benchSteady(servers, load, minutes);
        print(
          "",
          `== /team under a steady load (${options.connections} connections, minute by minute)`,
          ...report.lines,
        );
        reports.push(report);
      }
      let checkins: Summary | null = null;
      if (parts.has("checkin")) {
        progress("measuring /quota check-ins...");
        const run = await benchCheckins(servers, fake, load);
        print("", `== (a) /quota check-ins against bare Bolt (${setup})`, ...run.report.lines);
        reports.push(run.report);
        checkins = run.app;
        await stopChild(app);
        const verified = await run.verify(at);
        print(...verified.lines);
        reports.push(verified);
      }
      const appLog = app.take().filter((line) => / (WARN|ERROR) /.test(line));
      await stopChild(app);
      if (parts.has("ladder")) {
        progress("measuring the ladder...");
        const report = await benchLadder(servers.bare, at, () => dbs.backends("app"), load, checkins);
        print("", `== where a check-in's time goes: each step against bare Bolt (${setup})`, ...report.lines);
        reports.push(report);
      }
      if (appLog.length > 0) {
        print(
          `Supervisor logged ${appLog.length} warnings or errors during the run, e.g.`,
          ...appLog.slice(0, 5),
        );
      }
      clean = reports.every((r) => r.clean) && appLog.length === 0;
      await Promise.all([stopChild(app), stopChild(bare)]);
      await fake.close();
      fake = null;
    }

    if (parts.has("leaderboard")) {
      progress("seeding and timing the leaderboard...");
      print(
        "",
        "== (b) the leaderboard over 1,000 reps: two years of daily check-ins against a tenth of that",
      );
      const report = await benchLeaderboard(databases.at.big, databases.at.small, {
        bigDays: 730,
        smallDays: 73,
        runs: options.leaderboardRuns,
        log: print,
      });
      print(...report.lines);
    }
    if (parts.has("fanout")) {
      const fanout = {
        teams: envNumber("BENCH_FANOUT_TEAMS", 500),
        repsPerTeam: envNumber("BENCH_FANOUT_REPS", 5),
        workspacePerSecond: envNumber("BENCH_FANOUT_POSTS_PER_SECOND", 20),
        refuseFraction: 0.05,
        checkinRate: envNumber("BENCH_FANOUT_CHECKIN_RATE", 10),
        checkinSeconds: envNumber("BENCH_FANOUT_CHECKIN_SECONDS", 20),
        log: progress,
      };
      progress("the weekly standup fan-out...");
      print(
        "",
        `== the weekly standup for ${fanout.teams} teams at one slot, against Slack's limits with 5 % 429s`,
      );
      const report = await benchFanout(databases.at.fanout, fanout);
      print(...report.lines);
      clean &&= report.clean;
    }
    if (parts.has("report")) {
      const report = {
        teams: envNumber("BENCH_REPORT_TEAMS", 50),
        repsPerTeam: envNumber("BENCH_REPORT_REPS", 20),
        days: envNumber("BENCH_REPORT_DAYS", 365),
        runs: envNumber("BENCH_REPORT_RUNS", 5),
        today,
        log: progress,
      };
      progress("seeding and timing the productivity report...");
      print(
        "",
        `== (c) the productivity report of ${report.teams} teams of ${report.repsPerTeam} reps over ${report.days} days, against one of those teams`,
      );
      print(...(await benchReports(databases.at.report, report)).lines);
    }
    print("", `whole run: ${seconds(started)}; load average now ${load1()}`);
    if (!clean) {
      print("some requests failed or some effects are missing: the HTTP figures above are not trustworthy");
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

await main();
