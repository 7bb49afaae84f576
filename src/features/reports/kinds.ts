import type { KnownBlock } from "@slack/types";
import type { TopLevelSpec } from "vega-lite";
import type { Deps } from "../../platform/deps.js";
import type { Translator } from "../../platform/i18n/index.js";
import type { TeamWithMembers } from "../team/index.js";
import type { ReportMessages } from "./messages.js";
import type { ReportPeriod } from "./period.js";
import type { CsvColumn } from "./render.js";

/** What a report is asked about: which teams, which period, at which instant, for whom. */
export interface ReportScope {
  workspaceId: string;
  teams: TeamWithMembers[];
  period: ReportPeriod;
  /** When the report is made (pace of a running period is measured here). */
  at: Date;
  requestedBy: string;
}

/** How a report kind speaks: the reader's translator, and people's names (Slack ids are no names in a CSV). */
export interface ReportReader {
  t: Translator<ReportMessages>;
  /** A person's name for the chart and the CSV. */
  nameOf: (userId: string) => string;
  /** The time zone dates are shown in. */
  timeZone: string;
}

/**
 * A kind of report, all the pipeline needs to deliver it: data rows, summary blocks, a chart spec and CSV
 * columns. The pipeline (jobs.ts) loads the data once, posts the summary, draws the chart to PNG and
 * writes the CSV, and uploads both beside the message.
 *
 * Adding a kind is one file and two lines (policy.ts is one: it loads with the policies feature's
 * `policyStatus`):
 * 1. `<kind>.ts`: `export const myReport: ReportKind<MyData, MyRow> = { ... }` with `load` (through the
 *    owning feature's exported service), `rows`, `summary` (at most `SUMMARY_BLOCKS` blocks), `chart`
 *    (`barChartFrame` in render.ts; null when there is nothing to draw) and `columns`; its `timeframe`;
 *    its words in messages.ts (`reports.kind.<name>` and the rest, English and Swedish).
 * 2. Add it to `REPORT_KINDS` in registry.ts, with the words that name it in the command.
 */
export interface ReportKind<Data, Row> {
  /** Stored with each delivery and used in file names: `productivity`. */
  name: string;
  /**
   * `period`: about a month, quarter or year (this month unless said). `now`: a snapshot of where things
   * stand when it is made (the policy report); a period written is not used (the answer says so), and the
   * files are named by the day.
   */
  timeframe: "period" | "now";
  /** The kind's report as the reader names it ("productivity report" / "produktivitetsrapport"). */
  label(t: Translator<ReportMessages>): string;
  load(deps: Deps, scope: ReportScope): Promise<Data>;
  /** The message's title (its notification text, and the files' titles). */
  title(reader: ReportReader, data: Data, scope: ReportScope): string;
  /** The message's blocks: at most SUMMARY_BLOCKS (long reports summarize, the CSV has it all). */
  summary(reader: ReportReader, data: Data, scope: ReportScope): KnownBlock[];
  /** The chart, or null when there is nothing to draw. */
  chart(reader: ReportReader, data: Data, scope: ReportScope): TopLevelSpec | null;
  rows(data: Data): Row[];
  columns(reader: ReportReader): CsvColumn<Row>[];
}

/** A message has 50 blocks at most; the pipeline adds an intro line and a context, so a summary keeps to this. */
export const SUMMARY_BLOCKS = 46;

// biome-ignore lint/suspicious/noExplicitAny: kinds differ in their data; the registry holds any of them.
export type AnyReportKind = ReportKind<any, any>;
