/**
 * Where the sandbox keeps its data: `DATA_DIR/sandbox/`, apart from the database a real Slack install
 * uses in DATA_DIR, so resetting the demo can never touch real data. A pid file stops a second sandbox
 * (or `npm run sandbox:reset`) from using the folder while one runs: PGlite allows one process per folder.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface SandboxPaths {
  root: string;
  /** PGlite's data folder. */
  database: string;
  /** The simulated Slack workspace (see world-store.ts). */
  world: string;
  lock: string;
}

export function sandboxPaths(dataDir: string): SandboxPaths {
  const root = resolve(dataDir, "sandbox");
  return {
    root,
    database: join(root, "db"),
    world: join(root, "world.json"),
    lock: join(root, "sandbox.pid"),
  };
}

export class SandboxBusyError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `Another sandbox (process ${pid}) is using ${folder}. Stop it first, or give this one another DATA_DIR.`,
    );
    this.name = "SandboxBusyError";
  }
}

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live process holding the folder, if any. */
export function holderOf(paths: SandboxPaths): number | null {
  if (heldHere.has(paths.root)) return process.pid;
  if (!existsSync(paths.lock)) return null;
  const pid = Number(readFileSync(paths.lock, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? pid : null;
}

/** Takes the folder for this process; returns the release function. */
export function lockFolder(paths: SandboxPaths): () => void {
  const holder = holderOf(paths);
  if (holder !== null) throw new SandboxBusyError(paths.root, holder);
  mkdirSync(paths.root, { recursive: true });
  writeFileSync(paths.lock, String(process.pid));
  heldHere.add(paths.root);
  return () => {
    heldHere.delete(paths.root);
    try {
      if (readFileSync(paths.lock, "utf8").trim() === String(process.pid))
        rmSync(paths.lock, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/** Deletes the sandbox's database and workspace (not the lock: the caller may hold it). */
export function wipeFolder(paths: SandboxPaths): void {
  rmSync(paths.database, { recursive: true, force: true });
  rmSync(paths.world, { force: true });
}
