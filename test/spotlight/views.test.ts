import { describe, expect, it } from "vitest";
import { spotlightMessages } from "../../src/features/spotlight/messages.js";
import { nextInRotation, POINT_MAX, rotationOrder } from "../../src/features/spotlight/rules.js";
import { spotlightMessage } from "../../src/features/spotlight/views.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { validateMessageBlocks } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import { visibleText } from "../support/slack-text.js";

const en = createTranslator(spotlightMessages, "en", "en-US");
const sv = createTranslator(spotlightMessages, "sv", "sv-SE");

describe("the rotation", () => {
  const products = [
    { id: 4, name: "Bänk" },
    { id: 1, name: "Cloud" },
    { id: 2, name: "Widget" },
  ];

  it("puts products never shown first, in the list's order, then the least recently shown", () => {
    const shown = new Map([
      [1, new Date("2026-03-11T08:00:00Z")],
      [2, new Date("2026-03-04T08:00:00Z")],
    ]);
    expect(rotationOrder(products, shown).map((p) => p.id)).toEqual([4, 2, 1]);
    expect(nextInRotation(products, new Map())?.id).toBe(4);
    expect(nextInRotation([], shown)).toBeNull();
  });
});

describe("the spotlight post", () => {
  const long = `Lasts ${"very ".repeat(100)}long`;
  const points = ["One", long, "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];
  const message = spotlightMessage(en, {
    product: { name: "Widget <Pro> & Co", tag: "widget-pro-co" },
    points,
    wins: { private: false, count: 0, latest: [] },
  });

  it("shows eight selling points, a long one clipped, and says how many more there are", () => {
    const text = visibleText(message);
    expect(text).toContain("• One\n• Lasts very");
    const shownLong = text.split("\n").find((line) => line.startsWith("• Lasts"));
    expect(shownLong?.length).toBe(POINT_MAX + 2);
    expect(shownLong?.endsWith("…")).toBe(true);
    expect(text).toContain("• Eight\n…and 2 more: `/product` lists them all.");
    expect(text).not.toContain("Nine");
  });

  it("escapes the name in the notification text; the header shows it as typed (plain text)", () => {
    expect(message.text.split("\n")[0]).toBe(":bulb: Product spotlight: Widget &lt;Pro&gt; &amp; Co");
    expect(message.blocks[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: ":bulb: Product spotlight: Widget <Pro> & Co" },
    });
  });

  it("passes Slack's Block Kit checks, in both languages, with the longest selling points a product can have", () => {
    const most = Array.from({ length: 30 }, (_, i) => `${i} ${"x".repeat(45)}`);
    for (const t of [en, sv]) {
      const built = spotlightMessage(t as typeof en, {
        product: { name: "N".repeat(80), tag: "n".repeat(80) },
        points: most,
        wins: {
          private: false,
          count: 3,
          latest: [{ who: "<@U1>", amountMinor: 1_250_000, currency: "SEK", soldOn: "2026-03-03" }],
        },
      });
      expect(validateMessageBlocks(built.blocks, { schema: blockKitSchema })).toEqual([]);
    }
  });

  itChecksTheSchema("the spotlight post");
});
