import type { Problem } from "../../platform/errors.js";
import { addDays, isoWeekday, type LocalDate } from "../../platform/time/index.js";

/**
 * Pure rules of the weekly standup: which week a day is in, what an answer must hold, what changes when a
 * rep answers again, and how much of each answer the thread's summary can show.
 */

/** The longest wins, plan or blockers a rep can write (the modal's limit too). */
export const ANSWER_MAX = 1500;

/** A week, Monday to Sunday, as local dates. */
export interface Week {
  start: LocalDate;
  end: LocalDate;
}

/** The Monday-to-Sunday week a day is in. */
export function weekOf(day: LocalDate): Week {
  const start = addDays(day, 1 - isoWeekday(day));
  return { start, end: addDays(start, 6) };
}

/** The Monday-to-Sunday week before the one a day is in. */
export function weekBefore(day: LocalDate): Week {
  return weekOf(addDays(weekOf(day).start, -1));
}

/** The block ids of the answer form's fields. */
export const ANSWER_FIELD = { wins: "wins", plan: "plan", blockers: "blockers" } as const;

export interface AnswerInput {
  wins: string;
  plan: string;
  blockers: string;
}

/** Wins and plan are needed, blockers are not; none longer than `ANSWER_MAX`. Problems by field. */
export function answerProblems(input: AnswerInput): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (!input.wins.trim()) problems[ANSWER_FIELD.wins] = { key: "standup.error.winsMissing" };
  if (!input.plan.trim()) problems[ANSWER_FIELD.plan] = { key: "standup.error.planMissing" };
  for (const field of ["wins", "plan", "blockers"] as const) {
    if (input[field].length > ANSWER_MAX && !problems[field])
      problems[ANSWER_FIELD[field]] = { key: "standup.error.tooLong", params: { max: ANSWER_MAX } };
  }
  return problems;
}

/** What saving an answer does, given the rep's answer so far and whether the summary is out. */
export type AnswerChange =
  | { kind: "new"; late: boolean }
  | { kind: "edit" }
  | { kind: "unchanged" }
  /** The summary went out with this answer in it: it stays as it was. */
  | { kind: "final" };

export function answerChange(
  before: AnswerInput | null,
  after: AnswerInput,
  state: { now: Date; cutoffAt: Date; closed: boolean },
): AnswerChange {
  if (!before) return { kind: "new", late: state.now.getTime() >= state.cutoffAt.getTime() };
  if (before.wins === after.wins && before.plan === after.plan && before.blockers === after.blockers)
    return { kind: "unchanged" };
  return state.closed ? { kind: "final" } : { kind: "edit" };
}

/** Whether a saved answer owes the supervisors a blocker DM: one is written, and it is not the one they had. */
export function newBlocker(before: AnswerInput | null, after: AnswerInput): boolean {
  return after.blockers.trim() !== "" && after.blockers.trim() !== (before?.blockers.trim() ?? "");
}

/** Consecutive days as runs (first, last): Mon, Tue, Wed, Fri -> [Mon, Wed], [Fri, Fri]. */
export function runsOf(days: readonly LocalDate[]): [LocalDate, LocalDate][] {
  const runs: [LocalDate, LocalDate][] = [];
  for (const day of [...days].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/** The summary shows at most this many answers a section (one each while they fit). */
export const SUMMARY_SECTIONS = 40;

/**
 * How long each of wins, plan and blockers may be in the summary so that every answer fits Slack's 50
 * blocks of 3000 characters: `SUMMARY_SECTIONS` sections of one answer each (900 characters a field) for
 * up to 40 answers, then two, three… answers to a section, each shorter.
 */
export function summaryClip(answers: number): number {
  const perSection = Math.max(1, Math.ceil(answers / SUMMARY_SECTIONS));
  return Math.min(900, Math.floor((3000 / perSection - 120) / 3));
}
