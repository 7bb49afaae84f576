import { z } from "zod";
import { type Deps, type InWorkspace, inWorkspace } from "../../platform/deps.js";
import type { JobTypes } from "../../platform/jobs/index.js";
import { context, escapeMrkdwn, translatorFor, translatorIn } from "../../platform/slack/index.js";
import { localDate } from "../../platform/time/index.js";
import { findTeam, type TeamWithMembers } from "../team/index.js";
import type { AnyReportKind, ReportReader, ReportScope } from "./kinds.js";
import { reportMessages } from "./messages.js";
import type { ReportPeriod } from "./period.js";
import { reportKindNamed } from "./registry.js";
import { renderChart, toCsv } from "./render.js";
import type { ReportDelivery } from "./schema.js";
import { findDelivery, markDelivery } from "./store.js";

export function registerReportJobs(deps: Deps): void {
  deps.jobs.define(
    "reports.deliver",
    z.object({ workspaceId: z.string(), deliveryId: z.number().int() }),
    (payload) => deliver(deps, payload),
    {
      // Slack refused for good (the meeting's channel archived or the app removed from it, a reader
      // deactivated, file uploads turned off): whoever asked for the report hears so.
      onPermanentFailure: (payload, failure) => tellRequester(deps, payload, failure.code),
    },
  );
}

/** Tells the person who asked for a report, by DM in their language, that Slack would not take it, and why. */
async function tellRequester(
  deps: Deps,
  { workspaceId, deliveryId }: JobTypes["reports.deliver"],
  code: string,
): Promise<void> {
  const delivery = await findDelivery(deps.db, workspaceId, deliveryId);
  if (!delivery) return;
  const kind = reportKindNamed(delivery.kind);
  const slack = inWorkspace(deps, workspaceId);
  const t = await translatorFor(slack, reportMessages, delivery.requestedBy);
  const text = t.t("reports.delivery.failed", {
    kind: kind ? kind.label(t) : delivery.kind,
    where:
      delivery.recipientKind === "channel"
        ? `<#${delivery.recipient}>`
        : delivery.recipient === delivery.requestedBy
          ? t.t("reports.delivery.you")
          : `<@${delivery.recipient}>`,
    inChannel: delivery.recipientKind === "channel",
    code,
  });
  await slack.slack.postMessage({ channel: delivery.requestedBy, text });
}

/** People's names as their Slack profiles give them (the real name); the id when Slack does not know them. */
async function namesOf(slack: InWorkspace, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const user = await slack.users.get(id).catch(() => null);
    names.set(id, user?.realName || user?.name || id);
  }
  return names;
}

/** Everything a delivered report consists of, made once, in the reader's language. */
export interface MadeReport {
  title: string;
  blocks: ReturnType<AnyReportKind["summary"]>;
  chart: { png: Uint8Array; width: number; height: number } | null;
  csv: string;
  filename: string;
}

/** Loads a report's data and makes its message, chart and CSV for one reader. */
export async function makeReport(
  deps: Deps,
  kind: AnyReportKind,
  scope: ReportScope,
  reader: ReportReader,
): Promise<MadeReport> {
  const data = await kind.load(deps, scope);
  const spec = kind.chart(reader, data, scope);
  const chart = spec ? await renderChart(spec) : null;
  const csv = toCsv(kind.columns(reader), kind.rows(data));
  const teamPart = scope.teams.length === 1 ? slug(scope.teams[0]?.team.name ?? "") : "all-teams";
  return {
    title: kind.title(reader, data, scope),
    blocks: kind.summary(reader, data, scope),
    chart,
    csv,
    // A snapshot is named by its day, a period's report by the period.
    filename: `${kind.name}-${teamPart}-${kind.timeframe === "now" ? localDate(scope.at, reader.timeZone) : scope.period.key}`,
  };
}

function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team"
  );
}

/**
 * Delivers a report: the summary message, then the chart and the CSV as files in the same conversation
 * (Slack's external upload). Each step is remembered when Slack has it, so a retry (Slack away, a crash)
 * picks up where it stopped and nothing arrives twice. A DM is in the reader's language, a channel post in
 * the team's.
 */
async function deliver(deps: Deps, { workspaceId, deliveryId }: JobTypes["reports.deliver"]): Promise<void> {
  const delivery = await findDelivery(deps.db, workspaceId, deliveryId);
  if (!delivery || delivery.deliveredAt) return;
  const kind = reportKindNamed(delivery.kind);
  if (!kind) throw new Error(`no report kind ${delivery.kind}`);
  const teams = (await Promise.all(delivery.teamIds.map((id) => findTeam(deps.db, workspaceId, id)))).filter(
    (team): team is TeamWithMembers => team !== null,
  );
  const first = teams[0];
  if (!first) return;
  const slack = inWorkspace(deps, workspaceId);
  const t =
    delivery.recipientKind === "dm"
      ? await translatorFor(slack, reportMessages, delivery.recipient, first.team.locale)
      : translatorIn(reportMessages, first.team.locale);
  const names = await namesOf(
    slack,
    teams.flatMap((team) => team.repIds),
  );
  const reader: ReportReader = { t, nameOf: (id) => names.get(id) ?? id, timeZone: first.team.timeZone };
  const scope: ReportScope = {
    workspaceId,
    teams,
    period: periodOf(delivery),
    at: delivery.createdAt,
    requestedBy: delivery.requestedBy,
  };
  const made = await makeReport(deps, kind, scope, reader);
  const channel =
    delivery.messageChannel ??
    (delivery.recipientKind === "dm" ? await slack.slack.openDm(delivery.recipient) : delivery.recipient);

  if (!delivery.messageTs) {
    const blocks = delivery.intro ? [context(introText(t, delivery)), ...made.blocks] : made.blocks;
    const posted = await deps.pace.post(slack.slack, workspaceId, { channel, text: made.title, blocks });
    await markDelivery(deps.db, delivery.id, { messageChannel: posted.channel, messageTs: posted.ts });
  }
  if (made.chart && !delivery.chartFileId) {
    const { fileId } = await slack.slack.uploadFile({
      channel,
      filename: `${made.filename}.png`,
      title: t.t("reports.file.chart", { title: made.title }),
      content: made.chart.png,
    });
    await markDelivery(deps.db, delivery.id, { chartFileId: fileId });
  }
  if (!delivery.csvFileId) {
    const { fileId } = await slack.slack.uploadFile({
      channel,
      filename: `${made.filename}.csv`,
      title: t.t("reports.file.csv", { title: made.title }),
      content: made.csv,
    });
    await markDelivery(deps.db, delivery.id, { csvFileId: fileId });
  }
  await markDelivery(deps.db, delivery.id, { deliveredAt: deps.clock.now() });
}

function introText(t: ReportReader["t"], delivery: ReportDelivery): string {
  const meeting = /^meeting:(.*)$/s.exec(delivery.intro);
  return meeting
    ? t.t("reports.meeting.intro", { title: escapeMrkdwn(meeting[1] ?? ""), by: delivery.requestedBy })
    : delivery.intro;
}

function periodOf(delivery: ReportDelivery): ReportPeriod {
  const key = delivery.periodKey;
  const kind = key.includes("-Q") ? "quarter" : key.length === 4 ? "year" : "month";
  return { kind, key, start: delivery.periodStart, end: delivery.periodEnd };
}
