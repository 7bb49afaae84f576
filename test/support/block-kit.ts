import { expect, it } from "vitest";
import {
  type BlockKitSchema,
  loadBlockKitSchema,
  validateMessageBlocks,
} from "../../src/sandbox/fake-slack/index.js";

const referenceDir = process.env.SLACK_REFERENCE_DIR || undefined;

/**
 * Slack's Block Kit JSON Schema, when SLACK_REFERENCE_DIR names Slack's reference files. Without it,
 * `validateMessageBlocks` and `validateView` check the limits table only: pass it as `{ schema }`.
 */
export const blockKitSchema: BlockKitSchema | undefined = referenceDir
  ? loadBlockKitSchema(referenceDir)
  : undefined;

/**
 * Says, in a file that checks views with `blockKitSchema`, whether the schema half of those checks runs:
 * a test skipped (visibly, with the reason) without SLACK_REFERENCE_DIR; with it, a test that the schema
 * is really applied, catching what the limits table lets through.
 */
export function itChecksTheSchema(surfaces: string): void {
  it.skipIf(!blockKitSchema)(
    `checks ${surfaces} against Slack's Block Kit JSON Schema too (needs SLACK_REFERENCE_DIR)`,
    () => {
      const stray = [
        {
          type: "actions",
          elements: [
            { type: "button", text: { type: "plain_text", text: "Go" }, action_id: "go", block_id: "stray" },
          ],
        },
      ];
      expect(validateMessageBlocks(stray)).toEqual([]);
      expect(validateMessageBlocks(stray, { schema: blockKitSchema })).toContain(
        "invalid additional property: block_id [json-pointer:/blocks/0/elements/0]",
      );
    },
  );
}
