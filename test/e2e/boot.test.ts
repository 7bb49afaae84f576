import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { createEmptyPostgresDatabase, onPostgres } from "../support/db.js";
import { type AppProcess, startApp } from "../support/process.js";

const secret = "boot-test-signing-secret";
let fake: FakeSlack;
let dataDir: string;
const running: AppProcess[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  dataDir = mkdtempSync(join(tmpdir(), "supervisor-boot-"));
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.stop("SIGKILL")));
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function boot(env: Record<string, string>): AppProcess {
  const app = startApp(env);
  running.push(app);
  return app;
}

/** Asks a running app for `/team help` over the real signed path and returns the HTTP status. */
async function askTeamHelp(port: number): Promise<{ status: number; text: string }> {
  const user = fake.world.addUser({ name: `u${Date.now()}`, tz: "Europe/Stockholm", locale: "en-US" });
  const channel = fake.world.addChannel({ name: `c${Date.now()}`, members: [user.id] });
  const driver = fake.connectApp({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret });
  const result = await driver.slashCommand({
    userId: user.id,
    channelId: channel.id,
    command: "/team",
    text: "help",
  });
  return {
    status: result.status,
    text: result.reply?.kind === "ephemeral" ? result.reply.ephemeral.text : "",
  };
}

/** A port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const readyLine = /Supervisor is ready: Slack request URL http:\/\/\S+:(\d+)\/slack\/events/;

// Whole processes boot here (a fresh embedded database takes seconds): on a busy machine that is more than
// the suite's 30 s per test, and that is not what these tests are about.
describe("starting up", { timeout: 90_000 }, () => {
  it("stops with exit code 1 and names every bad variable", async () => {
    const app = boot({ PORT: "http", LOG_LEVEL: "chatty", SLACK_BOT_TOKEN: "xoxb-1", DATA_DIR: dataDir });
    expect(await app.exited).toBe(1);
    const output = app.output();
    expect(output).toContain("Supervisor cannot start: the configuration is invalid.");
    expect(output).toContain('PORT must be a whole number between 0 and 65535 (got "http")');
    expect(output).toContain('LOG_LEVEL must be one of debug, info, warn, error (got "chatty")');
    expect(output).toContain("SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN");
    expect(output).not.toContain("    at ");
  });

  it("keeps running and retrying while Slack is unreachable, and stops cleanly on SIGTERM", async () => {
    const closedPort = await freePort();
    const app = boot({
      SLACK_BOT_TOKEN: "xoxb-unreachable",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/`,
      PORT: "0",
      DATA_DIR: join(dataDir, "unreachable"),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    });
    await app.waitFor(
      new RegExp(
        `Slack is unreachable at http://127\\.0\\.0\\.1:${closedPort}/api/ \\(ECONNREFUSED\\); trying again in 1 s`,
      ),
    );
    await app.waitFor(/trying again in 2 s/);
    expect(app.child.exitCode).toBeNull();
    expect(await app.stop("SIGTERM")).toBe(0);
    expect(app.output()).not.toMatch(/unhandled|UnhandledPromiseRejection/i);
  });

  it("refuses a token Slack rejects, saying which variable to fix", async () => {
    const app = boot({
      SLACK_BOT_TOKEN: "xoxb-not-the-fakes-token",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: join(dataDir, "badtoken"),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain("Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });

  it("serves signed requests once ready, and on SIGTERM finishes the work under way before exiting 0", async () => {
    const app = boot({
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: join(dataDir, "serve"),
    });
    const [, port] = await app.waitFor(readyLine);
    const answer = await askTeamHelp(Number(port));
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("Supervisor /team commands");

    // An admin creates a team: the answer comes at once, the new supervisor's DM after it, and Slack is
    // slow to take that DM. SIGTERM arrives while it is on its way.
    const admin = fake.world.addUser({
      name: "drain-admin",
      tz: "Europe/London",
      locale: "en-GB",
      isAdmin: true,
    });
    const lead = fake.world.addUser({ name: "drain-lead", tz: "Europe/Stockholm", locale: "en-US" });
    const channel = fake.world.addChannel({ name: "drain-team", members: [admin.id, lead.id] });
    const driver = fake.connectApp({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret });
    const dm = fake.holdNext("chat.postMessage");
    const created = await driver.slashCommand({
      userId: admin.id,
      channelId: channel.id,
      command: "/team",
      text: `create Drain Team <@${lead.id}>`,
    });
    expect(created.reply?.kind === "ephemeral" && created.reply.ephemeral.text).toContain(
      "Created the team *Drain Team*",
    );
    await dm.arrived;
    app.child.kill("SIGTERM");
    await app.waitFor(/SIGTERM received: shutting down/);
    // An app that does not wait for its work exits now and hangs up on the DM: give it every chance to.
    await Promise.race([dm.hungUp, new Promise((resolve) => setTimeout(resolve, 1000))]);
    dm.release();

    expect(await app.exited).toBe(0);
    expect(app.output()).toContain("stopped");
    const im = fake.world.dmChannelOf(lead.id);
    expect(im && fake.world.messagesIn(im).map((m) => m.text)).toEqual([
      `<@${admin.id}> made you a supervisor of *Drain Team*. The team works in <#${channel.id}>; \`/team help\` shows how to run it.`,
    ]);
    expect(fake.callsTo("chat.postMessage").map((call) => [call.args.channel, call.ok])).toEqual([
      [lead.id, true],
    ]);
  });
});

describe.skipIf(!onPostgres)(
  "two instances on one Postgres (needs DATABASE_URL)",
  { timeout: 90_000 },
  () => {
    it("boot at the same moment on an empty database without a migration race, and both serve", async () => {
      const empty = await createEmptyPostgresDatabase();
      try {
        const env = {
          SLACK_BOT_TOKEN: fake.botToken,
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: fake.apiUrl,
          PORT: "0",
          DATABASE_URL: empty.url,
        };
        const first = boot(env);
        const second = boot(env);
        const [a, b] = await Promise.all([first.waitFor(readyLine), second.waitFor(readyLine)]);
        expect((await askTeamHelp(Number(a[1]))).status).toBe(200);
        expect((await askTeamHelp(Number(b[1]))).status).toBe(200);
        expect(first.output() + second.output()).not.toMatch(/already exists|duplicate key/);
        expect(await first.stop()).toBe(0);
        expect(await second.stop()).toBe(0);
      } finally {
        await empty.drop();
      }
    });
  },
);
