import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One process per embedded-database folder. PGlite keeps its data in a folder that only one process may
 * open: a second one would answer requests too and lose half of what it writes. A pid file in the folder
 * says who holds it; a stale one (its process gone) is taken over.
 */
export class FolderBusyError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
    what = "Supervisor",
  ) {
    super(
      `Another ${what} (process ${pid}) is using ${folder}. Stop it first, or give this one another DATA_DIR (or a DATABASE_URL).`,
    );
    this.name = "FolderBusyError";
  }
}

const heldHere = new Set<string>();
const LOCK_FILE = "supervisor.pid";

/** Who uses a folder, and the name of its pid file there. */
export interface FolderUse {
  /** Named in the refusal: "Supervisor", "sandbox". */
  what?: string;
  file?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live process holding the folder, if any. */
export function folderHolder(folder: string, file = LOCK_FILE): number | null {
  if (heldHere.has(folder)) return process.pid;
  const lock = join(folder, file);
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? pid : null;
}

/** Takes the folder for this process (making it when missing); returns the release function. */
export function lockFolder(folder: string, use: FolderUse = {}): () => void {
  const holder = folderHolder(folder, use.file);
  if (holder !== null) throw new FolderBusyError(folder, holder, use.what);
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, use.file ?? LOCK_FILE);
  writeFileSync(lock, String(process.pid));
  heldHere.add(folder);
  return () => {
    heldHere.delete(folder);
    try {
      if (readFileSync(lock, "utf8").trim() === String(process.pid)) rmSync(lock, { force: true });
    } catch {
      // Already gone.
    }
  };
}
