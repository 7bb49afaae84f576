/**
 * What a Slack call costs the app in CPU through the global `fetch` and through `slackFetch`
 * (`src/platform/slack/fetch.ts`, `http.request` with keep-alive sockets), the same Web API call through
 * the same `WebClient` both ways: `node --import tsx bench/fetch.ts`.
 *
 * The Slack side is a small HTTP server in a child process (its CPU is not counted), answering
 * `chat.postMessage` with a JSON body of Slack's size. Rounds alternate between the two, four calls at a
 * time; the figure is this process's CPU per call (user + system), median over the rounds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { WebClient } from "@slack/web-api";
import { slackFetch } from "../src/platform/slack/fetch.js";

const CALLS = Number(process.env.FETCH_CALLS ?? 4_000);
const ROUNDS = Number(process.env.FETCH_ROUNDS ?? 5);
const AT_ONCE = 4;

const SERVER = `
const http = require("node:http");
const answer = JSON.stringify({ ok: true, channel: "C0123456789", ts: "1700000000.000100",
  message: { type: "message", text: "x".repeat(400), user: "U0123456789", ts: "1700000000.000100" } });
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(answer));
}).listen(0, "127.0.0.1", function () { process.stdout.write(String(this.address().port) + "\\n"); });
`;

async function startSlack(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
  return { child, url: `http://127.0.0.1:${chunk.toString().trim()}/api/` };
}

async function round(client: WebClient): Promise<number> {
  let left = CALLS;
  const started = process.cpuUsage();
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (left-- > 0) await client.chat.postMessage({ channel: "C0123456789", text: "A sale: SEK 1,200" });
    }),
  );
  const used = process.cpuUsage(started);
  return (used.user + used.system) / CALLS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const { child, url } = await startSlack();
try {
  const options = { slackApiUrl: url, retryConfig: { retries: 0 }, timeout: 5_000 };
  const clients = {
    "global fetch": new WebClient("xoxb-bench", options),
    slackFetch: new WebClient("xoxb-bench", { ...options, fetch: slackFetch }),
  };
  // Warm up both (JIT, sockets).
  for (const client of Object.values(clients)) await round(client);
  const figures: Record<string, number[]> = { "global fetch": [], slackFetch: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, client] of Object.entries(clients)) figures[name]?.push(await round(client));
  }
  process.stdout.write(
    `WebClient chat.postMessage, ${CALLS} calls a round, ${AT_ONCE} at once, ${ROUNDS} rounds each (medians)\n`,
  );
  for (const [name, values] of Object.entries(figures)) {
    process.stdout.write(`  ${name.padEnd(14)} ${median(values).toFixed(1).padStart(7)} us of CPU a call\n`);
  }
  const global = median(figures["global fetch"] ?? []);
  const ours = median(figures.slackFetch ?? []);
  process.stdout.write(
    `  saved: ${(global - ours).toFixed(1)} us a call; slackFetch / global fetch: ${(ours / global).toFixed(2)}\n`,
  );
} finally {
  child.kill();
}
