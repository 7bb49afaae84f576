import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { type GrantedRole, type RoleGrant, roleGrants } from "./schema.js";

export async function grantedRolesOf(db: Db, workspaceId: string, userId: string): Promise<GrantedRole[]> {
  const rows = await db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.workspaceId, workspaceId), eq(roleGrants.userId, userId)));
  return rows.map((row) => row.role);
}

export async function listGrants(db: Db, workspaceId: string, role?: GrantedRole): Promise<RoleGrant[]> {
  return db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.workspaceId, workspaceId), role ? eq(roleGrants.role, role) : undefined))
    .orderBy(asc(roleGrants.grantedAt), asc(roleGrants.userId));
}

/** Grants a role; false when the person already had it (a double submit changes nothing). */
export async function insertGrant(
  db: Db,
  grant: { workspaceId: string; userId: string; role: GrantedRole; grantedBy: string; grantedAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(roleGrants)
    .values(grant)
    .onConflictDoNothing()
    .returning({ userId: roleGrants.userId });
  return inserted.length > 0;
}

/** Revokes a role; the removed grant, or null when the person did not have it. */
export async function deleteGrant(
  db: Db,
  workspaceId: string,
  userId: string,
  role: GrantedRole,
): Promise<RoleGrant | null> {
  const [removed] = await db
    .delete(roleGrants)
    .where(
      and(eq(roleGrants.workspaceId, workspaceId), eq(roleGrants.userId, userId), eq(roleGrants.role, role)),
    )
    .returning();
  return removed ?? null;
}
