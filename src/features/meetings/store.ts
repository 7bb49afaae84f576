import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { type Meeting, type MeetingKind, meetingPosts, meetingReminders, meetings } from "./schema.js";

/** What a meeting is made of, as the form gives it checked. */
export interface MeetingFields {
  kind: MeetingKind;
  title: string;
  repId: string | null;
  days: number[] | null;
  time: string | null;
  cron: string | null;
  timeZone: string;
  channelId: string | null;
  agenda: string;
  offsets: number[];
}

/** Adds a meeting; null when this Slack request added one already (a replayed submission). */
export async function insertMeeting(
  db: Db,
  input: MeetingFields & {
    workspaceId: string;
    teamId: number;
    createdBy: string;
    requestId: string | null;
    at: Date;
  },
): Promise<Meeting | null> {
  const { at, ...fields } = input;
  const [row] = await db
    .insert(meetings)
    .values({ ...fields, scheduledAt: at, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function meetingOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<Meeting | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.workspaceId, workspaceId), eq(meetings.requestId, requestId)));
  return row ?? null;
}

export async function findMeeting(db: Db, workspaceId: string, id: number): Promise<Meeting | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.workspaceId, workspaceId), eq(meetings.id, id)));
  return row ?? null;
}

export async function meetingsOfTeam(db: Db, workspaceId: string, teamId: number): Promise<Meeting[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.workspaceId, workspaceId), eq(meetings.teamId, teamId)))
    .orderBy(asc(meetings.id));
}

export async function activeMeetings(db: Db): Promise<Meeting[]> {
  return db.select().from(meetings).where(eq(meetings.status, "active")).orderBy(asc(meetings.id));
}

/** Changes a meeting as it was read (guarded on its version): null when someone changed it meanwhile. */
export async function updateMeeting(
  db: Db,
  id: number,
  version: number,
  fields: MeetingFields,
  at: Date,
): Promise<Meeting | null> {
  const [row] = await db
    .update(meetings)
    .set({ ...fields, scheduledAt: at, updatedAt: at, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  return row ?? null;
}

/** Pauses or resumes a meeting, only from the other state: null when it was so already. */
export async function setMeetingStatus(
  db: Db,
  id: number,
  status: "active" | "paused",
  at: Date,
): Promise<Meeting | null> {
  const [row] = await db
    .update(meetings)
    .set({
      status,
      updatedAt: at,
      version: sql`${meetings.version} + 1`,
      ...(status === "active" ? { scheduledAt: at } : {}),
    })
    .where(and(eq(meetings.id, id), eq(meetings.status, status === "active" ? "paused" : "active")))
    .returning();
  return row ?? null;
}

export async function deleteMeeting(db: Db, workspaceId: string, id: number): Promise<Meeting | null> {
  const [row] = await db
    .delete(meetings)
    .where(and(eq(meetings.workspaceId, workspaceId), eq(meetings.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Claims the reminders of one occurrence: the one to post and the earlier ones skipped. True when this
 * call claimed the one to post (another sweep did not first).
 */
export async function claimReminder(
  db: Db,
  meetingId: number,
  occurrence: Date,
  offset: number,
  skipped: readonly number[],
  at: Date,
): Promise<boolean> {
  const rows = await db
    .insert(meetingReminders)
    .values([
      { meetingId, occurrence, offsetMinutes: offset, posted: true, claimedAt: at },
      ...skipped.map((o) => ({ meetingId, occurrence, offsetMinutes: o, posted: false, claimedAt: at })),
    ])
    .onConflictDoNothing()
    .returning({ offset: meetingReminders.offsetMinutes });
  return rows.some((r) => r.offset === offset);
}

/** Whether a reminder of this occurrence was posted before (the first one carries an executive's review DM). */
export async function postedBefore(
  db: Db,
  meetingId: number,
  occurrence: Date,
  offset: number,
): Promise<boolean> {
  const rows = await db
    .select({ offset: meetingReminders.offsetMinutes })
    .from(meetingReminders)
    .where(
      and(
        eq(meetingReminders.meetingId, meetingId),
        eq(meetingReminders.occurrence, occurrence),
        eq(meetingReminders.posted, true),
      ),
    );
  return rows.some((r) => r.offset > offset);
}

export async function postOf(
  db: Db,
  key: { meetingId: number; occurrence: Date; offsetMinutes: number; recipient: string },
): Promise<boolean> {
  const rows = await db
    .select({ ts: meetingPosts.ts })
    .from(meetingPosts)
    .where(
      and(
        eq(meetingPosts.meetingId, key.meetingId),
        eq(meetingPosts.occurrence, key.occurrence),
        eq(meetingPosts.offsetMinutes, key.offsetMinutes),
        eq(meetingPosts.recipient, key.recipient),
      ),
    );
  return rows.length > 0;
}

export async function savePost(
  db: Db,
  post: {
    meetingId: number;
    occurrence: Date;
    offsetMinutes: number;
    recipient: string;
    channelId: string;
    ts: string;
  },
): Promise<void> {
  await db.insert(meetingPosts).values(post).onConflictDoNothing();
}
