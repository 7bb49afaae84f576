import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("when Slack is slow", () => {
  it("acks a slash command within Slack's 3 s with 'working on it', then answers by response_url", async () => {
    const { erik, channels } = h.people;
    // Erik's profile is not cached yet, and Slack makes us wait 3 s for it.
    h.fake.rateLimit("users.info", { retryAfter: 3, times: 1 });
    const later = h.fake.world.waitFor(
      (e) => e.type === "ephemeral_posted" && e.ephemeral.source === "response_url",
      10_000,
    );
    const started = Date.now();
    const result = await h.slack.slashCommand({
      userId: erik,
      channelId: channels.general,
      command: "/team",
      text: "help",
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.error).toBeUndefined();
    expect(result.reply?.kind === "ephemeral" && result.reply.ephemeral.text).toBe(
      "Working on it… I'll post the answer here in a moment.",
    );
    const answer = await later;
    expect(answer.type === "ephemeral_posted" && answer.ephemeral.user).toBe(erik);
    expect(answer.type === "ephemeral_posted" && answer.ephemeral.text).toBe("Supervisors /team-kommandon");
  });

  it("tells the person politely when Slack cannot be reached for what the answer needs", async () => {
    const { ada, channels } = h.people;
    h.fake.failNext("conversations.info", "internal_error");
    const result = await h.slack.slashCommand({
      userId: ada,
      channelId: channels.north,
      command: "/team",
      text: "create North @sara",
    });
    const text = result.reply?.kind === "ephemeral" ? result.reply.ephemeral.text : "";
    expect(text).toMatch(/^Sorry, something went wrong on our side\. .* reference: [A-Z0-9]{6}\.$/);
  });
});
