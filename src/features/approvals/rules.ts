import type { Actor } from "../../platform/access/index.js";
import type { ApprovalRequest, ApprovalRoute } from "./schema.js";

/**
 * Who decides a request: the team's supervisors, unless the person asking is one of them (or the team has
 * no other supervisor), when it goes to executives and admins. Nobody decides their own.
 */
export function routeFor(requesterId: string, supervisorIds: readonly string[]): ApprovalRoute {
  const others = supervisorIds.filter((id) => id !== requesterId);
  return supervisorIds.includes(requesterId) || others.length === 0 ? "executives" : "supervisors";
}

export type DecideRefusal = "own" | "supervisors" | "executives";

/** Whether a person may decide a request: null when they may, else why not. Pure: the caller loads the actor. */
export function refusalToDecide(
  actor: Actor,
  request: Pick<ApprovalRequest, "requesterId" | "teamId" | "route">,
): DecideRefusal | null {
  if (actor.userId === request.requesterId) return "own";
  if (actor.admin) return null;
  if (request.route === "executives") return actor.executive ? null : "executives";
  return actor.supervises.includes(request.teamId) ? null : "supervisors";
}

/** The people a request goes to, in order and once each, never the person asking. */
export function decidersOf(
  route: ApprovalRoute,
  requesterId: string,
  people: { supervisorIds: readonly string[]; executiveIds: readonly string[]; adminIds: readonly string[] },
): string[] {
  const candidates =
    route === "supervisors" ? people.supervisorIds : [...people.executiveIds, ...people.adminIds];
  return [...new Set(candidates)].filter((id) => id !== requesterId);
}
