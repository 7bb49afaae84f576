import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins, quotaTargets } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { ShownReply, SlackView } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-31T12:00:00Z" });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/**
 * Each group of tests starts over on the last day of March: Sales North (Sara; Alice and Bo), which
 * speaks English in the channel though Sara's Slack is Swedish; no targets, no sales.
 */
async function startOver(): Promise<void> {
  await h.reset();
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
    settings: { language: "en" },
  });
}

const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

function textOf(reply: ShownReply | undefined): string {
  if (reply?.kind === "ephemeral") return spaces(visibleText(reply.ephemeral));
  if (reply?.kind === "message") return spaces(visibleText(reply.message));
  return "";
}

async function quota(userId: string, text = "", channelId = p.channels.north) {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/quota", text });
  await h.settle();
  return textOf(result.reply);
}

async function opensModal(userId: string, act: () => Promise<unknown>): Promise<SlackView> {
  const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === userId, 5000);
  await act();
  await opened;
  const view = h.fake.world.openViewsOf(userId).at(-1);
  if (!view) throw new Error("no modal");
  return view;
}

describe("the targets form", () => {
  beforeAll(() => startOver());

  it("is refused to a rep, privately, and opens nothing", async () => {
    expect(await quota(p.alice, "targets")).toBe(
      `Only the supervisors of Sales North (<@${p.sara}>) and admins can set targets.`,
    );
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
  });

  it("shows every rep by name, puts a bad amount's error on that rep's field, then saves", async () => {
    const before = await h.database.db.select().from(quotaTargets);
    const view = await opensModal(p.sara, () =>
      h.slack.slashCommand({
        userId: p.sara,
        channelId: p.channels.north,
        command: "/quota",
        text: "targets",
      }),
    );
    const text = visibleText(view);
    expect(text).toContain("Mål");
    expect(text).toContain("Alice Anderson");
    expect(text).toContain("Bo Berg");
    const bad = await h.slack.submitView({
      userId: p.sara,
      values: { [`rep.${p.alice}`]: { value: "150 000" }, [`rep.${p.bo}`]: { value: "massor" } },
    });
    expect(bad.responseAction).toBe("errors");
    expect(Object.keys(bad.errors ?? {})).toEqual([`rep.${p.bo}`]);
    // The error speaks of a target, not of a check-in.
    expect(bad.errors?.[`rep.${p.bo}`]).toBe(
      `Jag kunde inte läsa "massor" som ett mål. Skriv det som 12500, 12,500, 12.5k eller 12,500 kr.`,
    );
    expect(await h.database.db.select().from(quotaTargets)).toEqual(before);
    // A minus is refused as a target's problem too, not with a check-in's advice about `/quota undo`.
    const negative = await h.slack.submitView({
      userId: p.sara,
      values: { [`rep.${p.alice}`]: { value: "-150 000" }, [`rep.${p.bo}`]: { value: "120k" } },
    });
    expect(negative.errors).toEqual({ [`rep.${p.alice}`]: "Ett mål kan inte vara negativt." });
    expect(await h.database.db.select().from(quotaTargets)).toEqual(before);

    const good = await h.slack.submitView({
      userId: p.sara,
      values: {
        [`rep.${p.alice}`]: { value: "150 000" },
        [`rep.${p.bo}`]: { value: "120k" },
        team: { value: "300000" },
      },
    });
    expect(good.responseAction).toBe("update");
    expect(spaces(visibleText(good.view))).toContain("3 mål sparade från och med mars 2026.");
    const rows = await h.database.db.select().from(quotaTargets);
    expect(rows.map((r) => [r.repId, r.amountMinor]).sort()).toEqual(
      [
        [p.alice, 15_000_000],
        [p.bo, 12_000_000],
        [null, 30_000_000],
      ].sort(),
    );
    expect(
      await listAudit(h.database.db, h.fake.world.workspace.teamId, { action: "quota.target.set" }),
    ).toHaveLength(3);
    await h.settle();
    const dm = h.fake.world.dmChannelOf(p.alice);
    expect(spaces(dm && h.fake.world.messagesIn(dm).at(-1)?.text)).toBe(
      `<@${p.sara}> set your target from March 2026 on: *SEK 150,000*. \`/quota\` shows how you're doing.`,
    );
  });
});

describe("the targets form, with targets set", () => {
  beforeAll(async () => {
    await startOver();
    await quota(p.sara, `target <@${p.alice}> 150 000`);
    await quota(p.sara, `target <@${p.bo}> 120000`);
    await quota(p.sara, "target team 300000");
  });

  it("shows the targets in force when opened again, and clears one when its field is emptied", async () => {
    const view = await opensModal(p.sara, () =>
      h.slack.slashCommand({
        userId: p.sara,
        channelId: p.channels.north,
        command: "/quota",
        text: "targets",
      }),
    );
    const initial = (view.blocks as { block_id?: string; element?: { initial_value?: string } }[]).map(
      (b) => [b.block_id, b.element?.initial_value],
    );
    expect(initial).toEqual(
      expect.arrayContaining([
        [`rep.${p.alice}`, "150000"],
        [`rep.${p.bo}`, "120000"],
        ["team", "300000"],
      ]),
    );
    const saved = await h.slack.submitView({ userId: p.sara, values: { team: { value: "" } } });
    expect(saved.responseAction).toBe("update");
    // The team posts in English (set in startOver), whoever asks.
    expect(await quota(p.bo, "team")).toContain("*Team:* *SEK 0* of SEK 270,000 (0%)");
  });
});

describe("periods in the team's time zone", () => {
  beforeAll(async () => {
    await startOver();
    await quota(p.sara, `target <@${p.alice}> 150 000`);
  });

  it("counts a sale at 23:30 on the last day of the month in that month", async () => {
    h.clock.set("2026-03-31T21:30:00Z"); // 23:30 in Stockholm
    expect(await quota(p.alice, "5000 late deal")).toContain("Your progress · March 2026");
    const [row] = await h.database.db.select().from(checkins).where(eq(checkins.repId, p.alice));
    expect(row?.soldOn).toBe("2026-03-31");
    expect(await quota(p.alice)).toContain("*SEK 5,000* of SEK 150,000 (3%)");
  });

  it("starts the next month from zero, with the targets carried over", async () => {
    h.clock.set("2026-03-31T22:30:00Z"); // 00:30 on 1 April in Stockholm
    const mine = await quota(p.alice);
    expect(mine).toContain("Your progress · April 2026");
    expect(mine).toContain("*SEK 0* of SEK 150,000 (0%)");
    expect(mine).toContain("target since April 2026");
    expect(await quota(p.alice, "undo")).toBe("You have no check-in to take back this month.");
  });
});

describe("a quarter as the team's period", () => {
  beforeAll(() => startOver());

  it("uses the team's quota period: a quarter", async () => {
    h.clock.set("2026-03-31T22:30:00Z"); // 00:30 on 1 April in Stockholm: the second quarter
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/team",
      text: "set period quarter",
    });
    const mine = await quota(p.alice);
    expect(mine).toContain("Your progress · Q2 2026");
    const [north] = await h.database.db.select().from(teams);
    expect(north?.quotaPeriod).toBe("quarter");
  });
});

describe("settings and help", () => {
  beforeAll(() => startOver());

  it("lets the supervisor raise the largest single check-in, and says so", async () => {
    expect(await quota(p.alice, "20000000")).toContain(
      "is more than one sale can be here (at most SEK 10,000,000)",
    );
    expect(await quota(p.sara, "set max 50 000 000")).toBe(
      "Sales North: en enskild incheckning kan nu vara högst 50 000 000 kr.",
    );
    // Far above anything usual: asked about first, recorded on the rep's yes.
    const asked = await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/quota",
      text: "20000000 huge",
    });
    expect(textOf(asked.reply)).toContain("Did you mean *SEK 20,000,000* (huge)?");
    const prompt = asked.reply?.kind === "ephemeral" ? asked.reply.ephemeral : undefined;
    await h.slack.clickButton({ userId: p.alice, actionId: "quota.checkin.confirm", messageTs: prompt?.ts });
    await h.settle();
    const now = h.fake.world.ephemeralsFor(p.alice).find((e) => e.ts === prompt?.ts);
    expect(spaces(visibleText(now))).toContain("Recorded *SEK 20,000,000*: huge");
    expect(await quota(p.sara, "set colour red")).toContain(`Jag känner inte till inställningen "colour"`);
  });

  it("lists the commands", async () => {
    expect(await quota(p.alice, "help")).toContain("*Check in a sale:* `/quota 12500 Acme renewal #product`");
    expect(await quota(p.bo, "hjälp")).toContain("*Checka in en affär:*");
  });
});
