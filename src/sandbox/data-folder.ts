/**
 * Where the sandbox keeps its data: `DATA_DIR/sandbox/`, apart from the database a real Slack install
 * uses in DATA_DIR, so resetting the demo can never touch real data. A pid file stops a second sandbox
 * (or `npm run sandbox:reset`) from using the folder while one runs: PGlite allows one process per folder.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { FolderBusyError, folderHolder, lockFolder as lockDataFolder } from "../platform/db/index.js";

export interface SandboxPaths {
  root: string;
  /** PGlite's data folder. */
  database: string;
  /** The simulated Slack workspace (see world-store.ts). */
  world: string;
  /** How far the sandbox clock was moved ahead of real time (see scheduled.ts). */
  clock: string;
  lock: string;
}

export function sandboxPaths(dataDir: string): SandboxPaths {
  const root = resolve(dataDir, "sandbox");
  return {
    root,
    database: join(root, "db"),
    world: join(root, "world.json"),
    clock: join(root, "clock.json"),
    lock: join(root, LOCK_FILE),
  };
}

const LOCK_FILE = "sandbox.pid";

/** Another sandbox holds the folder. */
export class SandboxBusyError extends FolderBusyError {
  constructor(folder: string, pid: number) {
    super(folder, pid, "sandbox");
    this.name = "SandboxBusyError";
  }
}

/** The pid of a live process holding the sandbox's folder, if any. */
export function holderOf(paths: SandboxPaths): number | null {
  return folderHolder(paths.root, LOCK_FILE);
}

/** Takes the sandbox's folder for this process; returns the release function. */
export function lockFolder(paths: SandboxPaths): () => void {
  const holder = folderHolder(paths.root, LOCK_FILE);
  if (holder !== null) throw new SandboxBusyError(paths.root, holder);
  return lockDataFolder(paths.root, { what: "sandbox", file: LOCK_FILE });
}

/** Deletes the sandbox's database, workspace and clock (not the lock: the caller may hold it). */
export function wipeFolder(paths: SandboxPaths): void {
  rmSync(paths.database, { recursive: true, force: true });
  rmSync(paths.world, { force: true });
  rmSync(paths.clock, { force: true });
}
