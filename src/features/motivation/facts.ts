import type { Deps } from "../../platform/deps.js";
import type { Translator } from "../../platform/i18n/index.js";
import { Absences, addDays, type LocalDate, localDate } from "../../platform/time/index.js";
import { dailySales, salesIn, teamBests, teamStanding } from "../quota/index.js";
import { type TeamWithMembers, workCalendarOf } from "../team/index.js";
import type { MotivationMessages } from "./messages.js";
import {
  libraryOf,
  type MotivationFacts,
  milestonesSince,
  motivationFacts,
  nextLine,
  STREAK_LOOKBACK_DAYS,
  worthPosting,
} from "./rules.js";
import { linesOf, usedLines } from "./store.js";
import { lineText, type Message, motivationPost } from "./views.js";

/** The earlier and the later of two calendar dates. */
const first = (a: LocalDate, b: LocalDate): LocalDate => [a, b].sort()[0] as LocalDate;
const last = (a: LocalDate, b: LocalDate): LocalDate => [a, b].sort()[1] as LocalDate;

/**
 * What a team's motivation post can say at `now`: its standing this period with pace (quota's rules), its
 * sales per day over the streak lookback, its check-ins since the period (or the previous post) began, its
 * best day and period before, and who is on approved leave on `day` (never named).
 */
export async function gatherFacts(
  deps: Pick<Deps, "db" | "absences">,
  found: TeamWithMembers,
  now: Date,
  day: LocalDate,
  previous: Date | null,
): Promise<MotivationFacts> {
  const { db } = deps;
  const { team, repIds } = found;
  const today = localDate(now, team.timeZone);
  const since = milestonesSince(previous, now);
  const sinceDay = localDate(since, team.timeZone);
  const standing = await teamStanding(deps, team, repIds, now);
  const period = standing.period;
  const lookbackStart = addDays(today, -STREAK_LOOKBACK_DAYS);
  const salesStart = first(period.start, sinceDay);
  const [days, sales, bests, daysOff] = await Promise.all([
    dailySales(db, team.id, team.currency, { start: lookbackStart, end: today }),
    salesIn(db, team.id, team.currency, { start: salesStart, end: today }),
    teamBests(db, team.id, team.currency, team.quotaPeriod, { day: sinceDay, periodStart: period.start }),
    deps.absences.daysOff(db, team.workspaceId, repIds, first(day, lookbackStart), last(day, today)),
  ]);
  return motivationFacts({
    today,
    since,
    sinceDay,
    calendar: workCalendarOf(team),
    currency: team.currency,
    team: standing.team,
    reps: standing.reps,
    away: new Set(repIds.filter((repId) => Absences.of(daysOff, repId).has(day))),
    daysOff,
    days,
    sales,
    bests,
  });
}

/** The line the team's next post opens with, and whether it starts a new round of the library. */
export async function upcomingLine(deps: Pick<Deps, "db">, found: TeamWithMembers) {
  const own = await linesOf(deps.db, found.team.workspaceId, found.team.id);
  const { used, last } = await usedLines(deps.db, found.team.id);
  const next = nextLine(libraryOf(own.map((line) => line.id)), used, last);
  return { next, own: new Map(own.map((line) => [line.id, line])) };
}

/** The post the facts make with the line, in the team's language; null when there is nothing true to say. */
export function composePost(
  t: Translator<MotivationMessages>,
  found: TeamWithMembers,
  facts: MotivationFacts,
  line: Awaited<ReturnType<typeof upcomingLine>>,
): Message | null {
  if (!worthPosting(facts) || !line.next) return null;
  return motivationPost(t, facts, lineText(t, line.next.key, found.team.name, line.own), found.team);
}
