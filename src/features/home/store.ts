import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { type HomeView, homeViews, seenEvents } from "./schema.js";

/** Marks an event as handled; false when it was handled already (a retry, another instance). */
export async function firstSighting(
  db: Db,
  workspaceId: string,
  eventId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .insert(seenEvents)
    .values({ workspaceId, eventId, seenAt: at })
    .onConflictDoNothing()
    .returning({ eventId: seenEvents.eventId });
  return rows.length > 0;
}

/** Forgets events seen more than a day ago (Slack's retries come within minutes). */
export async function forgetSeenEvents(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 24 * 3600_000);
  const rows = await db
    .delete(seenEvents)
    .where(lt(seenEvents.seenAt, before))
    .returning({ eventId: seenEvents.eventId });
  return rows.length;
}

export async function findHomeView(db: Db, workspaceId: string, userId: string): Promise<HomeView | null> {
  const [row] = await db
    .select()
    .from(homeViews)
    .where(and(eq(homeViews.workspaceId, workspaceId), eq(homeViews.userId, userId)));
  return row ?? null;
}

export async function saveHomeView(db: Db, row: HomeView): Promise<void> {
  await db
    .insert(homeViews)
    .values(row)
    .onConflictDoUpdate({
      target: [homeViews.workspaceId, homeViews.userId],
      set: { viewId: row.viewId, hash: row.hash, publishedAt: row.publishedAt },
    });
}

/** Everyone whose Home the app has published in a workspace (people who opened it). */
export async function homeUsers(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: homeViews.userId })
    .from(homeViews)
    .where(eq(homeViews.workspaceId, workspaceId))
    .orderBy(homeViews.userId);
  return rows.map((r) => r.userId);
}

/** Which of these people have a Home the app published (they opened it): the ones worth refreshing. */
export async function withHomes(db: Db, workspaceId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: homeViews.userId })
    .from(homeViews)
    .where(and(eq(homeViews.workspaceId, workspaceId), inArray(homeViews.userId, [...userIds])));
  return rows.map((r) => r.userId);
}
