import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/platform/db/index.js";
import { ChannelPace } from "../../src/platform/slack/pace.js";
import { type FakeSlack, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";

/**
 * Posting at Slack's pace: one post a second per channel, and a cap per workspace, so a weekly post to
 * many channels at once spreads itself instead of meeting 429s; and the fake Slack refusing what real
 * Slack would, so the benchmark measures against Slack's limits and not the fake's kindness.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The turns `channels`' posts were given, in the order asked (epoch ms, as the database keeps them). */
async function turns(pace: ChannelPace, workspaceId: string, channels: string[]): Promise<number[]> {
  const at: number[] = [];
  for (const channel of channels) {
    await pace.reserve(workspaceId, channel);
    const [row] = await queryRows<{ next_at: string | Date }>(
      database.db,
      sql`select next_at from slack_channel_pace where workspace_id = ${workspaceId} and channel_id = ${channel}`,
    );
    // A channel's next free moment is a second after the turn it just gave.
    at.push(new Date(row?.next_at ?? 0).getTime() - 1000);
  }
  return at;
}

describe("posting at Slack's pace", () => {
  it("spreads posts to many channels of one workspace at its cap, and other workspaces do not wait", async () => {
    const pace = new ChannelPace(database.db, 1000, 20);
    const channels = Array.from({ length: 30 }, (_, n) => `C${n}`);
    const spread = await turns(pace, "T-one", channels);
    // 20 a second: one every 50 ms, 30 posts over 1.45 s or more, whatever the machine's speed.
    for (let n = 1; n < spread.length; n++)
      expect((spread[n] ?? 0) - (spread[n - 1] ?? 0)).toBeGreaterThanOrEqual(50);
    expect((spread.at(-1) ?? 0) - (spread[0] ?? 0)).toBeGreaterThanOrEqual(1450);
    // Another workspace's first post goes now, before most of the first one's.
    const [other = 0] = await turns(pace, "T-two", ["C0"]);
    expect(other).toBeLessThan(spread.at(-1) ?? 0);
    expect(await pace.reserve("T-three", "C0")).toBeLessThanOrEqual(0);
  });

  it("keeps a second between two posts to one channel, whatever the workspace allows", async () => {
    const pace = new ChannelPace(database.db, 1000, 1000);
    const [first = 0, second = 0, third = 0] = await turns(pace, "T-four", ["C9", "C9", "C9"]);
    expect(second - first).toBeGreaterThanOrEqual(1000);
    expect(third - second).toBeGreaterThanOrEqual(1000);
    expect(await pace.reserve("T-four", "C9")).toBeGreaterThan(1000);
  });

  it("takes no turns at all when pacing is off (tests of other things)", async () => {
    const pace = new ChannelPace(database.db, 0, 20);
    for (let n = 0; n < 40; n++) expect(await pace.reserve("T-five", "C1")).toBe(0);
  });
});

describe("the fake Slack's limits on posting", () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack({});
  });
  afterAll(async () => {
    await fake?.close();
  });

  const post = (channel: string) =>
    fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.botToken}`, "content-type": "application/json" },
      body: JSON.stringify({ channel, text: "hi" }),
    });

  it("refuses a second post to a channel within the second, with Retry-After, and posts nothing", async () => {
    const channel = fake.world.addChannel({ name: "pace-one" }).id;
    fake.limitPosts({ channelGapMs: 1000 });
    const before = fake.world.messagesIn(channel).length;
    expect((await post(channel)).status).toBe(200);
    const refused = await post(channel);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(fake.world.messagesIn(channel).length).toBe(before + 1);
    expect(fake.postLimitCounts).toMatchObject({ accepted: 1, refused: { channel: 1 } });
    fake.limitPosts(null);
    expect((await post(channel)).status).toBe(200);
  });

  it("caps a workspace's posts a second, and refuses a share at random when asked", async () => {
    const channels = ["pace-two", "pace-three", "pace-four"].map(
      (name) => fake.world.addChannel({ name }).id,
    );
    fake.limitPosts({ channelGapMs: 0, workspacePerSecond: 2 });
    // Ten at once: a second's worth (two) goes, the rest are refused (a few more if the machine is so
    // busy that the ten take longer to arrive and the bucket refills meanwhile, two a second).
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, n) => (await post(channels[n % channels.length] ?? "")).status),
    );
    const accepted = statuses.filter((s) => s === 200).length;
    expect(accepted).toBeGreaterThanOrEqual(2);
    expect(accepted).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - accepted);
    expect(fake.postLimitCounts.refused.workspace).toBe(10 - accepted);

    fake.limitPosts({ channelGapMs: 0, refuseFraction: 0.05, seed: 7 });
    for (let n = 0; n < 400; n++) await post(channels[n % channels.length] ?? "");
    const { refused } = fake.postLimitCounts;
    expect(fake.postLimitCounts.accepted + refused.random).toBe(400);
    expect(refused.random).toBeGreaterThan(8);
    expect(refused.random).toBeLessThan(40);
    fake.limitPosts(null);
  });
});
