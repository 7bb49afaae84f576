import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachingPlans } from "../../src/features/coaching/schema.js";
import { escalations } from "../../src/features/escalations/schema.js";
import { products } from "../../src/features/products/schema.js";
import { checkins, quotaTargets } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import type { Harness } from "../support/harness.js";
import { approvedLeave } from "../support/leave.js";
import { csvRows, filesIn, pngSize, reportAs, shown } from "../support/reports.js";
import { dmsOf, startSalesFloor } from "../support/sales-floor.js";
import { standupTables } from "../support/standup.js";

/**
 * `/report productivity` over signed HTTP with the fake Slack: October 2026 of Sales North seeded by hand
 * (targets, check-ins with products, one taken back, standups and answers, approved leave, escalations, a
 * coaching plan), reported in November. Every figure below is worked out by hand from the seed, not by the
 * app: Alice sold 85 000 of 100 000 (85 %, behind), Bo 90 000 of 80 000 (113 %, ahead), the team 175 000
 * of 180 000 (97 %, on track).
 */
let h: Harness;
let p: Harness["people"];
let workspaceId: string;

async function report(userId: string, text: string, channelId = p.channels.north) {
  return reportAs(h, userId, text, channelId);
}

beforeAll(async () => {
  // Wednesday 30 September 2026: Bo's leave is asked for and approved before it starts.
  h = await startSalesFloor({ now: "2026-09-30T08:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
  workspaceId = h.fake.world.workspace.teamId;
  await approvedLeave(h, p.bo, p.sara, p.channels.north, { start: "2026-10-19", end: "2026-10-20" }, "19");

  const db = h.database.db;
  const [north] = await db.select().from(teams).where(eq(teams.channelId, p.channels.north));
  if (!north) throw new Error("no Sales North");
  const teamId = north.id;
  const currency = north.currency;
  const [widget, gadget] = await db
    .insert(products)
    .values(
      ["Widget", "Gadget"].map((name) => ({
        workspaceId,
        teamId,
        name,
        tag: name.toLowerCase(),
        createdBy: p.sara,
        createdAt: new Date("2026-09-01T08:00:00Z"),
        updatedAt: new Date("2026-09-01T08:00:00Z"),
      })),
    )
    .returning();
  const set = (repId: string, amount: number) => ({
    workspaceId,
    teamId,
    repId,
    periodKey: "2026-10",
    amountMinor: amount * 100,
    currency,
    setBy: p.sara,
    setAt: new Date("2026-09-30T08:00:00Z"),
  });
  await db.insert(quotaTargets).values([set(p.alice, 100_000), set(p.bo, 80_000)]);
  let n = 0;
  const sale = (
    repId: string,
    soldOn: string,
    amount: number,
    productId: number | null,
    status = "active",
  ) => ({
    workspaceId,
    teamId,
    repId,
    amountMinor: amount * 100,
    currency,
    productId,
    soldOn,
    recordedAt: new Date(`${soldOn}T10:00:00Z`),
    requestId: `seed-${++n}`,
    status: status as "active",
  });
  await db.insert(checkins).values([
    sale(p.alice, "2026-10-05", 30_000, widget?.id ?? null),
    sale(p.alice, "2026-10-05", 10_000, widget?.id ?? null),
    sale(p.alice, "2026-10-07", 99_000, null, "undone"),
    sale(p.alice, "2026-10-12", 25_000, null),
    sale(p.alice, "2026-10-20", 20_000, gadget?.id ?? null),
    sale(p.bo, "2026-10-06", 50_000, gadget?.id ?? null),
    sale(p.bo, "2026-10-27", 40_000, widget?.id ?? null),
    // September and November are not October.
    sale(p.bo, "2026-09-30", 70_000, null),
    sale(p.bo, "2026-11-02", 60_000, null),
  ]);
  // The Monday standups of October; Bo was on leave on the 19th, so not asked then.
  const days = ["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"];
  const standups = await db
    .insert(standupTables.standups)
    .values(
      days.map((day) => ({
        workspaceId,
        teamId,
        day,
        slot: new Date(`${day}T07:00:00Z`),
        cutoffAt: new Date(`${day}T14:00:00Z`),
        askIn: "thread" as const,
        channelId: p.channels.north,
        openedAt: new Date(`${day}T07:00:00Z`),
        closedAt: new Date(`${day}T14:00:00Z`),
      })),
    )
    .returning();
  const answer = (standupId: number, repId: string) => ({
    standupId,
    repId,
    wins: "Deals",
    plan: "More deals",
    late: false,
    answeredAt: new Date("2026-10-05T09:00:00Z"),
    updatedAt: new Date("2026-10-05T09:00:00Z"),
  });
  const [s5, s12, s19, s26] = standups.map((s) => s.id) as [number, number, number, number];
  await db
    .insert(standupTables.standupAnswers)
    .values([
      answer(s5, p.alice),
      answer(s12, p.alice),
      answer(s19, p.alice),
      answer(s5, p.bo),
      answer(s26, p.bo),
    ]);
  const raised = (status: "open" | "resolved") => ({
    workspaceId,
    teamId,
    repId: p.alice,
    raisedBy: p.erik,
    route: "supervisors" as const,
    category: "complaint" as const,
    urgency: "normal" as const,
    details: "A customer complained",
    status,
    ...(status === "resolved"
      ? { resolvedBy: p.sara, resolvedAt: new Date("2026-10-09T08:00:00Z"), resolution: "Talked it through" }
      : {}),
    createdAt: new Date("2026-10-08T08:00:00Z"),
    updatedAt: new Date("2026-10-08T08:00:00Z"),
  });
  await db.insert(escalations).values([raised("open"), raised("resolved")]);
  await db.insert(coachingPlans).values({
    workspaceId,
    repId: p.bo,
    teamId,
    goal: "Follow-up calls",
    startedBy: p.sara,
    createdAt: new Date("2026-10-10T08:00:00Z"),
    updatedAt: new Date("2026-10-10T08:00:00Z"),
  });
  // Tuesday 10 November 2026.
  h.clock.set("2026-11-10T09:00:00Z");
});

afterAll(async () => {
  await h?.close();
});

describe("/report productivity for a seeded month", () => {
  it("Ada (admin, English) gets October's report of Sales North by DM: summary, chart, CSV, numbers as seeded", async () => {
    const answer = await report(p.ada, "productivity Sales North last month");
    expect(answer).toBe(
      ":hourglass_flowing_sand: Building your productivity report for October 2026 (Sales North)… It comes by DM in a moment, with a chart and a CSV.",
    );
    const [message, ...rest] = dmsOf(h, p.ada).filter((m) => !m.files);
    expect(rest).toEqual([]);
    expect(message?.text).toBe("Productivity report: October 2026");
    expect((message?.blocks ?? []).length).toBeLessThanOrEqual(50);
    expect(shown(message)).toBe(
      [
        "Productivity report: October 2026",
        `Sales North · 1 Oct 2026 – 31 Oct 2026 · asked for by <@${p.ada}>`,
        "*Sales North*: SEK 175,000 of SEK 180,000 (97%), on track\n6 check-ins by 2 reps · standups answered 5/7 · 2 leave days · 1 open escalation · 1 coaching plan",
        [
          "• *Alice Anderson*: SEK 85,000 of SEK 100,000 (85%, behind) · 4 check-ins on 3 days · standups 3/4 · 1 open escalation",
          "• *Bo Berg*: SEK 90,000 of SEK 80,000 (113%, ahead) · 2 check-ins on 2 days · standups 2/3 · 2 leave days · coaching plan",
        ].join("\n"),
        "*Products:* Widget SEK 80,000 (3, 46%) · Gadget SEK 70,000 (2, 40%) · no product SEK 25,000 (1, 14%)",
        "The chart and the full table (CSV) follow.",
      ].join("\n"),
    );

    const files = filesIn(h, p.ada);
    expect(files.map((f) => f.name)).toEqual([
      "productivity-sales-north-2026-10.png",
      "productivity-sales-north-2026-10.csv",
    ]);
    const [png, csv] = files;
    // Two bars: (190 + 560 + 30) x (44 + 2 x 22 + 46) units, drawn at twice that.
    expect(pngSize(png?.bytes)).toEqual({ width: 1560, height: 268 });
    expect(png?.mimetype).toBe("image/png");
    const rows = csvRows(csv);
    expect(rows).toEqual([
      [
        "Team",
        "Rep",
        "Slack user ID",
        "Currency",
        "Sold",
        "Target",
        "Attainment %",
        "Pace",
        "Check-ins",
        "Days with a sale",
        "Standups answered",
        "Standups asked",
        "Leave days",
        "Open escalations",
        "Active coaching plans",
      ],
      [
        "Sales North",
        "Alice Anderson",
        p.alice,
        "SEK",
        "85000.00",
        "100000.00",
        "85.0",
        "behind",
        "4",
        "3",
        "3",
        "4",
        "0",
        "1",
        "0",
      ],
      [
        "Sales North",
        "Bo Berg",
        p.bo,
        "SEK",
        "90000.00",
        "80000.00",
        "112.5",
        "ahead",
        "2",
        "2",
        "2",
        "3",
        "2",
        "0",
        "1",
      ],
    ]);
  });

  it("Sara (supervisor, Swedish) asks in her team's channel, in Swedish words: the report in Swedish", async () => {
    const answer = await report(p.sara, "produktivitet förra månaden");
    expect(answer).toBe(
      ":hourglass_flowing_sand: Tar fram din produktivitetsrapport för oktober 2026 (Sales North)… Den kommer som DM om en stund, med diagram och CSV.",
    );
    const message = dmsOf(h, p.sara)
      .filter((m) => m.text.startsWith("Produktivitetsrapport"))
      .at(-1);
    const text = shown(message);
    expect(text).toContain("*Sales North*: 175 000 kr av 180 000 kr (97 %), i fas");
    expect(text).toContain(
      "• *Bo Berg*: 90 000 kr av 80 000 kr (113 %, före) · 2 incheckningar på 2 dagar · standups 2/3 · 2 lediga dagar · coachningsplan",
    );
    const csv = filesIn(h, p.sara).find((f) => f.name.endsWith(".csv"));
    const rows = csvRows(csv);
    expect(rows[0]?.slice(0, 5)).toEqual(["Säljteam", "Säljare", "Slack-användar-ID", "Valuta", "Sålt"]);
    expect(rows[1]?.[7]).toBe("efter");
  });

  it("a rep asking for a report is refused privately, and nothing is sent", async () => {
    const before = dmsOf(h, p.alice).length;
    expect(await report(p.alice, "productivity")).toBe(
      "Reports are for supervisors (about their own teams), executives and admins. Ask your supervisor if you need figures.",
    );
    expect(dmsOf(h, p.alice)).toHaveLength(before);
    expect(filesIn(h, p.alice)).toEqual([]);
  });

  it("file uploads turned off: the summary arrives, and Sara hears in her words why the files did not", async () => {
    const before = filesIn(h, p.sara).length;
    h.fake.failNext("files.getUploadURLExternal", "file_uploads_disabled");
    await report(p.sara, "produktivitet förra månaden");
    expect(filesIn(h, p.sara)).toHaveLength(before);
    expect(dmsOf(h, p.sara).at(-1)?.text).toBe(
      ":warning: Din produktivitetsrapport kunde inte levereras till dig: Slack tog inte emot den (`file_uploads_disabled`). En administratör kan ha stängt av filuppladdning, eller så har personen lämnat arbetsytan: fråga en administratör och skicka den sedan igen.",
    );
  });

  it("another team's supervisor is refused that team; a bad period gets examples", async () => {
    expect(await report(p.olle, "productivity Sales North")).toBe(
      "Only Sales North's supervisors, executives and admins may see reports on Sales North.",
    );
    expect(await report(p.olle, "productivity Sales South next week")).toBe(
      "I could not read “next week” as a period. Try `this month`, `last month`, `2026-11`, `November 2026`, `Q3`, `this quarter` or `2026`.",
    );
    expect(await report(p.ada, "sales")).toBe(
      "There is no report called “sales”. Try `/report productivity`, `/report policy`, or `/report help`.",
    );
  });

  it("an executive's report of all teams for Q4 so far: both teams, the period running", async () => {
    const answer = await report(p.erik, "produktivitet alla detta kvartal");
    expect(answer).toContain("alla 2 team");
    const message = dmsOf(h, p.erik)
      .filter((m) => m.text.startsWith("Produktivitetsrapport"))
      .at(-1);
    const text = shown(message);
    expect(text).toContain("Produktivitetsrapport: kvartal 4 2026");
    expect(text).toContain("*Sales South*: 0 kr (inget mål)");
    // The quarter is running: Bo's November sale counts.
    expect(text).toContain("*Sales North*: 235 000 kr");
  });
});
