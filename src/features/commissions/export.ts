import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { type Deps, type InWorkspace, inWorkspace } from "../../platform/deps.js";
import { currencyDigits } from "../../platform/i18n/index.js";
import type { JobTypes } from "../../platform/jobs/index.js";
import { translatorFor } from "../../platform/slack/index.js";
import { periodByKey } from "../../platform/time/index.js";
import { findTeam, type TeamWithMembers } from "../team/index.js";
import { commissionMessages } from "./messages.js";
import { decimalText } from "./rules.js";
import { approvedClaimsIn, type Claim } from "./store.js";
import { periodName } from "./views.js";

/** The CSV's columns, in English for whatever reads the file (payroll imports by header). */
export const CSV_HEADER = [
  "claim_id",
  "rep_name",
  "rep_id",
  "team",
  "deal",
  "customer",
  "closed_on",
  "deal_amount",
  "commission",
  "currency",
  "approved_by_name",
  "approved_by_id",
  "approved_at",
] as const;

/**
 * The payroll CSV of approved claims: a header row, then one row per claim. Amounts are plain decimal
 * numbers with the currency's digits (`12500.00` SEK, `12500` JPY), the approval instant in ISO 8601 UTC.
 * Written by csv-stringify (quoting, escaping), with a byte order mark so spreadsheets read it as UTF-8.
 */
export function claimsCsv(
  claims: readonly Claim[],
  names: { person(id: string): string; team(id: number): string },
): string {
  const rows = claims.map(({ claim, request }) => {
    const digits = currencyDigits(claim.currency);
    const approver = request.decidedBy ?? "";
    return [
      String(claim.requestId),
      names.person(claim.requesterId),
      claim.requesterId,
      names.team(request.teamId),
      claim.deal,
      claim.customer,
      claim.closedOn,
      decimalText(claim.dealAmountMinor, digits),
      decimalText(claim.commissionMinor, digits),
      claim.currency,
      approver ? names.person(approver) : "",
      approver,
      request.decidedAt ? request.decidedAt.toISOString().replace(/\.\d{3}Z$/, "Z") : "",
    ];
  });
  return stringify([[...CSV_HEADER], ...rows], { bom: true, record_delimiter: "windows" });
}

/** People's names as their Slack profiles give them (the real name); the id when Slack does not know them. */
async function namesOf(slack: InWorkspace, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    try {
      const user = await slack.users.get(id);
      names.set(id, user?.realName || user?.name || id);
    } catch (error) {
      slack.log.warn(`could not read the profile of ${id} for a commission export`, error);
      names.set(id, id);
    }
  }
  return names;
}

export function registerCommissionJobs(deps: Deps): void {
  deps.jobs.define(
    "commissions.export",
    z.object({
      workspaceId: z.string(),
      userId: z.string(),
      periodKey: z.string(),
      teamIds: z.array(z.number().int()),
    }),
    (payload) => sendExport(deps, payload),
    {
      // Slack refused the file for good (uploads turned off, too large): the person who asked is told.
      onPermanentFailure: async ({ workspaceId, userId, periodKey }, failure) => {
        const period = periodByKey(periodKey, "UTC");
        const slack = inWorkspace(deps, workspaceId);
        const t = await translatorFor(slack, commissionMessages, userId);
        const text = t.t("commissions.export.failed", {
          period: period ? periodName(t, period) : periodKey,
          code: failure.code,
        });
        await slack.slack.postMessage({ channel: userId, text });
      },
    },
  );
}

/** Makes the CSV of a period's approved claims and uploads it to the person's DM (or says there are none). */
async function sendExport(
  deps: Deps,
  { workspaceId, userId, periodKey, teamIds }: JobTypes["commissions.export"],
): Promise<void> {
  // The key names local dates, which are the same in every zone.
  const period = periodByKey(periodKey, "UTC");
  if (!period) return;
  const slack = inWorkspace(deps, workspaceId);
  const teams = (await Promise.all(teamIds.map((id) => findTeam(deps.db, workspaceId, id)))).filter(
    (team): team is TeamWithMembers => team !== null,
  );
  const t = await translatorFor(slack, commissionMessages, userId, teams[0]?.team.locale ?? "en");
  const teamNames = teams.map((team) => team.team.name);
  const when = periodName(t, period);
  const claims = await approvedClaimsIn(
    deps.db,
    workspaceId,
    teams.map((team) => team.team.id),
    period,
  );
  if (claims.length === 0) {
    await slack.slack.postMessage({
      channel: userId,
      text: t.t("commissions.export.empty", { period: when, teams: teamNames }),
    });
    return;
  }
  const people = await namesOf(
    slack,
    claims.flatMap(({ claim, request }) => [
      claim.requesterId,
      ...(request.decidedBy ? [request.decidedBy] : []),
    ]),
  );
  const csv = claimsCsv(claims, {
    person: (id) => people.get(id) ?? id,
    team: (id) => teams.find((team) => team.team.id === id)?.team.name ?? "",
  });
  const totals = new Map<string, number>();
  for (const { claim } of claims)
    totals.set(claim.currency, (totals.get(claim.currency) ?? 0) + claim.commissionMinor);
  const channel = await slack.slack.openDm(userId);
  await slack.slack.uploadFile({
    channel,
    filename: `commission-claims-${period.key}.csv`,
    title: t.t("commissions.export.title", { period: when }),
    content: csv,
    initialComment: t.t("commissions.export.comment", {
      period: when,
      teams: teamNames,
      count: claims.length,
      totals: [...totals].map(([currency, minor]) => t.money(minor, currency)),
    }),
  });
}
