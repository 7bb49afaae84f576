import { describe, expect, it } from "vitest";
import {
  BLOCK_KIT_LIMITS,
  isViewTooLarge,
  loadBlockKitSchema,
  validateMessageBlocks,
  validateView,
} from "../../src/sandbox/fake-slack/index.js";
import { NO_REFERENCE, REFERENCE_DIR } from "./helpers.js";

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const section = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "section",
  text: mrkdwn(text),
  ...extra,
});
const button = (actionId: string, extra: Record<string, unknown> = {}) => ({
  type: "button",
  action_id: actionId,
  text: plain("Go"),
  ...extra,
});
const option = (value: string, text = value) => ({ text: plain(text), value });
const input = (blockId: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "input",
  block_id: blockId,
  label: plain("Label"),
  element,
  ...extra,
});
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "modal",
  title: plain("Title"),
  submit: plain("Save"),
  blocks,
  ...extra,
});

describe("validateMessageBlocks: the limits table (no reference data needed)", () => {
  it("accepts a realistic message", () => {
    const blocks = [
      { type: "header", text: plain("Weekly quota") },
      section("*Anna* is at 80%", { block_id: "s1", accessory: button("details", { value: "anna" }) }),
      { type: "divider" },
      { type: "context", elements: [mrkdwn("updated just now")] },
      {
        type: "actions",
        block_id: "a1",
        elements: [button("approve", { style: "primary" }), button("reject", { style: "danger" })],
      },
    ];
    expect(validateMessageBlocks(blocks)).toEqual([]);
  });

  it("allows 50 blocks in a message, not 51", () => {
    const fifty = Array.from({ length: 50 }, () => ({ type: "divider" }));
    expect(validateMessageBlocks(fifty)).toEqual([]);
    expect(validateMessageBlocks([...fifty, { type: "divider" }])).toEqual([
      "no more than 50 items allowed [json-pointer:/blocks]",
    ]);
  });

  it("limits section text to 3000 and fields to 10 of 2000", () => {
    expect(validateMessageBlocks([section("x".repeat(3000))])).toEqual([]);
    expect(validateMessageBlocks([section("x".repeat(3001))])).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
    ]);
    const fields = Array.from({ length: 11 }, () => mrkdwn("f"));
    expect(validateMessageBlocks([{ type: "section", fields }])).toEqual([
      "no more than 10 items allowed [json-pointer:/blocks/0/fields]",
    ]);
    expect(validateMessageBlocks([{ type: "section", fields: [mrkdwn("y".repeat(2001))] }])).toEqual([
      "must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]",
    ]);
  });

  it("limits header text to 150 and wants plain_text there", () => {
    expect(validateMessageBlocks([{ type: "header", text: plain("h".repeat(151)) }])).toEqual([
      "must be less than 151 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(validateMessageBlocks([{ type: "header", text: mrkdwn("*h*") }])).toEqual([
      "unsupported type: mrkdwn [json-pointer:/blocks/0/text/type]",
    ]);
  });

  it("limits buttons: text 75 (plain_text), value 2000, url 3000", () => {
    const check = (el: Record<string, unknown>) =>
      validateMessageBlocks([{ type: "actions", elements: [el] }]);
    expect(check(button("b", { text: plain("t".repeat(76)) }))).toEqual([
      "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]",
    ]);
    expect(check(button("b", { text: mrkdwn("*go*") }))).toEqual([
      "unsupported type: mrkdwn [json-pointer:/blocks/0/elements/0/text/type]",
    ]);
    expect(check(button("b", { value: "v".repeat(2001) }))).toEqual([
      "must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]",
    ]);
    expect(check(button("b", { url: `https://x.test/${"u".repeat(3000)}` }))).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]",
    ]);
  });

  it("limits ids to 255, action elements to 25 and context elements to 10", () => {
    expect(validateMessageBlocks([{ type: "divider", block_id: "b".repeat(256) }])).toEqual([
      "must be less than 256 characters [json-pointer:/blocks/0/block_id]",
    ]);
    expect(validateMessageBlocks([{ type: "actions", elements: [button("a".repeat(256))] }])).toEqual([
      "must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]",
    ]);
    const many = Array.from({ length: 26 }, (_, i) => button(`b${i}`));
    expect(validateMessageBlocks([{ type: "actions", elements: many }])).toEqual([
      "no more than 25 items allowed [json-pointer:/blocks/0/elements]",
    ]);
    const ctx = Array.from({ length: 11 }, () => mrkdwn("c"));
    expect(validateMessageBlocks([{ type: "context", elements: ctx }])).toEqual([
      "no more than 10 items allowed [json-pointer:/blocks/0/elements]",
    ]);
  });

  it("limits select options to 100 (and option groups to 100)", () => {
    const options = Array.from({ length: 101 }, (_, i) => option(`v${i}`));
    expect(
      validateMessageBlocks([
        section("pick", { accessory: { type: "static_select", action_id: "s", options } }),
      ]),
    ).toEqual(["no more than 100 items allowed [json-pointer:/blocks/0/accessory/options]"]);
    const groups = Array.from({ length: 101 }, (_, i) => ({
      label: plain(`g${i}`),
      options: [option(`v${i}`)],
    }));
    expect(
      validateMessageBlocks([
        section("pick", { accessory: { type: "static_select", action_id: "s", option_groups: groups } }),
      ]),
    ).toEqual(["no more than 100 items allowed [json-pointer:/blocks/0/accessory/option_groups]"]);
  });

  it("wants unique block_ids in a message and unique action_ids in a block", () => {
    expect(
      validateMessageBlocks([section("a", { block_id: "same" }), section("b", { block_id: "same" })]),
    ).toEqual([
      'block_id must be unique within the message ("same" repeats) [json-pointer:/blocks/1/block_id]',
    ]);
    expect(validateMessageBlocks([{ type: "actions", elements: [button("x"), button("x")] }])).toEqual([
      'action_id must be unique within the block ("x" repeats) [json-pointer:/blocks/0/elements/1/action_id]',
    ]);
  });

  it("rejects input blocks in messages, unknown block types, empty and untyped text", () => {
    expect(validateMessageBlocks([input("i", { type: "plain_text_input", action_id: "t" })])).toEqual([
      "input blocks are not allowed in messages [json-pointer:/blocks/0/type]",
    ]);
    expect(validateMessageBlocks([{ type: "nonsense" }])).toEqual([
      "unsupported type: nonsense [json-pointer:/blocks/0/type]",
    ]);
    expect(validateMessageBlocks([section("")])).toEqual([
      "must be more than 0 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(validateMessageBlocks([{ type: "section", text: { text: "hi" } }])).toEqual([
      "missing required field: type [json-pointer:/blocks/0/text]",
    ]);
    expect(validateMessageBlocks({ type: "section" })).toEqual([
      "must provide an array [json-pointer:/blocks]",
    ]);
  });
});

describe("validateView: modals and Home tabs", () => {
  it("accepts a modal with inputs and a Home tab with 100 blocks", () => {
    const ok = modal([input("amount", { type: "number_input", action_id: "v", is_decimal_allowed: false })], {
      callback_id: "quota",
      private_metadata: JSON.stringify({ id: 1 }),
    });
    expect(validateView(ok)).toEqual([]);
    const home = { type: "home", blocks: Array.from({ length: 100 }, () => ({ type: "divider" })) };
    expect(validateView(home)).toEqual([]);
    expect(validateView({ ...home, blocks: [...home.blocks, { type: "divider" }] })).toEqual([
      "no more than 100 items allowed [json-pointer:/view/blocks]",
    ]);
  });

  it("limits title/submit/close to 24, private_metadata to 3000, callback_id to 255", () => {
    const errors = validateView(
      modal([section("s")], {
        title: plain("t".repeat(25)),
        submit: plain("s".repeat(25)),
        close: plain("c".repeat(25)),
        private_metadata: "p".repeat(3001),
        callback_id: "c".repeat(256),
      }),
    );
    expect(errors).toEqual([
      "must be less than 25 characters [json-pointer:/view/title/text]",
      "must be less than 25 characters [json-pointer:/view/submit/text]",
      "must be less than 25 characters [json-pointer:/view/close/text]",
      "must be less than 3001 characters [json-pointer:/view/private_metadata]",
      "must be less than 256 characters [json-pointer:/view/callback_id]",
    ]);
  });

  it("limits input label/hint to 2000 and placeholder to 150; needs submit with inputs", () => {
    const el = { type: "plain_text_input", action_id: "t", placeholder: plain("p".repeat(151)) };
    expect(
      validateView(
        modal([input("i", el, { label: plain("l".repeat(2001)), hint: plain("h".repeat(2001)) })]),
      ),
    ).toEqual([
      "must be less than 2001 characters [json-pointer:/view/blocks/0/label/text]",
      "must be less than 2001 characters [json-pointer:/view/blocks/0/hint/text]",
      "must be less than 151 characters [json-pointer:/view/blocks/0/element/placeholder/text]",
    ]);
    const noSubmit = {
      type: "modal",
      title: plain("T"),
      blocks: [input("i", { type: "plain_text_input", action_id: "t" })],
    };
    expect(validateView(noSubmit)).toEqual([
      "must define `submit` to use an `input` block in modals [json-pointer:/view/blocks/0/input]",
    ]);
  });

  it("wants unique block_ids in a view and knows when a view is too large", () => {
    expect(validateView(modal([section("a", { block_id: "x" }), section("b", { block_id: "x" })]))).toEqual([
      'block_id must be unique within the view ("x" repeats) [json-pointer:/view/blocks/1/block_id]',
    ]);
    const big = { type: "home", blocks: Array.from({ length: 90 }, () => section("z".repeat(2900))) };
    expect(isViewTooLarge(big)).toBe(true);
    expect(validateView(big).some((e) => e.includes("view_too_large"))).toBe(true);
    expect(isViewTooLarge(modal([section("small")]))).toBe(false);
    expect(BLOCK_KIT_LIMITS.viewBytes).toBe(250_000);
  });

  it("rejects unknown view types and input blocks on a Home tab", () => {
    expect(validateView({ type: "workflow_step", blocks: [] })).toEqual([
      "unsupported type: workflow_step [json-pointer:/view/type]",
    ]);
    expect(
      validateView({ type: "home", blocks: [input("i", { type: "plain_text_input", action_id: "t" })] }),
    ).toEqual(["input blocks are not allowed in Home tabs [json-pointer:/view/blocks/0/type]"]);
  });
});

describe.skipIf(NO_REFERENCE)("Block Kit JSON Schema (needs SLACK_REFERENCE_DIR)", () => {
  const schema = () => loadBlockKitSchema(String(REFERENCE_DIR));

  it("compiles once and knows the block types", () => {
    expect(schema()).toBe(schema());
    expect(schema().blockTypes).toEqual(
      expect.arrayContaining(["section", "header", "actions", "input", "context"]),
    );
  });

  it("reports a too-long section text the way Slack does", () => {
    expect(validateMessageBlocks([section("x".repeat(3001))], { schema: schema() })).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
      "failed to match all allowed schemas [json-pointer:/blocks/0/text]",
    ]);
  });

  it("catches what only the schema knows: extra properties, bad enums, empty option lists", () => {
    const extra = [{ type: "actions", elements: [{ ...button("b"), block_id: "oops" }] }];
    expect(validateMessageBlocks(extra, { schema: schema() })).toEqual([
      "invalid additional property: block_id [json-pointer:/blocks/0/elements/0]",
      "failed to match all allowed schemas [json-pointer:/blocks/0/elements/0]",
    ]);
    const style = [{ type: "actions", elements: [button("b", { style: "loud" })] }];
    expect(validateMessageBlocks(style, { schema: schema() })).toEqual([
      'must be one of ["primary","danger"] [json-pointer:/blocks/0/elements/0/style]',
      "failed to match all allowed schemas [json-pointer:/blocks/0/elements/0]",
    ]);
    // Without the schema these pass the limits table.
    expect(validateMessageBlocks(extra)).toEqual([]);
    expect(validateMessageBlocks(style)).toEqual([]);
    const empty = [section("pick", { accessory: { type: "static_select", action_id: "s", options: [] } })];
    expect(validateMessageBlocks(empty, { schema: schema() })).toContain(
      "must provide at least 1 items [json-pointer:/blocks/0/accessory/options]",
    );
  });

  it("validates modal and home shells against $defs.modal_view / $defs.home_view", () => {
    const errors = validateView(
      modal([section("ok")], { private_metadata: "p".repeat(3001), colour: "red" }),
      {
        schema: schema(),
      },
    );
    expect(errors).toEqual([
      "must be less than 3001 characters [json-pointer:/view/private_metadata]",
      "invalid additional property: colour [json-pointer:/view]",
    ]);
    expect(
      validateView(
        { type: "home", blocks: [{ type: "header", text: plain("ok") }], title: plain("no") },
        { schema: schema() },
      ),
    ).toEqual(["invalid additional property: title [json-pointer:/view]"]);
    const good = modal([input("d", { type: "datepicker", action_id: "date", initial_date: "2024-01-31" })]);
    expect(validateView(good, { schema: schema() })).toEqual([]);
  });
});
