import type { Button, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { createTranslator, dateFormat, type Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  input,
  linesToSections,
  modal,
  plain,
  section,
} from "../../platform/slack/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { type Escalation, escalationMessages } from "../escalations/index.js";
import type { WarningMessages } from "./messages.js";
import { type Suggestion, splitByExpiry } from "./rules.js";
import {
  WARNING_LEVELS,
  WARNING_REASONS,
  type Warning,
  type WarningLevel,
  type WarningReason,
} from "./schema.js";
import { WARNING_FIELD, type WarnForm, type WarningList } from "./service.js";

export const WARNING_IDS = {
  command: "/warn",
  submitView: "warnings.submit",
  /** The rep's users_select dispatches this when changed: the form follows with its suggestion. */
  repSelect: "warnings.rep",
  acknowledge: "warnings.acknowledge",
  fromEscalation: "warnings.fromEscalation",
  actionsBlock: "warnings.actions",
} as const;

type T = Translator<WarningMessages>;

export const levelName = (t: T, level: WarningLevel) => t.t(`warnings.level.${level}`);
export const reasonName = (t: T, reason: WarningReason) => t.t(`warnings.reason.${reason}`);

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/** A calendar date as people read it: "Jun 1, 2027" / "1 juni 2027". */
export function dayText(locale: string, date: LocalDate): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

const issuedText = (t: T, warning: Pick<Warning, "issuedAt">, zone: string) =>
  t.date(warning.issuedAt, zone, "date");

/** The suggestion and why, in one line (null before a rep is chosen). */
export function suggestionLine(t: T, repId: string, suggestion: Suggestion, zone: string): string {
  switch (suggestion.because) {
    case "none":
      return t.t("warnings.suggest.none", { rep: repId });
    case "after":
      return t.t("warnings.suggest.after", {
        rep: repId,
        after: levelName(t, suggestion.after),
        next: levelName(t, suggestion.level),
        date: t.date(suggestion.issuedAt, zone, "date"),
      });
    case "atFinal":
      return t.t("warnings.suggest.atFinal", { rep: repId, date: t.date(suggestion.issuedAt, zone, "date") });
  }
}

/** The warning form: rep (changing it updates the form), level with the suggestion, reason, details, link, expiry. */
export function warnModal(t: T, form: WarnForm): ModalView {
  const levels = WARNING_LEVELS.map((l) => option(t.t(`warnings.levelOption.${l}`), l));
  const reasons = WARNING_REASONS.map((r) => option(reasonName(t, r), r));
  const escalationT = createTranslator(escalationMessages, t.language, t.locale);
  const escalations = form.escalations.map((e) =>
    option(
      t.t("warnings.modal.escalationOption", {
        category: escalationT.t(`escalations.category.${e.category}`),
        date: t.date(e.createdAt, form.zone, "date"),
      }),
      String(e.id),
    ),
  );
  const suggested = form.suggestion ? levels.find((l) => l.value === form.suggestion?.level) : undefined;
  const linked = escalations.find((o) => o.value === String(form.escalationId));
  const blocks: KnownBlock[] = [
    section(t.t("warnings.modal.intro")),
    {
      ...input(
        WARNING_FIELD.rep,
        t.t("warnings.modal.rep"),
        { type: "users_select", ...(form.repId ? { initial_user: form.repId } : {}) },
        { actionId: WARNING_IDS.repSelect },
      ),
      dispatch_action: true,
    },
    context(
      form.repId && form.suggestion
        ? suggestionLine(t, form.repId, form.suggestion, form.zone)
        : t.t("warnings.modal.chooseRep"),
    ),
    input(WARNING_FIELD.level, t.t("warnings.modal.level"), {
      type: "radio_buttons",
      options: levels,
      ...(suggested ? { initial_option: suggested } : {}),
    }),
    input(WARNING_FIELD.reason, t.t("warnings.modal.reason"), { type: "static_select", options: reasons }),
    input(
      WARNING_FIELD.details,
      t.t("warnings.modal.details"),
      { type: "plain_text_input", multiline: true, max_length: 2000 },
      { hint: t.t("warnings.modal.detailsHint") },
    ),
  ];
  if (escalations.length > 0) {
    blocks.push(
      input(
        WARNING_FIELD.escalation,
        t.t("warnings.modal.escalation"),
        { type: "static_select", options: escalations, ...(linked ? { initial_option: linked } : {}) },
        { optional: true, hint: t.t("warnings.modal.escalationHint") },
      ),
    );
  }
  blocks.push(
    input(
      WARNING_FIELD.expiry,
      t.t("warnings.modal.expiry"),
      { type: "datepicker", initial_date: form.expiresOn },
      { hint: t.t("warnings.modal.expiryHint") },
    ),
  );
  return modal({
    title: t.t("warnings.modal.title"),
    submit: t.t("warnings.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: WARNING_IDS.submitView,
    metadata: {},
    blocks,
  });
}

export function sentModal(t: T, warning: Warning): ModalView {
  return modal({
    title: t.t("warnings.sent.title"),
    close: t.t("common.button.close"),
    blocks: [section(t.t("warnings.sent.text", { rep: warning.repId, level: levelName(t, warning.level) }))],
  });
}

/** What the warning says: reason, details, until when it counts. */
function facts(t: T, warning: Warning): KnownBlock[] {
  return [
    section(
      [
        t.t("warnings.dm.reason", { reason: reasonName(t, warning.reason) }),
        t.t("warnings.dm.expires", { date: dayText(t.locale, warning.expiresOn) }),
      ].join("\n"),
    ),
    section(t.t("warnings.dm.details", { details: escapeMrkdwn(warning.details) })),
  ];
}

/**
 * The rep's DM: the warning (never the escalation behind it or who raised it) and, until receipt is
 * acknowledged, the button; afterwards when it was.
 */
export function repMessage(t: T, warning: Warning, zone: string): { text: string; blocks: KnownBlock[] } {
  const head = t.t("warnings.dm.toRep", { by: warning.issuedBy, level: levelName(t, warning.level) });
  const blocks: KnownBlock[] = [section(head), ...facts(t, warning)];
  if (warning.acknowledgedAt) {
    blocks.push(
      context(t.t("warnings.dm.acknowledged", { at: t.date(warning.acknowledgedAt, zone, "dateTime") })),
    );
  } else {
    blocks.push(
      context(t.t("warnings.dm.ask")),
      actions(WARNING_IDS.actionsBlock, [
        button(t.t("warnings.button.acknowledge"), WARNING_IDS.acknowledge, {
          value: String(warning.id),
          style: "primary",
        }),
      ]),
    );
  }
  return { text: head, blocks };
}

/** The issuer's DM: the warning, its link, whether receipt was acknowledged, and other features' buttons. */
export function issuerMessage(
  t: T,
  warning: Warning,
  zone: string,
  escalation: Pick<Escalation, "raisedBy"> | null,
  buttons: Button[],
): { text: string; blocks: KnownBlock[] } {
  const head = t.t("warnings.dm.toIssuer", { rep: warning.repId, level: levelName(t, warning.level) });
  const state = warning.acknowledgedAt
    ? t.t("warnings.dm.repAcknowledged", {
        rep: warning.repId,
        at: t.date(warning.acknowledgedAt, zone, "dateTime"),
      })
    : t.t("warnings.dm.waiting", { rep: warning.repId });
  const blocks: KnownBlock[] = [
    section(head),
    ...facts(t, warning),
    ...(escalation ? [section(t.t("warnings.dm.linked", { by: escalation.raisedBy }))] : []),
    context(state),
  ];
  if (buttons.length > 0) blocks.push(actions(WARNING_IDS.actionsBlock, buttons));
  return { text: `${head} ${state}`, blocks };
}

const receiptText = (t: T, warning: Pick<Warning, "acknowledgedAt">) =>
  t.t(warning.acknowledgedAt ? "warnings.receipt.yes" : "warnings.receipt.no");

/** The handler's line in an escalation DM: the rep's active warnings, or none. */
export function activeLine(t: T, active: readonly Warning[], zone: string): string {
  if (active.length === 0) return t.t("warnings.record.none");
  return t.t("warnings.record.active", {
    items: active.slice(0, 5).map((w) =>
      t.t("warnings.record.item", {
        level: levelName(t, w.level),
        date: issuedText(t, w, zone),
        receipt: receiptText(t, w),
      }),
    ),
  });
}

/** The executive's line in an escalation DM: a warning issued under it and whether receipt was acknowledged. */
export function linkedLine(t: T, warning: Warning, zone: string): string {
  return t.t("warnings.record.linked", {
    level: levelName(t, warning.level),
    by: warning.issuedBy,
    date: issuedText(t, warning, zone),
    receipt: receiptText(t, warning),
  });
}

/** `/warn history @rep` and `/warn mine`: active warnings, then expired ones, newest first. */
export function listReply(t: T, list: WarningList, own: boolean): { text: string; blocks: KnownBlock[] } {
  const title = own ? t.t("warnings.list.mine") : t.t("warnings.list.history", { rep: list.repId });
  if (list.warnings.length === 0) {
    const text = own ? t.t("warnings.list.noneMine") : t.t("warnings.list.noneOf", { rep: list.repId });
    return { text, blocks: [section(text)] };
  }
  const { active, expired } = splitByExpiry(list.warnings, list.today);
  const item = (w: Warning) => ({
    level: t.t(`warnings.levelOption.${w.level}`),
    reason: reasonName(t, w.reason),
    date: issuedText(t, w, list.zone),
    by: w.issuedBy,
    until: dayText(t.locale, w.expiresOn),
  });
  // What happened, as the issuer wrote it, under each warning (clipped: the full text is in the rep's DM).
  const said = (w: Warning) => {
    const folded = w.details.replace(/\s+/g, " ").trim();
    return `>${escapeMrkdwn(folded.length > 200 ? `${folded.slice(0, 199).trimEnd()}…` : folded)}`;
  };
  const lines = [
    title,
    t.t("warnings.list.active"),
    ...(active.length > 0
      ? active.flatMap((w) => [
          t.t("warnings.list.item", { ...item(w), receipt: receiptText(t, w) }),
          said(w),
        ])
      : [t.t("warnings.list.noneActive")]),
    ...(expired.length > 0
      ? [
          t.t("warnings.list.expired"),
          ...expired.flatMap((w) => [t.t("warnings.list.itemExpired", item(w)), said(w)]),
        ]
      : []),
  ];
  return {
    text: lines.join("\n"),
    blocks: linesToSections(lines, 40, (count) => t.t("warnings.list.more", { count })),
  };
}

export function helpReply(t: T): { text: string } {
  return { text: t.t("warnings.help") };
}
