import { z } from "zod";
import { type Deps, type InWorkspace, inWorkspace } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import type { OutgoingMessage } from "../../platform/slack/index.js";
import { translatorFor, translatorIn } from "../../platform/slack/index.js";
import {
  Absences,
  addDays,
  instantOfWallTime,
  type LocalDate,
  localDate,
  periodOfDate,
  previousPeriod,
  startOfLocalDate,
} from "../../platform/time/index.js";
import { teamMeetingsBetween } from "../meetings/index.js";
import { repsProgress, repTotals, targetsInForce } from "../quota/index.js";
import { type RoutineSlot, routineSettings } from "../routines/index.js";
import { findTeam, type TeamWithMembers } from "../team/index.js";
import { standupMessages } from "./messages.js";
import { weekBefore, weekOf } from "./rules.js";
import type { Standup } from "./schema.js";
import {
  answerOf,
  answersOf,
  closeStandupRow,
  findStandup,
  openStandupRow,
  postOf,
  type StandupPost,
  savePost,
  standupOfDay,
} from "./store.js";
import {
  blockerMessage,
  dmAsk,
  lateMessage,
  missingMessage,
  type OutThisWeek,
  type RepStanding,
  standupPost,
  summaryMessage,
  threadAsk,
  threadLink,
  timeText,
} from "./views.js";

/** A rep's answer owes the supervisors a DM about its blocker; an answer after the summary owes the thread. */
interface AnswerJob {
  workspaceId: string;
  standupId: number;
  repId: string;
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Tells the team's supervisors at once of a blocker a rep wrote (this version of their answer). */
    "standup.blocker": AnswerJob & { version: number; blocker: string };
    /** Adds an answer given after the summary to the standup's thread, marked late. */
    "standup.late": AnswerJob;
    /** Asks the reps at work in the standup's thread (a second after the post: the channel's pace). */
    "standup.ask": { workspaceId: string; teamId: number; standupId: number };
  }
}

const slotPayload = z.object({ workspaceId: z.string(), teamId: z.number().int(), slot: z.string() });
const answerPayload = z.object({ workspaceId: z.string(), standupId: z.number().int(), repId: z.string() });

export function registerStandupJobs(deps: Deps): void {
  deps.jobs.define("standup.open", slotPayload, (slot) => openStandup(deps, slot));
  deps.jobs.define("standup.close", slotPayload, (slot) => closeStandup(deps, slot));
  deps.jobs.define(
    "standup.blocker",
    answerPayload.extend({ version: z.number().int(), blocker: z.string().min(1) }),
    (payload) => tellBlocker(deps, payload),
  );
  deps.jobs.define("standup.late", answerPayload, (payload) => postLate(deps, payload));
  deps.jobs.define(
    "standup.ask",
    z.object({ workspaceId: z.string(), teamId: z.number().int(), standupId: z.number().int() }),
    (payload) => askInThread(deps, payload),
  );
}

/** The cut-off of a day: its wall time in the team's zone (the first instant after a DST gap). */
function cutoffOn(day: LocalDate, cutoff: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = cutoff.split(":").map(Number);
  return instantOfWallTime(day, hour, minute, timeZone).at;
}

/**
 * Posts once under `key`: a message remembered before is not posted again (a retried job, a second
 * instance that ran the same slot), and one posted is remembered at once. Channel posts take the channel's
 * turn (Slack's one message a second); a DM goes to the person's DM with the app.
 */
async function postOnce(
  deps: Deps,
  slack: InWorkspace,
  standupId: number,
  key: string,
  where: { channel: string; threadTs?: string } | { dmTo: string },
  render: () => Promise<OutgoingMessage> | OutgoingMessage,
): Promise<StandupPost> {
  const known = await postOf(deps.db, standupId, key);
  if (known) return known;
  const message = await render();
  let posted: { channel: string; ts: string };
  if ("channel" in where) {
    await deps.pace.turn(slack.workspaceId, where.channel);
    await deps.pace.sending(slack.workspaceId, where.channel);
    posted = await slack.slack.postMessage({
      channel: where.channel,
      ...(where.threadTs ? { threadTs: where.threadTs } : {}),
      ...message,
    });
  } else {
    posted = await slack.slack.postMessage({ channel: where.dmTo, ...message });
  }
  const post = { channelId: posted.channel, ts: posted.ts };
  await savePost(deps.db, standupId, key, { ...post, at: deps.clock.now() });
  return post;
}

/** What people call someone on leave (never a mention); their id when Slack cannot say. */
async function nameOf(slack: InWorkspace, userId: string): Promise<string> {
  const user = await slack.users.get(userId).catch(() => null);
  return user?.realName || user?.name || userId;
}

/** Who of a team is away on the standup's day, and on which days of its week. */
async function leaveOf(deps: Deps, found: TeamWithMembers, day: LocalDate) {
  const week = weekOf(day);
  const people = [...new Set([...found.repIds, ...found.supervisorIds])];
  const off = await deps.absences.daysOff(deps.db, found.team.workspaceId, people, week.start, week.end);
  const awayToday = (userId: string) => Absences.of(off, userId).has(day);
  return { week, off, people, awayToday };
}

/** The thread's ask of an opened standup: one reply mentioning every rep not on leave today, once. */
async function askInThread(
  deps: Deps,
  p: { workspaceId: string; teamId: number; standupId: number },
): Promise<void> {
  const found = await findTeam(deps.db, p.workspaceId, p.teamId);
  const standup = await findStandup(deps.db, p.workspaceId, p.standupId);
  if (!found || !standup || standup.closedAt) return;
  const post = await postOf(deps.db, standup.id, "post");
  if (!post) return;
  const { team } = found;
  const leave = await leaveOf(deps, found, standup.day);
  const asked = found.repIds.filter((rep) => !leave.awayToday(rep));
  if (asked.length === 0) return;
  const t = translatorIn(standupMessages, team.locale);
  const cutoff = timeText(t, standup.cutoffAt, team.timeZone);
  await postOnce(
    deps,
    inWorkspace(deps, p.workspaceId),
    standup.id,
    "ask",
    { channel: post.channelId, threadTs: post.ts },
    () => threadAsk(t, standup.id, asked, cutoff),
  );
}

/**
 * The weekly standup of a team for a slot: the day's standup is made once (a retried job, or a second slot
 * the same day, finds it); the post goes to the team channel in the team's language; then the reps not on
 * leave today are asked, in one thread reply that mentions them all, or each by DM in their own language.
 * Nothing is posted for a slot whose cut-off has passed before the standup could open, or for a team that
 * turned its standup off since the slot was struck.
 */
export async function openStandup(deps: Deps, p: RoutineSlot): Promise<void> {
  const found = await findTeam(deps.db, p.workspaceId, p.teamId);
  if (!found) return;
  const { team } = found;
  const slotAt = new Date(p.slot);
  const day = localDate(slotAt, team.timeZone);
  let standup = await standupOfDay(deps.db, p.workspaceId, team.id, day);
  if (!standup) {
    const setting = (await routineSettings(deps.db, p.workspaceId, team.id)).standup;
    if (!setting.enabled) return;
    const now = deps.clock.now();
    const cutoffAt = cutoffOn(day, setting.cutoff, team.timeZone);
    if (now.getTime() >= cutoffAt.getTime()) {
      deps.log.info(`standup of team ${team.id} on ${day}: its cut-off passed before it could open`);
      return;
    }
    standup = await openStandupRow(deps.db, {
      workspaceId: p.workspaceId,
      teamId: team.id,
      day,
      slot: slotAt,
      cutoffAt,
      askIn: setting.askIn,
      channelId: team.channelId,
      openedAt: now,
    });
  }
  const opened = standup;
  // Closed meanwhile (this job retried past the cut-off): the summary has spoken; nothing is asked any more.
  if (opened.closedAt) return;
  const slack = inWorkspace(deps, p.workspaceId);
  const leave = await leaveOf(deps, found, day);
  const asked = found.repIds.filter((rep) => !leave.awayToday(rep));
  const t = translatorIn(standupMessages, team.locale);

  await postOnce(deps, slack, opened.id, "post", { channel: opened.channelId }, async () =>
    standupPost(t, await postFacts(deps, slack, found, opened, leave)),
  );
  // Each rep asked sees the standup waiting for them on their Home.
  await homeChanged(deps, { workspaceId: p.workspaceId, userIds: asked });
  if (asked.length === 0) return;
  if (opened.askIn === "thread") {
    // The channel's next turn is a second away: another job takes it, so this one does not hold one of
    // the engine's workers waiting while hundreds of teams' standups go out at the same slot.
    await deps.jobs.send(
      "standup.ask",
      { workspaceId: p.workspaceId, teamId: team.id, standupId: opened.id },
      { key: String(opened.id), afterSeconds: 1 },
    );
    return;
  }
  for (const rep of asked) {
    await postOnce(deps, slack, opened.id, `ask:${rep}`, { dmTo: rep }, async () =>
      dmAsk(await translatorFor(slack, standupMessages, rep, team.locale), opened.id, team, opened.cutoffAt),
    );
  }
}

/**
 * The numbers of the post: each rep's sales last week (Monday to Sunday) and, with weekly targets, that
 * week's target; the current period's standing and what each working day needs now (the quota's pace,
 * leave counted); who is out this week; the team's sales meetings from now to Sunday.
 */
async function postFacts(
  deps: Deps,
  slack: InWorkspace,
  found: TeamWithMembers,
  standup: Standup,
  leave: Awaited<ReturnType<typeof leaveOf>>,
) {
  const { team, repIds } = found;
  const now = deps.clock.now();
  const lastWeek = weekBefore(standup.day);
  const weekly = team.quotaPeriod === "week";
  const [sold, progress, lastTargets, meetings] = await Promise.all([
    repTotals(deps.db, team.id, repIds, team.currency, lastWeek),
    repsProgress(deps, team, repIds, now),
    weekly
      ? targetsInForce(
          deps.db,
          team.id,
          previousPeriod(periodOfDate(standup.day, team.timeZone, "week"), team.timeZone).key,
          repIds,
        )
      : Promise.resolve(new Map()),
    teamMeetingsBetween(
      deps.db,
      team.workspaceId,
      team.id,
      now,
      new Date(startOfLocalDate(addDays(leave.week.end, 1), team.timeZone).getTime() - 1),
      ["sales"],
    ),
  ]);
  const awayNames = new Map<string, string>();
  const outPeople = leave.people.filter((u) => Absences.of(leave.off, u).size > 0);
  await Promise.all(outPeople.map(async (u) => awayNames.set(u, await nameOf(slack, u))));
  const standings: RepStanding[] = repIds.map((repId, i) => {
    const target = lastTargets.get(repId);
    return {
      repId,
      nameOnLeave: leave.awayToday(repId) ? (awayNames.get(repId) ?? repId) : null,
      soldLastWeekMinor: sold.get(repId)?.totalMinor ?? 0,
      lastWeekTargetMinor:
        target && target.amountMinor > 0 && target.currency === team.currency ? target.amountMinor : null,
      progress: progress[i] as (typeof progress)[number],
    };
  });
  const out: OutThisWeek[] = outPeople.map((u) => ({
    name: awayNames.get(u) ?? u,
    days: [...Absences.of(leave.off, u)].sort(),
  }));
  return {
    standupId: standup.id,
    team,
    day: standup.day,
    lastWeek,
    cutoffAt: standup.cutoffAt,
    askIn: standup.askIn,
    standings,
    out,
    meetings,
  };
}

/**
 * At the cut-off: the day's standup of the team (none opened, nothing to do) is closed once, which fixes
 * what its summary holds; the summary goes to the post's thread once; each supervisor not on leave gets a
 * DM of who did not answer (or that everyone did). A retried job posts only what is still owed.
 */
export async function closeStandup(deps: Deps, p: RoutineSlot): Promise<void> {
  const found = await findTeam(deps.db, p.workspaceId, p.teamId);
  if (!found) return;
  const { team } = found;
  const day = localDate(new Date(p.slot), team.timeZone);
  const standup = await standupOfDay(deps.db, p.workspaceId, team.id, day);
  if (!standup) return;
  const closed = (await closeStandupRow(deps.db, standup.id, deps.clock.now())) ?? standup;
  // Closed: it no longer waits on anyone's Home.
  await homeChanged(deps, { workspaceId: p.workspaceId, userIds: found.repIds });
  const post = await postOf(deps.db, standup.id, "post");
  // The post never went out (its job gave up): there is no thread to summarize in, and nobody was asked.
  if (!post) return;
  const slack = inWorkspace(deps, p.workspaceId);
  const leave = await leaveOf(deps, found, day);
  const asked = found.repIds.filter((rep) => !leave.awayToday(rep));
  const answers = (await answersOf(deps.db, standup.id)).filter((a) => !a.afterSummary);
  const t = translatorIn(standupMessages, team.locale);

  await postOnce(
    deps,
    slack,
    closed.id,
    "summary",
    { channel: post.channelId, threadTs: post.ts },
    async () =>
      summaryMessage(t, {
        teamName: team.name,
        day,
        timeZone: team.timeZone,
        asked: asked.length,
        answers,
        outNames: await Promise.all(found.repIds.filter(leave.awayToday).map((u) => nameOf(slack, u))),
      }),
  );
  if (asked.length === 0) return;
  const missing = asked.filter((rep) => !answers.some((a) => a.repId === rep));
  const permalink = await slack.slack.permalink(post.channelId, post.ts).catch(() => null);
  for (const supervisor of supervisorsToTell(found, leave.awayToday)) {
    await postOnce(deps, slack, closed.id, `missing:${supervisor}`, { dmTo: supervisor }, async () => {
      const st = await translatorFor(slack, standupMessages, supervisor, team.locale);
      return missingMessage(
        st,
        { teamName: team.name, day, timeZone: team.timeZone, cutoffAt: closed.cutoffAt, missing },
        threadLink(st, { permalink, channelId: post.channelId }),
      );
    });
  }
}

/** The supervisors not on leave today; all of them when every one is away (someone must hear). */
function supervisorsToTell(found: TeamWithMembers, awayToday: (userId: string) => boolean): string[] {
  const here = found.supervisorIds.filter((s) => !awayToday(s));
  return here.length > 0 ? here : [...found.supervisorIds];
}

/** A blocker's DM to each supervisor (once per answer version and supervisor), with the way to the thread. */
async function tellBlocker(deps: Deps, p: AnswerJob & { version: number; blocker: string }): Promise<void> {
  const standup = await findStandup(deps.db, p.workspaceId, p.standupId);
  const found = standup ? await findTeam(deps.db, p.workspaceId, standup.teamId) : null;
  if (!standup || !found) return;
  const { team } = found;
  const slack = inWorkspace(deps, p.workspaceId);
  const leave = await leaveOf(deps, found, standup.day);
  const post = await postOf(deps.db, standup.id, "post");
  const permalink = post ? await slack.slack.permalink(post.channelId, post.ts).catch(() => null) : null;
  for (const supervisor of supervisorsToTell(found, leave.awayToday)) {
    await postOnce(
      deps,
      slack,
      standup.id,
      `blocker:${p.repId}:${p.version}:${supervisor}`,
      { dmTo: supervisor },
      async () => {
        const st = await translatorFor(slack, standupMessages, supervisor, team.locale);
        return blockerMessage(
          st,
          {
            repId: p.repId,
            teamName: team.name,
            day: standup.day,
            timeZone: team.timeZone,
            blocker: p.blocker,
          },
          threadLink(st, { permalink, channelId: post?.channelId ?? standup.channelId }),
        );
      },
    );
  }
}

/** An answer given after the summary, added to the thread under it (once), marked late. */
async function postLate(deps: Deps, p: AnswerJob): Promise<void> {
  const standup = await findStandup(deps.db, p.workspaceId, p.standupId);
  const found = standup ? await findTeam(deps.db, p.workspaceId, standup.teamId) : null;
  const answer = standup ? await answerOf(deps.db, standup.id, p.repId) : null;
  if (!standup || !found || !answer) return;
  const [post, summary] = await Promise.all([
    postOf(deps.db, standup.id, "post"),
    postOf(deps.db, standup.id, "summary"),
  ]);
  if (!post) return;
  // The summary is on its way (its job is running or will be retried): this answer goes under it, after.
  if (!summary) throw new Error(`standup ${standup.id}: the summary is not posted yet`);
  const t = translatorIn(standupMessages, found.team.locale);
  await postOnce(
    deps,
    inWorkspace(deps, p.workspaceId),
    standup.id,
    `late:${p.repId}`,
    {
      channel: post.channelId,
      threadTs: post.ts,
    },
    () => lateMessage(t, answer),
  );
}
