import { describe, expect, it } from "vitest";
import {
  type Allowance,
  BACKDATED_TYPES,
  balanceOf,
  halfDaysAsNumber,
  halfDaysByLeaveYear,
  LEAVE_TYPES,
  type LeaveSpan,
  leaveHalfDays,
  leaveYearOf,
  previousLeaveYear,
  spanProblems,
} from "../../src/features/leave/rules.js";
import { type WorkCalendar, workingDays } from "../../src/platform/time/index.js";

const sweden: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "SE" };
/** Israel works Sunday to Thursday. (The UAE moved to Monday-Friday in 2022, so it is not the example.) */
const israel: WorkCalendar = { workWeek: [7, 1, 2, 3, 4], holidayCountry: "IL" };

const span = (start: string, end: string, halfDayStart = false, halfDayEnd = false): LeaveSpan => ({
  start,
  end,
  halfDayStart,
  halfDayEnd,
});

describe("leave types", () => {
  it("lets only sick leave and child care start in the past", () => {
    expect(LEAVE_TYPES.filter((type) => BACKDATED_TYPES.has(type))).toEqual(["sick", "childCare"]);
  });
});

describe("leaveHalfDays", () => {
  it("does not count Midsummer Eve in Sweden", () => {
    // June 2026: Mon 15 - Fri 19. Midsummer Eve is Fri 19 June, a day off in Sweden (date-holidays: bank
    // holiday); Midsummer Day is Sat 20. Working: Mon 15, Tue 16, Wed 17, Thu 18 = 4 days = 8 half days.
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-19"))).toBe(8);
    // A half day on Midsummer Eve changes nothing; one on Monday takes a morning off.
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-19", false, true))).toBe(8);
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-19", true, false))).toBe(7);
  });

  it("does not count the Swedish Christmas and New Year days off", () => {
    // Mon 21 Dec 2026 - Fri 1 Jan 2027:
    //   Mon 21, Tue 22, Wed 23        working
    //   Thu 24 Christmas Eve, Fri 25 Christmas Day, Sat 26 Boxing Day, Sun 27   off
    //   Mon 28, Tue 29, Wed 30        working
    //   Thu 31 New Year's Eve, Fri 1 Jan New Year's Day   off
    // = 6 working days = 12 half days.
    expect(workingDays(sweden, "2026-12-21", "2027-01-01")).toEqual([
      "2026-12-21",
      "2026-12-22",
      "2026-12-23",
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
    ]);
    expect(leaveHalfDays(sweden, span("2026-12-21", "2027-01-01"))).toBe(12);
  });

  it("takes a half day off at the start and at the end", () => {
    // Mon 15 - Wed 17 June 2026, no holidays: 3 days = 6 half days.
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-17"))).toBe(6);
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-17", true, false))).toBe(5);
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-17", false, true))).toBe(5);
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-17", true, true))).toBe(4);
    // Two days, each a half: Mon afternoon + Tue morning = 2 half days.
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-16", true, true))).toBe(2);
  });

  it("counts a single day with a half day as 1, never less", () => {
    // Tue 16 June 2026, a working day.
    expect(leaveHalfDays(sweden, span("2026-06-16", "2026-06-16"))).toBe(2);
    expect(leaveHalfDays(sweden, span("2026-06-16", "2026-06-16", true, false))).toBe(1);
    expect(leaveHalfDays(sweden, span("2026-06-16", "2026-06-16", false, true))).toBe(1);
    expect(leaveHalfDays(sweden, span("2026-06-16", "2026-06-16", true, true))).toBe(1);
  });

  it("lets a half day on a day off change nothing", () => {
    // Sat 20 June 2026 (Midsummer Day) and Fri 19 June (Midsummer Eve): nothing to take.
    expect(leaveHalfDays(sweden, span("2026-06-20", "2026-06-20", true, false))).toBe(0);
    expect(leaveHalfDays(sweden, span("2026-06-19", "2026-06-19", false, true))).toBe(0);
    // Sat 13 - Wed 17 June: the half day is on Saturday, so Mon 15 - Wed 17 still count whole = 6.
    expect(leaveHalfDays(sweden, span("2026-06-13", "2026-06-17", true, false))).toBe(6);
    // Mon 15 - Sun 21 June: the half day is on Sunday; Mon 15 - Thu 18 = 4 days = 8.
    expect(leaveHalfDays(sweden, span("2026-06-15", "2026-06-21", false, true))).toBe(8);
  });

  it("counts nothing for a span that ends before it starts", () => {
    expect(leaveHalfDays(sweden, span("2026-06-17", "2026-06-15"))).toBe(0);
  });

  it("counts a Sunday-Thursday work week", () => {
    // Israel, Sun 8 - Sat 21 November 2026: no Israeli holidays in November 2026 (the autumn holidays end
    // with Simchat Torah on Sat 3 October). Working: Sun 8, Mon 9, Tue 10, Wed 11, Thu 12; Fri 13 and Sat 14
    // off; Sun 15, Mon 16, Tue 17, Wed 18, Thu 19; Fri 20, Sat 21 off = 10 days = 20 half days.
    expect(leaveHalfDays(israel, span("2026-11-08", "2026-11-21"))).toBe(20);
    // One week, Sun 8 - Sat 14: 5 days. Sunday is a working day, so a half day there counts; Saturday is not.
    expect(leaveHalfDays(israel, span("2026-11-08", "2026-11-14"))).toBe(10);
    expect(leaveHalfDays(israel, span("2026-11-08", "2026-11-14", true, true))).toBe(9);
    // The same dates in Sweden's Monday-Friday week: Mon 9 - Fri 13 = 5 days, but half days on Sun and Sat
    // change nothing there.
    expect(leaveHalfDays(sweden, span("2026-11-08", "2026-11-14", true, true))).toBe(10);
    // Yom Kippur, Mon 21 September 2026, is a day off: Sun 20 - Sat 26 Sep = Sun 20, Tue 22, Wed 23,
    // Thu 24 = 4 days = 8 half days (Sukkot's first day, Sat 26, is on the weekend anyway).
    expect(leaveHalfDays(israel, span("2026-09-20", "2026-09-26"))).toBe(8);
  });

  it("counts local dates, so a DST change inside the leave changes nothing", () => {
    // Sweden, Fri 23 Oct - Tue 3 Nov 2026; summer time ends Sun 25 Oct (a 25-hour day). All Saints' Day
    // is Sat 31 Oct 2026, so no weekday is a holiday. Working: Fri 23; Mon 26, Tue 27, Wed 28, Thu 29,
    // Fri 30; Mon 2, Tue 3 Nov = 8 days = 16 half days.
    expect(leaveHalfDays(sweden, span("2026-10-23", "2026-11-03"))).toBe(16);
  });
});

describe("halfDaysAsNumber", () => {
  it("turns half days into days", () => {
    expect(halfDaysAsNumber(5)).toBe(2.5);
    expect(halfDaysAsNumber(8)).toBe(4);
    expect(halfDaysAsNumber(0)).toBe(0);
    expect(halfDaysAsNumber(-3)).toBe(-1.5);
  });
});

describe("leave years", () => {
  it("follows the calendar year when the leave year starts in January", () => {
    const year = { key: 2026, start: "2026-01-01", end: "2026-12-31" };
    expect(leaveYearOf("2026-03-31", 1)).toEqual(year);
    expect(leaveYearOf("2026-04-01", 1)).toEqual(year);
    expect(leaveYearOf("2026-01-01", 1)).toEqual(year);
    expect(leaveYearOf("2026-12-31", 1)).toEqual(year);
    expect(previousLeaveYear(year, 1)).toEqual({ key: 2025, start: "2025-01-01", end: "2025-12-31" });
  });

  it("starts an April leave year on 1 April, keyed by the year it starts in", () => {
    // March 2026 still belongs to the leave year that began 1 April 2025.
    expect(leaveYearOf("2026-03-31", 4)).toEqual({ key: 2025, start: "2025-04-01", end: "2026-03-31" });
    expect(leaveYearOf("2026-03-01", 4)).toEqual({ key: 2025, start: "2025-04-01", end: "2026-03-31" });
    const april = leaveYearOf("2026-04-01", 4);
    expect(april).toEqual({ key: 2026, start: "2026-04-01", end: "2027-03-31" });
    expect(previousLeaveYear(april, 4)).toEqual({ key: 2025, start: "2025-04-01", end: "2026-03-31" });
  });

  it("ends a leave year that starts in March on a leap day when there is one", () => {
    expect(leaveYearOf("2028-02-29", 3)).toEqual({ key: 2027, start: "2027-03-01", end: "2028-02-29" });
    expect(leaveYearOf("2027-02-28", 3)).toEqual({ key: 2026, start: "2026-03-01", end: "2027-02-28" });
  });

  it("refuses a month that is not 1-12 and a date that is not one", () => {
    expect(() => leaveYearOf("2026-03-31", 0)).toThrow(RangeError);
    expect(() => leaveYearOf("2026-03-31", 13)).toThrow(RangeError);
    expect(() => leaveYearOf("2026-03-31", 4.5)).toThrow(RangeError);
    expect(() => leaveYearOf("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("halfDaysByLeaveYear", () => {
  it("splits a leave across New Year", () => {
    // Sweden, Mon 28 Dec 2026 - Fri 8 Jan 2027, leave year = calendar year.
    // 2026: Mon 28, Tue 29, Wed 30 (Thu 31 New Year's Eve off) = 3 days = 6 half days.
    // 2027: Fri 1 New Year's Day off; Mon 4, Tue 5; Wed 6 Epiphany off; Thu 7, Fri 8 = 4 days = 8 half days.
    const y2026 = { key: 2026, start: "2026-01-01", end: "2026-12-31" };
    const y2027 = { key: 2027, start: "2027-01-01", end: "2027-12-31" };
    expect(halfDaysByLeaveYear(sweden, span("2026-12-28", "2027-01-08"), 1)).toEqual([
      { year: y2026, halfDays: 6 },
      { year: y2027, halfDays: 8 },
    ]);
    // Half days only at the real ends: Mon 28 Dec and Fri 8 Jan, not at 31 Dec / 1 Jan. 5 + 7 = 12 =
    // the whole span.
    const halves = span("2026-12-28", "2027-01-08", true, true);
    expect(halfDaysByLeaveYear(sweden, halves, 1)).toEqual([
      { year: y2026, halfDays: 5 },
      { year: y2027, halfDays: 7 },
    ]);
    expect(leaveHalfDays(sweden, halves)).toBe(12);
  });

  it("lists a year the leave touches only on days off, with 0", () => {
    // Thu 31 Dec 2026 (New Year's Eve) - Mon 4 Jan 2027: 2026 has nothing; 2027 has Mon 4 = 2 half days.
    expect(halfDaysByLeaveYear(sweden, span("2026-12-31", "2027-01-04", true, false), 1)).toEqual([
      { year: { key: 2026, start: "2026-01-01", end: "2026-12-31" }, halfDays: 0 },
      { year: { key: 2027, start: "2027-01-01", end: "2027-12-31" }, halfDays: 2 },
    ]);
  });

  it("splits at 1 April for an April leave year", () => {
    // Sweden, Mon 23 Mar - Fri 10 Apr 2026, half day on Fri 10 Apr.
    // Leave year 2025 (to 31 Mar): Mon 23 - Fri 27, Mon 30, Tue 31 = 7 days = 14 half days.
    // Leave year 2026: Wed 1, Thu 2 (Maundy Thursday is a working day); Fri 3 Good Friday, Sat 4, Sun 5
    // Easter Day, Mon 6 Easter Monday off; Tue 7, Wed 8, Thu 9, Fri 10 = 6 days = 12 half days, minus the
    // half day on Friday = 11.
    expect(halfDaysByLeaveYear(sweden, span("2026-03-23", "2026-04-10", false, true), 4)).toEqual([
      { year: { key: 2025, start: "2025-04-01", end: "2026-03-31" }, halfDays: 14 },
      { year: { key: 2026, start: "2026-04-01", end: "2027-03-31" }, halfDays: 11 },
    ]);
    // The same leave with a January leave year is all in 2026: 14 + 11 = 25.
    expect(halfDaysByLeaveYear(sweden, span("2026-03-23", "2026-04-10", false, true), 1)).toEqual([
      { year: { key: 2026, start: "2026-01-01", end: "2026-12-31" }, halfDays: 25 },
    ]);
  });

  it("keeps a single-day leave on the last day of a leave year in that year", () => {
    // Tue 31 Mar 2026, a half day: 1 half day in leave year 2025 (April leave year).
    expect(halfDaysByLeaveYear(sweden, span("2026-03-31", "2026-03-31", true, false), 4)).toEqual([
      { year: { key: 2025, start: "2025-04-01", end: "2026-03-31" }, halfDays: 1 },
    ]);
  });

  it("gives nothing for a span that ends before it starts", () => {
    expect(halfDaysByLeaveYear(sweden, span("2027-01-08", "2026-12-28"), 1)).toEqual([]);
  });
});

describe("spanProblems", () => {
  // Wed 10 June 2026.
  const today = "2026-06-10";
  const request = (
    overrides: Partial<Parameters<typeof spanProblems>[0]> = {},
  ): Parameters<typeof spanProblems>[0] => ({
    type: "vacation",
    start: "2026-06-15",
    end: "2026-06-17",
    halfDayStart: false,
    halfDayEnd: false,
    ...overrides,
  });

  it("finds nothing wrong with a good request", () => {
    expect(spanProblems(request(), today, sweden)).toEqual({});
    // Starting today is not the past.
    expect(spanProblems(request({ start: today }), today, sweden)).toEqual({});
    // A single working day with both half-day flags still takes 1 half day.
    expect(
      spanProblems(
        request({ start: "2026-06-16", end: "2026-06-16", halfDayStart: true, halfDayEnd: true }),
        today,
        sweden,
      ),
    ).toEqual({});
  });

  it("asks for what is missing", () => {
    expect(spanProblems(request({ type: null }), today, sweden)).toEqual({
      type: "leave.invalid.typeMissing",
    });
    expect(spanProblems(request({ start: null }), today, sweden)).toEqual({
      start: "leave.invalid.startMissing",
    });
    expect(spanProblems(request({ end: null }), today, sweden)).toEqual({ end: "leave.invalid.endMissing" });
    expect(spanProblems(request({ type: null, start: null, end: null }), today, sweden)).toEqual({
      type: "leave.invalid.typeMissing",
      start: "leave.invalid.startMissing",
      end: "leave.invalid.endMissing",
    });
    // What is not a calendar date is as good as missing.
    expect(spanProblems(request({ start: "2026-02-30" }), today, sweden)).toEqual({
      start: "leave.invalid.startMissing",
    });
  });

  it("refuses an end before the start", () => {
    expect(spanProblems(request({ start: "2026-06-17", end: "2026-06-15" }), today, sweden)).toEqual({
      end: "leave.invalid.endBeforeStart",
    });
  });

  it("lets sick leave and child care start in the past, not vacation", () => {
    // Mon 8 - Wed 10 June: started two days ago.
    const past = { start: "2026-06-08", end: "2026-06-10" };
    expect(spanProblems(request({ ...past, type: "sick" }), today, sweden)).toEqual({});
    expect(spanProblems(request({ ...past, type: "childCare" }), today, sweden)).toEqual({});
    for (const type of ["vacation", "parental", "other"] as const) {
      expect(spanProblems(request({ ...past, type }), today, sweden)).toEqual({
        start: "leave.invalid.startPast",
      });
    }
    // Without a type it is not said: it may turn out to be sick leave.
    expect(spanProblems(request({ ...past, type: null }), today, sweden)).toEqual({
      type: "leave.invalid.typeMissing",
    });
    // Past and reversed: both fields are told.
    expect(spanProblems(request({ start: "2026-06-09", end: "2026-06-08" }), today, sweden)).toEqual({
      start: "leave.invalid.startPast",
      end: "leave.invalid.endBeforeStart",
    });
  });

  it("refuses a leave longer than the limit", () => {
    // Default 366 days: 15 Jun 2026 - 15 Jun 2027 is 366 days (no 29 February between), 16 Jun is 367.
    expect(spanProblems(request({ end: "2027-06-15" }), today, sweden)).toEqual({});
    expect(spanProblems(request({ end: "2027-06-16" }), today, sweden)).toEqual({
      end: "leave.invalid.tooLong",
    });
    // 30 days: 15 Jun - 14 Jul is 30 days, 15 Jul is 31.
    expect(spanProblems(request({ end: "2026-07-14" }), today, sweden, { maxDays: 30 })).toEqual({});
    expect(spanProblems(request({ end: "2026-07-15" }), today, sweden, { maxDays: 30 })).toEqual({
      end: "leave.invalid.tooLong",
    });
    expect(() => spanProblems(request(), today, sweden, { maxDays: 0 })).toThrow(RangeError);
  });

  it("refuses a leave with no working time, once all else is right", () => {
    // Sat 20 - Sun 21 June 2026: a weekend.
    expect(spanProblems(request({ start: "2026-06-20", end: "2026-06-21" }), today, sweden)).toEqual({
      end: "leave.invalid.noWorkingDays",
    });
    // Fri 19 June 2026, Midsummer Eve; and Fri 19 - Sun 21, Midsummer Eve and the weekend.
    expect(spanProblems(request({ start: "2026-06-19", end: "2026-06-19" }), today, sweden)).toEqual({
      end: "leave.invalid.noWorkingDays",
    });
    expect(spanProblems(request({ start: "2026-06-19", end: "2026-06-21" }), today, sweden)).toEqual({
      end: "leave.invalid.noWorkingDays",
    });
    // Not checked while something else is wrong.
    expect(
      spanProblems(request({ type: null, start: "2026-06-20", end: "2026-06-21" }), today, sweden),
    ).toEqual({ type: "leave.invalid.typeMissing" });
    expect(spanProblems(request({ start: "2026-06-06", end: "2026-06-07" }), today, sweden)).toEqual({
      start: "leave.invalid.startPast",
    });
  });
});

describe("balanceOf", () => {
  const year = { key: 2026, start: "2026-01-01", end: "2026-12-31" };
  const allowance = (overrides: Partial<Allowance> = {}): Allowance => ({
    daysPerYear: 25,
    startMonth: 1,
    carryOverCap: null,
    since: "2024-01-01",
    ...overrides,
  });

  it("subtracts what is used and what is pending", () => {
    // 25 days = 50; used 10.5 days = 21; pending 2 days = 4.
    // Balance 50 - 21 = 29 (14.5 days); available 29 - 4 = 25 (12.5 days).
    const balance = balanceOf(allowance(), year, {
      usedHalfDays: 21,
      pendingHalfDays: 4,
      usedLastYearHalfDays: 0,
    });
    expect(balance).toEqual({
      allowanceHalfDays: 50,
      carriedHalfDays: 0,
      usedHalfDays: 21,
      pendingHalfDays: 4,
      balanceHalfDays: 29,
      availableHalfDays: 25,
    });
    expect(halfDaysAsNumber(balance.balanceHalfDays)).toBe(14.5);
    expect(halfDaysAsNumber(balance.availableHalfDays)).toBe(12.5);
  });

  it("carries over what was left last year, up to the cap", () => {
    // Last year 17 of 25 days used: 8 unused, capped at 5 days = 10 half days.
    // Balance 50 + 10 - 21 = 39 (19.5 days); available 39 - 4 = 35.
    const usage = { usedHalfDays: 21, pendingHalfDays: 4, usedLastYearHalfDays: 34 };
    expect(balanceOf(allowance({ carryOverCap: 5 }), year, usage)).toMatchObject({
      carriedHalfDays: 10,
      balanceHalfDays: 39,
      availableHalfDays: 35,
    });
    // Under the cap: 8 unused, cap 10 -> all 8 days = 16 half days carry.
    expect(balanceOf(allowance({ carryOverCap: 10 }), year, usage).carriedHalfDays).toBe(16);
    // Overdrawn last year: nothing carries, nothing is taken away.
    expect(
      balanceOf(allowance({ carryOverCap: 5 }), year, { ...usage, usedLastYearHalfDays: 60 }).carriedHalfDays,
    ).toBe(0);
  });

  it("carries nothing without a cap", () => {
    const usage = { usedHalfDays: 0, pendingHalfDays: 0, usedLastYearHalfDays: 34 };
    expect(balanceOf(allowance({ carryOverCap: null }), year, usage).carriedHalfDays).toBe(0);
    expect(balanceOf(allowance({ carryOverCap: 0 }), year, usage).carriedHalfDays).toBe(0);
  });

  it("carries nothing when the allowance began during last year", () => {
    const usage = { usedHalfDays: 0, pendingHalfDays: 0, usedLastYearHalfDays: 0 };
    // Began 1 Jul 2025, inside the 2025 leave year: nothing carries into 2026.
    expect(balanceOf(allowance({ carryOverCap: 5, since: "2025-07-01" }), year, usage)).toMatchObject({
      carriedHalfDays: 0,
      balanceHalfDays: 50,
    });
    // Began on the first day of last year: it existed all year, so 5 days carry.
    expect(balanceOf(allowance({ carryOverCap: 5, since: "2025-01-01" }), year, usage).carriedHalfDays).toBe(
      10,
    );
  });

  it("uses the allowance's own leave year for last year", () => {
    // April leave year 2026 (1 Apr 2026 - 31 Mar 2027): last year began 1 Apr 2025. An allowance since
    // 1 Apr 2025 existed all of it; one since 2 Apr 2025 did not.
    const april = { key: 2026, start: "2026-04-01", end: "2027-03-31" };
    const usage = { usedHalfDays: 0, pendingHalfDays: 0, usedLastYearHalfDays: 40 };
    const base = { startMonth: 4, carryOverCap: 5 };
    // 25 days - 20 used = 5 unused, cap 5: 10 half days.
    expect(balanceOf(allowance({ ...base, since: "2025-04-01" }), april, usage).carriedHalfDays).toBe(10);
    expect(balanceOf(allowance({ ...base, since: "2025-04-02" }), april, usage).carriedHalfDays).toBe(0);
  });

  it("shows an overdrawn balance as negative", () => {
    // 25 days = 50, used 48, pending 6: balance 2, available -4.
    expect(
      balanceOf(allowance(), year, { usedHalfDays: 48, pendingHalfDays: 6, usedLastYearHalfDays: 0 }),
    ).toMatchObject({ balanceHalfDays: 2, availableHalfDays: -4 });
  });
});
