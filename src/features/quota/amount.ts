/**
 * Amounts as reps type them after `/quota`: `12500`, `12 500`, `12,500`, `12.5k`, `12,5k`, `1.2m`,
 * `12 500 kr`, `12 500:-`, `$1,200`, `SEK 12500`. `parseAmount` reads the amount at the start of the text
 * and hands back the rest (the note and `#product` tags), in integer minor units of the team's currency.
 *
 * Rules, in the order they apply:
 *
 * Shape. `[sign] [mark] [sign] number [suffix] [mark]`, then the end of the text or whitespace ("12abc" is
 * unreadable, not 12 with a note). Spaces are allowed between the parts ("$ 500", "12,5 tkr", "1.2 m SEK").
 * - sign: a leading `-`, `−` (minus) or `–` (en dash, what phones type) makes the amount `negative`.
 * - mark (currency): `$`, `€`, `£`, `¥`, `US$`/`CA$`/`A$`-style dollars, `kr`, `kr.`, `kronor`, `:-`
 *   (Swedish "12 500:-"), or an ISO code in any case (`SEK`, `usd`). A mark must fit the team's currency,
 *   else `wrongCurrency`: an ISO code fits its own currency; `kr`, `kronor`, `:-`, `tkr` and `mkr` fit SEK,
 *   NOK, DKK and ISK; a symbol fits the currencies Intl writes with it in English or Swedish (`$` fits USD,
 *   CAD, AUD, MXN...; `CA$` only CAD). Before and after the number must both fit. After the number, a
 *   three-letter word that is the team's currency, or an ISO code in capitals, is a mark; a lower-case code
 *   that is also a common word (`all`, `top`, `try`, `pen`...) is left to the note, so "500 top deal" stays
 *   a note while "500 usd" for a SEK team is refused rather than stored as 500 kronor.
 * - suffix: `k` (thousand), `m`, `mn`, `milj`, `miljoner` (million), `tkr` (thousand kronor), `mkr`
 *   (million kronor), any case, as a whole word: "12kg" is unreadable and "12 kg" is 12 with the note "kg".
 *
 * Number. Digit groups joined by single separators: `,`, `.`, or one space (also U+00A0 and U+202F).
 * - Where it ends: `,` or `.` followed by a digit continues the number. A space continues it only while it
 *   reads as thousands grouping so far (a first group of 1-3 digits, then groups of exactly three digits,
 *   all space-separated) and is followed by exactly three digits and no fourth. So "12 500 Acme" is 12 500
 *   with note "Acme", "2026 500 Acme" is 2 026 with note "500 Acme", and "12 500 500 Acme" is 12 500 500:
 *   a space and three digits always read as grouping. Write the note after a word if it starts with digits.
 * - Decimal or grouping: at most one decimal separator, the last separator. A `,` or `.` followed by one or
 *   two digits at the end of the number is a decimal in either language (`12,50` is 12.50 in English too).
 *   Followed by exactly three digits it is grouping when the currency has fewer than three decimals (so
 *   Swedish `12,500` and `12.500` and English `12.500` are 12 500, English `12 500` too); with a suffix, or
 *   for a currency with three decimals, or after a leading zero (`0.001`: nobody groups "0"), three digits
 *   follow the team's language instead: its decimal character (English `.`, Swedish `,`) is a decimal,
 *   English `,` is grouping, Swedish `.` is ambiguous and unreadable (`1.500k`). Followed by four or more
 *   digits it is a decimal only if it is the language's own decimal character. Every other separator is grouping: all the same character, not the decimal one, a
 *   first group of 1-3 digits and groups of three after it. Anything else (`1,2,3`, `12,5,00`, `1.5.5`,
 *   `1,234.567`, `12345,678`) is `unreadable`.
 *
 * Value. Exact decimal arithmetic on the digits, never floats. The result must be a whole number of the
 * currency's minor units (Intl's digits: SEK 2, JPY 0, KWD 3), else `tooPrecise` (`12.5555`, `0.001`,
 * `1.234567k` in SEK; `12.5` in JPY); trailing zeros do not count (`12.00` in JPY is 12). All zeros is `zero` (also `-0`).
 * Amounts beyond what a JavaScript number holds exactly are `unreadable`.
 *
 * Problems, first match wins: `empty` (blank text), `unreadable`, `wrongCurrency`, `zero`, `negative`,
 * `tooPrecise`. The absurd-maximum check is the caller's: the maximum is a per-team setting.
 */

import { currencyDigits } from "../../platform/i18n/index.js";

export type AmountLanguage = "en" | "sv";

export type AmountProblem = "empty" | "unreadable" | "zero" | "negative" | "wrongCurrency" | "tooPrecise";

export type AmountResult =
  | {
      ok: true;
      minor: number;
      currency: string;
      rest: string;
      /** Written with a currency mark or a size word ("12 500 kr", "$500", "12k"): surely money. */
      marked: boolean;
    }
  | { ok: false; problem: AmountProblem };

export interface AmountOptions {
  language: AmountLanguage;
  /** ISO 4217 code of the team's currency. */
  currency: string;
}

const SPACES = " \u00a0\u202f";
const KRONA_CURRENCIES = new Set(["SEK", "NOK", "DKK", "ISK"]);
const KRONA_MARKS = new Set(["kr", "kr.", "kronor", ":-", "tkr", "mkr"]);
const ISO_CODES = new Set(Intl.supportedValuesOf("currency"));
/** ISO codes that are also everyday English or Swedish words: in lower case they belong to the note. */
const CODE_WORDS = new Set([
  "all",
  "amd",
  "ang",
  "ars",
  "bam",
  "bob",
  "cup",
  "dop",
  "ern",
  "gel",
  "lak",
  "mad",
  "mop",
  "mur",
  "nio",
  "pen",
  "php",
  "ron",
  "rub",
  "sar",
  "sos",
  "top",
  "try",
]);

const SUFFIXES: readonly { pattern: RegExp; exponent: number; mark?: string }[] = [
  { pattern: /^miljoner/i, exponent: 6 },
  { pattern: /^milj/i, exponent: 6 },
  { pattern: /^mkr/i, exponent: 6, mark: "mkr" },
  { pattern: /^tkr/i, exponent: 3, mark: "tkr" },
  { pattern: /^mn/i, exponent: 6 },
  { pattern: /^k/i, exponent: 3 },
  { pattern: /^m/i, exponent: 6 },
];

const SYMBOL_MARK = /^(?:[A-Z]{1,2}\$|\$|€|£|¥|:-|kronor|kr\.?)/i;
const WORD_MARK = /^[A-Za-z]{3}(?![A-Za-z])/;

const SEPARATORS = { en: { decimal: ".", group: "," }, sv: { decimal: ",", group: " " } } as const;

/** Reads the amount at the start of `text`; see the file header for the rules. */
export function parseAmount(text: string, options: AmountOptions): AmountResult {
  const currency = options.currency.trim().toUpperCase();
  const digits = currencyDigits(currency);
  const s = text.trim();
  if (!s) return { ok: false, problem: "empty" };

  let pos = 0;
  let negative = false;
  const marks: string[] = [];
  const skipSpaces = (): void => {
    while (pos < s.length && /\s/.test(s.charAt(pos))) pos++;
  };
  const readSign = (): void => {
    if (!negative && "-−–".includes(s.charAt(pos)) && pos < s.length) {
      negative = true;
      pos++;
      skipSpaces();
    }
  };

  readSign();
  const before = readMark(s.slice(pos), currency, "before");
  if (before) {
    marks.push(before.mark);
    pos += before.length;
    skipSpaces();
    readSign();
  }

  const number = readNumber(s, pos);
  if (!number) return { ok: false, problem: "unreadable" };
  pos = number.end;

  let exponent = 0;
  const suffix = readWordAfterSpace(s, pos, (tail) => {
    for (const candidate of SUFFIXES) {
      const match = candidate.pattern.exec(tail);
      if (match && isBoundary(tail.slice(match[0].length), true)) {
        return { length: match[0].length, value: candidate };
      }
    }
    return null;
  });
  if (suffix) {
    exponent = suffix.value.exponent;
    if (suffix.value.mark) marks.push(suffix.value.mark);
    pos = suffix.end;
  }

  const after = readWordAfterSpace(s, pos, (tail) => {
    const mark = readMark(tail, currency, "after");
    return mark && isBoundary(tail.slice(mark.length), false)
      ? { length: mark.length, value: mark.mark }
      : null;
  });
  if (after) {
    marks.push(after.value);
    pos = after.end;
  }

  if (!isBoundary(s.slice(pos), false)) return { ok: false, problem: "unreadable" };

  const value = interpret(number.groups, number.separators, suffix !== null, options.language, digits);
  if (!value) return { ok: false, problem: "unreadable" };
  if (!marks.every((mark) => markFits(mark, currency))) return { ok: false, problem: "wrongCurrency" };
  if (/^0*$/.test(value.integer + value.fraction)) return { ok: false, problem: "zero" };
  if (negative) return { ok: false, problem: "negative" };

  const scale = exponent + digits;
  const fraction = value.fraction.padEnd(scale, "0");
  if (/[^0]/.test(fraction.slice(scale))) return { ok: false, problem: "tooPrecise" };
  const minor = BigInt(value.integer + fraction.slice(0, scale));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: "unreadable" };
  return {
    ok: true,
    minor: Number(minor),
    currency,
    rest: s.slice(pos).trim(),
    marked: marks.length > 0 || exponent > 0,
  };
}

/** The end of an amount: end of text or whitespace; a suffix may also be followed directly by a mark ("12kSEK"). */
function isBoundary(tail: string, markMayFollow: boolean): boolean {
  if (tail === "" || /^\s/.test(tail)) return true;
  const word = WORD_MARK.exec(tail)?.[0];
  return (
    markMayFollow && (SYMBOL_MARK.test(tail) || (word !== undefined && ISO_CODES.has(word.toUpperCase())))
  );
}

/** A part after the number, optionally after one run of whitespace; nothing consumed when it is not there. */
function readWordAfterSpace<T>(
  s: string,
  pos: number,
  read: (tail: string) => { length: number; value: T } | null,
): { end: number; value: T } | null {
  const start = pos + (/^\s+/.exec(s.slice(pos))?.[0].length ?? 0);
  const found = read(s.slice(start));
  return found ? { end: start + found.length, value: found.value } : null;
}

function readMark(
  tail: string,
  currency: string,
  where: "before" | "after",
): { mark: string; length: number } | null {
  const symbol = SYMBOL_MARK.exec(tail);
  if (symbol) return { mark: symbol[0], length: symbol[0].length };
  const word = WORD_MARK.exec(tail)?.[0];
  if (!word || !ISO_CODES.has(word.toUpperCase())) return null;
  // Before the number any code is a mark (nothing else may stand there); after it, see the file header.
  const isMark =
    where === "before" ||
    word.toUpperCase() === currency ||
    word === word.toUpperCase() ||
    !CODE_WORDS.has(word.toLowerCase());
  return isMark ? { mark: word, length: word.length } : null;
}

const symbolCache = new Map<string, ReadonlySet<string>>();

/** The symbols Intl writes the currency with, in English and Swedish ("$", "US$" for USD; "kr" for SEK). */
function symbolsOf(currency: string): ReadonlySet<string> {
  let symbols = symbolCache.get(currency);
  if (!symbols) {
    const found = new Set<string>();
    for (const locale of ["en", "sv"]) {
      for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
        const parts = new Intl.NumberFormat(locale, {
          style: "currency",
          currency,
          currencyDisplay,
        }).formatToParts(1);
        const symbol = parts.find((part) => part.type === "currency")?.value;
        if (symbol) found.add(symbol.toLowerCase());
      }
    }
    symbols = found;
    symbolCache.set(currency, symbols);
  }
  return symbols;
}

function markFits(mark: string, currency: string): boolean {
  const lower = mark.toLowerCase();
  if (KRONA_MARKS.has(lower)) return KRONA_CURRENCIES.has(currency);
  if (/^[a-z]{3}$/.test(lower)) return lower.toUpperCase() === currency;
  return symbolsOf(currency).has(lower);
}

const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/** The digit groups and separators of the number starting at `pos`; where it ends is explained in the header. */
function readNumber(s: string, pos: number): { groups: string[]; separators: string[]; end: number } | null {
  const readDigits = (from: number): string => {
    let to = from;
    while (to < s.length && isDigit(s.charAt(to))) to++;
    return s.slice(from, to);
  };
  const first = readDigits(pos);
  if (!first) return null;
  const groups = [first];
  const separators: string[] = [];
  let end = pos + first.length;
  for (;;) {
    const separator = s.charAt(end);
    const next = s.charAt(end + 1);
    if ((separator === "," || separator === ".") && isDigit(next)) {
      const group = readDigits(end + 1);
      separators.push(separator);
      groups.push(group);
      end += 1 + group.length;
      continue;
    }
    const spaceGrouping =
      separator !== "" &&
      SPACES.includes(separator) &&
      separators.every((each) => each === " ") &&
      first.length <= 3 &&
      /^\d{3}(?!\d)/.test(s.slice(end + 1));
    if (spaceGrouping) {
      separators.push(" ");
      groups.push(s.slice(end + 1, end + 4));
      end += 4;
      continue;
    }
    return { groups, separators, end };
  }
}

/** The integer and fraction digits the groups mean, or null when they are ambiguous or inconsistent. */
function interpret(
  groups: readonly string[],
  separators: readonly string[],
  hasSuffix: boolean,
  language: AmountLanguage,
  currencyDigits: number,
): { integer: string; fraction: string } | null {
  const own = SEPARATORS[language];
  const last = separators.at(-1);
  const lastGroup = groups.at(-1) ?? "";
  let decimal = false;
  if (last === "," || last === ".") {
    if (lastGroup.length <= 2) decimal = true;
    else if (lastGroup.length === 3) {
      if (hasSuffix || currencyDigits >= 3 || groups[0]?.startsWith("0")) {
        if (last === own.decimal) decimal = true;
        else if (last !== own.group) return null;
      }
    } else if (last === own.decimal) decimal = true;
    else return null;
  }
  const integerGroups = decimal ? groups.slice(0, -1) : groups;
  const grouping = decimal ? separators.slice(0, -1) : separators;
  if (grouping.length > 0) {
    const char = grouping[0];
    if (grouping.some((each) => each !== char)) return null;
    if (decimal && char === last) return null;
    if ((integerGroups[0]?.length ?? 0) > 3) return null;
    if (integerGroups.slice(1).some((group) => group.length !== 3)) return null;
  }
  return { integer: integerGroups.join(""), fraction: decimal ? lastGroup : "" };
}

/**
 * Three or four inputs this parser accepts for the language and currency, for the help message; each means
 * twelve and a half thousand.
 */
export function formatAmountExamples(language: AmountLanguage, currency: string): string[] {
  const code = currency.trim().toUpperCase();
  const mark = exampleMark(code);
  if (language === "sv") {
    return ["12500", "12 500", "12,5k", mark.before ? `${mark.text}12 500` : `12 500 ${mark.text}`];
  }
  return ["12500", "12,500", "12.5k", mark.before ? `${mark.text}12,500` : `12,500 ${mark.text}`];
}

/** How to write the currency in an example: its own symbol when we read it as a mark, else its ISO code. */
function exampleMark(currency: string): { text: string; before: boolean } {
  if (KRONA_CURRENCIES.has(currency)) return { text: "kr", before: false };
  const narrow = new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay: "narrowSymbol" })
    .formatToParts(1)
    .find((part) => part.type === "currency")?.value;
  if (narrow && ["$", "€", "£", "¥"].includes(narrow)) return { text: narrow, before: true };
  return { text: currency, before: false };
}
