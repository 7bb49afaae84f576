/**
 * Block Kit validation as Slack does it, for the fake Slack and for unit tests of view
 * builders. Two layers:
 * - the limits table and surface rules (block-kit-limits.ts), always;
 * - the JSON Schema of every block and element (block-kit-schema.ts), when a compiled
 *   schema is passed (`loadBlockKitSchema(referenceDir)`).
 *
 * Errors are Slack-style strings, e.g.
 *   `must be less than 151 characters [json-pointer:/blocks/0/text/text]`;
 * message blocks point under `/blocks`, views under `/view` (as Slack's answers do).
 * An empty array means valid.
 */
import { BLOCK_KIT_LIMITS, checkBlocks, checkView, ErrorList, viewByteSize } from "./block-kit-limits.js";
import type { BlockKitSchema } from "./block-kit-schema.js";

export type { Surface } from "./block-kit-limits.js";
export { BLOCK_KIT_LIMITS, viewByteSize } from "./block-kit-limits.js";
export type { BlockKitSchema } from "./block-kit-schema.js";
export { loadBlockKitSchema } from "./block-kit-schema.js";

export interface BlockKitValidationOptions {
  /** Also validate against the Block Kit JSON Schema. */
  schema?: BlockKitSchema;
}

function merge(target: string[], more: readonly string[]): void {
  for (const line of more) if (!target.includes(line)) target.push(line);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates the `blocks` of a message (chat.postMessage, chat.update, response_url, ...). */
export function validateMessageBlocks(blocks: unknown, opts: BlockKitValidationOptions = {}): string[] {
  const out = new ErrorList();
  checkBlocks(blocks, "/blocks", "message", out);
  const errors = [...out.errors];
  if (opts.schema && Array.isArray(blocks)) {
    blocks.forEach((block, i) => {
      merge(errors, opts.schema?.validateBlock(block, `/blocks/${i}`) ?? []);
    });
  }
  return errors;
}

/** Validates a modal or Home tab view (chosen by `view.type`), including its 250 kB size. */
export function validateView(view: unknown, opts: BlockKitValidationOptions = {}): string[] {
  const out = new ErrorList();
  checkView(view, out);
  const errors = [...out.errors];
  const schema = opts.schema;
  if (schema && isRecord(view) && (view.type === "modal" || view.type === "home")) {
    merge(errors, schema.validateViewShell(view, view.type, "/view"));
    if (Array.isArray(view.blocks)) {
      view.blocks.forEach((block, i) => {
        merge(errors, schema.validateBlock(block, `/view/blocks/${i}`));
      });
    }
  }
  return errors;
}

/** True when Slack would answer `view_too_large` for this view. */
export function isViewTooLarge(view: unknown): boolean {
  return viewByteSize(view) > BLOCK_KIT_LIMITS.viewBytes;
}
