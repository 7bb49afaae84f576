import type { Button } from "@slack/types";
import { decide, ensureAllowed } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Deps } from "../../platform/deps.js";
import { problemError, problemsOf, UserError } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import { type LocalDate, localDate } from "../../platform/time/index.js";
import { type Escalation, escalationsAbout, showEscalation } from "../escalations/index.js";
import { findTeam, repTeamOf, type Team } from "../team/index.js";
import type { WarningMessages } from "./messages.js";
import { defaultExpiry, expiryProblem, type Suggestion, suggestLevel } from "./rules.js";
import type { Warning, WarningLevel, WarningReason } from "./schema.js";
import { acknowledgeWarning, findWarning, insertWarning, warningOfRequest, warningsOf } from "./store.js";

const { error, fieldError } = problemsOf<WarningMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "warnings.issue": true;
    "warnings.acknowledge": true;
    /** Someone read another person's warning history. */
    "warnings.history.view": true;
  }
}

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * Buttons other features add to the issuer's DM about a warning (coaching: "Start a coaching plan").
     */
    "warnings.actions": {
      args: { warning: Warning; language: Language; locale: string };
      answer: Button[];
    };
  }
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Puts a warning in front of the rep and the issuer, or brings both DMs up to date (receipt). */
    "warnings.show": { workspaceId: string; warningId: number };
    /** Tells one person (the issuer, the rep's supervisors) that the rep acknowledged receipt. */
    "warnings.tell": { workspaceId: string; warningId: number; userId: string };
  }
}

/** The modal's block ids (each input's action id is "value", the rep's is WARNING_REP_ACTION). */
export const WARNING_FIELD = {
  rep: "rep",
  level: "level",
  reason: "reason",
  details: "details",
  escalation: "escalation",
  expiry: "expiry",
} as const;

/** Where a rep stands: their team (if any) with its supervisors, its zone, and today there. */
export interface RepPlace {
  team: Team | null;
  supervisorIds: string[];
  zone: string;
  today: LocalDate;
}

export async function placeOf(
  deps: Pick<Deps, "db" | "clock">,
  workspaceId: string,
  repId: string,
): Promise<RepPlace> {
  const team = await repTeamOf(deps.db, workspaceId, repId);
  const full = team ? await findTeam(deps.db, workspaceId, team.id) : null;
  const zone = team?.timeZone ?? "UTC";
  return { team, supervisorIds: full?.supervisorIds ?? [], zone, today: localDate(deps.clock.now(), zone) };
}

/**
 * Refuses anyone but the rep's team's supervisors, executives and admins (never the rep themself),
 * naming who may; the rep's place otherwise.
 */
export async function ensureMayWarn(ctx: RequestContext, repId: string): Promise<RepPlace> {
  if (repId === ctx.userId) throw error("warnings.refused.self");
  const place = await placeOf(ctx.deps, ctx.workspaceId, repId);
  await ensureAllowed(
    ctx.deps,
    await ctx.actor(),
    { type: "rep.discipline", repId, repTeamId: place.team?.id ?? null },
    place.team ? { team: { name: place.team.name, supervisorIds: place.supervisorIds } } : {},
  );
  return place;
}

/** What the warning form shows: the rep (if known), the suggested level and why, their open escalations. */
export interface WarnForm {
  repId: string | null;
  suggestion: Suggestion | null;
  /** The zone dates are shown in: the rep's team's, else UTC. */
  zone: string;
  escalations: Escalation[];
  escalationId: number | null;
  expiresOn: LocalDate;
}

/**
 * The form for a warning. Without a rep, anyone who may warn someone (a supervisor, an executive, an
 * admin) gets it empty; with one, only those who may warn that rep, with the suggestion.
 */
export async function warnForm(
  ctx: RequestContext,
  from: { repId?: string | null; escalationId?: number | null },
): Promise<WarnForm> {
  const { deps } = ctx;
  if (!from.repId) {
    const actor = await ctx.actor();
    if (!(actor.admin || actor.executive || actor.supervises.length > 0)) {
      await ensureAllowed(deps, actor, { type: "rep.discipline", repId: "", repTeamId: null });
    }
    const today = localDate(deps.clock.now(), "UTC");
    return {
      repId: null,
      suggestion: null,
      zone: "UTC",
      escalations: [],
      escalationId: null,
      expiresOn: defaultExpiry(today),
    };
  }
  const place = await ensureMayWarn(ctx, from.repId);
  const [all, open] = await Promise.all([
    warningsOf(deps.db, ctx.workspaceId, from.repId),
    escalationsAbout(deps.db, ctx.workspaceId, from.repId),
  ]);
  return {
    repId: from.repId,
    suggestion: suggestLevel(all, place.today),
    zone: place.zone,
    escalations: open,
    escalationId: open.some((e) => e.id === from.escalationId) ? (from.escalationId ?? null) : null,
    expiresOn: defaultExpiry(place.today),
  };
}

export interface WarnInput {
  repId: string | null;
  level: WarningLevel | null;
  reason: WarningReason | null;
  details: string;
  escalationId: number | null;
  expiresOn: string | null;
}

/**
 * Issues a warning, once: checked (who may, the fields), inserted, audited, and the DMs to the rep and
 * the issuer queued in the same transaction (and the linked escalation's DMs brought up to date). A
 * replayed submission answers as the first.
 */
export async function issue(ctx: RequestContext, input: WarnInput): Promise<Warning> {
  const { deps } = ctx;
  if (ctx.requestId) {
    const earlier = await warningOfRequest(deps.db, ctx.workspaceId, ctx.requestId);
    if (earlier) return earlier;
  }
  const { repId } = input;
  if (!repId) throw fieldError(WARNING_FIELD.rep, "warnings.error.repMissing");
  const rep = await ctx.users.get(repId);
  if (!rep || rep.isBot || rep.deleted) throw fieldError(WARNING_FIELD.rep, "warnings.error.notAPerson");
  let place: RepPlace;
  try {
    place = await ensureMayWarn(ctx, repId);
  } catch (refusal) {
    // Shown on the form's rep field: choose someone you may warn.
    if (refusal instanceof UserError) {
      throw problemError(
        { key: refusal.key, params: refusal.params as Record<string, unknown> },
        WARNING_FIELD.rep,
      );
    }
    throw refusal;
  }
  if (!input.level) throw fieldError(WARNING_FIELD.level, "warnings.error.levelMissing");
  if (!input.reason) throw fieldError(WARNING_FIELD.reason, "warnings.error.reasonMissing");
  const details = input.details.trim().slice(0, 2000);
  if (!details) throw fieldError(WARNING_FIELD.details, "warnings.error.detailsMissing");
  const expiry = expiryProblem(input.expiresOn, place.today);
  if (expiry) throw problemError(expiry, WARNING_FIELD.expiry);
  if (input.escalationId !== null) {
    const open = await escalationsAbout(deps.db, ctx.workspaceId, repId);
    if (!open.some((e) => e.id === input.escalationId))
      throw fieldError(WARNING_FIELD.escalation, "warnings.error.escalationNotRep");
  }

  const at = deps.clock.now();
  const issued = await deps.db.transaction(async (tx) => {
    const row = await insertWarning(tx, {
      workspaceId: ctx.workspaceId,
      repId,
      teamId: place.team?.id ?? null,
      level: input.level as WarningLevel,
      reason: input.reason as WarningReason,
      details,
      escalationId: input.escalationId,
      issuedBy: ctx.userId,
      expiresOn: input.expiresOn as LocalDate,
      requestId: ctx.requestId,
      at,
    });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "warnings.issue",
      subject: { type: "warning", id: row.id },
      after: {
        repId,
        teamId: row.teamId,
        level: row.level,
        reason: row.reason,
        expiresOn: row.expiresOn,
        escalationId: row.escalationId,
      },
      at,
    });
    await show(deps, tx, row);
    if (row.escalationId !== null)
      await showEscalation(deps, tx, { workspaceId: row.workspaceId, id: row.escalationId });
    return row;
  });
  if (issued) return issued;
  // The same Slack request issued it meanwhile (two deliveries at once): answer with that one.
  const again = ctx.requestId ? await warningOfRequest(deps.db, ctx.workspaceId, ctx.requestId) : null;
  if (!again) throw new Error("a warning was neither issued nor found");
  return again;
}

/**
 * Queues the serial job that posts or updates the DMs about a warning, in the transaction that changed it
 * (or something they show: a coaching plan started from it).
 */
export async function show(
  deps: Pick<Deps, "jobs">,
  tx: Parameters<typeof insertWarning>[0],
  warning: Pick<Warning, "workspaceId" | "id">,
) {
  await deps.jobs.send(
    "warnings.show",
    { workspaceId: warning.workspaceId, warningId: warning.id },
    { tx, key: String(warning.id) },
  );
}

/**
 * The rep acknowledges receipt: only the rep (a forged click by anyone else is refused and changes
 * nothing), once (guarded on not yet acknowledged; a second click learns when it was). Audited; the DMs
 * updated; the issuer and the rep's team's supervisors told.
 */
export async function acknowledgeReceipt(
  ctx: RequestContext,
  id: number,
): Promise<{ warning: Warning; already: boolean }> {
  const { deps } = ctx;
  const before = await findWarning(deps.db, ctx.workspaceId, id);
  if (!before) throw error("warnings.gone");
  if (before.repId !== ctx.userId) throw error("warnings.refused.acknowledge", { rep: before.repId });
  if (before.acknowledgedAt) return { warning: before, already: true };
  const place = await placeOf(deps, ctx.workspaceId, before.repId);
  const told = [...new Set([before.issuedBy, ...place.supervisorIds])].filter((u) => u !== before.repId);
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const row = await acknowledgeWarning(tx, { workspaceId: ctx.workspaceId, id, repId: ctx.userId, at });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "warnings.acknowledge",
      subject: { type: "warning", id: row.id },
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: at.toISOString() },
      at,
    });
    await show(deps, tx, row);
    for (const userId of told) {
      await deps.jobs.send(
        "warnings.tell",
        { workspaceId: row.workspaceId, warningId: row.id, userId },
        { tx },
      );
    }
    if (row.escalationId !== null)
      await showEscalation(deps, tx, { workspaceId: row.workspaceId, id: row.escalationId });
    return row;
  });
  if (done) return { warning: done, already: false };
  const now = await findWarning(deps.db, ctx.workspaceId, id);
  if (!now) throw error("warnings.gone");
  return { warning: now, already: true };
}

/** A rep's warnings as one may see them: every one (active and expired), with the rep's zone and today. */
export interface WarningList {
  repId: string;
  warnings: Warning[];
  zone: string;
  today: LocalDate;
}

/**
 * A rep's history, for the rep, the supervisors of the rep's team, executives and admins; another team's
 * supervisor is refused, and a rep asking about someone else is told what they may see. Every read of
 * another person's history is audited.
 */
export async function history(ctx: RequestContext, repId: string): Promise<WarningList> {
  const { deps } = ctx;
  const place = await placeOf(deps, ctx.workspaceId, repId);
  const actor = await ctx.actor();
  const permission = { type: "rep.record.view", repId, repTeamId: place.team?.id ?? null } as const;
  if (!decide(actor, permission).allowed) {
    if (!(actor.executive || actor.supervises.length > 0))
      throw error("warnings.refused.historyRep", { team: place.team?.name ?? "" });
    await ensureAllowed(deps, actor, permission, {
      ...(place.team ? { team: { name: place.team.name, supervisorIds: place.supervisorIds } } : {}),
    });
  }
  const rows = await warningsOf(deps.db, ctx.workspaceId, repId);
  if (repId !== ctx.userId) {
    await recordAudit(deps.db, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "warnings.history.view",
      subject: { type: "rep", id: repId },
      after: { warnings: rows.length },
      at: deps.clock.now(),
    });
  }
  return { repId, warnings: rows, zone: place.zone, today: place.today };
}

/** One's own warnings (`/warn mine`). */
export async function mine(ctx: RequestContext): Promise<WarningList> {
  const place = await placeOf(ctx.deps, ctx.workspaceId, ctx.userId);
  const rows = await warningsOf(ctx.deps.db, ctx.workspaceId, ctx.userId);
  return { repId: ctx.userId, warnings: rows, zone: place.zone, today: place.today };
}
