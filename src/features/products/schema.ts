import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { teamKey } from "../team/index.js";

/**
 * A team's product library: what the reps sell, with the key selling points the supervisor wants them to
 * know. Check-ins link to a product by its tag (`/quota 12500 #widgets`); spotlights rotate through it.
 */
export const products = pgTable(
  "products",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    name: text().notNull(),
    /** What reps type after `#`: the name in lower case, words joined by dashes ("Widget Pro" -> widget-pro). */
    tag: text().notNull(),
    keyPoints: text().notNull().default(""),
    /** Taken off the list: no longer offered for tags, still named on the sales it was linked to. */
    archivedAt: timestamp({ withTimezone: true }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("products_team_tag_key").on(t.teamId, t.tag).where(sql`archived_at is null`),
    check("products_tag_check", sql`${t.tag} ~ '^[a-z0-9åäöæøü][a-z0-9åäöæøü_-]*$'`),
  ],
);

export type Product = typeof products.$inferSelect;

/** What another feature's table points its `product_id` at (a foreign key), without reaching into this table. */
export const productKey = () => products.id;
