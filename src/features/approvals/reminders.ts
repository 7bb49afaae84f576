import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { decide } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, queryRows } from "../../platform/db/index.js";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import { translatorFor } from "../../platform/slack/index.js";
import {
  addDays,
  DEFAULT_WORK_HOURS,
  isWorkingDay,
  type LocalDate,
  localDate,
  type WorkCalendar,
  wallHour,
  workingDays,
} from "../../platform/time/index.js";
import { findTeam, type Team, type TeamWithMembers, workCalendarOf } from "../team/index.js";
import { type ApprovalMessages, approvalMessages } from "./messages.js";
import { approvalRequests, approvalSettings } from "./schema.js";
import { decidersFor, describeApproval } from "./service.js";
import { approvalMessagesOf, findApproval } from "./store.js";

const { error } = problemsOf<ApprovalMessages>();

/** Working days a request waits for a decision before its deciders are reminded, unless the team says otherwise. */
export const DEFAULT_REMIND_AFTER_DAYS = 2;

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Every hour: the requests that have waited too long are reminded of, once each. */
    "approvals.remind.sweep": { slot: string };
    /** Reminds the deciders of one request by DM. */
    "approvals.remind": { workspaceId: string; requestId: number; days: number };
  }
}

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "approvals.settings.update": true;
  }
}

/**
 * Whole working days a request has waited by `today`: the working days after the day it was filed and
 * before today (filed on Monday, it has waited two by Thursday morning).
 */
export function waitedWorkingDays(calendar: WorkCalendar, filedOn: LocalDate, today: LocalDate): number {
  const first = addDays(filedOn, 1);
  const last = addDays(today, -1);
  return first > last ? 0 : workingDays(calendar, first, last).length;
}

/** Whether it is a working hour of a working day for the team: reminders wait for one. */
function atWork(team: Team, now: Date): boolean {
  const calendar = workCalendarOf(team);
  const day = localDate(now, team.timeZone);
  const hour = wallHour(now, team.timeZone);
  return isWorkingDay(calendar, day) && hour >= DEFAULT_WORK_HOURS.start && hour < DEFAULT_WORK_HOURS.end;
}

export async function remindAfterDays(db: Db, teamId: number): Promise<number> {
  const [row] = await db.select().from(approvalSettings).where(eq(approvalSettings.teamId, teamId));
  return row?.remindAfterDays ?? DEFAULT_REMIND_AFTER_DAYS;
}

/** A team's reminder setting, by its supervisors or an admin; audited. */
export async function setRemindAfterDays(
  ctx: RequestContext,
  team: TeamWithMembers,
  days: number,
): Promise<void> {
  const actor = await ctx.actor();
  if (!decide(actor, { type: "team.manage", teamId: team.team.id }).allowed) {
    throw error("approvals.refused.supervisors", { team: team.team.name });
  }
  const at = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    const before = await remindAfterDays(tx, team.team.id);
    await tx
      .insert(approvalSettings)
      .values({ teamId: team.team.id, remindAfterDays: days, updatedBy: ctx.userId, updatedAt: at })
      .onConflictDoUpdate({
        target: approvalSettings.teamId,
        set: { remindAfterDays: days, updatedBy: ctx.userId, updatedAt: at },
      });
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "approvals.settings.update",
      subject: { type: "team", id: team.team.id },
      before: { remindAfterDays: before },
      after: { remindAfterDays: days },
      at,
    });
  });
}

export function registerReminders(deps: Deps): void {
  deps.jobs.define("approvals.remind.sweep", z.object({ slot: z.string() }), () => sweep(deps));
  deps.schedules.plan("approvals.remind.sweep", "all", { cron: "5 * * * *", timeZone: "UTC" }, (slot) => ({
    slot: slot.toISOString(),
  }));
  deps.jobs.define(
    "approvals.remind",
    z.object({ workspaceId: z.string(), requestId: z.number().int(), days: z.number().int() }),
    ({ workspaceId, requestId, days }) => remind(deps, workspaceId, requestId, days),
  );
}

/**
 * Finds pending requests not yet reminded of that have waited their team's number of working days, and
 * marks each reminded (a guarded update: two instances sweeping at once remind once) in the transaction
 * that queues its reminder. Only in the team's working hours, so nobody is pinged at night.
 */
async function sweep(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const waiting = await queryRows<{
    id: number;
    workspace_id: string;
    team_id: number;
    created_at: string | Date;
  }>(
    deps.db,
    sql`select id, workspace_id, team_id, created_at from approval_requests
        where status = 'pending' and reminded_at is null and created_at < ${now.toISOString()}::timestamptz
        order by id limit 500`,
  );
  const teams = new Map<number, { team: Team; days: number } | null>();
  for (const row of waiting) {
    if (!teams.has(row.team_id)) {
      const found = await findTeam(deps.db, row.workspace_id, row.team_id);
      teams.set(
        row.team_id,
        found ? { team: found.team, days: await remindAfterDays(deps.db, row.team_id) } : null,
      );
    }
    const entry = teams.get(row.team_id);
    if (!entry || !atWork(entry.team, now)) continue;
    const filedOn = localDate(new Date(row.created_at), entry.team.timeZone);
    const waited = waitedWorkingDays(
      workCalendarOf(entry.team),
      filedOn,
      localDate(now, entry.team.timeZone),
    );
    if (waited < entry.days) continue;
    await deps.db.transaction(async (tx) => {
      const [marked] = await tx
        .update(approvalRequests)
        .set({ remindedAt: now })
        .where(
          and(
            eq(approvalRequests.id, row.id),
            eq(approvalRequests.status, "pending"),
            isNull(approvalRequests.remindedAt),
          ),
        )
        .returning({ id: approvalRequests.id });
      if (!marked) return;
      await deps.jobs.send(
        "approvals.remind",
        { workspaceId: row.workspace_id, requestId: row.id, days: waited },
        { tx },
      );
    });
  }
}

/** The reminder itself: a DM to each decider, in their language, pointing to the request's own DM. */
async function remind(deps: Deps, workspaceId: string, requestId: number, days: number): Promise<void> {
  const request = await findApproval(deps.db, workspaceId, requestId);
  const team = request ? await findTeam(deps.db, workspaceId, request.teamId) : null;
  if (!request || !team || request.status !== "pending") return;
  const slack = inWorkspace(deps, workspaceId);
  const sent = await approvalMessagesOf(deps.db, request.id);
  const deciders = await decidersFor(deps, team, request.route, request.requesterId);
  for (const userId of deciders) {
    const t = await translatorFor(slack, approvalMessages, userId, team.team.locale);
    const { summary } = await describeApproval(deps, request, t.language, t.locale, false);
    const own = sent.find((m) => m.userId === userId);
    await slack.slack.postMessage({
      channel: own?.channelId ?? userId,
      text: t.t("approvals.reminder", { requester: request.requesterId, summary, days }),
      ...(own ? { threadTs: own.ts } : {}),
    });
  }
}
