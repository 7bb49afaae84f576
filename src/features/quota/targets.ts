import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Problem } from "../../platform/errors.js";
import { asFieldError, type FormResult } from "../../platform/slack/index.js";
import type { Period } from "../../platform/time/index.js";
import { findTeam, type Team, type TeamWithMembers } from "../team/index.js";
import { readAmount } from "./money.js";
import { quotaProblems } from "./problems.js";
import { currentPeriod } from "./progress.js";
import { lockSettings, setTarget, targetsInForce } from "./store.js";
import { ensureRuns } from "./teams.js";

const { error, fieldError } = quotaProblems;

export interface TargetChange {
  team: Team;
  period: Period;
  repId: string | null;
  beforeMinor: number | null;
  afterMinor: number;
}

/** A target someone wants, with the value it had when they looked (the form), and the field it came from. */
export interface WantedTarget {
  repId: string | null;
  amountMinor: number;
  /** The target in force when the form opened (null: none); a target changed since is not overwritten. */
  openedMinor?: number | null;
  field?: string;
}

/** `/quota target @rep 150000` (or `team`): sets a target from this period on. Supervisors and admins. */
export async function changeTarget(
  ctx: RequestContext,
  team: TeamWithMembers,
  repId: string | null,
  amountText: string,
): Promise<TargetChange> {
  await ensureRuns(ctx, team, "targets");
  if (repId !== null && !team.repIds.includes(repId)) {
    throw error("quota.target.notRep", { user: repId, team: team.team.name });
  }
  const amountMinor = readAmount(team.team, amountText, "target");
  const [change] = await saveTargets(ctx, team, [{ repId, amountMinor }]);
  return (
    change ?? {
      team: team.team,
      period: currentPeriod(team.team, ctx.deps.clock.now()),
      repId,
      beforeMinor: amountMinor,
      afterMinor: amountMinor,
    }
  );
}

/**
 * Sets several targets from the current period on, in one transaction with the team's targets locked, each
 * change audited and each rep told by DM. Unchanged amounts are left alone, so two supervisors saving the
 * same targets change (and tell) once. A target someone else changed since the form opened is refused on
 * its field rather than overwritten.
 */
export async function saveTargets(
  ctx: RequestContext,
  team: TeamWithMembers,
  wanted: readonly WantedTarget[],
): Promise<TargetChange[]> {
  const { deps } = ctx;
  await ensureRuns(ctx, team, "targets");
  const actor = await ctx.actor();
  const now = deps.clock.now();
  const period = currentPeriod(team.team, now);
  const changes = await deps.db.transaction(async (tx) => {
    await lockSettings(tx, team.team, actor.userId, now);
    const inForce = await targetsInForce(
      tx,
      team.team.id,
      period.key,
      wanted.flatMap((w) => (w.repId === null ? [] : [w.repId])),
    );
    const done: TargetChange[] = [];
    for (const { repId, amountMinor, openedMinor, field } of wanted) {
      const current = inForce.get(repId);
      const beforeMinor =
        current && current.amountMinor > 0 && current.currency === team.team.currency
          ? current.amountMinor
          : null;
      if ((beforeMinor ?? 0) === amountMinor) continue;
      if (openedMinor !== undefined && (openedMinor ?? 0) !== (beforeMinor ?? 0)) {
        throw fieldError(field ?? "team", "quota.targets.changedMeanwhile", {
          amountMinor: beforeMinor ?? 0,
          currency: team.team.currency,
        });
      }
      await setTarget(tx, {
        workspaceId: actor.workspaceId,
        teamId: team.team.id,
        repId,
        periodKey: period.key,
        amountMinor,
        currency: team.team.currency,
        setBy: actor.userId,
        setAt: now,
      });
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "quota.target.set",
        subject: { type: "team", id: team.team.id },
        before: { repId, periodKey: period.key, amountMinor: beforeMinor, currency: team.team.currency },
        after: { repId, periodKey: period.key, amountMinor, currency: team.team.currency },
        at: now,
      });
      done.push({ team: team.team, period, repId, beforeMinor, afterMinor: amountMinor });
      // The rep is told by DM, sent with the change it tells of (not a supervisor setting their own).
      if (repId !== null && repId !== actor.userId) {
        await deps.jobs.send(
          "quota.target.notice",
          {
            workspaceId: team.team.workspaceId,
            teamId: team.team.id,
            repId,
            by: actor.userId,
            periodKey: period.key,
            amountMinor,
          },
          { tx },
        );
      }
    }
    return done;
  });
  return changes;
}

export type TargetsFormResult = FormResult<{ changes: TargetChange[]; period: Period }>;

/** One field of the targets form: whose target, the block it is in, what was typed, what it was when opened. */
export interface TargetField {
  repId: string | null;
  field: string;
  text: string;
  openedMinor: number | null;
}

/**
 * Saves the targets form: each field an amount in the team's way of writing money, or empty for no
 * target. Every rep the form names must be a rep of the team now (the form's list is not trusted). Bad
 * amounts come back as errors on their fields, and then nothing is saved.
 */
export async function saveTargetsForm(
  ctx: RequestContext,
  teamId: number,
  fields: readonly TargetField[],
): Promise<TargetsFormResult> {
  const team = await findTeam(ctx.deps.db, ctx.workspaceId, teamId);
  if (!team) throw error("team.gone");
  await ensureRuns(ctx, team, "targets");
  if (fields.some((f) => f.repId !== null && !team.repIds.includes(f.repId))) {
    throw error("common.error.expiredForm");
  }
  const wanted: WantedTarget[] = [];
  const errors: Record<string, Problem> = {};
  for (const { repId, field, text, openedMinor } of fields) {
    try {
      wanted.push({
        repId,
        amountMinor: text ? readAmount(team.team, text, "target", field) : 0,
        openedMinor,
        field,
      });
    } catch (caught) {
      Object.assign(errors, asFieldError(caught).errors);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    const changes = await saveTargets(ctx, team, wanted);
    return { ok: true, changes, period: currentPeriod(team.team, ctx.deps.clock.now()) };
  } catch (caught) {
    return asFieldError(caught);
  }
}

/** The targets form: every rep with the target in force, and the team's own. */
export async function targetsFor(
  ctx: RequestContext,
  team: TeamWithMembers,
): Promise<{ team: TeamWithMembers; period: Period; targets: Map<string | null, number> }> {
  await ensureRuns(ctx, team, "targets");
  const period = currentPeriod(team.team, ctx.deps.clock.now());
  const inForce = await targetsInForce(ctx.deps.db, team.team.id, period.key, team.repIds);
  const targets = new Map<string | null, number>();
  for (const [repId, target] of inForce)
    if (target.amountMinor > 0 && target.currency === team.team.currency)
      targets.set(repId, target.amountMinor);
  return { team, period, targets };
}
