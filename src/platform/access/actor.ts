import type { Config } from "../../config.js";
import type { Db } from "../db/index.js";
import type { Log } from "../log.js";
import type { UserDirectory } from "../slack/users.js";
import { grantedRolesOf } from "./grants.js";
import type { Actor } from "./policy.js";
import type { GrantedRole } from "./schema.js";

/** A person's place in a team, as access needs to know it. */
export interface Membership {
  teamId: number;
  teamName: string;
  role: "supervisor" | "rep";
}

/** Who is in which team: the team directory answers, the platform asks (it imports no feature). */
export interface MembershipSource {
  membershipsOf(db: Db, workspaceId: string, userId: string): Promise<Membership[]>;
}

/** What loading an actor needs; the app's Deps has all of it. */
export interface ActorDeps {
  readonly db: Db;
  readonly config: Pick<Config, "adminUserIds">;
  readonly usersFor: (workspaceId: string) => UserDirectory;
  readonly log: Log;
  readonly memberships: MembershipSource;
}

/** Who is asking, with every role they hold in this workspace. */
export async function loadActor(deps: ActorDeps, workspaceId: string, userId: string): Promise<Actor> {
  const [memberships, granted] = await Promise.all([
    deps.memberships.membershipsOf(deps.db, workspaceId, userId),
    grantedRolesOf(deps.db, workspaceId, userId),
  ]);
  return actorFrom(deps, workspaceId, userId, memberships, granted);
}

/** An actor from what a caller already read (the `/team` hot path reads it with the channel's team). */
export async function actorFrom(
  deps: Pick<ActorDeps, "config" | "usersFor" | "log">,
  workspaceId: string,
  userId: string,
  memberships: readonly Pick<Membership, "teamId" | "role">[],
  granted: readonly GrantedRole[],
): Promise<Actor> {
  return {
    workspaceId,
    userId,
    admin: await isAdmin(deps, workspaceId, userId, granted),
    executive: granted.includes("executive"),
    supervises: memberships.filter((m) => m.role === "supervisor").map((m) => m.teamId),
    repOf: memberships.find((m) => m.role === "rep")?.teamId ?? null,
  };
}

/**
 * Admins are Slack workspace admins and owners (read from users.info, cached briefly), people listed in
 * ADMIN_USER_IDS (to bootstrap a new install) and people granted the admin role in Supervisor.
 */
export async function isAdmin(
  deps: Pick<ActorDeps, "config" | "usersFor" | "log">,
  workspaceId: string,
  userId: string,
  granted: readonly GrantedRole[],
): Promise<boolean> {
  if (deps.config.adminUserIds.includes(userId) || granted.includes("admin")) return true;
  try {
    const user = await deps.usersFor(workspaceId).get(userId);
    return Boolean(user && !user.deleted && (user.isAdmin || user.isOwner));
  } catch (error) {
    deps.log.warn(`could not check whether ${userId} is a Slack admin; treating as not`, error);
    return false;
  }
}
