import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { currencyDigits, dateFormat, type Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  input,
  LIMITS,
  linesToSections,
  messageModal,
  modal,
  type OutgoingMessage,
  plain,
  type Reply,
  section,
} from "../../platform/slack/index.js";
import { type LocalDate, localDate, type Period } from "../../platform/time/index.js";
import type { Product } from "../products/index.js";
import type { Team } from "../team/index.js";
import type { Cancelled, CheckinOutcome, ConfirmPrompt, PendingCheckin, Undone } from "./checkins.js";
import type { Entries, EntryChange } from "./entries.js";
import type { Leaderboard } from "./leaderboard.js";
import type { QuotaMessages } from "./messages.js";
import type { Mine, Progress } from "./progress.js";
import { ENTRIES_MAX } from "./rules.js";
import type { Checkin } from "./schema.js";
import type { QuotaRules, QuotaSettingChange } from "./settings.js";
import type { TargetChange } from "./targets.js";

type T = Translator<QuotaMessages>;

/** Slack ids of this feature: registered in listeners.ts, rendered here. */
export const QUOTA_IDS = {
  command: "/quota",
  undoButton: "quota.undo",
  confirmButton: "quota.checkin.confirm",
  cancelButton: "quota.checkin.cancel",
  correctButton: "quota.entry.correct",
  removeButton: "quota.entry.remove",
  targetsButton: "quota.targets.open",
  targetsView: "quota.targets.save",
  entryView: "quota.entry.save",
} as const;

export const TARGET_FIELD = { team: "team", rep: (repId: string) => `rep.${repId}` } as const;
export const ENTRY_FIELD = { amount: "amount", note: "note" } as const;
export const VALUE = "value";

/**
 * What the targets form carries: the team, and each rep's target (minor units, 0 for none) as the form
 * showed it, so a target someone else changed meanwhile is not overwritten.
 */
export const targetsMetadata = z.object({
  teamId: z.number().int().positive(),
  reps: z.array(z.tuple([z.string().min(1).max(40), z.number().int().min(0)])).max(100),
  team: z.number().int().min(0),
});
export type TargetsMetadata = z.infer<typeof targetsMetadata>;
export const entryMetadata = z.object({
  checkinId: z.number().int().positive(),
  version: z.number().int().positive(),
});
/** What the Remove button carries: the check-in, and whose list it was on (to show that list again). */
export const removeValue = z.object({ c: z.number().int().positive(), r: z.string().nullable() });

/** "March 2026", "Q1 2026", "week 10, 2026" in the reader's language. */
export function periodName(t: T, period: Period): string {
  const [year = "0", rest = ""] = period.key.split("-");
  if (period.kind === "quarter")
    return t.t("quota.period.quarter", { quarter: Number(rest.slice(1)), year: Number(year) });
  if (period.kind === "week")
    return t.t("quota.period.week", { week: Number(rest.slice(1)), year: Number(year) });
  return dateFormat(t.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${period.key}-01T12:00:00Z`),
  );
}

/**
 * A calendar day as people say it: "12 Mar" / "12 mars", "1 dec" (Swedish abbreviations lose their
 * full stop, so a sentence ending in a date does not end in two).
 */
export function dayText(t: T, date: LocalDate): string {
  return dateFormat(t.locale, { day: "numeric", month: "short", timeZone: "UTC" })
    .format(new Date(`${date}T12:00:00Z`))
    .replace(/\.$/, "");
}

function paceText(t: T, progress: Progress): string {
  return progress.pace.label ? t.t(`quota.pace.${progress.pace.label}`) : "";
}

function attainmentText(t: T, progress: Progress): string {
  return progress.pace.attainment === null ? "" : t.percent(progress.pace.attainment);
}

/** "*48 000 kr* of 75 000 kr (64 %) · ✅ on track" */
export function progressLine(t: T, p: Progress): string {
  const total = t.money(p.totals.totalMinor, p.currency);
  if (p.targetMinor === null) return t.t("quota.progress.lineNoTarget", { total });
  const line = t.t("quota.progress.line", {
    total,
    target: t.money(p.targetMinor, p.currency),
    attainment: attainmentText(t, p),
  });
  return `${line} · ${paceText(t, p)}`;
}

/** Money to whole currency units, for estimates where öre and cents would be false precision. */
function roughMoney(t: T, minor: number, currency: string, round: (n: number) => number): string {
  const unit = 10 ** currencyDigits(currency);
  return t.money(round(minor / unit) * unit, currency);
}

/** "19 working days left, today included" */
function daysLeftText(t: T, p: Progress): string {
  return t.t("quota.progress.daysLeft", { days: p.days.left, today: p.days.todayIncluded });
}

/** Projection and what it takes: the lines under a progress line. */
function outlook(t: T, p: Progress): string[] {
  const lines: string[] = [];
  if (p.targetMinor !== null) {
    if (p.pace.neededPerDayMinor === 0) lines.push(t.t("quota.progress.made"));
    else if (p.pace.neededPerDayMinor === null) lines.push(t.t("quota.progress.noDaysLeft"));
    else {
      lines.push(
        t.t("quota.progress.needed", {
          amount: roughMoney(t, p.pace.neededPerDayMinor, p.currency, Math.ceil),
          days: daysLeftText(t, p),
        }),
      );
    }
  }
  if (p.days.left > 0 && p.totals.count > 0) {
    lines.push(
      p.pace.projectionMinor === null
        ? t.t("quota.progress.tooEarly")
        : t.t("quota.progress.projection", {
            amount: roughMoney(t, p.pace.projectionMinor, p.currency, Math.round),
            end: dayText(t, p.period.end),
          }),
    );
  }
  return lines;
}

function progressBlocks(t: T, p: Progress, team: Team): KnownBlock[] {
  const lines = [progressLine(t, p), ...outlook(t, p)];
  const notes: string[] = [];
  if (p.totals.count > 0 && p.totals.lastAt) {
    notes.push(
      t.t("quota.progress.count", {
        count: p.totals.count,
        last: dayText(t, localDate(p.totals.lastAt, team.timeZone)),
      }),
    );
  }
  if (p.targetCarried) notes.push(t.t("quota.progress.carried", { since: periodName(t, p.period) }));
  if (p.targetMinor === null) notes.push(t.t("quota.progress.noTargetHint"));
  return [section(lines.join("\n")), ...(notes.length > 0 ? [context(notes.join(" · "))] : [])];
}

/** What was sold, in words: "Acme renewal · Widget Pro". */
function whatText(checkin: Pick<Checkin, "note">, product: Product | null): string {
  return [checkin.note ? escapeMrkdwn(checkin.note) : "", product ? escapeMrkdwn(product.name) : ""]
    .filter(Boolean)
    .join(" · ");
}

/** The rep's private answer to a check-in: what was recorded, where it counts, how they stand. */
export function checkinReply(t: T, outcome: CheckinOutcome): Reply {
  const { team, checkin, product, progress } = outcome;
  const amount = t.money(checkin.amountMinor, checkin.currency);
  const head = t.t("quota.recorded", { amount, what: whatText(checkin, product) });
  const where: string[] = [];
  if (outcome.elsewhere) {
    where.push(
      outcome.announced
        ? t.t("quota.recorded.elsewhere", { team: team.name, channel: team.channelId })
        : t.t("quota.recorded.elsewherePrivate", { team: team.name }),
    );
  }
  if (!outcome.announced) where.push(t.t("quota.recorded.private", { team: team.name }));
  if (outcome.replayed) where.push(t.t("quota.recorded.replayed"));
  const blocks: KnownBlock[] = [section(head)];
  if (where.length > 0) blocks.push(context(where.join(" ")));
  blocks.push(header(t.t("quota.progress.title", { period: periodName(t, progress.period) })));
  blocks.push(...progressBlocks(t, progress, team));
  if (outcome.similarRecent && !outcome.replayed) {
    blocks.push(
      section(t.t("quota.recorded.similar"), {
        accessory: button(t.t("quota.button.undo"), QUOTA_IDS.undoButton, { value: String(checkin.id) }),
      }),
    );
  }
  return { text: t.t("quota.recorded.fallback", { amount }), blocks, replaceOriginal: true };
}

/** "Did you mean 600 000 kr?": a big sale waits for the rep's yes, privately, with Confirm and Cancel. */
export function confirmReply(t: T, prompt: ConfirmPrompt): Reply {
  const { team, pending } = prompt;
  const amount = t.money(pending.a, team.currency);
  const what = whatText({ note: pending.n }, prompt.product);
  const why =
    prompt.reason === "aboveTarget" && prompt.targetMinor !== null
      ? t.t("quota.confirm.aboveTarget", { target: t.money(prompt.targetMinor, team.currency) })
      : t.t("quota.confirm.aboveThreshold", { threshold: t.money(prompt.confirmAboveMinor, team.currency) });
  const question = t.t("quota.confirm.question", { amount, what });
  return {
    text: question,
    blocks: [
      section(`${question}\n${why}`),
      actions("quota.confirm", [
        button(t.t("quota.confirm.yes", { amount }), QUOTA_IDS.confirmButton, {
          value: JSON.stringify(pending satisfies PendingCheckin),
          style: "primary",
        }),
        button(t.t("quota.confirm.no"), QUOTA_IDS.cancelButton, { value: pending.r }),
      ]),
    ],
  };
}

/** What the question becomes when the rep says no (or, if a yes got there first, that it stands). */
export function cancelledReply(t: T, cancelled: Cancelled): Reply {
  if (cancelled.kind === "recordedAlready") {
    const { checkin } = cancelled;
    return {
      text: t.t("quota.confirm.recordedAlready", { amount: t.money(checkin.amountMinor, checkin.currency) }),
      replaceOriginal: true,
    };
  }
  return { text: t.t("quota.confirm.cancelled"), replaceOriginal: true };
}

/** One check-in as a team channel message tells of it. */
export interface PostEntry {
  checkin: Checkin;
  product: Product | null;
  /** The rep's standing now, shown under their latest sale in the message; null when check-ins are private. */
  progress: Progress | null;
}

/**
 * The team channel's message about check-ins, in the team's language, as they are now: one sale as its
 * own message, or, when sales came faster than Slack's pace for a channel, several in one message, each
 * listed once in the order they were made. A rep's standing shows under their latest sale in it (none
 * while the team keeps check-ins private: a post made before that would otherwise reveal what is private
 * now); a sale taken back or removed is struck through; one a supervisor corrected is marked.
 */
export function channelPost(t: T, entries: readonly PostEntry[]): OutgoingMessage {
  const [only] = entries;
  if (only && entries.length === 1) return onePost(t, only);
  const latestOfRep = new Map(entries.map((e) => [e.checkin.repId, e.checkin.id]));
  // A burst too big for a block per sale (Slack's 50) reads as a list, a section per 20 lines; each rep
  // had their own progress privately.
  const blocks =
    entries.length > POST_DETAILED_MAX
      ? chunk(entries, LINES_PER_SECTION).map((part) => section(part.map((e) => postLine(t, e)).join("\n")))
      : entries.flatMap((entry): KnownBlock[] => {
          const { checkin } = entry;
          const line = postLine(t, entry);
          const notes = postNotes(t, entry, latestOfRep.get(checkin.repId) === checkin.id);
          return [section(line), ...(notes ? [context(notes)] : [])];
        });
  const sales = entries.map(
    (e) => `<@${e.checkin.repId}> ${t.money(e.checkin.amountMinor, e.checkin.currency)}`,
  );
  return {
    text: t.t("quota.post.batchFallback", { sales }),
    blocks: blocks.slice(0, LIMITS.blocksPerMessage),
  };
}

/** Up to this many sales, each has its own block with the rep's progress under their latest one. */
export const POST_DETAILED_MAX = 20;
const LINES_PER_SECTION = 20;

function chunk<X>(items: readonly X[], size: number): X[][] {
  const out: X[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function onePost(t: T, entry: PostEntry): OutgoingMessage {
  const { checkin } = entry;
  const amount = t.money(checkin.amountMinor, checkin.currency);
  const line = postLine(t, entry);
  if (checkin.status !== "active") return { text: line, blocks: [section(line)] };
  const notes = postNotes(t, entry, true);
  return {
    text: t.t("quota.post.fallback", { rep: checkin.repId, amount }),
    blocks: [section(line), ...(notes ? [context(notes)] : [])],
  };
}

function postLine(t: T, { checkin, product }: PostEntry): string {
  const amount = t.money(checkin.amountMinor, checkin.currency);
  if (checkin.status === "active")
    return t.t("quota.post", { rep: checkin.repId, amount, what: whatText(checkin, product) });
  const key = checkin.status === "removed" ? "quota.post.removed" : "quota.post.takenBack";
  return t.t(key, { rep: checkin.repId, amount });
}

function postNotes(t: T, { checkin, progress }: PostEntry, latest: boolean): string | null {
  if (checkin.status !== "active") return null;
  const notes: string[] = [];
  if (progress && latest) {
    const period = periodName(t, progress.period);
    const total = t.money(progress.totals.totalMinor, progress.currency);
    notes.push(
      progress.targetMinor === null
        ? t.t("quota.post.progressNoTarget", { period, total })
        : t.t("quota.post.progress", {
            period,
            total,
            attainment: attainmentText(t, progress),
            pace: paceText(t, progress),
          }),
    );
  }
  if (checkin.version > 1) notes.push(t.t("quota.post.corrected"));
  return notes.length > 0 ? notes.join(" · ") : null;
}

export function mineReply(t: T, found: Mine): Reply {
  if (found.kind === "supervisor") return { text: t.t("quota.mine.supervisor", { team: found.team.name }) };
  const { progress, team } = found;
  const title = t.t("quota.progress.title", { period: periodName(t, progress.period) });
  const blocks: KnownBlock[] = [header(title), ...progressBlocks(t, progress, team)];
  if (progress.totals.count === 0) blocks.push(context(t.t("quota.progress.none")));
  return { text: title, blocks };
}

/** The answer to a taken-back check-in; from the button, it takes the place of the message with the button. */
export function undoneReply(t: T, undone: Undone): Reply {
  const text = t.t("quota.undone", {
    amount: t.money(undone.checkin.amountMinor, undone.checkin.currency),
    date: dayText(t, undone.checkin.soldOn),
  });
  return {
    text,
    blocks: [
      section(text),
      header(t.t("quota.progress.title", { period: periodName(t, undone.progress.period) })),
      ...progressBlocks(t, undone.progress, undone.team),
    ],
    replaceOriginal: true,
  };
}

/**
 * The leaderboard: the team's line, then each rep best first; for one product, amounts and counts only.
 * When the team keeps check-ins private, a rep sees the team's line and their own place, not the others'.
 */
export function leaderboardReply(t: T, board: Leaderboard): Reply {
  const team = board.team.team;
  const period = periodName(t, board.period);
  const title = board.product
    ? t.t("quota.board.titleProduct", { team: team.name, period, product: board.product.name })
    : t.t("quota.board.title", { team: team.name, period });
  const blocks: KnownBlock[] = [header(title)];
  if (!board.product) {
    blocks.push(
      section(
        t.t("quota.board.team", {
          line: progressLine(t, board.teamProgress),
          days: daysLeftText(t, board.teamProgress),
        }),
      ),
    );
  }
  const sold = board.rows.filter((row) => row.totals.count > 0);
  const idle = board.rows.filter((row) => row.totals.count === 0).map((row) => row.repId as string);
  const lines = sold.map((row, i) => {
    const common = {
      rank: i + 1,
      rep: row.repId as string,
      total: t.money(row.totals.totalMinor, row.currency),
    };
    const last = row.totals.lastAt ? dayText(t, localDate(row.totals.lastAt, team.timeZone)) : "";
    if (board.product) return t.t("quota.board.rowProduct", { ...common, count: row.totals.count });
    if (row.targetMinor === null) return t.t("quota.board.rowNoTarget", { ...common, last });
    return t.t("quota.board.row", {
      ...common,
      attainment: attainmentText(t, row),
      pace: paceText(t, row),
      last,
    });
  });
  if (board.onlyOwn) {
    const mine = sold.findIndex((row) => row.repId === board.askedBy);
    const own = lines[mine];
    blocks.push(
      section(
        own
          ? t.t("quota.board.ownRank", {
              // The place is said in words above the line; the line's own "3." would say it twice.
              line: own.replace(/^\d+\.\s+/, ""),
              rank: mine + 1,
              of: board.rows.length,
            })
          : t.t("quota.board.ownNone"),
      ),
      context(t.t("quota.board.privateNote", { team: team.name })),
    );
    return { text: title, blocks };
  }
  if (board.rows.length === 0) blocks.push(section(t.t("quota.board.noReps")));
  blocks.push(
    ...linesToSections(lines, LIMITS.blocksPerMessage - 5, (count) => t.t("quota.board.more", { count })),
  );
  if (idle.length > 0) blocks.push(context(t.t("quota.board.rowNone", { reps: idle })));
  if (board.inChannel) blocks.push(context(t.t("quota.board.askedBy", { user: board.askedBy })));
  return { text: title, blocks, inChannel: board.inChannel };
}

export function targetChangeReply(t: T, change: TargetChange): Reply {
  const period = periodName(t, change.period);
  const amount = t.money(change.afterMinor, change.team.currency);
  if ((change.beforeMinor ?? 0) === change.afterMinor)
    return { text: t.t("quota.target.unchanged", { amount }) };
  if (change.afterMinor === 0) {
    return change.repId === null
      ? { text: t.t("quota.target.teamCleared", { team: change.team.name, period }) }
      : {
          text: t.t("quota.target.cleared", {
            user: change.repId,
            period,
            before: t.money(change.beforeMinor ?? 0, change.team.currency),
          }),
        };
  }
  if (change.repId === null)
    return { text: t.t("quota.target.teamSet", { team: change.team.name, period, amount }) };
  return {
    text: t.t("quota.target.set", {
      user: change.repId,
      period,
      amount,
      before: change.beforeMinor === null ? "" : t.money(change.beforeMinor, change.team.currency),
    }),
  };
}

/** An amount as people in this team write it, for a form's initial value: "150000" / "150000,50". */
function amountInput(t: T, minor: number | undefined, currency: string): string | undefined {
  if (minor === undefined) return undefined;
  const digits = currencyDigits(currency);
  const major = minor / 10 ** digits;
  const text = Number.isInteger(major) ? String(major) : major.toFixed(digits);
  return t.language === "sv" ? text.replace(".", ",") : text;
}

function amountBlock(blockId: string, label: string, initial: string | undefined, hint?: string): KnownBlock {
  return input(
    blockId,
    label,
    {
      type: "plain_text_input",
      max_length: 30,
      ...(initial !== undefined ? { initial_value: initial } : {}),
    },
    { optional: true, hint },
  );
}

/**
 * The most reps one targets form holds: a modal has 100 blocks (two are the intro and the team's), and
 * what each field was when the form opened must fit in its 3000-character private_metadata.
 */
export const TARGETS_FORM_MAX = 80;

/** The targets form: one field per rep (named, since labels are plain text) and the team's own. */
export function targetsModal(
  t: T,
  form: {
    team: Team;
    period: Period;
    targets: Map<string | null, number>;
    reps: { id: string; name: string }[];
  },
): ModalView {
  const reps = form.reps.slice(0, TARGETS_FORM_MAX);
  const blocks: KnownBlock[] = [
    section(
      t.t("quota.targets.intro", {
        team: form.team.name,
        period: periodName(t, form.period),
        currency: form.team.currency,
      }),
    ),
    ...reps.map((rep) =>
      amountBlock(
        TARGET_FIELD.rep(rep.id),
        rep.name,
        amountInput(t, form.targets.get(rep.id), form.team.currency),
      ),
    ),
    amountBlock(
      TARGET_FIELD.team,
      t.t("quota.targets.team"),
      amountInput(t, form.targets.get(null), form.team.currency),
      t.t("quota.targets.teamHint"),
    ),
  ];
  if (form.reps.length > reps.length) blocks.push(context(t.t("quota.targets.tooMany")));
  const metadata: TargetsMetadata = {
    teamId: form.team.id,
    reps: reps.map((rep) => [rep.id, form.targets.get(rep.id) ?? 0]),
    team: form.targets.get(null) ?? 0,
  };
  return modal({
    callbackId: QUOTA_IDS.targetsView,
    title: t.t("quota.targets.title"),
    submit: t.t("quota.targets.save"),
    close: t.t("quota.targets.cancel"),
    metadata,
    blocks,
  });
}

export function targetsSavedModal(t: T, changes: TargetChange[], period: Period): ModalView {
  const lines = changes.map((change) => targetChangeReply(t, change).text);
  return modal({
    title: t.t("quota.targets.savedTitle"),
    close: t.t("common.button.close"),
    blocks: [
      section(t.t("quota.targets.saved", { count: changes.length, period: periodName(t, period) })),
      ...linesToSections(lines, LIMITS.blocksPerView - 1, (count) => t.t("quota.board.more", { count })),
    ],
  });
}

/** This period's check-ins; for those who may correct them, with Correct and Remove on each. */
export function entriesReply(t: T, found: Entries, note?: string): Reply {
  const title = t.t("quota.entries.title", { period: periodName(t, found.period) });
  const head: KnownBlock[] = [header(title), ...(note ? [section(note)] : [])];
  if (found.checkins.length === 0) {
    return {
      text: `${title}\n${t.t("quota.entries.none")}`,
      blocks: [...head, section(t.t("quota.entries.none"))],
    };
  }
  const blocks: KnownBlock[] = [...head];
  for (const checkin of found.checkins.slice(0, ENTRIES_MAX)) {
    const product = checkin.productId ? (found.products.get(checkin.productId) ?? null) : null;
    const amount = t.money(checkin.amountMinor, checkin.currency);
    const line = t.t("quota.entries.line", {
      date: dayText(t, checkin.soldOn),
      rep: checkin.repId,
      amount,
      what: whatText(checkin, product),
    });
    if (!found.mayCorrect) {
      blocks.push(section(line));
      continue;
    }
    const name = found.names.get(checkin.repId) ?? checkin.repId;
    blocks.push(
      section(line),
      actions(`entry.${checkin.id}`, [
        button(t.t("quota.entries.correct"), QUOTA_IDS.correctButton, { value: String(checkin.id) }),
        {
          ...button(t.t("quota.entries.remove"), QUOTA_IDS.removeButton, {
            value: JSON.stringify({ c: checkin.id, r: found.repId }),
            style: "danger",
          }),
          confirm: {
            title: plain(t.t("quota.entries.removeConfirmTitle"), 100),
            text: plain(t.t("quota.entries.removeConfirmText", { rep: name, amount }), 300),
            confirm: plain(t.t("quota.entries.removeConfirm"), 30),
            deny: plain(t.t("quota.entries.keep"), 30),
            style: "danger",
          },
        },
      ]),
    );
  }
  return { text: title, blocks };
}

/** After a removal from the list: the list as it now is, in place of the old one, with what was done. */
export function removedReply(t: T, change: EntryChange): Reply {
  const done = entryChangeText(t, change, true);
  if (!change.list) return { text: done, replaceOriginal: true };
  return { ...entriesReply(t, change.list, `:white_check_mark: ${done}`), replaceOriginal: true };
}

export function entryChangeText(t: T, change: EntryChange, removed: boolean): string {
  const date = dayText(t, change.before.soldOn);
  const before = t.money(change.before.amountMinor, change.before.currency);
  if (removed) return t.t("quota.entry.removed", { rep: change.before.repId, amount: before, date });
  const after = t.money(change.after.amountMinor, change.after.currency);
  if (change.unchanged)
    return t.t("quota.entry.alreadyCorrected", { rep: change.after.repId, date, amount: after });
  return t.t("quota.entry.corrected", { rep: change.before.repId, date, before, after });
}

export function correctionModal(t: T, checkin: Checkin, team: Team): ModalView {
  return modal({
    callbackId: QUOTA_IDS.entryView,
    title: t.t("quota.entry.modalTitle"),
    submit: t.t("quota.entry.save"),
    close: t.t("quota.entry.cancel"),
    metadata: { checkinId: checkin.id, version: checkin.version },
    blocks: [
      section(t.t("quota.entry.modalIntro", { rep: checkin.repId, date: dayText(t, checkin.soldOn) })),
      input(ENTRY_FIELD.amount, `${t.t("quota.entry.amount")} (${team.currency})`, {
        type: "plain_text_input",
        max_length: 30,
        initial_value: amountInput(t, checkin.amountMinor, checkin.currency) ?? "",
      }),
      input(
        ENTRY_FIELD.note,
        t.t("quota.entry.note"),
        {
          type: "plain_text_input",
          max_length: 300,
          ...(checkin.note ? { initial_value: checkin.note } : {}),
        },
        { optional: true },
      ),
    ],
  });
}

export function correctedModal(t: T, change: EntryChange): ModalView {
  return messageModal(t, entryChangeText(t, change, false), t.t("quota.entry.savedTitle"));
}

export function helpReply(t: T): Reply {
  return { text: t.t("quota.help.fallback"), blocks: [section(t.t("quota.help"))] };
}

export function settingReply(
  t: T,
  result: { team: Team; change: QuotaSettingChange; rules: QuotaRules },
): Reply {
  const team = result.team.name;
  switch (result.change.key) {
    case "private":
      return { text: t.t(result.change.value ? "quota.set.private.on" : "quota.set.private.off", { team }) };
    case "leaderboard":
      return {
        text: t.t(result.change.value ? "quota.set.leaderboard.on" : "quota.set.leaderboard.off", { team }),
      };
    case "max":
      return {
        text: t.t("quota.set.max", { team, amount: t.money(result.change.value, result.team.currency) }),
      };
    case "confirm":
      return {
        text: t.t("quota.set.confirm", { team, amount: t.money(result.change.value, result.team.currency) }),
      };
  }
}
