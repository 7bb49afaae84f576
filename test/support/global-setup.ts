import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase, PGLITE_EXTENSIONS } from "../../src/platform/db/index.js";
import { adminSql, databaseUrlFor } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite mode: a tarball of a freshly migrated data folder, loaded by each test file. */
    pgliteSnapshot: string;
    /** Postgres mode: a migrated database each test file copies as a template. */
    postgresTemplate: string;
  }
}

/**
 * Migrating a fresh PGlite takes seconds (initdb runs in WASM), so migrate once and let every test file
 * load the snapshot. With DATABASE_URL, migrate one template database that test files clone.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS });
    const database = openDatabase({ pglite });
    await database.migrate();
    const dump = await pglite.dumpDataDir("none");
    await database.close();
    const path = join(tmpdir(), `supervisor-test-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteSnapshot", path);
    project.provide("postgresTemplate", "");
    return async () => rmSync(path, { force: true });
  }

  const template = `supervisor_tmpl_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = adminSql(url);
  await admin.unsafe(`create database "${template}"`);
  const database = openDatabase({ databaseUrl: databaseUrlFor(url, template), poolSize: 1 });
  await database.migrate();
  await database.close();
  project.provide("postgresTemplate", template);
  project.provide("pgliteSnapshot", "");
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}
