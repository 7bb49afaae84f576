export { register } from "./listeners.js";
export { type TeamMessages, teamMessages } from "./messages.js";
export { type Team, type TeamMember, teamMembers, teams } from "./schema.js";
export {
  changeMembers,
  changeRole,
  createTeam,
  loadActor,
  type TeamWithMembers,
  teamsInWorkspace,
} from "./service.js";
export { findTeam, findTeamByChannel, membershipsOf } from "./store.js";
