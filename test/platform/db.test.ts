import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teams } from "../../src/features/team/schema.js";
import { listAudit, recordAudit } from "../../src/platform/audit/index.js";
import { isUniqueViolation, MIGRATIONS_FOLDER, openDatabase } from "../../src/platform/db/index.js";
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  onPostgres,
  type TestDatabase,
} from "../support/db.js";

describe("data layer", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("stores and reads the audit trail in order", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    await recordAudit(database.db, {
      workspaceId: "T1",
      actorId: "U1",
      action: "team.team.create",
      subject: { type: "team", id: 7 },
      after: { name: "North" },
      at,
    });
    await recordAudit(database.db, {
      workspaceId: "T1",
      actorId: "U2",
      action: "team.settings.update",
      subject: { type: "team", id: 7 },
      before: { name: "North" },
      after: { name: "Nord" },
      at,
    });
    await recordAudit(database.db, {
      workspaceId: "T2",
      actorId: "U9",
      action: "team.member.add",
      subject: { type: "team", id: 7 },
      at,
    });
    const entries = await listAudit(database.db, "T1", { subject: { type: "team", id: 7 } });
    expect(entries.map((e) => [e.actorId, e.action, e.before, e.after])).toEqual([
      ["U1", "team.team.create", null, { name: "North" }],
      ["U2", "team.settings.update", { name: "North" }, { name: "Nord" }],
    ]);
    expect(entries[0]?.at.toISOString()).toBe(at.toISOString());
  });

  it("refuses to change or delete audit entries", async () => {
    const appendOnly = { cause: { message: expect.stringMatching(/audit_log is append-only/) } };
    await expect(database.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toMatchObject(
      appendOnly,
    );
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toMatchObject(appendOnly);
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toMatchObject(appendOnly);
    expect((await listAudit(database.db, "T1")).length).toBe(2);
  });

  it("enforces one team per channel and recognises the violation", async () => {
    const row = {
      workspaceId: "T1",
      name: "North",
      channelId: "C1",
      timeZone: "Europe/Stockholm",
      locale: "sv" as const,
      currency: "SEK",
      holidayCountry: "SE",
      workWeek: [1, 2, 3, 4, 5],
      quotaPeriod: "month" as const,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await database.db.insert(teams).values(row);
    const error = await database.db
      .insert(teams)
      .values({ ...row, name: "Other" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error, "teams_workspace_channel_key")).toBe(true);
    expect(isUniqueViolation(error, "teams_workspace_name_key")).toBe(false);
    // The same channel id in another workspace is another channel.
    await database.db.insert(teams).values({ ...row, workspaceId: "T2" });
  });
});

describe.skipIf(!onPostgres)("migrations on Postgres (needs DATABASE_URL)", () => {
  it("lets several instances migrate one empty database at once", async () => {
    const empty = await createEmptyPostgresDatabase();
    try {
      const instances = Array.from({ length: 4 }, () =>
        openDatabase({ databaseUrl: empty.url, poolSize: 1 }),
      );
      await Promise.all(instances.map((instance) => instance.migrate()));
      const first = instances[0];
      if (!first) throw new Error("no instance");
      const applied = (await first.db.execute(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      )) as unknown as {
        n: number;
      }[];
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
        entries: unknown[];
      };
      expect(applied[0]?.n).toBe(journal.entries.length);
      await Promise.all(instances.map((instance) => instance.close()));
    } finally {
      await empty.drop();
    }
  });
});
