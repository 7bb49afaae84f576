import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { makeTeam } from "../support/teams.js";

/**
 * What the app owes people after a change is delivered through Slack's bad moments: rate limits, an
 * outage, a channel that is gone. Retries here are quick (1 s and up); in production they start at 2 s.
 */
let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice],
  });
});
afterAll(async () => {
  await h?.close();
});

async function checkIn(text: string) {
  const result = await h.slack.slashCommand({
    userId: p.alice,
    channelId: p.channels.north,
    command: "/quota",
    text,
  });
  expect(result.reply?.kind === "ephemeral" && result.reply.ephemeral.text).toMatch(/^Recorded /);
  return result;
}

const postsMentioning = (note: string) =>
  h.fake.world.messagesIn(p.channels.north).filter((m) => JSON.stringify(m.blocks ?? m.text).includes(note));

describe("a channel post through Slack's bad moments", () => {
  it("waits out three rate limits and posts once", async () => {
    h.fake.resetCalls();
    h.fake.rateLimit("chat.postMessage", { retryAfter: 1, times: 3 });
    await checkIn("500 Throttled");
    await h.settle();
    expect(postsMentioning("Throttled")).toHaveLength(1);
    const calls = h.fake.callsTo("chat.postMessage").map((c) => c.status);
    expect(calls).toEqual([429, 429, 429, 200]);
  });

  it("holds only the job that met a rate limit: a person's form opens while the post waits", async () => {
    h.fake.resetCalls();
    h.fake.rateLimit("chat.postMessage", { retryAfter: 5, times: 1 });
    await checkIn("800 Held");
    // The post's job met the limit and waits out its five seconds.
    await vi.waitFor(() => expect(h.fake.callsTo("chat.postMessage").map((c) => c.status)).toEqual([429]), {
      timeout: 10_000,
      interval: 20,
    });
    // Meanwhile Sara opens the targets form: her call to Slack does not wait behind the job's limit.
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/quota",
      text: "targets",
    });
    // The command is acknowledged at once and the form opened right after (views.open).
    await vi.waitFor(() => expect(h.fake.callsTo("views.open").map((c) => c.status)).toEqual([200]), {
      timeout: 10_000,
      interval: 20,
    });
    const [opened] = h.fake.callsTo("views.open");
    await h.settle();
    const [refused, posted, ...more] = h.fake.callsTo("chat.postMessage");
    expect([refused?.status, posted?.status, more.length]).toEqual([429, 200, 0]);
    expect(postsMentioning("Held")).toHaveLength(1);
    // The form opened before the post's second try, within the five seconds the job waited.
    expect(opened?.at).toBeLessThan(posted?.at ?? 0);
    expect((opened?.at ?? Infinity) - (refused?.at ?? 0)).toBeLessThan(5000);
  });

  it("posts once Slack is back after an outage, and only once", async () => {
    h.fake.resetCalls();
    // chat.postMessage answers 503 for the next 6 seconds.
    h.fake.outage("chat.postMessage", Date.now() + 6000);
    await checkIn("600 Outage");
    // The sale is recorded at once; the post waits for Slack.
    const [row] = (await h.database.db.select().from(checkins)).filter((c) => c.note === "Outage");
    expect(row?.status).toBe("active");
    await h.settle();
    expect(postsMentioning("Outage")).toHaveLength(1);
    const statuses = h.fake.callsTo("chat.postMessage").map((c) => c.status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const [saved] = (await h.database.db.select().from(checkins)).filter((c) => c.note === "Outage");
    expect(saved?.postTs).toBe(postsMentioning("Outage")[0]?.ts);
  });

  it("does not retry a channel that is gone, and tells the rep what to do", async () => {
    h.fake.resetCalls();
    h.fake.failNext("chat.postMessage", "channel_not_found");
    await checkIn("700 Nowhere");
    await h.settle();
    const toChannel = h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === p.channels.north);
    expect(toChannel.map((c) => c.error ?? "ok")).toEqual(["channel_not_found"]);
    const dm = h.fake.world.dmChannelOf(p.alice);
    expect(
      dm &&
        h.fake.world
          .messagesIn(dm)
          .at(-1)
          ?.text?.replace(/[\u00a0\u202f]/g, " "),
    ).toBe(
      `Your sale of SEK 700 is recorded, but I couldn't tell the team: its channel <#${p.channels.north}> is gone or archived. Your supervisor can give the team another channel with \`/team set channel #channel\`.`,
    );
    // Nothing claims a post that never happened: a later change may post it once the channel is back.
    const [row] = (await h.database.db.select().from(checkins)).filter((c) => c.note === "Nowhere");
    expect(row?.postTs).toBeNull();
  });
});
