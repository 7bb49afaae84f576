/**
 * Commission claim rules: what a claim's form must hold before anything is stored, how a rate becomes an
 * amount, and what share of a deal a commission is.
 *
 * Pure: no I/O, no clock (today is an argument). Money is integer minor units of the team's currency,
 * read with the same amount parser as quota check-ins ("12 500", "12,5k", "1.2m"); a rate is kept in
 * basis points (hundredths of a percent, 750 = 7.5 %), so nothing here is a float until it is shown.
 */
import { type Problem, problemsOf } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { type AmountProblem, parseAmount } from "../quota/index.js";
import type { CommissionMessages } from "./messages.js";

const { problem } = problemsOf<CommissionMessages>();

/** The form's fields, by the names of its input blocks. */
export const CLAIM_FIELDS = [
  "deal",
  "customer",
  "dealAmount",
  "commission",
  "rate",
  "closedOn",
  "checkin",
  "note",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export const NAME_MAX = 200;
export const NOTE_MAX = 500;
/** A claim may point at the rep's check-ins of this many days back. */
export const CHECKIN_WINDOW_DAYS = 90;
/** 100 % in basis points. */
export const FULL_RATE = 10_000;

/** The form as the person filled it in: text as typed (trimmed), the date and check-in as picked. */
export interface ClaimDraft {
  deal: string;
  customer: string;
  dealAmount: string;
  commission: string;
  rate: string;
  closedOn: LocalDate | null;
  checkinId: number | null;
  note: string;
}

/** A claim that passed every rule the form can check by itself. */
export interface ClaimTerms {
  deal: string;
  customer: string;
  dealAmountMinor: number;
  commissionMinor: number;
  /** The rate when the commission was given as one; null when it was given as an amount. */
  rateBasisPoints: number | null;
  closedOn: LocalDate;
  checkinId: number | null;
  note: string;
}

export type ClaimCheck =
  | { ok: true; terms: ClaimTerms }
  | { ok: false; problems: Partial<Record<ClaimField, Problem>> };

type Money = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/** A whole field as an amount of the currency: nothing may follow it. */
export function readMoney(text: string, language: Language, currency: string): Money {
  const parsed = parseAmount(text, { language, currency });
  if (!parsed.ok) return parsed;
  if (parsed.rest.trim()) return { ok: false, problem: "unreadable" };
  return { ok: true, minor: parsed.minor };
}

/**
 * A rate in percent as people write it ("10", "7.5", "7,5 %", "12,25%") in basis points; null when it is
 * not a number with at most two decimals. Whether it is in range is `checkClaim`'s question.
 */
export function parseRate(text: string): number | null {
  const match = /^\s*([-−–]?)\s*(\d{1,6})(?:[.,](\d+))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > 2) return null;
  const value = Number(match[2]) * 100 + Number(fraction.padEnd(2, "0"));
  return match[1] ? -value : value;
}

/** The commission a rate gives on a deal amount, rounded half up to the currency's minor unit. */
export function commissionAtRate(dealMinor: number, basisPoints: number): number {
  const exact = BigInt(dealMinor) * BigInt(basisPoints);
  return Number((exact + BigInt(FULL_RATE / 2)) / BigInt(FULL_RATE));
}

/** What share of the deal amount a commission is (0.1 for 10 %). */
export function shareOf(dealMinor: number, commissionMinor: number): number {
  return dealMinor > 0 ? commissionMinor / dealMinor : 0;
}

/**
 * Every problem of a claim's form, each on its field: the deal and the customer named, a positive deal
 * amount, the commission as an amount or as a rate (exactly one of them) that is more than nothing and
 * not more than the deal, and a close date that has come (a deal closes before it pays commission;
 * today is fine). Whether a linked check-in is the rep's own takes the database: the service asks.
 */
export function checkClaim(
  draft: ClaimDraft,
  context: { today: LocalDate; currency: string; language: Language },
): ClaimCheck {
  const { currency, language } = context;
  const problems: Partial<Record<ClaimField, Problem>> = {};
  const deal = draft.deal.trim().slice(0, NAME_MAX);
  const customer = draft.customer.trim().slice(0, NAME_MAX);
  if (!deal) problems.deal = problem("commissions.invalid.dealMissing");
  if (!customer) problems.customer = problem("commissions.invalid.customerMissing");

  const dealAmount = readMoney(draft.dealAmount, language, currency);
  if (!dealAmount.ok)
    problems.dealAmount = problem("commissions.invalid.dealAmount", {
      problem: dealAmount.problem,
      currency,
    });

  const commissionText = draft.commission.trim();
  const rateText = draft.rate.trim();
  let commissionMinor: number | null = null;
  let rateBasisPoints: number | null = null;
  if (!commissionText && !rateText) {
    problems.commission = problem("commissions.invalid.commissionOrRate");
  } else if (commissionText && rateText) {
    problems.rate = problem("commissions.invalid.bothGiven");
  } else if (commissionText) {
    const commission = readMoney(commissionText, language, currency);
    if (!commission.ok) {
      problems.commission = problem("commissions.invalid.commissionAmount", {
        problem: commission.problem,
        currency,
      });
    } else if (dealAmount.ok && commission.minor > dealAmount.minor) {
      problems.commission = problem("commissions.invalid.aboveDeal");
    } else commissionMinor = commission.minor;
  } else {
    const rate = parseRate(rateText);
    if (rate === null || rate <= 0 || rate > FULL_RATE) {
      problems.rate = problem("commissions.invalid.rate");
    } else if (dealAmount.ok) {
      const minor = commissionAtRate(dealAmount.minor, rate);
      if (minor <= 0) problems.rate = problem("commissions.invalid.rateTooSmall");
      else [commissionMinor, rateBasisPoints] = [minor, rate];
    }
  }

  if (!draft.closedOn) problems.closedOn = problem("commissions.invalid.closedMissing");
  else if (draft.closedOn > context.today) problems.closedOn = problem("commissions.invalid.closedFuture");

  if (Object.keys(problems).length > 0 || !dealAmount.ok || commissionMinor === null || !draft.closedOn)
    return { ok: false, problems };
  return {
    ok: true,
    terms: {
      deal,
      customer,
      dealAmountMinor: dealAmount.minor,
      commissionMinor,
      rateBasisPoints,
      closedOn: draft.closedOn,
      checkinId: draft.checkinId,
      note: draft.note.trim().slice(0, NOTE_MAX),
    },
  };
}

/** An amount in minor units as a plain decimal number with the currency's digits: 1250000, 2 -> "12500.00". */
export function decimalText(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
