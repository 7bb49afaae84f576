/**
 * Slack's side of Socket Mode: `apps.connections.open` (with the app-level token) hands out a one-use
 * WebSocket URL; the connection is greeted with `hello`; every request Slack would POST to the app is sent
 * instead as an envelope (`slash_commands`, `interactive`, `events_api`) that the app acknowledges with its
 * `envelope_id` and, where Slack takes one, a response payload, within the same 3 s as over HTTP.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

/** The app's acknowledgement as the driver reads an HTTP answer (`status` 0: none came). */
export interface EnvelopeAnswer {
  status: number;
  body: string;
  timedOut: boolean;
  networkError?: string;
}

interface Waiting {
  resolve: (answer: EnvelopeAnswer) => void;
  timer: NodeJS.Timeout;
}

export class SocketModeHub {
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #tickets = new Set<string>();
  readonly #waiting = new Map<string, Waiting>();
  #socket: WebSocket | null = null;
  /** Every envelope sent, in order (what the app was sent, for tests). */
  readonly sent: { envelope_id: string; type: EnvelopeType; payload: unknown }[] = [];

  constructor(
    private readonly appId: string,
    private readonly ackTimeoutMs: () => number,
  ) {}

  /** The answer to `apps.connections.open`: a URL good for one connection. */
  open(baseUrl: string): { ok: true; url: string } {
    const ticket = randomUUID();
    this.#tickets.add(ticket);
    const ws = baseUrl.replace(/^http/, "ws");
    return { ok: true, url: `${ws}/link/?ticket=${ticket}&app_id=${this.appId}` };
  }

  /** Takes the HTTP upgrade of a connection URL; anything else is refused. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://fake");
    const ticket = url.searchParams.get("ticket") ?? "";
    if (url.pathname !== "/link/" || !this.#tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
      return;
    }
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#connected(ws));
  }

  get connected(): boolean {
    return this.#socket !== null;
  }

  #connected(ws: WebSocket): void {
    // Slack keeps up to ten connections and spreads envelopes over them; one is what the app opens.
    this.#socket?.close(1000, "replaced");
    this.#socket = ws;
    ws.on("message", (data) => this.#acknowledged(String(data)));
    ws.on("close", () => {
      if (this.#socket === ws) this.#socket = null;
    });
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "applink-fake", approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
  }

  #acknowledged(text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    const id = typeof message.envelope_id === "string" ? message.envelope_id : "";
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    this.#waiting.delete(id);
    clearTimeout(waiting.timer);
    const payload = message.payload;
    const body =
      payload === undefined || payload === null
        ? ""
        : typeof payload === "string"
          ? payload
          : JSON.stringify(payload);
    waiting.resolve({ status: 200, body, timedOut: false });
  }

  /** Sends one envelope and resolves with the app's acknowledgement, as an HTTP answer would read. */
  send(type: EnvelopeType, payload: unknown): Promise<EnvelopeAnswer> {
    const socket = this.#socket;
    if (!socket)
      return Promise.resolve({
        status: 0,
        body: "",
        timedOut: false,
        networkError: "no Socket Mode connection",
      });
    const envelope_id = randomUUID();
    this.sent.push({ envelope_id, type, payload });
    return new Promise<EnvelopeAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(envelope_id);
        resolve({ status: 0, body: "", timedOut: true });
      }, this.ackTimeoutMs());
      this.#waiting.set(envelope_id, { resolve, timer });
      socket.send(
        JSON.stringify({
          envelope_id,
          payload,
          type,
          accepts_response_payload: type !== "events_api",
          retry_attempt: 0,
          retry_reason: "",
        }),
      );
    });
  }

  /** Asks the app to reconnect, as Slack does every few hours. */
  refresh(): void {
    this.#socket?.send(
      JSON.stringify({
        type: "disconnect",
        reason: "refresh_requested",
        debug_info: { host: "applink-fake" },
      }),
    );
  }

  close(): void {
    for (const waiting of this.#waiting.values()) clearTimeout(waiting.timer);
    this.#waiting.clear();
    for (const client of this.#server.clients) client.terminate();
    this.#socket = null;
    this.#server.close();
  }
}

/** How an HTTP request the driver would POST travels as an envelope. */
export function envelopeOf(rawBody: string, contentType: string): { type: EnvelopeType; payload: unknown } {
  if (contentType.startsWith("application/json")) return { type: "events_api", payload: JSON.parse(rawBody) };
  const fields = Object.fromEntries(new URLSearchParams(rawBody));
  if (typeof fields.payload === "string" && Object.keys(fields).length === 1) {
    return { type: "interactive", payload: JSON.parse(fields.payload) };
  }
  return { type: "slash_commands", payload: fields };
}
