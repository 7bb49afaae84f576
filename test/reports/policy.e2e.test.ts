import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policies, policyRecipients, policyTeams } from "../../src/features/policies/schema.js";
import type { Harness } from "../support/harness.js";
import { approvedLeave } from "../support/leave.js";
import { csvRows, filesIn, pngSize, reportAs, shown } from "../support/reports.js";
import { dmsOf, startPolicyFloor } from "../support/sales-floor.js";

/**
 * `/report policy` over signed HTTP with the fake Slack. Sales North (Sara, Swedish; reps Alice, Bo and
 * Cecilia; Stockholm, reminders after 3 working days) and Sales South (Olle, English, no reps); Erik an
 * executive, Ada the admin. Seeded by hand: "Discounts over 20%" (version 2, effective Monday 1 June) asked
 * of the three reps on 1 June, Alice and Bo acknowledged, Cecilia reminded once and on approved leave 9-12
 * June; "Expense claims within 30 days" (effective 15 June, North and South) asked on 8 June, only Alice
 * acknowledged; "Old travel rules", retired; "Southern territory" for South alone. Reported on Wednesday
 * 10 June 2026 at 10:00 in Stockholm. Worked out by hand: Cecilia is overdue on the first (seven working
 * days since 1 June, three allowed), nobody on the second (it takes effect on the 15th).
 */
let h: Harness;
let p: Harness["people"];
let workspaceId: string;
let north = 0;
let south = 0;
const ids = { discounts: 0, expenses: 0, southern: 0 };

async function report(userId: string, text: string, channelId = p.channels.north) {
  return reportAs(h, userId, text, channelId);
}

beforeAll(async () => {
  // Monday 1 June 2026.
  ({ h, north, south } = await startPolicyFloor("2026-06-01T07:00:00Z"));
  p = h.people;
  workspaceId = h.fake.world.workspace.teamId;
  await approvedLeave(
    h,
    p.cecilia,
    p.sara,
    p.channels.north,
    { start: "2026-06-09", end: "2026-06-12" },
    "9",
  );

  const db = h.database.db;
  const publish = async (
    title: string,
    values: { version?: number; effectiveOn: string; retired?: true },
  ) => {
    const [row] = await db
      .insert(policies)
      .values({
        workspaceId,
        title,
        body: `${title}: the text.`,
        effectiveOn: values.effectiveOn,
        version: values.version ?? 1,
        status: values.retired ? "retired" : "active",
        publishedBy: p.erik,
        publishedAt: new Date("2026-05-28T08:00:00Z"),
      })
      .returning();
    if (!row) throw new Error("no policy");
    return row.id;
  };
  const old = await publish("Old travel rules", { effectiveOn: "2026-01-01", retired: true });
  ids.discounts = await publish("Discounts over 20%", { version: 2, effectiveOn: "2026-06-01" });
  ids.expenses = await publish("Expense claims within 30 days", { effectiveOn: "2026-06-15" });
  ids.southern = await publish("Southern territory", { effectiveOn: "2026-06-01" });
  await db.insert(policyTeams).values([
    { policyId: old, teamId: north },
    { policyId: ids.discounts, teamId: north },
    { policyId: ids.expenses, teamId: north },
    { policyId: ids.expenses, teamId: south },
    { policyId: ids.southern, teamId: south },
  ]);
  const asked = (
    policyId: number,
    version: number,
    repId: string,
    owedAt: string,
    acknowledgedAt: string | null,
    remindersSent = 0,
  ) => ({
    workspaceId,
    policyId,
    version,
    repId,
    teamId: north,
    owedAt: new Date(owedAt),
    acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt) : null,
    remindersSent,
  });
  await db
    .insert(policyRecipients)
    .values([
      asked(old, 1, p.alice, "2026-01-01T08:00:00Z", null, 2),
      asked(ids.discounts, 1, p.cecilia, "2026-05-20T08:00:00Z", "2026-05-21T08:00:00Z"),
      asked(ids.discounts, 2, p.alice, "2026-06-01T07:00:00Z", "2026-06-02T07:30:00Z"),
      asked(ids.discounts, 2, p.bo, "2026-06-01T07:00:00Z", "2026-06-03T12:05:00Z"),
      asked(ids.discounts, 2, p.cecilia, "2026-06-01T07:00:00Z", null, 1),
      asked(ids.expenses, 1, p.alice, "2026-06-08T07:00:00Z", "2026-06-09T14:00:00Z"),
      asked(ids.expenses, 1, p.bo, "2026-06-08T07:00:00Z", null),
      asked(ids.expenses, 1, p.cecilia, "2026-06-08T07:00:00Z", null),
    ]);
  // Wednesday 10 June 2026, 10:00 in Stockholm.
  h.clock.set("2026-06-10T08:00:00Z");
});

afterAll(async () => {
  await h?.close();
});

/** The reps as policy status orders them (by Slack id), with their names. */
const reps = () =>
  [
    { id: p.alice, name: "Alice Anderson" },
    { id: p.bo, name: "Bo Berg" },
    { id: p.cecilia, name: "Cecilia Carlsson" },
  ].sort((a, b) => a.id.localeCompare(b.id));

describe("/report policy", () => {
  it("Ada (admin, English) gets Sales North's policy report by DM: the numbers, a chart of two bars, the CSV row by row", async () => {
    expect(await report(p.ada, "policy Sales North")).toBe(
      ":hourglass_flowing_sand: Building your policy report as of now (Sales North)… It comes by DM in a moment, with a chart and a CSV.",
    );
    const [message, ...rest] = dmsOf(h, p.ada).filter((m) => !m.files);
    expect(rest).toEqual([]);
    expect(message?.text).toBe("Policy report as of 10 Jun 2026");
    expect(shown(message)).toBe(
      [
        "Policy report as of 10 Jun 2026",
        `Sales North · 2 active policies · asked for by <@${p.ada}>`,
        [
          "*Expense claims within 30 days* · version 1 · effective 15 Jun 2026",
          "1 of 3 acknowledged, 0 overdue",
          "",
          "*Discounts over 20%* · version 2 · effective 1 Jun 2026",
          "2 of 3 acknowledged, 1 overdue: Cecilia Carlsson (on leave today)",
        ].join("\n"),
        "The chart and the full table (CSV, a row per policy and rep) follow.",
      ].join("\n"),
    );

    const files = filesIn(h, p.ada);
    expect(files.map((f) => f.name)).toEqual([
      "policy-sales-north-2026-06-10.png",
      "policy-sales-north-2026-06-10.csv",
    ]);
    const [png, csv] = files;
    // Two bars: (190 + 560 + 30) x (44 + 2 x 22 + 46) units, drawn at twice that.
    expect(pngSize(png?.bytes)).toEqual({ width: 1560, height: 268 });
    const acknowledged: Record<string, Record<number, string>> = {
      [p.alice]: { [ids.discounts]: "2026-06-02 09:30", [ids.expenses]: "2026-06-09 16:00" },
      [p.bo]: { [ids.discounts]: "2026-06-03 14:05" },
    };
    const row = (policyId: number, title: string, version: string, effective: string) =>
      reps().map((r) => [
        title,
        String(policyId),
        version,
        effective,
        "Sales North",
        r.name,
        r.id,
        acknowledged[r.id]?.[policyId] ?? "not yet",
        r.id === p.cecilia ? "yes" : "no",
        policyId === ids.discounts && r.id === p.cecilia ? "1" : "0",
        policyId === ids.discounts && r.id === p.cecilia ? "yes" : "no",
      ]);
    expect(csvRows(csv)).toEqual([
      [
        "Policy",
        "Policy number",
        "Version",
        "Effective from",
        "Team",
        "Rep",
        "Slack user ID",
        "Acknowledged",
        "On leave today",
        "Reminders sent",
        "Overdue",
      ],
      ...row(ids.expenses, "Expense claims within 30 days", "1", "2026-06-15"),
      ...row(ids.discounts, "Discounts over 20%", "2", "2026-06-01"),
    ]);
  });

  it("Sara (supervisor, Swedish) asks in her channel with a period: told it is a snapshot, the report in Swedish", async () => {
    expect(await report(p.sara, "riktlinjer förra månaden")).toBe(
      ":hourglass_flowing_sand: Tar fram din policyrapport som den ser ut nu (Sales North)… Den kommer som DM om en stund, med diagram och CSV. Den visar läget i dag, så ”förra månaden” används inte.",
    );
    const message = dmsOf(h, p.sara)
      .filter((m) => m.text.startsWith("Policyrapport"))
      .at(-1);
    const text = shown(message);
    expect(message?.text).toBe("Policyrapport per 10 juni 2026");
    expect(text).toContain(
      "*Discounts over 20%* · version 2 · gäller från 1 juni 2026\n2 av 3 har bekräftat, 1 försenad: Cecilia Carlsson (ledig i dag)",
    );
    expect(text).toContain("1 av 3 har bekräftat, 0 försenade");
    expect(text).not.toContain("Old travel rules");
    const rows = csvRows(filesIn(h, p.sara).find((f) => f.name.endsWith(".csv")));
    expect(rows[0]).toEqual([
      "Policyns rubrik",
      "Policynummer",
      "Versionsnummer",
      "Gäller från",
      "Säljteam",
      "Säljare",
      "Slack-användar-ID",
      "Bekräftad",
      "Ledig i dag",
      "Påminnelser skickade",
      "Försenad",
    ]);
    expect(rows.filter((r) => r[6] === p.cecilia).map((r) => r.slice(7))).toEqual([
      ["inte än", "ja", "0", "nej"],
      ["inte än", "ja", "1", "ja"],
    ]);
    // A period that is none gets the examples, as for every report (a mistyped team is not taken as "here").
    expect(await report(p.sara, "policy Sales Nort")).toBe(
      "Jag förstod inte ”Sales Nort” som en period. Prova `denna månad`, `förra månaden`, `2026-11`, `november 2026`, `K3`, `detta kvartal` eller `2026`.",
    );
  });

  it("a rep asking is refused privately, and so is another team's supervisor; nothing is sent", async () => {
    expect(await report(p.alice, "policy")).toBe(
      "Reports are for supervisors (about their own teams), executives and admins. Ask your supervisor if you need figures.",
    );
    expect(await report(p.olle, `policy <#${p.channels.north}>`, p.channels.south)).toBe(
      "Only Sales North's supervisors, executives and admins may see reports on Sales North.",
    );
    expect(filesIn(h, p.alice)).toEqual([]);
    expect(filesIn(h, p.olle)).toEqual([]);
  });

  it("Erik (executive) asks for all teams: every active policy, with its teams; South's has nobody to ask", async () => {
    expect(await report(p.erik, "policy alla")).toBe(
      ":hourglass_flowing_sand: Tar fram din policyrapport som den ser ut nu (alla 2 team)… Den kommer som DM om en stund, med diagram och CSV.",
    );
    const text = shown(
      dmsOf(h, p.erik)
        .filter((m) => m.text.startsWith("Policyrapport"))
        .at(-1),
    );
    expect(text).toContain("alla 2 team · 3 aktiva policyer");
    expect(text).toContain(
      "*Southern territory* · version 1 · gäller från 1 juni 2026 · Sales South\nInga säljare i dess team än.",
    );
    expect(text).toContain(
      "*Expense claims within 30 days* · version 1 · gäller från 15 juni 2026 · Sales North, Sales South",
    );
    const png = filesIn(h, p.erik).find((f) => f.name === "policy-all-teams-2026-06-10.png");
    // Two bars still: a policy nobody is asked draws none.
    expect(pngSize(png?.bytes)).toEqual({ width: 1560, height: 268 });
  });
});
