import { and, asc, desc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import {
  type MotivationLine,
  type MotivationPost,
  motivationLines,
  motivationPosts,
  motivationUsedLines,
} from "./schema.js";

/** A team's own lines still in the library, oldest first. */
export async function linesOf(db: Db, workspaceId: string, teamId: number): Promise<MotivationLine[]> {
  return db
    .select()
    .from(motivationLines)
    .where(
      and(
        eq(motivationLines.workspaceId, workspaceId),
        eq(motivationLines.teamId, teamId),
        isNull(motivationLines.removedAt),
      ),
    )
    .orderBy(asc(motivationLines.id));
}

/** One of a team's own lines (removed ones too), or null. */
export async function findLine(
  db: Db,
  workspaceId: string,
  teamId: number,
  id: number,
): Promise<MotivationLine | null> {
  const [row] = await db
    .select()
    .from(motivationLines)
    .where(
      and(
        eq(motivationLines.workspaceId, workspaceId),
        eq(motivationLines.teamId, teamId),
        eq(motivationLines.id, id),
      ),
    );
  return row ?? null;
}

/**
 * Adds a team's line, once per Slack request: a replay of the same request finds the line it added
 * (`created` false).
 */
export async function insertLine(
  db: Db,
  line: {
    workspaceId: string;
    teamId: number;
    text: string;
    addedBy: string;
    addedAt: Date;
    requestId: string;
  },
): Promise<{ line: MotivationLine; created: boolean }> {
  const [created] = await db.insert(motivationLines).values(line).onConflictDoNothing().returning();
  if (created) return { line: created, created: true };
  const [earlier] = await db
    .select()
    .from(motivationLines)
    .where(
      and(eq(motivationLines.workspaceId, line.workspaceId), eq(motivationLines.requestId, line.requestId)),
    );
  if (!earlier) throw new Error("motivation line conflict without an existing row");
  return { line: earlier, created: false };
}

/** Takes a line out of the library, only if it is still in it: a second remove finds it gone (null). */
export async function retireLine(db: Db, id: number, by: string, at: Date): Promise<MotivationLine | null> {
  const [row] = await db
    .update(motivationLines)
    .set({ removedBy: by, removedAt: at })
    .where(and(eq(motivationLines.id, id), isNull(motivationLines.removedAt)))
    .returning();
  return row ?? null;
}

/** The lines a team's posts used in this round, and the one used last. */
export async function usedLines(db: Db, teamId: number): Promise<{ used: Set<string>; last: string | null }> {
  const rows = await db
    .select()
    .from(motivationUsedLines)
    .where(eq(motivationUsedLines.teamId, teamId))
    .orderBy(desc(motivationUsedLines.usedAt));
  return { used: new Set(rows.map((r) => r.lineKey)), last: rows[0]?.lineKey ?? null };
}

/** Marks a line used; `fresh` starts a new round (the library was used up) with it. */
export async function markUsed(
  db: Db,
  teamId: number,
  lineKey: string,
  at: Date,
  fresh: boolean,
): Promise<void> {
  if (fresh) await db.delete(motivationUsedLines).where(eq(motivationUsedLines.teamId, teamId));
  await db
    .insert(motivationUsedLines)
    .values({ teamId, lineKey, usedAt: at })
    .onConflictDoUpdate({
      target: [motivationUsedLines.teamId, motivationUsedLines.lineKey],
      set: { usedAt: at },
    });
}

/** What a slot of a team did, if it ran before. */
export async function postOfSlot(db: Db, teamId: number, slot: Date): Promise<MotivationPost | null> {
  const [row] = await db
    .select()
    .from(motivationPosts)
    .where(and(eq(motivationPosts.teamId, teamId), eq(motivationPosts.slot, slot)));
  return row ?? null;
}

/**
 * Claims a slot (the first claim wins; a later one, a retry or a duplicate, gets null and reads what the
 * slot did instead).
 */
export async function claimSlot(
  db: Db,
  row: Pick<MotivationPost, "workspaceId" | "teamId" | "slot" | "state" | "lineKey" | "factsAt">,
): Promise<boolean> {
  const claimed = await db.insert(motivationPosts).values(row).onConflictDoNothing().returning();
  return claimed.length > 0;
}

/** Remembers the message a slot's post became. */
export async function savePosted(
  db: Db,
  teamId: number,
  slot: Date,
  post: { channelId: string; ts: string },
): Promise<void> {
  await db
    .update(motivationPosts)
    .set({ state: "posted", channelId: post.channelId, ts: post.ts })
    .where(and(eq(motivationPosts.teamId, teamId), eq(motivationPosts.slot, slot)));
}

/** Slack refused a slot's post for good: true the first time (whoever is told, is told once). */
export async function markFailed(db: Db, teamId: number, slot: Date): Promise<boolean> {
  return settleClaimed(db, teamId, slot, "failed");
}

/** Moves a slot still only claimed to how it ended: true if it was still claimed. */
async function settleClaimed(
  db: Db,
  teamId: number,
  slot: Date,
  state: MotivationPost["state"],
): Promise<boolean> {
  const rows = await db
    .update(motivationPosts)
    .set({ state })
    .where(
      and(
        eq(motivationPosts.teamId, teamId),
        eq(motivationPosts.slot, slot),
        eq(motivationPosts.state, "claimed"),
      ),
    )
    .returning();
  return rows.length > 0;
}

/** When the facts of the team's latest post before a slot were gathered (null: it has had none). */
export async function previousPostAt(db: Db, teamId: number, slot: Date): Promise<Date | null> {
  const [row] = await db
    .select({ factsAt: motivationPosts.factsAt })
    .from(motivationPosts)
    .where(
      and(
        eq(motivationPosts.teamId, teamId),
        lt(motivationPosts.slot, slot),
        eq(motivationPosts.state, "posted"),
        isNotNull(motivationPosts.ts),
      ),
    )
    .orderBy(desc(motivationPosts.slot))
    .limit(1);
  return row?.factsAt ?? null;
}

/** A claimed slot found nothing true to say when it came to post (figures taken back meanwhile). */
export async function markNothing(db: Db, teamId: number, slot: Date): Promise<void> {
  await settleClaimed(db, teamId, slot, "nothing");
}
