import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/sandbox/index.js";
import { tempDir } from "./support.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = tempDir("npm-start");
const running = new Set<ChildProcess>();

// A test that fails half-way leaves its sandbox running: end it before the next test, which would find
// the data folder in use.
afterEach(async () => {
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // An `npm start` leads its own process group: end the app under it too.
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }
    await exited;
  }
  running.clear();
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npm start` as a newcomer runs it: no Slack credentials, no DATABASE_URL, PORT 0. `how: "node"` runs
 * what the script runs, without npm in between; `how: "npm"` the real `npm start`, in a process group of
 * its own (as a terminal puts it), so a test can send Ctrl-C to the whole group or a signal to npm alone.
 */
function npmStart(how: "node" | "npm" = "node"): Promise<Started> {
  const [command, args] =
    how === "npm" ? ["npm", ["start"]] : [process.execPath, ["--import", "tsx", "src/main.ts"]];
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: how === "npm",
    env: {
      ...process.env,
      // Set but empty, so neither the environment nor a developer's .env can supply them.
      SLACK_BOT_TOKEN: "",
      SLACK_APP_TOKEN: "",
      SLACK_SIGNING_SECRET: "",
      DATABASE_URL: "",
      ADMIN_USER_IDS: "",
      DATA_DIR: dataDir,
      PORT: "0",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s; stderr:\n${stderr}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Supervisor sandbox: open (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stderr: () => stderr, exited });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing the URL; stderr:\n${stderr}`));
    });
  });
}

async function json(url: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    ...(body
      ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
      : {}),
  });
  return (await response.json()) as Record<string, unknown>;
}

type Messages = Record<string, { text: string }[]>;

async function dmOf(url: string, userId: string): Promise<string[]> {
  const seen = (await json(`${url}/api/workspace?as=${userId}`)) as {
    channels: { id: string; kind: string }[];
    messages: Messages;
  };
  const dm = seen.channels.find((c) => c.kind === "im");
  return (seen.messages[dm?.id ?? ""] ?? []).map((m) => m.text);
}

/** The app's posts of check-ins in the team channel, as anyone there sees them. */
async function checkinPosts(url: string): Promise<string[]> {
  const seen = (await json(`${url}/api/workspace?as=${DEMO_IDS.reps[0]}`)) as { messages: Messages };
  return (seen.messages[DEMO_IDS.channels.team] ?? [])
    .map((m) => m.text)
    .filter((text) => text.includes("checkade in"));
}

describe("npm start with no Slack credentials", { timeout: 90_000 }, () => {
  it("serves the sandbox on 127.0.0.1, stops cleanly on SIGTERM and Ctrl-C, and keeps the demo data", async () => {
    const first = await npmStart();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(first.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/static/app.js">');
    expect((await fetch(`${first.url}/static/app.js`)).headers.get("content-type")).toMatch(/javascript/);
    expect(first.stderr()).toContain(
      "sandbox: demo data seeded (team, product, quota, leave, meeting, policy)",
    );
    // Made a supervisor; then Emma's leave (approved by Sara) and Jonas's (waiting for her).
    expect(await dmOf(first.url, DEMO_IDS.supervisor)).toEqual([
      expect.stringContaining("gjorde dig till handledare för *Sales North*"),
      expect.stringContaining("Godkänd av"),
      expect.stringContaining("Väntar på beslut."),
    ]);
    const posts = await checkinPosts(first.url);
    expect(posts).toHaveLength(8);
    expect(await dmOf(first.url, DEMO_IDS.reps[1])).toEqual([
      expect.stringContaining("added you to the team *Sales North*"),
      expect.stringContaining("set your target from"),
      expect.stringContaining("approved your request: Vacation"),
      expect.stringContaining("published a policy for your team: *Discounts over 20%*"),
    ]);
    const posted = await json(`${first.url}/api/message`, {
      as: DEMO_IDS.reps[1],
      channel: DEMO_IDS.channels.general,
      text: "Still here after a restart?",
    });
    expect(posted).toEqual({ ok: true });

    first.child.kill("SIGTERM");
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.stderr()).toContain("SIGTERM received: shutting down");
    expect(first.stderr()).toMatch(/stopped\n$/);
    expect(existsSync(`${dataDir}/sandbox/sandbox.pid`)).toBe(false);
    await expect(fetch(first.url)).rejects.toThrow();

    const second = await npmStart();
    const general = (await json(`${second.url}/api/workspace`)) as { messages: Messages };
    expect(general.messages[DEMO_IDS.channels.general]?.map((m) => m.text)).toContain(
      "Still here after a restart?",
    );
    expect(await dmOf(second.url, DEMO_IDS.supervisor)).toHaveLength(3);
    expect(await checkinPosts(second.url)).toEqual(posts);
    expect(second.stderr()).not.toContain("demo data seeded");

    second.child.kill("SIGINT");
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.stderr()).toContain("SIGINT received: shutting down");
  }, 120_000);

  /** Whether a process is still there (signal 0 only asks). */
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  /** Waits until a process has gone; a test timeout, not a timing assertion. */
  async function gone(pid: number, limitMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      if (!alive(pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !alive(pid);
  }

  /** How npm exited, or "still running" after 10 s (a test timeout, not a timing assertion). */
  function exitOf(started: Started) {
    return Promise.race([
      started.exited,
      new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 10_000)),
    ]);
  }

  /** The pid of the app (`node … src/main.ts`) that npm started, from the sandbox's lock file. */
  function appPid(): number {
    return Number(readFileSync(`${dataDir}/sandbox/sandbox.pid`, "utf8").trim());
  }

  it("stops the real `npm start` on Ctrl-C in a terminal (SIGINT to its whole process group)", async () => {
    const started = await npmStart("npm");
    const app = appPid();
    expect(alive(app)).toBe(true);
    process.kill(-(started.child.pid as number), "SIGINT");
    expect(await exitOf(started)).toEqual({ code: 0, signal: null });
    expect(await gone(app)).toBe(true);
    expect(started.stderr()).toContain("SIGINT received: shutting down");
    await expect(fetch(started.url)).rejects.toThrow();
  }, 120_000);

  it("stops the real `npm start` on a SIGINT to npm alone", async () => {
    const started = await npmStart("npm");
    const app = appPid();
    expect(alive(app)).toBe(true);
    started.child.kill("SIGINT");
    expect(await exitOf(started)).toEqual({ code: 0, signal: null });
    expect(await gone(app)).toBe(true);
    await expect(fetch(started.url)).rejects.toThrow();
    expect(existsSync(`${dataDir}/sandbox/sandbox.pid`)).toBe(false);
  }, 120_000);
});
