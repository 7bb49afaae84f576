import type { Button } from "@slack/types";
import { knownAdmins, listGrants } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import { findTeam, repTeamOf } from "../team/index.js";
import type { EscalationMessages } from "./messages.js";
import { mayEscalate, refusalToHandle, routeFor } from "./rules.js";
import type { Escalation, EscalationCategory, EscalationRoute, EscalationUrgency } from "./schema.js";
import {
  acknowledgeEscalation,
  escalationOfRequest,
  findEscalation,
  insertEscalation,
  resolveEscalation,
} from "./store.js";

const { error, fieldError } = problemsOf<EscalationMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "escalations.raise": true;
    "escalations.acknowledge": true;
    "escalations.resolve": true;
  }
}

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * What else the app knows about an escalation's rep, for its DMs: warnings and coaching answer with
     * lines (the rep's active warnings and coaching plan, what was done under this escalation) and, for a
     * handler while it is not resolved, buttons (Issue a warning, Start a coaching plan).
     */
    "escalations.record": {
      args: { escalation: Escalation; language: Language; locale: string; viewer: "handler" | "raiser" };
      answer: EscalationRecord;
    };
  }
}

/** One feature's part of an escalation DM. */
export interface EscalationRecord {
  lines: string[];
  buttons: Button[];
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /**
     * Puts an escalation in front of its handlers and tells the executive who raised it, or brings every
     * DM about it up to date (acknowledged, resolved): one at a time per escalation, so a DM is posted once
     * and then only updated.
     */
    "escalations.show": { workspaceId: string; escalationId: number };
  }
}

/** The modal's block ids (each input's action id is "value"). */
export const ESCALATION_FIELD = {
  rep: "rep",
  category: "category",
  details: "details",
  urgency: "urgency",
} as const;

/** The message an escalation is raised from: where it is, and (when it still exists) its link and words. */
export interface SourceMessage {
  channel: string;
  ts: string;
  /** Null when the message was deleted before the shortcut reached us. */
  permalink: string | null;
  excerpt: string | null;
}

export interface EscalationInput {
  repId: string | null;
  category: EscalationCategory;
  urgency: EscalationUrgency;
  details: string;
  message: SourceMessage | null;
}

export interface Raised {
  escalation: Escalation;
  /** The rep's team's name, when routed to its supervisors. */
  teamName: string | null;
  handlers: string[];
}

/** Refuses anyone but executives and admins, naming who may escalate. */
export async function ensureMayEscalate(ctx: RequestContext): Promise<void> {
  if (mayEscalate(await ctx.actor())) return;
  const [executives, admins] = await Promise.all([
    listGrants(ctx.deps.db, ctx.workspaceId, "executive"),
    knownAdmins(ctx.deps, ctx.workspaceId),
  ]);
  throw error("escalations.refused.escalate", {
    executives: executives.map((g) => g.userId).slice(0, 5),
    admins: admins.filter((id) => !executives.some((g) => g.userId === id)),
  });
}

/**
 * Who an escalation is in front of: the supervisors of the rep's team, or the known admins for one routed
 * to admins (or whose team has gone since); never the executive who raised it.
 */
export async function handlersOf(
  deps: Pick<Deps, "db" | "config">,
  escalation: Pick<Escalation, "workspaceId" | "route" | "teamId" | "raisedBy">,
): Promise<{ handlers: string[]; teamName: string | null }> {
  if (escalation.route === "supervisors" && escalation.teamId !== null) {
    const team = await findTeam(deps.db, escalation.workspaceId, escalation.teamId);
    if (team && team.supervisorIds.length > 0) {
      return {
        handlers: team.supervisorIds.filter((id) => id !== escalation.raisedBy),
        teamName: team.team.name,
      };
    }
  }
  const admins = await knownAdmins(deps, escalation.workspaceId);
  return { handlers: admins.filter((id) => id !== escalation.raisedBy), teamName: null };
}

/**
 * Raises an escalation about a rep, once: routed to the rep's team's supervisors (admins when there are
 * none), audited, and the DMs queued in the same transaction. A replayed submission answers as the first.
 */
export async function raise(ctx: RequestContext, input: EscalationInput): Promise<Raised> {
  const { deps } = ctx;
  await ensureMayEscalate(ctx);
  if (ctx.requestId) {
    const earlier = await escalationOfRequest(deps.db, ctx.workspaceId, ctx.requestId);
    if (earlier) return { escalation: earlier, ...(await handlersOf(deps, earlier)) };
  }
  if (!input.repId) throw fieldError(ESCALATION_FIELD.rep, "escalations.error.repMissing");
  const rep = await ctx.users.get(input.repId);
  if (!rep || rep.isBot || rep.deleted)
    throw fieldError(ESCALATION_FIELD.rep, "escalations.error.notAPerson");
  const details = input.details.trim();
  if (!details) throw fieldError(ESCALATION_FIELD.details, "escalations.error.detailsMissing");

  const team = await repTeamOf(deps.db, ctx.workspaceId, input.repId);
  const withMembers = team ? await findTeam(deps.db, ctx.workspaceId, team.id) : null;
  const supervisors = (withMembers?.supervisorIds ?? []).filter((id) => id !== ctx.userId);
  const route: EscalationRoute = routeFor(supervisors);
  const fields = { workspaceId: ctx.workspaceId, route, teamId: team?.id ?? null, raisedBy: ctx.userId };
  const routed = await handlersOf(deps, fields);
  if (routed.handlers.length === 0) throw error("escalations.error.nobodyToHandle");

  const at = deps.clock.now();
  const raised = await deps.db.transaction(async (tx) => {
    const row = await insertEscalation(tx, {
      ...fields,
      repId: input.repId as string,
      category: input.category,
      urgency: input.urgency,
      details,
      messageChannel: input.message?.channel ?? null,
      messageTs: input.message?.ts ?? null,
      permalink: input.message?.permalink ?? null,
      excerpt: input.message?.excerpt ?? null,
      requestId: ctx.requestId,
      at,
    });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "escalations.raise",
      subject: { type: "escalation", id: row.id },
      after: {
        repId: row.repId,
        route,
        teamId: row.teamId,
        category: row.category,
        urgency: row.urgency,
        ...(row.permalink ? { permalink: row.permalink } : {}),
      },
      at,
    });
    await show(deps, tx, row);
    return row;
  });
  if (raised) return { escalation: raised, ...routed };
  // The same Slack request raised it meanwhile (two deliveries at once): answer with that one.
  const again = ctx.requestId ? await escalationOfRequest(deps.db, ctx.workspaceId, ctx.requestId) : null;
  if (!again) throw new Error("an escalation was neither raised nor found");
  return { escalation: again, ...(await handlersOf(deps, again)) };
}

/**
 * Queues the serial job that posts or updates every DM about an escalation; call it in the transaction
 * that changed it (or something it shows: a linked warning or coaching plan).
 */
export async function show(
  deps: Pick<Deps, "jobs">,
  tx: Db,
  escalation: Pick<Escalation, "workspaceId" | "id">,
): Promise<void> {
  await deps.jobs.send(
    "escalations.show",
    { workspaceId: escalation.workspaceId, escalationId: escalation.id },
    { tx, key: String(escalation.id) },
  );
}

/**
 * An escalation this person may handle (its rep's supervisors, or admins), for a warning or coaching plan
 * linked to it; the polite refusal otherwise.
 */
export async function handledEscalation(ctx: RequestContext, id: number): Promise<Escalation> {
  return actable(ctx, id);
}

function alreadyError(escalation: Escalation) {
  if (escalation.status === "resolved")
    return error("escalations.already.resolved", { by: escalation.resolvedBy ?? "" });
  return error("escalations.already.acknowledged", { by: escalation.acknowledgedBy ?? "" });
}

/** An escalation this person may act on; the polite refusal otherwise, naming who may. */
async function actable(ctx: RequestContext, id: number): Promise<Escalation> {
  const escalation = await findEscalation(ctx.deps.db, ctx.workspaceId, id);
  if (!escalation) throw error("escalations.gone");
  const refusal = refusalToHandle(await ctx.actor(), escalation);
  if (refusal === "admins") throw error("escalations.refused.admins");
  if (refusal === "supervisors") {
    const team =
      escalation.teamId === null ? null : await findTeam(ctx.deps.db, ctx.workspaceId, escalation.teamId);
    throw error("escalations.refused.supervisors", {
      team: team?.team.name ?? "",
      supervisors: team?.supervisorIds ?? [],
    });
  }
  return escalation;
}

/** An escalation this person may resolve now (for the resolve form); the polite reason otherwise. */
export async function resolvable(ctx: RequestContext, id: number): Promise<Escalation> {
  const escalation = await actable(ctx, id);
  if (escalation.status === "resolved") throw alreadyError(escalation);
  return escalation;
}

/**
 * Acknowledges an open escalation. Guarded (only an open one is acknowledged), so a double click or two
 * supervisors at once make one change; the other is told who did. Audited; every DM is brought up to date.
 */
export async function acknowledge(ctx: RequestContext, id: number): Promise<Escalation> {
  const before = await actable(ctx, id);
  if (before.status !== "open") throw alreadyError(before);
  return changeStatus(ctx, id, {
    action: "escalations.acknowledge",
    before: { status: "open" },
    after: { status: "acknowledged" },
    write: (tx, at) => acknowledgeEscalation(tx, { workspaceId: ctx.workspaceId, id, by: ctx.userId, at }),
  });
}

/** Resolves an open or acknowledged escalation with a note the executive reads; guarded and audited. */
export async function resolve(ctx: RequestContext, id: number, note: string): Promise<Escalation> {
  const before = await resolvable(ctx, id);
  return changeStatus(ctx, id, {
    action: "escalations.resolve",
    before: { status: before.status },
    after: { status: "resolved", note },
    write: (tx, at) => resolveEscalation(tx, { workspaceId: ctx.workspaceId, id, by: ctx.userId, note, at }),
  });
}

/**
 * Writes a guarded change of an escalation's status with its audit and brings every DM up to date, in
 * one transaction; when the guard finds it changed meanwhile, says who did it (or that it is gone).
 */
async function changeStatus(
  ctx: RequestContext,
  id: number,
  change: {
    action: "escalations.acknowledge" | "escalations.resolve";
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    write: (tx: Db, at: Date) => Promise<Escalation | null>;
  },
): Promise<Escalation> {
  const { deps } = ctx;
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const row = await change.write(tx, at);
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: change.action,
      subject: { type: "escalation", id: row.id },
      before: change.before,
      after: change.after,
      at,
    });
    await show(deps, tx, row);
    return row;
  });
  if (done) return done;
  const now = await findEscalation(deps.db, ctx.workspaceId, id);
  if (!now) throw error("escalations.gone");
  throw alreadyError(now);
}
