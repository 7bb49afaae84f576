import type { RequestContext } from "../../platform/context.js";
import { type Problem, problemsOf } from "../../platform/errors.js";
import { claimRequest } from "../../platform/requests/index.js";
import { findTeam, type TeamWithMembers } from "../team/index.js";
import type { StandupMessages } from "./messages.js";
import { type AnswerChange, type AnswerInput, answerChange, answerProblems, newBlocker } from "./rules.js";
import type { Standup, StandupAnswer } from "./schema.js";
import { answerOf, findStandup, insertAnswer, lockStandup, updateAnswer } from "./store.js";
import type { AnswerFormView } from "./views.js";

const { error } = problemsOf<StandupMessages>();

/** The standup a button or form names, and its team, for one of the team's reps; the polite refusal otherwise. */
async function standupForRep(
  ctx: RequestContext,
  standupId: number,
): Promise<{ standup: Standup; team: TeamWithMembers }> {
  const standup = await findStandup(ctx.deps.db, ctx.workspaceId, standupId);
  const team = standup ? await findTeam(ctx.deps.db, ctx.workspaceId, standup.teamId) : null;
  if (!standup || !team) throw error("standup.gone");
  if (!team.repIds.includes(ctx.userId)) throw error("standup.refused.notRep", { team: team.team.name });
  return { standup, team };
}

/**
 * The answer form for a rep of the standup's team: empty, or filled in with their answer to change it.
 * Once the summary is out with their answer in it, it is refused: the summary said what it said.
 */
export async function answerForm(ctx: RequestContext, standupId: number): Promise<AnswerFormView> {
  const { standup, team } = await standupForRep(ctx, standupId);
  const answer = await answerOf(ctx.deps.db, standup.id, ctx.userId);
  if (standup.closedAt && answer)
    throw error(answer.afterSummary ? "standup.refused.finalLate" : "standup.refused.final", {
      team: team.team.name,
    });
  return formOf(standup, team, answer, ctx.deps.clock.now());
}

function formOf(
  standup: Standup,
  team: TeamWithMembers,
  answer: StandupAnswer | null,
  now: Date,
): AnswerFormView {
  return {
    standupId: standup.id,
    teamName: team.team.name,
    day: standup.day,
    timeZone: team.team.timeZone,
    cutoffAt: standup.cutoffAt,
    late: now.getTime() >= standup.cutoffAt.getTime(),
    closed: standup.closedAt !== null,
    answer: answer && { wins: answer.wins, plan: answer.plan, blockers: answer.blockers },
  };
}

export type SavedAnswer =
  | { ok: false; errors: Record<string, Problem> }
  | {
      ok: true;
      /** What changed: a first answer (late or not, in the summary or after it), an edit, or nothing. */
      outcome: "saved" | "late" | "afterSummary" | "unchanged";
      /** The supervisors are being told of a blocker. */
      blocker: boolean;
      standup: Standup;
      timeZone: string;
    };

/**
 * Saves a rep's answer: wins and plan needed (errors on their fields). In one transaction, holding the
 * standup against its close: the first answer (late after the cut-off; after the summary, queued to go to
 * its thread), or the change of one (refused once the summary is out with it). A new blocker queues the
 * supervisors' DM in the same transaction. The same submission twice (a replay) changes nothing.
 */
export async function saveAnswer(
  ctx: RequestContext,
  standupId: number,
  input: AnswerInput,
): Promise<SavedAnswer> {
  const text = { wins: input.wins.trim(), plan: input.plan.trim(), blockers: input.blockers.trim() };
  const problems = answerProblems(text);
  if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
  const { team } = await standupForRep(ctx, standupId);
  const { db, jobs, clock } = ctx.deps;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const standup = await lockStandup(tx, ctx.workspaceId, standupId);
    if (!standup) throw error("standup.gone");
    const answered = (
      outcome: Extract<SavedAnswer, { ok: true }>["outcome"],
      blocker = false,
    ): SavedAnswer => ({
      ok: true,
      outcome,
      blocker,
      standup,
      timeZone: team.team.timeZone,
    });
    const fresh = await claimRequest(tx, {
      workspaceId: ctx.workspaceId,
      requestId: ctx.requestId,
      action: "standup.answer",
      at: now,
    });
    if (!fresh) return answered("unchanged");
    const before = await answerOf(tx, standup.id, ctx.userId);
    const closed = standup.closedAt !== null;
    const change: AnswerChange = answerChange(before, text, { now, cutoffAt: standup.cutoffAt, closed });
    if (change.kind === "final")
      throw error(before?.afterSummary ? "standup.refused.finalLate" : "standup.refused.final", {
        team: team.team.name,
      });
    if (change.kind === "unchanged") return answered("unchanged");
    const key = { standupId: standup.id, repId: ctx.userId };
    const saved =
      change.kind === "new" || !before
        ? await insertAnswer(tx, key, text, {
            late: closed || (change.kind === "new" && change.late),
            afterSummary: closed,
            at: now,
          })
        : await updateAnswer(tx, before, text, now);
    const payload = { workspaceId: ctx.workspaceId, standupId: standup.id, repId: ctx.userId };
    if (closed) await jobs.send("standup.late", payload, { tx });
    const blocker = newBlocker(before, text);
    if (blocker) {
      await jobs.send(
        "standup.blocker",
        { ...payload, version: saved.version, blocker: text.blockers },
        { tx },
      );
    }
    return answered(closed ? "afterSummary" : saved.late ? "late" : "saved", blocker);
  });
}
