/**
 * Slack fills in a `block_id` for every block and an `action_id` for every interactive
 * element that lacks one, and sends those back in payloads. The fake does the same,
 * deterministically (a short hash of the block's position and content).
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shortHash(input: string, length = 5): string {
  // FNV-1a, rendered in base 36 letters and digits like Slack's `hspI`.
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let out = "";
  for (let i = 0; i < length; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) ^ Math.imul(h, 31 + i);
    h >>>= 0;
  }
  return out;
}

/** Interactive elements of a block, with where they sit. */
export function elementsOfBlock(block: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (isRecord(block.accessory)) out.push(block.accessory);
  if (isRecord(block.element)) out.push(block.element);
  if (block.type === "actions" && Array.isArray(block.elements)) {
    for (const el of block.elements) if (isRecord(el)) out.push(el);
  }
  return out;
}

const NON_INTERACTIVE = new Set(["image"]);

/** A copy of `blocks` with every block_id and interactive action_id filled in. */
export function withGeneratedIds(blocks: readonly unknown[]): unknown[] {
  const copy = structuredClone(blocks) as unknown[];
  copy.forEach((block, i) => {
    if (!isRecord(block)) return;
    if (block.block_id === undefined) block.block_id = shortHash(`${i}:${JSON.stringify(block)}`, 4);
    elementsOfBlock(block).forEach((el, j) => {
      if (el.action_id === undefined && typeof el.type === "string" && !NON_INTERACTIVE.has(el.type)) {
        el.action_id = shortHash(`${String(block.block_id)}:${j}:${JSON.stringify(el)}`, 5);
      }
    });
  });
  return copy;
}
