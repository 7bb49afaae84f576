import { describe, expect, it } from "vitest";
import { paceOf } from "../../src/features/quota/rules.js";
import { elapsedWorkingDays, localDate, periodOf, type WorkCalendar } from "../../src/platform/time/index.js";

const sweden: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "SE" };
const usa: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "US" };

/** Pace of a rep at an instant, as the app computes it: the team's period and working days, then the rule. */
function paceAt(
  at: string,
  zone: string,
  calendar: WorkCalendar,
  totalMinor: number,
  targetMinor: number | null,
  leave: string[] = [],
) {
  const instant = new Date(at);
  const period = periodOf(instant, zone, "month");
  const days = elapsedWorkingDays(calendar, period, instant, zone, { excluded: new Set(leave) });
  return { period, days, pace: paceOf({ targetMinor, totalMinor, days }) };
}

describe("pace", () => {
  it("counts a month with public holidays by its working days: May 2026 in Sweden", () => {
    // May has 21 weekdays; 1 May and Ascension Day (14 May) are off: 19 working days. At 17:00 on Friday
    // 15 May, 9 of them are behind (4-8, 11-13 and 15 May): 9 of 19 is 47.37 % of the month.
    const { days, pace } = paceAt("2026-05-15T15:00:00Z", "Europe/Stockholm", sweden, 4_700_000, 10_000_000);
    // From 17:00 on, today is no longer a day left to sell in: 18-29 May, 10 days.
    expect(days).toEqual({ total: 19, elapsed: 9, remaining: 10, left: 10, todayIncluded: false });
    expect(pace.expected).toBeCloseTo(0.4737, 4);
    // 47 000 kr of 100 000 kr: 47 %, just short of the 47.37 % gone, so on track.
    expect(pace.attainment).toBe(0.47);
    expect(pace.label).toBe("onTrack");
    // 53 000 kr still to sell over the 10 working days left: 5 300 kr a day.
    expect(pace.neededPerDayMinor).toBe(530_000);
    // 47 000 kr in 9 days is 5 222.22 kr a day; over all 19 days that makes 99 222.22 kr.
    expect(pace.projectionMinor).toBe(9_922_222);
    // The same sales a week without holidays later would be behind: the holiday made the month shorter.
    expect(paceAt("2026-05-22T15:00:00Z", "Europe/Stockholm", sweden, 4_700_000, 10_000_000).pace.label).toBe(
      "behind",
    );
  });

  it("takes a rep's approved leave out of their working days, which changes their pace", () => {
    const leave = ["2026-05-18", "2026-05-19", "2026-05-20"];
    const without = paceAt("2026-05-15T15:00:00Z", "Europe/Stockholm", sweden, 4_000_000, 10_000_000);
    const withLeave = paceAt(
      "2026-05-15T15:00:00Z",
      "Europe/Stockholm",
      sweden,
      4_000_000,
      10_000_000,
      leave,
    );
    expect(without.days.total).toBe(19);
    expect(withLeave.days).toEqual({ total: 16, elapsed: 9, remaining: 7, left: 7, todayIncluded: false });
    // 40 % sold: behind either way, and what is left must be sold in 7 working days instead of 10.
    expect(without.pace.label).toBe("behind");
    // 9 of 16 working days behind: 56.25 % of the month.
    expect(withLeave.pace.expected).toBe(0.5625);
    // 60 000 kr left: 6 000 kr a day over 10 days, or 8 571.43 kr (rounded up to the öre) over 7.
    expect(without.pace.neededPerDayMinor).toBe(600_000);
    expect(withLeave.pace.neededPerDayMinor).toBe(857_143);
    // With leave next week, 50 % sold by now is on track; without it, the same 50 % is ahead.
    expect(
      paceAt("2026-05-15T15:00:00Z", "Europe/Stockholm", sweden, 5_600_000, 10_000_000, leave).pace.label,
    ).toBe("onTrack");
    expect(paceAt("2026-05-15T15:00:00Z", "Europe/Stockholm", sweden, 5_600_000, 10_000_000).pace.label).toBe(
      "ahead",
    );
  });

  it("is not thrown by the night the clocks change: Stockholm, 29 March 2026", () => {
    // 08:30 local on Monday 30 March, the day after the change to summer time (UTC+2).
    const { period, days } = paceAt("2026-03-30T06:30:00Z", "Europe/Stockholm", sweden, 0, 1);
    expect(period.key).toBe("2026-03");
    // Before 09:00 nothing of Monday is gone: Monday and Tuesday are the two days left.
    expect(days).toEqual({ total: 22, elapsed: 20, remaining: 2, left: 2, todayIncluded: true });
    // 13:00 local: half of Monday is gone; the same instant a day earlier in winter time would say 12:00.
    expect(paceAt("2026-03-30T11:00:00Z", "Europe/Stockholm", sweden, 0, 1).days.elapsed).toBe(20.5);
  });

  it("puts a sale at 23:30 on the last day of the month in that month, in Stockholm", () => {
    const at = new Date("2026-03-31T21:30:00Z"); // 23:30 in Stockholm, already 1 April in some zones
    expect(localDate(at, "Europe/Stockholm")).toBe("2026-03-31");
    const { period, days, pace } = paceAt(
      at.toISOString(),
      "Europe/Stockholm",
      sweden,
      9_000_000,
      10_000_000,
    );
    expect(period.key).toBe("2026-03");
    expect(days).toEqual({ total: 22, elapsed: 22, remaining: 0, left: 0, todayIncluded: false });
    expect(pace.label).toBe("behind");
    expect(pace.neededPerDayMinor).toBeNull();
  });

  it("puts a sale at 23:30 on the last day of the month in that month, in Los Angeles", () => {
    const at = new Date("2026-04-01T06:30:00Z"); // 23:30 on 31 March in Los Angeles: April in UTC
    expect(localDate(at, "America/Los_Angeles")).toBe("2026-03-31");
    const { period, days, pace } = paceAt(
      at.toISOString(),
      "America/Los_Angeles",
      usa,
      10_000_000,
      10_000_000,
    );
    expect(period.key).toBe("2026-03");
    expect(days.remaining).toBe(0);
    expect(pace).toMatchObject({ attainment: 1, label: "ahead", neededPerDayMinor: 0 });
  });

  it("calls the first morning of a period on track, and a made target ahead", () => {
    const first = paceAt("2026-06-01T06:00:00Z", "Europe/Stockholm", sweden, 0, 10_000_000);
    expect(first.days.elapsed).toBe(0);
    expect(first.pace.label).toBe("onTrack");
    const made = paceAt("2026-06-02T10:00:00Z", "Europe/Stockholm", sweden, 12_000_000, 10_000_000);
    expect(made.pace).toMatchObject({ label: "ahead", neededPerDayMinor: 0 });
  });

  it("has no label or need without a target, but still projects", () => {
    // 10 000 kr in the 9 of May's 19 working days behind: 1 111.11 kr a day, 21 111.11 kr by the end.
    const { pace } = paceAt("2026-05-15T15:00:00Z", "Europe/Stockholm", sweden, 1_000_000, null);
    expect(pace).toMatchObject({
      attainment: null,
      label: null,
      neededPerDayMinor: null,
      projectionMinor: 2_111_111,
    });
  });

  it("does not project from the first morning of a period: too little has passed to say", () => {
    // December 2026 in Sweden: 20 working days (24, 25 and 31 December are off). At 09:30 on Tuesday
    // 1 December, half an hour of the first day is gone (1/16 of a day): 18 500 kr of 130 000 kr.
    const morning = paceAt("2026-12-01T08:30:00Z", "Europe/Stockholm", sweden, 1_850_000, 13_000_000);
    expect(morning.days).toEqual({
      total: 20,
      elapsed: 0.0625,
      remaining: 19.9375,
      left: 20,
      todayIncluded: true,
    });
    expect(morning.pace.projectionMinor).toBeNull();
    // 111 500 kr over the 20 working days left, today included: 5 575 kr a day.
    expect(morning.pace.neededPerDayMinor).toBe(557_500);
    // At 17:00 on Thursday 3 December three whole days are behind (15 % of the month): now it says.
    const thursday = paceAt("2026-12-03T16:00:00Z", "Europe/Stockholm", sweden, 1_850_000, 13_000_000);
    expect(thursday.days).toMatchObject({ elapsed: 3, left: 17, todayIncluded: false });
    // 18 500 kr in 3 days is 6 166.67 kr a day: 123 333.33 kr over 20.
    expect(thursday.pace.projectionMinor).toBe(12_333_333);
    // The same at 17:00 on Wednesday, two days in: still too early.
    expect(
      paceAt("2026-12-02T16:00:00Z", "Europe/Stockholm", sweden, 1_850_000, 13_000_000).pace.projectionMinor,
    ).toBeNull();
  });
});
