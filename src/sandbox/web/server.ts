/**
 * The sandbox's web UI: a small `node:http` server on 127.0.0.1 that serves the page (plain files, no
 * build step), answers its JSON actions through the fake Slack's driver, and streams the workspace's
 * changes to it with server-sent events.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo, Socket } from "node:net";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Log } from "../../platform/log.js";
import { DEMO_IDS } from "../demo-workspace.js";
import { type SlackDriver, sendBody, type World } from "../fake-slack/index.js";
import type { AppInfo } from "../manifest.js";
import { sandboxLanguage, sandboxMessages } from "../messages.js";
import type { ScheduledPosts } from "../scheduled.js";
import { runApi } from "./api.js";
import { canSee, eventFor, workspaceFor } from "./visibility.js";

/** The workspace the page talks to right now; replaced when the demo is reset. */
export interface Workspace {
  world: World;
  driver: SlackDriver;
  /** The teams' scheduled posts and the sandbox clock. */
  scheduled: ScheduledPosts;
}

export interface WebBackend {
  app: AppInfo;
  /** Resolves with the current workspace (waits while the sandbox starts or resets). */
  current(): Promise<Workspace>;
  /** Why reset is not possible, or null when it is. */
  resetBlocker(): string | null;
  reset(): Promise<void>;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  /** Tells every open page that the workspace is being replaced, and closes their event streams. */
  dropClients(kind: "resetting" | "stopping"): void;
  close(): Promise<void>;
}

/** The page's files: beside this module (src/, or dist/ where `npm run build` copies them), else in src/. */
const PUBLIC_DIR = [
  fileURLToPath(new URL("./public/", import.meta.url)),
  fileURLToPath(new URL("../../../src/sandbox/web/public/", import.meta.url)),
].find((dir) => existsSync(dir)) as string;
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const MAX_BODY = 1_000_000;

/**
 * Twemoji's pictures (graphics CC-BY 4.0, Twitter and contributors), one SVG per emoji named by its code
 * points (`1f4b0.svg`, `1f3f3-fe0f-200d-1f308.svg`): the page draws emoji with them, so they show on a
 * machine with no colour emoji font.
 */
const EMOJI_DIR = dirname(createRequire(import.meta.url).resolve("@twemoji/svg/package.json"));
const EMOJI_FILE = /^\/emoji\/([0-9a-f]{1,6}(?:-[0-9a-f]{1,6}){0,9})\.svg$/;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendBody(res, status, body, {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : JSON.parse(text);
}

/** Starts the web UI on `host:port` (port 0: any free one). */
export async function startWebServer(options: {
  host: string;
  port: number;
  backend: WebBackend;
  log: Log;
}): Promise<WebServer> {
  const { backend, log, host } = options;
  const files = new Map(
    readdirSync(PUBLIC_DIR)
      .filter((name) => CONTENT_TYPES[extname(name)] !== undefined)
      .map((name) => [name, join(PUBLIC_DIR, name)]),
  );
  const streams = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let port = 0;

  /** Only pages of this server may use it: no other site (nor a rebinding DNS name) can drive it. */
  const trusted = (req: IncomingMessage): boolean => {
    const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    if (!allowed.has(req.headers.host ?? "")) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowed.has(origin.replace(/^http:\/\//, ""));
  };

  const serveFile = (res: ServerResponse, name: string): void => {
    const path = files.get(name);
    if (!path || !existsSync(path)) {
      send(res, 404, "Not found");
      return;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(name)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      "content-security-policy":
        "default-src 'self'; img-src 'self' data: http: https:; style-src 'self'; script-src 'self'; connect-src 'self'",
    });
    res.end(readFileSync(path));
  };

  const serveEmoji = (res: ServerResponse, name: string): void => {
    const path = join(EMOJI_DIR, `${name}.svg`);
    if (!existsSync(path)) {
      send(res, 404, "Not found");
      return;
    }
    res.writeHead(200, {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=604800",
      "x-content-type-options": "nosniff",
    });
    res.end(readFileSync(path));
  };

  const stream = async (req: IncomingMessage, res: ServerResponse, userId: string): Promise<void> => {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    res.write("retry: 1000\n\n");
    streams.add(res);
    const { world, scheduled } = await backend.current();
    if (res.writableEnded) return;
    const unsubscribeWorld = world.subscribe((event) => {
      const how = eventFor(world, userId, event);
      if (how === null) return;
      res.write(`event: ${how === "apply" ? "world" : "reload"}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    // Every open page shows the sandbox time: told when someone moves the clock.
    const unsubscribeClock = scheduled.subscribe((change) => {
      res.write(`event: clock\ndata: ${JSON.stringify(change)}\n\n`);
    });
    const unsubscribe = () => {
      unsubscribeWorld();
      unsubscribeClock();
    };
    res.write("event: ready\ndata: {}\n\n");
    const ping = setInterval(() => res.write(": ping\n\n"), 20_000);
    const done = () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(res);
    };
    req.on("close", done);
    res.on("close", done);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!trusted(req)) return send(res, 403, "Forbidden: open the sandbox at http://127.0.0.1 or localhost");
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const path = url.pathname;
    if (req.method === "GET" && (path === "/" || path === "/index.html")) return serveFile(res, "index.html");
    if (req.method === "GET" && path.startsWith("/static/")) return serveFile(res, path.slice(8));
    if (req.method === "GET" && path === "/healthz") return send(res, 200, "ok");
    const emoji = req.method === "GET" ? EMOJI_FILE.exec(path) : null;
    if (emoji?.[1]) return serveEmoji(res, emoji[1]);
    if (req.method === "GET" && path === "/api/workspace") {
      const { world, scheduled } = await backend.current();
      const me = world.user(url.searchParams.get("as") || DEMO_IDS.admin);
      if (!me || me.isBot || me.deleted) return send(res, 404, { ok: false, error: "unknown_user" });
      const language = sandboxLanguage(me.locale);
      return send(res, 200, {
        ok: true,
        ...workspaceFor(world, backend.app, me.id),
        language,
        strings: sandboxMessages[language],
        resetBlocker: backend.resetBlocker(),
        clock: { now: scheduled.clock.now().toISOString(), offsetMs: scheduled.clock.offsetMs },
      });
    }
    // A file the app uploaded (a report's chart, its CSV), for whoever is in a conversation it was shared in.
    const file = req.method === "GET" ? /^\/files\/(F[A-Z0-9]+)$/.exec(path) : null;
    if (file?.[1]) {
      const { world } = await backend.current();
      const found = world.file(file[1]);
      const me = url.searchParams.get("as") ?? "";
      const visible = found?.channels.some((id) => {
        const channel = world.channel(id);
        return channel !== undefined && canSee(channel, me);
      });
      if (!found || !visible) return send(res, 404, "Not found");
      const inline = found.mimetype.startsWith("image/");
      res.writeHead(200, {
        "content-type": found.mimetype,
        "content-length": String(found.bytes.byteLength),
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${found.name.replace(/[^\w.-]/g, "_")}"`,
      });
      res.end(Buffer.from(found.bytes));
      return;
    }
    if (req.method === "GET" && path === "/api/scheduled") {
      const { world, scheduled } = await backend.current();
      const me = world.user(url.searchParams.get("as") ?? "");
      if (!me || me.isBot || me.deleted) return send(res, 404, { ok: false, error: "unknown_user" });
      return send(res, 200, { ok: true, ...(await scheduled.overview()) });
    }
    if (req.method === "GET" && path === "/api/events") {
      const as = url.searchParams.get("as") ?? "";
      return stream(req, res, as);
    }
    if (req.method === "POST" && path.startsWith("/api/")) {
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
        return send(res, 415, { ok: false, error: "json_only" });
      }
      let input: unknown;
      try {
        input = await readJson(req);
      } catch {
        return send(res, 400, { ok: false, error: "bad_json" });
      }
      const action = path.slice(5);
      if (action === "reset") {
        const blocker = backend.resetBlocker();
        if (blocker) return send(res, 409, { ok: false, error: "reset_unavailable", message: blocker });
        await backend.reset();
        return send(res, 200, { ok: true });
      }
      const workspace = await backend.current();
      const answer = await runApi(action, input, { ...workspace, app: backend.app });
      return send(res, answer.status, answer.body);
    }
    send(res, 404, "Not found");
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`sandbox web: ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) send(res, 500, { ok: false, error: "internal_error" });
      else res.end();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const dropClients = (kind: "resetting" | "stopping"): void => {
    for (const res of streams) {
      res.write(`event: ${kind}\ndata: {}\n\n`);
      res.end();
    }
    streams.clear();
  };

  return {
    url: `http://${host}:${port}`,
    port,
    dropClients,
    close: () =>
      new Promise<void>((resolve) => {
        dropClients("stopping");
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
