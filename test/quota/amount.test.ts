import { describe, expect, it } from "vitest";
import { type AmountLanguage, formatAmountExamples, parseAmount } from "../../src/features/quota/amount.js";

const en = (text: string, currency = "USD") => parseAmount(text, { language: "en", currency });
const sv = (text: string, currency = "SEK") => parseAmount(text, { language: "sv", currency });
const ok = (minor: number, currency: string, rest = "") => ({
  ok: true,
  minor,
  currency,
  rest,
  marked: expect.any(Boolean),
});
const problem = (kind: string) => ({ ok: false, problem: kind });

describe("parseAmount: the examples from the issue", () => {
  const examples: [string, number][] = [
    ["12500", 1_250_000],
    ["12 500", 1_250_000],
    ["12,500", 1_250_000],
    ["12.5k", 1_250_000],
    ["12,5k", 1_250_000],
    ["1.2m", 120_000_000],
  ];

  it.each(examples)("reads %s in an English USD team", (text, minor) => {
    expect(en(text)).toEqual(ok(minor, "USD"));
  });

  it.each(examples)("reads %s in a Swedish SEK team", (text, minor) => {
    expect(sv(text)).toEqual(ok(minor, "SEK"));
  });

  it("reads 12 500 kr for a krona team and refuses it for a dollar team", () => {
    expect(sv("12 500 kr")).toEqual(ok(1_250_000, "SEK"));
    expect(en("12 500 kr", "SEK")).toEqual(ok(1_250_000, "SEK"));
    expect(en("12 500 kr", "NOK")).toEqual(ok(1_250_000, "NOK"));
    expect(en("12 500 kr")).toEqual(problem("wrongCurrency"));
  });

  it("reads $1,200 for a dollar team and refuses it for a krona team", () => {
    expect(en("$1,200")).toEqual(ok(120_000, "USD"));
    expect(sv("$1,200", "USD")).toEqual(ok(120_000, "USD"));
    expect(sv("$1,200")).toEqual(problem("wrongCurrency"));
    expect(en("$1,200", "SEK")).toEqual(problem("wrongCurrency"));
  });
});

describe("parseAmount: separators", () => {
  it("reads decimals in each language", () => {
    expect(en("12,500.50")).toEqual(ok(1_250_050, "USD"));
    expect(en("12500.5")).toEqual(ok(1_250_050, "USD"));
    expect(sv("12 500,50")).toEqual(ok(1_250_050, "SEK"));
    expect(sv("1 234 567,89")).toEqual(ok(123_456_789, "SEK"));
    expect(en("0.5")).toEqual(ok(50, "USD"));
  });

  it("reads one or two digits after a comma or point as a decimal in either language", () => {
    expect(en("12,50")).toEqual(ok(1250, "USD"));
    expect(en("12,5")).toEqual(ok(1250, "USD"));
    expect(sv("12.50")).toEqual(ok(1250, "SEK"));
    expect(sv("12.5")).toEqual(ok(1250, "SEK"));
  });

  it("reads three digits after a comma or point as grouping when the currency has two decimals", () => {
    expect(sv("12,500")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("12.500")).toEqual(ok(1_250_000, "SEK"));
    expect(en("12.500")).toEqual(ok(1_250_000, "USD"));
    expect(en("1.234.567")).toEqual(ok(123_456_700, "USD"));
    expect(sv("1.234.567")).toEqual(ok(123_456_700, "SEK"));
    expect(en("1,234,567")).toEqual(ok(123_456_700, "USD"));
    expect(sv("12.500,50")).toEqual(ok(1_250_050, "SEK"));
  });

  it("reads space grouping in English and every kind of space in Swedish", () => {
    expect(en("12 500")).toEqual(ok(1_250_000, "USD"));
    expect(en("12 500.75")).toEqual(ok(1_250_075, "USD"));
    expect(sv("12\u00a0500")).toEqual(ok(1_250_000, "SEK")); // no-break space
    expect(sv("12\u202f500,50")).toEqual(ok(1_250_050, "SEK")); // narrow no-break space
    expect(sv("1 000 000")).toEqual(ok(100_000_000, "SEK"));
  });

  it("follows the language for three decimals in a currency that has three (KWD)", () => {
    expect(en("1.234", "KWD")).toEqual(ok(1234, "KWD"));
    expect(en("1,234", "KWD")).toEqual(ok(1_234_000, "KWD"));
    expect(sv("1,234", "KWD")).toEqual(ok(1234, "KWD"));
    expect(sv("1.234", "KWD")).toEqual(problem("unreadable"));
  });

  it("refuses what is ambiguous or inconsistent", () => {
    for (const text of [
      "1,2,3",
      "12,5,00",
      "1.5.5",
      "1,234.567",
      "12345,678",
      "12,50.5",
      "1 234.567,5",
      "1,2345",
    ]) {
      expect(en(text), text).toEqual(problem("unreadable"));
    }
    for (const text of ["1,2,3", "12,5,00", "12,50,5", "1.5.5", "12345.678", "1.2345"]) {
      expect(sv(text), text).toEqual(problem("unreadable"));
    }
  });
});

describe("parseAmount: suffixes", () => {
  it("reads thousands and millions with decimals", () => {
    expect(en("12k")).toEqual(ok(1_200_000, "USD"));
    expect(en("12K")).toEqual(ok(1_200_000, "USD"));
    expect(en("1.25M")).toEqual(ok(125_000_000, "USD"));
    expect(en("2mn")).toEqual(ok(200_000_000, "USD"));
    expect(sv("1,2 milj")).toEqual(ok(120_000_000, "SEK"));
    expect(sv("3 miljoner")).toEqual(ok(300_000_000, "SEK"));
    expect(sv("12,5 tkr")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("2 mkr")).toEqual(ok(200_000_000, "SEK"));
    expect(sv("12.5 k Acme")).toEqual(ok(1_250_000, "SEK", "Acme"));
    expect(en("1.23456k")).toEqual(ok(123_456, "USD"));
  });

  it("reads three digits after a separator with a suffix by the language", () => {
    expect(en("1,500k")).toEqual(ok(150_000_000, "USD")); // English comma groups: 1 500 thousand
    expect(en("1.500k")).toEqual(ok(150_000, "USD"));
    expect(sv("1,500k")).toEqual(ok(150_000, "SEK")); // Swedish comma is the decimal
    expect(sv("1.500k")).toEqual(problem("unreadable"));
  });

  it("treats tkr and mkr as krona marks", () => {
    expect(en("12 tkr", "USD")).toEqual(problem("wrongCurrency"));
    expect(en("12 tkr", "DKK")).toEqual(ok(1_200_000, "DKK"));
  });

  it("reads a suffix only as a whole word", () => {
    expect(en("12kg")).toEqual(problem("unreadable"));
    expect(en("12 kg of apples")).toEqual(ok(1200, "USD", "kg of apples"));
    expect(en("500 M&A fee")).toEqual(ok(50_000, "USD", "M&A fee"));
  });
});

describe("parseAmount: currency marks", () => {
  it("takes marks before or after, with or without a space", () => {
    expect(sv("12 500:-")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("12 500 :-")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("12500kr")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("12 500 kr. Acme")).toEqual(ok(1_250_000, "SEK", "Acme"));
    expect(sv("12 500 kronor")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("SEK 12 500")).toEqual(ok(1_250_000, "SEK"));
    expect(sv("12 500 sek")).toEqual(ok(1_250_000, "SEK"));
    expect(en("SEK12500", "SEK")).toEqual(ok(1_250_000, "SEK"));
    expect(en("usd 1,200")).toEqual(ok(120_000, "USD"));
    expect(en("1,200 USD")).toEqual(ok(120_000, "USD"));
    expect(en("1,200$")).toEqual(ok(120_000, "USD"));
    expect(en("$ 1,200")).toEqual(ok(120_000, "USD"));
    expect(en("US$1,200")).toEqual(ok(120_000, "USD"));
    expect(en("$1,200 USD")).toEqual(ok(120_000, "USD"));
    expect(en("€12", "EUR")).toEqual(ok(1200, "EUR"));
    expect(sv("12 €", "EUR")).toEqual(ok(1200, "EUR"));
    expect(en("£12.50", "GBP")).toEqual(ok(1250, "GBP"));
    expect(en("¥12,500", "JPY")).toEqual(ok(12_500, "JPY"));
    expect(en("12kSEK", "SEK")).toEqual(ok(1_200_000, "SEK"));
    expect(en("$12.5k")).toEqual(ok(1_250_000, "USD"));
  });

  it("lets $ fit every currency Intl writes with it, and CA$ only the Canadian dollar", () => {
    expect(en("$100", "CAD")).toEqual(ok(10_000, "CAD"));
    expect(en("$100", "AUD")).toEqual(ok(10_000, "AUD"));
    expect(en("CA$100", "CAD")).toEqual(ok(10_000, "CAD"));
    expect(en("CA$100", "USD")).toEqual(problem("wrongCurrency"));
  });

  it("refuses a mark of another currency", () => {
    expect(sv("$500")).toEqual(problem("wrongCurrency"));
    expect(sv("500 €")).toEqual(problem("wrongCurrency"));
    expect(sv("12500 usd Acme")).toEqual(problem("wrongCurrency"));
    expect(sv("EUR 500")).toEqual(problem("wrongCurrency"));
    expect(en("500 kr", "EUR")).toEqual(problem("wrongCurrency"));
    expect(en("500:-")).toEqual(problem("wrongCurrency"));
    expect(en("$500 SEK")).toEqual(problem("wrongCurrency")); // both marks must fit
    expect(sv("500 ALL")).toEqual(problem("wrongCurrency"));
  });

  it("leaves a lower-case code that is a common word to the note", () => {
    expect(en("500 top deal", "SEK")).toEqual(ok(50_000, "SEK", "top deal"));
    expect(en("500 all included")).toEqual(ok(50_000, "USD", "all included"));
    expect(en("500 try", "TRY")).toEqual(ok(50_000, "TRY")); // unless it is the team's own currency
  });
});

describe("parseAmount: where the amount ends", () => {
  it("hands back the note and tags", () => {
    expect(sv("12 500 kr Acme renewal #widgets")).toEqual(ok(1_250_000, "SEK", "Acme renewal #widgets"));
    expect(en("12500 Acme renewal")).toEqual(ok(1_250_000, "USD", "Acme renewal"));
    expect(en("  12.5k   Acme  #gadgets  ")).toEqual(ok(1_250_000, "USD", "Acme  #gadgets"));
    expect(en("12500 #widgets")).toEqual(ok(1_250_000, "USD", "#widgets"));
  });

  it("stops at a space unless exactly three digits follow", () => {
    expect(sv("12 500 Acme")).toEqual(ok(1_250_000, "SEK", "Acme"));
    expect(sv("12 500 500 Acme")).toEqual(ok(1_250_050_000, "SEK", "Acme")); // three digits group
    expect(sv("2026 500 Acme")).toEqual(ok(202_600, "SEK", "500 Acme")); // 2026 cannot be a group
    expect(sv("12 5000 Acme")).toEqual(ok(1200, "SEK", "5000 Acme"));
    expect(sv("12 50 Acme")).toEqual(ok(1200, "SEK", "50 Acme"));
    expect(sv("12  500")).toEqual(ok(1200, "SEK", "500")); // two spaces are not grouping
    expect(en("12,500 500")).toEqual(ok(1_250_000, "USD", "500")); // no mixing commas and spaces
    expect(en("12.5 500")).toEqual(ok(1250, "USD", "500"));
  });

  it("refuses an amount glued to a word", () => {
    expect(en("12abc")).toEqual(problem("unreadable"));
    expect(en("12,500Acme")).toEqual(problem("unreadable"));
  });
});

describe("parseAmount: problems", () => {
  it("calls blank text empty", () => {
    expect(en("")).toEqual(problem("empty"));
    expect(sv("   ")).toEqual(problem("empty"));
  });

  it("calls text without a number at the start unreadable", () => {
    for (const text of ["abc", "Acme 500", "$", "kr", "#widgets 500", ".5", "k", "- Acme", "bogus 12"]) {
      expect(en(text), text).toEqual(problem("unreadable"));
    }
  });

  it("calls zero amounts zero", () => {
    for (const text of ["0", "0,00", "0.0", "000", "0k", "-0", "0 kr"]) {
      expect(sv(text), text).toEqual(problem("zero"));
    }
    expect(en("$0")).toEqual(problem("zero"));
  });

  it("calls amounts with a leading minus negative", () => {
    expect(en("-5")).toEqual(problem("negative"));
    expect(en("−5")).toEqual(problem("negative")); // U+2212 minus sign
    expect(en("–5")).toEqual(problem("negative")); // en dash
    expect(en("- 1,200")).toEqual(problem("negative"));
    expect(en("-$5")).toEqual(problem("negative"));
    expect(en("$-5")).toEqual(problem("negative"));
    expect(sv("-12 500 kr")).toEqual(problem("negative"));
  });

  it("calls amounts finer than the minor unit too precise", () => {
    expect(en("12.5555")).toEqual(problem("tooPrecise"));
    expect(en("0.001")).toEqual(problem("tooPrecise"));
    expect(sv("0,001")).toEqual(problem("tooPrecise"));
    expect(sv("12,5555")).toEqual(problem("tooPrecise"));
    expect(en("1.234567k")).toEqual(problem("tooPrecise"));
    expect(en("12.5", "JPY")).toEqual(problem("tooPrecise"));
    expect(en("12.00", "JPY")).toEqual(ok(12, "JPY")); // trailing zeros are not precision
    expect(en("1.5k", "JPY")).toEqual(ok(1500, "JPY"));
  });

  it("calls amounts too big for a safe integer unreadable", () => {
    expect(en("99999999999999999")).toEqual(problem("unreadable"));
    expect(en("90000000000000")).toEqual(ok(9_000_000_000_000_000, "USD"));
  });

  it("checks unreadable before currency, currency before zero, zero before negative", () => {
    expect(sv("$1,2,3")).toEqual(problem("unreadable"));
    expect(sv("$0")).toEqual(problem("wrongCurrency"));
    expect(sv("-$5")).toEqual(problem("wrongCurrency"));
    expect(en("-0")).toEqual(problem("zero"));
    expect(en("-0.001")).toEqual(problem("negative"));
  });
});

describe("formatAmountExamples", () => {
  const cases: [AmountLanguage, string][] = [
    ["en", "USD"],
    ["en", "SEK"],
    ["en", "EUR"],
    ["en", "GBP"],
    ["en", "JPY"],
    ["en", "CHF"],
    ["en", "KWD"],
    ["sv", "SEK"],
    ["sv", "NOK"],
    ["sv", "EUR"],
    ["sv", "USD"],
    ["sv", "JPY"],
  ];

  it.each(cases)("gives %s/%s examples that parse back to 12 500", (language, currency) => {
    const examples = formatAmountExamples(language, currency);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.length).toBeLessThanOrEqual(4);
    const unit = 10 ** (currency === "JPY" ? 0 : currency === "KWD" ? 3 : 2);
    for (const example of examples) {
      expect(parseAmount(example, { language, currency }), example).toEqual(ok(12_500 * unit, currency));
    }
  });

  it("writes the examples the way each language does", () => {
    expect(formatAmountExamples("sv", "SEK")).toEqual(["12500", "12 500", "12,5k", "12 500 kr"]);
    expect(formatAmountExamples("en", "USD")).toEqual(["12500", "12,500", "12.5k", "$12,500"]);
    expect(formatAmountExamples("en", "CHF")).toEqual(["12500", "12,500", "12.5k", "12,500 CHF"]);
  });
});

describe("parseAmount: money or just a number", () => {
  it("says when an amount is written as money (a currency mark or a size word)", () => {
    const marked = (text: string) => {
      const result = sv(text);
      return result.ok ? result.marked : null;
    };
    expect(marked("12 500 kr")).toBe(true);
    expect(marked("12,5k")).toBe(true);
    expect(marked("SEK 500")).toBe(true);
    expect(marked("12 500")).toBe(false);
    expect(marked("2027")).toBe(false);
  });
});
