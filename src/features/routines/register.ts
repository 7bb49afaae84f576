import type { Deps } from "../../platform/deps.js";
import type { Language } from "../../platform/i18n/index.js";
import { type Router, translatorIn } from "../../platform/slack/index.js";
import type { RoutineName, ScheduledTeam } from "../team/index.js";
import { routineMessages } from "./messages.js";
import { REPLAN_EVERY_MS, RoutinePlanner } from "./planner.js";
import { nextSlot, POST_OF, routinePlans } from "./rules.js";

const planners = new WeakMap<Deps, RoutinePlanner>();

/**
 * The clock of a team's routines in this process: when the clock starts (the job engine runs), and every
 * minute after, every team's routines are planned and missed slots caught up; a team saved here (its
 * routines, its time zone, a new team) is replanned at once. The posts themselves are the jobs of the
 * features that make them (motivation, spotlight, standup).
 */
export function register(_router: Router, deps: Deps): void {
  const planner = new RoutinePlanner(deps);
  planners.set(deps, planner);
  deps.hooks.answer("team.schedule.changed", async ({ teamId, told }) => {
    try {
      const scheduled = await planner.reconcileTeam(teamId);
      return scheduled && told ? nextRunLines(scheduled, told, deps.clock.now()) : [];
    } catch (error) {
      // The team's change is saved already: a failure here is the log's, and the next look's to mend.
      deps.log.error(`could not replan the routines of team ${teamId}:`, error);
      return [];
    }
  });
  deps.schedules.watch("routines: plan and catch up", REPLAN_EVERY_MS, () => planner.reconcile());
}

/** When a routine someone just set runs next, in their language ("The next standup is on Tuesday, …"). */
function nextRunLines(
  scheduled: ScheduledTeam,
  told: { routine: RoutineName; language: Language },
  now: Date,
): string[] {
  const setting = scheduled.routines[told.routine];
  const plan = routinePlans(scheduled.routines, scheduled.team.timeZone).find(
    (p) => p.job === POST_OF[told.routine],
  );
  const next = plan && nextSlot(plan.spec, now);
  if (!next) return [];
  const t = translatorIn(routineMessages, told.language);
  const when = { day: t.date(next, scheduled.team.timeZone, "weekdayDate"), time: setting.time };
  return [t.t(`routines.next.${told.routine}`, when)];
}

/** The routines' planner of an app's process (for tests: look now rather than within the minute). */
export function routinePlanner(deps: Deps): RoutinePlanner {
  const planner = planners.get(deps);
  if (!planner) throw new Error("the routines feature is not registered in this app");
  return planner;
}
