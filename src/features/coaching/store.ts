import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import {
  type CoachingAction,
  type CoachingMessage,
  type CoachingPlan,
  type CoachingReview,
  coachingActions,
  coachingDms,
  coachingPlans,
  coachingReviews,
  type PlanOutcome,
  type ReviewProgress,
} from "./schema.js";

/** A plan with its actions (in order) and reviews (by date). */
export interface PlanRecord {
  plan: CoachingPlan;
  actions: string[];
  reviews: CoachingReview[];
}

export interface NewPlan {
  workspaceId: string;
  repId: string;
  teamId: number | null;
  goal: string;
  startedBy: string;
  escalationId: number | null;
  warningId: number | null;
  requestId: string | null;
  actions: string[];
  reviewDates: LocalDate[];
  at: Date;
}

/**
 * Starts a plan with its actions and reviews; null when the rep has an active plan already, or this Slack
 * request started one (both are unique indexes: two submissions at once start one).
 */
export async function insertPlan(db: Db, input: NewPlan): Promise<CoachingPlan | null> {
  const { at, actions, reviewDates, ...fields } = input;
  const [plan] = await db
    .insert(coachingPlans)
    .values({ ...fields, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  if (!plan) return null;
  if (actions.length > 0) {
    await db
      .insert(coachingActions)
      .values(actions.map((text, position) => ({ planId: plan.id, position, text })));
  }
  await db.insert(coachingReviews).values(reviewDates.map((date) => ({ planId: plan.id, date })));
  return plan;
}

export async function findPlan(db: Db, workspaceId: string, id: number): Promise<CoachingPlan | null> {
  const [row] = await db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.workspaceId, workspaceId), eq(coachingPlans.id, id)));
  return row ?? null;
}

export async function planOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<CoachingPlan | null> {
  const [row] = await db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.workspaceId, workspaceId), eq(coachingPlans.requestId, requestId)));
  return row ?? null;
}

/** The rep's active plan, if any (there is at most one). */
export async function activePlanOf(db: Db, workspaceId: string, repId: string): Promise<CoachingPlan | null> {
  const [row] = await db
    .select()
    .from(coachingPlans)
    .where(
      and(
        eq(coachingPlans.workspaceId, workspaceId),
        eq(coachingPlans.repId, repId),
        eq(coachingPlans.status, "active"),
      ),
    );
  return row ?? null;
}

/** A rep's plans, newest first. */
export async function plansOf(db: Db, workspaceId: string, repId: string): Promise<CoachingPlan[]> {
  return db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.workspaceId, workspaceId), eq(coachingPlans.repId, repId)))
    .orderBy(desc(coachingPlans.id))
    .limit(20);
}

/** Active plans of these reps (all the workspace's when `repIds` is null), oldest first. */
export async function activePlans(
  db: Db,
  workspaceId: string,
  repIds: readonly string[] | null,
): Promise<CoachingPlan[]> {
  if (repIds !== null && repIds.length === 0) return [];
  return db
    .select()
    .from(coachingPlans)
    .where(
      and(
        eq(coachingPlans.workspaceId, workspaceId),
        eq(coachingPlans.status, "active"),
        repIds === null ? undefined : inArray(coachingPlans.repId, [...repIds]),
      ),
    )
    .orderBy(asc(coachingPlans.id))
    .limit(50);
}

/** The latest plan linked to an escalation. */
export async function planOfEscalation(
  db: Db,
  workspaceId: string,
  escalationId: number,
): Promise<CoachingPlan | null> {
  const [row] = await db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.workspaceId, workspaceId), eq(coachingPlans.escalationId, escalationId)))
    .orderBy(desc(coachingPlans.id))
    .limit(1);
  return row ?? null;
}

export async function actionsOf(db: Db, planId: number): Promise<CoachingAction[]> {
  return db
    .select()
    .from(coachingActions)
    .where(eq(coachingActions.planId, planId))
    .orderBy(asc(coachingActions.position));
}

export async function reviewsOf(db: Db, planId: number): Promise<CoachingReview[]> {
  return db
    .select()
    .from(coachingReviews)
    .where(eq(coachingReviews.planId, planId))
    .orderBy(asc(coachingReviews.date));
}

export async function planRecord(db: Db, plan: CoachingPlan): Promise<PlanRecord> {
  const [actions, reviews] = await Promise.all([actionsOf(db, plan.id), reviewsOf(db, plan.id)]);
  return { plan, actions: actions.map((a) => a.text), reviews };
}

export async function findReview(db: Db, planId: number, reviewId: number): Promise<CoachingReview | null> {
  const [row] = await db
    .select()
    .from(coachingReviews)
    .where(and(eq(coachingReviews.planId, planId), eq(coachingReviews.id, reviewId)));
  return row ?? null;
}

/** Records a review's progress; null when it was recorded already or its plan is no longer active. */
export async function recordReviewRow(
  db: Db,
  input: { planId: number; reviewId: number; progress: ReviewProgress; note: string; by: string; at: Date },
): Promise<CoachingReview | null> {
  const [row] = await db
    .update(coachingReviews)
    .set({ progress: input.progress, note: input.note, recordedBy: input.by, recordedAt: input.at })
    .where(
      and(
        eq(coachingReviews.id, input.reviewId),
        eq(coachingReviews.planId, input.planId),
        isNull(coachingReviews.progress),
        sql`exists (select 1 from coaching_plans where id = ${input.planId} and status = 'active')`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Closes an active plan with its outcome; null when it was closed already. */
export async function closePlanRow(
  db: Db,
  input: { workspaceId: string; id: number; outcome: PlanOutcome; note: string; by: string; at: Date },
): Promise<CoachingPlan | null> {
  const [row] = await db
    .update(coachingPlans)
    .set({
      status: "closed",
      outcome: input.outcome,
      closingNote: input.note,
      closedBy: input.by,
      closedAt: input.at,
      updatedAt: input.at,
    })
    .where(
      and(
        eq(coachingPlans.workspaceId, input.workspaceId),
        eq(coachingPlans.id, input.id),
        eq(coachingPlans.status, "active"),
      ),
    )
    .returning();
  return row ?? null;
}

/** Marks a review's DMs as owed, once: null when another sweep (or a recording) got there first. */
export async function markNotified(db: Db, reviewId: number, at: Date): Promise<CoachingReview | null> {
  const [row] = await db
    .update(coachingReviews)
    .set({ notifiedAt: at })
    .where(
      and(
        eq(coachingReviews.id, reviewId),
        isNull(coachingReviews.notifiedAt),
        isNull(coachingReviews.progress),
        sql`exists (select 1 from coaching_plans where id = ${coachingReviews.planId} and status = 'active')`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Reviews of active plans, not yet recorded, whose date is `upTo` or earlier, that meet `where`. */
function reviewsUpTo(db: Db, upTo: LocalDate, where: SQL | undefined) {
  return db
    .select({ review: coachingReviews, plan: coachingPlans })
    .from(coachingReviews)
    .innerJoin(coachingPlans, eq(coachingPlans.id, coachingReviews.planId))
    .where(
      and(
        isNull(coachingReviews.progress),
        eq(coachingPlans.status, "active"),
        sql`${coachingReviews.date} <= ${upTo}::date`,
        where,
      ),
    );
}

/** Reviews not yet told of whose date has come somewhere in the world, of active plans. */
export async function waitingReviews(
  db: Db,
  upTo: LocalDate,
): Promise<{ review: CoachingReview; plan: CoachingPlan }[]> {
  return reviewsUpTo(db, upTo, isNull(coachingReviews.notifiedAt))
    .orderBy(asc(coachingReviews.id))
    .limit(500);
}

export async function saveCoachingMessage(db: Db, message: CoachingMessage): Promise<void> {
  await db.insert(coachingDms).values(message).onConflictDoNothing();
}

export async function coachingDmsOf(db: Db, planId: number): Promise<CoachingMessage[]> {
  return db
    .select()
    .from(coachingDms)
    .where(eq(coachingDms.planId, planId))
    .orderBy(asc(coachingDms.userId), asc(coachingDms.key));
}

/** Reviews of active plans about these reps whose date is `upTo` or earlier and not yet recorded. */
export async function reviewsDue(
  db: Db,
  workspaceId: string,
  repIds: readonly string[],
  upTo: LocalDate,
): Promise<{ review: CoachingReview; plan: CoachingPlan }[]> {
  if (repIds.length === 0) return [];
  return reviewsUpTo(
    db,
    upTo,
    and(eq(coachingPlans.workspaceId, workspaceId), inArray(coachingPlans.repId, [...repIds])),
  )
    .orderBy(asc(coachingReviews.date), asc(coachingReviews.id))
    .limit(200);
}

/** Which of some reps have an active coaching plan (a rep has one at most). */
export async function repsWithActivePlans(
  db: Db,
  workspaceId: string,
  repIds: readonly string[],
): Promise<Set<string>> {
  if (repIds.length === 0) return new Set();
  const rows = await db
    .select({ repId: coachingPlans.repId })
    .from(coachingPlans)
    .where(
      and(
        eq(coachingPlans.workspaceId, workspaceId),
        inArray(coachingPlans.repId, [...repIds]),
        eq(coachingPlans.status, "active"),
      ),
    );
  return new Set(rows.map((row) => row.repId));
}
