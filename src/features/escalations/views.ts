import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  input,
  modal,
  plain,
  section,
} from "../../platform/slack/index.js";
import type { EscalationMessages } from "./messages.js";
import {
  ESCALATION_CATEGORIES,
  ESCALATION_URGENCIES,
  type Escalation,
  type EscalationCategory,
  type EscalationUrgency,
} from "./schema.js";
import { ESCALATION_FIELD, type EscalationRecord, type Raised, type SourceMessage } from "./service.js";

export const ESCALATION_IDS = {
  shortcut: "escalations.escalate",
  messageShortcut: "escalations.escalateMessage",
  submitView: "escalations.submit",
  acknowledge: "escalations.acknowledge",
  resolve: "escalations.resolve",
  resolveView: "escalations.resolve.submit",
  actionsBlock: "escalations.actions",
} as const;

export const RESOLVE_FIELD = { note: "note" } as const;

type T = Translator<EscalationMessages>;

export const categoryName = (t: T, category: EscalationCategory) => t.t(`escalations.category.${category}`);
export const urgencyName = (t: T, urgency: EscalationUrgency) => t.t(`escalations.urgency.${urgency}`);

/** Words someone wrote, as a Slack block quote, shown as written. */
const quote = (text: string) => `>${escapeMrkdwn(text)}`;

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/**
 * The escalation form. From a message: the rep is its author, and the message (link, excerpt) travels in
 * the metadata; a message deleted meanwhile is said so, and the escalation goes without a link.
 */
export function escalateModal(t: T, from: { repId?: string; message?: SourceMessage }): ModalView {
  const { message } = from;
  const categories = ESCALATION_CATEGORIES.map((c) => option(categoryName(t, c), c));
  const urgencies = ESCALATION_URGENCIES.map((u) => option(urgencyName(t, u), u));
  const blocks: KnownBlock[] = [section(t.t("escalations.modal.intro"))];
  if (message?.permalink && message.excerpt) {
    blocks.push(
      context(
        `${t.t("escalations.modal.fromMessage", { channel: message.channel })}\n${quote(message.excerpt)}`,
      ),
    );
  } else if (message) {
    blocks.push(context(t.t("escalations.modal.messageGone")));
  }
  blocks.push(
    input(ESCALATION_FIELD.rep, t.t("escalations.modal.rep"), {
      type: "users_select",
      ...(from.repId ? { initial_user: from.repId } : {}),
    }),
    input(ESCALATION_FIELD.category, t.t("escalations.modal.category"), {
      type: "static_select",
      options: categories,
    }),
    input(
      ESCALATION_FIELD.details,
      t.t("escalations.modal.details"),
      { type: "plain_text_input", multiline: true, max_length: 2000 },
      { hint: t.t("escalations.modal.detailsHint") },
    ),
    input(ESCALATION_FIELD.urgency, t.t("escalations.modal.urgency"), {
      type: "radio_buttons",
      options: urgencies,
      initial_option: urgencies[0] as PlainTextOption,
    }),
  );
  return modal({
    title: t.t("escalations.modal.title"),
    submit: t.t("escalations.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: ESCALATION_IDS.submitView,
    metadata: message ? { message } : {},
    blocks,
  });
}

/** What the executive reads once it is sent: to whom it went, and that the rep is not told. */
export function sentModal(t: T, raised: Raised): ModalView {
  const { escalation, handlers, teamName } = raised;
  const text =
    escalation.route === "supervisors" && teamName
      ? t.t("escalations.sent.supervisors", { rep: escalation.repId, team: teamName, handlers })
      : t.t("escalations.sent.admins", { rep: escalation.repId, handlers });
  return modal({
    title: t.t("escalations.sent.title"),
    close: t.t("common.button.close"),
    blocks: [section(text)],
  });
}

/** Where an escalation stands, in one line. */
export function stateLine(t: T, escalation: Escalation): string {
  switch (escalation.status) {
    case "open":
      return t.t("escalations.state.open");
    case "acknowledged":
      return t.t("escalations.state.acknowledged", { by: escalation.acknowledgedBy ?? "" });
    case "resolved":
      return t.t("escalations.state.resolved", {
        by: escalation.resolvedBy ?? "",
        note: escapeMrkdwn(escalation.resolution ?? ""),
      });
  }
}

/** The facts both DMs show: category, urgency, details, and the message it came from. */
function facts(t: T, escalation: Escalation): KnownBlock[] {
  const lines = [
    ...(escalation.urgency === "urgent" ? [t.t("escalations.dm.urgent")] : []),
    t.t("escalations.dm.category", { category: categoryName(t, escalation.category) }),
    t.t("escalations.dm.urgency", { urgency: urgencyName(t, escalation.urgency) }),
  ];
  const blocks: KnownBlock[] = [
    section(lines.join("\n")),
    section(t.t("escalations.dm.details", { details: escapeMrkdwn(escalation.details) })),
  ];
  if (escalation.excerpt && escalation.permalink) {
    blocks.push(
      section(
        `${t.t("escalations.dm.message")}\n${quote(escalation.excerpt)}\n<${escalation.permalink}|${t.t("escalations.dm.link")}>`,
      ),
    );
  } else if (escalation.messageTs) {
    blocks.push(context(t.t("escalations.dm.messageGone")));
  }
  return blocks;
}

/**
 * A handler's DM: who escalated whom, the facts, the rep's quota this period, where it stands, and
 * Acknowledge (while open) / Resolve (until resolved). The same builder renders every later state, so the
 * DM is updated in place and stale buttons go.
 */
export function handlerMessage(
  t: T,
  escalation: Escalation,
  quotaLine: string | null,
  record: EscalationRecord = { lines: [], buttons: [] },
): { text: string; blocks: KnownBlock[] } {
  const by = { by: escalation.raisedBy, rep: escalation.repId };
  const asks =
    escalation.route === "supervisors"
      ? t.t("escalations.dm.toSupervisor", by)
      : t.t("escalations.dm.toAdmin", by);
  const state = stateLine(t, escalation);
  const blocks: KnownBlock[] = [
    section(asks),
    ...facts(t, escalation),
    ...(quotaLine ? [section(quotaLine)] : []),
    ...record.lines.map((line) => section(line)),
    context(state),
  ];
  const value = String(escalation.id);
  const buttons = [
    ...(escalation.status === "open"
      ? [
          button(t.t("escalations.button.acknowledge"), ESCALATION_IDS.acknowledge, {
            value,
            style: "primary",
          }),
        ]
      : []),
    ...(escalation.status !== "resolved"
      ? [button(t.t("escalations.button.resolve"), ESCALATION_IDS.resolve, { value }), ...record.buttons]
      : []),
  ];
  if (buttons.length > 0) blocks.push(actions(ESCALATION_IDS.actionsBlock, buttons));
  return { text: `${asks} ${state}`, blocks };
}

/** The executive's DM: to whom it went, the facts, and where it stands; updated with every change. */
export function raiserMessage(
  t: T,
  escalation: Escalation,
  handlers: string[],
  lines: readonly string[] = [],
): { text: string; blocks: KnownBlock[] } {
  const line = t.t("escalations.dm.raiser", { rep: escalation.repId, handlers });
  const state = stateLine(t, escalation);
  return {
    text: `${line} ${state}`,
    blocks: [section(line), ...facts(t, escalation), ...lines.map((l) => section(l)), context(state)],
  };
}

/** The resolve form: the escalation in one line and the note the executive will read. */
export function resolveModal(t: T, escalation: Escalation): ModalView {
  return modal({
    title: t.t("escalations.resolve.title"),
    submit: t.t("escalations.resolve.submit"),
    close: t.t("common.button.close"),
    callbackId: ESCALATION_IDS.resolveView,
    metadata: { id: escalation.id },
    blocks: [
      section(t.t("escalations.resolve.intro", { by: escalation.raisedBy, rep: escalation.repId })),
      input(
        RESOLVE_FIELD.note,
        t.t("escalations.resolve.note"),
        { type: "plain_text_input", multiline: true, max_length: 1000 },
        { hint: t.t("escalations.resolve.noteHint") },
      ),
    ],
  });
}

export function resolvedModal(t: T): ModalView {
  return modal({
    title: t.t("escalations.resolve.title"),
    close: t.t("common.button.close"),
    blocks: [section(t.t("escalations.resolve.done"))],
  });
}
