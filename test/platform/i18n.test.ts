import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { teamMessages } from "../../src/features/team/messages.js";
import {
  type Catalog,
  type Catalogs,
  createTranslator,
  formatMoney,
  intlLocaleFor,
  languageOf,
} from "../../src/platform/i18n/index.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Every source file under a folder, as paths relative to src/. */
function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [relative(SRC, path)] : [];
  });
}

function isCatalogs(value: unknown): value is Catalogs<Catalog> {
  if (!value || typeof value !== "object") return false;
  const { en, sv } = value as { en?: unknown; sv?: unknown };
  return Boolean(en && sv && typeof en === "object" && typeof sv === "object");
}

/** The catalogs a module exports, by export name. */
async function catalogsOf(file: string): Promise<[string, Catalogs<Catalog>][]> {
  const module = (await import(join(SRC, file).replace(/\.ts$/, ".js"))) as Record<string, unknown>;
  return Object.entries(module).filter((entry): entry is [string, Catalogs<Catalog>] => isCatalogs(entry[1]));
}

/**
 * Parameters that fit any message: lists where a list is expected, numbers for counts, a currency code;
 * each variant also takes the other branches of messages that read a parameter's value.
 */
const variants: Record<string, unknown>[] = [
  {},
  { use: "target", count: 1, checkins: 1, days: 1, period: "week" },
  { use: "limit", period: "quarter" },
  { use: "entry" },
];

function sample(variant: Record<string, unknown>): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_, key) => {
      const name = String(key);
      if (name in variant) return variant[name];
      if (
        [
          "users",
          "supervisors",
          "admins",
          "teams",
          "problems",
          "tags",
          "known",
          "sales",
          "deciders",
          "lines",
          "executives",
          "handlers",
          "coaches",
        ].includes(name)
      ) {
        return ["U1", "U2"];
      }
      // Reps are a number in some messages and a list in others: two of them, either way.
      if (name === "reps") return Object.assign(["U1", "U2"], { valueOf: () => 2 });
      if (["count", "max", "checkins", "days"].includes(name)) return 2;
      if (name.endsWith("Minor") || ["first", "second"].includes(name)) return 1_250_000;
      if (name === "currency") return "SEK";
      // A calendar date, an instant or a time zone the message itself puts in words.
      if (name.endsWith("On")) return "2026-06-01";
      if (name.endsWith("At")) return "2026-06-01T08:00:00.000Z";
      if (name.endsWith("Zone")) return "Europe/Stockholm";
      if (name === "use") return "checkin";
      if (name === "language") return "en";
      return `«${name}»`;
    },
  });
}

/** A message as each variant of the sample parameters renders it. */
function render(catalog: Catalog, key: string): string[] {
  const message = catalog[key];
  if (typeof message !== "function") return [String(message)];
  return variants.map((variant) => (message as (p: unknown) => string)(sample(variant)));
}

/** «name» from a message's parameters, or {name} in the plain strings the sandbox page fills in itself. */
const placeholders = (text: string) =>
  [...text.matchAll(/«(\w+)»|\{(\w+)\}/g)].map((m) => m[1] ?? m[2]).sort();

// Every file that defines messages, found by looking, so a new feature's (or the platform's, or the
// sandbox page's) catalog is checked without anyone adding it here.
const messageFiles = sourceFiles().filter((file) =>
  readFileSync(join(SRC, file), "utf8").includes("defineMessages("),
);
const all: [string, Catalogs<Catalog>][] = [];

beforeAll(async () => {
  for (const file of messageFiles.filter((f) => !f.startsWith("platform/i18n/catalog"))) {
    for (const [name, catalogs] of await catalogsOf(file)) all.push([`${file}: ${name}`, catalogs]);
  }
});

describe("message catalogs", () => {
  it("are found for every feature (exported from its index.ts), the platform and the sandbox page", async () => {
    const features = readdirSync(join(SRC, "features"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(features.length).toBeGreaterThanOrEqual(3);
    for (const feature of features) {
      expect(
        await catalogsOf(`features/${feature}/index.ts`),
        `${feature}/index.ts exports no catalog`,
      ).not.toEqual([]);
    }
    const found = all.map(([name]) => name.split(":")[0]);
    for (const feature of features) expect(found).toContain(`features/${feature}/messages.ts`);
    expect(found).toEqual(expect.arrayContaining(["platform/i18n/messages.ts", "sandbox/messages.ts"]));
  });

  it("have every message in English and Swedish, rendered, with the same placeholders", () => {
    expect(all.length).toBeGreaterThan(0);
    for (const [name, catalogs] of all) {
      expect(Object.keys(catalogs.sv).sort(), name).toEqual(Object.keys(catalogs.en).sort());
      for (const key of Object.keys(catalogs.en)) {
        const sv = render(catalogs.sv, key);
        render(catalogs.en, key).forEach((en, i) => {
          expect(en.trim(), `${name} ${key}`).not.toBe("");
          expect(sv[i]?.trim(), `${name} ${key}`).not.toBe("");
          expect(placeholders(sv[i] ?? ""), `${name} ${key}`).toEqual(placeholders(en));
        });
      }
    }
  });

  it("use < and > only in Slack's own sequences (<@user>, <#channel>, <!here>, links): Slack reads any other <…> as one", () => {
    const stray = all.flatMap(([name, catalogs]) =>
      (["en", "sv"] as const).flatMap((language) =>
        Object.keys(catalogs[language])
          .filter((key) =>
            render(catalogs[language], key).some((text) =>
              /[<>]/.test(text.replace(/<(?:[@#!]|https?:\/\/|mailto:)[^<>]*>/g, "")),
            ),
          )
          .map((key) => `${name} ${language} ${key}`),
      ),
    );
    expect(stray).toEqual([]);
  });

  it("are really translated: no message reads the same in Swedish", () => {
    // Words that are the same in both: a name, and the badge Slack itself shows in either language.
    const sameInBoth = new Set([
      "sandbox/messages.ts: sandboxMessages ui.slackbot",
      "sandbox/messages.ts: sandboxMessages ui.app.badge",
    ]);
    // A message made of its parameters and punctuation alone ("«team» · «period»") has no words to translate.
    const wordless = (text: string) => !/\p{L}/u.test(text.replace(/«\w+»|\{\w+\}|<[@#!][^>]*>/g, ""));
    const same = all.flatMap(([name, catalogs]) =>
      Object.keys(catalogs.en)
        .filter((key) => {
          const en = render(catalogs.en, key);
          return en.join("\n") === render(catalogs.sv, key).join("\n") && !wordless(en[0] ?? "");
        })
        .map((key) => `${name} ${key}`)
        .filter((message) => !sameInBoth.has(message)),
    );
    expect(same).toEqual([]);
  });
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
