import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import type { JobTypes } from "../../platform/jobs/index.js";
import {
  actions,
  button,
  escapeMrkdwn,
  section,
  translatorFor,
  translatorIn,
} from "../../platform/slack/index.js";
import { Absences, localDate } from "../../platform/time/index.js";
import { findTeam } from "../team/index.js";
import { meetingMessages } from "./messages.js";
import { dueReminders } from "./rules.js";
import type { Meeting } from "./schema.js";
import { scheduleOf } from "./service.js";
import { activeMeetings, claimReminder, findMeeting, postedBefore, postOf, savePost } from "./store.js";
import { MEETING_IDS, reminderMessage, whenText } from "./views.js";

/** Every minute (UTC), the reminders due; each posted by its own job. */
export const MEETING_SWEEP = { cron: "* * * * *", timeZone: "UTC" } as const;

export function registerMeetingJobs(deps: Deps): void {
  deps.jobs.define("meetings.sweep", z.object({ slot: z.string() }), () => sweepReminders(deps));
  deps.jobs.define(
    "meetings.remind",
    z.object({
      workspaceId: z.string(),
      meetingId: z.number().int(),
      occurrence: z.string(),
      offset: z.number().int(),
      gap: z.string().nullable(),
      first: z.boolean(),
    }),
    (payload) => remind(deps, payload),
  );
  deps.schedules.plan("meetings.sweep", "all", MEETING_SWEEP, (slot) => ({ slot: slot.toISOString() }));
}

/**
 * Finds, for every active meeting as it is now (an edit or a pause counts at once), the reminders due and
 * claims each (meeting, occurrence, offset) with a guarded insert in the transaction that queues its post:
 * several sweeps at once (several instances) remind once. A reminder missed while nothing ran is posted if
 * the meeting has not started (the latest one due; earlier ones are skipped); a started meeting owes none.
 */
export async function sweepReminders(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  for (const meeting of await activeMeetings(deps.db)) {
    const due = dueReminders(
      scheduleOf(meeting),
      meeting.timeZone,
      meeting.offsets,
      meeting.scheduledAt,
      now,
    );
    for (const { occurrence, offset, skipped } of due) {
      await deps.db.transaction(async (tx) => {
        const first = !(await postedBefore(tx, meeting.id, occurrence.at, offset));
        if (!(await claimReminder(tx, meeting.id, occurrence.at, offset, skipped, now))) return;
        await deps.jobs.send(
          "meetings.remind",
          {
            workspaceId: meeting.workspaceId,
            meetingId: meeting.id,
            occurrence: occurrence.at.toISOString(),
            offset,
            gap: occurrence.gap?.asked ?? null,
            first,
          },
          { tx, key: `${meeting.id}:${occurrence.at.toISOString()}:${offset}` },
        );
      });
    }
  }
}

/** Who a meeting is for: a sales meeting the team; an executive meeting its supervisors; a 1:1 the rep and who set it up. */
function attendeesOf(meeting: Meeting, team: { supervisorIds: string[]; repIds: string[] }): string[] {
  switch (meeting.kind) {
    case "sales":
      return [...team.supervisorIds, ...team.repIds];
    case "executive":
      return [...team.supervisorIds];
    case "oneOnOne":
      return [...new Set([meeting.repId ?? "", meeting.createdBy])].filter(Boolean);
  }
}

type RemindPayload = JobTypes["meetings.remind"];

/**
 * Posts a claimed reminder: in the meeting's channel (the team's language), or by DM to each attendee not
 * on leave (each in their own). People on approved leave that day are listed as out, not mentioned. Each
 * post is remembered at once, so a retried job posts nothing twice. Before an executive meeting its
 * supervisors also get, with the first reminder, a DM to review the team's standing.
 */
async function remind(deps: Deps, p: RemindPayload): Promise<void> {
  const meeting = await findMeeting(deps.db, p.workspaceId, p.meetingId);
  if (!meeting) return;
  // Paused since the reminder was claimed: nothing is posted.
  if (meeting.status === "paused") return;
  const team = await findTeam(deps.db, p.workspaceId, meeting.teamId);
  if (!team) return;
  const at = new Date(p.occurrence);
  const occurrence = { at, gap: p.gap ? { asked: p.gap } : null };
  const slack = inWorkspace(deps, p.workspaceId);
  const day = localDate(at, meeting.timeZone);
  const everyone = attendeesOf(meeting, team);
  const off = await deps.absences.daysOff(deps.db, p.workspaceId, everyone, day, day);
  const out = everyone.filter((u) => Absences.of(off, u).has(day));
  const present = everyone.filter((u) => !out.includes(u));
  const outNames = await Promise.all(
    out.map(async (u) => {
      const user = await slack.users.get(u).catch(() => null);
      return user?.realName || user?.name || u;
    }),
  );
  const key = { meetingId: meeting.id, occurrence: at, offsetMinutes: p.offset };

  /** Posts once to `recipient`: in `channel`, or by DM to `dmTo`. */
  const post = async (
    recipient: string,
    where: { channel: string } | { dmTo: string },
    message: { text: string; blocks: unknown[] },
  ) => {
    if (await postOf(deps.db, { ...key, recipient })) return;
    const to = "channel" in where ? where.channel : await slack.slack.openDm(where.dmTo);
    const posted = await deps.pace.post(slack.slack, p.workspaceId, {
      channel: to,
      text: message.text,
      blocks: message.blocks as never,
    });
    await savePost(deps.db, { ...key, recipient, channelId: posted.channel, ts: posted.ts });
  };

  if (meeting.channelId) {
    const t = translatorIn(meetingMessages, team.team.locale);
    await post(
      meeting.channelId,
      { channel: meeting.channelId },
      reminderMessage(t, meeting, occurrence, { present, outNames }),
    );
  } else {
    for (const userId of present) {
      const t = await translatorFor(slack, meetingMessages, userId, team.team.locale);
      await post(userId, { dmTo: userId }, reminderMessage(t, meeting, occurrence, { present, outNames }));
    }
  }

  if (meeting.kind === "executive" && p.first) {
    for (const userId of team.supervisorIds.filter((u) => !out.includes(u))) {
      const t = await translatorFor(slack, meetingMessages, userId, team.team.locale);
      const text = t.t("meetings.review", {
        title: escapeMrkdwn(meeting.title),
        when: whenText(t, at, meeting.timeZone),
        team: team.team.name,
      });
      await post(
        `review:${userId}`,
        { dmTo: userId },
        {
          text,
          blocks: [
            section(text),
            actions(`meetings.review.${meeting.id}`, [
              button(t.t("meetings.review.send"), MEETING_IDS.sendReports, {
                value: String(meeting.id),
                style: "primary",
              }),
            ]),
          ],
        },
      );
    }
  }
}
