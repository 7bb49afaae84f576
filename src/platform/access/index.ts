export {
  type ActorDeps,
  actorFrom,
  isAdmin,
  loadActor,
  type Membership,
  type MembershipSource,
} from "./actor.js";
export { deleteGrant, grantedRolesOf, insertGrant, listGrants } from "./grants.js";
export { type AccessMessages, accessMessages } from "./messages.js";
export {
  type Actor,
  type Decision,
  decide,
  type Permission,
  type Role,
  rolesOf,
  type WhoMay,
} from "./policy.js";
export { ensureAllowed, knownAdmins, type RefusalSubject, refusalFor } from "./refusals.js";
export {
  changeRole,
  overseers,
  type RoleChange,
  registerAccessJobs,
  rolesInWorkspace,
} from "./roles.js";
export { GRANTED_ROLES, type GrantedRole, type RoleGrant, roleGrants } from "./schema.js";
