import { decide } from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Period } from "../../platform/time/index.js";
import { findProducts, type Product } from "../products/index.js";
import { findTeam, type Team, type TeamWithMembers } from "../team/index.js";
import { auditCheckin } from "./audit.js";
import { syncPost } from "./checkins.js";
import { refreshHomes } from "./homes.js";
import { ensureWithinMax, readAmount } from "./money.js";
import { quotaProblems } from "./problems.js";
import { currentPeriod } from "./progress.js";
import { ENTRIES_MAX, NOTE_MAX } from "./rules.js";
import type { Checkin } from "./schema.js";
import { rulesOf } from "./settings.js";
import { correctCheckin, findCheckin, listCheckins, retireCheckin } from "./store.js";
import { ensureRuns, ensureSees, teamInContext } from "./teams.js";

const { error, fieldError } = quotaProblems;

export interface Entries {
  team: TeamWithMembers;
  period: Period;
  checkins: Checkin[];
  products: Map<number, Product>;
  /** People's names, for the places Slack shows as plain text (a confirm dialog). */
  names: Map<string, string>;
  mayCorrect: boolean;
  /** Whose entries: one rep's, or (null) everyone's. */
  repId: string | null;
}

/** `/quota entries [@rep]`: this period's check-ins, newest first; a rep sees only their own. */
export async function entries(ctx: RequestContext, repId: string | null): Promise<Entries> {
  const team = await teamInContext(ctx);
  const mayCorrect = decide(await ctx.actor(), { type: "team.manage", teamId: team.team.id }).allowed;
  if (!mayCorrect) {
    if (repId !== null && repId !== ctx.userId) throw error("quota.entries.ownOnly");
    await ensureSees(ctx, team);
  }
  const whose = mayCorrect ? repId : ctx.userId;
  return entriesOf(ctx, team, whose, mayCorrect);
}

async function entriesOf(
  ctx: RequestContext,
  team: TeamWithMembers,
  repId: string | null,
  mayCorrect: boolean,
): Promise<Entries> {
  const { deps } = ctx;
  const period = currentPeriod(team.team, deps.clock.now());
  const rows = await listCheckins(deps.db, team.team.id, period, {
    repId: repId ?? undefined,
    limit: ENTRIES_MAX,
  });
  const productIds = [...new Set(rows.flatMap((r) => (r.productId ? [r.productId] : [])))];
  const repIds = [...new Set(rows.map((r) => r.repId))];
  const [products, profiles] = await Promise.all([
    findProducts(deps.db, productIds),
    Promise.all(repIds.map((id) => ctx.users.get(id).catch(() => null))),
  ]);
  const names = new Map(repIds.map((id, i) => [id, profiles[i]?.name ?? id]));
  return { team, period, checkins: rows, products, names, mayCorrect, repId };
}

/** A supervisor's change to someone's check-in: which, and what it became. */
export interface EntryChange {
  team: Team;
  before: Checkin;
  after: Checkin;
  /** Nothing was written: the check-in already was what was asked (a second submit of the same change). */
  unchanged: boolean;
  /** The entries list as it is now, for the message the Remove button was on. */
  list?: Entries;
}

/** A check-in a supervisor (or admin) may correct or remove; refused politely otherwise. */
export async function entryToCorrect(
  ctx: RequestContext,
  checkinId: number,
): Promise<{ team: TeamWithMembers; checkin: Checkin }> {
  const checkin = await findCheckin(ctx.deps.db, ctx.workspaceId, checkinId);
  if (checkin?.status !== "active") throw error("quota.entry.gone");
  const team = await findTeam(ctx.deps.db, ctx.workspaceId, checkin.teamId);
  if (!team) throw error("quota.entry.gone");
  await ensureRuns(ctx, team, "entries");
  return { team, checkin };
}

/**
 * Removes someone's check-in (audited; the rep is told; the channel message says the supervisor removed
 * it). Returns the entries list as it now is, for the message the button was on.
 */
export async function removeEntry(
  ctx: RequestContext,
  checkinId: number,
  listRepId: string | null,
): Promise<EntryChange> {
  const { deps } = ctx;
  const { team, checkin } = await entryToCorrect(ctx, checkinId);
  const now = deps.clock.now();
  const removed = await deps.db.transaction(async (tx) => {
    const row = await retireCheckin(tx, checkin.id, "removed", ctx.userId, now);
    if (!row) return null;
    await auditCheckin(tx, ctx, "quota.checkin.remove", row.id, {
      before: { status: "active", repId: row.repId, amountMinor: row.amountMinor, soldOn: row.soldOn },
      after: { status: "removed" },
      at: now,
    });
    await syncPost(ctx, tx, row);
    await tellRep(ctx, tx, row, "removed", checkin.amountMinor);
    return row;
  });
  if (!removed) throw error("quota.entry.gone");
  refreshHomes(deps, removed);
  const list = await entriesOf(ctx, team, listRepId, true);
  return { team: team.team, before: checkin, after: removed, unchanged: false, list };
}

/**
 * Corrects someone's check-in amount and note, onto the version the correction form was opened on
 * (audited with before and after; the rep is told; the channel message shows the new amount). Submitting
 * the same correction twice changes it once; a check-in someone else corrected meanwhile is not overwritten.
 */
export async function correctEntry(
  ctx: RequestContext,
  checkinId: number,
  openedVersion: number,
  input: { amount: string; note: string },
): Promise<EntryChange> {
  const { deps } = ctx;
  const { team, checkin } = await entryToCorrect(ctx, checkinId);
  const amountMinor = readAmount(team.team, input.amount, "entry", "amount");
  ensureWithinMax(team.team, amountMinor, (await rulesOf(deps.db, team.team)).maxCheckinMinor, "amount");
  const note = input.note.replace(/\s+/g, " ").trim().slice(0, NOTE_MAX);
  const same = (row: Checkin) => row.amountMinor === amountMinor && row.note === note;
  if (checkin.version !== openedVersion) {
    if (same(checkin)) return { team: team.team, before: checkin, after: checkin, unchanged: true };
    throw fieldError("amount", "quota.entry.changedMeanwhile", {
      amountMinor: checkin.amountMinor,
      currency: checkin.currency,
    });
  }
  if (same(checkin)) return { team: team.team, before: checkin, after: checkin, unchanged: true };
  const now = deps.clock.now();
  const corrected = await deps.db.transaction(async (tx) => {
    const row = await correctCheckin(tx, checkin.id, openedVersion, { amountMinor, note }, ctx.userId, now);
    if (!row) return null;
    await auditCheckin(tx, ctx, "quota.checkin.correct", row.id, {
      before: { amountMinor: checkin.amountMinor, note: checkin.note },
      after: { amountMinor: row.amountMinor, note: row.note },
      at: now,
    });
    await syncPost(ctx, tx, row);
    await tellRep(ctx, tx, row, "corrected", checkin.amountMinor);
    return row;
  });
  if (!corrected) {
    // Someone else's change (a correction, a removal) committed between our read and our write.
    const now2 = await findCheckin(deps.db, ctx.workspaceId, checkin.id);
    if (now2?.status !== "active") throw error("quota.entry.gone");
    if (same(now2)) return { team: team.team, before: checkin, after: now2, unchanged: true };
    throw fieldError("amount", "quota.entry.changedMeanwhile", {
      amountMinor: now2.amountMinor,
      currency: now2.currency,
    });
  }
  refreshHomes(deps, corrected);
  return { team: team.team, before: checkin, after: corrected, unchanged: false };
}

/** Tells the rep by DM what a supervisor did to their check-in (not when they did it themselves). */
async function tellRep(
  ctx: RequestContext,
  tx: Db,
  checkin: Checkin,
  change: "removed" | "corrected",
  beforeMinor: number,
): Promise<void> {
  if (checkin.repId === ctx.userId) return;
  await ctx.deps.jobs.send(
    "quota.entry.notice",
    { workspaceId: checkin.workspaceId, checkinId: checkin.id, by: ctx.userId, change, beforeMinor },
    { tx },
  );
}
