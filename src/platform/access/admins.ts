import type { Deps } from "../deps.js";
import type { GrantedRole } from "./schema.js";

/**
 * Admins are Slack workspace admins and owners (read from users.info, cached briefly), people listed in
 * ADMIN_USER_IDS (to bootstrap a new install) and people granted the admin role in Supervisor.
 */
export async function isAdmin(
  deps: Pick<Deps, "config" | "users" | "log">,
  userId: string,
  granted: readonly GrantedRole[],
): Promise<boolean> {
  if (deps.config.adminUserIds.includes(userId) || granted.includes("admin")) return true;
  try {
    const user = await deps.users.get(userId);
    return Boolean(user && !user.deleted && (user.isAdmin || user.isOwner));
  } catch (error) {
    deps.log.warn(`could not check whether ${userId} is a Slack admin; treating as not`, error);
    return false;
  }
}
