import type { Problem } from "../../platform/errors.js";
import { isLocalDate, type LocalDate } from "../../platform/time/index.js";
import { WARNING_LEVELS, type WarningLevel } from "./schema.js";

/** How long a warning counts unless the issuer says otherwise. */
export const DEFAULT_EXPIRY_MONTHS = 12;
/** The longest a warning may count. */
export const MAX_EXPIRY_YEARS = 3;

/** A warning counts through its expiry date; from the day after, it is expired (still in history). */
export function isActive(warning: { expiresOn: LocalDate }, today: LocalDate): boolean {
  return warning.expiresOn >= today;
}

/** The same day `months` later; a day the month lacks (31 March + 1 month) becomes the month's last. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The expiry a new warning starts with: twelve months after today (in the team's zone). */
export function defaultExpiry(today: LocalDate): LocalDate {
  return addMonths(today, DEFAULT_EXPIRY_MONTHS);
}

/** An expiry must be a real date after today and at most three years away; the problem otherwise. */
export function expiryProblem(expiresOn: string | null, today: LocalDate): Problem | null {
  if (!expiresOn || !isLocalDate(expiresOn)) return { key: "warnings.error.expiryMissing" };
  if (expiresOn <= today) return { key: "warnings.error.expiryPast" };
  if (expiresOn > addMonths(today, MAX_EXPIRY_YEARS * 12))
    return { key: "warnings.error.expiryTooFar", params: { years: MAX_EXPIRY_YEARS } };
  return null;
}

const rank = (level: WarningLevel) => WARNING_LEVELS.indexOf(level);

/** Why a level is suggested: nothing active, the step after the highest active one, or final already. */
export type Suggestion =
  | { level: "verbal"; because: "none" }
  | { level: WarningLevel; because: "after"; after: WarningLevel; issuedAt: Date }
  | { level: "final"; because: "atFinal"; issuedAt: Date };

/**
 * The next level from a rep's warnings as of today: expired ones do not count. No active warning: verbal;
 * otherwise the step after the highest active level (the latest of that level is named); a rep with an
 * active final warning stays at final.
 */
export function suggestLevel(
  warnings: readonly { level: WarningLevel; issuedAt: Date; expiresOn: LocalDate }[],
  today: LocalDate,
): Suggestion {
  const active = warnings.filter((w) => isActive(w, today));
  if (active.length === 0) return { level: "verbal", because: "none" };
  const highest = active.reduce((a, b) =>
    rank(b.level) > rank(a.level) || (rank(b.level) === rank(a.level) && b.issuedAt > a.issuedAt) ? b : a,
  );
  if (highest.level === "final") return { level: "final", because: "atFinal", issuedAt: highest.issuedAt };
  const next = WARNING_LEVELS[rank(highest.level) + 1] as WarningLevel;
  return { level: next, because: "after", after: highest.level, issuedAt: highest.issuedAt };
}

/** A rep's warnings split as people read them: active first, then expired, each newest first. */
export function splitByExpiry<W extends { expiresOn: LocalDate; issuedAt: Date }>(
  warnings: readonly W[],
  today: LocalDate,
): { active: W[]; expired: W[] } {
  const newest = [...warnings].sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  return {
    active: newest.filter((w) => isActive(w, today)),
    expired: newest.filter((w) => !isActive(w, today)),
  };
}
