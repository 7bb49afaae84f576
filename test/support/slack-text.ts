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

/** The action ids of the buttons in a message or view, in order. */
export function buttonsOf(message: { blocks?: unknown[] } | undefined): string[] {
  const ids: string[] = [];
  for (const block of (message?.blocks ?? []) as {
    type?: string;
    elements?: { type?: string; action_id?: string }[];
  }[]) {
    if (block.type !== "actions") continue;
    for (const element of block.elements ?? [])
      if (element.type === "button" && element.action_id) ids.push(element.action_id);
  }
  return ids;
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
