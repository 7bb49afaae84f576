export { isAdmin } from "./admins.js";
export { deleteGrant, grantedRolesOf, insertGrant, listGrants } from "./grants.js";
export {
  type Actor,
  type Decision,
  decide,
  type Permission,
  type Role,
  rolesOf,
  type WhoMay,
} from "./policy.js";
export { GRANTED_ROLES, type GrantedRole, type RoleGrant, roleGrants } from "./schema.js";
