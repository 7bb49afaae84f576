import type { KnownBlock } from "@slack/types";
import type { TopLevelSpec } from "vega-lite";
import type { Deps } from "../../platform/deps.js";
import { currencyDigits } from "../../platform/i18n/index.js";
import {
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  linesToSections,
  section,
} from "../../platform/slack/index.js";
import { Absences } from "../../platform/time/index.js";
import { repsWithActivePlans } from "../coaching/index.js";
import { unresolvedCounts } from "../escalations/index.js";
import { findProducts } from "../products/index.js";
import { type PaceLabel, type RangeProgress, rangeStanding } from "../quota/index.js";
import { standupRecord } from "../standup/index.js";
import type { Team } from "../team/index.js";
import type { ReportKind, ReportReader, ReportScope } from "./kinds.js";
import { SUMMARY_BLOCKS } from "./kinds.js";
import { barChartFrame, CHART, CHART_MAX_BARS, type CsvColumn } from "./render.js";
import { dayText, periodName, teamsName } from "./views.js";

/** One rep's line of the productivity report (also a row of its CSV). */
export interface ProductivityRow {
  teamId: number;
  teamName: string;
  currency: string;
  repId: string;
  soldMinor: number;
  targetMinor: number | null;
  /** Sold / target; null without a target. */
  attainment: number | null;
  pace: PaceLabel | null;
  checkins: number;
  activeDays: number;
  standupsAnswered: number;
  standupsAsked: number;
  leaveDays: number;
  /** Counts only: what the escalations and plans say is for the rep's supervisors, executives and admins. */
  openEscalations: number;
  coachingPlans: number;
}

/** One team's part: its totals, its reps, its sales per product. */
export interface ProductivityTeam {
  team: Team;
  total: RangeProgress;
  /** Working days of the period in the team's calendar, and how many have passed. */
  days: { total: number; elapsed: number };
  reps: ProductivityRow[];
  products: { name: string | null; totalMinor: number; count: number }[];
}

export interface ProductivityData {
  teams: ProductivityTeam[];
}

/** Loads one team's part: its standing from quota, standups, leave (in the standing), escalations, coaching. */
async function loadTeam(
  deps: Deps,
  scope: ReportScope,
  entry: ReportScope["teams"][number],
): Promise<ProductivityTeam> {
  const { team, repIds } = entry;
  const range = { start: scope.period.start, end: scope.period.end };
  const [standing, standups, escalations, coaching, daysOff] = await Promise.all([
    rangeStanding(deps, team, repIds, range, scope.at),
    standupRecord(deps.db, team.id, range),
    unresolvedCounts(deps.db, team.workspaceId, repIds),
    repsWithActivePlans(deps.db, team.workspaceId, repIds),
    deps.absences.daysOff(deps.db, team.workspaceId, repIds, range.start, range.end),
  ]);
  const answered = new Map<string, number>();
  for (const a of standups.answers) answered.set(a.repId, (answered.get(a.repId) ?? 0) + 1);
  const productIds = standing.products.flatMap((p) => (p.productId === null ? [] : [p.productId]));
  const products = await findProducts(deps.db, productIds);
  const reps = standing.reps.map((rep): ProductivityRow => {
    const repId = rep.repId as string;
    const off = Absences.of(daysOff, repId);
    return {
      teamId: team.id,
      teamName: team.name,
      currency: team.currency,
      repId,
      soldMinor: rep.sales.totalMinor,
      targetMinor: rep.targetMinor,
      attainment: rep.pace.attainment,
      pace: rep.pace.label,
      checkins: rep.sales.count,
      activeDays: rep.sales.activeDays,
      standupsAnswered: answered.get(repId) ?? 0,
      // A rep on leave on a standup's day was not asked (the standup skips them).
      standupsAsked: standups.days.filter((s) => !off.has(s.day)).length,
      leaveDays: rep.leaveDays,
      openEscalations: escalations.get(repId) ?? 0,
      coachingPlans: coaching.has(repId) ? 1 : 0,
    };
  });
  return {
    team,
    total: standing.team,
    days: { total: standing.team.days.total, elapsed: Math.floor(standing.team.days.elapsed) },
    reps,
    products: standing.products.map((p) => ({
      name: p.productId === null ? null : (products.get(p.productId)?.name ?? null),
      totalMinor: p.totalMinor,
      count: p.count,
    })),
  };
}

/** With more teams than this, the message has one line per team and no rep lines. */
const DETAILED_TEAMS = 6;

const paceWord = (reader: ReportReader, label: PaceLabel | null) =>
  label ? reader.t.t(`reports.pace.${label}`) : null;

function repLine(reader: ReportReader, row: ProductivityRow): string {
  const { t } = reader;
  return t.t("reports.productivity.rep", {
    name: escapeMrkdwn(reader.nameOf(row.repId)),
    sold: t.money(row.soldMinor, row.currency),
    target: row.targetMinor === null ? null : t.money(row.targetMinor, row.currency),
    attainment: row.attainment === null ? null : t.percent(row.attainment),
    pace: paceWord(reader, row.pace),
    checkins: row.checkins,
    days: row.activeDays,
    answered: row.standupsAnswered,
    asked: row.standupsAsked,
    leave: row.leaveDays,
    flags: [
      row.openEscalations > 0
        ? t.t("reports.productivity.repEscalations", { count: row.openEscalations })
        : "",
      row.coachingPlans > 0 ? t.t("reports.productivity.repCoaching") : "",
    ]
      .filter(Boolean)
      .map((flag) => ` · ${flag}`)
      .join(""),
  });
}

function teamLine(reader: ReportReader, part: ProductivityTeam): string {
  const { t } = reader;
  const { total, team } = part;
  const sum = (f: (r: ProductivityRow) => number) => part.reps.reduce((n, r) => n + f(r), 0);
  return [
    t.t("reports.productivity.team", {
      team: escapeMrkdwn(team.name),
      sold: t.money(total.sales.totalMinor, team.currency),
      target: total.targetMinor === null ? null : t.money(total.targetMinor, team.currency),
      attainment: total.pace.attainment === null ? null : t.percent(total.pace.attainment),
      pace: paceWord(reader, total.pace.label),
    }),
    t.t("reports.productivity.teamActivity", {
      checkins: total.sales.count,
      reps: part.reps.length,
      answered: sum((r) => r.standupsAnswered),
      asked: sum((r) => r.standupsAsked),
      leave: sum((r) => r.leaveDays),
      escalations: sum((r) => r.openEscalations),
      coaching: sum((r) => r.coachingPlans),
    }),
  ].join("\n");
}

function productLine(reader: ReportReader, part: ProductivityTeam): string {
  const { t } = reader;
  if (part.products.length === 0) return t.t("reports.productivity.noSales");
  const total = part.products.reduce((n, p) => n + p.totalMinor, 0);
  const list = part.products
    .map(
      (p) =>
        `${escapeMrkdwn(p.name ?? t.t("reports.productivity.noProduct"))} ${t.money(p.totalMinor, part.team.currency)} (${p.count}, ${t.percent(total > 0 ? p.totalMinor / total : 0)})`,
    )
    .join(" · ");
  return t.t("reports.productivity.products", { list });
}

function summary(reader: ReportReader, data: ProductivityData, scope: ReportScope): KnownBlock[] {
  const { t } = reader;
  const period = periodName(t, scope.period);
  const blocks: KnownBlock[] = [
    header(t.t("reports.productivity.title", { period })),
    context(
      t.t("reports.productivity.context", {
        teams: teamsName(t, data.teams),
        from: dayText(t, scope.period.start),
        to: dayText(t, scope.period.end),
        by: scope.requestedBy,
      }),
    ),
  ];
  const running = data.teams.find((p) => p.days.elapsed < p.days.total);
  if (running) blocks.push(context(t.t("reports.productivity.running", running.days)));
  if (data.teams.length > DETAILED_TEAMS) {
    // Many teams: one section line per team (two lines each), as many sections as it takes, within the budget.
    const reps = data.teams.reduce((n, p) => n + p.reps.length, 0);
    blocks.push(section(t.t("reports.productivity.summaryOnly", { teams: data.teams.length, reps })));
    blocks.push(
      ...linesToSections(
        data.teams.map((p) => teamLine(reader, p)),
        SUMMARY_BLOCKS - blocks.length - 1,
        (hidden) => t.t("reports.productivity.moreTeams", { hidden }),
        "\n\n",
      ),
    );
  } else {
    // A few teams: each team's line, its reps (split over sections), its products.
    const perTeam = Math.floor((SUMMARY_BLOCKS - blocks.length - 1) / Math.max(1, data.teams.length));
    for (const part of data.teams) {
      blocks.push(section(teamLine(reader, part)));
      const repBlocks = Math.max(1, perTeam - 2);
      if (part.reps.length > 0) {
        blocks.push(
          ...linesToSections(
            part.reps.map((r) => repLine(reader, r)),
            repBlocks,
            (hidden) => t.t("reports.productivity.moreReps", { hidden }),
          ),
        );
      }
      blocks.push(context(productLine(reader, part).slice(0, LIMITS.sectionText)));
    }
  }
  blocks.push(
    context(
      t.t(chartSpec(reader, data, scope) ? "reports.productivity.files" : "reports.productivity.noChart"),
    ),
  );
  return blocks;
}

/**
 * Attainment per rep against the target (a bar each, a rule at 100 %); with more than CHART_MAX_BARS reps,
 * per team instead. Fixed geometry (no autosize), so the PNG's size follows from the number of bars alone.
 */
function chartSpec(reader: ReportReader, data: ProductivityData, scope: ReportScope): TopLevelSpec | null {
  const { t } = reader;
  const reps = data.teams.flatMap((p) => p.reps);
  const perRep = reps.length <= CHART_MAX_BARS;
  const bars = perRep
    ? reps
        .filter((r) => r.attainment !== null)
        .map((r) => ({
          who: data.teams.length > 1 ? `${reader.nameOf(r.repId)} (${r.teamName})` : reader.nameOf(r.repId),
          attainment: r.attainment as number,
        }))
    : data.teams
        .filter((p) => p.total.pace.attainment !== null)
        .map((p) => ({ who: p.team.name, attainment: p.total.pace.attainment as number }));
  if (bars.length === 0) return null;
  const period = periodName(t, scope.period);
  const max = Math.max(1.2, ...bars.map((b) => b.attainment));
  return {
    ...barChartFrame(
      t.t(perRep ? "reports.chart.title" : "reports.chart.teamsTitle", { period }),
      bars.length,
    ),
    data: { values: bars },
    layer: [
      {
        mark: { type: "bar", height: CHART.bar - 6 },
        encoding: {
          y: {
            field: "who",
            type: "nominal",
            sort: null,
            title: null,
            axis: { labelLimit: CHART.left - 14 },
          },
          x: {
            field: "attainment",
            type: "quantitative",
            scale: { domain: [0, max] },
            axis: { format: "~%", title: t.t("reports.chart.attainment") },
          },
          color: {
            condition: { test: "datum.attainment >= 1", value: "#2e7d32" },
            value: "#1565c0",
          },
        },
      },
      {
        mark: { type: "rule", color: "#c62828", strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x: { datum: 1 } },
      },
    ],
  } as TopLevelSpec;
}

function columns(reader: ReportReader): CsvColumn<ProductivityRow>[] {
  const { t } = reader;
  const major = (minor: number | null, currency: string) =>
    minor === null ? null : (minor / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));
  return [
    { header: t.t("reports.csv.team"), value: (r) => r.teamName },
    { header: t.t("reports.csv.rep"), value: (r) => reader.nameOf(r.repId) },
    { header: t.t("reports.csv.repId"), value: (r) => r.repId },
    { header: t.t("reports.csv.currency"), value: (r) => r.currency },
    { header: t.t("reports.csv.sold"), value: (r) => major(r.soldMinor, r.currency) },
    { header: t.t("reports.csv.target"), value: (r) => major(r.targetMinor, r.currency) },
    {
      header: t.t("reports.csv.attainment"),
      value: (r) => (r.attainment === null ? null : (r.attainment * 100).toFixed(1)),
    },
    { header: t.t("reports.csv.pace"), value: (r) => paceWord(reader, r.pace) },
    { header: t.t("reports.csv.checkins"), value: (r) => r.checkins },
    { header: t.t("reports.csv.activeDays"), value: (r) => r.activeDays },
    { header: t.t("reports.csv.standupsAnswered"), value: (r) => r.standupsAnswered },
    { header: t.t("reports.csv.standupsAsked"), value: (r) => r.standupsAsked },
    { header: t.t("reports.csv.leaveDays"), value: (r) => r.leaveDays },
    { header: t.t("reports.csv.openEscalations"), value: (r) => r.openEscalations },
    { header: t.t("reports.csv.coachingPlans"), value: (r) => r.coachingPlans },
  ];
}

/** The productivity report: attainment, pace, activity, standups, leave, escalations and coaching per rep. */
export const productivityReport: ReportKind<ProductivityData, ProductivityRow> = {
  name: "productivity",
  timeframe: "period",
  label: (t) => t.t("reports.kind.productivity"),
  async load(deps, scope) {
    const teams: ProductivityTeam[] = [];
    // One team at a time: a report of fifty teams waits its turn rather than take every connection.
    for (const entry of scope.teams) teams.push(await loadTeam(deps, scope, entry));
    return { teams };
  },
  title: (reader, _data, scope) =>
    reader.t.t("reports.productivity.title", { period: periodName(reader.t, scope.period) }),
  summary,
  chart: chartSpec,
  rows: (data) => data.teams.flatMap((p) => p.reps),
  columns,
};
