import { describe, expect, it } from "vitest";
import { parseMeetingCommand } from "../../src/features/meetings/command.js";
import {
  dueReminders,
  instantOf,
  nextOccurrence,
  occurrencesBetween,
  parseCron,
  parseOffsets,
} from "../../src/features/meetings/rules.js";

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

describe("occurrences in the meeting's zone", () => {
  it("Mondays 09:00 in Stockholm are 08:00 UTC in winter and 07:00 UTC after the spring change", () => {
    const found = occurrencesBetween(
      { days: [1], time: "09:00" },
      "Europe/Stockholm",
      at("2026-03-20T00:00Z"),
      at("2026-04-07T00:00Z"),
    );
    expect(found.map((o) => iso(o.at))).toEqual([
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
    expect(found.every((o) => o.gap === null)).toBe(true);
  });

  it("and back to 08:00 UTC after the autumn change (25 October 2026)", () => {
    const found = occurrencesBetween(
      { days: [1], time: "09:00" },
      "Europe/Stockholm",
      at("2026-10-18T00:00Z"),
      at("2026-10-27T00:00Z"),
    );
    expect(found.map((o) => iso(o.at))).toEqual(["2026-10-19T07:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
  });

  it("09:00 in New York follows its own changes (8 March and 1 November 2026)", () => {
    const spec = { cron: "0 9 * * 1-5" };
    const spring = occurrencesBetween(
      spec,
      "America/New_York",
      at("2026-03-06T00:00Z"),
      at("2026-03-10T00:00Z"),
    );
    expect(spring.map((o) => iso(o.at))).toEqual(["2026-03-06T14:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
    const autumn = occurrencesBetween(
      spec,
      "America/New_York",
      at("2026-10-30T00:00Z"),
      at("2026-11-03T00:00Z"),
    );
    expect(autumn.map((o) => iso(o.at))).toEqual(["2026-10-30T13:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });

  it("02:30 on spring-forward Sunday 29 March 2026 in Stockholm is at 03:00 CEST, the first instant after the gap", () => {
    const [first] = occurrencesBetween(
      { days: [7], time: "02:30" },
      "Europe/Stockholm",
      at("2026-03-28T00:00Z"),
      at("2026-03-30T00:00Z"),
    );
    expect(first && iso(first.at)).toBe("2026-03-29T01:00:00.000Z");
    expect(first?.gap).toEqual({ asked: "02:30" });
    expect(instantOf({ year: 2026, month: 3, day: 29 }, 2, 30, "Europe/Stockholm")).toEqual({
      at: at("2026-03-29T01:00:00Z"),
      gap: true,
    });
  });

  it("02:30 on the fall-back day (it happens twice) is the first of the two", () => {
    expect(instantOf({ year: 2026, month: 10, day: 25 }, 2, 30, "Europe/Stockholm")).toEqual({
      at: at("2026-10-25T00:30:00Z"),
      gap: false,
    });
    expect(instantOf({ year: 2026, month: 11, day: 1 }, 1, 30, "America/New_York")).toEqual({
      at: at("2026-11-01T05:30:00Z"),
      gap: false,
    });
  });

  it("finds the next time however far, and a cron's day-of-month or weekday", () => {
    expect(nextOccurrence({ cron: "0 10 1 * *" }, "UTC", at("2026-03-02T00:00Z"))?.at).toEqual(
      at("2026-04-01T10:00Z"),
    );
    expect(parseCron("0 9 * * 1,4")).not.toBeNull();
    expect(parseCron("0 0 9 * * 1")).toBeNull();
    expect(parseCron("61 9 * * 1")).toBeNull();
    expect(parseCron("0 9 * * mon-fri")?.weekdays).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});

describe("reminders due", () => {
  const weekly = { days: [1], time: "09:00" } as const;
  const offsets = [1440, 15];
  const since = at("2026-03-01T00:00Z");
  const zone = "Europe/Stockholm";

  it("the 1-day reminder at 09:00 the day before, the 15-minute one at 08:45", () => {
    expect(dueReminders(weekly, zone, offsets, since, at("2026-03-01T07:59Z"))).toEqual([]);
    const day = dueReminders(weekly, zone, offsets, since, at("2026-03-01T08:00Z"));
    expect(day.map((d) => [iso(d.occurrence.at), d.offset, d.skipped])).toEqual([
      ["2026-03-02T08:00:00.000Z", 1440, []],
    ]);
    const quarter = dueReminders(weekly, zone, offsets, since, at("2026-03-02T07:45Z"));
    expect(quarter.map((d) => [d.offset, d.skipped])).toEqual([[15, [1440]]]);
  });

  it("a missed reminder is due until the meeting starts, and never after", () => {
    expect(dueReminders(weekly, zone, offsets, since, at("2026-03-02T07:59Z")).map((d) => d.offset)).toEqual([
      15,
    ]);
    expect(dueReminders(weekly, zone, offsets, since, at("2026-03-02T08:00Z"))).toEqual([]);
    expect(dueReminders(weekly, zone, offsets, since, at("2026-03-02T08:05Z"))).toEqual([]);
  });

  it("nothing is owed for reminder times before the schedule was set", () => {
    expect(dueReminders(weekly, zone, offsets, at("2026-03-02T07:00Z"), at("2026-03-02T07:30Z"))).toEqual([]);
  });

  it("15 minutes before 02:30 on spring-forward Sunday is 02:45 CET, 15 minutes before 03:00 CEST", () => {
    const gap = { days: [7], time: "02:30" } as const;
    const [due] = dueReminders(gap, zone, [15], since, at("2026-03-29T00:45Z"));
    expect(due && [iso(due.occurrence.at), due.occurrence.gap]).toEqual([
      "2026-03-29T01:00:00.000Z",
      { asked: "02:30" },
    ]);
    expect(dueReminders(gap, zone, [15], since, at("2026-03-29T00:44Z"))).toEqual([]);
  });

  it("New York on its spring-forward Monday: 08:45 EDT", () => {
    const [due] = dueReminders(
      { cron: "0 9 * * 1" },
      "America/New_York",
      [15],
      since,
      at("2026-03-09T12:45Z"),
    );
    expect(due && iso(due.occurrence.at)).toBe("2026-03-09T13:00:00.000Z");
  });
});

describe("what people write", () => {
  it("offsets", () => {
    expect(parseOffsets("1d, 15m")).toEqual({ ok: true, minutes: [1440, 15] });
    expect(parseOffsets("2h 30m")).toEqual({ ok: true, minutes: [150] });
    expect(parseOffsets("soon")).toEqual({ ok: false, problem: "format" });
    expect(parseOffsets("8d")).toEqual({ ok: false, problem: "tooLong" });
    expect(parseOffsets("1m,2m,3m,4m,5m,6m")).toEqual({ ok: false, problem: "tooMany" });
  });

  it("the command, in English and Swedish", () => {
    expect(parseMeetingCommand("")).toEqual({ kind: "list" });
    expect(parseMeetingCommand("lista")).toEqual({ kind: "list" });
    expect(parseMeetingCommand("lägg till")).toEqual({ kind: "add" });
    expect(parseMeetingCommand("edit 3")).toEqual({ kind: "edit", id: 3 });
    expect(parseMeetingCommand("pausa #4")).toEqual({ kind: "pause", id: 4 });
    expect(parseMeetingCommand("ta bort 2")).toEqual({ kind: "delete", id: 2 });
    expect(parseMeetingCommand("edit")).toEqual({ kind: "help" });
  });
});
