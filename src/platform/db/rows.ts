import type { SQL } from "drizzle-orm";
import type { Db } from "./database.js";

/**
 * Runs raw SQL and returns its rows on both drivers (postgres.js answers with an array of rows, PGlite with
 * `{ rows }`). For the few reads that are clearer or faster as one hand-written statement.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
