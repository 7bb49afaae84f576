import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  parseCurrency,
  parseEscalationHours,
  parseHolidayCountry,
  parseLocale,
  parseName,
  parseQuotaPeriod,
  parseTimeZone,
  parseWorkWeek,
  settingKeyOf,
  workWeekRuns,
} from "../../src/features/team/rules.js";
import { countryOfZone } from "../../src/platform/time/index.js";

const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : "INVALID");

describe("team settings", () => {
  it("reads work weeks as people write them, in English and Swedish", () => {
    expect(value(parseWorkWeek("mon-fri"))).toEqual([1, 2, 3, 4, 5]);
    expect(value(parseWorkWeek("Mån–Fre"))).toEqual([1, 2, 3, 4, 5]);
    expect(value(parseWorkWeek("sun-thu"))).toEqual([1, 2, 3, 4, 7]);
    expect(value(parseWorkWeek("mon, tue thu"))).toEqual([1, 2, 4]);
    expect(value(parseWorkWeek("1-5"))).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkWeek("weekdays")).toEqual({
      ok: false,
      problem: { key: "team.invalid.workWeek", params: { value: "weekdays" } },
    });
    expect(parseWorkWeek("mon-tue-wed").ok).toBe(false);
    expect(parseWorkWeek("").ok).toBe(false);
  });

  it("groups work days into runs for display", () => {
    expect(workWeekRuns([1, 2, 3, 4, 5])).toEqual([{ from: 1, to: 5 }]);
    expect(workWeekRuns([1, 2, 4, 6, 7])).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 4 },
      { from: 6, to: 7 },
    ]);
  });

  it("accepts IANA time zones in any case and refuses others", () => {
    expect(value(parseTimeZone("europe/stockholm"))).toBe("Europe/Stockholm");
    expect(value(parseTimeZone("UTC"))).toBe("UTC");
    expect(parseTimeZone("Mars/Olympus")).toEqual({
      ok: false,
      problem: { key: "team.invalid.timeZone", params: { value: "Mars/Olympus" } },
    });
    expect(parseTimeZone("").ok).toBe(false);
  });

  it("checks currency codes, holiday countries, languages and periods", () => {
    expect(value(parseCurrency("sek"))).toBe("SEK");
    expect(parseCurrency("kronor").ok).toBe(false);
    expect(value(parseHolidayCountry("se"))).toBe("SE");
    expect(parseHolidayCountry("XX").ok).toBe(false);
    expect(parseHolidayCountry("Sweden").ok).toBe(false);
    expect(value(parseLocale("Svenska"))).toBe("sv");
    expect(value(parseLocale("en-GB"))).toBe("en");
    expect(parseLocale("de").ok).toBe(false);
    expect(value(parseQuotaPeriod("kvartal"))).toBe("quarter");
    expect(parseQuotaPeriod("year").ok).toBe(false);
    expect(value(parseEscalationHours("24"))).toBe(24);
    expect(value(parseEscalationHours("16 timmar"))).toBe(16);
    expect(value(parseEscalationHours("8h"))).toBe(8);
    for (const bad of ["0", "-4", "2.5", "401", "a day"]) expect(parseEscalationHours(bad).ok).toBe(false);
  });

  it("trims names and refuses empty, overlong and markup-breaking ones", () => {
    expect(value(parseName("  Sales   North "))).toBe("Sales North");
    expect(parseName("   ")).toEqual({ ok: false, problem: { key: "team.invalid.nameEmpty" } });
    expect(parseName("x".repeat(81))).toEqual({
      ok: false,
      problem: { key: "team.invalid.nameLong", params: { max: 80 } },
    });
    expect(parseName("<!channel> team").ok).toBe(false);
  });

  it("knows setting names in English and Swedish", () => {
    expect(settingKeyOf("TZ")).toBe("timeZone");
    expect(settingKeyOf("helgdagar")).toBe("holidayCountry");
    expect(settingKeyOf("kanal")).toBe("channel");
    expect(settingKeyOf("colour")).toBeNull();
  });

  const profile = (tz: string | null, locale: string | null) => ({ tz, locale, countryOfZone });

  it("derives defaults from the supervisor's Slack profile", () => {
    expect(defaultSettings("North", profile("Europe/Stockholm", "sv-SE"))).toEqual({
      name: "North",
      timeZone: "Europe/Stockholm",
      locale: "sv",
      currency: "SEK",
      holidayCountry: "SE",
      workWeek: [1, 2, 3, 4, 5],
      quotaPeriod: "month",
      escalationHours: 24,
      policyReminderDays: 3,
    });
    expect(defaultSettings("West", profile("America/Los_Angeles", "en-US"))).toMatchObject({
      timeZone: "America/Los_Angeles",
      locale: "en",
      currency: "USD",
      holidayCountry: "US",
    });
    expect(defaultSettings("London", profile("Europe/London", "en-GB"))).toMatchObject({
      currency: "GBP",
      holidayCountry: "GB",
    });
    expect(defaultSettings("Nowhere", profile(null, null))).toMatchObject({
      timeZone: "UTC",
      locale: "en",
    });
  });

  it("takes the country (holidays, currency) from the time zone when the locale's region says otherwise", () => {
    // Most Swedes run Slack in English (en-US) from Stockholm: their team is still Swedish.
    expect(defaultSettings("North", profile("Europe/Stockholm", "en-US"))).toMatchObject({
      timeZone: "Europe/Stockholm",
      locale: "en",
      currency: "SEK",
      holidayCountry: "SE",
    });
    expect(defaultSettings("Oslo", profile("Europe/Oslo", "en-GB"))).toMatchObject({
      currency: "NOK",
      holidayCountry: "NO",
    });
    // A zone shared by no single country leaves the locale's region to decide.
    expect(defaultSettings("Anywhere", profile("UTC", "en-GB"))).toMatchObject({
      currency: "GBP",
      holidayCountry: "GB",
    });
  });
});
