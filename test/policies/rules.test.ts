import { describe, expect, it } from "vitest";
import {
  parsePolicyCommand,
  policyProblems,
  reminderDue,
  waitStart,
} from "../../src/features/policies/rules.js";
import type { WorkCalendar } from "../../src/platform/time/index.js";

const sweden: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "SE" };

describe("when a rep is reminded", () => {
  const base = {
    calendar: sweden,
    owedOn: "2026-06-01",
    effectiveOn: "2026-06-01",
    remindersSent: 0,
    lastRemindedOn: null,
    days: 3,
  } as const;

  it("first after the team's working days since it was owed, weekends not counted", () => {
    expect(reminderDue({ ...base, today: "2026-06-03" })).toBe(false);
    expect(reminderDue({ ...base, today: "2026-06-04" })).toBe(true);
    // Owed on a Thursday: Friday and Monday are two working days, Tuesday the third.
    expect(reminderDue({ ...base, owedOn: "2026-06-04", today: "2026-06-08" })).toBe(false);
    expect(reminderDue({ ...base, owedOn: "2026-06-04", today: "2026-06-09" })).toBe(true);
  });

  it("counts from the effective date when it is later, and skips public holidays", () => {
    expect(waitStart("2026-06-01", "2026-06-10")).toBe("2026-06-10");
    expect(reminderDue({ ...base, effectiveOn: "2026-06-10", today: "2026-06-12" })).toBe(false);
    // Midsummer Eve (Friday 19 June 2026) is no working day in Sweden: Thursday, Monday, Tuesday.
    const midsummer = { ...base, owedOn: "2026-06-17", effectiveOn: "2026-06-17" } as const;
    expect(reminderDue({ ...midsummer, today: "2026-06-22" })).toBe(false);
    expect(reminderDue({ ...midsummer, today: "2026-06-23" })).toBe(true);
  });

  it("second the same working days after the first; never a third", () => {
    const after = { ...base, remindersSent: 1, lastRemindedOn: "2026-06-08" } as const;
    expect(reminderDue({ ...after, today: "2026-06-10" })).toBe(false);
    expect(reminderDue({ ...after, today: "2026-06-11" })).toBe(true);
    expect(reminderDue({ ...after, remindersSent: 2, today: "2026-07-30" })).toBe(false);
  });
});

describe("/policy words", () => {
  it("reads English and Swedish, with numbers as 3 or #3", () => {
    expect(parsePolicyCommand("")).toEqual({ kind: "publish" });
    expect(parsePolicyCommand("publicera")).toEqual({ kind: "publish" });
    expect(parsePolicyCommand("status")).toEqual({ kind: "status", policyId: null });
    expect(parsePolicyCommand("status #4")).toEqual({ kind: "status", policyId: 4 });
    expect(parsePolicyCommand("revidera 3")).toEqual({ kind: "revise", policyId: 3 });
    expect(parsePolicyCommand("retire 12")).toEqual({ kind: "retire", policyId: 12 });
    expect(parsePolicyCommand("lista")).toEqual({ kind: "list" });
    expect(parsePolicyCommand("mina")).toEqual({ kind: "mine" });
  });

  it("answers anything else with help", () => {
    expect(parsePolicyCommand("retire three")).toEqual({ kind: "help" });
    expect(parsePolicyCommand("list 3")).toEqual({ kind: "help" });
    expect(parsePolicyCommand("status 3 4")).toEqual({ kind: "help" });
    expect(parsePolicyCommand("please")).toEqual({ kind: "help" });
  });
});

describe("the publish form's checks", () => {
  it("names each field's problem", () => {
    expect(policyProblems({ title: " ", body: "", effectiveOn: null, teamIds: [] }, "2026-06-01")).toEqual({
      title: { key: "policies.error.titleMissing" },
      body: { key: "policies.error.bodyMissing" },
      effective: { key: "policies.error.effectiveMissing" },
      teams: { key: "policies.error.teamsMissing" },
    });
    expect(
      policyProblems(
        { title: "x".repeat(151), body: "ok", effectiveOn: "2027-07-01", teamIds: null },
        "2026-06-01",
      ),
    ).toEqual({
      title: { key: "policies.error.titleLong", params: { max: 150 } },
      effective: { key: "policies.error.effectiveFar" },
    });
    expect(
      policyProblems({ title: "T", body: "B", effectiveOn: "2026-05-01", teamIds: [1] }, "2026-06-01"),
    ).toEqual({});
  });
});
