import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { translatorFor, translatorIn } from "../../platform/slack/index.js";
import { DEFAULT_WORK_HOURS, isWorkingDay, localDate, wallHour } from "../../platform/time/index.js";
import { isOnLeave } from "../leave/index.js";
import { findTeam, type TeamWithMembers, workCalendarOf } from "../team/index.js";
import { policyMessages } from "./messages.js";
import { MAX_REMINDERS, reminderDue } from "./rules.js";
import { askNewcomers } from "./service.js";
import {
  activePolicyTeams,
  findPolicy,
  findRecipient,
  markReminded,
  markSupervisorTold,
  noticeOf,
  recipientsOf,
  saveNotice,
  saveRecipientDm,
  versionOf,
  waitingRecipients,
} from "./store.js";
import { missingMessage, noticeMessage, reminderMessage, repMessage } from "./views.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Every hour: newcomers asked, reminders due, supervisors told who is missing. */
    "policies.sweep": { slot: string };
    /** Reminds one rep of a policy they have not acknowledged (the first or the second time). */
    "policies.remind": { workspaceId: string; policyId: number; version: number; repId: string; nth: number };
    /** Tells one supervisor which reps of their team have not acknowledged after two reminders. */
    "policies.missing": {
      workspaceId: string;
      policyId: number;
      version: number;
      teamId: number;
      supervisorId: string;
      repIds: string[];
    };
  }
}

const versionKey = z.object({
  workspaceId: z.string(),
  policyId: z.number().int(),
  version: z.number().int(),
});
const dmKey = versionKey.extend({ repId: z.string() });
const teamKey = versionKey.extend({ teamId: z.number().int() });

export function registerPolicyJobs(deps: Deps): void {
  deps.jobs.define("policies.dm", dmKey, (p) => showPolicyDm(deps, p), { policy: "serial" });
  deps.jobs.define("policies.notice", teamKey, (p) => postNotice(deps, p));
  deps.jobs.define("policies.remind", dmKey.extend({ nth: z.number().int() }), (p) => remind(deps, p));
  deps.jobs.define(
    "policies.missing",
    teamKey.extend({ supervisorId: z.string(), repIds: z.array(z.string()) }),
    (p) => tellMissing(deps, p),
  );
  deps.jobs.define("policies.sweep", z.object({ slot: z.string() }), () => policySweep(deps));
  deps.schedules.plan("policies.sweep", "all", { cron: "11 * * * *", timeZone: "UTC" }, (slot) => ({
    slot: slot.toISOString(),
  }));
  // A rep added to a team is asked about its active policies at once, not at the next hourly sweep.
  deps.hooks.answer("team.people.changed", async ({ workspaceId, teamIds }) => {
    for (const { policy, teamId } of await activePolicyTeams(deps.db, { workspaceId, teamIds })) {
      const team = await findTeam(deps.db, workspaceId, teamId);
      if (team) await askNewcomers(deps, policy, team);
    }
    return undefined;
  });
}

/**
 * A rep's DM about a version of a policy as it is now: posted the first time (while it is the current
 * version of an active policy) and remembered at once, updated in place after: acknowledged, replaced by
 * a newer version, retired.
 */
async function showPolicyDm(
  deps: Deps,
  p: { workspaceId: string; policyId: number; version: number; repId: string },
): Promise<void> {
  const policy = await findPolicy(deps.db, p.workspaceId, p.policyId);
  const recipient = await findRecipient(deps.db, p);
  const version = await versionOf(deps.db, p.policyId, p.version);
  if (!policy || !recipient || !version) return;
  const team = recipient.teamId === null ? null : await findTeam(deps.db, p.workspaceId, recipient.teamId);
  const slack = inWorkspace(deps, p.workspaceId);
  const t = await translatorFor(slack, policyMessages, p.repId, team?.team.locale ?? "en");
  const message = repMessage(t, { policy, version, recipient }, team?.team.timeZone ?? "UTC");
  if (recipient.channelId && recipient.ts) {
    await slack.slack.updateMessage({ channel: recipient.channelId, ts: recipient.ts, ...message });
    return;
  }
  if (policy.status !== "active" || policy.version !== p.version || recipient.acknowledgedAt) return;
  const posted = await slack.slack.postMessage({ channel: p.repId, ...message });
  await saveRecipientDm(deps.db, p, { channelId: posted.channel, ts: posted.ts });
}

/** The short notice in the team's channel, in the team's language, at the channel's pace; once. */
async function postNotice(
  deps: Deps,
  p: { workspaceId: string; policyId: number; version: number; teamId: number },
): Promise<void> {
  if (await noticeOf(deps.db, p)) return;
  const policy = await findPolicy(deps.db, p.workspaceId, p.policyId);
  const team = await findTeam(deps.db, p.workspaceId, p.teamId);
  if (!policy || !team || policy.status !== "active" || policy.version !== p.version) return;
  const t = translatorIn(policyMessages, team.team.locale);
  const slack = inWorkspace(deps, p.workspaceId);
  const posted = await deps.pace.post(slack.slack, p.workspaceId, {
    channel: team.team.channelId,
    ...noticeMessage(t, policy, team.team.timeZone),
  });
  await saveNotice(deps.db, { ...p, channelId: posted.channel, ts: posted.ts });
}

/** Whether people of a team are at work now: a working day in its calendar, within working hours. */
function atWork(team: TeamWithMembers, now: Date): boolean {
  const hour = wallHour(now, team.team.timeZone);
  return (
    isWorkingDay(workCalendarOf(team.team), localDate(now, team.team.timeZone)) &&
    hour >= DEFAULT_WORK_HOURS.start &&
    hour < DEFAULT_WORK_HOURS.end
  );
}

/**
 * The hourly sweep, in each team's working hours: reps of a policy's teams not asked yet (newcomers) are
 * asked; reps who have not acknowledged get a reminder when the team's working days have passed (not
 * while on leave), at most two, each counted by a guarded update in the transaction that queues it; after
 * the second, the team's supervisors are told who is missing, once per rep. However many instances sweep
 * at once, each thing happens once.
 */
export async function policySweep(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const teams = new Map<string, TeamWithMembers | null>();
  const teamOf = async (workspaceId: string, teamId: number) => {
    const key = `${workspaceId}:${teamId}`;
    if (!teams.has(key)) teams.set(key, await findTeam(deps.db, workspaceId, teamId));
    return teams.get(key) ?? null;
  };

  for (const { policy, teamId } of await activePolicyTeams(deps.db)) {
    const team = await teamOf(policy.workspaceId, teamId);
    if (team) await askNewcomers(deps, policy, team);
  }

  const missing = new Map<
    string,
    { workspaceId: string; policyId: number; version: number; teamId: number }
  >();
  for (const { policy, recipient } of await waitingRecipients(deps.db)) {
    if (recipient.teamId === null) continue;
    const team = await teamOf(policy.workspaceId, recipient.teamId);
    // A rep who left the team since is no longer reminded by it.
    if (!team?.repIds.includes(recipient.repId) || !atWork(team, now)) continue;
    const today = localDate(now, team.team.timeZone);
    const group = {
      workspaceId: policy.workspaceId,
      policyId: policy.id,
      version: policy.version,
      teamId: team.team.id,
    };
    let sent = recipient.remindersSent;
    if (sent < MAX_REMINDERS) {
      if (recipient.lastRemindedOn === today) continue;
      const due = reminderDue({
        calendar: workCalendarOf(team.team),
        owedOn: localDate(recipient.owedAt, team.team.timeZone),
        effectiveOn: policy.effectiveOn,
        today,
        remindersSent: sent,
        lastRemindedOn: recipient.lastRemindedOn,
        days: team.team.policyReminderDays,
      });
      if (!due) continue;
      if (await isOnLeave(deps.db, policy.workspaceId, recipient.repId, today)) continue;
      const marked = await deps.db.transaction(async (tx) => {
        const ok = await markReminded(tx, recipient, sent, today);
        if (!ok) return false;
        await deps.jobs.send(
          "policies.remind",
          {
            workspaceId: policy.workspaceId,
            policyId: policy.id,
            version: policy.version,
            repId: recipient.repId,
            nth: sent + 1,
          },
          { tx },
        );
        return true;
      });
      if (!marked) continue;
      sent += 1;
    }
    if (sent >= MAX_REMINDERS && !recipient.supervisorToldAt)
      missing.set(`${group.policyId}:${group.teamId}`, group);
  }

  for (const group of missing.values()) {
    const team = await teamOf(group.workspaceId, group.teamId);
    if (!team) continue;
    const waiting = (await recipientsOf(deps.db, group.policyId, group.version)).filter(
      (r) =>
        r.teamId === group.teamId &&
        !r.acknowledgedAt &&
        r.remindersSent >= MAX_REMINDERS &&
        !r.supervisorToldAt &&
        team.repIds.includes(r.repId),
    );
    await deps.db.transaction(async (tx) => {
      const told = await markSupervisorTold(
        tx,
        group,
        waiting.map((r) => r.repId),
        now,
      );
      if (told.length === 0) return;
      for (const supervisorId of team.supervisorIds) {
        await deps.jobs.send("policies.missing", { ...group, supervisorId, repIds: told }, { tx });
      }
    });
  }
}

/** The reminder itself, a new DM (a button deep in an old DM is easily missed) linking to the policy's DM. */
async function remind(
  deps: Deps,
  p: { workspaceId: string; policyId: number; version: number; repId: string; nth: number },
): Promise<void> {
  const policy = await findPolicy(deps.db, p.workspaceId, p.policyId);
  const recipient = await findRecipient(deps.db, p);
  if (!policy || !recipient || recipient.acknowledgedAt) return;
  if (policy.status !== "active" || policy.version !== p.version) return;
  const team = recipient.teamId === null ? null : await findTeam(deps.db, p.workspaceId, recipient.teamId);
  const slack = inWorkspace(deps, p.workspaceId);
  const t = await translatorFor(slack, policyMessages, p.repId, team?.team.locale ?? "en");
  const link =
    recipient.channelId && recipient.ts
      ? await slack.slack.permalink(recipient.channelId, recipient.ts)
      : null;
  if (!recipient.ts) {
    // The first DM never went out (Slack was away): it goes now, before the reminder that points to it.
    await deps.jobs.send("policies.dm", p, { key: `${p.policyId}:${p.repId}` });
  }
  await slack.slack.postMessage({ channel: p.repId, ...reminderMessage(t, policy, p.nth, link) });
}

/** Tells a supervisor, in their language, who of the team has not acknowledged after two reminders. */
async function tellMissing(
  deps: Deps,
  p: {
    workspaceId: string;
    policyId: number;
    version: number;
    teamId: number;
    supervisorId: string;
    repIds: string[];
  },
): Promise<void> {
  const policy = await findPolicy(deps.db, p.workspaceId, p.policyId);
  const team = await findTeam(deps.db, p.workspaceId, p.teamId);
  if (!policy || !team || policy.status !== "active" || policy.version !== p.version) return;
  const still: string[] = [];
  for (const repId of p.repIds) {
    const r = await findRecipient(deps.db, { policyId: p.policyId, version: p.version, repId });
    if (r && !r.acknowledgedAt) still.push(repId);
  }
  if (still.length === 0) return;
  const slack = inWorkspace(deps, p.workspaceId);
  const t = await translatorFor(slack, policyMessages, p.supervisorId, team.team.locale);
  await slack.slack.postMessage({
    channel: p.supervisorId,
    ...missingMessage(t, policy, team.team.name, still),
  });
}
