import type { UserError } from "../../platform/errors.js";
import type { Team } from "../team/index.js";
import { type AmountProblem, parseAmount } from "./amount.js";
import { quotaProblems } from "./problems.js";

const { error, fieldError } = quotaProblems;

/** What an amount is for, so a problem with it is explained in that context. */
export type AmountUse = "checkin" | "target" | "limit" | "entry";

/** The problem with an amount as the person should hear it, for a reply or (with `field`) a form field. */
export function amountError(
  team: Team,
  problem: AmountProblem,
  text: string,
  use: AmountUse,
  field?: string,
): UserError {
  const params = { text, currency: team.currency, language: team.locale, use };
  const key = `quota.amount.${problem}` as const;
  return field ? fieldError(field, key, params) : error(key, params);
}

/**
 * Reads a whole field or argument as an amount in the team's way of writing money (nothing may follow
 * it), or throws the problem in the context of its use. A target of zero is no target: it clears one.
 */
export function readAmount(team: Team, text: string, use: AmountUse, field?: string): number {
  const parsed = parseAmount(text, { language: team.locale, currency: team.currency });
  if (!parsed.ok && parsed.problem === "zero" && use === "target") return 0;
  if (!parsed.ok) throw amountError(team, parsed.problem, text, use, field);
  if (parsed.rest.trim()) throw amountError(team, "unreadable", text, use, field);
  return parsed.minor;
}

/** Throws unless a single sale of this amount is within the team's maximum (a typo guard). */
export function ensureWithinMax(team: Team, amountMinor: number, maxMinor: number, field?: string): void {
  if (amountMinor <= maxMinor) return;
  const params = { amountMinor, maxMinor, currency: team.currency };
  throw field ? fieldError(field, "quota.amount.tooLarge", params) : error("quota.amount.tooLarge", params);
}
