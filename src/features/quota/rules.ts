import type { WorkingDayCount } from "../../platform/time/index.js";

export type PaceLabel = "ahead" | "onTrack" | "behind";

/** Where a rep (or the team) stands against the target, and what it takes to make it. */
export interface Pace {
  /** Sold so far / target; null without a target. */
  attainment: number | null;
  /** The share of the period's working days that has passed (0..1). */
  expected: number;
  label: PaceLabel | null;
  /**
   * What the period ends at if selling goes on as it has per working day so far; null while too little
   * of the period has passed to say (a morning's sales are no trend).
   */
  projectionMinor: number | null;
  /**
   * What is needed per working day left (whole days, today included while it lasts) to make the target;
   * 0 once made; null without a target or days left.
   */
  neededPerDayMinor: number | null;
}

/** Attainment at least this share of the expected share is "on track"; at least `AHEAD` is "ahead". */
export const ON_TRACK = 0.95;
export const AHEAD = 1.1;

/**
 * A projection needs this many working days behind it, and this share of the period: before that it
 * would multiply one good morning into a fantasy (18 500 on 1 December is not 550 000 by the 31st).
 */
export const PROJECTION_MIN_DAYS = 3;
export const PROJECTION_MIN_SHARE = 0.15;

/** Whether enough of the period has passed to project its end from the sales so far. */
export function canProject(days: WorkingDayCount): boolean {
  if (days.total === 0) return false;
  return (
    days.elapsed >= Math.min(PROJECTION_MIN_DAYS, days.total) &&
    days.elapsed / days.total >= PROJECTION_MIN_SHARE
  );
}

/**
 * Pace: attainment against the share of the period's working days that has passed. A rep who has sold
 * 40 % of the target when 40 % of the working days are gone is on track; made targets are ahead.
 */
export function paceOf(input: {
  targetMinor: number | null;
  totalMinor: number;
  days: WorkingDayCount;
}): Pace {
  const { targetMinor, totalMinor, days } = input;
  const expected = days.total > 0 ? days.elapsed / days.total : 1;
  const projectionMinor = canProject(days) ? Math.round((totalMinor / days.elapsed) * days.total) : null;
  if (!targetMinor || targetMinor <= 0) {
    return { attainment: null, expected, label: null, projectionMinor, neededPerDayMinor: null };
  }
  const attainment = totalMinor / targetMinor;
  const missing = Math.max(0, targetMinor - totalMinor);
  const neededPerDayMinor = missing === 0 ? 0 : days.left > 0 ? Math.ceil(missing / days.left) : null;
  let label: PaceLabel;
  if (attainment >= 1) label = "ahead";
  else if (expected === 0) label = "onTrack";
  else if (attainment >= expected * AHEAD) label = "ahead";
  else if (attainment >= expected * ON_TRACK) label = "onTrack";
  else label = "behind";
  return { attainment, expected, label, projectionMinor, neededPerDayMinor };
}

/** A single check-in above this many whole currency units is taken for a typo unless the team says otherwise. */
export const DEFAULT_MAX_CHECKIN_MAJOR = 10_000_000;

/**
 * A single check-in above this many whole currency units is asked about first ("Did you mean…?") unless
 * the team sets its own threshold; so is one above the rep's whole target.
 */
export const DEFAULT_CONFIRM_ABOVE_MAJOR = 1_000_000;

/** How long an identical check-in by the same rep counts as "just now" for the double-entry hint. */
export const SIMILAR_WINDOW_MS = 10 * 60_000;

/** The most check-ins one entries message lists (two blocks each, within Slack's 50). */
export const ENTRIES_MAX = 20;

/** Notes are for people; keep them to a line or two. */
export const NOTE_MAX = 300;

/** Why a check-in is asked about before it is recorded, if it is. */
export type ConfirmReason = "aboveTarget" | "aboveThreshold";

/** Whether a sale is big enough to ask the rep first: above their whole target, or the team's threshold. */
export function confirmReason(
  amountMinor: number,
  limits: { targetMinor: number | null; confirmAboveMinor: number },
): ConfirmReason | null {
  if (limits.targetMinor !== null && limits.targetMinor > 0 && amountMinor > limits.targetMinor)
    return "aboveTarget";
  if (amountMinor > limits.confirmAboveMinor) return "aboveThreshold";
  return null;
}
