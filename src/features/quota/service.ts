import { type Actor, decide } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { Deps } from "../../platform/deps.js";
import { createTranslator, currencyDigits, intlLocaleFor } from "../../platform/i18n/index.js";
import { translatorFor, UserError } from "../../platform/slack/index.js";
import {
  elapsedWorkingDays,
  localDate,
  type Period,
  periodOf,
  type WorkingDayCount,
} from "../../platform/time/index.js";
import { findProduct, listProducts, type Product, resolveProductTag } from "../products/index.js";
import {
  ensureAllowed,
  findTeam,
  findTeamByChannel,
  loadActor,
  type Problem,
  type Team,
  type TeamWithMembers,
} from "../team/index.js";
import { parseAmount } from "./amount.js";
import { splitTags } from "./command.js";
import { type QuotaMessages, quotaMessages } from "./messages.js";
import { DEFAULT_MAX_CHECKIN_MAJOR, NOTE_MAX, type Pace, paceOf, SIMILAR_WINDOW_MS } from "./rules.js";
import type { Checkin, QuotaSettings } from "./schema.js";
import {
  correctCheckin,
  findCheckin,
  findSettings,
  insertCheckin,
  latestCheckin,
  listCheckins,
  rememberPost,
  repTeamWithSettings,
  repTotals,
  retireCheckin,
  saveSettings,
  setTarget,
  similarCheckinSince,
  type TargetInForce,
  type Totals,
  targetsInForce,
  teamTotals,
} from "./store.js";
import { channelPost, dayText, periodName, takenBackPost } from "./views.js";

/** A team's quota rules, with the defaults filled in. */
export interface QuotaRules {
  checkinsPrivate: boolean;
  leaderboardInChannel: boolean;
  maxCheckinMinor: number;
}

export async function rulesOf(deps: Deps, team: Team): Promise<QuotaRules> {
  return rulesFrom(team, await findSettings(deps.db, team.id));
}

function rulesFrom(team: Team, row: QuotaSettings | null): QuotaRules {
  return {
    checkinsPrivate: row?.checkinsPrivate ?? false,
    leaderboardInChannel: row?.leaderboardInChannel ?? true,
    maxCheckinMinor: row?.maxCheckinMinor ?? DEFAULT_MAX_CHECKIN_MAJOR * 10 ** currencyDigits(team.currency),
  };
}

export function currentPeriod(team: Team, at: Date): Period {
  return periodOf(at, team.timeZone, team.quotaPeriod);
}

function workdays(team: Team, period: Period, at: Date): WorkingDayCount {
  // Approved leave will come out of a rep's own working days here (the calendar's `excluded` hook) once
  // the leave capability records it; until then every rep has the team's working days.
  return elapsedWorkingDays(
    { workWeek: team.workWeek as never, holidayCountry: team.holidayCountry },
    period,
    at,
    team.timeZone,
  );
}

/** Where one rep (or, with repId null, the team) stands in a period. */
export interface Progress {
  repId: string | null;
  period: Period;
  currency: string;
  totals: Totals;
  targetMinor: number | null;
  /** The target was set for an earlier period and carries over. */
  targetCarried: boolean;
  days: WorkingDayCount;
  pace: Pace;
}

function progressFrom(
  team: Team,
  repId: string | null,
  period: Period,
  totals: Totals,
  target: TargetInForce | undefined,
  days: WorkingDayCount,
): Progress {
  const targetMinor =
    target && target.amountMinor > 0 && target.currency === team.currency ? target.amountMinor : null;
  return {
    repId,
    period,
    currency: team.currency,
    totals,
    targetMinor,
    targetCarried: Boolean(targetMinor && target && target.periodKey !== period.key),
    days,
    pace: paceOf({ targetMinor, totalMinor: totals.totalMinor, days }),
  };
}

export async function repProgress(deps: Deps, team: Team, repId: string, at: Date): Promise<Progress> {
  const period = currentPeriod(team, at);
  const [totals, targets] = await Promise.all([
    repTotals(deps.db, team.id, repId, team.currency, period),
    targetsInForce(deps.db, team.id, period.key, [repId]),
  ]);
  return progressFrom(team, repId, period, totals, targets.get(repId), workdays(team, period, at));
}

/** The team a rep sells in, or the polite reason there is none. */
async function repTeam(deps: Deps, actor: Actor): Promise<TeamWithMembers> {
  if (actor.repOf !== null) {
    const team = await findTeam(deps.db, actor.workspaceId, actor.repOf);
    if (team) return team;
  }
  throw await notARep(deps, actor);
}

/** Why someone who sells in no team cannot check in: they lead one, or they are in none. */
async function notARep(deps: Deps, actor: Actor): Promise<UserError> {
  const [led] = actor.supervises;
  if (led === undefined) return new UserError("quota.noTeam");
  const team = await findTeam(deps.db, actor.workspaceId, led);
  return new UserError("quota.checkin.supervisor", { team: team?.team.name ?? "" });
}

/**
 * The team a command is about: the channel's team, else the person's own (the team they sell in, or the
 * one team they lead). Executives and admins must be in the team's channel.
 */
export async function teamInContext(deps: Deps, actor: Actor, channelId: string): Promise<TeamWithMembers> {
  const here = await findTeamByChannel(deps.db, actor.workspaceId, channelId);
  if (here) return here;
  const own = actor.repOf ?? (actor.supervises.length === 1 ? actor.supervises[0] : undefined);
  if (own !== undefined) {
    const team = await findTeam(deps.db, actor.workspaceId, own);
    if (team) return team;
  }
  throw new UserError(actor.supervises.length > 1 ? "quota.team.several" : "quota.team.none");
}

export interface CheckinRequest {
  workspaceId: string;
  userId: string;
  channelId: string;
  text: string;
  /** Slack's trigger_id: a replayed request records nothing new. */
  requestId: string;
}

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

/** `/quota <amount> [note] [#product]`: records a rep's sale in their team, once, and tells the team. */
export async function checkIn(deps: Deps, request: CheckinRequest): Promise<CheckinOutcome> {
  // The hot path: one statement finds the rep's team and its settings; anyone else is told why not.
  const found = await repTeamWithSettings(deps.db, request.workspaceId, request.userId);
  if (!found) throw await notARep(deps, await loadActor(deps, request.workspaceId, request.userId));
  const { team, settings } = found;
  const parsed = parseAmount(request.text, { language: team.locale, currency: team.currency });
  if (!parsed.ok) {
    throw new UserError(`quota.amount.${parsed.problem}`, {
      text: request.text,
      currency: team.currency,
      language: team.locale,
    });
  }
  const rules = rulesFrom(team, settings);
  if (parsed.minor > rules.maxCheckinMinor) {
    throw new UserError("quota.amount.tooLarge", {
      amountMinor: parsed.minor,
      maxMinor: rules.maxCheckinMinor,
      currency: team.currency,
    });
  }
  const { note, tags } = splitTags(parsed.rest);
  if (tags.length > 1) throw new UserError("quota.product.several", { tags });
  let product: Product | null = null;
  if (tags[0]) {
    product = await resolveProductTag(deps.db, team.id, tags[0]);
    if (!product) {
      const known = (await listProducts(deps.db, team.id)).map((p) => p.tag);
      throw new UserError(known.length > 0 ? "quota.product.unknown" : "quota.product.none", {
        tag: tags[0],
        known,
      });
    }
  }

  const now = deps.clock.now();
  const { checkin, created } = await insertCheckin(deps.db, {
    workspaceId: team.workspaceId,
    teamId: team.id,
    repId: request.userId,
    amountMinor: parsed.minor,
    currency: team.currency,
    note: note.slice(0, NOTE_MAX),
    productId: product?.id ?? null,
    soldOn: localDate(now, team.timeZone),
    recordedAt: now,
    requestId: request.requestId,
  });
  const [progress, similarRecent] = await Promise.all([
    repProgress(deps, team, request.userId, now),
    similarCheckinSince(deps.db, checkin, new Date(now.getTime() - SIMILAR_WINDOW_MS)),
  ]);
  const announced = !rules.checkinsPrivate;
  if (created && announced) announce(deps, team, checkin, product, progress);
  return {
    team,
    checkin,
    product,
    progress,
    replayed: !created,
    similarRecent,
    elsewhere: request.channelId !== team.channelId,
    announced,
  };
}

/** Posts to the team channel speak the team's language, whoever asked for them. */
export function teamTranslator(team: Team) {
  return createTranslator(quotaMessages, team.locale, intlLocaleFor(team.locale));
}

/** Tells the team channel about a check-in, after the rep has their answer, and remembers the message. */
function announce(
  deps: Deps,
  team: Team,
  checkin: Checkin,
  product: Product | null,
  progress: Progress,
): void {
  deps.tasks.run(`check-in ${checkin.id} to #${team.channelId}`, async () => {
    const post = await deps.slack.postMessage({
      channel: team.channelId,
      ...channelPost(teamTranslator(team), team, checkin, product, progress),
    });
    await rememberPost(deps.db, checkin.id, post);
  });
}

export interface Undone {
  checkin: Checkin;
  progress: Progress;
  team: Team;
}

/**
 * Takes back a rep's check-in: their latest of the period (`/quota undo`) or the one a button names.
 * Only the rep's own, only while it counts; the channel message is struck through.
 */
export async function undoCheckin(
  deps: Deps,
  workspaceId: string,
  userId: string,
  checkinId?: number,
): Promise<Undone> {
  const actor = await loadActor(deps, workspaceId, userId);
  const now = deps.clock.now();
  let target: Checkin | null;
  let team: Team;
  if (checkinId === undefined) {
    team = (await repTeam(deps, actor)).team;
    target = await latestCheckin(deps.db, team.id, userId, currentPeriod(team, now));
    if (!target) throw new UserError("quota.undo.nothing", { period: currentPeriod(team, now).kind });
  } else {
    target = await findCheckin(deps.db, workspaceId, checkinId);
    if (!target) throw new UserError("quota.entry.gone");
    if (target.repId !== userId) throw new UserError("quota.undo.notYours");
    const found = await findTeam(deps.db, workspaceId, target.teamId);
    if (!found) throw new UserError("quota.entry.gone");
    team = found.team;
  }
  const undone = await deps.db.transaction(async (tx) => {
    const row = await retireCheckin(tx, (target as Checkin).id, "undone", userId, now);
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: "checkin.undo",
      subject: { type: "checkin", id: row.id },
      before: { status: "active", amountMinor: row.amountMinor },
      after: { status: "undone" },
      at: now,
    });
    return row;
  });
  if (!undone) throw new UserError("quota.undo.gone");
  strikeThrough(deps, team, undone);
  return { checkin: undone, progress: await repProgress(deps, team, undone.repId, now), team };
}

/** Marks a check-in's channel message as taken back, so the team's picture stays true. */
function strikeThrough(deps: Deps, team: Team, checkin: Checkin): void {
  if (!checkin.postChannelId || !checkin.postTs) return;
  const { postChannelId: channel, postTs: ts } = checkin;
  deps.tasks.run(`strike check-in ${checkin.id}`, async () => {
    await deps.slack.updateMessage({ channel, ts, ...takenBackPost(teamTranslator(team), checkin) });
  });
}

export interface Leaderboard {
  team: TeamWithMembers;
  period: Period;
  product: Product | null;
  /** Every rep of the team, best first; reps without sales at the end. */
  rows: Progress[];
  teamProgress: Progress;
  /** Post it in the team channel (the team's choice, and the command ran there). */
  inChannel: boolean;
}

/** `/quota team [#product]`: the team's standings this period. Its people, executives and admins. */
export async function leaderboard(
  deps: Deps,
  workspaceId: string,
  userId: string,
  channelId: string,
  productText: string | null,
): Promise<Leaderboard> {
  const actor = await loadActor(deps, workspaceId, userId);
  const team = await teamInContext(deps, actor, channelId);
  await ensureAllowed(deps, actor, { type: "team.view", teamId: team.team.id }, team);
  let product: Product | null = null;
  if (productText) {
    const { tags } = splitTags(
      productText.startsWith("#") || productText.startsWith("<#") ? productText : `#${productText}`,
    );
    product = tags[0] ? await resolveProductTag(deps.db, team.team.id, tags[0]) : null;
    if (!product) {
      const known = (await listProducts(deps.db, team.team.id)).map((p) => p.tag);
      throw new UserError(known.length > 0 ? "quota.product.unknown" : "quota.product.none", {
        tag: tags[0] ?? productText,
        known,
      });
    }
  }
  const now = deps.clock.now();
  const period = currentPeriod(team.team, now);
  const [totals, targets, rules] = await Promise.all([
    teamTotals(deps.db, team.team.id, team.team.currency, period, product?.id),
    targetsInForce(deps.db, team.team.id, period.key, team.repIds),
    rulesOf(deps, team.team),
  ]);
  const days = workdays(team.team, period, now);
  const none: Totals = { totalMinor: 0, count: 0, lastAt: null };
  const rows = team.repIds
    .map((repId) =>
      progressFrom(
        team.team,
        repId,
        period,
        totals.get(repId) ?? none,
        product ? undefined : targets.get(repId),
        days,
      ),
    )
    .sort(
      (a, b) =>
        b.totals.totalMinor - a.totals.totalMinor || (b.pace.attainment ?? 0) - (a.pace.attainment ?? 0),
    );
  const sum = [...totals.values()].reduce(
    (acc, t) => ({
      totalMinor: acc.totalMinor + t.totalMinor,
      count: acc.count + t.count,
      lastAt: !acc.lastAt || (t.lastAt && t.lastAt > acc.lastAt) ? t.lastAt : acc.lastAt,
    }),
    none,
  );
  const own = targets.get(null);
  const teamTarget = product
    ? undefined
    : own && own.amountMinor > 0
      ? own
      : sumOfRepTargets(team.repIds, targets);
  return {
    team,
    period,
    product,
    rows,
    teamProgress: progressFrom(team.team, null, period, sum, teamTarget, days),
    inChannel: rules.leaderboardInChannel && channelId === team.team.channelId,
  };
}

/** Without a team target of its own, the team's target is what its reps' targets add up to. */
function sumOfRepTargets(
  repIds: readonly string[],
  targets: Map<string | null, TargetInForce>,
): TargetInForce | undefined {
  const found = repIds.flatMap((id) => {
    const t = targets.get(id);
    return t && t.amountMinor > 0 ? [t] : [];
  });
  const first = found[0];
  if (!first) return undefined;
  const periodKey = found.every((t) => t.periodKey === first.periodKey) ? first.periodKey : "";
  return { amountMinor: found.reduce((n, t) => n + t.amountMinor, 0), periodKey, currency: first.currency };
}

export type Mine = { kind: "rep"; team: Team; progress: Progress } | { kind: "supervisor"; team: Team };

/** `/quota` alone: a rep's own progress; a supervisor is pointed at the leaderboard. */
export async function mine(deps: Deps, workspaceId: string, userId: string): Promise<Mine> {
  const actor = await loadActor(deps, workspaceId, userId);
  if (actor.repOf === null && actor.supervises.length > 0) {
    const team = await findTeam(deps.db, workspaceId, actor.supervises[0] as number);
    if (team) return { kind: "supervisor", team: team.team };
  }
  const { team } = await repTeam(deps, actor);
  return { kind: "rep", team, progress: await repProgress(deps, team, userId, deps.clock.now()) };
}

/** Reads an amount in the team's own way of writing money, or says what went wrong (for a field or a reply). */
export function readAmount(team: Team, text: string, field?: string): number {
  const parsed = parseAmount(text, { language: team.locale, currency: team.currency });
  if (!parsed.ok) {
    throw new UserError(
      `quota.amount.${parsed.problem}`,
      { text, currency: team.currency, language: team.locale },
      field,
    );
  }
  if (parsed.rest.trim())
    throw new UserError(
      "quota.amount.unreadable",
      { text, currency: team.currency, language: team.locale },
      field,
    );
  return parsed.minor;
}

export interface TargetChange {
  team: Team;
  period: Period;
  repId: string | null;
  beforeMinor: number | null;
  afterMinor: number;
}

/** `/quota target @rep 150000` (or `team`): sets a target from this period on. Supervisors and admins. */
export async function changeTarget(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  repId: string | null,
  amountText: string,
): Promise<TargetChange> {
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  if (repId !== null && !team.repIds.includes(repId)) {
    throw new UserError("quota.target.notRep", { user: repId, team: team.team.name });
  }
  const amountMinor = readAmount(team.team, amountText);
  const [change] = await saveTargets(deps, actor, team, [{ repId, amountMinor }]);
  return (
    change ?? {
      team: team.team,
      period: currentPeriod(team.team, deps.clock.now()),
      repId,
      beforeMinor: amountMinor,
      afterMinor: amountMinor,
    }
  );
}

/**
 * Sets several targets from the current period on, in one transaction, each change audited and each rep
 * told by DM. Unchanged amounts are left alone. Returns the changes.
 */
export async function saveTargets(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  wanted: { repId: string | null; amountMinor: number }[],
): Promise<TargetChange[]> {
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  const now = deps.clock.now();
  const period = currentPeriod(team.team, now);
  const changes = await deps.db.transaction(async (tx) => {
    const inForce = await targetsInForce(
      tx,
      team.team.id,
      period.key,
      wanted.flatMap((w) => (w.repId === null ? [] : [w.repId])),
    );
    const done: TargetChange[] = [];
    for (const { repId, amountMinor } of wanted) {
      const current = inForce.get(repId);
      const beforeMinor = current && current.amountMinor > 0 ? current.amountMinor : null;
      if ((beforeMinor ?? 0) === amountMinor) continue;
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
    }
    return done;
  });
  for (const change of changes) {
    if (change.repId === null || change.repId === actor.userId) continue;
    const repId = change.repId;
    deps.tasks.run(`target notice to ${repId}`, async () => {
      const t = await translatorForUser(deps, repId, team.team);
      await deps.slack.postMessage({
        channel: repId,
        text: t.t(change.afterMinor > 0 ? "quota.target.notice" : "quota.target.clearedNotice", {
          by: actor.userId,
          period: periodName(t, change.period),
          amount: t.money(change.afterMinor, team.team.currency),
        }),
      });
    });
  }
  return changes;
}

function translatorForUser(deps: Deps, userId: string, team: Team) {
  return translatorFor(deps, quotaMessages, userId, team.locale);
}

export type TargetsFormResult =
  | { ok: true; changes: TargetChange[]; period: Period }
  | { ok: false; errors: Record<string, Problem> };

/**
 * Saves the targets form: each field an amount in the team's way of writing money, or empty for no
 * target. Bad amounts come back as errors on their fields, and then nothing is saved.
 */
export async function saveTargetsForm(
  deps: Deps,
  workspaceId: string,
  userId: string,
  teamId: number,
  fields: { repId: string | null; field: string; text: string }[],
): Promise<TargetsFormResult> {
  const team = await findTeam(deps.db, workspaceId, teamId);
  if (!team) throw new UserError("team.gone");
  const actor = await loadActor(deps, workspaceId, userId);
  const wanted: { repId: string | null; amountMinor: number }[] = [];
  const errors: Record<string, Problem> = {};
  for (const { repId, field, text } of fields) {
    try {
      wanted.push({ repId, amountMinor: text ? readAmount(team.team, text, field) : 0 });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors[field] = { key: error.key, params: error.params as Record<string, unknown> };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const changes = await saveTargets(deps, actor, team, wanted);
  return { ok: true, changes, period: currentPeriod(team.team, deps.clock.now()) };
}

/** The targets form: every rep with the target in force, and the team's own. */
export async function targetsFor(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
): Promise<{ team: TeamWithMembers; period: Period; targets: Map<string | null, number> }> {
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  const period = currentPeriod(team.team, deps.clock.now());
  const inForce = await targetsInForce(deps.db, team.team.id, period.key, team.repIds);
  const targets = new Map<string | null, number>();
  for (const [repId, target] of inForce)
    if (target.amountMinor > 0 && target.currency === team.team.currency)
      targets.set(repId, target.amountMinor);
  return { team, period, targets };
}

/** `/quota entries [@rep]`: this period's check-ins, newest first; a rep sees only their own. */
export async function entries(
  deps: Deps,
  workspaceId: string,
  userId: string,
  channelId: string,
  repId: string | null,
): Promise<{
  team: TeamWithMembers;
  period: Period;
  checkins: Checkin[];
  products: Map<number, Product>;
  mayCorrect: boolean;
}> {
  const actor = await loadActor(deps, workspaceId, userId);
  const team = await teamInContext(deps, actor, channelId);
  const mayCorrect = decide(actor, { type: "team.manage", teamId: team.team.id }).allowed;
  if (!mayCorrect) {
    // Anyone in the team sees their own check-ins; someone else's are for supervisors.
    const othersAsked = repId !== null && repId !== userId;
    await ensureAllowed(
      deps,
      actor,
      { type: othersAsked ? "team.manage" : "team.view", teamId: team.team.id },
      team,
    );
  }
  const whose = mayCorrect ? repId : userId;
  const period = currentPeriod(team.team, deps.clock.now());
  const rows = await listCheckins(deps.db, team.team.id, period, { repId: whose ?? undefined, limit: 20 });
  const products = new Map<number, Product>();
  for (const id of new Set(rows.flatMap((r) => (r.productId ? [r.productId] : [])))) {
    const product = await findProduct(deps.db, id);
    if (product) products.set(id, product);
  }
  return { team, period, checkins: rows, products, mayCorrect };
}

/** A supervisor's change to someone's check-in: which, and what it became. */
export interface EntryChange {
  team: Team;
  before: Checkin;
  after: Checkin;
}

/** A check-in a supervisor (or admin) may correct or remove; refused politely otherwise. */
export async function entryToCorrect(
  deps: Deps,
  workspaceId: string,
  userId: string,
  checkinId: number,
): Promise<{ actor: Actor; team: TeamWithMembers; checkin: Checkin }> {
  const checkin = await findCheckin(deps.db, workspaceId, checkinId);
  if (checkin?.status !== "active") throw new UserError("quota.entry.gone");
  const team = await findTeam(deps.db, workspaceId, checkin.teamId);
  if (!team) throw new UserError("quota.entry.gone");
  const actor = await loadActor(deps, workspaceId, userId);
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  return { actor, team, checkin };
}

/** Removes someone's check-in (audited; the rep is told; the channel message struck through). */
export async function removeEntry(
  deps: Deps,
  workspaceId: string,
  userId: string,
  checkinId: number,
): Promise<EntryChange> {
  const { team, checkin } = await entryToCorrect(deps, workspaceId, userId, checkinId);
  const now = deps.clock.now();
  const removed = await deps.db.transaction(async (tx) => {
    const row = await retireCheckin(tx, checkin.id, "removed", userId, now);
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: "checkin.remove",
      subject: { type: "checkin", id: row.id },
      before: { status: "active", repId: row.repId, amountMinor: row.amountMinor, soldOn: row.soldOn },
      after: { status: "removed" },
      at: now,
    });
    return row;
  });
  if (!removed) throw new UserError("quota.entry.gone");
  strikeThrough(deps, team.team, removed);
  tellRep(deps, team.team, userId, removed, "quota.entry.removedNotice", checkin);
  return { team: team.team, before: checkin, after: removed };
}

/** Corrects someone's check-in amount and note (audited with before and after; the rep is told). */
export async function correctEntry(
  deps: Deps,
  workspaceId: string,
  userId: string,
  checkinId: number,
  input: { amount: string; note: string },
): Promise<EntryChange> {
  const { team, checkin } = await entryToCorrect(deps, workspaceId, userId, checkinId);
  const amountMinor = readAmount(team.team, input.amount, "amount");
  const rules = await rulesOf(deps, team.team);
  if (amountMinor > rules.maxCheckinMinor) {
    throw new UserError(
      "quota.amount.tooLarge",
      { amountMinor, maxMinor: rules.maxCheckinMinor, currency: team.team.currency },
      "amount",
    );
  }
  const note = input.note.replace(/\s+/g, " ").trim().slice(0, NOTE_MAX);
  const now = deps.clock.now();
  const corrected = await deps.db.transaction(async (tx) => {
    const row = await correctCheckin(tx, checkin.id, { amountMinor, note }, userId, now);
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: "checkin.correct",
      subject: { type: "checkin", id: row.id },
      before: { amountMinor: checkin.amountMinor, note: checkin.note },
      after: { amountMinor: row.amountMinor, note: row.note },
      at: now,
    });
    return row;
  });
  if (!corrected) throw new UserError("quota.entry.gone");
  tellRep(deps, team.team, userId, corrected, "quota.entry.correctedNotice", checkin);
  return { team: team.team, before: checkin, after: corrected };
}

function tellRep(
  deps: Deps,
  team: Team,
  by: string,
  checkin: Checkin,
  key: "quota.entry.removedNotice" | "quota.entry.correctedNotice",
  before: Checkin,
): void {
  if (checkin.repId === by) return;
  deps.tasks.run(`entry notice to ${checkin.repId}`, async () => {
    const t = await translatorForUser(deps, checkin.repId, team);
    await deps.slack.postMessage({
      channel: checkin.repId,
      text: t.t(key, {
        by,
        date: dayText(t, checkin.soldOn),
        before: t.money(before.amountMinor, before.currency),
        after: t.money(checkin.amountMinor, checkin.currency),
      }),
    });
  });
}

export type QuotaSettingChange =
  | { key: "private"; value: boolean }
  | { key: "leaderboard"; value: boolean }
  | { key: "max"; value: number };

/** `/quota set private on|off`, `leaderboard channel|private`, `max <amount>`: supervisors and admins, audited. */
export async function changeQuotaSetting(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  key: string,
  value: string,
): Promise<{ team: Team; change: QuotaSettingChange; rules: QuotaRules }> {
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  const change = readSetting(team.team, key, value);
  const before = await rulesOf(deps, team.team);
  const after: QuotaRules = {
    checkinsPrivate: change.key === "private" ? change.value : before.checkinsPrivate,
    leaderboardInChannel: change.key === "leaderboard" ? change.value : before.leaderboardInChannel,
    maxCheckinMinor: change.key === "max" ? change.value : before.maxCheckinMinor,
  };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await saveSettings(tx, {
      teamId: team.team.id,
      workspaceId: actor.workspaceId,
      ...after,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "quota.settings.update",
      subject: { type: "team", id: team.team.id },
      before,
      after,
      at: now,
    });
  });
  return { team: team.team, change, rules: after };
}

const yes = new Set(["on", "yes", "ja", "true", "private", "privat", "privata"]);
const no = new Set([
  "off",
  "no",
  "nej",
  "false",
  "public",
  "publik",
  "publika",
  "channel",
  "kanal",
  "kanalen",
]);

function readSetting(team: Team, key: string, value: string): QuotaSettingChange {
  const word = value.trim().toLowerCase();
  switch (key) {
    case "private":
    case "privat":
      if (yes.has(word)) return { key: "private", value: true };
      if (no.has(word)) return { key: "private", value: false };
      throw new UserError("quota.set.privateUsage");
    case "leaderboard":
    case "topplista":
      if (["channel", "kanal", "kanalen", "public", "publik"].includes(word))
        return { key: "leaderboard", value: true };
      if (["private", "privat", "me", "mig"].includes(word)) return { key: "leaderboard", value: false };
      throw new UserError("quota.set.leaderboardUsage");
    case "max":
      return { key: "max", value: readAmount(team, value) };
    default:
      throw new UserError("quota.set.unknown", { key });
  }
}

export type { QuotaMessages };
