/** Everything a person can read in a message or view: its text, or else the text of its blocks, in order. */
export function visibleText(
  message: { text?: string; blocks?: unknown[]; title?: unknown } | undefined,
): string {
  if (!message) return "";
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if ((record.type === "plain_text" || record.type === "mrkdwn") && typeof record.text === "string") {
      parts.push(record.text);
      return;
    }
    for (const key of ["title", "text", "label", "fields", "elements", "element", "accessory", "hint"]) {
      if (key in record) walk(record[key]);
    }
  };
  if (message.title) walk(message.title);
  walk(message.blocks ?? []);
  return parts.length > 0 ? parts.join("\n") : (message.text ?? "");
}

/** A button as a person sees it: its label, and what clicking it sends the app. */
export interface ShownButton {
  text: string;
  actionId: string;
  /** The block it sits in (what a click reports as `block_id`). */
  blockId: string | undefined;
  value?: string;
}

/**
 * Every button in a message or view, in order, wherever Slack shows one: among an actions block's
 * elements, as a section's accessory, and anywhere else a block may carry one (input and context blocks
 * cannot, by Block Kit's rules, but a button there would be found too).
 */
export function buttonsIn(message: { blocks?: unknown[] } | undefined): ShownButton[] {
  const found: ShownButton[] = [];
  const walk = (node: unknown, blockId: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, blockId);
      return;
    }
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.type === "button") {
      const text = (record.text as { text?: unknown } | undefined)?.text;
      found.push({
        text: typeof text === "string" ? text : "",
        actionId: typeof record.action_id === "string" ? record.action_id : "",
        blockId,
        ...(typeof record.value === "string" ? { value: record.value } : {}),
      });
      return;
    }
    for (const value of Object.values(record)) walk(value, blockId);
  };
  for (const block of message?.blocks ?? []) {
    const id = (block as { block_id?: unknown } | null)?.block_id;
    walk(block, typeof id === "string" ? id : undefined);
  }
  return found;
}

/** The action ids of the buttons in a message or view, in order, wherever they are (see `buttonsIn`). */
export function buttonsOf(message: { blocks?: unknown[] } | undefined): string[] {
  return buttonsIn(message).map((button) => button.actionId);
}

/**
 * The action ids of every interactive element anywhere in the blocks (buttons, selects, accessories),
 * leaving out input fields, whose action id is `value`: what must have a registered listener.
 */
export function actionIds(blocks: unknown[] = []): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.action_id === "string" && record.action_id !== "value") ids.push(record.action_id);
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  return ids;
}
