/**
 * The productivity report (issue 12): 50 teams of 20 reps over a year of daily check-ins against the same
 * report for one of those teams, in the same run on the same database. What is timed is everything the
 * report job does but talk to Slack: the data (quota's standing over the year, standups, leave,
 * escalations, coaching), the summary blocks, the chart (Vega-Lite -> SVG -> PNG) and the CSV.
 */
import { makeReport } from "../src/features/reports/jobs.js";
import type { ReportScope } from "../src/features/reports/kinds.js";
import { reportMessages } from "../src/features/reports/messages.js";
import { parsePeriod } from "../src/features/reports/period.js";
import { productivityReport } from "../src/features/reports/productivity.js";
import { findTeam, type TeamWithMembers } from "../src/features/team/index.js";
import { translatorIn } from "../src/platform/slack/index.js";
import { type Location, open } from "./databases.js";
import { seedHistory, seedTeam, type TeamSpec, TIME_ZONE, WORKSPACE } from "./seed.js";
import { benchDeps } from "./service-deps.js";

export interface ReportBenchOptions {
  teams: number;
  repsPerTeam: number;
  /** Days of check-ins, ending today. */
  days: number;
  runs: number;
  today: string;
  log: (line: string) => void;
}

// A workspace per team: the seed's request ids are per rep and day, unique per workspace (as Slack's are).
const spec = (n: number, reps: number): TeamSpec => ({
  workspaceId: `T0REP${String(n).padStart(3, "0")}`,
  name: `Report ${String(n).padStart(3, "0")}`,
  channelId: `C0REP${String(n).padStart(3, "0")}`,
  supervisorId: `U0RS${String(n).padStart(3, "0")}`,
  repPrefix: `U0R${String(n).padStart(3, "0")}R`,
  reps,
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function benchReports(
  location: Location,
  options: ReportBenchOptions,
): Promise<{ lines: string[] }> {
  const database = open(location);
  try {
    const { db } = database;
    const started = performance.now();
    const teams: TeamWithMembers[] = [];
    for (let n = 0; n < options.teams; n++) {
      const s = spec(n, options.repsPerTeam);
      const id = await seedTeam(db, s);
      await seedHistory(db, id, s, { days: options.days, today: options.today });
      const team = await findTeam(db, s.workspaceId, id);
      if (team) teams.push(team);
      if ((n + 1) % 10 === 0) options.log(`  seeded ${n + 1} of ${options.teams} teams`);
    }
    const seeded = (performance.now() - started) / 1000;
    const deps = benchDeps(db, database.connection);
    const t = translatorIn(reportMessages, "en");
    const reader = { t, nameOf: (id: string) => id, timeZone: TIME_ZONE };
    // The calendar year so far: the year of history the seed ends with.
    const period = parsePeriod("this year", options.today);
    if (!period) throw new Error("no period");
    const scope = (of: TeamWithMembers[]): ReportScope => ({
      workspaceId: WORKSPACE,
      teams: of,
      period,
      at: new Date(),
      requestedBy: "U0BENCH",
    });
    const time = async (of: TeamWithMembers[]) => {
      const made = await makeReport(deps, productivityReport, scope(of), reader);
      const runs: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const at = performance.now();
        await makeReport(deps, productivityReport, scope(of), reader);
        runs.push(performance.now() - at);
      }
      return { ms: median(runs), made };
    };
    const one = await time(teams.slice(0, 1));
    const all = await time(teams);
    const ratio = all.ms / one.ms;
    const rows = options.teams * options.repsPerTeam;
    return {
      lines: [
        `seeded ${options.teams} teams x ${options.repsPerTeam} reps x ${options.days} days (${(rows * options.days).toLocaleString("en")} check-ins) in ${seeded.toFixed(0)} s`,
        `one team:  ${one.ms.toFixed(0)} ms (median of ${options.runs}); ${one.made.blocks.length} blocks, chart ${one.made.chart?.width}x${one.made.chart?.height} px, CSV ${one.made.csv.length.toLocaleString("en")} chars`,
        `${options.teams} teams: ${all.ms.toFixed(0)} ms (median of ${options.runs}); ${all.made.blocks.length} blocks, chart ${all.made.chart?.width}x${all.made.chart?.height} px (per team), CSV ${all.made.csv.length.toLocaleString("en")} chars`,
        `ratio ${ratio.toFixed(1)} for ${options.teams}x the teams (${(all.ms / options.teams).toFixed(0)} ms a team against ${one.ms.toFixed(0)} ms alone)`,
      ],
    };
  } finally {
    await database.close();
  }
}
