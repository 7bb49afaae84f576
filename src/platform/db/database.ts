import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lanedPostgres, yieldingPglite } from "./lanes.js";

/**
 * The database handle every store function takes first. A transaction is a Db too, so a store function
 * called inside `db.transaction(async (tx) => ...)` joins that transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

/** What the database is underneath drizzle, for what needs its own connection to it (the job engine). */
export type Connection = { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string };

export interface Database {
  readonly db: Db;
  readonly kind: "postgres" | "pglite";
  readonly connection: Connection;
  /** Applies pending migrations; safe when several instances boot at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export type OpenOptions = (
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  | { pglite: PGlite }
) & {
  /** Hears every statement the app sends through drizzle (tests count a request's statements). */
  onStatement?: (statement: string) => void;
};

/** Drizzle's logger for `onStatement`, or none. */
function statementLogger(options: OpenOptions): { logger?: { logQuery(query: string): void } } {
  const { onStatement } = options;
  return onStatement ? { logger: { logQuery: (query: string) => onStatement(query) } } : {};
}

/**
 * The extensions the schema uses, which PGlite must load whenever it opens a data folder made with them
 * (btree_gist: the leave overlap constraint). Pass them to every `new PGlite`.
 */
export const PGLITE_EXTENSIONS = Object.freeze({ btree_gist });

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/** Any 64-bit number works; this one spells "supervisor:migrate" to whoever reads pg_locks. */
const MIGRATION_LOCK = 7_301_118_771_042_915n;

/** Opens Postgres when a URL is given, PGlite on disk (or a given PGlite) otherwise; same drizzle API on both. */
export function openDatabase(options: OpenOptions): Database {
  if ("databaseUrl" in options) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options);
  const opened = "pglite" in options ? options.pglite : openPgliteDir(options.dataDir);
  // One connection for requests and jobs alike: jobs' statements yield to requests' (see `Yielding`).
  const client = yieldingPglite(opened);
  const db = drizzlePglite({ client, casing: "snake_case", ...statementLogger(options) }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    connection: { kind: "pglite", client },
    ping: (timeoutMs) => ping(db, timeoutMs),
    // PGlite is a single in-process connection and only one process may open a data folder: no race to guard.
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

function openPgliteDir(dataDir: string): PGlite {
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS });
}

/**
 * Connections of the pool background work (jobs, the clock's strikes) has to itself. Jobs mostly wait
 * (for a channel's turn, for Slack), so a few connections keep a fan-out at Slack's pace.
 */
const BACKGROUND_POOL_SIZE = 3;

function openPostgres(url: string, max: number, options: OpenOptions): Database {
  const client = lanedPostgres(
    postgres(url, { max, onnotice: () => {} }),
    postgres(url, { max: BACKGROUND_POOL_SIZE, onnotice: () => {} }),
  );
  const db = drizzlePostgres({
    client: preparing(client),
    casing: "snake_case",
    ...statementLogger(options),
  }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    connection: { kind: "postgres", url },
    ping: (timeoutMs) => ping(db, timeoutMs),
    migrate: () => migratePostgresLocked(url),
    close: () => client.end({ timeout: 5 }),
  };
}

type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;

/**
 * The postgres.js client as drizzle uses it, with every statement that has parameters sent as a named
 * prepared statement (postgres.js keeps them per connection, by their text): Postgres parses and plans it
 * once per connection instead of on every call, and each call is one round trip of Bind/Execute instead
 * of Parse/Bind/Execute. Drizzle sends all of its statements through `unsafe`, unprepared unless told;
 * transactions and savepoints get the same client. Statements without parameters (scripts of several
 * statements, which cannot be prepared) go as they are.
 */
function preparing<T extends postgres.Sql>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === "unsafe") {
        return (query: string, params?: unknown[], options?: UnsafeOptions) =>
          (value as (q: string, p?: unknown[], o?: UnsafeOptions) => unknown).call(
            target,
            query,
            params,
            params && params.length > 0 ? { ...options, prepare: true } : options,
          );
      }
      if (key === "begin" || key === "savepoint") {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const work = args[last] as (tx: postgres.Sql) => unknown;
          args[last] = (tx: postgres.Sql) => work(preparing(tx));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function ping(db: Db, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([db.execute(sql`select 1`), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Drizzle's migrator takes no lock, so two instances booting together would both try to create the same
 * tables. Hold a session advisory lock on one dedicated connection while migrating on that connection.
 */
async function migratePostgresLocked(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client, casing: "snake_case" });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
