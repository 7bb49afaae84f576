import { and, asc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { type Standup, type StandupAnswer, standupAnswers, standupPosts, standups } from "./schema.js";

export type NewStandup = Omit<typeof standups.$inferInsert, "id" | "closedAt">;

/** The team's standup of a day, made by the first caller; every later caller (a retry) gets the same one. */
export async function openStandupRow(db: Db, values: NewStandup): Promise<Standup> {
  await db.insert(standups).values(values).onConflictDoNothing();
  const found = await standupOfDay(db, values.workspaceId, values.teamId, values.day);
  if (!found) throw new Error(`the standup of team ${values.teamId} on ${values.day} vanished`);
  return found;
}

export async function standupOfDay(
  db: Db,
  workspaceId: string,
  teamId: number,
  day: LocalDate,
): Promise<Standup | null> {
  const [row] = await db
    .select()
    .from(standups)
    .where(and(eq(standups.workspaceId, workspaceId), eq(standups.teamId, teamId), eq(standups.day, day)));
  return row ?? null;
}

export async function findStandup(db: Db, workspaceId: string, id: number): Promise<Standup | null> {
  const [row] = await db
    .select()
    .from(standups)
    .where(and(eq(standups.workspaceId, workspaceId), eq(standups.id, id)));
  return row ?? null;
}

/** The standup, locked until the transaction ends: an answer and the close wait for each other. */
export async function lockStandup(db: Db, workspaceId: string, id: number): Promise<Standup | null> {
  const [row] = await db
    .select()
    .from(standups)
    .where(and(eq(standups.workspaceId, workspaceId), eq(standups.id, id)))
    .for("update");
  return row ?? null;
}

/** Fixes what the summary holds (once): the standup as it is after, and whether this call closed it. */
export async function closeStandupRow(db: Db, id: number, at: Date): Promise<Standup | null> {
  const [closed] = await db
    .update(standups)
    .set({ closedAt: at })
    .where(and(eq(standups.id, id), isNull(standups.closedAt)))
    .returning();
  if (closed) return closed;
  const [row] = await db.select().from(standups).where(eq(standups.id, id));
  return row ?? null;
}

export async function answersOf(db: Db, standupId: number): Promise<StandupAnswer[]> {
  return db
    .select()
    .from(standupAnswers)
    .where(eq(standupAnswers.standupId, standupId))
    .orderBy(asc(standupAnswers.answeredAt), asc(standupAnswers.repId));
}

export async function answerOf(db: Db, standupId: number, repId: string): Promise<StandupAnswer | null> {
  const [row] = await db
    .select()
    .from(standupAnswers)
    .where(and(eq(standupAnswers.standupId, standupId), eq(standupAnswers.repId, repId)));
  return row ?? null;
}

export interface AnswerText {
  wins: string;
  plan: string;
  blockers: string;
}

/** A rep's first answer. */
export async function insertAnswer(
  db: Db,
  key: { standupId: number; repId: string },
  text: AnswerText,
  fields: { late: boolean; afterSummary: boolean; at: Date },
): Promise<StandupAnswer> {
  const [row] = await db
    .insert(standupAnswers)
    .values({
      ...key,
      ...text,
      late: fields.late,
      afterSummary: fields.afterSummary,
      answeredAt: fields.at,
      updatedAt: fields.at,
    })
    .returning();
  if (!row) throw new Error("the standup answer was not saved");
  return row;
}

/** A rep's answer changed (the caller holds the standup's lock). */
export async function updateAnswer(
  db: Db,
  before: StandupAnswer,
  text: AnswerText,
  at: Date,
): Promise<StandupAnswer> {
  const [row] = await db
    .update(standupAnswers)
    .set({ ...text, version: before.version + 1, updatedAt: at })
    .where(and(eq(standupAnswers.standupId, before.standupId), eq(standupAnswers.repId, before.repId)))
    .returning();
  if (!row) throw new Error("the standup answer vanished");
  return row;
}

export interface StandupPost {
  channelId: string;
  ts: string;
}

/** A message the standup posted under `key`, if it did. */
export async function postOf(db: Db, standupId: number, key: string): Promise<StandupPost | null> {
  const [row] = await db
    .select({ channelId: standupPosts.channelId, ts: standupPosts.ts })
    .from(standupPosts)
    .where(and(eq(standupPosts.standupId, standupId), eq(standupPosts.key, key)));
  return row ?? null;
}

/** Remembers a message just posted under `key` (the first one stays, should two ever race). */
export async function savePost(
  db: Db,
  standupId: number,
  key: string,
  post: StandupPost & { at: Date },
): Promise<void> {
  await db
    .insert(standupPosts)
    .values({ standupId, key, channelId: post.channelId, ts: post.ts, postedAt: post.at })
    .onConflictDoNothing();
}

/** The team's standups still taking answers (not summed up) that this rep has not answered. */
export async function unansweredStandups(
  db: Db,
  workspaceId: string,
  teamId: number,
  repId: string,
): Promise<Standup[]> {
  return db
    .select()
    .from(standups)
    .where(
      and(
        eq(standups.workspaceId, workspaceId),
        eq(standups.teamId, teamId),
        isNull(standups.closedAt),
        sql`not exists (select 1 from standup_answers a where a.standup_id = ${standups.id} and a.rep_id = ${repId})`,
      ),
    )
    .orderBy(asc(standups.day));
}

/** A team's standups in a range of days and who answered each: what a report counts as asked and answered. */
export interface StandupRecord {
  days: { id: number; day: LocalDate }[];
  answers: { standupId: number; repId: string }[];
}

/** A team's standups from `start` to `end` (both included) and their answers, in two short statements. */
export async function standupRecord(
  db: Db,
  teamId: number,
  range: { start: LocalDate; end: LocalDate },
): Promise<StandupRecord> {
  const days = await db
    .select({ id: standups.id, day: standups.day })
    .from(standups)
    .where(and(eq(standups.teamId, teamId), gte(standups.day, range.start), lte(standups.day, range.end)))
    .orderBy(asc(standups.day));
  if (days.length === 0) return { days, answers: [] };
  const answers = await db
    .select({ standupId: standupAnswers.standupId, repId: standupAnswers.repId })
    .from(standupAnswers)
    .innerJoin(standups, eq(standups.id, standupAnswers.standupId))
    .where(and(eq(standups.teamId, teamId), gte(standups.day, range.start), lte(standups.day, range.end)));
  return { days, answers };
}
