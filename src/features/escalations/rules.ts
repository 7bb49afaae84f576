import type { Actor } from "../../platform/access/index.js";
import type { Escalation, EscalationRoute } from "./schema.js";

/** Only executives and admins escalate. */
export function mayEscalate(actor: Actor): boolean {
  return actor.executive || actor.admin;
}

/** Where an escalation about a rep goes: their team's supervisors, or admins when there are none. */
export function routeFor(supervisorIds: readonly string[]): EscalationRoute {
  return supervisorIds.length > 0 ? "supervisors" : "admins";
}

/**
 * Who may acknowledge or resolve it: admins always; for one routed to supervisors, the supervisors of the
 * rep's team. Null when this person may; otherwise whom the refusal names.
 */
export function refusalToHandle(
  actor: Actor,
  escalation: Pick<Escalation, "route" | "teamId">,
): EscalationRoute | null {
  if (actor.admin) return null;
  if (escalation.route === "supervisors" && escalation.teamId !== null) {
    return actor.supervises.includes(escalation.teamId) ? null : "supervisors";
  }
  return "admins";
}

/** The longest excerpt of a message an escalation keeps. */
export const EXCERPT_MAX = 300;

/** A message's text as a short plain excerpt: whitespace folded, clipped to EXCERPT_MAX. */
export function excerptOf(text: string): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length <= EXCERPT_MAX ? folded : `${folded.slice(0, EXCERPT_MAX - 1).trimEnd()}…`;
}
