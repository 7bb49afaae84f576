import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Log } from "./log.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What a load balancer or an orchestrator asks: `/healthz` is liveness (the process answers), `/readyz`
 * readiness (the database answers too, so requests go here only while they can be served, and again,
 * with no restart, once the database is back).
 */
export function healthRoutes(
  ping: () => Promise<void>,
  log: Log,
): { path: "/healthz" | "/readyz"; method: ["GET"]; handler: Handler }[] {
  const text = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(body);
  };
  return [
    { path: "/healthz", method: ["GET"], handler: (_req, res) => text(res, 200, "ok") },
    {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) => {
        ping().then(
          () => text(res, 200, "ready"),
          (error: unknown) => {
            log.warn("not ready: the database does not answer", error);
            text(res, 503, "not ready: the database does not answer");
          },
        );
      },
    },
  ];
}

/**
 * The health routes on their own HTTP server, for Socket Mode, where Slack's requests come over a
 * WebSocket and nothing else listens: a deployment checks the app the same way in both modes.
 */
export async function startHealthServer(
  routes: ReturnType<typeof healthRoutes>,
  port: number,
  host: string | undefined,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { "content-type": "text/plain", allow: "GET" }).end("method not allowed");
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
