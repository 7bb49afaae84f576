import { and, eq, isNotNull, max } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { type SpotlightPost, spotlightPosts } from "./schema.js";

/** The spotlight of a team's slot, if one was chosen. */
export async function spotlightOf(db: Db, teamId: number, slot: Date): Promise<SpotlightPost | null> {
  const [row] = await db
    .select()
    .from(spotlightPosts)
    .where(and(eq(spotlightPosts.teamId, teamId), eq(spotlightPosts.slot, slot)));
  return row ?? null;
}

/** When each product of a team was last chosen for a spotlight (by slot). */
export async function lastSpotlighted(db: Db, teamId: number): Promise<Map<number, Date>> {
  const rows = await db
    .select({ productId: spotlightPosts.productId, at: max(spotlightPosts.slot) })
    .from(spotlightPosts)
    .where(and(eq(spotlightPosts.teamId, teamId), isNotNull(spotlightPosts.productId)))
    .groupBy(spotlightPosts.productId);
  const last = new Map<number, Date>();
  for (const row of rows) if (row.productId !== null && row.at) last.set(row.productId, new Date(row.at));
  return last;
}

/**
 * Keeps the choice of a slot: the first one made wins (a second run of the job, or two at once, finds it
 * and posts that one). Returns the slot's spotlight as kept.
 */
export async function chooseSpotlight(
  db: Db,
  values: { workspaceId: string; teamId: number; slot: Date; productId: number | null; chosenAt: Date },
): Promise<SpotlightPost> {
  await db.insert(spotlightPosts).values(values).onConflictDoNothing();
  const row = await spotlightOf(db, values.teamId, values.slot);
  if (!row)
    throw new Error(`the spotlight of team ${values.teamId} for ${values.slot.toISOString()} is gone`);
  return row;
}

/** Remembers where a slot's spotlight was posted. */
export async function savePost(
  db: Db,
  key: { teamId: number; slot: Date },
  post: { channelId: string; ts: string },
): Promise<void> {
  await db
    .update(spotlightPosts)
    .set(post)
    .where(and(eq(spotlightPosts.teamId, key.teamId), eq(spotlightPosts.slot, key.slot)));
}
