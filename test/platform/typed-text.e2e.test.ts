import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";

/**
 * Slack sends `&`, `<` and `>` in a slash command as `&amp;`, `&lt;` and `&gt;` (and real mentions as
 * `<@U…|name>`). What people typed is stored as they typed it and escaped once when shown: a person reads
 * back exactly what they wrote, and text that only looks like a mention never becomes one.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
});
afterAll(async () => {
  await h?.close();
});

function refusedReply(result: Awaited<ReturnType<Harness["slack"]["slashCommand"]>>): string {
  return result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
}

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("text people type with &, < and >", () => {
  it("a team called R&D Nord is stored so and shown so, shown as typed; < and > in a name are refused by name", async () => {
    const { ada, sara, alice, channels } = h.people;
    const result = await h.slack.slashCommand({
      userId: ada,
      channelId: channels.north,
      command: "/team",
      text: `create R&D <Nord> <@${sara}>`,
    });
    const refused = refusedReply(result);
    expect(refused).toContain("Leave the angle brackets out of the team name.");
    expect(refused).not.toMatch(/<|>/);
    const created = await h.slack.slashCommand({
      userId: ada,
      channelId: channels.north,
      command: "/team",
      text: `create R&D Nord <@${sara}>`,
    });
    const shown = created.reply?.kind === "ephemeral" ? visibleText(created.reply.ephemeral) : "";
    // A name holds no < or >, so its & reads as itself in Slack's mrkdwn and in the card's plain-text header.
    expect(shown).toContain("Created the team *R&D Nord*");
    expect(shown.split("\n")).toContain("R&D Nord");
    expect(shown).not.toContain("&amp;");
    const [row] = await h.database.db.select().from(teams).where(eq(teams.channelId, channels.north));
    expect(row?.name).toBe("R&D Nord");
    await h.slack.slashCommand({
      userId: sara,
      channelId: channels.north,
      command: "/team",
      text: `add <@${alice}>`,
    });
    await h.settle();
  });

  it("a sale's note reads back as typed, in the rep's answer, the channel post and the database", async () => {
    const { alice, channels } = h.people;
    const result = await h.slack.slashCommand({
      userId: alice,
      channelId: channels.north,
      command: "/quota",
      text: "500 R&D <3 with @bo <b>now</b>",
    });
    const answer = result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
    // The mention Slack made of "@bo" reads as the name typed; "<b>" stays text, escaped, never markup.
    expect(answer).toContain("R&amp;D &lt;3 with @bo &lt;b&gt;now&lt;/b&gt;");
    await h.settle();
    const [row] = await h.database.db.select().from(checkins);
    expect(row?.note).toBe("R&D <3 with @bo <b>now</b>");
    const post = h.fake.world.messagesIn(channels.north).find((m) => m.ts === row?.postTs);
    const text = spaces(visibleText(post));
    expect(text).toContain("R&amp;D &lt;3 with @bo &lt;b&gt;now&lt;/b&gt;");
    expect(text).not.toContain("&amp;amp;");
  });
});
