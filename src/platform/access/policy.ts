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
  | { type: "rep.move"; fromTeamId: number; toTeamId: number }
  /**
   * Act on a rep's conduct (issue a warning, start or review a coaching plan): the supervisors of the
   * rep's team, executives and admins. `repTeamId` is null for a rep in no team.
   */
  | { type: "rep.discipline"; repId: string; repTeamId: number | null }
  /**
   * See a rep's warnings and coaching plans: the rep (their own), the supervisors of the rep's team,
   * executives and admins. Another team's supervisor sees nothing.
   */
  | { type: "rep.record.view"; repId: string; repTeamId: number | null }
  /**
   * Publish, revise or retire a policy for these teams: executives (any teams) and supervisors when they
   * lead every one of the teams. A policy for no team is nobody's to publish.
   */
  | { type: "policy.publish"; teamIds: readonly number[] }
  /** See who acknowledged a policy in a team: the team's supervisors, executives and admins. */
  | { type: "policy.status"; teamId: number };

/** Who may do what was refused, so the refusal can say so. */
export type WhoMay =
  | "admins"
  | "teamSupervisors"
  | "supervisorsOfBoth"
  | "teamMembers"
  /** The rep's own supervisors, executives and admins. */
  | "repSupervisors"
  /** The rep, their supervisors, executives and admins. */
  | "repAndSupervisors"
  /** Executives, and supervisors for their own teams. */
  | "policyPublishers"
  /** The team's supervisors and executives. */
  | "policyReaders";

export type Decision = { allowed: true } | { allowed: false; whoMay: WhoMay };

const allow: Decision = { allowed: true };

/** The one place that answers "may this person do this?". Pure: the caller loads the actor. */
export function decide(actor: Actor, permission: Permission): Decision {
  // Nobody warns or coaches themself, admins included.
  if (permission.type === "rep.discipline" && permission.repId === actor.userId) {
    return { allowed: false, whoMay: "repSupervisors" };
  }
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
    case "rep.discipline":
      return leadsRep(actor, permission.repTeamId) ? allow : { allowed: false, whoMay: "repSupervisors" };
    case "rep.record.view":
      return actor.userId === permission.repId || leadsRep(actor, permission.repTeamId)
        ? allow
        : { allowed: false, whoMay: "repAndSupervisors" };
    case "policy.publish":
      return actor.executive ||
        (permission.teamIds.length > 0 && permission.teamIds.every((id) => actor.supervises.includes(id)))
        ? allow
        : { allowed: false, whoMay: "policyPublishers" };
    case "policy.status":
      return leadsRep(actor, permission.teamId) ? allow : { allowed: false, whoMay: "policyReaders" };
  }
}

/** An executive, or a supervisor of the rep's team (admins are let through before). */
function leadsRep(actor: Actor, repTeamId: number | null): boolean {
  return actor.executive || (repTeamId !== null && actor.supervises.includes(repTeamId));
}

export function rolesOf(actor: Actor): Role[] {
  const roles: Role[] = [];
  if (actor.admin) roles.push("admin");
  if (actor.executive) roles.push("executive");
  if (actor.supervises.length > 0) roles.push("supervisor");
  if (actor.repOf !== null) roles.push("rep");
  return roles;
}
