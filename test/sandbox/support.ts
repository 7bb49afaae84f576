import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/platform/log.js";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/index.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";

export interface TestSandbox {
  /** The options it was started with. */
  options: SandboxOptions;
  sandbox: Sandbox;
  /** The database it runs on: this file's own (PGlite snapshot or a Postgres clone). */
  database: TestDatabase;
  dataDir: string;
  /** Starts the sandbox again on the same data (a restart); `meanwhile` runs while it is stopped. */
  restart(meanwhile?: () => void): Promise<Sandbox>;
  close(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `supervisor-${prefix}-`));
}

export const quietLog = () => createLogger(process.env.TEST_LOG_LEVEL === "debug" ? "debug" : "error");

/**
 * The sandbox in this process on a temporary DATA_DIR and any free port, on this test file's own database
 * (so no PGlite has to be created), with Block Kit schema checks when SLACK_REFERENCE_DIR is set.
 */
export async function startTestSandbox(extra: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = tempDir("sandbox");
  const database = await createTestDatabase();
  const config = loadConfig({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "error" });
  const options: SandboxOptions = {
    config,
    log: quietLog(),
    database,
    referenceDir: process.env.SLACK_REFERENCE_DIR || undefined,
    saveDelayMs: 20,
    // The demo's sales are posted one by one; at Slack's pace that is a second each, which these tests
    // of the page do not need (the pacing itself is tested against the app).
    postGapMs: 0,
    ...extra,
  };
  let sandbox = await startSandbox(options);
  return {
    get sandbox() {
      return sandbox;
    },
    options,
    database,
    dataDir,
    restart: async (meanwhile) => {
      await sandbox.stop();
      meanwhile?.();
      sandbox = await startSandbox(options);
      return sandbox;
    },
    close: async () => {
      await sandbox.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs one of the page's actions as the page does. */
export async function pageAction(
  sandbox: Sandbox,
  action: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.url}/api/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface WorkspaceAsSeen {
  me: string;
  language: string;
  channels: { id: string; name: string; kind: string }[];
  messages: Record<string, { ts: string; text: string; user?: string; bot_id?: string }[]>;
  ephemerals: { channel: string; text: string; user: string }[];
  notices: { channel: string | null; text: string }[];
  strings: Record<string, string>;
  resetBlocker: string | null;
  /** The sandbox time, and how far it was moved ahead of real time. */
  clock: { now: string; offsetMs: number };
}

/** What the page is given for a person. */
export async function workspaceAs(sandbox: Sandbox, userId?: string): Promise<WorkspaceAsSeen> {
  const response = await fetch(`${sandbox.url}/api/workspace${userId ? `?as=${userId}` : ""}`);
  if (response.status !== 200) throw new Error(`GET /api/workspace: ${response.status}`);
  return (await response.json()) as WorkspaceAsSeen;
}
