import type { Problem } from "../../platform/errors.js";
import {
  addDays,
  isLocalDate,
  type LocalDate,
  type WorkCalendar,
  workingDays,
} from "../../platform/time/index.js";
import { POLICY_TEXT_MAX, POLICY_TITLE_MAX } from "./schema.js";

/** Reminders a rep gets before their supervisors are told they are missing. */
export const MAX_REMINDERS = 2;

/** How far ahead a policy may take effect. */
const MAX_EFFECTIVE_DAYS_AHEAD = 366;

/** What the publish and revise forms must hold, as problems keyed by field. */
export function policyProblems(
  input: { title: string; body: string; effectiveOn: string | null; teamIds: readonly number[] | null },
  today: LocalDate,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (!input.title.trim()) problems.title = { key: "policies.error.titleMissing" };
  else if (input.title.trim().length > POLICY_TITLE_MAX)
    problems.title = { key: "policies.error.titleLong", params: { max: POLICY_TITLE_MAX } };
  if (!input.body.trim()) problems.body = { key: "policies.error.bodyMissing" };
  else if (input.body.trim().length > POLICY_TEXT_MAX)
    problems.body = { key: "policies.error.bodyLong", params: { max: POLICY_TEXT_MAX } };
  if (!input.effectiveOn || !isLocalDate(input.effectiveOn))
    problems.effective = { key: "policies.error.effectiveMissing" };
  else if (input.effectiveOn > addDays(today, MAX_EFFECTIVE_DAYS_AHEAD))
    problems.effective = { key: "policies.error.effectiveFar" };
  if (input.teamIds !== null && input.teamIds.length === 0)
    problems.teams = { key: "policies.error.teamsMissing" };
  return problems;
}

/** The day the wait for an acknowledgement starts: when it was owed, or when it takes effect if later. */
export function waitStart(owedOn: LocalDate, effectiveOn: LocalDate): LocalDate {
  return [owedOn, effectiveOn].sort().at(-1) as LocalDate;
}

/** Working days after `from` up to and including `to`. */
export function workingDaysAfter(calendar: WorkCalendar, from: LocalDate, to: LocalDate): number {
  if (to <= from) return 0;
  return workingDays(calendar, addDays(from, 1), to).length;
}

/**
 * Whether a rep who has not acknowledged is due a reminder today: the first once `days` working days have
 * passed since it was owed (or took effect, whichever is later), the second `days` working days after the
 * first; never a third. Pure, for tests: the caller leaves out reps on leave today.
 */
export function reminderDue(input: {
  calendar: WorkCalendar;
  owedOn: LocalDate;
  effectiveOn: LocalDate;
  today: LocalDate;
  remindersSent: number;
  lastRemindedOn: LocalDate | null;
  days: number;
}): boolean {
  if (input.remindersSent >= MAX_REMINDERS) return false;
  const from =
    input.remindersSent === 0 || !input.lastRemindedOn
      ? waitStart(input.owedOn, input.effectiveOn)
      : input.lastRemindedOn;
  return workingDaysAfter(input.calendar, from, input.today) >= input.days;
}

/** What `/policy` was asked, in English or Swedish. */
export type PolicyCommand =
  | { kind: "publish" }
  | { kind: "list" }
  | { kind: "status"; policyId: number | null }
  | { kind: "revise"; policyId: number | null }
  | { kind: "retire"; policyId: number | null }
  | { kind: "mine" }
  | { kind: "help" };

const WORDS: Record<string, PolicyCommand["kind"]> = {
  publish: "publish",
  new: "publish",
  publicera: "publish",
  ny: "publish",
  list: "list",
  lista: "list",
  status: "status",
  revise: "revise",
  revidera: "revise",
  retire: "retire",
  avveckla: "retire",
  mine: "mine",
  my: "mine",
  mina: "mine",
  help: "help",
  hjälp: "help",
};

/** `/policy [publish | list | status [id] | revise id | retire id | mine | help]`. */
export function parsePolicyCommand(text: string): PolicyCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = words;
  if (!first) return { kind: "publish" };
  const kind = WORDS[first.toLowerCase()];
  if (!kind || rest.length > 0) return { kind: "help" };
  const id = second === undefined ? null : /^#?(\d{1,9})$/.exec(second);
  if (second !== undefined && !id) return { kind: "help" };
  const policyId = id ? Number(id[1]) : null;
  switch (kind) {
    case "status":
    case "revise":
    case "retire":
      return { kind, policyId };
    default:
      return second === undefined ? ({ kind } as PolicyCommand) : { kind: "help" };
  }
}
