import type { Actor } from "../../platform/access/index.js";
import { type AuditAction, recordAudit } from "../../platform/audit/index.js";
import type { Db } from "../../platform/db/index.js";
import type { Team } from "./schema.js";

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "team.team.create": true;
    "team.settings.update": true;
    "team.routine.update": true;
    "team.member.add": true;
    "team.member.remove": true;
    "team.member.move": true;
  }
}

/** One team's changes inside one transaction, by one person at one moment. */
export interface TeamChange {
  tx: Db;
  actor: Actor;
  teamId: number;
  now: Date;
}

export function auditTeam(
  c: TeamChange,
  action: AuditAction & `team.${string}`,
  before: unknown,
  after: unknown,
): Promise<void> {
  return recordAudit(c.tx, {
    workspaceId: c.actor.workspaceId,
    actorId: c.actor.userId,
    action,
    subject: { type: "team", id: c.teamId },
    before,
    after,
    at: c.now,
  });
}

/** What the audit log keeps of a team's settings. */
export function snapshot(team: Team): Record<string, unknown> {
  const { workspaceId: _w, createdAt: _c, updatedAt: _u, version: _v, ...rest } = team;
  return rest;
}

/** Audits what changed between two versions of a team's settings (nothing, when nothing did). */
export async function auditSettings(c: TeamChange, before: Team, after: Team): Promise<void> {
  const [was, is] = [snapshot(before), snapshot(after)];
  const changed = Object.keys(is).filter((k) => JSON.stringify(is[k]) !== JSON.stringify(was[k]));
  if (changed.length === 0) return;
  await auditTeam(
    c,
    "team.settings.update",
    Object.fromEntries(changed.map((k) => [k, was[k]])),
    Object.fromEntries(changed.map((k) => [k, is[k]])),
  );
}
