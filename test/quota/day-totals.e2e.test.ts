import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordCheckin } from "../../src/features/quota/store.js";
import { queryRows } from "../../src/platform/db/index.js";
import { slash } from "../support/commands.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startHarness } from "../support/harness.js";
import { makeTeam } from "../support/teams.js";

/**
 * A rep's totals come from running day totals the database keeps (`rep_day_totals`), not from re-reading
 * their check-ins: every way a sale changes must move them, and they must always equal a recount.
 */
let h: Harness;
let p: Harness["people"];
let northId: number;

beforeAll(async () => {
  // Monday 16 March 2026, 13:00 in Stockholm.
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  const north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
  northId = north.id;
});
afterAll(async () => {
  await h?.close();
});

const quota = (userId: string, text: string, triggerId?: string) =>
  slash(h, {
    userId,
    channelId: p.channels.north,
    command: "/quota",
    text,
    ...(triggerId ? { triggerId } : {}),
  });

interface DayRow {
  rep_id: string;
  sold_on: string;
  total: string;
  sales: number;
}

/** The running day totals, and the same worked out from the check-ins themselves. */
async function kept(): Promise<{ running: DayRow[]; recounted: DayRow[] }> {
  const { db } = h.database;
  const running = await queryRows<DayRow>(
    db,
    sql`select rep_id, sold_on::text, total_minor::text as total, sales from rep_day_totals
        where team_id = ${northId} and sales > 0 order by rep_id, sold_on`,
  );
  const recounted = await queryRows<DayRow>(
    db,
    sql`select rep_id, sold_on::text, sum(amount_minor)::text as total, count(*)::int as sales from checkins
        where team_id = ${northId} and status = 'active' group by rep_id, sold_on order by rep_id, sold_on`,
  );
  return { running, recounted };
}

describe("a rep's running totals", () => {
  it("add each sale as it is recorded, and the answer shows the total with it", async () => {
    const first = await quota(p.alice, "1000 Acme");
    expect(first.shown).toContain("*SEK 1,000* so far");
    const second = await quota(p.alice, "2500 Beta");
    expect(second.shown).toContain("*SEK 3,500* so far");
    const { running, recounted } = await kept();
    expect(running).toEqual([{ rep_id: p.alice, sold_on: "2026-03-16", total: "350000", sales: 2 }]);
    expect(running).toEqual(recounted);
  });

  it("count a sale Slack sent twice once, and answer the replay with the same total", async () => {
    const once = await quota(p.bo, "4000 Gamma", "replayed.trigger.1");
    const again = await quota(p.bo, "4000 Gamma", "replayed.trigger.1");
    expect(once.shown).toContain("*4 000 kr* hittills");
    expect(again.shown).toContain("*4 000 kr* hittills");
    const { running, recounted } = await kept();
    expect(running.find((r) => r.rep_id === p.bo)).toMatchObject({ total: "400000", sales: 1 });
    expect(running).toEqual(recounted);
  });

  it("take a sale out when it is taken back, removed by the supervisor or corrected", async () => {
    const undone = await quota(p.alice, "undo");
    expect(undone.shown).toContain("Took back your check-in of *SEK 2,500*");
    expect(undone.shown).toContain("*SEK 1,000* so far");
    expect((await kept()).running.find((r) => r.rep_id === p.alice)).toMatchObject({
      total: "100000",
      sales: 1,
    });

    // A supervisor removes Bo's sale and corrects Alice's remaining one.
    const [bo] = await queryRows<{ id: number }>(
      h.database.db,
      sql`select id from checkins where rep_id = ${p.bo} and status = 'active'`,
    );
    const list = await quota(p.sara, `entries <@${p.bo}|bo>`);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.remove",
      blockId: `entry.${bo?.id}`,
      messageTs: list.message?.ts,
    });
    await h.settle();
    const [alice] = await queryRows<{ id: number }>(
      h.database.db,
      sql`select id from checkins where rep_id = ${p.alice} and status = 'active'`,
    );
    const entries = await quota(p.sara, `entries <@${p.alice}|alice>`);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.correct",
      blockId: `entry.${alice?.id}`,
      messageTs: entries.message?.ts,
    });
    await opened;
    const saved = await h.slack.submitView({
      userId: p.sara,
      values: { amount: { value: "700" }, note: { value: "rättad" } },
    });
    expect(saved.responseAction).toBe("update");
    await h.settle();

    const { running, recounted } = await kept();
    expect(running).toEqual([{ rep_id: p.alice, sold_on: "2026-03-16", total: "70000", sales: 1 }]);
    expect(running).toEqual(recounted);
    expect((await quota(p.alice, "")).shown).toContain("*SEK 700* so far");
  });

  it("stay true when one rep's sales are recorded at the same moment (Postgres: at once, on separate connections)", async () => {
    const team = { workspaceId: h.fake.world.workspace.teamId, teamId: northId };
    const at = new Date("2026-03-16T12:00:00Z");
    const period = { key: "2026-03", start: "2026-03-01", end: "2026-03-31" };
    const sales = Array.from({ length: 12 }, (_, i) =>
      recordCheckin(
        h.database.db,
        {
          ...team,
          repId: p.cecilia,
          amountMinor: (i + 1) * 100,
          currency: "SEK",
          note: `at once ${i}`,
          soldOn: "2026-03-16",
          recordedAt: at,
          requestId: `at-once-${i}`,
          postChannelId: null,
        },
        {
          period,
          confirmAboveMinor: null,
          similarSince: at,
          postQueued: null,
          daysOff: null,
          expected: null,
        },
      ),
    );
    const recorded = await Promise.all(sales);
    expect(recorded.every((r) => r.created)).toBe(true);
    const { running, recounted } = await kept();
    // 100 + 200 + ... + 1,200 öre: 7,800.
    expect(running.find((r) => r.rep_id === p.cecilia)).toMatchObject({ total: "7800", sales: 12 });
    expect(running).toEqual(recounted);
    // Each answer counts at least its own sale, and the last to commit saw every one.
    for (const [i, r] of recorded.entries())
      expect(r.totals.totalMinor).toBeGreaterThanOrEqual((i + 1) * 100);
    if (!onPostgres) expect(recorded.at(-1)?.totals).toMatchObject({ totalMinor: 7800, count: 12 });
  });

  it("go with the team when the team is removed", async () => {
    await h.database.db.execute(sql`delete from teams where id = ${northId}`);
    const left = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from rep_day_totals where team_id = ${northId}`,
    );
    expect(left[0]?.n).toBe(0);
  });
});
