import { refusalFor } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { type Problem, problemsOf, UserError } from "../../platform/errors.js";
import { escapeMrkdwn, translatorFor } from "../../platform/slack/index.js";
import { type LocalDate, localDate } from "../../platform/time/index.js";
import {
  type Escalation,
  escalationsAbout,
  findEscalation,
  handledEscalation,
  showEscalation,
} from "../escalations/index.js";
import { findTeam, repTeamOf, type TeamWithMembers, teamToday } from "../team/index.js";
import { findWarning, showWarning } from "../warnings/index.js";
import { type CoachingMessages, coachingMessages } from "./messages.js";
import {
  MAX_ACTIONS,
  MAX_GOAL_LENGTH,
  nextOpenReview,
  parseActions,
  REVIEW_FIELDS,
  validateReviewDates,
} from "./rules.js";
import type { CoachingPlan, CoachingReview, PlanOutcome, ReviewProgress } from "./schema.js";
import {
  activePlanOf,
  activePlans,
  closePlanRow,
  findPlan,
  findReview,
  insertPlan,
  type PlanRecord,
  planOfRequest,
  planRecord,
  plansOf,
  recordReviewRow,
  reviewsOf,
} from "./store.js";

const { error, problem } = problemsOf<CoachingMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "coaching.start": true;
    "coaching.review": true;
    "coaching.close": true;
    "coaching.view": true;
  }
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /**
     * Puts a plan in front of the rep and their coaches, the review-day DMs of reviews marked notified, and
     * tells the rep of progress and closing; or brings every such DM up to date. One at a time per plan,
     * so each DM is posted once and then only updated.
     */
    "coaching.show": { workspaceId: string; planId: number };
    /** Every hour: the reviews whose day has come, marked notified once each, their DMs queued. */
    "coaching.review.sweep": { slot: string };
  }
}

/** The plan form's block ids (each input's action id is "value"). */
export const PLAN_FIELD = {
  rep: "rep",
  goal: "goal",
  actions: "actions",
  escalation: "escalation",
} as const;

export const RECORD_FIELD = { progress: "progress", note: "note" } as const;
export const CLOSE_FIELD = { outcome: "outcome", note: "note" } as const;

/** Where a plan comes from: a rep named in `/coach @rep`, an escalation's DM, a warning's DM. */
export interface PlanSource {
  repId?: string;
  escalationId?: number;
  warningId?: number;
}

/** What the plan form shows. */
export interface PlanForm {
  repId: string | null;
  escalationId: number | null;
  warningId: number | null;
  /** The rep's escalations still being handled, to link the plan to. */
  escalations: Escalation[];
  today: LocalDate;
}

export interface PlanInput {
  repId: string | null;
  goal: string;
  actions: string;
  reviewDates: (LocalDate | null)[];
  escalationId: number | null;
  warningId: number | null;
}

export type Started =
  | { ok: true; plan: CoachingPlan; coaches: string[] }
  | { ok: false; errors: Record<string, Problem> };

/** The rep's team and its members, when the rep is in one. */
async function teamOfRep(
  deps: Pick<Deps, "db">,
  workspaceId: string,
  repId: string,
): Promise<TeamWithMembers | null> {
  const team = await repTeamOf(deps.db, workspaceId, repId);
  return team ? await findTeam(deps.db, workspaceId, team.id) : null;
}

/** Today where the rep works (their team's zone; UTC for a rep in no team). */
function todayOf(deps: Pick<Deps, "clock">, team: TeamWithMembers | null): LocalDate {
  return team ? teamToday(team.team, deps.clock) : localDate(deps.clock.now(), "UTC");
}

/** The refusal to act on a rep's conduct (start, review or close a plan), or null when this person may. */
async function coachRefusal(
  ctx: RequestContext,
  repId: string,
  team: TeamWithMembers | null,
  starting = false,
): Promise<UserError | null> {
  if (starting && repId === ctx.userId) return error("coaching.error.self");
  return refusalFor(
    ctx.deps,
    await ctx.actor(),
    { type: "rep.discipline", repId, repTeamId: team?.team.id ?? null },
    team ? { team: { name: team.team.name, supervisorIds: team.supervisorIds } } : {},
  );
}

/** How the person asking reads dates and times: their Slack locale, in the rep's team's zone. */
async function readerDate(
  ctx: RequestContext,
  at: Date,
  zone: string,
  style: "date" | "dateTime",
): Promise<string> {
  const t = await translatorFor({ users: ctx.users, log: ctx.deps.log }, coachingMessages, ctx.userId);
  return t.date(at, zone, style);
}

async function alreadyActive(ctx: RequestContext, plan: CoachingPlan): Promise<UserError> {
  const team = await teamOfRep(ctx.deps, plan.workspaceId, plan.repId);
  return error("coaching.already.active", {
    rep: plan.repId,
    goal: escapeMrkdwn(plan.goal),
    by: plan.startedBy,
    startedOn: await readerDate(ctx, plan.createdAt, team?.team.timeZone ?? "UTC", "date"),
  });
}

/**
 * Who coaches a plan: the supervisors of the rep's team now; for a rep in no team (or a team without
 * supervisors), whoever started it. Never the rep.
 */
export async function coachesOf(deps: Pick<Deps, "db">, plan: CoachingPlan): Promise<string[]> {
  const team = await teamOfRep(deps, plan.workspaceId, plan.repId);
  const supervisors = (team?.supervisorIds ?? []).filter((id) => id !== plan.repId);
  if (supervisors.length > 0) return supervisors;
  return plan.startedBy === plan.repId ? [] : [plan.startedBy];
}

/**
 * What the plan form opens with, for someone who may start a plan for that rep: the rep's escalations to
 * link, and the day it is for them. Refused politely (saying who may) for anyone else, and when the rep
 * has an active plan already (pointing at it). Opened with no rep: for supervisors, executives and admins.
 */
export async function planForm(ctx: RequestContext, from: PlanSource): Promise<PlanForm> {
  const { deps } = ctx;
  let repId = from.repId ?? null;
  let escalationId: number | null = null;
  // A plan from a warning is about that warning's rep; a warning that is gone (or not this workspace's) is not linked.
  const warning =
    from.warningId === undefined ? null : await findWarning(deps.db, ctx.workspaceId, from.warningId);
  if (warning) repId = warning.repId;
  if (from.escalationId !== undefined) {
    const escalation = await handledEscalation(ctx, from.escalationId);
    if (escalation.status === "resolved") throw error("coaching.error.escalationOther");
    repId = escalation.repId;
    escalationId = escalation.id;
  }
  // A button naming an escalation about one rep and a warning of another links the warning to nothing.
  const warningId = warning && warning.repId === repId ? warning.id : null;
  if (!repId) {
    const actor = await ctx.actor();
    if (!(actor.admin || actor.executive || actor.supervises.length > 0)) {
      throw error("access.refused.repSupervisors", { team: "", supervisors: [] });
    }
    return {
      repId: null,
      escalationId: null,
      warningId,
      escalations: [],
      today: todayOf(deps, null),
    };
  }
  const team = await teamOfRep(deps, ctx.workspaceId, repId);
  const refusal = await coachRefusal(ctx, repId, team, true);
  if (refusal) throw refusal;
  const active = await activePlanOf(deps.db, ctx.workspaceId, repId);
  if (active) throw await alreadyActive(ctx, active);
  return {
    repId,
    escalationId,
    warningId,
    escalations: await escalationsAbout(deps.db, ctx.workspaceId, repId),
    today: todayOf(deps, team),
  };
}

const asProblem = (e: UserError): Problem => ({ key: e.key, params: e.params as Record<string, unknown> });

/**
 * Starts a plan, once: checked field by field (problems on their fields), refused for anyone who may not
 * coach the rep, and when the rep has an active plan. Audited; the DMs (and a linked escalation's update)
 * queued in the same transaction. A replayed submission answers as the first.
 */
export async function startPlan(ctx: RequestContext, input: PlanInput): Promise<Started> {
  const { deps } = ctx;
  if (ctx.requestId) {
    const earlier = await planOfRequest(deps.db, ctx.workspaceId, ctx.requestId);
    if (earlier) return { ok: true, plan: earlier, coaches: await coachesOf(deps, earlier) };
  }
  const errors: Record<string, Problem> = {};
  const repId = input.repId;
  let team: TeamWithMembers | null = null;
  if (!repId) errors[PLAN_FIELD.rep] = problem("coaching.error.repMissing");
  else {
    const rep = await ctx.users.get(repId);
    if (!rep || rep.isBot || rep.deleted) errors[PLAN_FIELD.rep] = problem("coaching.error.notAPerson");
    else {
      team = await teamOfRep(deps, ctx.workspaceId, repId);
      const refusal = await coachRefusal(ctx, repId, team, true);
      if (refusal) errors[PLAN_FIELD.rep] = asProblem(refusal);
      else {
        const active = await activePlanOf(deps.db, ctx.workspaceId, repId);
        if (active) errors[PLAN_FIELD.rep] = asProblem(await alreadyActive(ctx, active));
      }
    }
  }
  const goal = input.goal.trim();
  if (!goal) errors[PLAN_FIELD.goal] = problem("coaching.error.goalMissing");
  else if (goal.length > MAX_GOAL_LENGTH)
    errors[PLAN_FIELD.goal] = problem("coaching.error.goalLong", { max: MAX_GOAL_LENGTH });
  const actions = parseActions(input.actions);
  if (actions.length > MAX_ACTIONS)
    errors[PLAN_FIELD.actions] = problem("coaching.error.actionsTooMany", { max: MAX_ACTIONS });
  const dates = validateReviewDates(input.reviewDates, todayOf(deps, team));
  if (!dates.ok) Object.assign(errors, dates.errors);
  if (input.escalationId !== null && repId && !errors[PLAN_FIELD.rep]) {
    const escalation = await findEscalation(deps.db, ctx.workspaceId, input.escalationId);
    if (!escalation || escalation.repId !== repId || escalation.status === "resolved") {
      errors[PLAN_FIELD.escalation] = problem("coaching.error.escalationOther");
    } else {
      try {
        await handledEscalation(ctx, escalation.id);
      } catch (caught) {
        if (!(caught instanceof UserError)) throw caught;
        errors[PLAN_FIELD.escalation] = asProblem(caught);
      }
    }
  }
  if (Object.keys(errors).length > 0 || !repId || !dates.ok) return { ok: false, errors };
  // The warning the form was opened from (its private_metadata, which a client can rewrite) is linked only
  // when it is this workspace's warning about this rep: the rep may have been changed in the form.
  const warning =
    input.warningId === null ? null : await findWarning(deps.db, ctx.workspaceId, input.warningId);
  const warningId = warning && warning.repId === repId ? warning.id : null;

  const at = deps.clock.now();
  const started = await deps.db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      workspaceId: ctx.workspaceId,
      repId,
      teamId: team?.team.id ?? null,
      goal,
      startedBy: ctx.userId,
      escalationId: input.escalationId,
      warningId,
      requestId: ctx.requestId,
      actions,
      reviewDates: dates.dates,
      at,
    });
    if (!plan) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "coaching.start",
      subject: { type: "coachingPlan", id: plan.id },
      after: {
        repId,
        teamId: plan.teamId,
        goal,
        actions,
        reviews: dates.dates,
        escalationId: plan.escalationId,
        warningId: plan.warningId,
      },
      at,
    });
    await show(deps, tx, plan);
    // The warning it came from no longer offers to start one.
    if (plan.warningId !== null)
      await showWarning(deps, tx, { workspaceId: plan.workspaceId, id: plan.warningId });
    return plan;
  });
  if (started) return { ok: true, plan: started, coaches: await coachesOf(deps, started) };
  // Started meanwhile: by this same request (two deliveries at once), or another plan for the rep.
  const again = ctx.requestId ? await planOfRequest(deps.db, ctx.workspaceId, ctx.requestId) : null;
  if (again) return { ok: true, plan: again, coaches: await coachesOf(deps, again) };
  const active = await activePlanOf(deps.db, ctx.workspaceId, repId);
  if (active) return { ok: false, errors: { [PLAN_FIELD.rep]: asProblem(await alreadyActive(ctx, active)) } };
  throw new Error("a coaching plan was neither started nor found");
}

/**
 * Queues the serial job that posts or updates every DM about a plan, and, for a plan linked to an
 * escalation, the one that updates the escalation's DMs; call it in the transaction that changed it.
 */
export async function show(
  deps: Pick<Deps, "jobs">,
  tx: Db,
  plan: Pick<CoachingPlan, "workspaceId" | "id" | "escalationId">,
): Promise<void> {
  await deps.jobs.send(
    "coaching.show",
    { workspaceId: plan.workspaceId, planId: plan.id },
    { tx, key: String(plan.id) },
  );
  if (plan.escalationId !== null) {
    await showEscalation(deps, tx, { workspaceId: plan.workspaceId, id: plan.escalationId });
  }
}

/** A plan this person may act on (review, close); the polite refusal otherwise, naming who may. */
async function actablePlan(ctx: RequestContext, planId: number): Promise<CoachingPlan> {
  const plan = await findPlan(ctx.deps.db, ctx.workspaceId, planId);
  if (!plan) throw error("coaching.gone");
  const team = await teamOfRep(ctx.deps, ctx.workspaceId, plan.repId);
  const refusal = await coachRefusal(ctx, plan.repId, team);
  if (refusal) throw refusal;
  return plan;
}

function closedError(plan: CoachingPlan): UserError {
  return error("coaching.already.closed", { by: plan.closedBy ?? "" });
}

async function recordedError(
  ctx: RequestContext,
  plan: CoachingPlan,
  review: CoachingReview,
): Promise<UserError> {
  const team = await teamOfRep(ctx.deps, plan.workspaceId, plan.repId);
  return error("coaching.already.recorded", {
    by: review.recordedBy ?? "",
    recordedAt: await readerDate(
      ctx,
      review.recordedAt ?? new Date(0),
      team?.team.timeZone ?? "UTC",
      "dateTime",
    ),
  });
}

/**
 * The review "Record progress" records, for its form: the one named (from a review-day DM), or the plan's
 * next open review (from the plan's DM, also before its date). Refused, or told what already happened.
 */
export async function recordable(
  ctx: RequestContext,
  planId: number,
  reviewId: number | null,
): Promise<{ plan: CoachingPlan; review: CoachingReview }> {
  const plan = await actablePlan(ctx, planId);
  if (plan.status === "closed") throw closedError(plan);
  const review =
    reviewId === null
      ? nextOpenReview(await reviewsOf(ctx.deps.db, plan.id))
      : await findReview(ctx.deps.db, plan.id, reviewId);
  if (!review) throw error(reviewId === null ? "coaching.record.none" : "coaching.gone");
  if (review.progress !== null) throw await recordedError(ctx, plan, review);
  return { plan, review };
}

/**
 * Records a review's progress with a note. Guarded (only an unrecorded review of an active plan), so a
 * double submit records once and the second is told who recorded it and when. Audited; the rep told and
 * the plan's DMs (and a linked escalation's) updated through jobs queued in the same transaction.
 */
export async function recordProgress(
  ctx: RequestContext,
  input: { planId: number; reviewId: number; progress: ReviewProgress; note: string },
): Promise<{ plan: CoachingPlan; review: CoachingReview }> {
  const { deps } = ctx;
  const plan = await actablePlan(ctx, input.planId);
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const review = await recordReviewRow(tx, { ...input, by: ctx.userId, at });
    if (!review) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "coaching.review",
      subject: { type: "coachingPlan", id: plan.id },
      before: { reviewId: review.id, date: review.date, progress: null },
      after: { reviewId: review.id, date: review.date, progress: input.progress, note: input.note },
      at,
    });
    await show(deps, tx, plan);
    return review;
  });
  if (done) return { plan, review: done };
  const now = await findPlan(deps.db, ctx.workspaceId, plan.id);
  if (!now) throw error("coaching.gone");
  const review = await findReview(deps.db, plan.id, input.reviewId);
  if (review?.progress) throw await recordedError(ctx, now, review);
  if (now.status === "closed") throw closedError(now);
  throw error("coaching.gone");
}

/** A plan this person may close now (for the close form); the polite reason otherwise. */
export async function closable(ctx: RequestContext, planId: number): Promise<CoachingPlan> {
  const plan = await actablePlan(ctx, planId);
  if (plan.status === "closed") throw closedError(plan);
  return plan;
}

/**
 * Closes an active plan with an outcome and a note. Guarded (a closed plan is told, not closed twice);
 * audited; its remaining reviews are no longer reminded of; the rep told and every DM updated.
 */
export async function closePlan(
  ctx: RequestContext,
  input: { planId: number; outcome: PlanOutcome; note: string },
): Promise<CoachingPlan> {
  const { deps } = ctx;
  const before = await closable(ctx, input.planId);
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const row = await closePlanRow(tx, {
      workspaceId: ctx.workspaceId,
      id: before.id,
      outcome: input.outcome,
      note: input.note,
      by: ctx.userId,
      at,
    });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "coaching.close",
      subject: { type: "coachingPlan", id: row.id },
      before: { status: "active" },
      after: { status: "closed", outcome: input.outcome, note: input.note },
      at,
    });
    await show(deps, tx, row);
    return row;
  });
  if (done) return done;
  const now = await findPlan(deps.db, ctx.workspaceId, before.id);
  if (!now) throw error("coaching.gone");
  throw closedError(now);
}

/** A rep's plans as someone allowed to see them reads them: the active one first, then earlier ones. */
export interface RepPlans {
  repId: string;
  active: PlanRecord | null;
  closed: CoachingPlan[];
  timeZone: string;
}

/**
 * A rep's plans, for the rep, their supervisors, executives and admins; refused (saying who may) for
 * anyone else, another team's supervisor too. Reading another person's plans is audited.
 */
export async function repPlans(ctx: RequestContext, repId: string): Promise<RepPlans> {
  const { deps } = ctx;
  const team = await teamOfRep(deps, ctx.workspaceId, repId);
  const refusal = await refusalFor(
    deps,
    await ctx.actor(),
    { type: "rep.record.view", repId, repTeamId: team?.team.id ?? null },
    team ? { team: { name: team.team.name, supervisorIds: team.supervisorIds } } : {},
  );
  if (refusal) throw refusal;
  const plans = await plansOf(deps.db, ctx.workspaceId, repId);
  if (repId !== ctx.userId) {
    await recordAudit(deps.db, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "coaching.view",
      subject: { type: "rep", id: repId },
      after: { plans: plans.map((p) => p.id) },
      at: deps.clock.now(),
    });
  }
  const active = plans.find((p) => p.status === "active");
  return {
    repId,
    active: active ? await planRecord(deps.db, active) : null,
    closed: plans.filter((p) => p.status === "closed"),
    timeZone: team?.team.timeZone ?? "UTC",
  };
}

/**
 * The active plans a supervisor's teams have (every team's, for executives and admins), with their
 * reviews; anyone else is refused.
 */
export async function plansToCoach(ctx: RequestContext): Promise<PlanRecord[]> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  let repIds: string[] | null = null;
  if (!(actor.admin || actor.executive)) {
    if (actor.supervises.length === 0) {
      throw error("access.refused.repSupervisors", { team: "", supervisors: [] });
    }
    const teams = await Promise.all(actor.supervises.map((id) => findTeam(deps.db, ctx.workspaceId, id)));
    repIds = teams.flatMap((team) => team?.repIds ?? []);
  }
  const plans = await activePlans(deps.db, ctx.workspaceId, repIds);
  return Promise.all(plans.map((plan) => planRecord(deps.db, plan)));
}

export { REVIEW_FIELDS };
