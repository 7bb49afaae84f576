import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins, quotaSettings, quotaTargets } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { meetAtLock } from "../support/barrier.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * Two supervisors doing things at once, made to meet inside the database (see meetAtLock): each request
 * has read what it read before the other one wrote. PGlite is one connection and cannot overlap two
 * transactions, so these run on Postgres only (CI runs them there).
 */
const REASON = onPostgres ? "" : " (skipped: races need real Postgres; set DATABASE_URL)";

let h: Harness;
let p: Harness["people"];
let northId: number;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  const team = (userId: string, text: string) =>
    h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/team", text });
  await team(p.ada, "create Sales North @sara");
  await team(p.sara, "add @alice @bo");
  await team(p.sara, "supervisor add @olle");
  const [north] = await h.database.db.select().from(teams).where(eq(teams.name, "Sales North"));
  northId = north?.id ?? 0;
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

const quota = (userId: string, text: string) =>
  h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/quota", text });

async function openedModal(userId: string, act: () => Promise<unknown>): Promise<string> {
  const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === userId, 5000);
  await act();
  await opened;
  const view = h.fake.world.openViewsOf(userId).at(-1);
  if (!view) throw new Error("no modal");
  return view.id;
}

describe.skipIf(!onPostgres)(`two supervisors at once, on Postgres${REASON}`, () => {
  it("keeps both settings when two supervisors change different settings at once", async () => {
    await quota(p.sara, "set max 9 000 000");
    const url = h.database.url as string;
    await meetAtLock(
      url,
      `select team_id from quota_settings where team_id = ${northId} for update`,
      2,
      () => [quota(p.sara, "set private on"), quota(p.olle, "set leaderboard private")],
    );
    const [settings] = await h.database.db
      .select()
      .from(quotaSettings)
      .where(eq(quotaSettings.teamId, northId));
    expect(settings).toMatchObject({
      checkinsPrivate: true,
      leaderboardInChannel: false,
      maxCheckinMinor: 900_000_000,
    });
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "quota.settings.update",
    });
    expect(audit.slice(-2).map((a) => [a.before, a.after])).toEqual(
      expect.arrayContaining([
        [{ checkinsPrivate: false }, { checkinsPrivate: true }],
        [{ leaderboardInChannel: true }, { leaderboardInChannel: false }],
      ]),
    );
    await quota(p.sara, "set private off");
  });

  it("corrects an entry once when two supervisors correct it at once; the other is told it changed", async () => {
    await quota(p.bo, "10000 Acme");
    await h.settle();
    const [row] = (await h.database.db.select().from(checkins)).filter((c) => c.repId === p.bo);
    if (!row) throw new Error("no check-in");
    const openFor = async (userId: string) => {
      const list = await quota(userId, `entries <@${p.bo}|bo>`);
      const ts = list.reply?.kind === "ephemeral" ? list.reply.ephemeral.ts : undefined;
      return openedModal(userId, () =>
        h.slack.clickButton({
          userId,
          actionId: "quota.entry.correct",
          blockId: `entry.${row.id}`,
          messageTs: ts,
        }),
      );
    };
    const [saraView, olleView] = [await openFor(p.sara), await openFor(p.olle)];
    const results = await meetAtLock(
      h.database.url as string,
      `select id from checkins where id = ${row.id} for update`,
      2,
      () => [
        h.slack.submitView({ userId: p.sara, viewId: saraView, values: { amount: { value: "11000" } } }),
        h.slack.submitView({ userId: p.olle, viewId: olleView, values: { amount: { value: "12000" } } }),
      ],
    );
    expect(results.map((r) => r.responseAction).sort()).toEqual(["errors", "update"]);
    const refused = results.find((r) => r.responseAction === "errors");
    expect(refused?.errors?.amount).toMatch(
      /^(Someone changed this check-in|Någon ändrade den här incheckningen)/,
    );
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      subject: { type: "checkin", id: row.id },
    });
    // One correction, and its "before" is what the check-in really was before it.
    expect(audit.map((a) => [a.action, (a.before as { amountMinor: number }).amountMinor])).toEqual([
      ["quota.checkin.correct", 1_000_000],
    ]);
  });

  it("saves the same targets once when two supervisors submit them at once: one audit, one DM each", async () => {
    // The barrier locks the team's quota settings, a row that exists once a setting has been set.
    await quota(p.sara, "set max 10 000 000");
    const open = (userId: string) => openedModal(userId, () => quota(userId, "targets"));
    const [saraView, olleView] = [await open(p.sara), await open(p.olle)];
    const same = { [`rep.${p.alice}`]: { value: "100000" }, [`rep.${p.bo}`]: { value: "90000" } };
    const dms = (userId: string) => {
      const dm = h.fake.world.dmChannelOf(userId);
      return dm ? h.fake.world.messagesIn(dm).length : 0;
    };
    const [aliceBefore, boBefore] = [dms(p.alice), dms(p.bo)];
    const results = await meetAtLock(
      h.database.url as string,
      `select team_id from quota_settings where team_id = ${northId} for update`,
      2,
      () => [
        h.slack.submitView({ userId: p.sara, viewId: saraView, values: same }),
        h.slack.submitView({ userId: p.olle, viewId: olleView, values: same }),
      ],
    );
    await h.settle();
    expect(results.map((r) => r.responseAction)).toEqual(["update", "update"]);
    expect(
      (await h.database.db.select().from(quotaTargets)).map((t) => [t.repId, t.amountMinor]).sort(),
    ).toEqual(
      [
        [p.alice, 10_000_000],
        [p.bo, 9_000_000],
      ].sort(),
    );
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "quota.target.set",
    });
    expect(audit).toHaveLength(2);
    expect([dms(p.alice), dms(p.bo)]).toEqual([aliceBefore + 1, boBefore + 1]);
  });
});
