export { register } from "./listeners.js";
export { type TeamMessages, teamMessages } from "./messages.js";
export type { Problem } from "./rules.js";
export { type Team, type TeamMember, teamMembers, teams } from "./schema.js";
export {
  changeMembers,
  changeRole,
  createTeam,
  ensureAllowed,
  loadActor,
  overview,
  type TeamOverview,
  type TeamWithMembers,
  teamsInWorkspace,
} from "./service.js";
export { findTeam, findTeamByChannel, membershipsOf } from "./store.js";
