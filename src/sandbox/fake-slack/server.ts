/**
 * The fake Slack: a real HTTP server on 127.0.0.1 that answers the Web API like Slack
 * (point a WebClient at it with `slackApiUrl: fake.apiUrl`), serves response_urls and
 * file upload URLs, records every call, and owns the driver that plays Slack's side
 * towards the app (signed slash commands, interactions, events).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type BlockKitSchema, loadBlockKitSchema } from "./block-kit.js";
import { deliverReply, parseReplyBody } from "./delivery.js";
import { type AppTarget, SlackDriver } from "./driver.js";
import { boundaryOf, parseForm, parseMultipart, readBody, sendBody } from "./http-body.js";
import { type ApiBody, type Args, IMPLEMENTED_METHODS, JSON_ARGS, runMethod } from "./methods.js";
import { SocketModeHub } from "./socket-mode.js";
import { World, type WorldOptions } from "./world.js";

export interface FakeSlackOptions {
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** The bot token the app uses (default `xoxb-sandbox-bot-token`). */
  botToken?: string;
  /** More tokens to accept. */
  extraTokens?: readonly string[];
  /** The app-level token that opens Socket Mode connections (default `xapp-1-sandbox-app-token`). */
  appToken?: string;
  /** Slack reference data; enables Block Kit JSON Schema validation. */
  referenceDir?: string;
  /** Bring a prepared world; otherwise one is made from `worldOptions`. */
  world?: World;
  worldOptions?: WorldOptions;
  /** How long Slack waits for the app's HTTP answer (default 3000 ms). */
  ackTimeoutMs?: number;
}

/** One request the app made to the fake. `method` is the Web API method, or `response_url` / `file_upload`. */
export interface RecordedCall {
  method: string;
  /** Parsed arguments (JSON fields decoded, token removed). */
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
  /** HTTP status of the answer. */
  status: number;
  /** Slack's explanation of a refusal (`response_metadata.messages`), when it gave one. */
  messages?: string[];
  /** Epoch ms. */
  at: number;
}

export interface RateLimitSpec {
  /** Seconds, sent as `Retry-After`. */
  retryAfter: number;
  /** How many of the next calls are refused (default 1). */
  times?: number;
}

/**
 * Slack's own limits on `chat.postMessage`, which the fake enforces when asked (tests of other things are
 * not paced): about one message a second per channel (a post sooner than 90 % of the gap is refused, as
 * Slack tolerates a little jitter), a workspace-wide cap (a bucket of one second's posts, refilled
 * continuously), and a share of calls refused at random, as a busy Slack does. Every refusal is HTTP 429
 * with `Retry-After` and changes nothing.
 */
export interface PostLimits {
  /** Milliseconds between two posts to one channel (default 1000). */
  channelGapMs?: number;
  /** Posts a second to the whole workspace (default: no cap). */
  workspacePerSecond?: number;
  /** Share of calls refused at random, 0 to 1 (default 0). */
  refuseFraction?: number;
  /** Seconds sent as `Retry-After` (default 1). */
  retryAfter?: number;
  /** Seed of the random refusals, so a run can be repeated (default 1). */
  seed?: number;
}

/** What the post limits did so far. */
export interface PostLimitCounts {
  accepted: number;
  refused: { channel: number; workspace: number; random: number };
  /** Epoch ms of the first and the last accepted post. */
  firstAt: number | null;
  lastAt: number | null;
}

/** A call the fake keeps on its way to Slack until the test lets it through (see `holdNext`). */
export interface HeldCall {
  /** Resolves when the app has sent the call (it is then in flight, and nothing has happened yet). */
  readonly arrived: Promise<void>;
  /** Resolves if the app hangs up (crashes, exits) while the call is held: Slack never gets it. */
  readonly hungUp: Promise<void>;
  /** Lets the call through: Slack does what it asks and answers. */
  release(): void;
}

export interface FakeSlack {
  readonly world: World;
  /** e.g. `http://127.0.0.1:40123` */
  readonly url: string;
  /** e.g. `http://127.0.0.1:40123/api/` (WebClient's `slackApiUrl`). */
  readonly apiUrl: string;
  readonly port: number;
  readonly botToken: string;
  readonly schema: BlockKitSchema | undefined;
  /** Every call so far, oldest first (a live array). */
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  resetCalls(): void;
  /** The next `times` calls of `method` answer HTTP 429 with `Retry-After`. */
  rateLimit(method: string, spec: RateLimitSpec): void;
  /** Enforces Slack's limits on `chat.postMessage` from now on (`null`: none, the default). */
  limitPosts(limits: PostLimits | null): void;
  /** What the post limits accepted and refused since they were set. */
  readonly postLimitCounts: PostLimitCounts;
  /** The next call of `method` answers `{ ok: false, error, ...extra }` (queued, one per call). */
  failNext(method: string, error: string, extra?: Record<string, unknown>): void;
  /**
   * Slack is down for `method` until `until` (a timestamp, ms): every call answers HTTP 503 with an
   * HTML error page, as Slack's edge does, and changes nothing. `null` ends the outage.
   */
  outage(method: string, until: number | null): void;
  /**
   * Holds the next call of `method` on its way to Slack, as a slow network would, until `release()`:
   * work in flight for a test to interrupt. A call whose caller hangs up meanwhile never reaches Slack;
   * it is recorded with the error `caller_gone` and changes nothing.
   */
  holdNext(method: string): HeldCall;
  /** Resolves with the next recorded call of `method` (or one already made after `since`). */
  waitForCall(method: string, opts?: { timeoutMs?: number; since?: number }): Promise<RecordedCall>;
  /** Slack's side towards the app. */
  readonly driver: SlackDriver;
  /** Tells the driver where the app listens; returns the driver. */
  connectApp(target: AppTarget): SlackDriver;
  /** The app-level token `apps.connections.open` takes (Socket Mode). */
  readonly appToken: string;
  /** Socket Mode: the app's connection, and the envelopes sent over it. */
  readonly socketMode: SocketModeHub;
  close(): Promise<void>;
}

const DEFAULT_BOT_TOKEN = "xoxb-sandbox-bot-token";
const DEFAULT_APP_TOKEN = "xapp-1-sandbox-app-token";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Decodes the JSON-carrying fields of a form-encoded call. */
function decodeJsonFields(args: Record<string, unknown>): Args {
  const out: Args = { ...args };
  for (const key of JSON_ARGS) {
    const v = out[key];
    if (typeof v !== "string") continue;
    try {
      out[key] = JSON.parse(v);
    } catch {
      // Left as a string: the method answers invalid_blocks_format / invalid_arguments.
    }
  }
  return out;
}

class FakeSlackServer implements FakeSlack {
  readonly world: World;
  readonly schema: BlockKitSchema | undefined;
  readonly botToken: string;
  readonly appToken: string;
  readonly socketMode: SocketModeHub;
  readonly driver: SlackDriver;
  readonly calls: RecordedCall[] = [];
  private readonly tokens: Set<string>;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly rateLimits = new Map<string, { retryAfter: number; remaining: number }>();
  private readonly outages = new Map<string, number>();
  private readonly failures = new Map<string, Array<{ error: string; extra: Record<string, unknown> }>>();
  private readonly callWaiters = new Set<(call: RecordedCall) => void>();
  private readonly holds = new Map<
    string,
    Array<{ arrive: () => void; hangUp: () => void; released: Promise<void> }>
  >();
  private boundPort = 0;
  private postLimits: PostLimiter | null = null;

  constructor(options: FakeSlackOptions) {
    this.world = options.world ?? new World(options.worldOptions);
    this.schema = options.referenceDir !== undefined ? loadBlockKitSchema(options.referenceDir) : undefined;
    this.botToken = options.botToken ?? DEFAULT_BOT_TOKEN;
    this.tokens = new Set([this.botToken, ...(options.extraTokens ?? [])]);
    this.appToken = options.appToken ?? DEFAULT_APP_TOKEN;
    const ackTimeoutMs = options.ackTimeoutMs ?? 3000;
    this.socketMode = new SocketModeHub(this.world.workspace.appId, () => ackTimeoutMs);
    this.driver = new SlackDriver({
      world: this.world,
      schema: this.schema,
      baseUrl: () => this.url,
      ackTimeoutMs,
      sendEnvelope: (type, payload) => this.socketMode.send(type, payload),
    });
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error: "internal_error", detail: String(error) }));
        }
      });
    });
    this.server.on("upgrade", (req, socket, head) => this.socketMode.upgrade(req, socket, head));
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        this.boundPort = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  rateLimit(method: string, spec: RateLimitSpec): void {
    this.rateLimits.set(method, { retryAfter: spec.retryAfter, remaining: spec.times ?? 1 });
  }

  limitPosts(limits: PostLimits | null): void {
    this.postLimits = limits ? new PostLimiter(limits) : null;
  }

  get postLimitCounts(): PostLimitCounts {
    return (
      this.postLimits?.counts ?? {
        accepted: 0,
        refused: { channel: 0, workspace: 0, random: 0 },
        firstAt: null,
        lastAt: null,
      }
    );
  }

  outage(method: string, until: number | null): void {
    if (until === null) this.outages.delete(method);
    else this.outages.set(method, until);
  }

  failNext(method: string, error: string, extra: Record<string, unknown> = {}): void {
    const queue = this.failures.get(method) ?? [];
    queue.push({ error, extra });
    this.failures.set(method, queue);
  }

  holdNext(method: string): HeldCall {
    let arrive = (): void => {};
    let hangUp = (): void => {};
    let release = (): void => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const hungUp = new Promise<void>((resolve) => {
      hangUp = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = this.holds.get(method) ?? [];
    queue.push({ arrive, hangUp, released });
    this.holds.set(method, queue);
    return { arrived, hungUp, release };
  }

  waitForCall(method: string, opts: { timeoutMs?: number; since?: number } = {}): Promise<RecordedCall> {
    const since = opts.since;
    if (since !== undefined) {
      const done = this.calls.find((c) => c.method === method && c.at >= since);
      if (done) return Promise.resolve(done);
    }
    return new Promise((resolve, reject) => {
      const waiter = (call: RecordedCall): void => {
        if (call.method !== method) return;
        clearTimeout(timer);
        this.callWaiters.delete(waiter);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.callWaiters.delete(waiter);
        reject(new Error(`no ${method} call within ${opts.timeoutMs ?? 2000} ms`));
      }, opts.timeoutMs ?? 2000);
      this.callWaiters.add(waiter);
    });
  }

  connectApp(target: AppTarget): SlackDriver {
    this.driver.connect(target);
    return this.driver;
  }

  close(): Promise<void> {
    this.socketMode.close();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- plumbing

  private record(call: Omit<RecordedCall, "at">): void {
    const full: RecordedCall = { ...call, at: Date.now() };
    this.calls.push(full);
    for (const waiter of [...this.callWaiters]) waiter(full);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const body = await readBody(req);
    if (url.pathname.startsWith("/api/")) {
      await this.handleApi(decodeURIComponent(url.pathname.slice("/api/".length)), req, url, body, res);
    } else if (url.pathname.startsWith("/hooks/")) {
      this.handleHook(url.pathname.split("/").slice(3).join("/"), req, body, res);
    } else if (url.pathname.startsWith("/upload/v1/")) {
      this.handleUpload(url.pathname.slice("/upload/v1/".length), req, body, res);
    } else {
      sendBody(res, 404, { ok: false, error: "not_found" });
    }
  }

  private parseArgs(req: IncomingMessage, url: URL, body: Buffer): Args {
    const args: Record<string, unknown> = {};
    for (const [k, v] of url.searchParams) args[k] = v;
    const rawType = req.headers["content-type"] ?? "";
    const type = rawType.toLowerCase();
    if (body.length > 0) {
      if (type.startsWith("application/json")) {
        const parsed: unknown = JSON.parse(body.toString("utf8"));
        if (isRecord(parsed)) Object.assign(args, parsed);
      } else if (type.startsWith("multipart/form-data")) {
        const boundary = boundaryOf(rawType);
        if (boundary) {
          for (const part of parseMultipart(body, boundary)) {
            args[part.name] = part.filename !== undefined ? part.data : part.data.toString("utf8");
          }
        }
      } else {
        Object.assign(args, parseForm(body.toString("utf8")));
      }
    }
    return decodeJsonFields(args);
  }

  private async handleApi(
    method: string,
    req: IncomingMessage,
    url: URL,
    body: Buffer,
    res: ServerResponse,
  ): Promise<void> {
    let args: Args;
    try {
      args = this.parseArgs(req, url, body);
    } catch {
      this.record({ method, args: {}, ok: false, error: "invalid_json", status: 200 });
      sendBody(res, 200, { ok: false, error: "invalid_json" });
      return;
    }
    const { token: tokenArg, ...rest } = args;
    const respond = (status: number, answer: ApiBody, headers: Record<string, string> = {}): void => {
      const ok = answer.ok === true;
      this.record({
        method,
        args: rest,
        ok,
        status,
        ...(ok ? {} : { error: typeof answer.error === "string" ? answer.error : "unknown" }),
        ...(ok ? {} : explanation(answer)),
      });
      sendBody(res, status, answer, headers);
    };

    const down = this.outages.get(method);
    if (down !== undefined && Date.now() < down) {
      this.record({ method, args: rest, ok: false, status: 503, error: "service_unavailable" });
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html><body>Slack is having trouble. We are on it.</body></html>");
      return;
    }

    const limit = this.rateLimits.get(method);
    if (limit && limit.remaining > 0) {
      limit.remaining -= 1;
      if (limit.remaining === 0) this.rateLimits.delete(method);
      respond(429, { ok: false, error: "ratelimited" }, { "retry-after": String(limit.retryAfter) });
      return;
    }

    const auth = req.headers.authorization;
    const bearer = typeof auth === "string" ? /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() : undefined;
    const token = bearer ?? (typeof tokenArg === "string" && tokenArg !== "" ? tokenArg : undefined);
    if (method === "apps.connections.open") {
      // Only the app-level token opens a connection; a bot token is the wrong kind.
      if (token === this.appToken) respond(200, this.socketMode.open(this.url));
      else if (token === undefined) respond(200, { ok: false, error: "not_authed" });
      else
        respond(200, {
          ok: false,
          error: this.tokens.has(token) ? "not_allowed_token_type" : "invalid_auth",
        });
      return;
    }
    if (!IMPLEMENTED_METHODS.includes(method)) {
      respond(200, { ok: false, error: "unknown_method", req_method: method });
      return;
    }
    if (token === undefined) {
      respond(200, { ok: false, error: "not_authed" });
      return;
    }
    if (!this.tokens.has(token)) {
      respond(200, { ok: false, error: "invalid_auth" });
      return;
    }

    const hold = this.holds.get(method)?.shift();
    if (hold) {
      let gone = false;
      res.once("close", () => {
        if (res.writableFinished) return;
        gone = true;
        hold.hangUp();
      });
      hold.arrive();
      await hold.released;
      if (gone) {
        this.record({ method, args: rest, ok: false, error: "caller_gone", status: 0 });
        return;
      }
    }

    if (method === "chat.postMessage" && this.postLimits) {
      const refused = this.postLimits.refuse(String(rest.channel ?? ""), Date.now());
      if (refused !== null) {
        respond(429, { ok: false, error: "ratelimited" }, { "retry-after": String(refused) });
        return;
      }
    }

    const failure = this.failures.get(method)?.shift();
    if (failure) {
      respond(200, { ok: false, error: failure.error, ...failure.extra });
      return;
    }
    respond(200, runMethod(method, rest, { world: this.world, schema: this.schema, baseUrl: this.url }));
  }

  private handleHook(hookId: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const answer = (status: number, payload: ApiBody, args: Record<string, unknown>): void => {
      const ok = payload.ok === true;
      this.record({
        method: "response_url",
        args,
        ok,
        status,
        ...(ok ? {} : { error: String(payload.error) }),
      });
      sendBody(res, status, payload);
    };
    let parsed: unknown;
    try {
      const text = body.toString("utf8");
      const type = (req.headers["content-type"] ?? "").toLowerCase();
      parsed = type.startsWith("application/x-www-form-urlencoded")
        ? JSON.parse(parseForm(text).payload ?? "")
        : JSON.parse(text);
    } catch {
      answer(400, { ok: false, error: "invalid_payload" }, {});
      return;
    }
    const args = isRecord(parsed) ? parsed : {};
    const use = this.world.useResponseUrl(hookId);
    if (!use.ok) {
      answer(404, { ok: false, error: use.error }, args);
      return;
    }
    const reply = parseReplyBody(parsed);
    if (typeof reply === "string") {
      answer(400, { ok: false, error: reply }, args);
      return;
    }
    const result = deliverReply(this.world, this.schema, use.hook, reply, "response_url");
    if (!result.ok) {
      answer(
        400,
        {
          ok: false,
          error: result.error,
          ...(result.errors
            ? {
                errors: result.errors,
                response_metadata: { messages: result.errors.map((e) => `[ERROR] ${e}`) },
              }
            : {}),
        },
        args,
      );
      return;
    }
    answer(200, { ok: true }, args);
  }

  private handleUpload(uploadId: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    let bytes: Buffer = body;
    const type = (req.headers["content-type"] ?? "").toLowerCase();
    const boundary = type.startsWith("multipart/form-data")
      ? boundaryOf(req.headers["content-type"] ?? "")
      : undefined;
    if (boundary) {
      const parts = parseMultipart(body, boundary);
      const part = parts.find((p) => p.filename !== undefined) ?? parts[0];
      bytes = part?.data ?? Buffer.alloc(0);
    }
    const ok = this.world.receiveUpload(uploadId, new Uint8Array(bytes));
    this.record({
      method: "file_upload",
      args: { upload_id: uploadId, size: bytes.length },
      ok,
      status: ok ? 200 : 404,
      ...(ok ? {} : { error: "file_not_found" }),
    });
    if (!ok) {
      sendBody(res, 404, "file_not_found");
      return;
    }
    sendBody(res, 200, `OK - ${bytes.length}`);
  }
}

/** Starts the fake Slack on 127.0.0.1. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlackServer(options);
  await fake.listen(options.port ?? 0);
  return fake;
}

/** The `response_metadata.messages` of a refusal, for whoever reads the recorded calls. */
function explanation(answer: ApiBody): { messages?: string[] } {
  const meta = answer.response_metadata as { messages?: unknown } | undefined;
  const messages = Array.isArray(meta?.messages) ? meta.messages.map(String) : [];
  return messages.length > 0 ? { messages } : {};
}

/** Slack's limits on posting, as `PostLimits` describes them. */
class PostLimiter {
  readonly counts: PostLimitCounts = {
    accepted: 0,
    refused: { channel: 0, workspace: 0, random: 0 },
    firstAt: null,
    lastAt: null,
  };
  readonly #lastPost = new Map<string, number>();
  readonly #gapMs: number;
  readonly #perSecond: number;
  readonly #refuseFraction: number;
  readonly #retryAfter: number;
  #tokens: number;
  #filledAt = Date.now();
  #seed: number;

  constructor(limits: PostLimits) {
    this.#gapMs = limits.channelGapMs ?? 1000;
    this.#perSecond = limits.workspacePerSecond ?? 0;
    this.#refuseFraction = limits.refuseFraction ?? 0;
    this.#retryAfter = limits.retryAfter ?? 1;
    this.#tokens = this.#perSecond;
    this.#seed = limits.seed ?? 1;
  }

  /** The Retry-After of a refused post to `channel` at `now`, or null when it may go. */
  refuse(channel: string, now: number): number | null {
    if (this.#refuseFraction > 0 && this.#random() < this.#refuseFraction) {
      this.counts.refused.random++;
      return this.#retryAfter;
    }
    const last = this.#lastPost.get(channel);
    if (last !== undefined && now - last < this.#gapMs * 0.9) {
      this.counts.refused.channel++;
      return Math.max(1, Math.ceil((last + this.#gapMs - now) / 1000));
    }
    if (this.#perSecond > 0) {
      this.#tokens = Math.min(
        this.#perSecond,
        this.#tokens + ((now - this.#filledAt) / 1000) * this.#perSecond,
      );
      this.#filledAt = now;
      if (this.#tokens < 1) {
        this.counts.refused.workspace++;
        return this.#retryAfter;
      }
      this.#tokens -= 1;
    }
    this.#lastPost.set(channel, now);
    this.counts.accepted++;
    this.counts.firstAt ??= now;
    this.counts.lastAt = now;
    return null;
  }

  /** mulberry32: small, seeded, good enough to spread refusals. */
  #random(): number {
    this.#seed = (this.#seed + 0x6d2b79f5) | 0;
    let t = this.#seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
