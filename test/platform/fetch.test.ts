import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackFetch } from "../../src/platform/slack/index.js";

/** A small Slack-like server: what it was sent, on how many connections, and answers per path. */
let server: http.Server;
let base: string;
let connections = 0;
const received: { path: string; method: string; type: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      received.push({
        path: req.url ?? "",
        method: req.method ?? "",
        type: req.headers["content-type"] ?? "",
        body,
      });
      if (req.url === "/api/hang") return; // never answers
      if (req.url === "/api/moved") {
        res.writeHead(302, { location: "/api/chat.postMessage" }).end();
        return;
      }
      if (req.url === "/api/limited") {
        res.writeHead(429, { "retry-after": "7", "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
        return;
      }
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "x-oauth-scopes": "chat:write",
      });
      res.end(JSON.stringify({ ok: true, echo: body, ts: "1700000000.000100" }));
    });
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("slackFetch: the fetch the Web API client and respond() use", () => {
  it("posts a form body and reads the JSON answer, its status and headers, on one kept-alive socket", async () => {
    const before = connections;
    for (const text of ["first", "second", "third"]) {
      const answer = await slackFetch(`${base}/api/chat.postMessage`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `channel=C1&text=${text}`,
      });
      expect(answer.status).toBe(200);
      expect(answer.ok).toBe(true);
      expect(answer.headers.get("x-oauth-scopes")).toBe("chat:write");
      expect(answer.url).toBe(`${base}/api/chat.postMessage`);
      expect(await answer.json()).toMatchObject({ ok: true, echo: `channel=C1&text=${text}` });
    }
    expect(received.slice(-3).map((r) => [r.method, r.type])).toEqual(
      Array(3).fill(["POST", "application/x-www-form-urlencoded"]),
    );
    expect(connections - before).toBe(1);
  });

  it("gives a 429 back with its Retry-After for the client to wait out", async () => {
    const answer = await slackFetch(`${base}/api/limited`, { method: "POST", body: "x=1" });
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(await answer.text()).toContain("ratelimited");
  });

  it("gives up on a call that hangs when its signal times out, as fetch does", async () => {
    const started = Date.now();
    const call = slackFetch(`${base}/api/hang`, {
      method: "POST",
      body: "x=1",
      signal: AbortSignal.timeout(150),
    });
    await expect(call).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a redirect when told to (the Web API client's redirect: error), as fetch does", async () => {
    await expect(
      slackFetch(`${base}/api/moved`, { method: "POST", body: "x=1", redirect: "error" }),
    ).rejects.toThrow(TypeError);
  });

  it("leaves a multipart upload to the global fetch", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([1, 2, 3])]), "chart.png");
    const answer = await slackFetch(`${base}/api/files.upload`, { method: "POST", body: form });
    expect(answer.status).toBe(200);
    expect(received.at(-1)?.type).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("serves the Web API client: a call, its result and a 429 it waits out per Retry-After", async () => {
    const client = new WebClient("xoxb-test", {
      slackApiUrl: `${base}/api/`,
      fetch: slackFetch,
      retryConfig: { retries: 0 },
    });
    const result = await client.chat.postMessage({ channel: "C1", text: "hello" });
    expect(result.ok).toBe(true);
    expect(result.ts).toBe("1700000000.000100");
    expect(received.at(-1)?.body).toContain("text=hello");
    const limited = new WebClient("xoxb-test", {
      slackApiUrl: `${base}/api/`,
      fetch: slackFetch,
      rejectRateLimitedCalls: true,
    });
    await expect(limited.apiCall("limited")).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
      retryAfter: 7,
    });
  });
});
