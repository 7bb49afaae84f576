import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { type AppProcess, startApp } from "../support/process.js";

/** The embedded database is one process's: PGlite cannot share its folder, and would lose writes. */
let fake: FakeSlack;
let dataDir: string;
const running: AppProcess[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  dataDir = mkdtempSync(join(tmpdir(), "supervisor-folder-"));
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.stop("SIGKILL")));
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function boot(): AppProcess {
  const app = startApp({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: "folder-test-secret",
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATA_DIR: dataDir,
  });
  running.push(app);
  return app;
}

describe("one data folder, one process", { timeout: 90_000 }, () => {
  it("refuses a second process on the same DATA_DIR, naming the folder and the first process", async () => {
    const first = boot();
    await first.waitFor(/Supervisor is ready/);
    const second = boot();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `Another Supervisor (process ${first.child.pid}) is using ${dataDir}. Stop it first, or give this one another DATA_DIR (or a DATABASE_URL).`,
    );
    // The first one is unharmed, and once it has stopped the folder is free again.
    expect(await first.stop("SIGTERM")).toBe(0);
    const third = boot();
    await third.waitFor(/Supervisor is ready/);
    expect(await third.stop("SIGTERM")).toBe(0);
  });
});
