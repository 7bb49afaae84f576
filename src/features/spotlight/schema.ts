import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { productKey } from "../products/index.js";
import { teamKey } from "../team/index.js";

/**
 * A team's product spotlight of one slot: the product chosen for it (null: the team had no product on its
 * list, so nothing was posted), chosen once and kept before anything is posted, so a retried job posts the
 * same product; then where the post went (`channelId`, `ts`), so it is never posted twice. The rotation
 * reads it too: the product shown least recently comes next.
 */
export const spotlightPosts = pgTable(
  "spotlight_posts",
  {
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    /** The slot (the instant the team's schedule named) this spotlight is for. */
    slot: timestamp({ withTimezone: true }).notNull(),
    productId: integer().references(productKey, { onDelete: "cascade" }),
    chosenAt: timestamp({ withTimezone: true }).notNull(),
    channelId: text(),
    ts: text(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.slot] }),
    index("spotlight_posts_product_idx").on(t.teamId, t.productId, t.slot),
  ],
);

export type SpotlightPost = typeof spotlightPosts.$inferSelect;
