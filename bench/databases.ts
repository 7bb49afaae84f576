/**
 * The benchmark's own databases, migrated and empty, removed afterwards. With DATABASE_URL: databases of
 * our own on that server (never the one in the URL). Without: PGlite folders in a temp folder; the
 * expensive initdb runs once and the other folders are copies of the migrated first one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { type Database, openDatabase } from "../src/platform/db/index.js";

export type Location = { kind: "postgres"; databaseUrl: string } | { kind: "pglite"; dataDir: string };

export interface BenchDatabases<N extends string> {
  readonly kind: "postgres" | "pglite";
  readonly at: Record<N, Location>;
  /** The server processes serving a database now (Postgres backends), to count their CPU; [] for PGlite. */
  backends(name: N): Promise<number[]>;
  /** Drops the databases (or removes the folders); safe to call twice. */
  cleanup(): Promise<void>;
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
  } catch {
    return false;
  }
}

export function open(location: Location): Database {
  return openDatabase(
    location.kind === "postgres" ? { databaseUrl: location.databaseUrl } : { dataDir: location.dataDir },
  );
}

/** Environment for the app child so it opens this database. */
export function appEnv(location: Location): Record<string, string> {
  return location.kind === "postgres"
    ? { DATABASE_URL: location.databaseUrl }
    : { DATA_DIR: location.dataDir };
}

export async function provisionDatabases<N extends string>(
  names: readonly N[],
  serverUrl: string | undefined,
): Promise<BenchDatabases<N>> {
  return serverUrl ? provisionPostgres(names, serverUrl) : provisionPglite(names);
}

async function provisionPglite<N extends string>(names: readonly N[]): Promise<BenchDatabases<N>> {
  const folder = mkdtempSync(join(tmpdir(), "supervisor-bench-"));
  const cleanup = async () => rmSync(folder, { recursive: true, force: true });
  try {
    const at = {} as Record<N, Location>;
    const backends = async () => [];
    const [first, ...rest] = names;
    if (first === undefined) return { kind: "pglite", at, backends, cleanup };
    const template = join(folder, first);
    const database = open({ kind: "pglite", dataDir: template });
    await database.migrate();
    await database.close();
    at[first] = { kind: "pglite", dataDir: template };
    for (const name of rest) {
      const dataDir = join(folder, name);
      // A closed cluster folder is consistent: a copy is a second, independent database.
      cpSync(template, dataDir, { recursive: true });
      at[name] = { kind: "pglite", dataDir };
    }
    return { kind: "pglite", at, backends, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function provisionPostgres<N extends string>(
  names: readonly N[],
  serverUrl: string,
): Promise<BenchDatabases<N>> {
  const urlOf = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = postgres(urlOf("postgres"), { max: 1, onnotice: () => {} });
  const created: string[] = [];
  const nameOf = (name: N) => `supervisor_bench_${process.pid}_${name}`;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    const at = {} as Record<N, Location>;
    for (const name of names) {
      const database = nameOf(name);
      await admin.unsafe(`drop database if exists "${database}" with (force)`);
      await admin.unsafe(`create database "${database}"`);
      created.push(database);
      const location: Location = { kind: "postgres", databaseUrl: urlOf(database) };
      const opened = open(location);
      await opened.migrate();
      await opened.close();
      at[name] = location;
    }
    const backends = async (name: N) => {
      const rows = await admin<{ pid: number }[]>`
        select pid from pg_stat_activity where datname = ${nameOf(name)} and pid <> pg_backend_pid()`;
      // Only processes of this machine count (the server may be elsewhere, or in a container).
      return rows.map((row) => row.pid).filter((pid) => isPostgresProcess(pid));
    };
    return { kind: "postgres", at, backends, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
