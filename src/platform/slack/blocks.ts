import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from "@slack/types";

/** Slack's documented limits that our builders clip to (see SLACK.md). */
export const LIMITS = {
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  actionsElements: 25,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  placeholder: 150,
  hint: 2000,
  label: 2000,
  options: 100,
  blocksPerMessage: 50,
  blocksPerView: 100,
} as const;

/** Shortens text to at most `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Escapes text a person typed so Slack shows it as written (no accidental links, mentions or @channel). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const mention = (userId: string): string => `<@${userId}>`;
export const channelLink = (channelId: string): string => `<#${channelId}>`;

export function plain(text: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

export function mrkdwn(text: string, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: "mrkdwn", text: clip(text, max) };
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: plain(text, LIMITS.headerText) };
}

export function section(
  text: string,
  extra: Partial<Omit<SectionBlock, "type" | "text">> = {},
): SectionBlock {
  return { type: "section", text: mrkdwn(text), ...extra };
}

/** A section of label/value pairs shown two by two; at most ten fields, as Slack allows. */
export function fieldsSection(fields: readonly string[]): SectionBlock {
  return {
    type: "section",
    fields: fields.slice(0, LIMITS.fields).map((field) => mrkdwn(field, LIMITS.fieldText)),
  };
}

export function context(...texts: string[]): ContextBlock {
  return { type: "context", elements: texts.slice(0, LIMITS.contextElements).map((text) => mrkdwn(text)) };
}

export function divider(): DividerBlock {
  return { type: "divider" };
}

export function button(
  text: string,
  actionId: string,
  options: { value?: string; style?: "primary" | "danger" } = {},
): Button {
  return {
    type: "button",
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    ...(options.value !== undefined ? { value: clip(options.value, LIMITS.buttonValue) } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
}

/** A modal as a view builder describes it; `modal()` clips it to Slack's limits. */
export interface ModalSpec {
  title: string;
  close: string;
  /** The button that submits; a view without one only shows something. */
  submit?: string;
  callbackId?: string;
  /** What the form carries to its submission, as JSON (at most 3000 characters). */
  metadata?: unknown;
  blocks: KnownBlock[];
}

/** One builder for every modal: title and buttons clipped, metadata checked, at most 100 blocks. */
export function modal(spec: ModalSpec): ModalView {
  const metadata = spec.metadata === undefined ? undefined : JSON.stringify(spec.metadata);
  if (metadata !== undefined && metadata.length > LIMITS.privateMetadata) {
    throw new RangeError(`private_metadata of ${spec.callbackId} is ${metadata.length} characters`);
  }
  return {
    type: "modal",
    ...(spec.callbackId ? { callback_id: spec.callbackId } : {}),
    title: plain(spec.title, LIMITS.viewTitle),
    ...(spec.submit ? { submit: plain(spec.submit, LIMITS.viewButton) } : {}),
    close: plain(spec.close, LIMITS.viewButton),
    ...(metadata !== undefined ? { private_metadata: metadata } : {}),
    blocks: spec.blocks.slice(0, LIMITS.blocksPerView),
  };
}

/** An input element as a builder writes it: its action id is the one `input()` gives it. */
export type InputElement = InputBlockElement extends infer E
  ? E extends { action_id?: string }
    ? Omit<E, "action_id">
    : never
  : never;

/**
 * A modal's input block: a label, one element (action id `value` unless told), and optionally a hint and
 * `optional`. The block id names the field that errors and the submitted state are keyed by.
 */
export function input(
  blockId: string,
  label: string,
  element: InputElement,
  extra: { hint?: string; optional?: boolean; actionId?: string } = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(label, LIMITS.label),
    element: { ...element, action_id: extra.actionId ?? "value" } as InputBlockElement,
    ...(extra.hint ? { hint: plain(extra.hint, LIMITS.hint) } : {}),
    ...(extra.optional ? { optional: true } : {}),
  };
}

export function actions(blockId: string | undefined, elements: Button[]): ActionsBlock {
  return {
    type: "actions",
    ...(blockId ? { block_id: blockId } : {}),
    elements: elements.slice(0, LIMITS.actionsElements),
  };
}

/**
 * Joins items (lines, or mentions with `separator: ", "`) into as few sections as fit Slack's
 * 3000-character text limit, never cutting an item in two. When more items remain than `maxBlocks`
 * sections can hold, the last section ends with `more(hidden)`.
 */
export function linesToSections(
  items: readonly string[],
  maxBlocks: number,
  more: (hidden: number) => string,
  separator = "\n",
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = "";
  for (let i = 0; i < items.length; i++) {
    const item = clip(items[i] as string, LIMITS.sectionText);
    const next = current ? `${current}${separator}${item}` : item;
    if (next.length <= LIMITS.sectionText) {
      current = next;
      continue;
    }
    if (blocks.length + 1 >= maxBlocks) {
      blocks.push(section(withNote(current, items.slice(i), separator, more)));
      return blocks;
    }
    blocks.push(section(current));
    current = item;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

/** Ends `text` with the note about hidden items, dropping whole items from its end until both fit. */
function withNote(
  text: string,
  hidden: readonly string[],
  separator: string,
  more: (n: number) => string,
): string {
  const parts = text.split(separator);
  let count = hidden.length;
  for (;;) {
    const candidate = `${parts.join(separator)}\n${more(count)}`;
    if (candidate.length <= LIMITS.sectionText || parts.length <= 1)
      return clip(candidate, LIMITS.sectionText);
    parts.pop();
    count++;
  }
}
