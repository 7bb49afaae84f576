import { describe, expect, it } from "vitest";
import { parseCoachCommand } from "../../src/features/coaching/command.js";
import {
  nextOpenReview,
  parseActions,
  reviewDay,
  reviewDueNow,
  validateReviewDates,
} from "../../src/features/coaching/rules.js";
import type { WorkCalendar } from "../../src/platform/time/index.js";

const sweden: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "SE" };

describe("review dates in the form", () => {
  const today = "2026-06-01";

  it("takes the first alone, and later ones in order", () => {
    expect(validateReviewDates(["2026-06-15", null, null, null], today)).toEqual({
      ok: true,
      dates: ["2026-06-15"],
    });
    expect(validateReviewDates(["2026-06-15", "2026-06-29", null, "2026-07-13"], today)).toEqual({
      ok: true,
      dates: ["2026-06-15", "2026-06-29", "2026-07-13"],
    });
  });

  it("wants a first review, after today, and each after the one before", () => {
    expect(validateReviewDates([null, "2026-06-15", null, null], today)).toEqual({
      ok: false,
      errors: { review1: { key: "coaching.error.reviewMissing" } },
    });
    expect(validateReviewDates([today, null, null, null], today)).toEqual({
      ok: false,
      errors: { review1: { key: "coaching.error.reviewPast" } },
    });
    expect(validateReviewDates(["2026-05-20", null, null, null], today)).toMatchObject({
      errors: { review1: { key: "coaching.error.reviewPast" } },
    });
    expect(validateReviewDates(["2026-06-15", "2026-06-15", "2026-06-10", null], today)).toEqual({
      ok: false,
      errors: {
        review2: { key: "coaching.error.reviewOrder" },
        review3: { key: "coaching.error.reviewOrder" },
      },
    });
  });
});

describe("when a review is DM'd", () => {
  it("on its own working day, from 09:00 to before 17:00", () => {
    // Monday 15 June 2026.
    expect(reviewDueNow(sweden, "2026-06-15", "2026-06-14", 12)).toBe(false);
    expect(reviewDueNow(sweden, "2026-06-15", "2026-06-15", 8)).toBe(false);
    expect(reviewDueNow(sweden, "2026-06-15", "2026-06-15", 9)).toBe(true);
    expect(reviewDueNow(sweden, "2026-06-15", "2026-06-15", 16)).toBe(true);
    expect(reviewDueNow(sweden, "2026-06-15", "2026-06-15", 17)).toBe(false);
    // Missed (the app was down): the next working morning still sends it.
    expect(reviewDueNow(sweden, "2026-06-15", "2026-06-16", 9)).toBe(true);
  });

  it("a review on a weekend waits for Monday", () => {
    // Saturday 6 June 2026 (also Sweden's National Day).
    expect(reviewDay(sweden, "2026-06-06")).toBe("2026-06-08");
    expect(reviewDueNow(sweden, "2026-06-06", "2026-06-06", 10)).toBe(false);
    expect(reviewDueNow(sweden, "2026-06-06", "2026-06-07", 10)).toBe(false);
    expect(reviewDueNow(sweden, "2026-06-06", "2026-06-08", 9)).toBe(true);
  });

  it("a review on a weekday public holiday waits for the next working day", () => {
    // Ascension Day, Thursday 14 May 2026.
    expect(reviewDay(sweden, "2026-05-14")).toBe("2026-05-15");
    expect(reviewDueNow(sweden, "2026-05-14", "2026-05-14", 10)).toBe(false);
    expect(reviewDueNow(sweden, "2026-05-14", "2026-05-15", 10)).toBe(true);
    // Christmas Eve and Day 2026 are Thursday and Friday: Monday 28 December.
    expect(reviewDay(sweden, "2026-12-24")).toBe("2026-12-28");
  });

  it("for a rep in no team: Monday to Friday", () => {
    expect(reviewDueNow(null, "2026-06-06", "2026-06-06", 10)).toBe(false);
    expect(reviewDueNow(null, "2026-06-06", "2026-06-08", 10)).toBe(true);
  });
});

describe("the next open review", () => {
  it("is the earliest not recorded", () => {
    const reviews = [
      { id: 3, date: "2026-07-13", progress: null },
      { id: 1, date: "2026-06-15", progress: "onTrack" as const },
      { id: 2, date: "2026-06-29", progress: null },
    ];
    expect(nextOpenReview(reviews)?.id).toBe(2);
    expect(nextOpenReview(reviews.map((r) => ({ ...r, progress: "done" as const })))).toBeNull();
  });
});

describe("agreed actions and the command", () => {
  it("reads one action a line, without list marks or blank lines", () => {
    expect(
      parseActions("- Call two lost customers a week\n\n2. Shadow Bo on a demo\n  • Weekly pipeline review "),
    ).toEqual(["Call two lost customers a week", "Shadow Bo on a demo", "Weekly pipeline review"]);
  });

  it("reads /coach in English and Swedish", () => {
    expect(parseCoachCommand("")).toEqual({ kind: "form", repId: null });
    expect(parseCoachCommand("<@U123|alice>")).toEqual({ kind: "form", repId: "U123" });
    expect(parseCoachCommand("show <@U123|alice>")).toEqual({ kind: "show", repId: "U123" });
    expect(parseCoachCommand("visa <@U123>")).toEqual({ kind: "show", repId: "U123" });
    expect(parseCoachCommand("mina")).toEqual({ kind: "mine" });
    expect(parseCoachCommand("lista")).toEqual({ kind: "list" });
    expect(parseCoachCommand("hjälp")).toEqual({ kind: "help" });
    expect(parseCoachCommand("banana")).toEqual({ kind: "unknown", word: "banana" });
    expect(parseCoachCommand("show alice")).toEqual({ kind: "unknown", word: "alice" });
  });
});
