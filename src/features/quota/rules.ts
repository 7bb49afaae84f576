import type { WorkingDayCount } from "../../platform/time/index.js";

export type PaceLabel = "ahead" | "onTrack" | "behind";

/** Where a rep (or the team) stands against the target, and what it takes to make it. */
export interface Pace {
  /** Sold so far / target; null without a target. */
  attainment: number | null;
  /** The share of the period's working days that has passed (0..1). */
  expected: number;
  label: PaceLabel | null;
  /** What the period ends at if selling goes on as it has per working day so far. */
  projectionMinor: number;
  /** What is needed per remaining working day to make the target; 0 once made; null without target or days. */
  neededPerDayMinor: number | null;
}

/** Attainment at least this share of the expected share is "on track"; at least `AHEAD` is "ahead". */
export const ON_TRACK = 0.95;
export const AHEAD = 1.1;

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
  const projectionMinor =
    days.elapsed > 0
      ? Math.round((totalMinor / days.elapsed) * days.total)
      : days.total > 0
        ? totalMinor
        : totalMinor;
  if (!targetMinor || targetMinor <= 0) {
    return { attainment: null, expected, label: null, projectionMinor, neededPerDayMinor: null };
  }
  const attainment = totalMinor / targetMinor;
  const missing = Math.max(0, targetMinor - totalMinor);
  const neededPerDayMinor =
    missing === 0 ? 0 : days.remaining > 0 ? Math.ceil(missing / days.remaining) : null;
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

/** How long an identical check-in by the same rep counts as "just now" for the double-entry hint. */
export const SIMILAR_WINDOW_MS = 10 * 60_000;

/** Notes are for people; keep them to a line or two. */
export const NOTE_MAX = 300;
