import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import { showDms, translatorFor } from "../../platform/slack/index.js";
import { addDays, type LocalDate, localDate, wallHour } from "../../platform/time/index.js";
import { findTeam, repTeamOf, type TeamWithMembers, workCalendarOf } from "../team/index.js";
import { coachingMessages } from "./messages.js";
import { reviewDueNow } from "./rules.js";
import { coachesOf } from "./service.js";
import {
  coachingDmsOf,
  findPlan,
  markNotified,
  planRecord,
  saveCoachingMessage,
  waitingReviews,
} from "./store.js";
import { closedMessage, coachMessage, dueMessage, progressMessage, repMessage } from "./views.js";

/** The DMs plans owe people, and the hourly sweep that finds the reviews whose day has come. */
export function registerCoachingJobs(deps: Deps): void {
  deps.jobs.define(
    "coaching.show",
    z.object({ workspaceId: z.string(), planId: z.number().int() }),
    ({ workspaceId, planId }) => showPlan(deps, workspaceId, planId),
    { policy: "serial" },
  );
  deps.jobs.define("coaching.review.sweep", z.object({ slot: z.string() }), () => sweepReviews(deps));
  deps.schedules.plan("coaching.review.sweep", "all", { cron: "7 * * * *", timeZone: "UTC" }, (slot) => ({
    slot: slot.toISOString(),
  }));
}

async function teamOf(deps: Deps, workspaceId: string, repId: string): Promise<TeamWithMembers | null> {
  const team = await repTeamOf(deps.db, workspaceId, repId);
  return team ? await findTeam(deps.db, workspaceId, team.id) : null;
}

/**
 * Finds the reviews whose day has come for their rep's team, in the team's working hours on a working day
 * (a review on a weekend or holiday waits for the next working morning), and marks each notified with a
 * guarded update in the transaction that queues its DMs: several sweeps at once (several instances) DM once.
 */
export async function sweepReviews(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  // No zone is more than a day ahead of UTC: nothing due anywhere lies beyond tomorrow in UTC.
  const waiting = await waitingReviews(deps.db, addDays(localDate(now, "UTC"), 1));
  const teams = new Map<string, TeamWithMembers | null>();
  for (const { review, plan } of waiting) {
    const key = `${plan.workspaceId}:${plan.repId}`;
    if (!teams.has(key)) teams.set(key, await teamOf(deps, plan.workspaceId, plan.repId));
    const team = teams.get(key) ?? null;
    const zone = team?.team.timeZone ?? "UTC";
    const calendar = team ? workCalendarOf(team.team) : null;
    if (!reviewDueNow(calendar, review.date, localDate(now, zone), wallHour(now, zone))) continue;
    await deps.db.transaction(async (tx) => {
      const marked = await markNotified(tx, review.id, now);
      if (!marked) return;
      await deps.jobs.send(
        "coaching.show",
        { workspaceId: plan.workspaceId, planId: plan.id },
        { tx, key: String(plan.id) },
      );
    });
  }
}

type Owed = { userId: string; key: string };

/**
 * Every DM about a plan as it is now. Who has one gets it updated (the plan, a review-day DM); what is owed
 * and not yet posted is posted and remembered at once, so a retry never posts twice: the plan to the rep
 * and the coaches, a review's day to both, its progress and the closing to the rep.
 */
async function showPlan(deps: Deps, workspaceId: string, planId: number): Promise<void> {
  const plan = await findPlan(deps.db, workspaceId, planId);
  if (!plan) return;
  const record = await planRecord(deps.db, plan);
  const team = await teamOf(deps, workspaceId, plan.repId);
  const zone = team?.team.timeZone ?? "UTC";
  const coaches = await coachesOf(deps, plan);
  const slack = inWorkspace(deps, workspaceId);
  const sent = await coachingDmsOf(deps.db, plan.id);
  const reviewOf = (key: string) => record.reviews.find((r) => key.endsWith(`:${r.id}`));
  const notifiedOn = (at: Date | null): LocalDate => localDate(at ?? deps.clock.now(), zone);

  const render = async (userId: string, key: string) => {
    const t = await translatorFor(slack, coachingMessages, userId, team?.team.locale ?? "en");
    const role = userId === plan.repId ? "rep" : "coach";
    if (key === "plan")
      return role === "rep" ? repMessage(t, record, coaches, zone) : coachMessage(t, record, zone);
    if (key === "closed") return closedMessage(t, plan);
    const review = reviewOf(key);
    if (!review) return null;
    if (key.startsWith("progress:")) return progressMessage(t, review);
    return dueMessage(t, plan, review, role, coaches, notifiedOn(review.notifiedAt));
  };

  const everyone = [plan.repId, ...coaches];
  const owed: Owed[] = [];
  if (plan.status === "active") owed.push(...everyone.map((userId) => ({ userId, key: "plan" })));
  for (const review of record.reviews) {
    if (review.notifiedAt && !review.progress && plan.status === "active") {
      owed.push(...everyone.map((userId) => ({ userId, key: `due:${review.id}` })));
    }
    if (review.progress) owed.push({ userId: plan.repId, key: `progress:${review.id}` });
  }
  if (plan.status === "closed") owed.push({ userId: plan.repId, key: "closed" });

  await showDms(slack.slack, {
    sent,
    owed,
    render,
    remember: (dm) => saveCoachingMessage(deps.db, { planId: plan.id, ...dm }),
    // What the rep was told stays as it was; the plan and the review-day DMs follow every change.
    follows: (key) => key === "plan" || key.startsWith("due:"),
  });
  // The coaches' Homes list the reviews that are due.
  await homeChanged(deps, { workspaceId, userIds: everyone });
}
