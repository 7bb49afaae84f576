import { createHash } from "node:crypto";

import { ok, type Parsed, type Problem, problemsOf } from "../../platform/errors.js";
import { typedText } from "../../platform/slack/index.js";
import type { ProductMessages } from "./messages.js";

const { fail } = problemsOf<ProductMessages>();

/** The product modal's input blocks; a Problem or UserError about a field names one of these. */
export const FIELD = { name: "name", keyPoints: "keyPoints" } as const;

export const NAME_MAX = 80;
/** All key selling points of a product together; fits a section with its name, and a spotlight post. */
export const KEY_POINTS_MAX = 1500;

/** Characters a tag keeps as they are (the table's CHECK allows exactly these, plus `_` and `-`). */
const TAG_CHAR = /^[a-z0-9åäöæøü]$/;
/** Apostrophes vanish rather than split a word: "Alice's Pick" -> alices-pick. */
const APOSTROPHES = /['’`´]/g;

/**
 * The tag reps type after `#` for a product name: lower case, runs of spaces and punctuation become one
 * `-`, Swedish (and Danish, Norwegian, German) letters stay, other accents are dropped ("Crème" -> creme).
 * "Widget Pro" -> `widget-pro`, "Ärlig Kaffe" -> `ärlig-kaffe`. Empty when the name has no letter or digit.
 */
export function tagOf(name: string): string {
  let tag = "";
  for (const char of name.normalize("NFC").replace(APOSTROPHES, "").toLowerCase()) {
    if (TAG_CHAR.test(char)) {
      tag += char;
      continue;
    }
    if (char === "ß") {
      tag += "ss";
      continue;
    }
    const base = char.normalize("NFD").replace(/\p{M}/gu, "");
    tag += [...base].every((c) => TAG_CHAR.test(c)) ? base : "-";
  }
  return tag.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

/** A product's name as typed, tidied and checked, with the tag it gives. */
export function parseName(input: string): Parsed<{ name: string; tag: string }> {
  const name = input.replace(/\s+/g, " ").trim();
  if (!name) return fail("product.invalid.nameEmpty");
  if (name.length > NAME_MAX) return fail("product.invalid.nameLong", { max: NAME_MAX });
  // Names appear in mrkdwn everywhere; angle brackets would turn into links or @channel.
  if (/[<>]/.test(name)) return fail("product.invalid.nameChars");
  const tag = tagOf(name);
  if (!tag) return fail("product.invalid.nameNoTag");
  return ok({ name, tag });
}

/**
 * Key selling points, one per line: bullets people type (`- `, `• `, `* `) go, blank lines go, spaces are
 * tidied. Stored as lines joined by `\n`.
 */
export function parseKeyPoints(input: string): Parsed<string> {
  const text = input
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•·–]\s+)+/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join("\n");
  if (text.length > KEY_POINTS_MAX) return fail("product.invalid.keyPointsLong", { max: KEY_POINTS_MAX });
  return ok(text);
}

/** A product's key selling points, one string each. */
export function keyPointsOf(product: { keyPoints: string }): string[] {
  return product.keyPoints.split("\n").filter((line) => line.trim().length > 0);
}

/**
 * The tag a person means by a tag or a name, in any of the forms that reach us: `#widgets`, `widgets`,
 * `Widget Pro`, `<#C123|widgets>` (Slack's form when a channel has that name). Empty when it has none.
 */
export function tagFromReference(text: string): string {
  return tagOf(typedText(text.trim()).replace(/^#+/, ""));
}

/**
 * What a product looked like when a form opened, to tell a form left open while someone else changed the
 * product from a second submit of the same change.
 */
export function fingerprint(product: { name: string; keyPoints: string }): string {
  return createHash("sha256")
    .update(`${product.name}\n\u0000${product.keyPoints}`)
    .digest("hex")
    .slice(0, 16);
}

/** A product as a form or a command gives it, checked: every problem by field, or the clean value. */
export function validateProduct(input: {
  name: string;
  keyPoints: string;
}):
  | { ok: true; value: { name: string; tag: string; keyPoints: string } }
  | { ok: false; errors: Partial<Record<(typeof FIELD)[keyof typeof FIELD], Problem>> } {
  const name = parseName(input.name);
  const points = parseKeyPoints(input.keyPoints);
  if (name.ok && points.ok) return { ok: true, value: { ...name.value, keyPoints: points.value } };
  return {
    ok: false,
    errors: {
      ...(name.ok ? {} : { [FIELD.name]: name.problem }),
      ...(points.ok ? {} : { [FIELD.keyPoints]: points.problem }),
    },
  };
}
