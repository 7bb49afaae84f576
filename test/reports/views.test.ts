import { describe, expect, it } from "vitest";
import type { PolicyStanding } from "../../src/features/policies/index.js";
import type { ReportReader, ReportScope } from "../../src/features/reports/kinds.js";
import { reportMessages } from "../../src/features/reports/messages.js";
import { monthPeriod } from "../../src/features/reports/period.js";
import { type PolicyData, policyReport } from "../../src/features/reports/policy.js";
import {
  type ProductivityData,
  type ProductivityRow,
  type ProductivityTeam,
  productivityReport,
} from "../../src/features/reports/productivity.js";
import { renderChart } from "../../src/features/reports/render.js";
import type { Team } from "../../src/features/team/index.js";
import { translatorIn } from "../../src/platform/slack/index.js";
import { validateMessageBlocks } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";

/**
 * The productivity report's message and chart for teams of every size: always a valid message of at most
 * 50 blocks (with the meeting line above it), long teams summarized with a pointer to the CSV; the chart a
 * PNG whose size follows from its bars alone, the same bytes every time.
 */
const period = monthPeriod(2026, 10);
const days = { total: 22, elapsed: 22, remaining: 0, left: 0, todayIncluded: false };

function team(id: number, reps: number): ProductivityTeam {
  const row = (i: number): ProductivityRow => ({
    teamId: id,
    teamName: `Team ${id}`,
    currency: "SEK",
    repId: `U${id}R${i}`,
    soldMinor: 5_000_000 + i * 10_000,
    targetMinor: 6_000_000,
    attainment: (5_000_000 + i * 10_000) / 6_000_000,
    pace: "behind",
    checkins: 12,
    activeDays: 9,
    standupsAnswered: 3,
    standupsAsked: 4,
    leaveDays: i % 3,
    openEscalations: i % 5 === 0 ? 1 : 0,
    coachingPlans: i % 7 === 0 ? 1 : 0,
  });
  const rows = Array.from({ length: reps }, (_, i) => row(i));
  const sold = rows.reduce((n, r) => n + r.soldMinor, 0);
  return {
    team: { id, name: `Team ${id} with a rather long name for a sales team`, currency: "SEK" } as Team,
    total: {
      repId: null,
      sales: { totalMinor: sold, count: reps * 12, activeDays: 0 },
      targetMinor: reps * 6_000_000,
      days,
      pace: {
        attainment: sold / (reps * 6_000_000),
        expected: 1,
        label: "behind",
        projectionMinor: null,
        neededPerDayMinor: null,
      },
      leaveDays: 0,
    },
    days: { total: 22, elapsed: 22 },
    reps: rows,
    products: Array.from({ length: 30 }, (_, i) => ({
      name: `Product ${i}`,
      totalMinor: 100_000 * (30 - i),
      count: 30 - i,
    })),
  };
}

const reader = (language: "en" | "sv"): ReportReader => ({
  t: translatorIn(reportMessages, language),
  nameOf: (id) => `Rep ${id} Someone-With-A-Long-Double-Barrelled-Name`,
  timeZone: "Europe/Stockholm",
});
const scope = (teams: ProductivityTeam[]): ReportScope => ({
  workspaceId: "T1",
  teams: teams.map((t) => ({ team: t.team, supervisorIds: [], repIds: t.reps.map((r) => r.repId) })),
  period,
  at: new Date("2026-11-10T09:00:00Z"),
  requestedBy: "U0ASKER",
});

describe("the productivity report's message", () => {
  for (const [what, teams] of [
    ["one team of 3 reps", [team(1, 3)]],
    ["one team of 1 000 reps", [team(1, 1000)]],
    ["6 teams of 60 reps", Array.from({ length: 6 }, (_, i) => team(i + 1, 60))],
    ["50 teams of 20 reps", Array.from({ length: 50 }, (_, i) => team(i + 1, 20))],
    ["400 teams of 2 reps", Array.from({ length: 400 }, (_, i) => team(i + 1, 2))],
  ] as const) {
    it(`${what}: valid, at most 50 blocks with the meeting line, in both languages`, () => {
      for (const language of ["en", "sv"] as const) {
        const data: ProductivityData = { teams: [...teams] };
        const blocks = productivityReport.summary(reader(language), data, scope(data.teams));
        expect(blocks.length).toBeLessThanOrEqual(49);
        expect(
          validateMessageBlocks([{ type: "context", elements: [{ type: "mrkdwn", text: "x" }] }, ...blocks], {
            schema: blockKitSchema,
          }),
        ).toEqual([]);
      }
    });
  }

  it("a long team points to the CSV for the reps that do not fit; many teams are one line each", () => {
    const one = productivityReport.summary(reader("en"), { teams: [team(1, 1000)] }, scope([team(1, 1000)]));
    expect(JSON.stringify(one)).toMatch(/…and \d+ more reps: see the CSV\./);
    const many = Array.from({ length: 1500 }, (_, i) => team(i + 1, 2));
    const blocks = productivityReport.summary(reader("sv"), { teams: many }, scope(many));
    expect(JSON.stringify(blocks)).toContain("1500 team, 3000 säljare: en rad per team här");
    expect(JSON.stringify(blocks)).toMatch(/…och \d+ team till: alla team och säljare finns i CSV-filen\./);
  });

  itChecksTheSchema("the productivity report's message");
});

describe("the productivity report's chart", () => {
  it("a bar per rep up to 40, per team beyond; the PNG's size follows from the bars; the same bytes twice", async () => {
    const size = (png: Uint8Array) => {
      const b = Buffer.from(png);
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    };
    const small = [team(1, 3)];
    const spec = productivityReport.chart(reader("sv"), { teams: small }, scope(small));
    if (!spec) throw new Error("no chart");
    const first = await renderChart(spec);
    const again = await renderChart(spec);
    expect(Buffer.from(first.png).equals(Buffer.from(again.png))).toBe(true);
    // (190 + 560 + 30) x (44 + 3 x 22 + 46) units at twice that.
    expect(size(first.png)).toEqual({ width: 1560, height: 312 });
    expect([first.width, first.height]).toEqual([1560, 312]);
    const many = Array.from({ length: 12 }, (_, i) => team(i + 1, 20));
    const perTeam = productivityReport.chart(reader("en"), { teams: many }, scope(many));
    if (!perTeam) throw new Error("no chart");
    expect(size((await renderChart(perTeam)).png)).toEqual({ width: 1560, height: 2 * (44 + 12 * 22 + 46) });
  });

  it("no chart when nobody has a target, and the message says so", () => {
    const none = team(1, 2);
    none.reps = none.reps.map((r) => ({ ...r, targetMinor: null, attainment: null, pace: null }));
    expect(productivityReport.chart(reader("en"), { teams: [none] }, scope([none]))).toBeNull();
    expect(
      JSON.stringify(productivityReport.summary(reader("en"), { teams: [none] }, scope([none]))),
    ).toContain("No chart: nobody in the report has a target in this period.");
  });
});

/**
 * The policy report's message and chart for any number of policies and reps: a valid message of at most 50
 * blocks with the meeting line, many policies summarized with a pointer to the CSV, long overdue lists cut.
 */
function standing(id: number, reps: number, acknowledged: number, overdue: number): PolicyStanding {
  return {
    id,
    title: `Policy ${id} with a title as long as a policy title sometimes gets in a real workspace`,
    version: 1 + (id % 3),
    effectiveOn: "2026-06-01",
    status: "active",
    publishedBy: "U0EXEC",
    teams: [{ id: 1, name: "Team 1" }],
    reps: Array.from({ length: reps }, (_, i) => ({
      repId: `U${id}R${i}`,
      teamId: 1,
      acknowledgedAt: i < acknowledged ? new Date("2026-06-02T08:00:00Z") : null,
      onLeave: i % 4 === 0,
      remindersSent: i < acknowledged ? 0 : 2,
      overdue: i >= acknowledged && i < acknowledged + overdue,
    })),
  };
}
const policyData = (policies: PolicyStanding[]): PolicyData => ({
  policies,
  zones: new Map([[1, "Europe/Stockholm"]]),
});
const policyScope = (teams: number): ReportScope => ({
  ...scope(Array.from({ length: teams }, (_, i) => team(i + 1, 1))),
  at: new Date("2026-06-10T08:00:00Z"),
});

describe("the policy report's message", () => {
  for (const [what, policies, teams] of [
    ["one policy of 3 reps", [standing(1, 3, 2, 1)], 1],
    ["one policy of 1 000 reps, 600 overdue", [standing(1, 1000, 300, 600)], 1],
    [
      "300 policies of 20 reps in 12 teams",
      Array.from({ length: 300 }, (_, i) => standing(i + 1, 20, i % 21, 3)),
      12,
    ],
  ] as const) {
    it(`${what}: valid, at most 50 blocks with the meeting line, in both languages`, () => {
      for (const language of ["en", "sv"] as const) {
        const blocks = policyReport.summary(reader(language), policyData([...policies]), policyScope(teams));
        expect(blocks.length).toBeLessThanOrEqual(49);
        expect(
          validateMessageBlocks([{ type: "context", elements: [{ type: "mrkdwn", text: "x" }] }, ...blocks], {
            schema: blockKitSchema,
          }),
        ).toEqual([]);
      }
    });
  }

  it("names ten overdue reps and counts the rest; many policies point to the CSV", () => {
    const long = JSON.stringify(
      policyReport.summary(reader("en"), policyData([standing(1, 1000, 300, 600)]), policyScope(1)),
    );
    expect(long).toContain(
      "300 of 1000 acknowledged, 600 overdue: Rep U1R300 Someone-With-A-Long-Double-Barrelled-Name (on leave today), ",
    );
    expect(long).toContain("and 590 more (see the CSV)");
    const many = Array.from({ length: 600 }, (_, i) => standing(i + 1, 20, 10, 3));
    const sv = JSON.stringify(policyReport.summary(reader("sv"), policyData(many), policyScope(12)));
    expect(sv).toMatch(/…och \d+ policyer till: alla policyer och säljare finns i CSV-filen\./);
    expect(sv).toContain("alla 12 team · 600 aktiva policyer");
  });

  it("no active policy: says so, no chart, an empty table", () => {
    const none = policyData([]);
    expect(policyReport.chart(reader("en"), none, policyScope(1))).toBeNull();
    expect(JSON.stringify(policyReport.summary(reader("en"), none, policyScope(1)))).toContain(
      "No active policies for these teams. `/policy` publishes one.",
    );
    expect(policyReport.rows(none)).toEqual([]);
  });

  itChecksTheSchema("the policy report's message");
});

describe("the policy report's chart", () => {
  it("a bar per policy, 0 to 100 %; beyond 40 policies the 40 least acknowledged; the size follows from the bars", async () => {
    const size = (png: Uint8Array) => {
      const b = Buffer.from(png);
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    };
    const three = [standing(1, 3, 3, 0), standing(2, 3, 2, 1), standing(3, 0, 0, 0)];
    const spec = policyReport.chart(reader("sv"), policyData(three), policyScope(1));
    if (!spec) throw new Error("no chart");
    const values = (spec as { data: { values: { share: number }[] } }).data.values;
    // The policy nobody is asked draws no bar.
    expect(values.map((v) => v.share)).toEqual([1, 2 / 3]);
    expect(size((await renderChart(spec)).png)).toEqual({ width: 1560, height: 2 * (44 + 2 * 22 + 46) });
    const many = Array.from({ length: 60 }, (_, i) => standing(i + 1, 10, (i * 7) % 11, 0));
    const lowest = policyReport.chart(reader("en"), policyData(many), policyScope(1));
    if (!lowest) throw new Error("no chart");
    const shares = (lowest as { data: { values: { share: number }[] } }).data.values.map((v) => v.share);
    expect(shares).toHaveLength(40);
    const every = many.map((m) => m.reps.filter((r) => r.acknowledgedAt).length / 10).sort((a, b) => a - b);
    expect([...shares].sort((a, b) => a - b)).toEqual(every.slice(0, 40));
    expect(JSON.stringify(lowest)).toContain("The 40 least acknowledged of 60 policies, as of");
    expect(size((await renderChart(lowest)).png)).toEqual({ width: 1560, height: 2 * (44 + 40 * 22 + 46) });
  });
});
