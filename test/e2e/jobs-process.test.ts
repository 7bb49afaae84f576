import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, type SlackDriver, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { type AppProcess, startApp } from "../support/process.js";

/**
 * A channel post the app owes survives the app itself: a stop while Slack hangs on it, or a kill. The
 * app runs as `npm start` runs it, with production timings (10 s to finish on stop, a dead process's
 * job taken up again after its 10 s heartbeat is missed).
 */
const secret = "jobs-process-secret";
let fake: FakeSlack;
let dataDir: string;
const running: AppProcess[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  dataDir = mkdtempSync(join(tmpdir(), "supervisor-jobs-"));
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.stop("SIGKILL")));
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const readyLine = /Supervisor is ready: Slack request URL http:\/\/\S+:(\d+)\/slack\/events/;

async function boot(folder: string): Promise<{ app: AppProcess; driver: SlackDriver }> {
  const app = startApp({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATA_DIR: join(dataDir, folder),
  });
  running.push(app);
  const [, port] = await app.waitFor(readyLine);
  return {
    app,
    driver: fake.connectApp({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: secret }),
  };
}

/** A team in a channel of its own, with a rep, made through the app; returns the rep and the channel. */
async function teamWithRep(driver: SlackDriver, name: string): Promise<{ rep: string; channel: string }> {
  const admin = fake.world.addUser({
    name: `${name}-admin`,
    tz: "Europe/London",
    locale: "en-GB",
    isAdmin: true,
  });
  const lead = fake.world.addUser({ name: `${name}-lead`, tz: "Europe/Stockholm", locale: "en-US" });
  const rep = fake.world.addUser({ name: `${name}-rep`, tz: "Europe/Stockholm", locale: "en-US" });
  const channel = fake.world.addChannel({ name, members: [admin.id, lead.id, rep.id] }).id;
  const team = (text: string, userId = admin.id) =>
    driver.slashCommand({ userId, channelId: channel, command: "/team", text });
  await team(`create ${name} <@${lead.id}>`);
  await team(`add <@${rep.id}>`, lead.id);
  return { rep: rep.id, channel };
}

/** The channel's posts about a check-in note, waiting up to `ms` for `count` of them. */
async function postsAbout(channel: string, note: string, count: number, ms: number) {
  const find = () =>
    fake.world.messagesIn(channel).filter((m) => JSON.stringify(m.blocks ?? m.text).includes(note));
  for (let waited = 0; waited < ms && find().length < count; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return find();
}

describe("a channel post the app owes outlives the app", { timeout: 120_000 }, () => {
  it("answers the rep while Slack hangs on the post, stops within its bound on SIGTERM, and posts on the next start", async () => {
    const first = await boot("stopped");
    const { rep, channel } = await teamWithRep(first.driver, "hang-team");
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the team's DMs are out of the way
    // Slack takes the post and never answers, every time the app tries (its client times out and retries).
    const hung = fake.holdNext("chat.postMessage");
    const more = [1, 2, 3, 4].map(() => fake.holdNext("chat.postMessage"));
    const checkin = await first.driver.slashCommand({
      userId: rep,
      channelId: channel,
      command: "/quota",
      text: "4200 Hung",
    });
    expect(checkin.reply?.kind === "ephemeral" && checkin.reply.ephemeral.text).toMatch(/^Recorded /);
    await hung.arrived;
    first.app.child.kill("SIGTERM");
    // Slack never answers that post; the app still exits, after giving it its 10 s.
    expect(await first.app.exited).toBe(0);
    expect(await postsAbout(channel, "Hung", 1, 0)).toHaveLength(0);

    // Slack is itself again for the next start, which posts what the stopped one owed.
    for (const held of more) held.release();
    const second = await boot("stopped");
    const posts = await postsAbout(channel, "Hung", 1, 30_000);
    expect(posts).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await postsAbout(channel, "Hung", 2, 0)).toHaveLength(1);
    expect(await second.app.stop("SIGTERM")).toBe(0);
  });

  it("posts once after the app is killed between recording a sale and posting it", async () => {
    const first = await boot("killed");
    const { rep, channel } = await teamWithRep(first.driver, "kill-team");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const inFlight = fake.holdNext("chat.postMessage");
    const checkin = await first.driver.slashCommand({
      userId: rep,
      channelId: channel,
      command: "/quota",
      text: "3100 Killed",
    });
    expect(checkin.reply?.kind === "ephemeral" && checkin.reply.ephemeral.text).toMatch(/^Recorded /);
    await inFlight.arrived;
    first.app.child.kill("SIGKILL");
    await inFlight.hungUp;
    await first.app.exited;

    const second = await boot("killed");
    // The dead process's job misses its heartbeat and is taken up again: one post, not zero, not two.
    const posts = await postsAbout(channel, "Killed", 1, 60_000);
    expect(posts).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await postsAbout(channel, "Killed", 2, 0)).toHaveLength(1);
    expect(await second.app.stop("SIGTERM")).toBe(0);
  });
});
