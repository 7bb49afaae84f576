import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST_MAX_CHECKINS } from "../../src/features/quota/posts.js";
import { checkins } from "../../src/features/quota/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

/**
 * Slack takes about one message a second per channel. Sales that come in faster than that are told to the
 * team together: the app runs at Slack's own pace here (1 s between posts to a channel).
 */
let h: Harness;
let reps: string[];

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-16T12:00:00Z", postGapMs: 1000 });
  const { world } = h.fake;
  reps = Array.from(
    { length: 10 },
    (_, i) =>
      world.addUser({ name: `rep${i}`, realName: `Rep ${i}`, tz: "Europe/Stockholm", locale: "en-US" }).id,
  );
  for (const rep of reps) world.joinChannel(h.people.channels.north, rep);
  await makeTeam(h, {
    name: "Sales North",
    channel: h.people.channels.north,
    supervisors: [h.people.sara],
    reps,
    settings: { language: "en" },
  });
});
afterAll(async () => {
  await h?.close();
});

describe("sales faster than Slack's pace for a channel", () => {
  it("30 check-ins in a second: each rep answered at once, the channel told in paced posts, each sale once", async () => {
    const north = h.people.channels.north;
    h.fake.resetCalls();
    const sales = Array.from({ length: 30 }, (_, i) => ({
      rep: reps[i % reps.length] as string,
      note: `deal-${String(i + 1).padStart(2, "0")}`,
    }));
    const started = Date.now();
    const results = await Promise.all(
      sales.map(({ rep, note }) =>
        h.slack.slashCommand({ userId: rep, channelId: north, command: "/quota", text: `1000 ${note}` }),
      ),
    );
    const arrivalMs = Date.now() - started;
    // Every rep has their own private answer in Slack's ack, not after the channel's turn.
    for (const [i, result] of results.entries()) {
      expect(result.reply?.kind).toBe("ephemeral");
      const text = result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
      expect(text).toContain(`Recorded`);
      expect(text).toContain(sales[i]?.note);
    }
    await h.settle();

    const posted = h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === north && c.ok);
    const posts = h.fake.world.messagesIn(north).filter((m) => /deal-\d\d/.test(JSON.stringify(m.blocks)));
    expect(posts).toHaveLength(posted.length);
    // Far fewer posts than sales, a second or more apart: the first (posted at once), one more a second
    // while sales kept coming, and the ones that gather the rest, as many as a message holds.
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.length).toBeLessThanOrEqual(
      1 + Math.floor(arrivalMs / 1000) + Math.ceil(sales.length / POST_MAX_CHECKINS),
    );
    const gaps = posted.slice(1).map((call, i) => call.at - (posted[i]?.at ?? 0));
    // Turns are a second apart; a post reaches Slack a render and a request after its turn, which varies
    // by some tens of milliseconds from one post to the next.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(750);
    const span = (posted.at(-1)?.at ?? 0) - (posted[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual((posted.length - 1) * 1000 - 250);
    // Each sale is listed exactly once; within a post in the order they were recorded (a sale whose
    // transaction commits after a post gathered the channel's sales goes in the next one).
    const perPost = posts.map((m) => JSON.stringify(m.blocks).match(/deal-\d\d/g) ?? []);
    for (const post of perPost) expect(post.length).toBeLessThanOrEqual(POST_MAX_CHECKINS);
    const listed = perPost.flat();
    expect([...listed].sort()).toEqual(sales.map((s) => s.note).sort());
    const rows = (await h.database.db.select().from(checkins)).sort((a, b) => a.id - b.id);
    const idOf = new Map(rows.map((r) => [r.note, r.id]));
    for (const post of perPost) {
      const ids = post.map((note) => idOf.get(note) ?? 0);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    // Each sale remembers the post that lists it, so taking it back updates that post.
    for (const row of rows) {
      const post = posts.find((m) => m.ts === row.postTs);
      expect(JSON.stringify(post?.blocks), row.note).toContain(row.note);
    }
  });

  it("a sale taken back after it was listed with others is struck through in that post, the others stay", async () => {
    const north = h.people.channels.north;
    const [first] = (await h.database.db.select().from(checkins)).sort((a, b) => b.id - a.id);
    if (!first) throw new Error("no check-in");
    const sharing = (await h.database.db.select().from(checkins)).filter((c) => c.postTs === first.postTs);
    const undo = await h.slack.slashCommand({
      userId: first.repId,
      channelId: north,
      command: "/quota",
      text: "undo",
    });
    expect(undo.reply?.kind === "ephemeral" && visibleText(undo.reply.ephemeral)).toContain("Took back");
    await h.settle();
    const post = h.fake.world.messagesIn(north).find((m) => m.ts === first.postTs);
    const shown = visibleText(post).replace(/[\u00a0\u202f]/g, " ");
    expect(shown).toContain(`~<@${first.repId}> checked in SEK 1,000~ _(taken back)_`);
    for (const other of sharing.filter((c) => c.id !== first.id)) expect(shown).toContain(other.note);
    expect(shown).not.toContain(`${first.note}`);
  });

  it("a sale whose post was never queued (a process that died, a post that gathered too early) is posted by the minute's sweep", async () => {
    const north = h.people.channels.north;
    const [any] = await h.database.db.select().from(checkins);
    if (!any) throw new Error("no check-in");
    // Recorded a minute ago, owed a post in the channel, and no job on its way for it.
    const recordedAt = new Date(h.clock.now().getTime() - 60_000);
    const [lost] = await h.database.db
      .insert(checkins)
      .values({
        workspaceId: any.workspaceId,
        teamId: any.teamId,
        repId: any.repId,
        amountMinor: 4_200_00,
        currency: any.currency,
        note: "lost-and-found",
        soldOn: any.soldOn,
        recordedAt,
        requestId: "sweep.test.1",
        postChannelId: north,
      })
      .returning();
    const before = h.fake.world.messagesIn(north).length;
    // A slot of its own: the app's own clock strikes the sweep every minute and may have claimed this one.
    const slot = new Date(Date.UTC(2001, 0, 1));
    const queued = await h.server.deps.schedules.strike("quota.channel.sweep", "all", slot, {
      slot: slot.toISOString(),
    });
    expect(queued).toBe(true);
    await h.settle();
    const posts = h.fake.world.messagesIn(north).slice(before);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.blocks)).toContain("lost-and-found");
    const [row] = (await h.database.db.select().from(checkins)).filter((c) => c.id === lost?.id);
    expect(row?.postTs).toBe(posts[0]?.ts);
  });

  it("plans the sweep every minute at start-up", () => {
    const planned = h.server.deps.schedules.planned("quota.channel.sweep", "all");
    expect(planned?.spec.cron).toBe("* * * * *");
    expect(planned?.next).toBeInstanceOf(Date);
  });
});
