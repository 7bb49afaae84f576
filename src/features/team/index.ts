export { register } from "./listeners.js";
export { type TeamMessages, teamMessages } from "./messages.js";
export type { Team, TeamMember } from "./schema.js";
export { loadActor, type TeamWithMembers } from "./service.js";
export { findTeam, findTeamByChannel, membershipsOf } from "./store.js";
