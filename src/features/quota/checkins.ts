import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { UserError } from "../../platform/errors.js";
import { claimRequest } from "../../platform/requests/index.js";
import { localDate } from "../../platform/time/index.js";
import { listProducts, type Product, resolveProductTag } from "../products/index.js";
import { findTeam, type Team } from "../team/index.js";
import { auditCheckin } from "./audit.js";
import { readCheckinText } from "./checkin-text.js";
import { refreshHomes } from "./homes.js";
import { amountError, ensureWithinMax } from "./money.js";
import { quotaProblems } from "./problems.js";
import {
  currentPeriod,
  type Progress,
  progressFrom,
  repProgress,
  type SellingTeam,
  sellingTeam,
  workdays,
} from "./progress.js";
import { type ConfirmReason, confirmReason, NOTE_MAX, SIMILAR_WINDOW_MS } from "./rules.js";
import type { Checkin } from "./schema.js";
import type { QuotaRules } from "./settings.js";
import {
  checkinOfRequest,
  type ExpectedTeam,
  findCheckin,
  latestCheckin,
  type RecordedCheckin,
  recordCheckin,
  retireCheckin,
} from "./store.js";

const { error } = quotaProblems;

export interface CheckinOutcome {
  team: Team;
  checkin: Checkin;
  product: Product | null;
  progress: Progress;
  /** The same request came again: nothing new was recorded. */
  replayed: boolean;
  /** The rep checked in the same amount a moment ago: maybe a double entry. */
  similarRecent: boolean;
  /** The command ran outside the team's channel. */
  elsewhere: boolean;
  /** The team channel is told (check-ins are not private). */
  announced: boolean;
}

/** A sale waiting for the rep's "yes, that much": what the Confirm button carries back. */
export const pendingCheckin = z.object({
  /** Amount in minor units. */
  a: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** Note. */
  n: z.string().max(NOTE_MAX),
  /** Product id, if tagged. */
  p: z.number().int().positive().nullable(),
  /** The Slack request of the original command: confirming twice records the sale once. */
  r: z.string().min(1).max(200),
});
export type PendingCheckin = z.infer<typeof pendingCheckin>;

export interface ConfirmPrompt {
  team: Team;
  pending: PendingCheckin;
  product: Product | null;
  reason: ConfirmReason;
  /** The rep's whole target this period, when that is what the sale is above. */
  targetMinor: number | null;
  confirmAboveMinor: number;
}

export type CheckinAnswer =
  | { kind: "recorded"; outcome: CheckinOutcome }
  | { kind: "confirm"; prompt: ConfirmPrompt };

/**
 * The team each rep sold in at their last check-in, per database: a check-in works with it at once, and
 * its one statement records the sale only if the rep is still that team's rep and the team and its
 * settings are still as remembered (`ExpectedTeam`); otherwise it reads them again and starts over. So a
 * check-in is one round trip, and a change made by another process is never missed.
 */
const remembered = new WeakMap<Db, Map<string, SellingTeam>>();
const REMEMBERED_MAX = 10_000;

function rememberedFor(ctx: RequestContext): Map<string, SellingTeam> {
  let known = remembered.get(ctx.deps.db);
  if (!known) {
    known = new Map();
    remembered.set(ctx.deps.db, known);
  }
  return known;
}

/**
 * `/quota <amount> [note] [#product]`: records a rep's sale in their team, once per Slack request, and
 * tells the team. A sale above the rep's whole target, or the team's threshold, is not recorded yet: the
 * rep is asked first ("Did you mean…?").
 */
export async function checkIn(ctx: RequestContext, text: string): Promise<CheckinAnswer> {
  const known = rememberedFor(ctx);
  const key = `${ctx.workspaceId}:${ctx.userId}`;
  const last = known.get(key);
  if (last) {
    try {
      const answer = await checkInWith(ctx, text, last, true);
      if (answer) return answer;
    } catch (refusal) {
      // Refused with what was remembered (too big, a product not on the list): the answer must come from
      // the team as it is now, so it is read again below and the refusal, if any, comes from that. Any
      // other failure is what it is.
      if (!(refusal instanceof UserError)) throw refusal;
    }
    known.delete(key);
  }
  const selling = await sellingTeam(ctx);
  if (known.size >= REMEMBERED_MAX) known.clear();
  known.set(key, selling);
  const answer = await checkInWith(ctx, text, selling, false);
  if (!answer) throw new Error("a check-in found the team it had just read changed");
  return answer;
}

/** A check-in with the team as given; null when the team or its settings turned out to have changed. */
async function checkInWith(
  ctx: RequestContext,
  text: string,
  selling: SellingTeam,
  remembered: boolean,
): Promise<CheckinAnswer | null> {
  const { team, rules } = selling;
  const read = readCheckinText(text, { language: team.locale, currency: team.currency });
  if (!read.ok) {
    if (read.problem === "twoAmounts") {
      const [first, second] = read.amounts;
      throw error("quota.amount.twoAmounts", { first, second, currency: team.currency });
    }
    throw amountError(team, read.problem, text, "checkin");
  }
  ensureWithinMax(team, read.minor, rules.maxCheckinMinor);
  if (read.tags.length > 1) throw error("quota.product.several", { tags: read.tags });
  const product = read.tags[0] ? await productFromTag(ctx.deps.db, team, read.tags[0]) : null;
  const pending: PendingCheckin = {
    a: read.minor,
    n: read.note.slice(0, NOTE_MAX),
    p: product?.id ?? null,
    r: ctx.requestId ?? randomUUID(),
  };
  const expected: ExpectedTeam | null = remembered
    ? { teamVersion: team.version, settings: selling.settings }
    : null;
  return record(ctx, team, rules, pending, product, null, expected);
}

/**
 * The rep said yes to a big sale: record it as asked, checked again (the team or its rules may have
 * moved). Yes and Cancel of one question exclude each other: whichever is first decides, in the database.
 */
export async function confirmCheckin(ctx: RequestContext, pending: PendingCheckin): Promise<CheckinOutcome> {
  const { team, rules } = await sellingTeam(ctx);
  ensureWithinMax(team, pending.a, rules.maxCheckinMinor);
  let product: Product | null = null;
  if (pending.p !== null) {
    product = (await listProducts(ctx.deps.db, team.id)).find((p) => p.id === pending.p) ?? null;
    if (!product) throw error("quota.confirm.productGone");
  }
  const answer = await record(ctx, team, rules, pending, product, "quota.checkin.confirm", null);
  if (answer?.kind !== "recorded") throw new Error("a confirmed check-in was asked about again");
  return answer.outcome;
}

/** What came of a Cancel on a big sale's question. */
export type Cancelled = { kind: "cancelled" } | { kind: "recordedAlready"; checkin: Checkin };

/**
 * The rep said no to a big sale. If a Yes to the same question got there first (another window, a
 * quick double answer), the sale stands and the rep is told how to take it back.
 */
export async function cancelCheckin(ctx: RequestContext, requestId: string): Promise<Cancelled> {
  const { deps } = ctx;
  return deps.db.transaction(async (tx): Promise<Cancelled> => {
    const first = await claimRequest(tx, {
      workspaceId: ctx.workspaceId,
      requestId,
      action: "quota.checkin.cancel",
      at: deps.clock.now(),
    });
    if (first) return { kind: "cancelled" };
    const recorded = await checkinOfRequest(tx, ctx.workspaceId, requestId);
    return recorded && recorded.repId === ctx.userId
      ? { kind: "recordedAlready", checkin: recorded }
      : { kind: "cancelled" };
  });
}

/**
 * Records the sale once per request and, when it is new and the team hears of sales, posts it; or, when
 * it is above the rep's whole target or the team's threshold, asks the rep first (`claim` null: the
 * command). An answer to that question (`claim`: the rep's Yes) first claims the question's request, so
 * a Cancel that got there first wins and nothing is recorded.
 */
async function record(
  ctx: RequestContext,
  team: Team,
  rules: QuotaRules,
  pending: PendingCheckin,
  product: Product | null,
  claim: "quota.checkin.confirm" | null,
  expected: ExpectedTeam | null,
): Promise<CheckinAnswer | null> {
  const { deps } = ctx;
  const now = deps.clock.now();
  const announced = !rules.checkinsPrivate;
  const key = String(team.id);
  const row = {
    workspaceId: team.workspaceId,
    teamId: team.id,
    repId: ctx.userId,
    amountMinor: pending.a,
    currency: team.currency,
    note: pending.n,
    productId: product?.id ?? null,
    soldOn: localDate(now, team.timeZone),
    recordedAt: now,
    requestId: pending.r,
    // Owed a post in the team's channel, unless the team keeps check-ins private. The row itself is the
    // outbox: a sale owed a post is posted by the channel's next post, or by the minute's sweep.
    postChannelId: announced ? team.channelId : null,
  };
  const period = currentPeriod(team, now);
  const options = {
    period,
    confirmAboveMinor: claim ? null : rules.confirmAboveMinor,
    similarSince: new Date(now.getTime() - SIMILAR_WINDOW_MS),
    // While a post is already queued for the channel it will list this sale too: sending another would
    // add nothing and make the team's check-ins wait on each other's commits (the post's key is unique).
    postQueued: announced ? deps.jobs.waitingSql("quota.channel.flush", key) : null,
    daysOff: deps.absences.daysOffSql(team.workspaceId, ctx.userId, period.start, period.end),
    expected,
  };
  let recorded: RecordedCheckin;
  if (claim) {
    recorded = await deps.db.transaction(async (tx) => {
      const first = await claimRequest(tx, {
        workspaceId: ctx.workspaceId,
        requestId: pending.r,
        action: claim,
        at: now,
      });
      if (!first) {
        // A Yes before this one recorded it (a double click: recording it again finds it and adds
        // nothing); a Cancel before it recorded nothing.
        const earlier = await checkinOfRequest(tx, ctx.workspaceId, pending.r);
        if (!earlier) throw error("quota.confirm.cancelledBefore");
      }
      return recordCheckin(tx, row, options);
    });
  } else {
    // One statement: the sale, the rep's totals and the rest of the answer in one round trip.
    recorded = await recordCheckin(deps.db, row, options);
  }
  const { checkin, target } = recorded;
  if (!recorded.fresh) return null;
  if (!checkin) {
    const targetMinor =
      target && target.currency === team.currency && target.amountMinor > 0 ? target.amountMinor : null;
    const reason = confirmReason(pending.a, { targetMinor, confirmAboveMinor: rules.confirmAboveMinor });
    if (!reason) throw new Error("a check-in was held back with no reason to ask");
    return {
      kind: "confirm",
      prompt: { team, pending, product, reason, targetMinor, confirmAboveMinor: rules.confirmAboveMinor },
    };
  }
  // The team's channel hears of it in its next post (with any others that come in before its turn). Should
  // a queued post start gathering just before this sale committed, it looks again after posting; should
  // this process stop before the send, the minute's sweep posts the sale.
  if (recorded.created && announced && !recorded.postQueued) {
    try {
      await deps.jobs.send(
        "quota.channel.flush",
        { workspaceId: team.workspaceId, teamId: team.id },
        { key },
      );
    } catch (failure) {
      // The sale is recorded and owed its post: the rep hears so, and the minute's sweep posts it.
      deps.log.warn(`check-in ${checkin.id}: its channel post is left to the sweep:`, failure);
    }
  }
  if (recorded.created) refreshHomes(deps, checkin);
  const progress = progressFrom(
    team,
    ctx.userId,
    period,
    recorded.totals,
    target,
    workdays(team, period, now, recorded.daysOff),
  );
  return {
    kind: "recorded",
    outcome: {
      team,
      checkin,
      product,
      progress,
      replayed: !recorded.created,
      similarRecent: recorded.similarRecent,
      elsewhere: ctx.channelId !== null && ctx.channelId !== team.channelId,
      announced,
    },
  };
}

/** The product on the team's list a tag in a check-in means, or the polite "no such product" with the list. */
export async function productFromTag(db: Db, team: Team, tag: string): Promise<Product> {
  const product = await resolveProductTag(db, team.id, tag);
  if (product) return product;
  const known = (await listProducts(db, team.id)).map((p) => p.tag);
  throw error(known.length > 0 ? "quota.product.unknown" : "quota.product.none", { tag, known });
}

/**
 * Brings the team channel's message about a changed check-in up to date with it. Only a message already
 * posted needs it: one still to come shows the check-in as it is then, and one on its way is updated by
 * its poster, who sees the change as it saves the message.
 */
export async function syncPost(
  ctx: RequestContext,
  tx: Db,
  checkin: Pick<Checkin, "workspaceId" | "postChannelId" | "postTs">,
): Promise<void> {
  const { postChannelId: channelId, postTs: ts } = checkin;
  if (!channelId || !ts) return;
  await ctx.deps.jobs.send(
    "quota.post.sync",
    { workspaceId: checkin.workspaceId, channelId, ts },
    { tx, key: `${channelId}:${ts}` },
  );
}

export interface Undone {
  checkin: Checkin;
  progress: Progress;
  team: Team;
}

/**
 * Takes back a rep's check-in: their latest of the period (`/quota undo`) or the one a button names.
 * Only the rep's own, only while it counts, once per Slack request; the channel message is struck through.
 */
export async function undoCheckin(ctx: RequestContext, checkinId?: number): Promise<Undone> {
  const { deps } = ctx;
  const now = deps.clock.now();
  let target: Checkin;
  let team: Team;
  if (checkinId === undefined) {
    team = (await sellingTeam(ctx)).team;
    const period = currentPeriod(team, now);
    const latest = await latestCheckin(deps.db, team.id, ctx.userId, period);
    if (!latest) throw error("quota.undo.nothing", { period: period.kind });
    target = latest;
  } else {
    const found = await findCheckin(deps.db, ctx.workspaceId, checkinId);
    if (!found) throw error("quota.entry.gone");
    if (found.repId !== ctx.userId) throw error("quota.undo.notYours");
    const foundTeam = await findTeam(deps.db, ctx.workspaceId, found.teamId);
    if (!foundTeam) throw error("quota.entry.gone");
    target = found;
    team = foundTeam.team;
  }
  const undone = await deps.db.transaction(async (tx) => {
    const first = await claimRequest(tx, {
      workspaceId: ctx.workspaceId,
      requestId: ctx.requestId,
      action: "quota.checkin.undo",
      at: now,
    });
    if (!first) throw error("common.replayed");
    const row = await retireCheckin(tx, target.id, "undone", ctx.userId, now);
    if (!row) return null;
    await auditCheckin(tx, ctx, "quota.checkin.undo", row.id, {
      before: { status: "active", amountMinor: row.amountMinor },
      after: { status: "undone" },
      at: now,
    });
    await syncPost(ctx, tx, row);
    return row;
  });
  if (!undone) throw error("quota.undo.gone");
  refreshHomes(deps, undone);
  return { checkin: undone, progress: await repProgress(deps, team, undone.repId, now), team };
}
