import { describe, expect, it } from "vitest";
import {
  addDays,
  type ElapsedOptions,
  eachDate,
  elapsedWorkingDays,
  instantOfWallTime,
  isLocalDate,
  isoWeekday,
  isWorkingDay,
  localDate,
  nextPeriod,
  type Period,
  periodByKey,
  periodOf,
  periodOfDate,
  previousPeriod,
  publicHolidays,
  startOfLocalDate,
  type WorkCalendar,
  workingDays,
  workingHoursBetween,
} from "../../src/platform/time/index.js";

const STOCKHOLM = "Europe/Stockholm";
const LOS_ANGELES = "America/Los_Angeles";
const sweden: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "SE" };
const usa: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "US" };
const at = (iso: string): Date => new Date(iso);

function mustPeriod(key: string, zone: string): Period {
  const period = periodByKey(key, zone);
  if (!period) throw new Error(`no period ${key}`);
  return period;
}

describe("local dates", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-03-29", 0)).toBe("2026-03-29");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  });

  it("lists dates inclusively and nothing for a reversed range", () => {
    expect(eachDate("2026-03-28", "2026-03-31")).toEqual([
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
      "2026-03-31",
    ]);
    expect(eachDate("2026-03-28", "2026-03-28")).toEqual(["2026-03-28"]);
    expect(eachDate("2026-03-31", "2026-03-28")).toEqual([]);
  });

  it("numbers weekdays the ISO way", () => {
    expect(isoWeekday("2026-05-11")).toBe(1); // Monday
    expect(isoWeekday("2026-05-14")).toBe(4); // Ascension Day, a Thursday
    expect(isoWeekday("2026-06-06")).toBe(6); // Swedish National Day, a Saturday
    expect(isoWeekday("2026-03-29")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
    expect(isoWeekday("1969-12-29")).toBe(1);
  });

  it("refuses what is not a calendar date", () => {
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("2026-3-1")).toBe(false);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-01", 0.5)).toThrow(RangeError);
  });
});

describe("localDate and startOfLocalDate", () => {
  it("gives the date in the zone, not in UTC", () => {
    // 23:30 on 31 March in Los Angeles is already 1 April in UTC.
    expect(localDate(at("2026-04-01T06:30:00Z"), LOS_ANGELES)).toBe("2026-03-31");
    expect(localDate(at("2026-04-01T06:30:00Z"), "UTC")).toBe("2026-04-01");
    // 00:30 on 1 May in Stockholm is still 30 April in UTC.
    expect(localDate(at("2026-04-30T22:30:00Z"), STOCKHOLM)).toBe("2026-05-01");
    expect(localDate(at("2026-04-30T22:30:00Z"), "UTC")).toBe("2026-04-30");
  });

  it("handles the Stockholm spring-forward day (23 hours)", () => {
    expect(startOfLocalDate("2026-03-29", STOCKHOLM).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDate("2026-03-30", STOCKHOLM).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(localDate(at("2026-03-29T00:59:59Z"), STOCKHOLM)).toBe("2026-03-29"); // 01:59:59 CET
    expect(localDate(at("2026-03-29T01:00:00Z"), STOCKHOLM)).toBe("2026-03-29"); // 03:00 CEST
    expect(localDate(at("2026-03-29T21:59:59Z"), STOCKHOLM)).toBe("2026-03-29");
    expect(localDate(at("2026-03-29T22:00:00Z"), STOCKHOLM)).toBe("2026-03-30");
  });

  it("handles the Stockholm fall-back day (25 hours)", () => {
    expect(startOfLocalDate("2026-10-25", STOCKHOLM).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfLocalDate("2026-10-26", STOCKHOLM).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(localDate(at("2026-10-25T22:59:59Z"), STOCKHOLM)).toBe("2026-10-25");
    expect(localDate(at("2026-10-25T23:00:00Z"), STOCKHOLM)).toBe("2026-10-26");
  });

  it("handles the Los Angeles DST days", () => {
    expect(startOfLocalDate("2026-03-08", LOS_ANGELES).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfLocalDate("2026-03-09", LOS_ANGELES).toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(startOfLocalDate("2026-11-01", LOS_ANGELES).toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(startOfLocalDate("2026-11-02", LOS_ANGELES).toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(localDate(at("2026-11-02T07:59:59Z"), LOS_ANGELES)).toBe("2026-11-01");
  });

  it("starts a day whose midnight is skipped at the transition", () => {
    // Havana springs forward at midnight: 00:00 CST becomes 01:00 CDT.
    expect(startOfLocalDate("2026-03-08", "America/Havana").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    // Santiago too, in September.
    expect(startOfLocalDate("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("starts a day whose midnight happens twice at the first one", () => {
    // Havana falls back at 01:00 CDT to 00:00 CST: midnight at 04:00Z and again at 05:00Z.
    expect(startOfLocalDate("2026-11-01", "America/Havana").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    // Santiago falls back at midnight to 23:00 the day before, so the day begins at the later midnight.
    expect(startOfLocalDate("2026-04-05", "America/Santiago").toISOString()).toBe("2026-04-05T04:00:00.000Z");
  });

  it("round-trips every day of 2026 in both zones", () => {
    for (const zone of [STOCKHOLM, LOS_ANGELES]) {
      for (const date of eachDate("2026-01-01", "2026-12-31")) {
        const start = startOfLocalDate(date, zone);
        expect(localDate(start, zone)).toBe(date);
        expect(localDate(new Date(start.getTime() - 1), zone)).toBe(addDays(date, -1));
      }
    }
  });
});

describe("periods", () => {
  it("gives the month with its instants in the zone", () => {
    const march = periodOf(at("2026-03-15T12:00:00Z"), STOCKHOLM, "month");
    expect(march).toEqual({
      kind: "month",
      key: "2026-03",
      start: "2026-03-01",
      end: "2026-03-31",
      startsAt: at("2026-02-28T23:00:00Z"),
      endsAt: at("2026-03-31T22:00:00Z"), // April begins in summer time
    });
  });

  it("counts a 23:30 check-in on the last day of the month in Stockholm in that month", () => {
    const checkIn = at("2026-03-31T21:30:00Z"); // 23:30 CEST
    expect(periodOf(checkIn, STOCKHOLM, "month").key).toBe("2026-03");
    expect(periodOf(checkIn, STOCKHOLM, "quarter").key).toBe("2026-Q1");
    // October ends in winter time: 23:30 CET on the 31st is 22:30Z.
    const october = at("2026-10-31T22:30:00Z");
    expect(periodOf(october, STOCKHOLM, "month").key).toBe("2026-10");
    expect(periodOf(october, "UTC", "month").key).toBe("2026-10");
    // And the reverse: 00:30 on 1 May in Stockholm is May, although UTC still says April.
    const earlyMay = at("2026-04-30T22:30:00Z");
    expect(periodOf(earlyMay, STOCKHOLM, "month").key).toBe("2026-05");
    expect(periodOf(earlyMay, "UTC", "month").key).toBe("2026-04");
  });

  it("counts a 23:30 check-in on the last day of the month in Los Angeles in that month", () => {
    const checkIn = at("2026-04-01T06:30:00Z"); // 23:30 PDT on 31 March
    expect(periodOf(checkIn, LOS_ANGELES, "month").key).toBe("2026-03");
    expect(periodOf(checkIn, "UTC", "month").key).toBe("2026-04");
    // The last day of October 2026 is the day before LA falls back.
    const october = at("2026-11-01T06:30:00Z"); // 23:30 PDT on 31 October
    expect(periodOf(october, LOS_ANGELES, "month").key).toBe("2026-10");
    expect(periodOf(october, "UTC", "month").key).toBe("2026-11");
    // New Year's Eve: month, quarter and ISO week all still 2026.
    const newYearsEve = at("2027-01-01T07:30:00Z"); // 23:30 PST on 31 December
    expect(periodOf(newYearsEve, LOS_ANGELES, "month").key).toBe("2026-12");
    expect(periodOf(newYearsEve, LOS_ANGELES, "quarter").key).toBe("2026-Q4");
    expect(periodOf(newYearsEve, LOS_ANGELES, "week").key).toBe("2026-W53");
  });

  it("bounds a period exactly: the last millisecond in, endsAt out", () => {
    const november = periodByKey("2026-11", LOS_ANGELES);
    expect(november?.startsAt).toEqual(at("2026-11-01T07:00:00Z")); // midnight PDT, the DST day
    expect(november?.endsAt).toEqual(at("2026-12-01T08:00:00Z")); // midnight PST
    const march = mustPeriod("2026-03", STOCKHOLM);
    expect(periodOf(new Date(march.endsAt.getTime() - 1), STOCKHOLM, "month").key).toBe("2026-03");
    expect(periodOf(march.endsAt, STOCKHOLM, "month").key).toBe("2026-04");
    expect(periodOf(march.startsAt, STOCKHOLM, "month").key).toBe("2026-03");
    expect(periodOf(new Date(march.startsAt.getTime() - 1), STOCKHOLM, "month").key).toBe("2026-02");
  });

  it("gives a week with a DST change its real length", () => {
    const week = periodOf(at("2026-03-25T12:00:00Z"), STOCKHOLM, "week");
    expect(week.key).toBe("2026-W13");
    expect([week.start, week.end]).toEqual(["2026-03-23", "2026-03-29"]);
    expect(week.startsAt).toEqual(at("2026-03-22T23:00:00Z"));
    expect(week.endsAt).toEqual(at("2026-03-29T22:00:00Z"));
    expect(week.endsAt.getTime() - week.startsAt.getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });

  it("follows ISO week-years, including week 53 of 2026", () => {
    expect(periodOfDate("2026-01-01", STOCKHOLM, "week")).toMatchObject({
      key: "2026-W01",
      start: "2025-12-29",
      end: "2026-01-04",
    });
    expect(periodOfDate("2025-12-29", STOCKHOLM, "week").key).toBe("2026-W01");
    expect(periodOfDate("2026-12-28", STOCKHOLM, "week")).toMatchObject({
      key: "2026-W53",
      start: "2026-12-28",
      end: "2027-01-03",
    });
    expect(periodOfDate("2027-01-03", STOCKHOLM, "week").key).toBe("2026-W53");
    expect(periodOfDate("2027-01-04", STOCKHOLM, "week").key).toBe("2027-W01");
    expect(periodOfDate("2026-03-02", STOCKHOLM, "week").key).toBe("2026-W10");
  });

  it("gives quarters and their boundaries", () => {
    expect(periodOfDate("2026-03-31", STOCKHOLM, "quarter")).toMatchObject({
      key: "2026-Q1",
      start: "2026-01-01",
      end: "2026-03-31",
    });
    expect(periodOfDate("2026-04-01", STOCKHOLM, "quarter")).toMatchObject({
      key: "2026-Q2",
      start: "2026-04-01",
      end: "2026-06-30",
    });
    expect(periodOfDate("2026-12-31", STOCKHOLM, "quarter")).toMatchObject({
      key: "2026-Q4",
      start: "2026-10-01",
      end: "2026-12-31",
    });
    const q1 = mustPeriod("2026-Q1", LOS_ANGELES);
    expect(q1.startsAt).toEqual(at("2026-01-01T08:00:00Z"));
    expect(q1.endsAt).toEqual(at("2026-04-01T07:00:00Z")); // summer time by then
  });

  it("finds periods by key and refuses keys that name none", () => {
    expect(periodByKey("2026-05", STOCKHOLM)).toMatchObject({
      kind: "month",
      start: "2026-05-01",
      end: "2026-05-31",
    });
    expect(periodByKey("2028-02", STOCKHOLM)?.end).toBe("2028-02-29");
    expect(periodByKey("2026-Q3", STOCKHOLM)).toMatchObject({
      kind: "quarter",
      start: "2026-07-01",
      end: "2026-09-30",
    });
    expect(periodByKey("2026-W53", STOCKHOLM)).toMatchObject({
      kind: "week",
      start: "2026-12-28",
      end: "2027-01-03",
    });
    expect(periodByKey("2020-W53", STOCKHOLM)?.start).toBe("2020-12-28");
    expect(periodByKey("2026-W01", STOCKHOLM)?.start).toBe("2025-12-29");
    for (const bad of [
      "2025-W53",
      "2026-W00",
      "2026-W54",
      "2026-Q0",
      "2026-Q5",
      "2026-00",
      "2026-13",
      "2026-3",
      "march",
    ]) {
      expect(periodByKey(bad, STOCKHOLM), bad).toBeNull();
    }
  });

  it("steps to the previous and next period of the same kind", () => {
    const january = mustPeriod("2026-01", STOCKHOLM);
    expect(previousPeriod(january, STOCKHOLM).key).toBe("2025-12");
    expect(nextPeriod(january, STOCKHOLM).key).toBe("2026-02");
    const q4 = mustPeriod("2026-Q4", STOCKHOLM);
    expect(nextPeriod(q4, STOCKHOLM)).toMatchObject({ key: "2027-Q1", start: "2027-01-01" });
    expect(previousPeriod(mustPeriod("2026-Q1", STOCKHOLM), STOCKHOLM)).toMatchObject({
      key: "2025-Q4",
      start: "2025-10-01",
      end: "2025-12-31",
    });
    const w53 = mustPeriod("2026-W53", STOCKHOLM);
    expect(nextPeriod(w53, STOCKHOLM).key).toBe("2027-W01");
    expect(previousPeriod(w53, STOCKHOLM).key).toBe("2026-W52");
    expect(previousPeriod(mustPeriod("2026-W01", STOCKHOLM), STOCKHOLM).key).toBe("2025-W52");
  });
});

describe("public holidays (date-holidays)", () => {
  it("lists exactly the Swedish public holidays of 2026", () => {
    expect([...publicHolidays("SE", 2026)].sort()).toEqual([
      "2026-01-01", // nyårsdagen
      "2026-01-06", // trettondedag jul
      "2026-04-03", // långfredagen
      "2026-04-05", // påskdagen
      "2026-04-06", // annandag påsk
      "2026-05-01", // första maj
      "2026-05-14", // Kristi himmelsfärdsdag
      "2026-05-24", // pingstdagen
      "2026-06-06", // nationaldagen (a Saturday)
      "2026-06-19", // midsommarafton ("bank": offices close)
      "2026-06-20", // midsommardagen (a Saturday)
      "2026-10-31", // alla helgons dag
      "2026-12-24", // julafton ("bank")
      "2026-12-25", // juldagen
      "2026-12-26", // annandag jul
      "2026-12-31", // nyårsafton ("bank")
    ]);
  });

  it("keeps what date-holidays types optional or observance in Sweden as working days", () => {
    const holidays = publicHolidays("SE", 2026);
    expect(holidays.has("2026-04-30")).toBe(false); // valborgsmässoafton: "optional"
    expect(holidays.has("2026-05-25")).toBe(false); // annandag pingst: "observance" since 2005
  });

  it("knows the US observed Independence Day and leaves out observances", () => {
    const holidays = publicHolidays("US", 2026);
    expect(holidays.has("2026-07-03")).toBe(true); // the 4th is a Saturday; date-holidays: "substitute day"
    expect(holidays.has("2026-07-04")).toBe(true);
    expect(holidays.has("2026-11-26")).toBe(true); // Thanksgiving
    expect(holidays.has("2026-11-27")).toBe(false); // day after Thanksgiving: an observance nationally
    expect(holidays.has("2026-02-14")).toBe(false); // Valentine's Day
    expect(holidays.size).toBe(12);
  });

  it("adds a region's own holidays", () => {
    expect(publicHolidays("US", 2026, "CA").has("2026-03-31")).toBe(true); // César Chávez Day
    expect(publicHolidays("US", 2026, "CA").has("2026-11-27")).toBe(true);
    expect(publicHolidays("US", 2026).has("2026-03-31")).toBe(false);
    expect(publicHolidays("DE", 2026, "BY").has("2026-01-06")).toBe(true); // Heilige Drei Könige
    expect(publicHolidays("DE", 2026).has("2026-01-06")).toBe(false);
    expect(publicHolidays("DE", 2026, "BY/A").has("2026-08-08")).toBe(true); // Augsburger Friedensfest
  });

  it("counts every day of a holiday that spans several days", () => {
    // Montenegro's Ramazanski bajram comes from date-holidays as one entry of three days.
    const holidays = publicHolidays("ME", 2026);
    expect(["2026-03-20", "2026-03-21", "2026-03-22"].map((date) => holidays.has(date))).toEqual([
      true,
      true,
      true,
    ]);
    expect(holidays.has("2026-03-23")).toBe(false);
  });

  it("caches per country, region and year", () => {
    expect(publicHolidays("SE", 2026)).toBe(publicHolidays("se", 2026));
    expect(publicHolidays("SE", 2027)).not.toBe(publicHolidays("SE", 2026));
    expect(publicHolidays("SE", 2027).has("2027-05-06")).toBe(true); // Ascension Day 2027
  });

  it("refuses a country or region it does not know instead of returning no holidays", () => {
    expect(() => publicHolidays("XX", 2026)).toThrow(RangeError);
    expect(() => publicHolidays("US", 2026, "ZZ")).toThrow(RangeError);
  });
});

describe("working days", () => {
  it("leaves out weekends and public holidays: May 2026 in Sweden", () => {
    const days = workingDays(sweden, "2026-05-01", "2026-05-31");
    expect(days).toHaveLength(19); // 21 weekdays less 1 May and Ascension Day
    expect(days).not.toContain("2026-05-01");
    expect(days).not.toContain("2026-05-14");
    expect(days).not.toContain("2026-05-16"); // a Saturday
    expect(days).toContain("2026-05-25"); // Whit Monday is not a public holiday in Sweden
    expect(days[0]).toBe("2026-05-04");
    expect(days.at(-1)).toBe("2026-05-29");
  });

  it("takes Midsummer Eve off (date-holidays types it bank): June 2026 in Sweden", () => {
    const days = workingDays(sweden, "2026-06-01", "2026-06-30");
    expect(days).toHaveLength(21); // National Day and Midsummer Day fall on a Saturday; Midsummer Eve is off
    expect(days).not.toContain("2026-06-19");
  });

  it("leaves out the observed Independence Day: July 2026 in the US", () => {
    const days = workingDays(usa, "2026-07-01", "2026-07-31");
    expect(days).toHaveLength(22);
    expect(days).not.toContain("2026-07-03");
    expect(days.slice(0, 3)).toEqual(["2026-07-01", "2026-07-02", "2026-07-06"]);
  });

  it("follows the team's work week", () => {
    const fourDays: WorkCalendar = { workWeek: [1, 2, 3, 4], holidayCountry: "SE" };
    expect(workingDays(fourDays, "2026-05-01", "2026-05-31")).toHaveLength(15);
    const sundayToThursday: WorkCalendar = { workWeek: [7, 1, 2, 3, 4], holidayCountry: "US" };
    expect(workingDays(sundayToThursday, "2026-03-01", "2026-03-31")).toHaveLength(23);
    expect(isWorkingDay(sundayToThursday, "2026-03-08")).toBe(true);
    expect(isWorkingDay(sundayToThursday, "2026-03-06")).toBe(false);
  });

  it("leaves out a rep's leave days, once each", () => {
    const leave = new Set(["2026-05-18", "2026-05-19", "2026-05-20", "2026-05-14", "2026-05-23"]);
    const days = workingDays(sweden, "2026-05-01", "2026-05-31", { excluded: leave });
    // Three working days of leave; the holiday and the Saturday were not working days anyway.
    expect(days).toHaveLength(16);
    expect(days).not.toContain("2026-05-19");
    expect(isWorkingDay(sweden, "2026-05-19", { excluded: leave })).toBe(false);
    expect(isWorkingDay(sweden, "2026-05-19")).toBe(true);
  });

  it("uses each year's holidays when a range crosses New Year", () => {
    const days = workingDays(sweden, "2026-12-28", "2027-01-08");
    expect(days).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30", // New Year's Eve (31st) is off, New Year's Day (1st) is a holiday
      "2027-01-04",
      "2027-01-05",
      "2027-01-07",
      "2027-01-08",
    ]);
  });
});

describe("elapsed working days (pace)", () => {
  const may = mustPeriod("2026-05", STOCKHOLM);
  const elapsedAt = (iso: string, options: ElapsedOptions = {}) =>
    elapsedWorkingDays(sweden, may, at(iso), STOCKHOLM, options);

  it("counts today in proportion to the hours between 09:00 and 17:00 local", () => {
    // Tuesday 12 May; six working days (4-8 and 11 May) lie behind.
    // Days left, as people count them: the 13 working days from today (12 May) on, today included.
    expect(elapsedAt("2026-05-12T06:00:00Z")).toEqual({
      total: 19,
      elapsed: 6,
      remaining: 13,
      left: 13,
      todayIncluded: true,
    }); // 08:00
    expect(elapsedAt("2026-05-12T07:00:00Z").elapsed).toBe(6); // 09:00
    expect(elapsedAt("2026-05-12T09:00:00Z").elapsed).toBe(6.25); // 11:00
    expect(elapsedAt("2026-05-12T11:00:00Z")).toEqual({
      total: 19,
      elapsed: 6.5,
      remaining: 12.5,
      left: 13,
      todayIncluded: true,
    }); // 13:00: half of today is gone, but today is still a day to sell in
    expect(elapsedAt("2026-05-12T15:00:00Z").elapsed).toBe(7); // 17:00
    // From 17:00 today no longer counts as a day left: 13 May onwards, 12 days.
    expect(elapsedAt("2026-05-12T15:00:00Z").left).toBe(12);
    expect(elapsedAt("2026-05-12T15:00:00Z").todayIncluded).toBe(false);
    expect(elapsedAt("2026-05-12T21:59:59Z").elapsed).toBe(7); // 23:59:59
    expect(elapsedAt("2026-05-12T22:00:00Z").elapsed).toBe(7); // midnight: no jump
    expect(elapsedAt("2026-05-13T07:00:00Z").elapsed).toBe(7); // 09:00 next day
  });

  it("adds nothing on a public holiday", () => {
    // Ascension Day (Thursday 14 May) is no working day: 11 days are left, today not among them.
    expect(elapsedAt("2026-05-14T10:00:00Z")).toEqual({
      total: 19,
      elapsed: 8,
      remaining: 11,
      left: 11,
      todayIncluded: false,
    });
    expect(elapsedAt("2026-05-14T20:00:00Z").elapsed).toBe(8);
  });

  it("takes other work hours", () => {
    expect(elapsedAt("2026-05-12T10:00:00Z", { workHours: { start: 8, end: 16 } }).elapsed).toBe(6.5); // 12:00
    expect(elapsedAt("2026-05-12T05:30:00Z", { workHours: { start: 7.5, end: 15.5 } }).elapsed).toBe(6); // 07:30
    expect(() => elapsedAt("2026-05-12T10:00:00Z", { workHours: { start: 17, end: 9 } })).toThrow(RangeError);
  });

  it("is all to go before the period and all gone after it", () => {
    expect(elapsedAt("2026-04-30T12:00:00Z")).toEqual({
      total: 19,
      elapsed: 0,
      remaining: 19,
      left: 19,
      todayIncluded: false,
    });
    expect(elapsedAt("2026-06-01T10:00:00Z")).toEqual({
      total: 19,
      elapsed: 19,
      remaining: 0,
      left: 0,
      todayIncluded: false,
    });
  });

  it("leaves a rep's leave out of both the total and the elapsed days", () => {
    const leave = new Set(["2026-05-11", "2026-05-12"]);
    // 13:00 on 12 May, on leave: only 4-8 May count as behind.
    expect(elapsedAt("2026-05-12T11:00:00Z", { excluded: leave })).toEqual({
      total: 17,
      elapsed: 5,
      remaining: 12,
      left: 12,
      todayIncluded: false,
    });
    expect(elapsedAt("2026-05-13T11:00:00Z", { excluded: leave })).toEqual({
      total: 17,
      elapsed: 5.5,
      remaining: 11.5,
      left: 12,
      todayIncluded: true,
    });
  });

  it("measures a DST day by the wall clock", () => {
    const sundayToThursday: WorkCalendar = { workWeek: [7, 1, 2, 3, 4], holidayCountry: "US" };
    const march = mustPeriod("2026-03", LOS_ANGELES);
    // 13:00 PDT on Sunday 8 March, the day LA springs forward; 1-5 March were five working days.
    expect(elapsedWorkingDays(sundayToThursday, march, at("2026-03-08T20:00:00Z"), LOS_ANGELES)).toEqual({
      total: 23,
      elapsed: 5.5,
      remaining: 17.5,
      left: 18,
      todayIncluded: true,
    });
    const everyDay: WorkCalendar = { workWeek: [1, 2, 3, 4, 5, 6, 7], holidayCountry: "SE" };
    const stockholmMarch = mustPeriod("2026-03", STOCKHOLM);
    // 13:00 CEST on 29 March, the day Stockholm springs forward.
    expect(elapsedWorkingDays(everyDay, stockholmMarch, at("2026-03-29T11:00:00Z"), STOCKHOLM).elapsed).toBe(
      28.5,
    );
    // 13:00 CET on 25 October, the day Stockholm falls back.
    const october = mustPeriod("2026-10", STOCKHOLM);
    expect(elapsedWorkingDays(everyDay, october, at("2026-10-25T12:00:00Z"), STOCKHOLM).elapsed).toBe(24.5);
  });

  it("has the whole month elapsed at a 23:30 check-in on its last day", () => {
    const march = mustPeriod("2026-03", LOS_ANGELES);
    const checkIn = at("2026-04-01T06:30:00Z"); // 23:30 PDT on Tuesday 31 March
    expect(elapsedWorkingDays(usa, march, checkIn, LOS_ANGELES)).toEqual({
      total: 22,
      elapsed: 22,
      remaining: 0,
      left: 0,
      todayIncluded: false,
    });
    const stockholmMarch = mustPeriod("2026-03", STOCKHOLM);
    const stockholmCheckIn = at("2026-03-31T21:30:00Z"); // 23:30 CEST
    expect(elapsedWorkingDays(sweden, stockholmMarch, stockholmCheckIn, STOCKHOLM)).toEqual({
      total: 22,
      elapsed: 22,
      remaining: 0,
      left: 0,
      todayIncluded: false,
    });
  });
});

describe("working hours between two instants (escalation follow-up)", () => {
  const hoursBetween = (from: string, to: string) =>
    workingHoursBetween(sweden, "Europe/Stockholm", at(from), at(to));

  it("counts only the work hours of working days", () => {
    // Monday 1 June 2026, 10:00 to 15:30 in Stockholm (UTC+2).
    expect(hoursBetween("2026-06-01T08:00:00Z", "2026-06-01T13:30:00Z")).toBe(5.5);
    // Monday 10:00 to Tuesday 10:00: 7 hours on Monday, 1 on Tuesday.
    expect(hoursBetween("2026-06-01T08:00:00Z", "2026-06-02T08:00:00Z")).toBe(8);
    // Raised at night: the clock starts at 09:00.
    expect(hoursBetween("2026-06-01T21:00:00Z", "2026-06-02T08:00:00Z")).toBe(1);
    expect(hoursBetween("2026-06-02T08:00:00Z", "2026-06-01T08:00:00Z")).toBe(0);
  });

  it("skips a weekend and a public holiday", () => {
    // Friday 5 June 16:00 to Monday 8 June 10:00: one hour on Friday, one on Monday.
    expect(hoursBetween("2026-06-05T14:00:00Z", "2026-06-08T08:00:00Z")).toBe(2);
    // Wednesday 13 May 15:00 to Friday 15 May 11:00: Thursday 14 May is Ascension Day.
    expect(hoursBetween("2026-05-13T13:00:00Z", "2026-05-15T09:00:00Z")).toBe(4);
  });

  it("keeps wall-clock hours across a change to summer time", () => {
    // Friday 27 March 2026 09:00 (UTC+1) to Monday 30 March 09:00 (UTC+2): one working day.
    expect(hoursBetween("2026-03-27T08:00:00Z", "2026-03-30T07:00:00Z")).toBe(8);
  });
});

describe("the instant of a wall time", () => {
  it("is the first of two in a fall-back overlap, and the first after a spring-forward gap", () => {
    expect(instantOfWallTime("2026-06-01", 9, 30, STOCKHOLM)).toEqual({
      at: at("2026-06-01T07:30:00Z"),
      gap: false,
    });
    // 02:30 happens twice on 25 October 2026 in Stockholm: the first, still in summer time.
    expect(instantOfWallTime("2026-10-25", 2, 30, STOCKHOLM)).toEqual({
      at: at("2026-10-25T00:30:00Z"),
      gap: false,
    });
    // 02:30 does not happen on 29 March 2026: the day goes on at 03:00 summer time.
    expect(instantOfWallTime("2026-03-29", 2, 30, STOCKHOLM)).toEqual({
      at: at("2026-03-29T01:00:00Z"),
      gap: true,
    });
    expect(instantOfWallTime("2026-03-08", 2, 15, LOS_ANGELES)).toEqual({
      at: at("2026-03-08T10:00:00Z"),
      gap: true,
    });
  });
});
