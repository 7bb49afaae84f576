import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins, quotaTargets } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { slash, spaces } from "../support/commands.js";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";

/** Requests Slack sends twice (a replay, a retry), double submits, and payloads a client tampered with. */
let h: Harness;
let p: Harness["people"];
let northId: number;

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  const team = (userId: string, channelId: string, text: string) =>
    h.slack.slashCommand({ userId, channelId, command: "/team", text });
  await team(p.ada, p.channels.north, "create Sales North @sara");
  await team(p.sara, p.channels.north, "add @alice @bo");
  await team(p.sara, p.channels.north, "supervisor add @olle");
  await team(p.ada, p.channels.south, "create Sales South @olle");
  await team(p.olle, p.channels.south, "add @cecilia");
  const [north] = await h.database.db.select().from(teams).where(eq(teams.name, "Sales North"));
  northId = north?.id ?? 0;
  await h.settle();
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

/** Sends an interaction payload exactly as given, signed like Slack signs it: a replay, or a forgery. */
async function sendPayload(payload: Record<string, unknown>) {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const answer = await h.slack.post(h.server.eventsUrl as string, body, "application/x-www-form-urlencoded");
  await h.settle();
  return answer;
}

async function openedView(userId: string, act: () => Promise<unknown>) {
  const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === userId, 5000);
  await act();
  await opened;
  const view = h.fake.world.openViewsOf(userId).at(-1);
  if (!view) throw new Error("no modal");
  return view;
}

const dmCount = (userId: string) => {
  const dm = h.fake.world.dmChannelOf(userId);
  return dm ? h.fake.world.messagesIn(dm).length : 0;
};

describe("the same request twice", () => {
  it("takes back one check-in when /quota undo arrives twice (a replayed request)", async () => {
    await quota(p.bo, "1000 first");
    await quota(p.bo, "2000 second");
    const first = await quota(p.bo, "undo", "undo.replayed.1");
    const second = await quota(p.bo, "undo", "undo.replayed.1");
    expect(first.shown).toContain("Tog tillbaka din incheckning på *2 000 kr*");
    expect(second.shown).toBe("Den här förfrågan kom fram två gånger; den utfördes en gång.");
    const rows = (await h.database.db.select().from(checkins).orderBy(checkins.id)).filter(
      (c) => c.repId === p.bo,
    );
    expect(rows.map((r) => [r.note, r.status])).toEqual([
      ["first", "active"],
      ["second", "undone"],
    ]);
    // A new /quota undo (a new request) takes back the next one, as it should.
    expect((await quota(p.bo, "undo")).shown).toContain("*1 000 kr*");
  });

  it("corrects once when the same correction is submitted twice: one audit row, one DM, no '150 → 150'", async () => {
    await quota(p.alice, "100 Acme");
    const [row] = (await h.database.db.select().from(checkins).orderBy(checkins.id))
      .filter((c) => c.repId === p.alice)
      .slice(-1);
    const list = await quota(p.sara, `entries <@${p.alice}|alice>`);
    await openedView(p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "quota.entry.correct",
        blockId: `entry.${row?.id}`,
        messageTs: list.message?.ts,
      }),
    );
    const dms = dmCount(p.alice);
    const first = await h.slack.submitView({ userId: p.sara, values: { amount: { value: "150" } } });
    expect(first.responseAction).toBe("update");
    const again = await sendPayload(first.payload as Record<string, unknown>);
    expect(again.status).toBe(200);
    const answer = JSON.parse(again.body) as { view?: { blocks?: unknown[] } };
    // Sara reads Swedish.
    expect(spaces(visibleText(answer.view))).toContain(
      `Incheckningen av <@${p.alice}> från 16 mars är redan *150 kr*; inget ändrades.`,
    );
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      subject: { type: "checkin", id: row?.id ?? 0 },
    });
    expect(audit.map((a) => a.action)).toEqual(["quota.checkin.correct"]);
    expect(dmCount(p.alice)).toBe(dms + 1);
    const dm = h.fake.world.dmChannelOf(p.alice);
    expect(spaces(dm && h.fake.world.messagesIn(dm).at(-1)?.text)).toContain("SEK 100 → *SEK 150*");
  });

  it("sets a target and a setting once when their commands arrive twice: one audit row each, one DM", async () => {
    const targetsBefore = (
      await listAudit(h.database.db, h.fake.world.workspace.teamId, { action: "quota.target.set" })
    ).length;
    const settingsBefore = (
      await listAudit(h.database.db, h.fake.world.workspace.teamId, { action: "quota.settings.update" })
    ).length;
    const dms = dmCount(p.bo);
    await quota(p.sara, `target <@${p.bo}|bo> 140000`, "target.replayed.1");
    await quota(p.sara, `target <@${p.bo}|bo> 140000`, "target.replayed.1");
    await quota(p.sara, "set max 2 000 000", "set.replayed.1");
    await quota(p.sara, "set max 2 000 000", "set.replayed.1");
    await h.settle();
    const targets = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "quota.target.set",
    });
    expect(targets.length).toBe(targetsBefore + 1);
    const settings = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "quota.settings.update",
    });
    expect(settings.length).toBe(settingsBefore + 1);
    expect(dmCount(p.bo)).toBe(dms + 1);
    const rows = (await h.database.db.select().from(quotaTargets)).filter((t) => t.repId === p.bo);
    expect(rows.map((t) => t.amountMinor)).toEqual([14_000_000]);
  });
});

describe("the targets form does not trust what the form carries", () => {
  it("refuses a submission naming reps of another team or people in no team, and sets nothing", async () => {
    const view = await openedView(p.sara, () => quota(p.sara, "targets"));
    const metadata = JSON.parse(view.private_metadata) as {
      teamId: number;
      reps: [string, number][];
      team: number;
    };
    // The form's own reps, plus Cecilia (a rep of Sales South) and Erik (in no team), each with a target.
    const forged = { ...metadata, reps: [...metadata.reps, [p.cecilia, 0], [p.erik, 0]] };
    const values: Record<string, Record<string, unknown>> = {};
    for (const [repId] of forged.reps)
      values[`rep.${repId}`] = { value: { type: "plain_text_input", value: "99999" } };
    values.team = { value: { type: "plain_text_input", value: null } };
    const dms = [dmCount(p.cecilia), dmCount(p.erik)];
    const northTargets = () =>
      h.database.db.select().from(quotaTargets).where(eq(quotaTargets.teamId, northId));
    const before = await northTargets();
    const answer = await sendPayload({
      type: "view_submission",
      team: { id: h.fake.world.workspace.teamId, domain: "sandbox" },
      user: { id: p.sara, team_id: h.fake.world.workspace.teamId },
      api_app_id: h.fake.world.workspace.appId,
      trigger_id: "forged.targets.1",
      view: { ...view, private_metadata: JSON.stringify(forged), state: { values } },
    });
    expect(answer.status).toBe(200);
    expect(spaces(answer.body)).toContain("Formuläret är inaktuellt");
    expect(await northTargets()).toEqual(before);
    expect(
      (await h.database.db.select().from(quotaTargets)).filter(
        (t) => t.repId === p.cecilia || t.repId === p.erik,
      ),
    ).toEqual([]);
    expect([dmCount(p.cecilia), dmCount(p.erik)]).toEqual(dms);
  });

  it("refuses a target someone else changed while the form was open, on that rep's field", async () => {
    const saraView = await openedView(p.sara, () => quota(p.sara, "targets"));
    const olleView = await openedView(p.olle, () => quota(p.olle, "targets"));
    const saved = await h.slack.submitView({
      userId: p.sara,
      viewId: saraView.id,
      values: { [`rep.${p.alice}`]: { value: "100000" } },
    });
    expect(saved.responseAction).toBe("update");
    const stale = await h.slack.submitView({
      userId: p.olle,
      viewId: olleView.id,
      values: { [`rep.${p.alice}`]: { value: "120000" } },
    });
    expect(stale.responseAction).toBe("errors");
    expect(spaces(stale.errors?.[`rep.${p.alice}`])).toBe(
      "Someone changed this target while the form was open; it is now SEK 100,000. Close the form and open it again to change it.",
    );
    const [target] = await h.database.db.select().from(quotaTargets).where(eq(quotaTargets.repId, p.alice));
    expect(target?.amountMinor).toBe(10_000_000);
  });
});
