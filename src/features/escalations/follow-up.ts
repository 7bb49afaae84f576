import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../platform/db/index.js";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { translatorFor } from "../../platform/slack/index.js";
import {
  countryOfZone,
  DEFAULT_WORK_HOURS,
  isWorkingDay,
  localDate,
  type WorkCalendar,
  wallHour,
  workingHoursBetween,
} from "../../platform/time/index.js";
import { defaultSettings, findTeam, workCalendarOf } from "../team/index.js";
import { escalationMessages } from "./messages.js";
import { escalations } from "./schema.js";
import { handlersOf } from "./service.js";
import { escalationDmsOf, findEscalation } from "./store.js";
import { categoryName } from "./views.js";

/** Working hours an escalation waits to be acknowledged when its team says nothing else (a rep in no team). */
export const DEFAULT_ESCALATION_HOURS = 24;

export const FOLLOW_UP_STAGES = ["handlers", "raiser"] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Every quarter of an hour: the escalations that have waited too long to be acknowledged. */
    "escalations.followUp.sweep": { slot: string };
    /** Reminds one handler of an escalation, or tells the executive it is still not acknowledged. */
    "escalations.followUp": {
      workspaceId: string;
      escalationId: number;
      stage: FollowUpStage;
      userId: string;
      hours: number;
    };
  }
}

/** Where the hours of an escalation are counted: its team's calendar and zone, or the executive's. */
interface Clockwork {
  calendar: WorkCalendar;
  timeZone: string;
  hours: number;
}

/**
 * What the follow-up does at a moment, from the working hours waited: nothing, remind the handlers
 * (after the team's hours), tell the executive (after twice that), or both when an instance was down
 * across both marks. Pure, for tests.
 */
export function followUpsDue(
  waited: number,
  hours: number,
  done: { reminded: boolean; raiserTold: boolean },
): FollowUpStage[] {
  const due: FollowUpStage[] = [];
  if (!done.reminded && waited >= hours) due.push("handlers");
  if (!done.raiserTold && waited >= 2 * hours) due.push("raiser");
  return due;
}

/** Whether people are at work at `now`: a working day, between the start of work and the end of its last hour. */
function atWork(clockwork: Clockwork, now: Date): boolean {
  const hour = wallHour(now, clockwork.timeZone);
  return (
    isWorkingDay(clockwork.calendar, localDate(now, clockwork.timeZone)) &&
    hour >= DEFAULT_WORK_HOURS.start &&
    hour <= DEFAULT_WORK_HOURS.end
  );
}

export function registerFollowUp(deps: Deps): void {
  deps.jobs.define("escalations.followUp.sweep", z.object({ slot: z.string() }), () => followUpSweep(deps));
  deps.schedules.plan(
    "escalations.followUp.sweep",
    "all",
    { cron: "*/15 * * * *", timeZone: "UTC" },
    (slot) => ({ slot: slot.toISOString() }),
  );
  deps.jobs.define(
    "escalations.followUp",
    z.object({
      workspaceId: z.string(),
      escalationId: z.number().int(),
      stage: z.enum(FOLLOW_UP_STAGES),
      userId: z.string(),
      hours: z.number(),
    }),
    (payload) => followUp(deps, payload),
  );
}

/**
 * Finds open escalations whose follow-ups are not all done, counts the working hours each has waited in
 * its team's calendar (the executive's for a rep in no team), and marks each follow-up due with a guarded
 * update in the transaction that queues it: however many instances sweep at once, each happens once.
 * Only while people are at work, so nobody is pinged at night.
 */
export async function followUpSweep(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const waiting = await queryRows<{
    id: number;
    workspace_id: string;
    team_id: number | null;
    raised_by: string;
    created_at: string | Date;
    reminded: boolean;
    raiser_told: boolean;
  }>(
    deps.db,
    sql`select id, workspace_id, team_id, raised_by, created_at,
               reminded_at is not null as reminded, raiser_told_at is not null as raiser_told
        from escalations
        where status = 'open' and (reminded_at is null or raiser_told_at is null)
          and created_at < ${now.toISOString()}::timestamptz
        order by id limit 500`,
  );
  const clocks = new Map<string, Clockwork>();
  for (const row of waiting) {
    const key = row.team_id === null ? `raiser:${row.workspace_id}:${row.raised_by}` : `team:${row.team_id}`;
    let clockwork = clocks.get(key);
    if (!clockwork) {
      clockwork = await clockworkOf(deps, row.workspace_id, row.team_id, row.raised_by);
      clocks.set(key, clockwork);
    }
    if (!atWork(clockwork, now)) continue;
    const waited = workingHoursBetween(clockwork.calendar, clockwork.timeZone, new Date(row.created_at), now);
    const due = followUpsDue(waited, clockwork.hours, {
      reminded: row.reminded,
      raiserTold: row.raiser_told,
    });
    if (due.length === 0) continue;
    const escalation = await findEscalation(deps.db, row.workspace_id, row.id);
    if (!escalation) continue;
    const { handlers } = await handlersOf(deps, escalation);
    for (const stage of due) {
      await deps.db.transaction(async (tx) => {
        const column = stage === "handlers" ? escalations.remindedAt : escalations.raiserToldAt;
        const [marked] = await tx
          .update(escalations)
          .set(stage === "handlers" ? { remindedAt: now } : { raiserToldAt: now })
          .where(and(eq(escalations.id, row.id), eq(escalations.status, "open"), isNull(column)))
          .returning({ id: escalations.id });
        if (!marked) return;
        // One job a person: a retry after a failed DM never posts again to those already told.
        for (const userId of stage === "handlers" ? handlers : [escalation.raisedBy]) {
          await deps.jobs.send(
            "escalations.followUp",
            {
              workspaceId: row.workspace_id,
              escalationId: row.id,
              stage,
              userId,
              hours: Math.floor(waited),
            },
            { tx, key: `${row.id}:${stage}:${userId}` },
          );
        }
      });
    }
  }
}

async function clockworkOf(
  deps: Deps,
  workspaceId: string,
  teamId: number | null,
  raisedBy: string,
): Promise<Clockwork> {
  const team = teamId === null ? null : await findTeam(deps.db, workspaceId, teamId);
  if (team) {
    return {
      calendar: workCalendarOf(team.team),
      timeZone: team.team.timeZone,
      hours: team.team.escalationHours,
    };
  }
  // A rep in no team: the hours run in the executive's own zone and country, as a new team of theirs would.
  const raiser = await inWorkspace(deps, workspaceId)
    .users.get(raisedBy)
    .catch(() => null);
  const settings = defaultSettings("", {
    tz: raiser?.tz ?? null,
    locale: raiser?.locale ?? null,
    countryOfZone,
  });
  return {
    calendar: workCalendarOf(settings),
    timeZone: settings.timeZone,
    hours: DEFAULT_ESCALATION_HOURS,
  };
}

/**
 * The follow-up itself, in the person's language, as a new DM (a reply deep in an old DM is easily
 * missed) that links to the escalation's own DM: a handler is reminded; the executive is told who has
 * not acknowledged it. Nothing when it was acknowledged or resolved since.
 */
async function followUp(
  deps: Deps,
  payload: { workspaceId: string; escalationId: number; stage: FollowUpStage; userId: string; hours: number },
): Promise<void> {
  const escalation = await findEscalation(deps.db, payload.workspaceId, payload.escalationId);
  if (escalation?.status !== "open") return;
  const slack = inWorkspace(deps, payload.workspaceId);
  const team =
    escalation.teamId === null ? null : await findTeam(deps.db, payload.workspaceId, escalation.teamId);
  const sent = await escalationDmsOf(deps.db, escalation.id);
  const { handlers } = await handlersOf(deps, escalation);
  const { userId } = payload;
  const t = await translatorFor(slack, escalationMessages, userId, team?.team.locale ?? "en");
  const own = sent.find((m) => m.userId === userId);
  const link = own ? await slack.slack.permalink(own.channelId, own.ts) : null;
  const params = {
    by: escalation.raisedBy,
    rep: escalation.repId,
    category: categoryName(t, escalation.category),
    hours: payload.hours,
    handlers,
  };
  const text =
    payload.stage === "handlers"
      ? t.t("escalations.followUp.handlers", params)
      : t.t("escalations.followUp.raiser", params);
  await slack.slack.postMessage({
    channel: userId,
    text: link ? `${text} <${link}|${t.t("escalations.followUp.open")}>` : text,
  });
}
