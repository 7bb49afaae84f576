import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parse as parseQuery } from "node:querystring";
import { type Logger, LogLevel, WebClient } from "@slack/web-api";
import { type FakeSlack, verifySlackSignature } from "../../src/sandbox/fake-slack/index.js";

/** Slack's reference data (methods/, responses/, payloads/, schemas/), when provided. */
export const REFERENCE_DIR = process.env.SLACK_REFERENCE_DIR;
export const NO_REFERENCE = REFERENCE_DIR === undefined || REFERENCE_DIR === "";

export function readReference(relativePath: string): unknown {
  if (REFERENCE_DIR === undefined) throw new Error("SLACK_REFERENCE_DIR is not set");
  return JSON.parse(readFileSync(join(REFERENCE_DIR, relativePath), "utf8"));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Paths of keys in `ours` that the reference shape does not have (objects compared
 * recursively; `blocks` are the app's own content, so they are not compared).
 */
export function keysMissingFromReference(ours: unknown, reference: unknown, path = ""): string[] {
  if (!isRecord(ours) || !isRecord(reference)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(ours)) {
    const p = path === "" ? key : `${path}.${key}`;
    if (!(key in reference)) {
      out.push(p);
      continue;
    }
    const ref = reference[key];
    if (key === "blocks") continue;
    if (isRecord(value) && isRecord(ref) && Object.keys(ref).length > 0) {
      out.push(...keysMissingFromReference(value, ref, p));
    }
    if (Array.isArray(value) && Array.isArray(ref) && isRecord(value[0]) && isRecord(ref[0])) {
      out.push(...keysMissingFromReference(value[0], ref[0], `${p}[]`));
    }
  }
  return out;
}

export const BOT_TOKEN = "xoxb-test-bot-token";
export const SIGNING_SECRET = "test-signing-secret-0123456789";

/** Keeps WebClient's warnings (missing text, [ERROR] lines of expected failures) out of the test output. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export function clientFor(
  fake: FakeSlack,
  options: { token?: string; rejectRateLimitedCalls?: boolean } = {},
): WebClient {
  return new WebClient(options.token ?? fake.botToken, {
    logger: silentLogger,
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: options.rejectRateLimitedCalls ?? false,
  });
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  contentType: string;
  /** Form fields (slash commands), the decoded `payload` (interactions) or the JSON (events). */
  body: Record<string, unknown>;
  signatureValid: boolean;
}

export interface AppReply {
  status?: number;
  body?: unknown;
  delayMs?: number;
}

export type AppHandler = (req: ReceivedRequest) => AppReply | undefined | Promise<AppReply | undefined>;

/** A tiny stand-in for the app: checks Slack's signature itself and answers as told. */
export class FakeApp {
  readonly requests: ReceivedRequest[] = [];
  handler: AppHandler = () => ({ status: 200 });
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(signingSecret = SIGNING_SECRET): Promise<FakeApp> {
    let app: FakeApp | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        const ts = String(req.headers["x-slack-request-timestamp"] ?? "");
        const signatureValid = verifySlackSignature({
          signingSecret,
          signature: req.headers["x-slack-signature"] as string | undefined,
          timestamp: ts,
          rawBody,
        });
        const contentType = String(req.headers["content-type"] ?? "");
        let body: Record<string, unknown> = {};
        if (contentType === "application/json") {
          body = JSON.parse(rawBody) as Record<string, unknown>;
        } else {
          const form = parseQuery(rawBody) as Record<string, string>;
          body =
            typeof form.payload === "string" ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
        }
        const received: ReceivedRequest = {
          path: req.url ?? "/",
          headers: req.headers,
          rawBody,
          contentType,
          body,
          signatureValid,
        };
        app?.requests.push(received);
        const reply = signatureValid ? ((await app?.handler(received)) ?? { status: 200 }) : { status: 401 };
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        if (res.destroyed) return;
        const text =
          reply.body === undefined
            ? ""
            : typeof reply.body === "string"
              ? reply.body
              : JSON.stringify(reply.body);
        res.writeHead(
          reply.status ?? 200,
          typeof reply.body === "object" && reply.body !== null ? { "content-type": "application/json" } : {},
        );
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    app = new FakeApp(server, `http://127.0.0.1:${port}/slack/events`);
    return app;
  }

  last(): ReceivedRequest {
    const r = this.requests[this.requests.length - 1];
    if (!r) throw new Error("the app received nothing");
    return r;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
