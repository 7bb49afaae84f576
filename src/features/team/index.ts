export { teamToday, workCalendarOf } from "./calendar.js";
export { type CreatedTeam, type CreateTeamInput, createTeam } from "./create.js";
export {
  ensureAllowedIn,
  mayManage,
  memberTeam,
  targetTeam,
  teamById,
  teamMemberships,
} from "./directory.js";
export { register } from "./listeners.js";
export { changeMembers, type MemberChange, type MemberOp } from "./members.js";
export { type TeamMessages, teamMessages } from "./messages.js";
export { overview, type TeamOverview, teamsInWorkspace } from "./overview.js";
export {
  routineSettings,
  type ScheduledTeam,
  saveRoutine,
  scheduledTeams,
  settingsOf,
} from "./routine-store.js";
export {
  cronOfRoutine,
  DEFAULT_ROUTINES,
  type RoutineSetting,
  type RoutineSettings,
  type StandupSetting,
} from "./routines.js";
export { defaultSettings } from "./rules.js";
export { ASK_IN, type AskIn, ROUTINES, type RoutineName, type Team, teamKey } from "./schema.js";
export {
  findTeam,
  findTeamByChannel,
  listTeams,
  membershipsOf,
  repTeamOf,
  stillRepOf,
  supervisorIdsOf,
  type TeamWithMembers,
} from "./store.js";
export { TEAM_IDS } from "./views.js";
