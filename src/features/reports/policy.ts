import type { KnownBlock } from "@slack/types";
import type { TopLevelSpec } from "vega-lite";
import { context, escapeMrkdwn, header, linesToSections } from "../../platform/slack/index.js";
import { localDate } from "../../platform/time/index.js";
import { type PolicyStanding, policyStatus } from "../policies/index.js";
import type { ReportKind, ReportReader, ReportScope } from "./kinds.js";
import { SUMMARY_BLOCKS } from "./kinds.js";
import { barChartFrame, CHART, CHART_MAX_BARS, type CsvColumn } from "./render.js";
import { dayText, teamsName } from "./views.js";

/** One rep's standing on one policy (a row of the policy report's CSV). */
export interface PolicyRow {
  policyId: number;
  title: string;
  version: number;
  effectiveOn: string;
  teamId: number | null;
  teamName: string;
  /** The team's time zone, the acknowledgement's time is written in. */
  timeZone: string;
  repId: string;
  acknowledgedAt: Date | null;
  onLeave: boolean;
  remindersSent: number;
  overdue: boolean;
}

export interface PolicyData {
  /** The active policies of the report's teams (retired ones ask nothing of anyone), newest first. */
  policies: PolicyStanding[];
  /** Each team's time zone (acknowledgements are written in the rep's team's). */
  zones: Map<number, string>;
}

/** Overdue reps named in a policy's line; the rest are counted (the CSV names them all). */
const NAMED_OVERDUE = 10;

const asOf = (reader: ReportReader, scope: ReportScope) =>
  dayText(reader.t, localDate(scope.at, reader.timeZone));

function counts(policy: PolicyStanding) {
  return {
    done: policy.reps.filter((r) => r.acknowledgedAt !== null).length,
    total: policy.reps.length,
    overdue: policy.reps.filter((r) => r.overdue),
  };
}

function policyLine(reader: ReportReader, policy: PolicyStanding, manyTeams: boolean): string {
  const { t } = reader;
  const { done, total, overdue } = counts(policy);
  const named = overdue.slice(0, NAMED_OVERDUE).map((r) => {
    const name = escapeMrkdwn(reader.nameOf(r.repId));
    return r.onLeave ? t.t("reports.policy.onLeave", { name }) : name;
  });
  if (overdue.length > named.length)
    named.push(t.t("reports.policy.moreOverdue", { count: overdue.length - named.length }));
  return [
    t.t("reports.policy.head", {
      title: escapeMrkdwn(policy.title),
      version: policy.version,
      effective: dayText(t, policy.effectiveOn),
      teams: manyTeams ? policy.teams.map((team) => escapeMrkdwn(team.name)).join(", ") : "",
    }),
    total === 0
      ? t.t("reports.policy.noReps")
      : t.t("reports.policy.counts", { done, total, overdue: overdue.length, names: t.list(named) }),
  ].join("\n");
}

function summary(reader: ReportReader, data: PolicyData, scope: ReportScope): KnownBlock[] {
  const { t } = reader;
  const blocks: KnownBlock[] = [
    header(title(reader, data, scope)),
    context(
      t.t("reports.policy.context", {
        teams: teamsName(t, scope.teams),
        policies: data.policies.length,
        by: scope.requestedBy,
      }),
    ),
  ];
  if (data.policies.length === 0) {
    blocks.push(context(t.t("reports.policy.none")));
    return blocks;
  }
  blocks.push(
    ...linesToSections(
      data.policies.map((p) => policyLine(reader, p, scope.teams.length > 1)),
      SUMMARY_BLOCKS - blocks.length - 1,
      (hidden) => t.t("reports.policy.more", { hidden }),
      "\n\n",
    ),
  );
  blocks.push(
    context(t.t(chartSpec(reader, data, scope) ? "reports.policy.files" : "reports.policy.noChart")),
  );
  return blocks;
}

function title(reader: ReportReader, _data: PolicyData, scope: ReportScope): string {
  return reader.t.t("reports.policy.title", { date: asOf(reader, scope) });
}

/**
 * The share of reps who acknowledged each policy (0 to 100 %, a bar each); beyond CHART_MAX_BARS policies,
 * the least acknowledged ones. Null with no policy that asks anyone.
 */
function chartSpec(reader: ReportReader, data: PolicyData, scope: ReportScope): TopLevelSpec | null {
  const { t } = reader;
  const asked = data.policies.filter((p) => p.reps.length > 0);
  if (asked.length === 0) return null;
  const titles = asked.map((p) => p.title);
  const all = asked.map((p) => {
    const { done, total, overdue } = counts(p);
    // Two policies of the same title are two bars: the number tells them apart.
    const label = titles.filter((x) => x === p.title).length > 1 ? `${p.title} (${p.id})` : p.title;
    return { label, share: done / total, overdue: overdue.length > 0 };
  });
  const few = all.length <= CHART_MAX_BARS;
  const bars = few
    ? all
    : all
        .map((bar, i) => ({ bar, i }))
        .sort((a, b) => a.bar.share - b.bar.share || a.i - b.i)
        .slice(0, CHART_MAX_BARS)
        .map((x) => x.bar);
  const date = asOf(reader, scope);
  return {
    ...barChartFrame(
      few
        ? t.t("reports.policy.chartTitle", { date })
        : t.t("reports.policy.chartLowest", { shown: bars.length, total: all.length, date }),
      bars.length,
    ),
    data: { values: bars },
    mark: { type: "bar", height: CHART.bar - 6 },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: CHART.left - 14 } },
      x: {
        field: "share",
        type: "quantitative",
        scale: { domain: [0, 1] },
        axis: { format: "~%", title: t.t("reports.policy.chartAxis") },
      },
      color: {
        condition: [
          { test: "datum.share >= 1", value: "#2e7d32" },
          { test: "datum.overdue", value: "#ef6c00" },
        ],
        value: "#1565c0",
      },
    },
  } as TopLevelSpec;
}

function columns(reader: ReportReader): CsvColumn<PolicyRow>[] {
  const { t } = reader;
  const yesNo = (value: boolean) => t.t(value ? "reports.csv.yes" : "reports.csv.no");
  return [
    { header: t.t("reports.csv.policy"), value: (r) => r.title },
    { header: t.t("reports.csv.policyId"), value: (r) => r.policyId },
    { header: t.t("reports.csv.version"), value: (r) => r.version },
    { header: t.t("reports.csv.effective"), value: (r) => r.effectiveOn },
    { header: t.t("reports.csv.team"), value: (r) => r.teamName },
    { header: t.t("reports.csv.rep"), value: (r) => reader.nameOf(r.repId) },
    { header: t.t("reports.csv.repId"), value: (r) => r.repId },
    {
      header: t.t("reports.csv.acknowledged"),
      value: (r) =>
        r.acknowledgedAt
          ? `${localDate(r.acknowledgedAt, r.timeZone)} ${localTime(r.acknowledgedAt, r.timeZone)}`
          : t.t("reports.csv.notYet"),
    },
    { header: t.t("reports.csv.onLeave"), value: (r) => yesNo(r.onLeave) },
    { header: t.t("reports.csv.reminders"), value: (r) => r.remindersSent },
    { header: t.t("reports.csv.overdue"), value: (r) => yesNo(r.overdue) },
  ];
}

/** An instant's wall-clock time in a zone, `HH:mm` (the same in every language: a CSV is read by programs). */
function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/** The policy report: where each active policy stands with each rep of the teams, as of now. */
export const policyReport: ReportKind<PolicyData, PolicyRow> = {
  name: "policy",
  timeframe: "now",
  label: (t) => t.t("reports.kind.policy"),
  async load(deps, scope) {
    const standings = await policyStatus(deps, {
      workspaceId: scope.workspaceId,
      teamIds: scope.teams.map((t) => t.team.id),
    });
    return {
      policies: standings.filter((p) => p.status === "active"),
      zones: new Map(scope.teams.map((t) => [t.team.id, t.team.timeZone])),
    };
  },
  title,
  summary,
  chart: chartSpec,
  rows: (data: PolicyData) =>
    data.policies.flatMap((p) =>
      p.reps.map(
        (r): PolicyRow => ({
          policyId: p.id,
          title: p.title,
          version: p.version,
          effectiveOn: p.effectiveOn,
          teamId: r.teamId,
          teamName: p.teams.find((team) => team.id === r.teamId)?.name ?? "",
          timeZone: (r.teamId === null ? undefined : data.zones.get(r.teamId)) ?? "UTC",
          repId: r.repId,
          acknowledgedAt: r.acknowledgedAt,
          onLeave: r.onLeave,
          remindersSent: r.remindersSent,
          overdue: r.overdue,
        }),
      ),
    ),
  columns,
};
