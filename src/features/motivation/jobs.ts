import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { escapeMrkdwn, translatorFor, translatorIn } from "../../platform/slack/index.js";
import { localDate } from "../../platform/time/index.js";
import { type RoutineSlot, routineSettings } from "../routines/index.js";
import { findTeam } from "../team/index.js";
import { gatherFacts } from "./facts.js";
import { motivationMessages } from "./messages.js";
import { type LineKey, libraryOf, nextLine, worthPosting } from "./rules.js";
import {
  claimSlot,
  findLine,
  linesOf,
  markFailed,
  markNothing,
  markUsed,
  postOfSlot,
  previousPostAt,
  savePosted,
  usedLines,
} from "./store.js";
import { lineText, motivationPost } from "./views.js";

const slotPayload = z.object({ workspaceId: z.string(), teamId: z.number().int(), slot: z.string() });

/** The motivation post of a team's slot: struck by the team's schedule (routines), done here. */
export function registerMotivationJobs(deps: Deps): void {
  deps.jobs.define("motivation.post", slotPayload, (payload) => postMotivation(deps, payload), {
    onPermanentFailure: (payload) => tellSupervisors(deps, payload),
  });
}

/**
 * Posts a team's motivation for a slot, once: the slot's record is read first (posted, nothing to say,
 * refused: done), claimed with the line it opens with (marked used in the same transaction) before
 * posting, and the message's channel and ts saved once Slack has it. A retry of a claimed slot posts with
 * the line it claimed. The facts are the team's figures now; nobody on approved leave on the slot's day
 * in the team's zone is named. Nothing true to say: the slot is recorded as such and nothing is posted.
 */
export async function postMotivation(deps: Deps, payload: RoutineSlot): Promise<void> {
  const { db } = deps;
  const slot = new Date(payload.slot);
  if (Number.isNaN(slot.getTime())) {
    deps.log.warn(`motivation.post: the slot "${payload.slot}" is not an instant; nothing posted`);
    return;
  }
  const found = await findTeam(db, payload.workspaceId, payload.teamId);
  if (!found) return;
  const { team } = found;
  const existing = await postOfSlot(db, team.id, slot);
  if (existing && existing.state !== "claimed") return;
  // Turned off after the slot was struck: the team asked for no posts.
  if (!existing && !(await routineSettings(db, team.workspaceId, team.id)).motivation.enabled) return;

  const now = deps.clock.now();
  const day = localDate(slot, team.timeZone);
  const facts = await gatherFacts(deps, found, now, day, await previousPostAt(db, team.id, slot));
  if (!worthPosting(facts)) {
    if (existing) await markNothing(db, team.id, slot);
    else
      await claimSlot(db, {
        workspaceId: team.workspaceId,
        teamId: team.id,
        slot,
        state: "nothing",
        lineKey: null,
        factsAt: now,
      });
    return;
  }

  let lineKey = existing?.lineKey as LineKey | null | undefined;
  if (!existing) {
    lineKey = await db.transaction(async (tx) => {
      const own = await linesOf(tx, team.workspaceId, team.id);
      const { used, last } = await usedLines(tx, team.id);
      const next = nextLine(libraryOf(own.map((line) => line.id)), used, last);
      if (!next) return null;
      const claimed = await claimSlot(tx, {
        workspaceId: team.workspaceId,
        teamId: team.id,
        slot,
        state: "claimed",
        lineKey: next.key,
        factsAt: now,
      });
      // Another run of the same slot claimed it first: that one posts.
      if (!claimed) return null;
      await markUsed(tx, team.id, next.key, now, next.fresh);
      return next.key;
    });
    if (!lineKey) return;
  }
  if (!lineKey) return;

  const t = translatorIn(motivationMessages, team.locale);
  const own = new Map((await linesOf(db, team.workspaceId, team.id)).map((line) => [line.id, line]));
  const ownId = /^line:(\d+)$/.exec(lineKey)?.[1];
  if (ownId && !own.has(Number(ownId))) {
    // Removed since the slot claimed it: the post still opens with the line it was given.
    const line = await findLine(db, team.workspaceId, team.id, Number(ownId));
    if (line) own.set(line.id, line);
  }
  const message = motivationPost(t, facts, lineText(t, lineKey, team.name, own), team);
  await deps.pace.turn(team.workspaceId, team.channelId);
  await deps.pace.sending(team.workspaceId, team.channelId);
  const posted = await deps
    .slackFor(team.workspaceId)
    .postMessage({ channel: team.channelId, text: message.text, blocks: message.blocks });
  await savePosted(db, team.id, slot, { channelId: posted.channel, ts: posted.ts });
}

/**
 * Slack refused the post for good (the channel is gone or archived, the app is not in it): the slot is
 * marked failed and the team's supervisors are told once, each in their language, what to do.
 */
async function tellSupervisors(deps: Deps, payload: RoutineSlot): Promise<void> {
  const found = await findTeam(deps.db, payload.workspaceId, payload.teamId);
  if (!found) return;
  if (!(await markFailed(deps.db, found.team.id, new Date(payload.slot)))) return;
  const slack = inWorkspace(deps, payload.workspaceId);
  for (const userId of found.supervisorIds) {
    const t = await translatorFor(slack, motivationMessages, userId, found.team.locale);
    await slack.slack.postMessage({
      channel: userId,
      text: t.t("motivation.failed", { team: escapeMrkdwn(found.team.name), channel: found.team.channelId }),
    });
  }
}
