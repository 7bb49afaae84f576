/**
 * What Slack sends about the interactive elements a person used: `view.state.values`
 * (block_id -> action_id -> value object) and the `actions[]` entries of block_actions.
 *
 * Per element type (see payloads/view_state_values.*.json):
 *   plain_text_input / email_text_input / url_text_input -> `value` (string | null)
 *   number_input -> `value` as a STRING
 *   static_select / external_select / radio_buttons / overflow -> `selected_option` ({text, value} | null)
 *   multi_static_select / multi_external_select / checkboxes -> `selected_options` ([])
 *   users_select -> `selected_user`, multi_users_select -> `selected_users`
 *   conversations_select / channels_select (+ multi_) -> `selected_conversation(s)` / `selected_channel(s)`
 *   datepicker -> `selected_date` (YYYY-MM-DD), timepicker -> `selected_time` (+ timezone),
 *   datetimepicker -> `selected_date_time` (epoch seconds)
 */
import { elementsOfBlock } from "./block-ids.js";
import type { World } from "./world.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type Reader =
  | "text"
  | "number"
  | "option"
  | "options"
  | "id"
  | "ids"
  | "date"
  | "time"
  | "datetime"
  | "rich_text"
  | "files";

interface StateKind {
  field: string;
  initial: string;
  read: Reader;
  /** For id/ids readers: which world entity the ids name. */
  entity?: "user" | "conversation" | "channel";
}

/** The stateful element types and how their state looks. */
export const STATE_KINDS: Readonly<Record<string, StateKind>> = {
  plain_text_input: { field: "value", initial: "initial_value", read: "text" },
  email_text_input: { field: "value", initial: "initial_value", read: "text" },
  url_text_input: { field: "value", initial: "initial_value", read: "text" },
  number_input: { field: "value", initial: "initial_value", read: "number" },
  static_select: { field: "selected_option", initial: "initial_option", read: "option" },
  external_select: { field: "selected_option", initial: "initial_option", read: "option" },
  radio_buttons: { field: "selected_option", initial: "initial_option", read: "option" },
  overflow: { field: "selected_option", initial: "initial_option", read: "option" },
  multi_static_select: { field: "selected_options", initial: "initial_options", read: "options" },
  multi_external_select: { field: "selected_options", initial: "initial_options", read: "options" },
  checkboxes: { field: "selected_options", initial: "initial_options", read: "options" },
  users_select: { field: "selected_user", initial: "initial_user", read: "id", entity: "user" },
  multi_users_select: { field: "selected_users", initial: "initial_users", read: "ids", entity: "user" },
  conversations_select: {
    field: "selected_conversation",
    initial: "initial_conversation",
    read: "id",
    entity: "conversation",
  },
  multi_conversations_select: {
    field: "selected_conversations",
    initial: "initial_conversations",
    read: "ids",
    entity: "conversation",
  },
  channels_select: { field: "selected_channel", initial: "initial_channel", read: "id", entity: "channel" },
  multi_channels_select: {
    field: "selected_channels",
    initial: "initial_channels",
    read: "ids",
    entity: "channel",
  },
  datepicker: { field: "selected_date", initial: "initial_date", read: "date" },
  timepicker: { field: "selected_time", initial: "initial_time", read: "time" },
  datetimepicker: { field: "selected_date_time", initial: "initial_date_time", read: "datetime" },
  rich_text_input: { field: "rich_text_value", initial: "initial_value", read: "rich_text" },
  file_input: { field: "files", initial: "initial_files", read: "files" },
};

/** An element as a person sees it in a surface. */
export interface ElementRef {
  blockId: string;
  actionId: string;
  blockType: string;
  element: Record<string, unknown>;
  /** For elements of input blocks. */
  input?: { optional: boolean; label: string };
}

/** Every element with an action_id in these blocks. */
export function interactiveElements(blocks: readonly unknown[] | undefined): ElementRef[] {
  const out: ElementRef[] = [];
  for (const block of blocks ?? []) {
    if (!isRecord(block) || typeof block.block_id !== "string") continue;
    for (const el of elementsOfBlock(block)) {
      if (typeof el.action_id !== "string") continue;
      const label = isRecord(block.label) && typeof block.label.text === "string" ? block.label.text : "";
      out.push({
        blockId: block.block_id,
        actionId: el.action_id,
        blockType: String(block.type),
        element: el,
        ...(block.type === "input" ? { input: { optional: block.optional === true, label } } : {}),
      });
    }
  }
  return out;
}

/** All options an element offers (including those inside option_groups). */
export function optionsOf(element: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (Array.isArray(element.options)) for (const o of element.options) if (isRecord(o)) out.push(o);
  if (Array.isArray(element.option_groups)) {
    for (const g of element.option_groups) {
      if (isRecord(g) && Array.isArray(g.options)) for (const o of g.options) if (isRecord(o)) out.push(o);
    }
  }
  return out;
}

function optionPayload(o: Record<string, unknown>): Record<string, unknown> {
  return {
    text: structuredClone(o.text),
    value: o.value,
    ...(o.description !== undefined ? { description: structuredClone(o.description) } : {}),
  };
}

/** A mistake in the test itself: choosing something a person could not choose. */
export class ImpossibleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImpossibleInputError";
  }
}

function where(ref: ElementRef): string {
  return `${ref.blockId}/${ref.actionId} (${String(ref.element.type)})`;
}

function pickOption(ref: ElementRef, value: unknown): Record<string, unknown> {
  const type = ref.element.type;
  if ((type === "external_select" || type === "multi_external_select") && isRecord(value)) {
    return optionPayload(value);
  }
  if (type === "external_select" || type === "multi_external_select") {
    return { text: { type: "plain_text", text: String(value), emoji: true }, value: String(value) };
  }
  const found = optionsOf(ref.element).find((o) => o.value === value);
  if (!found) {
    const offered = optionsOf(ref.element).map((o) => JSON.stringify(o.value));
    throw new ImpossibleInputError(
      `${where(ref)} offers no option with value ${JSON.stringify(value)} (offered: ${offered.join(", ")})`,
    );
  }
  return optionPayload(found);
}

function checkEntity(world: World, ref: ElementRef, entity: StateKind["entity"], id: unknown): string {
  if (typeof id !== "string")
    throw new ImpossibleInputError(`${where(ref)} takes ids, got ${JSON.stringify(id)}`);
  if (entity === "user") {
    const u = world.user(id);
    if (!u || u.deleted) throw new ImpossibleInputError(`${where(ref)}: no active user ${id} to pick`);
  } else {
    const c = world.channel(id);
    if (!c || (entity === "channel" && c.kind !== "channel")) {
      throw new ImpossibleInputError(`${where(ref)}: no ${entity} ${id} to pick`);
    }
  }
  return id;
}

/**
 * The state entry of an element: from `input` (the plain JS value a person entered;
 * `null` clears it) or, when `input` is undefined, from the element's initial value.
 */
export function stateEntry(world: World, ref: ElementRef, input?: unknown): Record<string, unknown> {
  const type = String(ref.element.type);
  const kind = STATE_KINDS[type];
  if (!kind) throw new ImpossibleInputError(`${where(ref)} holds no value`);
  const useInitial = input === undefined;
  const raw = useInitial ? ref.element[kind.initial] : input;
  const entry: Record<string, unknown> = { type };
  switch (kind.read) {
    case "text":
    case "number": {
      if (raw === undefined || raw === null || raw === "") entry.value = null;
      else if (typeof raw === "string" || typeof raw === "number") entry.value = String(raw);
      else throw new ImpossibleInputError(`${where(ref)} takes text, got ${JSON.stringify(raw)}`);
      break;
    }
    case "option": {
      if (raw === undefined || raw === null) entry[kind.field] = null;
      else entry[kind.field] = useInitial && isRecord(raw) ? optionPayload(raw) : pickOption(ref, raw);
      break;
    }
    case "options": {
      const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
      entry[kind.field] = list.map((v) =>
        useInitial && isRecord(v) ? optionPayload(v) : pickOption(ref, v),
      );
      break;
    }
    case "id": {
      entry[kind.field] =
        raw === undefined || raw === null || raw === ""
          ? null
          : useInitial
            ? raw
            : checkEntity(world, ref, kind.entity, raw);
      break;
    }
    case "ids": {
      const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
      entry[kind.field] = useInitial ? [...list] : list.map((id) => checkEntity(world, ref, kind.entity, id));
      break;
    }
    case "date": {
      if (
        raw !== undefined &&
        raw !== null &&
        (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw))
      ) {
        throw new ImpossibleInputError(`${where(ref)} takes YYYY-MM-DD, got ${JSON.stringify(raw)}`);
      }
      entry[kind.field] = raw ?? null;
      break;
    }
    case "time": {
      if (raw !== undefined && raw !== null && (typeof raw !== "string" || !/^\d{2}:\d{2}$/.test(raw))) {
        throw new ImpossibleInputError(`${where(ref)} takes HH:mm, got ${JSON.stringify(raw)}`);
      }
      entry[kind.field] = raw ?? null;
      if (typeof ref.element.timezone === "string") entry.timezone = ref.element.timezone;
      break;
    }
    case "datetime": {
      if (raw !== undefined && raw !== null && typeof raw !== "number") {
        throw new ImpossibleInputError(`${where(ref)} takes epoch seconds, got ${JSON.stringify(raw)}`);
      }
      entry[kind.field] = raw ?? null;
      break;
    }
    case "rich_text": {
      if (raw === undefined || raw === null) entry[kind.field] = null;
      else if (typeof raw === "string") {
        entry[kind.field] = {
          type: "rich_text",
          elements: [{ type: "rich_text_section", elements: [{ type: "text", text: raw }] }],
        };
      } else entry[kind.field] = structuredClone(raw);
      break;
    }
    case "files": {
      entry[kind.field] = Array.isArray(raw) ? structuredClone(raw) : [];
      break;
    }
  }
  return entry;
}

/** True when a state entry holds nothing (what a required input refuses on the client). */
export function isEmptyEntry(entry: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(entry)) {
    if (key === "type" || key === "timezone") continue;
    if (value === null || value === undefined) return true;
    if (Array.isArray(value) && value.length === 0) return true;
  }
  return false;
}

/**
 * Checks Slack's client does before a submission is sent at all: required inputs,
 * number_input format and range, plain_text_input length. Returns block_id -> message.
 */
export function clientSideErrors(ref: ElementRef, entry: Record<string, unknown>): string | undefined {
  if (ref.input && !ref.input.optional && isEmptyEntry(entry)) return "Please complete this required field.";
  const el = ref.element;
  const value = entry.value;
  if (typeof value !== "string") return undefined;
  if (el.type === "number_input") {
    const n = Number(value);
    const decimal = el.is_decimal_allowed === true;
    if (value.trim() === "" || !Number.isFinite(n) || (!decimal && !Number.isInteger(n))) {
      return decimal ? "Please enter a number." : "Please enter a whole number.";
    }
    if (el.min_value !== undefined && n < Number(el.min_value))
      return `Please enter a number at least ${String(el.min_value)}.`;
    if (el.max_value !== undefined && n > Number(el.max_value))
      return `Please enter a number at most ${String(el.max_value)}.`;
  }
  if (el.type === "plain_text_input") {
    if (typeof el.min_length === "number" && value.length < el.min_length) {
      return `Please enter at least ${el.min_length} characters.`;
    }
    if (typeof el.max_length === "number" && value.length > el.max_length) {
      return `Please enter no more than ${el.max_length} characters.`;
    }
  }
  if (el.type === "email_text_input" && !/^[^\s@]+@[^\s@]+$/.test(value))
    return "Please enter a valid email address.";
  if (el.type === "url_text_input") {
    try {
      new URL(value);
    } catch {
      return "Please enter a valid URL.";
    }
  }
  return undefined;
}

/** The `actions[]` entry of block_actions for an element and its new state. */
export function actionPayload(
  ref: ElementRef,
  entry: Record<string, unknown> | undefined,
  actionTs: string,
): Record<string, unknown> {
  const el = ref.element;
  const base: Record<string, unknown> = { type: el.type, action_id: ref.actionId, block_id: ref.blockId };
  if (el.type === "button" || el.type === "workflow_button") {
    base.text = structuredClone(el.text);
    if (el.value !== undefined) base.value = el.value;
    if (el.style !== undefined) base.style = el.style;
  } else if (entry) {
    for (const [k, v] of Object.entries(entry)) if (k !== "type") base[k] = v;
    if (el.placeholder !== undefined) base.placeholder = structuredClone(el.placeholder);
  }
  base.action_ts = actionTs;
  return base;
}
