import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Deps } from "../../platform/deps.js";
import { type Problem, problemsOf } from "../../platform/errors.js";
import type { FormResult } from "../../platform/slack/index.js";
import { addDays, type Period, periodByKey, previousPeriod } from "../../platform/time/index.js";
import {
  type ApprovalRequest,
  cancelRequest,
  filedBefore,
  fileOnce,
  whoDecides,
} from "../approvals/index.js";
import { type Checkin, currentPeriod, findCheckin, recentCheckinsOf } from "../quota/index.js";
import { findTeam, repTeamOf, type TeamWithMembers, teamsInWorkspace, teamToday } from "../team/index.js";
import type { CommissionMessages } from "./messages.js";
import { CHECKIN_WINDOW_DAYS, type ClaimDraft, type ClaimField, checkClaim } from "./rules.js";
import type { CommissionClaimRow } from "./schema.js";
import { approvedTotal, type Claim, claimOfCheckin, claimsOf, findClaim, insertClaim } from "./store.js";

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "commissions.claims.export": true;
  }
}

const { error, problem } = problemsOf<CommissionMessages>();

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /**
     * Sends a person the CSV of the approved claims of some teams whose deals closed in a period, in their
     * DM: asked for by `/commission export`, made after the answer (it reads profiles and uploads a file).
     */
    "commissions.export": { workspaceId: string; userId: string; periodKey: string; teamIds: number[] };
  }
}

/** The form's input blocks, by the rules' field names. */
export const CLAIM_FIELD = {
  deal: "deal",
  customer: "customer",
  dealAmount: "dealAmount",
  commission: "commission",
  rate: "rate",
  closedOn: "closedOn",
  checkin: "checkin",
  note: "note",
} as const satisfies Record<ClaimField, string>;

/**
 * The team whose deciders and currency a person's claims go by: the team they sell in, else the first team
 * they lead (a supervisor's own claim goes to executives). Someone in no team is told who can add them.
 */
export async function claimTeam(ctx: RequestContext): Promise<TeamWithMembers> {
  const { db } = ctx.deps;
  const sells = await repTeamOf(db, ctx.workspaceId, ctx.userId);
  const teamId = sells?.id ?? (await ctx.actor()).supervises[0];
  const team = teamId === undefined ? null : await findTeam(db, ctx.workspaceId, teamId);
  if (!team) throw error("commissions.team.none");
  return team;
}

/** What the claim form shows: the team, who decides, and the person's recent check-ins to link. */
export interface ClaimFormData {
  team: TeamWithMembers;
  deciders: string[];
  checkins: Checkin[];
}

export async function claimForm(ctx: RequestContext): Promise<ClaimFormData> {
  const team = await claimTeam(ctx);
  const deciders = await whoDecides(ctx, team);
  const since = addDays(teamToday(team.team, ctx.deps.clock), -CHECKIN_WINDOW_DAYS);
  const checkins = await recentCheckinsOf(ctx.deps.db, ctx.workspaceId, ctx.userId, since);
  return { team, deciders, checkins };
}

export interface FiledClaim {
  request: ApprovalRequest;
  claim: CommissionClaimRow;
  deciders: string[];
}

/** The problem with linking a check-in: it must be the person's own and still count. */
async function checkinProblem(ctx: RequestContext, checkinId: number): Promise<Problem | null> {
  const checkin = await findCheckin(ctx.deps.db, ctx.workspaceId, checkinId);
  if (!checkin || checkin.repId !== ctx.userId) return problem("commissions.invalid.checkinNotYours");
  if (checkin.status !== "active") return problem("commissions.invalid.checkinGone");
  const claimed = await claimOfCheckin(ctx.deps.db, ctx.workspaceId, checkinId);
  if (claimed) {
    return problem("commissions.invalid.checkinClaimed", {
      deal: claimed.claim.deal,
      approved: claimed.request.status === "approved",
    });
  }
  return null;
}

/**
 * Files a commission claim from the form: every rule on its field (see `checkClaim`, and the linked
 * check-in must be the person's own), then the approval request and the claim in one transaction with the
 * DMs to its deciders. The same Slack request filed twice (a replay) files one claim.
 */
export async function fileClaim(ctx: RequestContext, draft: ClaimDraft): Promise<FormResult<FiledClaim>> {
  const { deps } = ctx;
  const team = await claimTeam(ctx);
  // A replayed submission is answered as the first one was (its check-in is linked by now).
  const replayed = await filedBefore(ctx, claimDetails(ctx));
  if (replayed)
    return { ok: true, request: replayed.request, claim: replayed.details, deciders: replayed.deciders };
  const { currency, locale } = team.team;
  const checked = checkClaim(draft, { today: teamToday(team.team, deps.clock), currency, language: locale });
  const problems: Partial<Record<ClaimField, Problem>> = checked.ok ? {} : { ...checked.problems };
  if (draft.checkinId !== null) {
    const linked = await checkinProblem(ctx, draft.checkinId);
    if (linked) problems.checkin = linked;
  }
  if (!checked.ok || Object.keys(problems).length > 0) {
    const errors: Record<string, Problem> = {};
    for (const [field, p] of Object.entries(problems)) errors[CLAIM_FIELD[field as ClaimField]] = p;
    return { ok: false, errors };
  }
  const { terms } = checked;
  const filed = await fileOnce(
    ctx,
    { team, kind: "commission", details: { ...terms, currency } },
    {
      insert: async (tx, request) => {
        const claim: CommissionClaimRow = {
          requestId: request.id,
          workspaceId: ctx.workspaceId,
          requesterId: ctx.userId,
          ...terms,
          currency,
        };
        await insertClaim(tx, claim);
        return claim;
      },
      load: claimDetails(ctx),
    },
  );
  return { ok: true, request: filed.request, claim: filed.details, deciders: filed.deciders };
}

/** How the workflow reads a claim's details back (a replayed submission is answered with them). */
function claimDetails(ctx: RequestContext): (request: ApprovalRequest) => Promise<CommissionClaimRow | null> {
  return async (request) => (await findClaim(ctx.deps.db, ctx.workspaceId, request.id))?.claim ?? null;
}

/** How many claims `/commission list` shows. */
export const LIST_MAX = 20;

/** `/commission list`: my latest claims that are pending, approved or denied. */
export function myClaims(ctx: RequestContext): Promise<Claim[]> {
  return claimsOf(ctx.deps.db, ctx.workspaceId, ctx.userId, LIST_MAX);
}

/**
 * Takes back one of my claims while it waits for a decision; the deciders' DMs say so. Guarded: a claim
 * decided or cancelled meanwhile is said to be so.
 */
export async function cancelClaim(ctx: RequestContext, requestId: number): Promise<Claim> {
  const { deps } = ctx;
  const found = await findClaim(deps.db, ctx.workspaceId, requestId);
  if (!found) throw error("approvals.gone");
  if (found.request.requesterId !== ctx.userId) throw error("commissions.cancel.notYours");
  if (found.request.status !== "pending")
    throw error("commissions.cancel.already", { status: found.request.status });
  const at = deps.clock.now();
  const cancelled = await deps.db.transaction((tx) =>
    cancelRequest(deps, tx, {
      workspaceId: ctx.workspaceId,
      requestId,
      requesterId: ctx.userId,
      from: ["pending"],
      at,
    }),
  );
  if (!cancelled) {
    const now = await findClaim(deps.db, ctx.workspaceId, requestId);
    throw error("commissions.cancel.already", { status: now?.request.status ?? "cancelled" });
  }
  return { claim: found.claim, request: cancelled };
}

/** What a person has had approved in the team's current quota period (by close date), in its currency. */
export async function approvedSoFar(
  deps: Pick<Deps, "db" | "clock">,
  team: TeamWithMembers["team"],
  userId: string,
): Promise<{ period: Period; totalMinor: number; count: number }> {
  const period = currentPeriod(team, deps.clock.now());
  const total = await approvedTotal(deps.db, team.workspaceId, userId, team.currency, period);
  return { period, ...total };
}

/** Which period an export is for: one named by its key, or the team's current or last quota period. */
export type PeriodChoice = { kind: "this" } | { kind: "last" } | { kind: "key"; key: string };

/**
 * Starts `/commission export`: for the teams a person pays out (a supervisor their own teams; executives
 * and admins every team), the approved claims whose deals closed in the period, sent to their DM by a job.
 * Anyone else is told politely who can. "this" and "last" are the quota periods of the team of the
 * channel asked in, else of the first of those teams.
 */
export async function startExport(
  ctx: RequestContext,
  choice: PeriodChoice,
): Promise<{ period: Period; teams: TeamWithMembers[] }> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  if (!actor.admin && !actor.executive && actor.supervises.length === 0) {
    const own = await repTeamOf(deps.db, ctx.workspaceId, ctx.userId);
    const team = own ? await findTeam(deps.db, ctx.workspaceId, own.id) : null;
    throw error("commissions.export.refused", { supervisors: team?.supervisorIds ?? [] });
  }
  const teams =
    actor.admin || actor.executive
      ? await teamsInWorkspace(ctx)
      : (await Promise.all(actor.supervises.map((id) => findTeam(deps.db, ctx.workspaceId, id)))).filter(
          (team): team is TeamWithMembers => team !== null,
        );
  const reference = teams.find((team) => team.team.channelId === ctx.channelId) ?? teams[0];
  if (!reference) throw error("commissions.export.noTeams");
  const { team } = reference;
  const current = currentPeriod(team, deps.clock.now());
  const period =
    choice.kind === "this"
      ? current
      : choice.kind === "last"
        ? previousPeriod(current, team.timeZone)
        : periodByKey(choice.key, team.timeZone);
  if (!period) throw error("commissions.export.usage");
  const teamIds = teams.map((t) => t.team.id);
  // Who took the payroll figures, of which teams and period: audited with the job that sends them.
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "commissions.claims.export",
      subject: { type: "period", id: period.key },
      after: { teamIds },
      at: deps.clock.now(),
    });
    await deps.jobs.send(
      "commissions.export",
      { workspaceId: ctx.workspaceId, userId: ctx.userId, periodKey: period.key, teamIds },
      { tx },
    );
  });
  return { period, teams };
}
