import { problemsOf, type UserError } from "../errors.js";
import type { ActorDeps } from "./actor.js";
import { listGrants } from "./grants.js";
import type { AccessMessages } from "./messages.js";
import { type Actor, decide, type Permission } from "./policy.js";

const { error } = problemsOf<AccessMessages>();

/** What a refusal names: the team concerned and its supervisors, and for a move the team the rep is in. */
export interface RefusalSubject {
  team?: { name: string; supervisorIds: readonly string[] };
  fromTeamName?: string;
}

/** Throws the polite refusal for a denied permission: it says who may do it. */
export async function ensureAllowed(
  deps: Pick<ActorDeps, "db" | "config">,
  actor: Actor,
  permission: Permission,
  subject: RefusalSubject = {},
): Promise<void> {
  const refusal = await refusalFor(deps, actor, permission, subject);
  if (refusal) throw refusal;
}

/** The refusal for a permission, or null when it is allowed. */
export async function refusalFor(
  deps: Pick<ActorDeps, "db" | "config">,
  actor: Actor,
  permission: Permission,
  subject: RefusalSubject = {},
): Promise<UserError | null> {
  const decision = decide(actor, permission);
  if (decision.allowed) return null;
  const team = subject.team?.name ?? "";
  switch (decision.whoMay) {
    case "admins": {
      const admins = await knownAdmins(deps, actor.workspaceId);
      return admins.length > 0
        ? error("access.refused.adminsNamed", { admins })
        : error("access.refused.admins");
    }
    case "teamSupervisors":
      return error("access.refused.supervisors", {
        team,
        supervisors: [...(subject.team?.supervisorIds ?? [])],
      });
    case "supervisorsOfBoth":
      return error("access.refused.move", { team, from: subject.fromTeamName ?? "" });
    case "teamMembers":
      return error("access.refused.members", { team });
    case "repSupervisors":
      return error("access.refused.repSupervisors", {
        team,
        supervisors: [...(subject.team?.supervisorIds ?? [])],
      });
    case "repAndSupervisors":
      return error("access.refused.repRecord", { team });
    case "policyPublishers":
      return error("access.refused.policyPublish");
    case "policyReaders":
      return error("access.refused.policyStatus", { team });
  }
}

/** Admins we can name in a refusal: those set in ADMIN_USER_IDS and those granted in Supervisor. */
export async function knownAdmins(
  deps: Pick<ActorDeps, "db" | "config">,
  workspaceId: string,
): Promise<string[]> {
  const granted = await listGrants(deps.db, workspaceId, "admin");
  return [...new Set([...deps.config.adminUserIds, ...granted.map((g) => g.userId)])].slice(0, 5);
}
