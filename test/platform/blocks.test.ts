import { describe, expect, it } from "vitest";
import { clip, escapeMrkdwn, linesToSections } from "../../src/platform/slack/index.js";

const textOf = (block: unknown) => (block as { text: { text: string } }).text.text;

describe("block helpers", () => {
  it("clips text to a limit with an ellipsis", () => {
    expect(clip("short", 10)).toBe("short");
    expect(clip("a".repeat(20), 10)).toBe(`${"a".repeat(9)}…`);
  });

  it("escapes what people type so it cannot become a link or @channel", () => {
    expect(escapeMrkdwn("R&D <!channel> <@U1>")).toBe("R&amp;D &lt;!channel&gt; &lt;@U1&gt;");
  });

  it("splits items over sections of at most 3000 characters, whole items only", () => {
    const items = Array.from({ length: 600 }, (_, i) => `<@U${String(i).padStart(8, "0")}>`);
    const blocks = linesToSections(items, 10, (n) => `and ${n} more`, ", ");
    expect(blocks.length).toBe(3);
    const texts = blocks.map(textOf);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts.join(", ").split(", ")).toEqual(items);
  });

  it("says how many items were left out when they do not fit the blocks allowed", () => {
    const items = Array.from({ length: 600 }, (_, i) => `<@U${String(i).padStart(8, "0")}>`);
    const blocks = linesToSections(items, 2, (n) => `…and ${n} more`, ", ");
    expect(blocks).toHaveLength(2);
    const last = textOf(blocks[1]);
    expect(last.length).toBeLessThanOrEqual(3000);
    const shown =
      blocks
        .map(textOf)
        .join(", ")
        .match(/<@U\d{8}>/g) ?? [];
    expect(last).toMatch(new RegExp(`…and ${600 - shown.length} more$`));
    expect(shown).toEqual(items.slice(0, shown.length));
  });
});
