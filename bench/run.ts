/**
 * `npm run bench`: signed /team requests into Supervisor's HTTP receiver against a bare Bolt app that only
 * acks, both measured in this run on this machine, with autocannon over loopback.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, freemem, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "../src/platform/db/index.js";
import { startFakeSlack } from "../src/sandbox/fake-slack/server.js";
import { seedBenchTeam } from "./seed.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const secret = "bench-signing-secret-0123456789";
const root = new URL("..", import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function startChild(
  args: string[],
  env: Record<string, string>,
  readyPattern: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyPattern.test(output)) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function slashCommandBody(): string {
  return new URLSearchParams({
    token: "bench",
    team_id: "T0BENCH",
    team_domain: "bench",
    channel_id: "C0BENCH",
    channel_name: "sales-bench",
    user_id: "U0BENCHREP",
    user_name: "rep",
    command: "/team",
    text: "",
    api_app_id: "A0BENCH",
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:9/hooks/none",
    trigger_id: "1.2.bench",
  }).toString();
}

async function load(url: string, seconds: number): Promise<Result> {
  const body = slashCommandBody();
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  const result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signature,
    },
    body,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const fake = await startFakeSlack();
  fake.world.addUser({
    id: "U0BENCHREP",
    name: "rep",
    realName: "Bench Rep",
    tz: "Europe/Stockholm",
    locale: "en-US",
  });
  const dataDir = mkdtempSync(join(tmpdir(), "supervisor-bench-"));
  // With DATABASE_URL, measure on that server but in a database of our own, dropped afterwards.
  const benchDb = process.env.DATABASE_URL ? await createBenchDatabase(process.env.DATABASE_URL) : null;
  const databaseUrl = benchDb?.url;
  const database = openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  await database.migrate();
  await seedBenchTeam(database.db);
  await database.close();

  const [appPort, barePort] = [await freePort(), await freePort()];
  const common = { SLACK_SIGNING_SECRET: secret, LOG_LEVEL: "warn" };
  const app = await startChild(
    ["src/main.ts"],
    {
      ...common,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(appPort),
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOG_LEVEL: "info",
    },
    /Supervisor is ready/,
  );
  const bare = await startChild(["bench/bare-bolt.ts"], { ...common, PORT: String(barePort) }, /ready/);
  const appUrl = `http://127.0.0.1:${appPort}/slack/events`;
  const bareUrl = `http://127.0.0.1:${barePort}/slack/events`;

  try {
    // Warm both up (JIT, the profile cache, connection pools), then alternate measured rounds.
    await load(bareUrl, 2);
    await load(appUrl, 2);
    const rounds: { bare: Result; app: Result }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bareResult = await load(bareUrl, SECONDS);
      const appResult = await load(appUrl, SECONDS);
      rounds.push({ bare: bareResult, app: appResult });
    }
    const summary = (pick: (r: { bare: Result; app: Result }) => Result) => ({
      rps: median(rounds.map((r) => pick(r).rps)),
      p50: median(rounds.map((r) => pick(r).p50)),
      p99: median(rounds.map((r) => pick(r).p99)),
      failures: rounds.reduce((n, r) => n + pick(r).errors + pick(r).non2xx, 0),
    });
    const bareSummary = summary((r) => r.bare);
    const appSummary = summary((r) => r.app);
    const ratio = appSummary.rps / bareSummary.rps;
    const cpu = cpus();
    console.log(
      [
        `machine: ${cpu.length} x ${cpu[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), Node ${process.version}`,
        `database: ${databaseUrl ? "Postgres (DATABASE_URL)" : "PGlite (embedded)"}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s, medians`,
        "",
        "                          req/s     p50 ms   p99 ms   failed",
        `bare Bolt (ack only)   ${fmt(bareSummary)}`,
        `/team (DB read + reply)${fmt(appSummary)}`,
        "",
        `ratio /team / bare Bolt: ${ratio.toFixed(2)} (goal >= 0.80) ${ratio >= 0.8 ? "MET" : "NOT MET"}`,
      ].join("\n"),
    );
    if (appSummary.failures > 0 || bareSummary.failures > 0) {
      console.error("some requests failed: the figures above are not trustworthy");
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([stopChild(app), stopChild(bare)]);
    await fake.close();
    await benchDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `supervisor_bench_${process.pid}`;
  const at = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = postgres(at("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}"`);
  await admin.unsafe(`create database "${name}"`);
  return {
    url: at(name),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function fmt(s: { rps: number; p50: number; p99: number; failures: number }): string {
  return `${s.rps.toFixed(0).padStart(9)} ${s.p50.toFixed(1).padStart(10)} ${s.p99.toFixed(1).padStart(8)} ${String(s.failures).padStart(8)}`;
}

await main();
