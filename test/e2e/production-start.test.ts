import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { type AppProcess, startApp } from "../support/process.js";

/**
 * A production host: `npm run build`, then `npm start` with no TypeScript source and no compiler at run
 * time. The build lives in a folder of its own (the clone's own dist/ is left alone), with only what a
 * deployment ships: dist/, start.js, package.json, manifest.json, the migrations and node_modules.
 */
const repo = fileURLToPath(new URL("../..", import.meta.url));
const secret = "production-start-signing-secret";
let host: string;
let fake: FakeSlack;
const running: AppProcess[] = [];

beforeAll(() => {
  host = mkdtempSync(join(tmpdir(), "supervisor-host-"));
  const build = spawnSync(process.execPath, [join(repo, "scripts", "build.js"), join(host, "dist")], {
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  for (const file of ["start.js", "package.json", "manifest.json"]) {
    copyFileSync(join(repo, file), join(host, file));
  }
  symlinkSync(join(repo, "node_modules"), join(host, "node_modules"), "dir");
  symlinkSync(join(repo, "drizzle"), join(host, "drizzle"), "dir");
}, 120_000);
afterAll(async () => {
  await Promise.all(running.map((app) => app.stop("SIGKILL")));
  await fake?.close();
  rmSync(host, { recursive: true, force: true });
});

function start(env: Record<string, string>): AppProcess {
  const app = startApp(env, { cwd: host, args: ["start.js"] });
  running.push(app);
  return app;
}

/** The JSON objects among the output's lines. */
function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the production start", { timeout: 120_000 }, () => {
  it("runs the compiled app with no source beside it, and logs JSON lines with request ids", async () => {
    expect(existsSync(join(host, "src"))).toBe(false);
    fake = await startFakeSlack();
    const app = start({
      NODE_ENV: "production",
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      LOG_LEVEL: "debug",
      DATA_DIR: join(host, "data"),
    });
    const [, port] = await app.waitFor(/Slack request URL http:\/\/\S+:(\d+)\/slack\/events/);
    const user = fake.world.addUser({ name: "prod-user", tz: "Europe/Stockholm", locale: "en-US" });
    const channel = fake.world.addChannel({ name: "prod", members: [user.id] });
    const driver = fake.connectApp({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret });
    const answer = await driver.slashCommand({ userId: user.id, channelId: channel.id, command: "/team" });
    expect(answer.status).toBe(200);
    expect(await app.stop("SIGTERM")).toBe(0);

    const lines = jsonLines(app.output());
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        name: expect.any(String),
      });
    }
    expect(lines.some((line) => String(line.msg).startsWith("connected to Slack workspace"))).toBe(true);
    // Bolt's debug lines about the slash command belong to a request, and say which.
    const ofRequests = lines.filter((line) => typeof line.req === "string");
    expect(ofRequests.length).toBeGreaterThan(0);
    expect(ofRequests.every((line) => /^[0-9a-f]{10}$/.test(String(line.req)))).toBe(true);
    // Nothing but the process's own plain start-up line is outside JSON.
    const plain = app
      .output()
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("{"));
    expect(plain.filter((line) => !line.startsWith("Supervisor is ready"))).toEqual([]);
  });

  it("serves the sandbox page and its static files from the build", async () => {
    const app = start({ PORT: "0", DATA_DIR: join(host, "sandbox") });
    const [, url] = await app.waitFor(/Supervisor sandbox: open (http:\/\/\S+)/);
    const page = await fetch(url as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<script");
    const script = await fetch(new URL("/static/app.js", url).href);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await app.stop("SIGTERM")).toBe(0);
  });
});
