import { describe, expect, it } from "vitest";
import { parseProductCommand } from "../../src/features/products/command.js";
import {
  fingerprint,
  KEY_POINTS_MAX,
  keyPointsOf,
  parseKeyPoints,
  parseName,
  tagFromReference,
  tagOf,
  validateProduct,
} from "../../src/features/products/rules.js";
import { typedText } from "../../src/platform/slack/index.js";

/** The CHECK constraint on products.tag (drizzle/0002_quotas_and_products.sql). */
const TAG_CHECK = /^[a-z0-9åäöæøü][a-z0-9åäöæøü_-]*$/;

describe("tagOf", () => {
  it.each([
    ["Widget Pro", "widget-pro"],
    ["Ärlig Kaffe", "ärlig-kaffe"],
    ["ÅÄÖ-serien", "åäö-serien"],
    ["  Widget   Pro!  ", "widget-pro"],
    ["Widget 2.0 (Enterprise)", "widget-2-0-enterprise"],
    ["Crème Brûlée", "creme-brulee"],
    ["Smørrebrød & Co", "smørrebrød-co"],
    ["Alice's Pick", "alices-pick"],
    ["Straße", "strasse"],
    ["widget_pro", "widget-pro"],
    ["Über—Kaffe", "über-kaffe"],
  ])("%s -> %s", (name, tag) => {
    expect(tagOf(name)).toBe(tag);
    expect(tag).toMatch(TAG_CHECK);
  });

  it("keeps letters typed as a letter and a combining mark (as some keyboards send them)", () => {
    expect(tagOf("A\u0308rlig")).toBe("ärlig");
  });

  it("gives nothing for a name without letters or digits", () => {
    expect(tagOf("!!! ???")).toBe("");
    expect(tagOf("🚀")).toBe("");
  });
});

describe("parseName", () => {
  it("tidies the name and gives its tag", () => {
    expect(parseName("  Widget \n Pro ")).toEqual({
      ok: true,
      value: { name: "Widget Pro", tag: "widget-pro" },
    });
  });

  it.each([
    ["", "product.invalid.nameEmpty"],
    ["   ", "product.invalid.nameEmpty"],
    ["x".repeat(81), "product.invalid.nameLong"],
    ["<!channel> deal", "product.invalid.nameChars"],
    ["!!!", "product.invalid.nameNoTag"],
  ])("refuses %j with %s", (input, key) => {
    const parsed = parseName(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem.key).toBe(key);
  });

  it("takes a name of exactly 80 characters", () => {
    expect(parseName("x".repeat(80)).ok).toBe(true);
  });
});

describe("key selling points", () => {
  it("keeps one point a line, without the bullets people type or blank lines", () => {
    const parsed = parseKeyPoints(
      "- Installs in an hour\n\n  •  Five-year   warranty \n* Made in Sweden\n-20% energy",
    );
    expect(parsed).toEqual({
      ok: true,
      value: "Installs in an hour\nFive-year warranty\nMade in Sweden\n-20% energy",
    });
    expect(keyPointsOf({ keyPoints: parsed.ok ? parsed.value : "" })).toHaveLength(4);
    expect(keyPointsOf({ keyPoints: "" })).toEqual([]);
  });

  it("refuses more than the limit in all", () => {
    const parsed = parseKeyPoints("y".repeat(KEY_POINTS_MAX + 1));
    expect(!parsed.ok && parsed.problem).toEqual({
      key: "product.invalid.keyPointsLong",
      params: { max: KEY_POINTS_MAX },
    });
  });

  it("reports every field's problem at once", () => {
    expect(validateProduct({ name: "", keyPoints: "z".repeat(KEY_POINTS_MAX + 1) })).toEqual({
      ok: false,
      errors: {
        name: { key: "product.invalid.nameEmpty" },
        keyPoints: { key: "product.invalid.keyPointsLong", params: { max: KEY_POINTS_MAX } },
      },
    });
  });
});

describe("reading what Slack sends", () => {
  it("turns escaped command text back into what the person typed", () => {
    expect(typedText("Salt &amp; Peppar &lt;3 <@U123|sara> <#C1|widgets> <!here> <https://x.se|x.se>")).toBe(
      "Salt & Peppar <3 @sara #widgets @here x.se",
    );
    expect(typedText("<!subteam^S1|@sales> <@U9>")).toBe("@sales @U9");
  });

  it("finds the tag in every form a tag or name reaches us", () => {
    for (const text of [
      "#widget-pro",
      "widget-pro",
      "WIDGET-PRO",
      "<#C123|widget-pro>",
      "Widget Pro",
      " #Widget-Pro. ",
    ]) {
      expect(tagFromReference(text), text).toBe("widget-pro");
    }
    expect(tagFromReference("#Ärlig-Kaffe")).toBe("ärlig-kaffe");
    expect(tagFromReference("#")).toBe("");
  });

  it("fingerprints what a form showed, so any change to it is noticed", () => {
    const a = fingerprint({ name: "Widget", keyPoints: "Fast" });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ name: "Widget", keyPoints: "Fast" })).toBe(a);
    expect(fingerprint({ name: "Widget", keyPoints: "Faster" })).not.toBe(a);
    expect(fingerprint({ name: "Widget\nFast", keyPoints: "" })).not.toBe(a);
  });
});

describe("parseProductCommand", () => {
  it.each([
    ["", { kind: "list" }],
    ["list", { kind: "list" }],
    ["LISTA", { kind: "list" }],
    ["help", { kind: "help" }],
    ["hjälp", { kind: "help" }],
    ["add", { kind: "addForm" }],
    ["add   ", { kind: "addForm" }],
    [
      "add Widget Pro | Installs in an hour | Five-year warranty",
      { kind: "add", name: "Widget Pro", keyPoints: " Installs in an hour \n Five-year warranty" },
    ],
    ["lägg-till Ärlig Kaffe", { kind: "add", name: "Ärlig Kaffe", keyPoints: "" }],
    ["add Salt &amp; Peppar", { kind: "add", name: "Salt & Peppar", keyPoints: "" }],
    ["edit <#C123|widget-pro>", { kind: "edit", reference: "#widget-pro" }],
    ["remove Widget Pro", { kind: "remove", reference: "Widget Pro" }],
    ["ta-bort #widget-pro", { kind: "remove", reference: "#widget-pro" }],
  ])("%j", (text, expected) => {
    expect(parseProductCommand(text)).toEqual(expected);
  });

  it("asks for what is missing, and names an unknown word", () => {
    expect(parseProductCommand("add | only points")).toEqual({
      kind: "invalid",
      problem: { key: "product.add.usage" },
    });
    expect(parseProductCommand("remove")).toEqual({
      kind: "invalid",
      problem: { key: "product.parse.needRef", params: { command: "remove" } },
    });
    expect(parseProductCommand("&lt;!channel&gt; now")).toEqual({
      kind: "invalid",
      problem: { key: "product.parse.unknown", params: { word: "&lt;!channel&gt;" } },
    });
  });
});
