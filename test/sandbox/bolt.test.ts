// The fake Slack against a real Bolt app (HTTP receiver): Bolt must accept the driver's
// signed requests, and Bolt's WebClient must get Slack-shaped answers from the fake.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeSlack,
  type SlackDriver,
  type SlackUser,
  startFakeSlack,
} from "../../src/sandbox/fake-slack/index.js";
import { BOT_TOKEN, NO_REFERENCE, REFERENCE_DIR, SIGNING_SECRET, silentLogger } from "./helpers.js";

let fake: FakeSlack;
let slack: SlackDriver;
let app: App;
let server: Server;
let anna: SlackUser;
let salesId: string;
const seen: string[] = [];

beforeEach(async () => {
  seen.length = 0;
  fake = await startFakeSlack({
    botToken: BOT_TOKEN,
    ...(NO_REFERENCE ? {} : { referenceDir: REFERENCE_DIR }),
  });
  anna = fake.world.addUser({ name: "anna", realName: "Anna Berg", tz: "Europe/Stockholm" });
  salesId = fake.world.addChannel({ name: "sales", members: [anna.id] }).id;
  app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    logger: silentLogger,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command("/quota", async ({ ack, command, client }) => {
    await ack();
    seen.push(`command:${command.text}`);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: {
        type: "modal",
        callback_id: "quota",
        private_metadata: command.channel_id,
        title: { type: "plain_text", text: "Quota" },
        submit: { type: "plain_text", text: "Save" },
        blocks: [
          {
            type: "input",
            block_id: "amount",
            label: { type: "plain_text", text: "Amount" },
            element: { type: "number_input", action_id: "value", is_decimal_allowed: false },
          },
        ],
      },
    });
  });
  app.view("quota", async ({ ack, view, body, client }) => {
    const value = view.state.values.amount?.value?.value ?? "";
    if (Number(value) <= 0) {
      await ack({ response_action: "errors", errors: { amount: "Must be above 0" } });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: view.private_metadata,
      text: `<@${body.user.id}> set quota ${value}`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `Quota *${value}*` } },
        {
          type: "actions",
          elements: [{ type: "button", action_id: "undo", text: { type: "plain_text", text: "Undo" } }],
        },
      ],
    });
  });
  app.action("undo", async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Undone" });
  });
  app.event("app_home_opened", async ({ event, client, context }) => {
    seen.push(`home:${event.user}:retry=${String(context.retryNum)}`);
    await client.views.publish({
      user_id: event.user,
      view: { type: "home", blocks: [{ type: "divider" }] },
    });
  });
  server = (await app.start(0)) as Server;
  const port = (server.address() as AddressInfo).port;
  slack = fake.connectApp({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET });
});

afterEach(async () => {
  await app.stop();
  await fake.close();
});

describe("a real Bolt app against the fake Slack", () => {
  it("runs a command -> modal -> submission -> message -> button round trip", async () => {
    const cmd = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "go",
    });
    expect(cmd.status).toBe(200);
    expect(cmd.error).toBeUndefined();
    await fake.waitForCall("views.open");
    expect(seen).toEqual(["command:go"]);
    expect(fake.callsTo("views.open").map((c) => c.ok)).toEqual([true]);
    expect(fake.world.openViewsOf(anna.id)).toHaveLength(1);

    const refused = await slack.submitView({ userId: anna.id, values: { amount: { value: "0" } } });
    expect(refused).toMatchObject({ responseAction: "errors", errors: { amount: "Must be above 0" } });

    const since = Date.now();
    const ok = await slack.submitView({ userId: anna.id, values: { amount: { value: "5000" } } });
    expect(ok.responseAction).toBe("close");
    await fake.waitForCall("chat.postMessage", { since });
    const [message] = fake.world.messagesIn(salesId);
    expect(message?.text).toBe(`<@${anna.id}> set quota 5000`);

    await slack.clickButton({
      userId: anna.id,
      channelId: salesId,
      messageTs: message?.ts,
      actionId: "undo",
    });
    await fake.world.waitFor((e) => e.type === "message_updated");
    expect(fake.world.message(salesId, message?.ts ?? "")?.text).toBe("Undone");
  });

  it("delivers app_home_opened and its retry (Bolt sees retryNum)", async () => {
    const first = await slack.appHomeOpened({ userId: anna.id });
    expect(first.status).toBe(200);
    await fake.waitForCall("views.publish");
    await slack.retryEvent(first.eventId);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([`home:${anna.id}:retry=undefined`, `home:${anna.id}:retry=1`]);
    expect(fake.world.homeOf(anna.id)?.blocks).toHaveLength(1);
  });

  it("is refused by Bolt when the signing secret is wrong", async () => {
    const port = (server.address() as AddressInfo).port;
    fake.connectApp({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: "wrong-secret" });
    const res = await slack.slashCommand({ userId: anna.id, channelId: salesId, command: "/quota" });
    expect(res.status).toBe(401);
    expect(res.error).toBe("dispatch_failed");
    expect(seen).toEqual([]);
  });
});
