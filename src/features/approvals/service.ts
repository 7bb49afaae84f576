import type { KnownBlock } from "@slack/types";
import { knownAdmins, listGrants } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import { findTeam, type TeamWithMembers } from "../team/index.js";
import type { ApprovalMessages } from "./messages.js";
import { decidersOf, refusalToDecide, routeFor } from "./rules.js";
import type { ApprovalKind, ApprovalRequest, ApprovalRoute, ApprovalStatus } from "./schema.js";
import { approvalOfRequest, cancelApproval, decideApproval, findApproval, insertApproval } from "./store.js";

const { error } = problemsOf<ApprovalMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "approvals.request.file": true;
    "approvals.request.approve": true;
    "approvals.request.deny": true;
    "approvals.request.cancel": true;
  }
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /**
     * Puts a request in front of its deciders by DM, or brings the DMs they have up to date (decided by
     * someone, cancelled): one at a time per request, so a DM is posted once and then only updated.
     */
    "approvals.show": { workspaceId: string; requestId: number };
    /** Tells one person by DM what became of a request: the requester a decision, the approver a cancellation. */
    "approvals.tell": {
      workspaceId: string;
      requestId: number;
      userId: string;
      event: "approved" | "denied" | "cancelled";
    };
  }
}

/** How a kind of request describes itself: one line for DMs and lists, and what a decider reads first. */
export interface ApprovalDescription {
  /** "vacation, Mon 6 – Fri 10 July (5 working days)" */
  summary: string;
  /** What the decider weighs: dates, balance, who else is away, the effect on quota pace. */
  details: KnownBlock[];
}

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /** Each kind (leave, commission) describes its own requests; the others answer null. */
    "approvals.describe": {
      args: { request: ApprovalRequest; language: Language; locale: string; forDecider: boolean };
      answer: ApprovalDescription | null;
    };
  }
}

/** The description of a request by its kind, in a language. */
export async function describeApproval(
  deps: Pick<Deps, "hooks">,
  request: ApprovalRequest,
  language: Language,
  locale: string,
  forDecider: boolean,
): Promise<ApprovalDescription> {
  const answers = await deps.hooks.ask("approvals.describe", { request, language, locale, forDecider });
  const found = answers.find((answer) => answer !== null);
  if (!found) throw new Error(`no description for a ${request.kind} request`);
  return found;
}

/** Who a request of someone in a team goes to, and who decides it. */
export async function routeOf(
  deps: Pick<Deps, "db" | "config">,
  team: TeamWithMembers,
  requesterId: string,
): Promise<{ route: ApprovalRoute; deciders: string[] }> {
  const route = routeFor(requesterId, team.supervisorIds);
  return { route, deciders: await decidersFor(deps, team, route, requesterId) };
}

/**
 * Who would decide a request of the person asking, for a form to name before it is filled in; the polite
 * refusal when nobody can (no other supervisor, no executive or admin the app knows of).
 */
export async function whoDecides(ctx: RequestContext, team: TeamWithMembers): Promise<string[]> {
  const { deciders } = await routeOf(ctx.deps, team, ctx.userId);
  if (deciders.length === 0) throw error("approvals.nobodyToDecide");
  return deciders;
}

export async function decidersFor(
  deps: Pick<Deps, "db" | "config">,
  team: TeamWithMembers,
  route: ApprovalRoute,
  requesterId: string,
): Promise<string[]> {
  if (route === "supervisors")
    return decidersOf(route, requesterId, { ...team, executiveIds: [], adminIds: [] });
  const [executives, admins] = await Promise.all([
    listGrants(deps.db, team.team.workspaceId, "executive"),
    knownAdmins(deps, team.team.workspaceId),
  ]);
  return decidersOf(route, requesterId, {
    supervisorIds: [],
    executiveIds: executives.map((g) => g.userId),
    adminIds: admins,
  });
}

/**
 * Files a request in the caller's transaction (with the kind's details), audited, and queues the DMs to
 * its deciders in the same transaction. Null when this Slack request filed it already (a replay).
 */
export async function fileApproval(
  tx: Db,
  input: {
    workspaceId: string;
    team: TeamWithMembers;
    kind: ApprovalKind;
    requesterId: string;
    route: ApprovalRoute;
    requestId: string | null;
    at: Date;
    details: unknown;
  },
): Promise<ApprovalRequest | null> {
  const request = await insertApproval(tx, {
    workspaceId: input.workspaceId,
    teamId: input.team.team.id,
    kind: input.kind,
    requesterId: input.requesterId,
    route: input.route,
    requestId: input.requestId,
    at: input.at,
  });
  if (!request) return null;
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actorId: input.requesterId,
    action: "approvals.request.file",
    subject: { type: `${input.kind}.request`, id: request.id },
    after: { route: input.route, ...(input.details as object) },
    at: input.at,
  });
  return request;
}

/** A kind's side of filing: writing its details with the request, and reading them back. */
export interface KindFiling<T> {
  insert(tx: Db, request: ApprovalRequest): Promise<T>;
  load(request: ApprovalRequest): Promise<T | null>;
}

export interface Filed<T> {
  request: ApprovalRequest;
  details: T;
  deciders: string[];
}

/**
 * The request this Slack request filed before (a replayed submission), with its details; null when it is
 * new. Ask before the kind's own checks, so a replay is answered as the first time, not as a clash with it.
 */
export async function filedBefore<T>(
  ctx: RequestContext,
  load: KindFiling<T>["load"],
): Promise<Filed<T> | null> {
  const earlier = ctx.requestId ? await approvalOfRequest(ctx.deps.db, ctx.workspaceId, ctx.requestId) : null;
  return earlier ? filedAs(ctx, earlier, load) : null;
}

async function filedAs<T>(
  ctx: RequestContext,
  request: ApprovalRequest,
  load: KindFiling<T>["load"],
): Promise<Filed<T>> {
  const [details, team] = await Promise.all([
    load(request),
    findTeam(ctx.deps.db, ctx.workspaceId, request.teamId),
  ]);
  if (details === null || !team) throw error("approvals.gone");
  const { deciders } = await routeOf(ctx.deps, team, request.requesterId);
  return { request, details, deciders };
}

/**
 * Files a request of the person asking, once: the request, the kind's details and the DMs to its deciders
 * in one transaction (audited). Refused politely when nobody can decide it. Should the same Slack request
 * file it meanwhile (two deliveries at once), the one filed is returned.
 */
export async function fileOnce<T>(
  ctx: RequestContext,
  input: { team: TeamWithMembers; kind: ApprovalKind; details: unknown },
  kind: KindFiling<T>,
): Promise<Filed<T>> {
  const { deps } = ctx;
  const deciders = await whoDecides(ctx, input.team);
  const route = routeFor(ctx.userId, input.team.supervisorIds);
  const at = deps.clock.now();
  const filed = await deps.db.transaction(async (tx) => {
    const request = await fileApproval(tx, {
      workspaceId: ctx.workspaceId,
      team: input.team,
      kind: input.kind,
      requesterId: ctx.userId,
      route,
      requestId: ctx.requestId,
      at,
      details: input.details,
    });
    if (!request) return null;
    const details = await kind.insert(tx, request);
    await showToDeciders(deps, tx, request);
    return { request, details, deciders };
  });
  if (filed) return filed;
  const again = await filedBefore(ctx, kind.load);
  if (!again) throw new Error(`a ${input.kind} request was neither filed nor found`);
  return again;
}

/** Queues the DMs of a filed request; call it in the transaction that filed it, after the kind's details. */
export async function showToDeciders(deps: Deps, tx: Db, request: ApprovalRequest): Promise<void> {
  await deps.jobs.send(
    "approvals.show",
    { workspaceId: request.workspaceId, requestId: request.id },
    { tx, key: String(request.id) },
  );
}

function alreadyError(request: ApprovalRequest) {
  if (request.status === "cancelled")
    return error("approvals.already.cancelled", { by: request.requesterId });
  if (request.status === "approved")
    return error("approvals.already.approved", { by: request.decidedBy ?? "" });
  return error("approvals.already.denied", { by: request.decidedBy ?? "" });
}

/** A request this person may decide now; the polite reason otherwise (not theirs to decide, decided already). */
export async function decidable(ctx: RequestContext, requestId: number): Promise<ApprovalRequest> {
  const { deps } = ctx;
  const request = await findApproval(deps.db, ctx.workspaceId, requestId);
  if (!request) throw error("approvals.gone");
  const actor = await ctx.actor();
  const refusal = refusalToDecide(actor, request);
  if (refusal === "own") throw error("approvals.refused.own");
  if (refusal === "executives") throw error("approvals.refused.executives");
  if (refusal === "supervisors") {
    const team = await findTeam(deps.db, ctx.workspaceId, request.teamId);
    throw error("approvals.refused.supervisors", { team: team?.team.name ?? "" });
  }
  if (request.status !== "pending") throw alreadyError(request);
  return request;
}

/**
 * Approves or denies a pending request. The update is guarded (only a pending request is decided), so of
 * two deciders at once exactly one decides; the other is told who did. Audited; the requester is told and
 * every decider's DM updated, through jobs queued in the same transaction.
 */
export async function decideRequest(
  ctx: RequestContext,
  requestId: number,
  decision: "approved" | "denied",
  reason: string | null,
): Promise<ApprovalRequest> {
  const { deps } = ctx;
  await decidable(ctx, requestId);
  const at = deps.clock.now();
  const decided = await deps.db.transaction(async (tx) => {
    const row = await decideApproval(tx, {
      workspaceId: ctx.workspaceId,
      id: requestId,
      status: decision,
      by: ctx.userId,
      reason,
      at,
    });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: decision === "approved" ? "approvals.request.approve" : "approvals.request.deny",
      subject: { type: `${row.kind}.request`, id: row.id },
      before: { status: "pending" },
      after: { status: decision, ...(reason ? { reason } : {}) },
      at,
    });
    await deps.jobs.send(
      "approvals.tell",
      { workspaceId: row.workspaceId, requestId: row.id, userId: row.requesterId, event: decision },
      { tx },
    );
    await deps.jobs.send(
      "approvals.show",
      { workspaceId: row.workspaceId, requestId: row.id },
      { tx, key: String(row.id) },
    );
    return row;
  });
  if (decided) return decided;
  // Someone else decided (or it was cancelled) between our read and our update.
  const now = await findApproval(deps.db, ctx.workspaceId, requestId);
  if (!now) throw error("approvals.gone");
  throw alreadyError(now);
}

/**
 * Cancels a request for the person who filed it, from the states the kind allows (leave: pending, or
 * approved and not yet begun). The deciders' DMs say so; an approver learns that what they approved is off.
 * Null when it was no longer in one of those states.
 */
export async function cancelRequest(
  deps: Deps,
  tx: Db,
  input: {
    workspaceId: string;
    requestId: number;
    requesterId: string;
    from: readonly ApprovalStatus[];
    at: Date;
  },
): Promise<ApprovalRequest | null> {
  const before = await findApproval(tx, input.workspaceId, input.requestId);
  const row = await cancelApproval(tx, {
    workspaceId: input.workspaceId,
    id: input.requestId,
    requesterId: input.requesterId,
    from: input.from,
    at: input.at,
  });
  if (!row) return null;
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actorId: input.requesterId,
    action: "approvals.request.cancel",
    subject: { type: `${row.kind}.request`, id: row.id },
    before: { status: before?.status ?? null },
    after: { status: "cancelled" },
    at: input.at,
  });
  await deps.jobs.send(
    "approvals.show",
    { workspaceId: row.workspaceId, requestId: row.id },
    { tx, key: String(row.id) },
  );
  if (before?.status === "approved" && row.decidedBy) {
    await deps.jobs.send(
      "approvals.tell",
      { workspaceId: row.workspaceId, requestId: row.id, userId: row.decidedBy, event: "cancelled" },
      { tx },
    );
  }
  return row;
}
