import type { ViewSubmitAction } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { z } from "zod";
import { type Problem, problemsOf, UserError } from "../errors.js";
import type { Catalog, CommonMessages, Translator } from "../i18n/index.js";
import { LIMITS, modal, plain, section } from "./blocks.js";

const { error } = problemsOf<CommonMessages>();

type FormMessages = Catalog & CommonMessages;

/** What saving a form gives: the saved thing, or problems keyed by the modal's input blocks. */
export type FormResult<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, Problem> };

/** A UserError about one field becomes that field's problem; anything else is not the form's business. */
export function asFieldError(caught: unknown): { ok: false; errors: Record<string, Problem> } {
  if (caught instanceof UserError && caught.field) {
    return {
      ok: false,
      errors: { [caught.field]: { key: caught.key, params: caught.params as Record<string, unknown> } },
    };
  }
  throw caught;
}

/** Field problems (from rules) in the person's words, keyed by block id, for `{ errors }`. */
export function fieldErrors<C extends Catalog>(
  t: Translator<C>,
  problems: Record<string, Problem>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, t.raw(p.key, p.params)]));
}

/**
 * Reads a modal's private_metadata with its schema. Anything else (an old form after a deploy, a
 * tampered payload) is answered as an out-of-date form.
 */
export function readMetadata<S extends z.ZodType>(view: { private_metadata: string }, schema: S): z.infer<S> {
  let json: unknown = null;
  try {
    json = JSON.parse(view.private_metadata);
  } catch {
    // falls through to the schema, which refuses null
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw error("common.error.expiredForm");
  return parsed.data;
}

/** The trimmed text of a plain-text input (action id `actionId`) in a submitted view; "" when empty. */
export function textValue(view: ViewSubmitAction["view"], blockId: string, actionId = "value"): string {
  const entry = view.state.values[blockId]?.[actionId] as { value?: string | null } | undefined;
  return (entry?.value ?? "").trim();
}

/** A one-message modal for refusals, failures that belong to no field, and confirmations. */
export function messageModal(
  t: Translator<FormMessages>,
  text: string,
  title: string = t.t("common.error.title"),
): ModalView {
  return modal({ title, close: t.t("common.button.close"), blocks: [section(text)] });
}

type SubmittedView = ViewSubmitAction["view"];
type StateValue = Record<string, unknown> & { type?: string };

/** The element property that sets what a state value holds, by element type. */
const INITIAL: Record<string, [state: string, initial: string]> = {
  plain_text_input: ["value", "initial_value"],
  number_input: ["value", "initial_value"],
  email_text_input: ["value", "initial_value"],
  url_text_input: ["value", "initial_value"],
  static_select: ["selected_option", "initial_option"],
  external_select: ["selected_option", "initial_option"],
  multi_static_select: ["selected_options", "initial_options"],
  multi_external_select: ["selected_options", "initial_options"],
  users_select: ["selected_user", "initial_user"],
  multi_users_select: ["selected_users", "initial_users"],
  conversations_select: ["selected_conversation", "initial_conversation"],
  multi_conversations_select: ["selected_conversations", "initial_conversations"],
  channels_select: ["selected_channel", "initial_channel"],
  multi_channels_select: ["selected_channels", "initial_channels"],
  checkboxes: ["selected_options", "initial_options"],
  radio_buttons: ["selected_option", "initial_option"],
  datepicker: ["selected_date", "initial_date"],
  timepicker: ["selected_time", "initial_time"],
};

/**
 * A submitted form again, with what the person entered and the problems on their fields: for when the
 * answer came too late for Slack's own field errors (a "saving…" view replaced the form meanwhile).
 * Problems stand on top of the form and in the hint under each field they belong to.
 */
export function restoreForm(
  t: Translator<FormMessages>,
  view: SubmittedView,
  errors: Record<string, string>,
): ModalView {
  const blocks = (view.blocks as KnownBlock[]).map((block) => {
    if (block.type !== "input" || !block.block_id) return block;
    const element = block.element as unknown as StateValue & { action_id?: string };
    const state = view.state.values[block.block_id]?.[element.action_id ?? ""] as StateValue | undefined;
    const mapping = element.type ? INITIAL[element.type] : undefined;
    let restored: StateValue = element;
    if (mapping && state) {
      const [from, to] = mapping;
      const value = state[from];
      const { [to]: _old, ...rest } = element;
      // Nothing chosen stays unset: Slack refuses an empty initial_users/initial_options list.
      const empty =
        value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
      restored = empty ? rest : { ...rest, [to]: value };
    }
    const problem = errors[block.block_id];
    return {
      ...block,
      element: restored,
      ...(problem ? { hint: plain(`⚠️ ${problem}`, LIMITS.hint) } : {}),
    } as KnownBlock;
  });
  const labelled = Object.entries(errors).map(([field, text]) => {
    const block = (view.blocks as KnownBlock[]).find((b) => b.type === "input" && b.block_id === field);
    const label = block?.type === "input" ? block.label.text : "";
    return label ? `${label}: ${text}` : text;
  });
  return {
    type: "modal",
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    title: view.title as ModalView["title"],
    ...(view.submit ? { submit: view.submit as ModalView["submit"] } : {}),
    ...(view.close ? { close: view.close as ModalView["close"] } : {}),
    blocks: [section(t.t("common.form.fix", { problems: labelled })), ...blocks].slice(
      0,
      LIMITS.blocksPerView,
    ),
  };
}

/** What stands in a modal while a slow save finishes. */
export function savingModal(t: Translator<FormMessages>): ModalView {
  return modal({
    title: t.t("common.saving.title"),
    close: t.t("common.button.close"),
    blocks: [section(t.t("common.saving.text"))],
  });
}
