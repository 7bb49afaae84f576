export {
  cronOfRoutine,
  DEFAULT_ROUTINES,
  type RoutineSetting,
  type RoutineSettings,
  type StandupSetting,
} from "./rules.js";
export { ASK_IN, type AskIn, ROUTINES, type RoutineName, teamRoutines } from "./schema.js";
export { routineSettings, saveRoutine, settingsOf } from "./store.js";

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
