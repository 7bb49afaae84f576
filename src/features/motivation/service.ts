import { decide } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import { problemsOf } from "../../platform/errors.js";
import { translatorIn, typedText } from "../../platform/slack/index.js";
import { localDate } from "../../platform/time/index.js";
import { memberTeam, type TeamWithMembers } from "../team/index.js";
import { composePost, gatherFacts, upcomingLine } from "./facts.js";
import { type MotivationMessages, motivationMessages } from "./messages.js";
import { lineProblem } from "./rules.js";
import { LINE_MAX, type MotivationLine } from "./schema.js";
import { findLine, insertLine, linesOf, previousPostAt, retireLine } from "./store.js";
import type { Message } from "./views.js";

const { error } = problemsOf<MotivationMessages>();

/** A team has at most this many lines of its own (its list stays one readable message). */
export const LINES_MAX = 100;

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "motivation.line.add": true;
    "motivation.line.remove": true;
  }
}

/**
 * The team `/motivation` is about: the one whose channel it runs in, else the only team the person leads
 * or sells in. Anything else is the team directory's polite question back.
 */
export function teamFor(ctx: RequestContext): Promise<TeamWithMembers> {
  return memberTeam(ctx);
}

/** A team's lines are changed (and its post previewed) by its supervisors and admins. */
async function ensureRuns(
  ctx: RequestContext,
  team: TeamWithMembers,
  refusal: "motivation.refused.manage" | "motivation.refused.preview",
): Promise<void> {
  const actor = await ctx.actor();
  if (decide(actor, { type: "team.manage", teamId: team.team.id }).allowed) return;
  throw error(refusal, { team: team.team.name, supervisors: team.supervisorIds });
}

/** `/motivation list`: the team's own lines, for its members, executives and admins. */
export async function listLines(
  ctx: RequestContext,
): Promise<{ team: TeamWithMembers; lines: MotivationLine[] }> {
  const team = await teamFor(ctx);
  const actor = await ctx.actor();
  if (!decide(actor, { type: "team.view", teamId: team.team.id }).allowed)
    throw error("motivation.refused.list", { team: team.team.name });
  return { team, lines: await linesOf(ctx.deps.db, ctx.workspaceId, team.team.id) };
}

/**
 * `/motivation add <text>`: a line of the team's own, read as the person typed it (mentions as their
 * names), checked, added once per Slack request and audited. The same line twice is pointed at the first.
 */
export async function addLine(
  ctx: RequestContext,
  raw: string,
): Promise<{ team: TeamWithMembers; line: MotivationLine }> {
  const team = await teamFor(ctx);
  await ensureRuns(ctx, team, "motivation.refused.manage");
  const text = typedText(raw).replace(/\s+/g, " ").trim();
  const problem = lineProblem(text, LINE_MAX);
  if (problem === "empty") throw error("motivation.error.empty");
  if (problem === "tooLong") throw error("motivation.error.tooLong", { count: text.length, max: LINE_MAX });
  const { deps } = ctx;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const existing = await linesOf(tx, ctx.workspaceId, team.team.id);
    const same = existing.find((line) => line.text.toLowerCase() === text.toLowerCase());
    // A replay of this very request finds its line; anyone else's same words are pointed at it.
    if (same && same.requestId !== ctx.requestId) throw error("motivation.duplicate", { id: same.id });
    if (!same && existing.length >= LINES_MAX) throw error("motivation.error.full", { max: LINES_MAX });
    const { line, created } = await insertLine(tx, {
      workspaceId: ctx.workspaceId,
      teamId: team.team.id,
      text,
      addedBy: ctx.userId,
      addedAt: now,
      requestId: ctx.requestId ?? `${ctx.userId}:${now.toISOString()}`,
    });
    if (created) {
      await recordAudit(tx, {
        workspaceId: ctx.workspaceId,
        actorId: ctx.userId,
        action: "motivation.line.add",
        subject: { type: "motivation_line", id: line.id },
        after: { teamId: team.team.id, text },
        at: now,
      });
    }
    return { team, line };
  });
}

/**
 * `/motivation remove <n>`: takes line n out of the rotation (it stays for the record), once: a second
 * remove (a double run, another supervisor) is told it was already removed.
 */
export async function removeLine(
  ctx: RequestContext,
  id: number | null,
): Promise<{ line: MotivationLine; already: boolean }> {
  const team = await teamFor(ctx);
  await ensureRuns(ctx, team, "motivation.refused.manage");
  if (id === null) throw error("motivation.error.removeUsage");
  const { deps } = ctx;
  const line = await findLine(deps.db, ctx.workspaceId, team.team.id, id);
  if (!line) throw error("motivation.gone", { id, team: team.team.name });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const removed = await retireLine(tx, line.id, ctx.userId, now);
    if (!removed) return { line, already: true };
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "motivation.line.remove",
      subject: { type: "motivation_line", id: line.id },
      before: { teamId: team.team.id, text: line.text },
      at: now,
    });
    return { line: removed, already: false };
  });
}

/**
 * `/motivation preview`: what the team's post would say now (the same facts and builder as the post, the
 * line it would open with), for its supervisors and admins; nothing is used up or posted. Null: nothing
 * would be posted.
 */
export async function previewPost(
  ctx: RequestContext,
): Promise<{ team: TeamWithMembers; post: Message | null }> {
  const team = await teamFor(ctx);
  await ensureRuns(ctx, team, "motivation.refused.preview");
  const { deps } = ctx;
  const now = deps.clock.now();
  const previous = await previousPostAt(deps.db, team.team.id, now);
  const facts = await gatherFacts(deps, team, now, localDate(now, team.team.timeZone), previous);
  const line = await upcomingLine(deps, team);
  const t = translatorIn(motivationMessages, team.team.locale);
  return { team, post: composePost(t, team, facts, line) };
}
