import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import type { ShownReply } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  // Monday 16 March 2026, 13:00 in Stockholm.
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo, p.cecilia],
    settings: { language: "en" },
  });
  await h.slack.slashCommand({
    userId: p.ada,
    channelId: p.channels.north,
    command: "/team",
    text: `grant <@${p.erik}|erik> executive`,
  });
  for (const [rep, amount] of [
    [p.alice, "30000"],
    [p.bo, "20000"],
    [p.cecilia, "10000"],
  ] as const) {
    await h.slack.slashCommand({ userId: rep, channelId: p.channels.north, command: "/quota", text: amount });
  }
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

function shownOf(reply: ShownReply | undefined) {
  if (reply?.kind === "ephemeral") return { kind: "private", message: reply.ephemeral };
  if (reply?.kind === "message") return { kind: "posted", message: reply.message };
  return { kind: "nothing", message: undefined };
}

async function quota(userId: string, text: string, channelId = p.channels.north) {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/quota", text });
  await h.settle();
  const { kind, message } = shownOf(result.reply);
  return { kind, shown: spaces(visibleText(message)) };
}

describe("the leaderboard and a team that keeps check-ins private", () => {
  it("posts a public leaderboard saying who asked for it", async () => {
    const board = await quota(p.bo, "team");
    expect(board.kind).toBe("posted");
    expect(board.shown).toContain(`1. <@${p.alice}>  *SEK 30,000*`);
    expect(board.shown).toContain(`<@${p.bo}> asked with \`/quota team\``);
  });

  it("shows a rep only the team's line and their own place, privately, when check-ins are private", async () => {
    await quota(p.sara, "set private on");
    const posts = h.fake.world.messagesIn(p.channels.north).length;
    const board = await quota(p.bo, "team");
    expect(board.kind).toBe("private");
    // Bo reads Swedish: a private answer is in his language.
    expect(board.shown).toContain("*Teamet:* *60 000 kr* hittills");
    expect(board.shown).toContain(`*Din plats:* 2 av 3\n<@${p.bo}>  *20 000 kr*`);
    expect(board.shown).toContain(
      "Sales North håller incheckningar privata: du ser teamets summa och din egen plats.",
    );
    expect(board.shown).not.toContain(`<@${p.alice}>`);
    expect(board.shown).not.toContain(`<@${p.cecilia}>`);
    expect(h.fake.world.messagesIn(p.channels.north).length).toBe(posts);
  });

  it("keeps a private sale out of an older post that a correction updates", async () => {
    // Cecilia's 10 000 was posted while check-ins were public; now she checks in 5 000 privately.
    await quota(p.sara, "set private on");
    await quota(p.cecilia, "5000 Private deal");
    const [older] = (await h.database.db.select().from(checkins).orderBy(checkins.id)).filter(
      (c) => c.repId === p.cecilia,
    );
    const list = await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/quota",
      text: `entries <@${p.cecilia}|cecilia>`,
    });
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.correct",
      blockId: `entry.${older?.id}`,
      messageTs: list.reply?.kind === "ephemeral" ? list.reply.ephemeral.ts : undefined,
    });
    await opened;
    await h.slack.submitView({ userId: p.sara, values: { amount: { value: "11000" } } });
    await h.settle();
    const post = h.fake.world.messagesIn(p.channels.north).find((m) => m.ts === older?.postTs);
    const text = spaces(visibleText(post));
    expect(text).toContain(`<@${p.cecilia}> checked in *SEK 11,000*`);
    // Her running total (16 000 with the private sale) is not shown to the channel.
    expect(text).not.toContain("16,000");
    expect(text).not.toContain("March 2026:");
  });

  it("still shows the supervisor and executives the whole team, but privately", async () => {
    await quota(p.sara, "set private on");
    const posts = h.fake.world.messagesIn(p.channels.north).length;
    for (const who of [p.sara, p.erik]) {
      const board = await quota(who, "team");
      expect(board.kind).toBe("private");
      expect(board.shown).toContain(`<@${p.alice}>`);
      expect(board.shown).toContain(`<@${p.cecilia}>`);
    }
    expect(h.fake.world.messagesIn(p.channels.north).length).toBe(posts);
    await quota(p.sara, "set private off");
  });
});

describe("people who record no sales", () => {
  it("tells an admin in no team that admins record no sales, and how to join a team", async () => {
    const mine = await quota(p.ada, "", p.channels.general);
    expect(mine.kind).toBe("private");
    expect(mine.shown).toBe(
      "Admins don't record sales, so there is no progress of yours to show. To sell in a team, have its supervisor add you (`/team add @you` in the team's channel); `/quota team` in a team's channel shows how that team is doing.",
    );
    expect((await quota(p.ada, "5000", p.channels.general)).shown).toContain("Admins don't record sales");
  });

  it("tells an executive the same, in their language", async () => {
    expect((await quota(p.erik, "", p.channels.general)).shown).toBe(
      "Chefer registrerar inga affärer, så du har inget eget resultat att visa. `/quota team` i ett teams kanal visar hur det går för teamet.",
    );
  });
});
