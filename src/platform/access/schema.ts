import { sql } from "drizzle-orm";
import { check, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Roles that are granted, not derived from team membership: executives and Supervisor admins. */
export const GRANTED_ROLES = ["executive", "admin"] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

export const roleGrants = pgTable(
  "role_grants",
  {
    workspaceId: text().notNull(),
    userId: text().notNull(),
    role: text({ enum: GRANTED_ROLES }).notNull(),
    grantedBy: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId, t.role] }),
    check("role_grants_role_check", sql`${t.role} in ('executive', 'admin')`),
  ],
);

export type RoleGrant = typeof roleGrants.$inferSelect;
