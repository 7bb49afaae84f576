import type { Deps } from "../../platform/deps.js";
import { createTranslator, type Language } from "../../platform/i18n/index.js";
import { escapeMrkdwn, section } from "../../platform/slack/index.js";
import type { ApprovalDescription, ApprovalRequest } from "../approvals/index.js";
import { findCheckin } from "../quota/index.js";
import { findTeam } from "../team/index.js";
import { commissionMessages } from "./messages.js";
import { shareOf } from "./rules.js";
import { approvedSoFar } from "./service.js";
import { findClaim } from "./store.js";
import { dayText, percentText, periodName, summaryOf } from "./views.js";

/**
 * How a commission claim reads in the workflow's DMs. For a decider: the deal and the customer, the deal
 * amount, the commission with its rate (as claimed, or what the amount comes to), the close date, the
 * rep's linked check-in, the note, and what has been approved for the rep in the team's quota period.
 */
export async function describeClaim(
  deps: Pick<Deps, "db" | "clock">,
  request: ApprovalRequest,
  language: Language,
  locale: string,
  forDecider: boolean,
): Promise<ApprovalDescription | null> {
  if (request.kind !== "commission") return null;
  const found = await findClaim(deps.db, request.workspaceId, request.id);
  const team = await findTeam(deps.db, request.workspaceId, request.teamId);
  if (!found || !team) throw new Error(`commission claim ${request.id} has no details or team`);
  const t = createTranslator(commissionMessages, language, locale);
  const { claim } = found;
  const summary = summaryOf(t, claim);
  if (!forDecider) return { summary, details: [] };

  const money = (minor: number) => t.money(minor, claim.currency);
  const commission = money(claim.commissionMinor);
  const lines = [
    t.t("commissions.decider.deal", {
      deal: escapeMrkdwn(claim.deal),
      customer: escapeMrkdwn(claim.customer),
    }),
    t.t("commissions.decider.amount", { amount: money(claim.dealAmountMinor) }),
    claim.rateBasisPoints !== null
      ? t.t("commissions.decider.commissionRate", {
          commission,
          rate: percentText(t, claim.rateBasisPoints / 10_000),
        })
      : t.t("commissions.decider.commissionImplied", {
          commission,
          rate: percentText(t, shareOf(claim.dealAmountMinor, claim.commissionMinor)),
        }),
    t.t("commissions.decider.closed", { date: dayText(t.locale, claim.closedOn) }),
  ];
  if (claim.checkinId !== null) {
    const checkin = await findCheckin(deps.db, request.workspaceId, claim.checkinId);
    lines.push(
      checkin && checkin.repId === claim.requesterId && checkin.status === "active"
        ? t.t("commissions.decider.checkin", {
            date: dayText(t.locale, checkin.soldOn),
            amount: t.money(checkin.amountMinor, checkin.currency),
            note: escapeMrkdwn(checkin.note),
          })
        : t.t("commissions.decider.checkinGone"),
    );
  } else lines.push(t.t("commissions.decider.noCheckin"));
  if (claim.note) lines.push(t.t("commissions.decider.note", { note: escapeMrkdwn(claim.note) }));
  const soFar = await approvedSoFar(deps, team.team, claim.requesterId);
  lines.push(
    t.t("commissions.decider.soFar", {
      period: periodName(t, soFar.period),
      total: t.money(soFar.totalMinor, team.team.currency),
      count: soFar.count,
    }),
  );
  return { summary, details: [section(lines.join("\n"))] };
}
