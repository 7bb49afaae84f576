import { describe, expect, it } from "vitest";
import { teamMessages } from "../../src/features/team/messages.js";
import {
  type Catalog,
  type Catalogs,
  commonMessages,
  createTranslator,
  formatMoney,
  intlLocaleFor,
  languageOf,
} from "../../src/platform/i18n/index.js";

/** Parameters that fit any message: lists where a list is expected, numbers for counts. */
const sample = new Proxy({} as Record<string, unknown>, {
  get: (_, key) => {
    const name = String(key);
    if (["users", "supervisors", "admins", "teams", "problems"].includes(name)) return ["U1", "U2"];
    if (["count", "max", "reps"].includes(name)) return 2;
    return `«${name}»`;
  },
});

function render(catalog: Catalog, key: string): string {
  const message = catalog[key];
  return typeof message === "function" ? (message as (p: unknown) => string)(sample) : String(message);
}

const all: [string, Catalogs<Catalog>][] = [
  ["common", commonMessages],
  ["team", teamMessages],
];

describe("message catalogs", () => {
  for (const [name, catalogs] of all) {
    it(`${name}: every message exists and renders in English and Swedish, with the same placeholders`, () => {
      expect(Object.keys(catalogs.sv).sort()).toEqual(Object.keys(catalogs.en).sort());
      for (const key of Object.keys(catalogs.en)) {
        const en = render(catalogs.en, key);
        const sv = render(catalogs.sv, key);
        expect(en.trim(), key).not.toBe("");
        expect(sv.trim(), key).not.toBe("");
        const placeholders = (text: string) => [...text.matchAll(/«(\w+)»/g)].map((m) => m[1]).sort();
        expect(placeholders(sv), key).toEqual(placeholders(en));
      }
    });

    it(`${name}: Swedish is really translated`, () => {
      // A few messages are the same in both languages (command syntax, codes); all others must differ.
      const same = Object.keys(catalogs.en).filter(
        (key) => render(catalogs.en, key) === render(catalogs.sv, key),
      );
      expect(same).toEqual([]);
    });
  }
});

describe("formatting", () => {
  it("formats money from minor units in the reader's locale", () => {
    expect(formatMoney("sv-SE", 1_250_000, "SEK")).toBe("12\u00a0500\u00a0kr");
    expect(formatMoney("en-US", 1_250_050, "USD")).toBe("$12,500.50");
    expect(formatMoney("en-US", 1250, "JPY")).toBe("¥1,250");
  });

  it("picks the language and the Intl locale from a Slack locale", () => {
    expect(languageOf("sv-SE")).toBe("sv");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("de-DE")).toBeNull();
    expect(intlLocaleFor("en", "en-GB")).toBe("en-GB");
    expect(intlLocaleFor("en", "de-DE")).toBe("en-US");
    expect(intlLocaleFor("sv", null)).toBe("sv-SE");
  });

  it("names weekdays and lists in the language", () => {
    const sv = createTranslator(teamMessages, "sv", "sv-SE");
    const en = createTranslator(teamMessages, "en", "en-US");
    expect(sv.weekday(1)).toBe("mån");
    expect(en.weekday(7, "long")).toBe("Sunday");
    expect(sv.list(["a", "b", "c"])).toBe("a, b och c");
    expect(en.date(new Date("2026-03-29T00:30:00Z"), "Europe/Stockholm", "dateTime")).toBe(
      "Mar 29, 2026, 1:30 AM",
    );
  });
});
