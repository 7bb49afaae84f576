import { describe, expect, it } from "vitest";
import { parseWarnCommand } from "../../src/features/warnings/command.js";
import {
  addMonths,
  defaultExpiry,
  expiryProblem,
  isActive,
  splitByExpiry,
  suggestLevel,
} from "../../src/features/warnings/rules.js";

const at = (iso: string) => new Date(iso);
const w = (level: "verbal" | "written" | "final", issued: string, expiresOn: string) => ({
  level,
  issuedAt: at(issued),
  expiresOn,
});

describe("the suggested next level", () => {
  const today = "2026-06-01";

  it("is verbal with no warnings, or only expired ones", () => {
    expect(suggestLevel([], today)).toEqual({ level: "verbal", because: "none" });
    expect(suggestLevel([w("written", "2025-01-10T09:00:00Z", "2026-05-31")], today)).toEqual({
      level: "verbal",
      because: "none",
    });
  });

  it("is the step after the highest active level, naming that warning", () => {
    expect(suggestLevel([w("verbal", "2026-03-01T09:00:00Z", "2027-03-01")], today)).toEqual({
      level: "written",
      because: "after",
      after: "verbal",
      issuedAt: at("2026-03-01T09:00:00Z"),
    });
    const written = w("written", "2025-11-03T09:00:00Z", "2026-11-03");
    const laterVerbal = w("verbal", "2026-04-01T09:00:00Z", "2027-04-01");
    expect(suggestLevel([laterVerbal, written], today)).toMatchObject({
      level: "final",
      after: "written",
      issuedAt: written.issuedAt,
    });
  });

  it("names the latest of two active warnings of the highest level", () => {
    const first = w("verbal", "2026-01-01T09:00:00Z", "2027-01-01");
    const second = w("verbal", "2026-05-01T09:00:00Z", "2027-05-01");
    expect(suggestLevel([first, second], today)).toMatchObject({
      level: "written",
      issuedAt: second.issuedAt,
    });
  });

  it("stays at final while a final warning is active", () => {
    expect(suggestLevel([w("final", "2026-02-01T09:00:00Z", "2027-02-01")], today)).toEqual({
      level: "final",
      because: "atFinal",
      issuedAt: at("2026-02-01T09:00:00Z"),
    });
  });

  it("counts a warning on its expiry day and not the day after", () => {
    const warning = w("written", "2025-06-01T09:00:00Z", "2026-06-01");
    expect(isActive(warning, "2026-06-01")).toBe(true);
    expect(isActive(warning, "2026-06-02")).toBe(false);
    expect(suggestLevel([warning], "2026-06-02").level).toBe("verbal");
  });
});

describe("expiry", () => {
  it("defaults to twelve months after today, the month's last day when the day is missing", () => {
    expect(defaultExpiry("2026-06-01")).toBe("2027-06-01");
    expect(defaultExpiry("2028-02-29")).toBe("2029-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });

  it("must be a real date after today and within three years", () => {
    const today = "2026-06-01";
    expect(expiryProblem(null, today)?.key).toBe("warnings.error.expiryMissing");
    expect(expiryProblem("2026-02-30", today)?.key).toBe("warnings.error.expiryMissing");
    expect(expiryProblem("2026-06-01", today)?.key).toBe("warnings.error.expiryPast");
    expect(expiryProblem("2026-06-02", today)).toBeNull();
    expect(expiryProblem("2029-06-01", today)).toBeNull();
    expect(expiryProblem("2029-06-02", today)).toEqual({
      key: "warnings.error.expiryTooFar",
      params: { years: 3 },
    });
  });

  it("splits a history into active and expired, newest first", () => {
    const old = w("verbal", "2024-01-01T09:00:00Z", "2025-01-01");
    const mid = w("written", "2026-01-01T09:00:00Z", "2027-01-01");
    const recent = w("verbal", "2026-05-01T09:00:00Z", "2027-05-01");
    expect(splitByExpiry([old, mid, recent], "2026-06-01")).toEqual({
      active: [recent, mid],
      expired: [old],
    });
  });
});

describe("/warn words", () => {
  it("reads the form, history, mine and help in English and Swedish", () => {
    expect(parseWarnCommand("")).toEqual({ kind: "form", repId: null });
    expect(parseWarnCommand("<@U123|alice>")).toEqual({ kind: "form", repId: "U123" });
    expect(parseWarnCommand("history <@U123|alice>")).toEqual({ kind: "history", repId: "U123" });
    expect(parseWarnCommand("Historik <@U123>")).toEqual({ kind: "history", repId: "U123" });
    expect(parseWarnCommand("history")).toEqual({ kind: "history", repId: null });
    expect(parseWarnCommand("mine")).toEqual({ kind: "mine" });
    expect(parseWarnCommand("mina")).toEqual({ kind: "mine" });
    expect(parseWarnCommand("hjälp")).toEqual({ kind: "help" });
    expect(parseWarnCommand("please warn alice")).toEqual({ kind: "help" });
    expect(parseWarnCommand("history alice")).toEqual({ kind: "help" });
  });
});
