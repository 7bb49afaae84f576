/** The four roles of PRODUCT.md. Admin and executive are granted; supervisor and rep come from team membership. */
export type Role = "rep" | "supervisor" | "executive" | "admin";

/** Who is asking, with every role they hold in this workspace. */
export interface Actor {
  readonly workspaceId: string;
  readonly userId: string;
  readonly admin: boolean;
  readonly executive: boolean;
  /** Teams this person leads. */
  readonly supervises: readonly number[];
  /** The team this person sells in, if any (a rep belongs to one team). */
  readonly repOf: number | null;
}

export type Permission =
  | { type: "team.create" }
  | { type: "role.manage" }
  | { type: "team.manage"; teamId: number }
  /** See a team's figures (leaderboard, who sold what): its members, executives and admins. */
  | { type: "team.view"; teamId: number }
  | { type: "rep.move"; fromTeamId: number; toTeamId: number };

/** Who may do what was refused, so the refusal can say so. */
export type WhoMay = "admins" | "teamSupervisors" | "supervisorsOfBoth" | "teamMembers";

export type Decision = { allowed: true } | { allowed: false; whoMay: WhoMay };

const allow: Decision = { allowed: true };

/** The one place that answers "may this person do this?". Pure: the caller loads the actor. */
export function decide(actor: Actor, permission: Permission): Decision {
  if (actor.admin) return allow;
  switch (permission.type) {
    case "team.create":
    case "role.manage":
      return { allowed: false, whoMay: "admins" };
    case "team.manage":
      return actor.supervises.includes(permission.teamId)
        ? allow
        : { allowed: false, whoMay: "teamSupervisors" };
    case "team.view":
      return actor.executive ||
        actor.supervises.includes(permission.teamId) ||
        actor.repOf === permission.teamId
        ? allow
        : { allowed: false, whoMay: "teamMembers" };
    case "rep.move":
      return actor.supervises.includes(permission.fromTeamId) &&
        actor.supervises.includes(permission.toTeamId)
        ? allow
        : { allowed: false, whoMay: "supervisorsOfBoth" };
  }
}

export function rolesOf(actor: Actor): Role[] {
  const roles: Role[] = [];
  if (actor.admin) roles.push("admin");
  if (actor.executive) roles.push("executive");
  if (actor.supervises.length > 0) roles.push("supervisor");
  if (actor.repOf !== null) roles.push("rep");
  return roles;
}
