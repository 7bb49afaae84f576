import { describe, expect, it } from "vitest";
import { parseReportCommand } from "../../src/features/reports/command.js";
import { parsePeriod } from "../../src/features/reports/period.js";

/** The periods people write after `/report productivity`, read on Tuesday 10 November 2026. */
const today = "2026-11-10";
const range = (text: string) => {
  const p = parsePeriod(text, today);
  return p ? `${p.key} ${p.start}..${p.end}` : null;
};

describe("report periods", () => {
  it("this month by default, in English and Swedish", () => {
    for (const text of ["", "this month", "denna månad", "den här månaden"])
      expect(range(text)).toBe("2026-11 2026-11-01..2026-11-30");
  });

  it("last month, a month by number or name, across a year's end", () => {
    for (const text of ["last month", "förra månaden", "2026-10", "October", "oktober 2026", "okt"])
      expect(range(text)).toBe("2026-10 2026-10-01..2026-10-31");
    expect(range("2026-02")).toBe("2026-02 2026-02-01..2026-02-28");
    expect(range("2028-2")).toBe("2028-02 2028-02-01..2028-02-29");
    expect(parsePeriod("last month", "2027-01-15")?.key).toBe("2026-12");
  });

  it("quarters: Q3, K3, 2026-Q3, Q3 2026, this and last quarter", () => {
    for (const text of ["Q3", "K3", "2026-Q3", "Q3 2026", "kvartal 3", "last quarter", "förra kvartalet"])
      expect(range(text)).toBe("2026-Q3 2026-07-01..2026-09-30");
    for (const text of ["this quarter", "detta kvartal", "det här kvartalet"])
      expect(range(text)).toBe("2026-Q4 2026-10-01..2026-12-31");
    expect(parsePeriod("last quarter", "2027-02-01")?.key).toBe("2026-Q4");
  });

  it("years: 2026, this year, i år, last year", () => {
    for (const text of ["2026", "this year", "i år"]) expect(range(text)).toBe("2026 2026-01-01..2026-12-31");
    for (const text of ["last year", "förra året", "i fjol"])
      expect(range(text)).toBe("2025 2025-01-01..2025-12-31");
  });

  it("garbage is no period", () => {
    for (const text of ["next week", "2026-13", "Q5", "Q3 2026 2027", "1899", "yesterday", "maj juni"])
      expect(range(text)).toBeNull();
  });
});

describe("/report's words", () => {
  it("help, a kind in either language, or an unknown word", () => {
    expect(parseReportCommand("").kind).toBe("help");
    expect(parseReportCommand("hjälp").kind).toBe("help");
    const en = parseReportCommand("productivity all last month");
    expect(en.kind === "report" && [en.report.name, en.rest]).toEqual(["productivity", "all last month"]);
    const sv = parseReportCommand("Produktivitet alla förra månaden");
    expect(sv.kind === "report" && [sv.report.name, sv.rest]).toEqual(["productivity", "alla förra månaden"]);
    expect(parseReportCommand("sales")).toEqual({ kind: "unknown", word: "sales" });
  });
});
