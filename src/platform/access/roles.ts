import { z } from "zod";
import { recordAudit } from "../audit/index.js";
import type { RequestContext } from "../context.js";
import { type Deps, inWorkspace } from "../deps.js";
import { homeChanged } from "../hooks.js";
import { translatorFor } from "../slack/translate.js";
import { type PersonProblem, personProblems } from "../slack/users.js";
import { isAdmin } from "./actor.js";
import { deleteGrant, insertGrant, listGrants } from "./grants.js";
import { accessMessages } from "./messages.js";
import { ensureAllowed } from "./refusals.js";
import { GRANTED_ROLES, type GrantedRole } from "./schema.js";

declare module "../audit/audit.js" {
  interface AuditActions {
    "access.role.grant": true;
    "access.role.revoke": true;
  }
}

declare module "../jobs/jobs.js" {
  interface JobTypes {
    /** Tells a person by DM that they were given, or lost, a role. */
    "access.role.notice": {
      workspaceId: string;
      userId: string;
      role: GrantedRole;
      op: "grant" | "revoke";
      by: string;
    };
  }
}

export interface RoleChange {
  role: GrantedRole;
  op: "grant" | "revoke";
  changed: string[];
  unchanged: string[];
  rejected: { userId: string; problem: PersonProblem }[];
  /** Revoked admins who stay admins as Slack workspace admins or through ADMIN_USER_IDS. */
  stillAdmin: string[];
}

/** Grants or revokes the executive or admin role. Admins only; audited; the person is told by DM. */
export async function changeRole(
  ctx: RequestContext,
  op: "grant" | "revoke",
  userIds: readonly string[],
  role: GrantedRole,
): Promise<RoleChange> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  await ensureAllowed(deps, actor, { type: "role.manage" });
  const result: RoleChange = { role, op, changed: [], unchanged: [], rejected: [], stillAdmin: [] };
  const problems =
    op === "grant" ? await personProblems(ctx.users, userIds) : new Map<string, PersonProblem>();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const userId of userIds) {
      const problem = problems.get(userId);
      if (problem) {
        result.rejected.push({ userId, problem });
        continue;
      }
      const done =
        op === "grant"
          ? await insertGrant(tx, {
              workspaceId: actor.workspaceId,
              userId,
              role,
              grantedBy: actor.userId,
              grantedAt: now,
            })
          : (await deleteGrant(tx, actor.workspaceId, userId, role)) !== null;
      if (!done) {
        result.unchanged.push(userId);
        continue;
      }
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: op === "grant" ? "access.role.grant" : "access.role.revoke",
        subject: { type: "user", id: userId },
        before: op === "revoke" ? { role } : null,
        after: op === "grant" ? { role } : null,
        at: now,
      });
      // The person is told by DM, sent with the change it tells of (and never to who made it).
      if (userId !== actor.userId)
        await deps.jobs.send(
          "access.role.notice",
          { workspaceId: ctx.workspaceId, userId, role, op, by: actor.userId },
          { tx },
        );
      result.changed.push(userId);
    }
  });
  if (op === "revoke" && role === "admin") {
    for (const userId of result.changed)
      if (await isAdmin(deps, ctx.workspaceId, userId, [])) result.stillAdmin.push(userId);
  }
  if (result.changed.length > 0) {
    // After the answer: the people's Homes gain or lose the role's part; admins' list who has no place.
    const changed = [...result.changed];
    deps.tasks.run("home after a role change", async () =>
      homeChanged(deps, {
        workspaceId: ctx.workspaceId,
        userIds: [...changed, ...(await overseers(deps, ctx.workspaceId))],
      }),
    );
  }
  return result;
}

/**
 * Executives and admins (granted, or named in ADMIN_USER_IDS): the people whose Home shows every team (a
 * glance, the team set-up), to refresh when a team or someone's place in one changes.
 */
export async function overseers(deps: Pick<Deps, "db" | "config">, workspaceId: string): Promise<string[]> {
  const grants = await listGrants(deps.db, workspaceId);
  return [...new Set([...grants.map((g) => g.userId), ...deps.config.adminUserIds])];
}

/** Who holds the granted roles in a workspace, and who is an admin by configuration. */
export async function rolesInWorkspace(
  ctx: RequestContext,
): Promise<{ executives: string[]; admins: string[]; configuredAdmins: string[] }> {
  const grants = await listGrants(ctx.deps.db, ctx.workspaceId);
  return {
    executives: grants.filter((g) => g.role === "executive").map((g) => g.userId),
    admins: grants.filter((g) => g.role === "admin").map((g) => g.userId),
    configuredAdmins: [...ctx.deps.config.adminUserIds],
  };
}

const roleNotice = z.object({
  workspaceId: z.string(),
  userId: z.string(),
  role: z.enum(GRANTED_ROLES),
  op: z.enum(["grant", "revoke"]),
  by: z.string(),
});

/** The DMs this module owes people; registered once when the app is made. */
export function registerAccessJobs(deps: Deps): void {
  deps.jobs.define("access.role.notice", roleNotice, async ({ workspaceId, userId, role, op, by }) => {
    const slack = inWorkspace(deps, workspaceId);
    const t = await translatorFor(slack, accessMessages, userId);
    const key = op === "grant" ? "access.notice.roleGranted" : "access.notice.roleRevoked";
    await slack.slack.postMessage({
      channel: userId,
      text: t.t(key, { role: t.t(`access.role.${role}`), by }),
    });
  });
}
