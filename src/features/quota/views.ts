import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { currencyDigits, dateFormat, type Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  linesToSections,
  type OutgoingMessage,
  plain,
  type Reply,
  section,
} from "../../platform/slack/index.js";
import { type LocalDate, localDate, type Period } from "../../platform/time/index.js";
import type { Product } from "../products/index.js";
import type { Team } from "../team/index.js";
import type { QuotaMessages } from "./messages.js";
import type { Checkin } from "./schema.js";
import type {
  CheckinOutcome,
  EntryChange,
  Leaderboard,
  Mine,
  Progress,
  QuotaRules,
  QuotaSettingChange,
  TargetChange,
  Undone,
} from "./service.js";

type T = Translator<QuotaMessages>;

/** Slack ids of this feature: registered in listeners.ts, rendered here. */
export const QUOTA_IDS = {
  command: "/quota",
  undoButton: "quota.undo",
  correctButton: "quota.entry.correct",
  removeButton: "quota.entry.remove",
  targetsButton: "quota.targets.open",
  targetsView: "quota.targets.save",
  entryView: "quota.entry.save",
} as const;

export const TARGET_FIELD = { team: "team", rep: (repId: string) => `rep.${repId}` } as const;
export const ENTRY_FIELD = { amount: "amount", note: "note" } as const;
export const VALUE = "value";

export const targetsMetadata = z.object({ teamId: z.number().int().positive(), repIds: z.array(z.string()) });
export const entryMetadata = z.object({ checkinId: z.number().int().positive() });

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

/** A calendar day as people say it: "12 Mar" / "12 mars". */
export function dayText(t: T, date: LocalDate): string {
  return dateFormat(t.locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function paceText(t: T, progress: Progress): string {
  return progress.pace.label ? t.t(`quota.pace.${progress.pace.label}`) : "";
}

function attainmentText(t: T, progress: Progress): string {
  return progress.pace.attainment === null ? "" : t.percent(progress.pace.attainment);
}

/** "*48 000 kr* of 75 000 kr (64 %) · ✅ on track" */
function progressLine(t: T, p: Progress): string {
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

/** Projection and what it takes: the lines under a progress line. */
function outlook(t: T, p: Progress): string[] {
  const lines: string[] = [];
  if (p.targetMinor === null) return lines;
  if (p.pace.neededPerDayMinor === 0) lines.push(t.t("quota.progress.made"));
  else if (p.pace.neededPerDayMinor === null) lines.push(t.t("quota.progress.noDaysLeft"));
  else {
    lines.push(
      t.t("quota.progress.needed", {
        amount: roughMoney(t, p.pace.neededPerDayMinor, p.currency, Math.ceil),
        days: t.number(p.days.remaining, { maximumFractionDigits: 1 }),
      }),
    );
  }
  if (p.days.elapsed > 0 && p.days.remaining > 0) {
    lines.push(
      t.t("quota.progress.projection", {
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
  if (outcome.similarRecent) {
    blocks.push(
      section(t.t("quota.recorded.similar"), {
        accessory: button(t.t("quota.button.undo"), QUOTA_IDS.undoButton, { value: String(checkin.id) }),
      }),
    );
  }
  return { text: t.t("quota.recorded.fallback", { amount }), blocks };
}

/** The team channel's news of a check-in, in the team's language. */
export function channelPost(
  t: T,
  _team: Team,
  checkin: Checkin,
  product: Product | null,
  progress: Progress,
): OutgoingMessage {
  const amount = t.money(checkin.amountMinor, checkin.currency);
  const period = periodName(t, progress.period);
  const total = t.money(progress.totals.totalMinor, progress.currency);
  const standing =
    progress.targetMinor === null
      ? t.t("quota.post.progressNoTarget", { period, total })
      : t.t("quota.post.progress", {
          period,
          total,
          attainment: attainmentText(t, progress),
          pace: paceText(t, progress),
        });
  return {
    text: t.t("quota.post.fallback", { rep: checkin.repId, amount }),
    blocks: [
      section(t.t("quota.post", { rep: checkin.repId, amount, what: whatText(checkin, product) })),
      context(standing),
    ],
  };
}

/** The channel message of a check-in that no longer counts. */
export function takenBackPost(t: T, checkin: Checkin): OutgoingMessage {
  const text = t.t("quota.post.takenBack", {
    rep: checkin.repId,
    amount: t.money(checkin.amountMinor, checkin.currency),
  });
  return { text, blocks: [section(text)] };
}

export function mineReply(t: T, found: Mine): Reply {
  if (found.kind === "supervisor") return { text: t.t("quota.mine.supervisor", { team: found.team.name }) };
  const { progress, team } = found;
  const title = t.t("quota.progress.title", { period: periodName(t, progress.period) });
  const blocks: KnownBlock[] = [header(title), ...progressBlocks(t, progress, team)];
  if (progress.totals.count === 0) blocks.push(context(t.t("quota.progress.none")));
  return { text: title, blocks };
}

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
  };
}

/** The leaderboard: the team's line, then each rep best first; for one product, amounts and counts only. */
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
          days: t.number(board.teamProgress.days.remaining, { maximumFractionDigits: 1 }),
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
  if (board.rows.length === 0) blocks.push(section(t.t("quota.board.noReps")));
  blocks.push(
    ...linesToSections(lines, LIMITS.blocksPerMessage - 4, (count) => t.t("quota.board.more", { count })),
  );
  if (idle.length > 0) blocks.push(context(t.t("quota.board.rowNone", { reps: idle })));
  return { text: title, blocks, inChannel: board.inChannel };
}

export function targetChangeReply(t: T, change: TargetChange): Reply {
  const period = periodName(t, change.period);
  const amount = t.money(change.afterMinor, change.team.currency);
  if (change.beforeMinor === change.afterMinor) return { text: t.t("quota.target.unchanged", { amount }) };
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
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label, LIMITS.label),
    element: {
      type: "plain_text_input",
      action_id: VALUE,
      max_length: 30,
      ...(initial !== undefined ? { initial_value: initial } : {}),
    },
    ...(hint ? { hint: plain(hint, LIMITS.hint) } : {}),
  };
}

/** The most reps one targets form holds (a modal has 100 blocks; two are the intro and the team's). */
export const TARGETS_FORM_MAX = 95;

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
  return {
    type: "modal",
    callback_id: QUOTA_IDS.targetsView,
    title: plain(t.t("quota.targets.title"), LIMITS.viewTitle),
    submit: plain(t.t("quota.targets.save"), LIMITS.viewButton),
    close: plain(t.t("quota.targets.cancel"), LIMITS.viewButton),
    private_metadata: JSON.stringify({ teamId: form.team.id, repIds: reps.map((r) => r.id) }),
    blocks,
  };
}

export function targetsSavedModal(t: T, changes: TargetChange[], period: Period): ModalView {
  const lines = changes.map((change) => targetChangeReply(t, change).text);
  return {
    type: "modal",
    title: plain(t.t("quota.targets.savedTitle"), LIMITS.viewTitle),
    close: plain(t.t("common.button.close"), LIMITS.viewButton),
    blocks: [
      section(t.t("quota.targets.saved", { count: changes.length, period: periodName(t, period) })),
      ...linesToSections(lines, LIMITS.blocksPerView - 1, (count) => t.t("quota.board.more", { count })),
    ],
  };
}

/** The most check-ins one entries message lists (two blocks each, within Slack's 50). */
export const ENTRIES_MAX = 20;

export function entriesReply(
  t: T,
  found: {
    team: { team: Team };
    period: Period;
    checkins: Checkin[];
    products: Map<number, Product>;
    mayCorrect: boolean;
  },
): Reply {
  const title = t.t("quota.entries.title", { period: periodName(t, found.period) });
  if (found.checkins.length === 0) return { text: `${title}\n${t.t("quota.entries.none")}` };
  const blocks: KnownBlock[] = [header(title)];
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
    blocks.push(
      section(line),
      actions(`entry.${checkin.id}`, [
        button(t.t("quota.entries.correct"), QUOTA_IDS.correctButton, { value: String(checkin.id) }),
        {
          ...button(t.t("quota.entries.remove"), QUOTA_IDS.removeButton, {
            value: String(checkin.id),
            style: "danger",
          }),
          confirm: {
            title: plain(t.t("quota.entries.removeConfirmTitle"), 100),
            text: plain(t.t("quota.entries.removeConfirmText", { rep: `@${checkin.repId}`, amount }), 300),
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

export function entryChangeReply(t: T, change: EntryChange, removed: boolean): string {
  const date = dayText(t, change.before.soldOn);
  const before = t.money(change.before.amountMinor, change.before.currency);
  if (removed) return t.t("quota.entry.removed", { rep: change.before.repId, amount: before, date });
  return t.t("quota.entry.corrected", {
    rep: change.before.repId,
    date,
    before,
    after: t.money(change.after.amountMinor, change.after.currency),
  });
}

export function correctionModal(t: T, checkin: Checkin, team: Team): ModalView {
  return {
    type: "modal",
    callback_id: QUOTA_IDS.entryView,
    title: plain(t.t("quota.entry.modalTitle"), LIMITS.viewTitle),
    submit: plain(t.t("quota.entry.save"), LIMITS.viewButton),
    close: plain(t.t("quota.entry.cancel"), LIMITS.viewButton),
    private_metadata: JSON.stringify({ checkinId: checkin.id }),
    blocks: [
      section(t.t("quota.entry.modalIntro", { rep: checkin.repId, date: dayText(t, checkin.soldOn) })),
      {
        type: "input",
        block_id: ENTRY_FIELD.amount,
        label: plain(`${t.t("quota.entry.amount")} (${team.currency})`, LIMITS.label),
        element: {
          type: "plain_text_input",
          action_id: VALUE,
          max_length: 30,
          initial_value: amountInput(t, checkin.amountMinor, checkin.currency) ?? "",
        },
      },
      {
        type: "input",
        block_id: ENTRY_FIELD.note,
        optional: true,
        label: plain(t.t("quota.entry.note"), LIMITS.label),
        element: {
          type: "plain_text_input",
          action_id: VALUE,
          max_length: 300,
          ...(checkin.note ? { initial_value: checkin.note } : {}),
        },
      },
    ],
  };
}

export function messageModalFor(t: T, titleKey: "quota.entry.savedTitle", text: string): ModalView {
  return {
    type: "modal",
    title: plain(t.t(titleKey), LIMITS.viewTitle),
    close: plain(t.t("common.button.close"), LIMITS.viewButton),
    blocks: [section(text)],
  };
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
  }
}
