import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { dateFormat, type Translator } from "../../platform/i18n/index.js";
import {
  button,
  context,
  escapeMrkdwn,
  input,
  modal,
  plain,
  type Reply,
  section,
} from "../../platform/slack/index.js";
import type { LocalDate, Period } from "../../platform/time/index.js";
import type { Checkin } from "../quota/index.js";
import type { CommissionMessages } from "./messages.js";
import { NAME_MAX, NOTE_MAX } from "./rules.js";
import type { CommissionClaimRow } from "./schema.js";
import { CLAIM_FIELD, type ClaimFormData } from "./service.js";
import type { Claim } from "./store.js";

type T = Translator<CommissionMessages>;

export const COMMISSION_IDS = {
  command: "/commission",
  submitView: "commissions.submit",
  cancelButton: "commissions.cancel",
} as const;

const noon = (date: LocalDate) => new Date(`${date}T12:00:00Z`);

/** A calendar day as people read it: "Thu, May 28, 2026", "tors 28 maj 2026". */
export function dayText(locale: string, date: LocalDate): string {
  return dateFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(noon(date));
}

/** A period by its name: "June 2026", "Q2 2026", "week 23 of 2026". */
export function periodName(t: T, period: Period): string {
  const year = Number(period.key.slice(0, 4));
  if (period.kind === "month") {
    const name = dateFormat(t.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      noon(period.start),
    );
    return t.t("commissions.period.month", { name });
  }
  const number = Number(period.key.slice(6));
  return period.kind === "quarter"
    ? t.t("commissions.period.quarter", { quarter: number, year })
    : t.t("commissions.period.week", { week: number, year });
}

/** A rate or a share as a percentage with up to two decimals: "7.5%", "7,5 %". */
export function percentText(t: T, share: number): string {
  return t.number(share, { style: "percent", maximumFractionDigits: 2 });
}

/** One line for DMs and lists; what the person typed is shown as typed (escaped for mrkdwn). */
export function summaryOf(t: T, claim: CommissionClaimRow): string {
  return t.t("commissions.summary", {
    deal: escapeMrkdwn(claim.deal),
    customer: escapeMrkdwn(claim.customer),
    commission: t.money(claim.commissionMinor, claim.currency),
    amount: t.money(claim.dealAmountMinor, claim.currency),
    date: dayText(t.locale, claim.closedOn),
  });
}

/** A check-in as an option of the form: "Thu, May 28, 2026 · $12,500 · Acme renewal". */
function checkinOption(t: T, checkin: Checkin): PlainTextOption {
  const parts = [dayText(t.locale, checkin.soldOn), t.money(checkin.amountMinor, checkin.currency)];
  if (checkin.note) parts.push(checkin.note);
  return { text: plain(parts.join(" · "), 75), value: String(checkin.id) };
}

/** The claim form: deal, customer, deal amount, commission or rate, close date, check-in, note. */
export function claimModal(t: T, data: ClaimFormData): ModalView {
  const { currency } = data.team.team;
  const text = (max: number) => ({ type: "plain_text_input" as const, max_length: max });
  const blocks: KnownBlock[] = [
    section(t.t("commissions.modal.intro", { team: data.team.team.name, deciders: data.deciders, currency })),
    input(CLAIM_FIELD.deal, t.t("commissions.modal.deal"), text(NAME_MAX), {
      hint: t.t("commissions.modal.dealHint"),
    }),
    input(CLAIM_FIELD.customer, t.t("commissions.modal.customer"), text(NAME_MAX)),
    input(CLAIM_FIELD.dealAmount, t.t("commissions.modal.dealAmount", { currency }), text(40), {
      hint: t.t("commissions.modal.amountHint"),
    }),
    input(CLAIM_FIELD.commission, t.t("commissions.modal.commission", { currency }), text(40), {
      optional: true,
      hint: t.t("commissions.modal.commissionHint"),
    }),
    input(CLAIM_FIELD.rate, t.t("commissions.modal.rate"), text(12), {
      optional: true,
      hint: t.t("commissions.modal.rateHint"),
    }),
    input(
      CLAIM_FIELD.closedOn,
      t.t("commissions.modal.closedOn"),
      { type: "datepicker" },
      { hint: t.t("commissions.modal.closedHint") },
    ),
  ];
  if (data.checkins.length > 0) {
    blocks.push(
      input(
        CLAIM_FIELD.checkin,
        t.t("commissions.modal.checkin"),
        { type: "static_select", options: data.checkins.slice(0, 100).map((c) => checkinOption(t, c)) },
        { optional: true, hint: t.t("commissions.modal.checkinHint") },
      ),
    );
  }
  blocks.push(
    input(
      CLAIM_FIELD.note,
      t.t("commissions.modal.note"),
      { type: "plain_text_input", multiline: true, max_length: NOTE_MAX },
      { optional: true, hint: t.t("commissions.modal.noteHint") },
    ),
  );
  return modal({
    title: t.t("commissions.modal.title"),
    submit: t.t("commissions.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: COMMISSION_IDS.submitView,
    blocks,
  });
}

export function sentModal(t: T, claim: CommissionClaimRow, deciders: readonly string[]): ModalView {
  return modal({
    title: t.t("commissions.sent.title"),
    close: t.t("common.button.close"),
    blocks: [
      section(t.t("commissions.sent.text", { summary: summaryOf(t, claim), deciders: [...deciders] })),
    ],
  });
}

function claimLine(t: T, item: Claim): string {
  return t.t("commissions.list.line", {
    summary: summaryOf(t, item.claim),
    status: t.t(`commissions.status.${item.request.status}`),
  });
}

function withCancel(t: T, item: Claim): KnownBlock {
  return {
    ...section(claimLine(t, item)),
    accessory: button(t.t("commissions.list.cancel"), COMMISSION_IDS.cancelButton, {
      value: String(item.request.id),
    }),
  };
}

/** `/commission list`: my latest claims, a Cancel button on those waiting for a decision. */
export function myClaimsReply(t: T, claims: readonly Claim[]): Reply {
  const blocks: KnownBlock[] = [section(`*${t.t("commissions.list.title")}*`)];
  if (claims.length === 0) blocks.push(section(t.t("commissions.list.empty")));
  for (const item of claims) {
    blocks.push(item.request.status === "pending" ? withCancel(t, item) : section(claimLine(t, item)));
  }
  const text = [t.t("commissions.list.title"), ...claims.map((item) => claimLine(t, item))].join("\n");
  return { text, blocks };
}

/** `/commission cancel`: the claims that wait for a decision, each with its button. */
export function cancelPickReply(t: T, claims: readonly Claim[]): Reply {
  const pending = claims.filter((item) => item.request.status === "pending");
  if (pending.length === 0) return { text: t.t("commissions.cancel.none") };
  return {
    text: t.t("commissions.cancel.pick"),
    blocks: [section(t.t("commissions.cancel.pick")), ...pending.map((item) => withCancel(t, item))],
  };
}

export function helpReply(t: T): Reply {
  return {
    text: t.t("commissions.help.fallback"),
    blocks: [section(t.t("commissions.help")), context(t.t("commissions.export.usage"))],
  };
}
