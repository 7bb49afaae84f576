import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { type Database, type Db, openDatabase, PGLITE_EXTENSIONS } from "../../src/platform/db/index.js";
import { isBackground } from "../../src/platform/lane.js";
import { adminSql, databaseUrlFor } from "./postgres.js";

export interface TestDatabase extends Database {
  /** The connection URL in Postgres mode; undefined on PGlite. */
  readonly url: string | undefined;
  /**
   * Every statement the app sent through drizzle so far for people's requests and the work they leave
   * behind after the answer (not jobs, not the clock's strikes: those run in the background lane). Empty
   * it to count from a point on.
   */
  readonly statements: string[];
}

/** True when the suite runs against a real Postgres server (DATABASE_URL set). */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A migrated database of this test file's own: PGlite loaded from the suite's snapshot, or a Postgres
 * database cloned from the suite's template. `close()` drops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const snapshot = readFileSync(inject("pgliteSnapshot"));
    const pglite = new PGlite({ loadDataDir: new Blob([snapshot]), extensions: PGLITE_EXTENSIONS });
    await pglite.waitReady;
    const statements: string[] = [];
    return {
      ...openDatabase({
        pglite,
        onStatement: (s) => {
          if (!isBackground()) statements.push(s);
        },
      }),
      url: undefined,
      statements,
    };
  }
  const name = `supervisor_test_${randomBytes(6).toString("hex")}`;
  const admin = adminSql(url);
  await admin.unsafe(`create database "${name}" template "${inject("postgresTemplate")}"`);
  const databaseUrl = databaseUrlFor(url, name);
  const statements: string[] = [];
  const database = openDatabase({
    databaseUrl,
    onStatement: (s) => {
      if (!isBackground()) statements.push(s);
    },
  });
  return {
    ...database,
    url: databaseUrl,
    statements,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** An empty Postgres database (no migrations), for tests of migration itself. Postgres mode only. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("createEmptyPostgresDatabase needs DATABASE_URL");
  const name = `supervisor_empty_${randomBytes(6).toString("hex")}`;
  const admin = adminSql(url);
  await admin.unsafe(`create database "${name}"`);
  return {
    url: databaseUrlFor(url, name),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * Empties every table of the app, leaving the database as freshly migrated (ids start from 1 again), so
 * a group of tests can start over without the seconds a new database costs. The audit log refuses
 * TRUNCATE by a trigger, as it should for the app: replica mode skips triggers for this one statement
 * of a test's own scratch database.
 */
export async function emptyDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const result = (await tx.execute(
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    )) as unknown as { tablename: string }[] | { rows: { tablename: string }[] };
    const tables = (Array.isArray(result) ? result : result.rows).map((row) => `"${row.tablename}"`);
    if (tables.length === 0) return;
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
  });
}
