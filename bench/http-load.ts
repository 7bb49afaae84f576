/**
 * Signed Slack requests with autocannon over loopback. A fixed body is signed once; a body generator is
 * called for every request and each body signed on its own (the signature covers the body), so every
 * request can carry its own trigger_id.
 */
import { createHmac } from "node:crypto";
import autocannon from "autocannon";

export const SIGNING_SECRET = "bench-signing-secret-0123456789";

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  /** One body for every request, or a new body per request. */
  body: string | (() => string);
  /** With a body generator: how many requests to sign before the clock starts. */
  pool?: number;
  /** Whether an answer is what a person should see; anything else counts as rejected. Default: any 2xx. */
  accept?: (status: number, body: string) => boolean;
  /** Requests a second over all connections (people at work), instead of as fast as the server answers. */
  rate?: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Answers that passed `accept`. */
  accepted: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx answers that `accept` refused (e.g. a polite error instead of "Recorded"). */
  rejected: number;
  /** A few refused answers, to say what went wrong. */
  samples: string[];
  /** Responses received. */
  total: number;
  /** CPU this process spent before the clock started (signing the pool), ms. */
  setupCpuMs: number;
  /** CPU per response in ms: the server process, database server processes (Postgres), this process. */
  cpu?: { server: number | null; db: number | null; client: number | null };
}

export function slackSignature(body: string, timestamp: string): string {
  return `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(fields: {
  workspaceId: string;
  channelId: string;
  channelName: string;
  userId: string;
  command: string;
  text: string;
  triggerId: string;
}): string {
  return new URLSearchParams({
    token: "bench",
    team_id: fields.workspaceId,
    team_domain: "bench",
    channel_id: fields.channelId,
    channel_name: fields.channelName,
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: "A0BENCH",
    is_enterprise_install: "false",
    // Nothing listens here: an answer that misses the ack and goes by response_url shows up as an error.
    response_url: "http://127.0.0.1:9/hooks/none",
    trigger_id: fields.triggerId,
  }).toString();
}

const FORM = "application/x-www-form-urlencoded";

function signed(body: string): { body: string; headers: Record<string, string> } {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  return {
    body,
    headers: {
      "content-type": FORM,
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": slackSignature(body, timestamp),
    },
  };
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const accept = options.accept ?? ((status: number) => status >= 200 && status < 300);
  let accepted = 0;
  let rejected = 0;
  const samples: string[] = [];
  const onResponse = (status: number, body: string) => {
    if (accept(status, body)) accepted++;
    else {
      if (status >= 200 && status < 300) rejected++;
      if (samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
    }
  };
  const { body } = options;
  let request: autocannon.Request;
  let setupCpuMs = 0;
  if (typeof body === "string") {
    request = { method: "POST", ...signed(body), onResponse };
  } else {
    // Signed ahead of time, so the client spends its time sending rather than signing (the bare app can
    // take several thousand requests a second). Past the pool, bodies are made and signed as they go.
    const started = process.cpuUsage();
    const pool = Array.from({ length: options.pool ?? 0 }, () => signed(body()));
    const { user, system } = process.cpuUsage(started);
    setupCpuMs = (user + system) / 1000;
    let next = 0;
    request = {
      method: "POST",
      setupRequest: (req) => {
        const { body: payload, headers } = pool[next++] ?? signed(body());
        return { ...req, body: payload, headers: { ...req.headers, ...headers } };
      },
      onResponse,
    };
  }
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
    ...(options.rate ? { overallRate: options.rate } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    accepted,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rejected,
    samples,
    total: result.requests.total,
    setupCpuMs,
  };
}

/** Medians over rounds, and every failure of every round. */
export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  accepted: number;
  samples: string[];
  /** Median CPU per response of the server, the database server and the load generator, ms. */
  cpu: { server: number | null; db: number | null; client: number | null };
}

export function summarize(results: readonly LoadResult[], median: (v: number[]) => number): Summary {
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    failures: results.reduce((n, r) => n + r.errors + r.non2xx + r.rejected, 0),
    accepted: results.reduce((n, r) => n + r.accepted, 0),
    samples: results.flatMap((r) => r.samples).slice(0, 3),
    cpu: {
      server: medianOf(
        results.map((r) => r.cpu?.server ?? null),
        median,
      ),
      db: medianOf(
        results.map((r) => r.cpu?.db ?? null),
        median,
      ),
      client: medianOf(
        results.map((r) => r.cpu?.client ?? null),
        median,
      ),
    },
  };
}

function medianOf(values: (number | null)[], median: (v: number[]) => number): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? median(known) : null;
}

export const TABLE_HEAD = `${"".padEnd(31)}    req/s     p50 ms   p99 ms   failed   CPU ms/req: server     db  client`;

const ms = (value: number | null) => (value === null ? "" : value.toFixed(2)).padStart(7);

export function row(label: string, s: Summary): string {
  const { server, db, client } = s.cpu;
  return `${label.padEnd(31)}${s.rps.toFixed(0).padStart(9)} ${s.p50.toFixed(1).padStart(10)} ${s.p99.toFixed(1).padStart(8)} ${String(s.failures).padStart(8)}             ${ms(server)}${ms(db)}${ms(client)}`;
}

/** Server and database CPU per request: what the server side spends on one. */
export function serverCpu(s: Summary): number | null {
  return s.cpu.server === null ? null : s.cpu.server + (s.cpu.db ?? 0);
}
