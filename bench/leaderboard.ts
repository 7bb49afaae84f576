/**
 * (b) The leaderboard over a big history against the same over a tenth of it: 1 000 reps with two years
 * of daily check-ins in one database, the same reps with the last 73 days in another. Separate databases
 * rather than two teams in one: in a shared table a scan of history would cost both teams the same, and
 * the ratio could not show it. The current month's rows are the same in both, so an indexed query does the
 * same work on both and the ratio stays near 1; one that reads history grows with it.
 */
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { leaderboard } from "../src/features/quota/leaderboard.js";
import { type Totals, teamTotals } from "../src/features/quota/store.js";
import { contextFor } from "../src/platform/context.js";
import { type Db, openDatabase, PGLITE_EXTENSIONS } from "../src/platform/db/index.js";
import type { Deps } from "../src/platform/deps.js";
import { localDate, type Period, periodOf } from "../src/platform/time/index.js";
import type { Location } from "./databases.js";
import { seedHistory, seedTeam, type TeamSpec, TIME_ZONE } from "./seed.js";
import { benchDeps } from "./service-deps.js";
import { median, percentile } from "./support.js";

export const LEADERBOARD_TEAM: TeamSpec = {
  workspaceId: "T0LEADER",
  name: "Leaderboard Sales",
  channelId: "C0LEADER",
  supervisorId: "U0LSUP",
  repPrefix: "U0L",
  reps: 1000,
};

export interface LeaderboardOptions {
  bigDays: number;
  smallDays: number;
  /** Timed calls per data set (after a warm-up), interleaved big/small. */
  runs: number;
  log: (line: string) => void;
}

/** A database opened for timing, plus a way to see the SQL a store function sends and its plan. */
interface Opened {
  db: Db;
  /** The same database through a logging drizzle: records the statements it sends in `captured`. */
  capturing: Db;
  captured: { query: string; params: unknown[] }[];
  plan(query: string, params: unknown[]): Promise<string[]>;
  close(): Promise<void>;
}

function openForQueries(location: Location): Opened {
  const captured: Opened["captured"] = [];
  const logger: Logger = { logQuery: (query, params) => captured.push({ query, params }) };
  if (location.kind === "pglite") {
    const client = new PGlite(location.dataDir, { extensions: PGLITE_EXTENSIONS });
    const database = openDatabase({ pglite: client });
    return {
      db: database.db,
      capturing: drizzlePglite({ client, casing: "snake_case", logger }) as unknown as Db,
      captured,
      plan: async (query, params) => {
        const result = await client.query<Record<string, string>>(
          `explain (analyze, buffers) ${query}`,
          params,
        );
        return result.rows.map((row) => Object.values(row)[0] ?? "");
      },
      close: () => database.close(),
    };
  }
  const database = openDatabase({ databaseUrl: location.databaseUrl });
  const raw = postgres(location.databaseUrl, { max: 1, onnotice: () => {} });
  return {
    db: database.db,
    capturing: drizzlePostgres({ client: raw, casing: "snake_case", logger }) as unknown as Db,
    captured,
    plan: async (query, params) => {
      const rows = await raw.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
      return rows.map((row) => String(Object.values(row)[0] ?? ""));
    },
    close: async () => {
      await raw.end({ timeout: 5 });
      await database.close();
    },
  };
}

export interface LeaderboardReport {
  lines: string[];
  queryRatio: number;
  serviceRatio: number;
  usesIndex: boolean;
  scansHistory: boolean;
}

interface DataSet {
  label: string;
  days: number;
  opened: Opened;
  teamId: number;
  deps: Deps;
  query: number[];
  service: number[];
  rows: number;
}

async function seed(opened: Opened, days: number, today: string, log: (line: string) => void) {
  const started = performance.now();
  const teamId = await seedTeam(opened.db, LEADERBOARD_TEAM);
  await seedHistory(opened.db, teamId, LEADERBOARD_TEAM, { days, today });
  // A table that has lived two years has been vacuumed and analyzed many times by autovacuum.
  await opened.db.execute(sql`vacuum analyze`);
  const rows = await countRows(opened.db);
  log(
    `  seeded ${LEADERBOARD_TEAM.reps} reps x ${days} days: ${rows.toLocaleString("en-US")} check-ins in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { teamId, rows };
}

async function countRows(db: Db): Promise<number> {
  // postgres.js answers with the rows, PGlite with { rows }.
  const result = (await db.execute(sql`select count(*)::int as n from checkins`)) as unknown as
    | { rows: { n: number }[] }
    | { n: number }[];
  const [first] = Array.isArray(result) ? result : result.rows;
  return Number(first?.n ?? 0);
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function sameTotals(a: Map<string, Totals>, b: Map<string, Totals>): boolean {
  if (a.size !== b.size) return false;
  for (const [rep, totals] of a) {
    const other = b.get(rep);
    if (!other || other.totalMinor !== totals.totalMinor || other.count !== totals.count) return false;
  }
  return true;
}

function executionMs(plan: readonly string[]): string {
  const line = plan.find((p) => p.startsWith("Execution Time:"));
  return line ? Number(line.replace(/[^0-9.]/g, "")).toFixed(2) : "?";
}

/** A short name for a statement: what it selects from and what it groups or orders by. */
function describe(query: string): string {
  const from = /from ("\w+")(?: left join ("\w+")| inner join ("\w+"))?/i.exec(query);
  const tables = from ? from.slice(1).filter(Boolean).join(" + ") : "?";
  const shape = /group by/i.test(query) ? "group by" : /distinct on/i.test(query) ? "distinct on" : "rows";
  return `${tables.replaceAll('"', "")} (${shape})`;
}

/** How a plan reads its tables: index and sequential scans, in plan order. */
function scans(plan: readonly string[]): string {
  const found = plan.flatMap((p) => {
    const m = /(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)(?: using (\w+))? on (\w+)/.exec(p);
    return m ? [`${m[1]} ${m[2] ? `${m[3]} (${m[2]})` : m[3]}`] : [];
  });
  return [...new Set(found)].join(", ") || "no table";
}

export async function benchLeaderboard(
  big: Location,
  small: Location,
  options: LeaderboardOptions,
): Promise<LeaderboardReport> {
  const { log } = options;
  const now = new Date();
  const today = localDate(now, TIME_ZONE);
  const period: Period = periodOf(now, TIME_ZONE, "month");
  const handles: Opened[] = [];
  try {
    const sets: DataSet[] = [];
    for (const [label, location, days] of [
      ["big", big, options.bigDays],
      ["small", small, options.smallDays],
    ] as const) {
      const opened = openForQueries(location);
      handles.push(opened);
      const { teamId, rows } = await seed(opened, days, today, log);
      sets.push({ label, days, opened, teamId, rows, deps: benchDeps(opened.db), query: [], service: [] });
    }
    const [bigSet, smallSet] = sets as [DataSet, DataSet];

    const totalsOf = (set: DataSet) => teamTotals(set.opened.db, set.teamId, "SEK", period);
    const asSupervisor = (deps: DataSet["deps"]) =>
      contextFor(deps, {
        workspaceId: LEADERBOARD_TEAM.workspaceId,
        userId: LEADERBOARD_TEAM.supervisorId,
        channelId: LEADERBOARD_TEAM.channelId,
      });
    const boardOf = (set: DataSet) => leaderboard(asSupervisor(set.deps), null);
    const [bigTotals, smallTotals] = [await totalsOf(bigSet), await totalsOf(smallSet)];
    const board = await boardOf(bigSet);
    if (board.rows.length !== LEADERBOARD_TEAM.reps) throw new Error("the leaderboard lost reps");

    // Warm up (plans, caches, JIT), then alternate which data set goes first.
    for (let i = 0; i < 3; i++) for (const set of sets) await Promise.all([totalsOf(set), boardOf(set)]);
    for (let i = 0; i < options.runs; i++) {
      // PGlite answers without ever returning to the event loop: let Ctrl-C in between calls.
      await new Promise((resolve) => setImmediate(resolve));
      for (const set of i % 2 ? [bigSet, smallSet] : [smallSet, bigSet]) {
        set.query.push(await time(() => totalsOf(set)));
        set.service.push(await time(() => boardOf(set)));
      }
    }

    // The exact statement teamTotals sends, captured on a logging connection, explained on the big set.
    bigSet.opened.captured.length = 0;
    await teamTotals(bigSet.opened.capturing, bigSet.teamId, "SEK", period);
    const statement = bigSet.opened.captured[0];
    if (!statement) throw new Error("teamTotals sent no statement");
    const plan = await bigSet.opened.plan(statement.query, statement.params);
    const planText = plan.join("\n");
    const usesIndex = planText.includes("checkins_team_day_idx");
    const scansHistory = /Seq Scan on checkins/.test(planText);

    // Every statement of one leaderboard() call, explained on both data sets: where the service's time goes.
    const breakdown: string[] = [];
    for (const set of sets) set.opened.captured.length = 0;
    await leaderboard(asSupervisor(benchDeps(bigSet.opened.capturing)), null);
    for (const { query, params } of bigSet.opened.captured) {
      const [onBig, onSmall] = [
        await bigSet.opened.plan(query, params),
        await smallSet.opened.plan(
          query,
          params.map((p) => (p === bigSet.teamId ? smallSet.teamId : p)),
        ),
      ];
      breakdown.push(
        `${executionMs(onBig).padStart(9)}${executionMs(onSmall).padStart(9)}  ${describe(query)}: ${scans(onBig)}`,
      );
    }

    const queryRatio = median(bigSet.query) / median(smallSet.query);
    const serviceRatio = median(bigSet.service) / median(smallSet.service);
    const ms = (v: number) => v.toFixed(2).padStart(9);
    const line = (label: string, values: number[]) =>
      `${label.padEnd(44)}${ms(median(values))}${ms(percentile(values, 90))}${ms(Math.min(...values))}`;
    const lines = [
      `period ${period.key} (${period.start} to ${today}); ${options.runs} timed calls per data set, interleaved`,
      `same totals on both data sets (the current month is identical): ${sameTotals(bigTotals, smallTotals) ? "yes" : "NO"}, ${bigTotals.size} reps with sales`,
      "",
      "                                               median ms   p90 ms   min ms",
      line(`teamTotals, ${bigSet.rows.toLocaleString("en-US")} check-ins (${bigSet.days} d)`, bigSet.query),
      line(
        `teamTotals, ${smallSet.rows.toLocaleString("en-US")} check-ins (${smallSet.days} d)`,
        smallSet.query,
      ),
      line("leaderboard() service, big", bigSet.service),
      line("leaderboard() service, small", smallSet.service),
      "",
      `ratio teamTotals big / small: ${queryRatio.toFixed(2)} (goal <= 1.50) ${queryRatio <= 1.5 ? "MET" : "NOT MET"}`,
      `ratio leaderboard() big / small: ${serviceRatio.toFixed(2)} (the whole service: members, targets, settings too)`,
      "",
      "the statements of one leaderboard() call, server execution time (explain analyze):",
      "   big ms smallms  statement: how it reads",
      ...breakdown,
      "",
      `plan of teamTotals on the big data set (explain analyze, buffers): uses checkins_team_day_idx: ${usesIndex ? "yes" : "NO"}; seq scan of checkins: ${scansHistory ? "YES" : "no"}`,
      ...plan.map((p) => `  ${p}`),
    ];
    return { lines, queryRatio, serviceRatio, usesIndex, scansHistory };
  } finally {
    for (const opened of handles) await opened.close();
  }
}
