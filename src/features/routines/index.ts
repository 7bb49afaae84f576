/**
 * Routines: the posts that come on a team's schedule (motivation, a product spotlight, the weekly
 * standup). Their settings are the team's (stored and changed in the team feature, re-exported here);
 * this feature runs their clock. The features that post them define the jobs below.
 */
export {
  ASK_IN,
  type AskIn,
  cronOfRoutine,
  DEFAULT_ROUTINES,
  ROUTINES,
  type RoutineName,
  type RoutineSetting,
  type RoutineSettings,
  routineSettings,
  type StandupSetting,
  saveRoutine,
  settingsOf,
} from "../team/index.js";
export { type RoutineMessages, routineMessages } from "./messages.js";
export { REPLAN_EVERY_MS, RoutinePlanner } from "./planner.js";
export { register, routinePlanner } from "./register.js";
export {
  CATCH_UP_HOURS,
  latestSlot,
  nextSlot,
  type OwedSlot,
  owedSlots,
  POST_OF,
  ROUTINE_JOBS,
  type RoutineJob,
  type RoutinePlan,
  routinePlans,
  stillRelevant,
} from "./rules.js";

/** What a routine's job is given: the team, and the slot (ISO instant) it runs for. */
export interface RoutineSlot {
  workspaceId: string;
  teamId: number;
  slot: string;
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Posts a team's motivation for a slot (features/motivation). */
    "motivation.post": RoutineSlot;
    /** Posts a team's product spotlight for a slot (features/spotlight). */
    "spotlight.post": RoutineSlot;
    /** Posts a team's weekly standup and asks its reps (features/standup). */
    "standup.open": RoutineSlot;
    /** At the cut-off: the standup's summary, and who did not answer (features/standup). */
    "standup.close": RoutineSlot;
  }
}
