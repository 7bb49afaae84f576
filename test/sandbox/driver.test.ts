import type { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeSlack,
  ImpossibleInputError,
  type SlackDriver,
  type SlackUser,
  startFakeSlack,
  type World,
} from "../../src/sandbox/fake-slack/index.js";
import {
  BOT_TOKEN,
  clientFor,
  FakeApp,
  isRecord,
  NO_REFERENCE,
  REFERENCE_DIR,
  readReference,
  SIGNING_SECRET,
} from "./helpers.js";

const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (value: string, text = value) => ({ text: plain(text), value });

let fake: FakeSlack;
let app: FakeApp;
let slack: SlackDriver;
let client: WebClient;
let world: World;
let anna: SlackUser;
let bo: SlackUser;
let salesId: string;

async function setup(worldOptions?: ConstructorParameters<typeof World>[0]): Promise<void> {
  fake = await startFakeSlack({
    botToken: BOT_TOKEN,
    ackTimeoutMs: 400,
    ...(worldOptions ? { worldOptions } : {}),
    ...(NO_REFERENCE ? {} : { referenceDir: REFERENCE_DIR }),
  });
  app = await FakeApp.start();
  slack = fake.connectApp({ url: app.url, signingSecret: SIGNING_SECRET });
  client = clientFor(fake);
  world = fake.world;
  anna = world.addUser({ name: "anna", realName: "Anna Berg", tz: "Europe/Stockholm", locale: "sv-SE" });
  bo = world.addUser({ name: "bo", realName: "Bo Ek", displayName: "bosse" });
  salesId = world.addChannel({ name: "sales", members: [anna.id, bo.id] }).id;
}

beforeEach(async () => {
  await setup();
});

afterEach(async () => {
  await app.close();
  await fake.close();
});

function payloadKeys(file: string): string[] {
  const data = readReference(`payloads/${file}`);
  if (!isRecord(data) || !isRecord(data.payload)) throw new Error(`no payload in ${file}`);
  return Object.keys(data.payload).sort();
}

function fixturePayload(file: string): Record<string, unknown> {
  const data = readReference(`payloads/${file}`);
  if (!isRecord(data) || !isRecord(data.payload)) throw new Error(`no payload in ${file}`);
  return data.payload;
}

describe("slash commands", () => {
  it("sends Slack's signed form fields", async () => {
    const res = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "5000",
    });
    expect(res.status).toBe(200);
    const req = app.last();
    expect(req.signatureValid).toBe(true);
    expect(req.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.keys(req.body).sort()).toEqual(
      [
        "api_app_id",
        "channel_id",
        "channel_name",
        "command",
        "is_enterprise_install",
        "response_url",
        "team_domain",
        "team_id",
        "text",
        "token",
        "trigger_id",
        "user_id",
        "user_name",
      ].sort(),
    );
    expect(req.body).toMatchObject({
      team_id: "T0SANDBOX",
      channel_id: salesId,
      channel_name: "sales",
      user_id: anna.id,
      user_name: "anna",
      command: "/quota",
      text: "5000",
      api_app_id: "A0SANDBOX",
      is_enterprise_install: "false",
      response_url: res.responseUrl,
      trigger_id: res.triggerId,
    });
    expect(res.responseUrl).toMatch(new RegExp(`^${fake.url}/hooks/commands/`));
  });

  it("sends a chosen trigger_id, as often as asked: a replayed request", async () => {
    const request = {
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "5000",
      triggerId: "9.9.replay",
    };
    const first = await slack.slashCommand(request);
    const second = await slack.slashCommand(request);
    expect([first.triggerId, second.triggerId]).toEqual(["9.9.replay", "9.9.replay"]);
    expect(app.requests.slice(-2).map((r) => [r.signatureValid, r.body.trigger_id])).toEqual([
      [true, "9.9.replay"],
      [true, "9.9.replay"],
    ]);
  });

  it.skipIf(NO_REFERENCE)(
    "has the fields of Slack's own slash command example (needs SLACK_REFERENCE_DIR)",
    async () => {
      await slack.slashCommand({ userId: anna.id, channelId: salesId, command: "/quota", text: "1" });
      const ours = Object.keys(app.last().body);
      const theirs = payloadKeys("slash_command.bolt-python.json").filter(
        (k) => !k.startsWith("enterprise_"),
      );
      expect(ours).toEqual(expect.arrayContaining(theirs));
    },
  );

  it("escapes @mentions and #channels like should_escape: true", async () => {
    const group = world.addUsergroup({ handle: "closers", users: [anna.id] });
    const res = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "@bo and @bosse in #sales & <@U0ALREADY> @nobody @closers @here.",
    });
    const expected = `<@${bo.id}|bo> and <@${bo.id}|bo> in <#${salesId}|sales> &amp; <@U0ALREADY> @nobody <!subteam^${group.id}|@closers> <!here>.`;
    expect(res.text).toBe(expected);
    expect(app.last().body.text).toBe(expected);
  });

  it("shows an ack with text as an ephemeral reply to the user only", async () => {
    app.handler = () => ({ body: { text: "Quota saved: 5000" } });
    const res = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "5000",
    });
    expect(res.reply?.kind).toBe("ephemeral");
    expect(world.ephemeralsFor(anna.id).map((e) => [e.text, e.source, e.channel])).toEqual([
      ["Quota saved: 5000", "ack", salesId],
    ]);
    expect(world.ephemeralsFor(bo.id)).toEqual([]);
    expect(world.messagesIn(salesId)).toEqual([]);
  });

  it("posts an in_channel ack in the channel, and shows nothing for an empty ack", async () => {
    app.handler = () => ({ body: { response_type: "in_channel", text: "Anna set her quota" } });
    const res = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "5000",
    });
    expect(res.reply?.kind).toBe("message");
    expect(world.messagesIn(salesId).map((m) => [m.text, m.bot_id])).toEqual([
      ["Anna set her quota", world.workspace.botId],
    ]);
    app.handler = () => ({ status: 200 });
    const empty = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
      text: "",
    });
    expect(empty.reply).toBeUndefined();
    expect(empty.error).toBeUndefined();
    expect(world.messagesIn(salesId)).toHaveLength(1);
  });

  it("shows Slack's errors for a failing, slow or invalid answer", async () => {
    app.handler = () => ({ status: 500 });
    expect((await slack.slashCommand({ userId: anna.id, channelId: salesId, command: "/quota" })).error).toBe(
      "dispatch_failed",
    );
    app.handler = () => ({ status: 200, body: { text: "late" }, delayMs: 700 });
    const slow = await slack.slashCommand({ userId: anna.id, channelId: salesId, command: "/quota" });
    expect(slow).toMatchObject({ status: 0, error: "operation_timeout" });
    app.handler = () => ({ body: { text: "x", blocks: [{ type: "header", text: plain("h".repeat(151)) }] } });
    expect((await slack.slashCommand({ userId: anna.id, channelId: salesId, command: "/quota" })).error).toBe(
      "invalid_blocks",
    );
    expect(world.noticesFor(anna.id).map((n) => n.text)).toEqual([
      '/quota failed with the error "dispatch_failed"',
      '/quota failed with the error "operation_timeout"',
      '/quota failed with the error "invalid_blocks"',
    ]);
    expect(world.ephemeralsFor(anna.id)).toEqual([]);
  });

  it("gives a trigger_id that opens one modal within 3 seconds", async () => {
    const res = await slack.slashCommand({ userId: anna.id, channelId: salesId, command: "/quota" });
    const view = {
      type: "modal" as const,
      title: plain("Quota") as { type: "plain_text"; text: string },
      blocks: [],
    };
    const opened = await client.views.open({
      trigger_id: res.triggerId,
      view: { ...view, blocks: [{ type: "divider" }] },
    });
    expect(opened.ok).toBe(true);
    expect(world.openViewsOf(anna.id)).toHaveLength(1);
    await expect(
      client.views.open({ trigger_id: res.triggerId, view: { ...view, blocks: [{ type: "divider" }] } }),
    ).rejects.toMatchObject({ data: { error: "exchanged_trigger_id" } });
  });

  it("runs in the user's DM with the app when no channel is given", async () => {
    await slack.slashCommand({ userId: bo.id, command: "/quota" });
    expect(app.last().body).toMatchObject({
      channel_id: world.dmChannelOf(bo.id),
      channel_name: "directmessage",
    });
  });
});

describe("response_url", () => {
  async function post(
    url: string,
    body: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it("accepts 5 replies, then refuses", async () => {
    const { responseUrl } = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
    });
    for (let i = 1; i <= 5; i++) {
      expect(await post(responseUrl, { text: `update ${i}` })).toEqual({ status: 200, json: { ok: true } });
    }
    expect(await post(responseUrl, { text: "sixth" })).toEqual({
      status: 404,
      json: { ok: false, error: "used_url" },
    });
    expect(world.ephemeralsFor(anna.id).map((e) => e.text)).toEqual([
      "update 1",
      "update 2",
      "update 3",
      "update 4",
      "update 5",
    ]);
    expect(world.ephemeralsFor(anna.id).every((e) => e.source === "response_url")).toBe(true);
    expect(fake.callsTo("response_url").map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 404]);
  });

  it("posts in the channel for in_channel, validates blocks, and expires after 30 minutes", async () => {
    await app.close();
    await fake.close();
    let clock = Date.now();
    await setup({ now: () => clock });
    const { responseUrl } = await slack.slashCommand({
      userId: anna.id,
      channelId: salesId,
      command: "/quota",
    });
    expect((await post(responseUrl, { response_type: "in_channel", text: "for all" })).status).toBe(200);
    expect(world.messagesIn(salesId).map((m) => m.text)).toEqual(["for all"]);
    const bad = await post(responseUrl, {
      text: "x",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "" } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error: "invalid_blocks" });
    // (With the schema loaded, Slack's "failed to match all allowed schemas" line comes too.)
    expect(bad.json.errors).toContain("must be more than 0 characters [json-pointer:/blocks/0/text/text]");
    expect(world.messagesIn(salesId)).toHaveLength(1);
    clock += 30 * 60 * 1000 + 1;
    expect(await post(responseUrl, { text: "too late" })).toEqual({
      status: 404,
      json: { ok: false, error: "expired_url" },
    });
  });
});

describe("block actions", () => {
  const approvalBlocks = [
    { type: "section", block_id: "summary", text: { type: "mrkdwn", text: "Anna asks for 5000" } },
    {
      type: "actions",
      block_id: "decide",
      elements: [
        { type: "button", action_id: "approve", text: plain("Approve"), value: "req-1", style: "primary" },
        {
          type: "static_select",
          action_id: "period",
          placeholder: plain("Period"),
          options: [option("w", "Week"), option("m", "Month")],
        },
        {
          type: "overflow",
          action_id: "more",
          options: [option("snooze", "Snooze"), option("drop", "Drop")],
        },
      ],
    },
  ];

  async function postApproval(): Promise<string> {
    const res = await client.chat.postMessage({
      channel: salesId,
      text: "Approval needed",
      blocks: approvalBlocks,
    });
    return res.ts ?? "";
  }

  it("sends block_actions for a button in a channel message", async () => {
    const ts = await postApproval();
    const res = await slack.clickButton({
      userId: bo.id,
      channelId: salesId,
      messageTs: ts,
      actionId: "approve",
    });
    expect(res.status).toBe(200);
    const req = app.last();
    expect(req.signatureValid).toBe(true);
    const p = req.body;
    expect(p).toMatchObject({
      type: "block_actions",
      user: { id: bo.id, username: "bo", name: "bo", team_id: "T0SANDBOX" },
      api_app_id: "A0SANDBOX",
      container: { type: "message", message_ts: ts, channel_id: salesId, is_ephemeral: false },
      trigger_id: res.triggerId,
      team: { id: "T0SANDBOX", domain: "sandbox" },
      channel: { id: salesId, name: "sales" },
      message: { ts, text: "Approval needed" },
      response_url: res.responseUrl,
      state: { values: { decide: { period: { type: "static_select", selected_option: null } } } },
    });
    const actions = p.actions as Record<string, unknown>[];
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      type: "button",
      action_id: "approve",
      block_id: "decide",
      text: plain("Approve"),
      value: "req-1",
      style: "primary",
    });
    expect(String(actions[0]?.action_ts)).toMatch(/^\d+\.\d{6}$/);
  });

  it.skipIf(NO_REFERENCE)(
    "shapes block_actions like payloads/block_actions.bolt-python.json (needs SLACK_REFERENCE_DIR)",
    async () => {
      const ts = await postApproval();
      await slack.clickButton({ userId: bo.id, channelId: salesId, messageTs: ts, actionId: "approve" });
      const ours = app.last().body;
      const theirs = fixturePayload("block_actions.bolt-python.json");
      expect(Object.keys(ours)).toEqual(expect.arrayContaining(Object.keys(theirs)));
      const keys = (v: unknown) => (isRecord(v) ? Object.keys(v).sort() : []);
      expect(keys(ours.user)).toEqual(keys(theirs.user));
      expect(keys(ours.container)).toEqual(keys(theirs.container));
      expect(keys(ours.channel)).toEqual(keys(theirs.channel));
      expect(keys((ours.actions as unknown[])[0]).filter((k) => k !== "style")).toEqual(
        keys((theirs.actions as unknown[])[0]),
      );
    },
  );

  it("lets the app replace or delete the original message through the action's response_url", async () => {
    const ts = await postApproval();
    const res = await slack.clickButton({
      userId: bo.id,
      channelId: salesId,
      messageTs: ts,
      actionId: "approve",
    });
    const replace = await fetch(String(res.responseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ replace_original: true, text: "Approved by Bo" }),
    });
    expect(replace.status).toBe(200);
    expect(world.message(salesId, ts)).toMatchObject({ text: "Approved by Bo" });
    expect(world.message(salesId, ts)?.blocks).toBeUndefined();
    await fetch(String(res.responseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ delete_original: true }),
    });
    expect(world.message(salesId, ts)).toBeUndefined();
  });

  it("picks options in selects and overflow menus", async () => {
    const ts = await postApproval();
    await slack.chooseOption({ userId: anna.id, channelId: salesId, messageTs: ts, actionId: "period" }, "m");
    const select = app.last().body;
    expect((select.actions as unknown[])[0]).toMatchObject({
      type: "static_select",
      action_id: "period",
      block_id: "decide",
      selected_option: { text: plain("Month"), value: "m" },
      placeholder: plain("Period"),
    });
    expect(select.state).toEqual({
      values: {
        decide: { period: { type: "static_select", selected_option: { text: plain("Month"), value: "m" } } },
      },
    });
    await slack.chooseOption(
      { userId: anna.id, channelId: salesId, messageTs: ts, actionId: "more" },
      "snooze",
    );
    expect((app.last().body.actions as unknown[])[0]).toMatchObject({
      type: "overflow",
      selected_option: { text: plain("Snooze"), value: "snooze" },
    });
    await expect(
      slack.chooseOption({ userId: anna.id, channelId: salesId, messageTs: ts, actionId: "period" }, "year"),
    ).rejects.toThrow(ImpossibleInputError);
  });

  it("refuses to click what the user cannot see", async () => {
    const ts = await postApproval();
    const before = app.requests.length;
    await expect(
      slack.clickButton({ userId: bo.id, channelId: salesId, messageTs: ts, actionId: "reject" }),
    ).rejects.toThrow(/no element with action_id "reject" is visible; visible: .*decide\/approve \(button\)/);
    const eph = await client.chat.postEphemeral({
      channel: salesId,
      user: anna.id,
      text: "undo?",
      blocks: [{ type: "actions", elements: [{ type: "button", action_id: "undo", text: plain("Undo") }] }],
    });
    await expect(
      slack.clickButton({ userId: bo.id, channelId: salesId, messageTs: eph.message_ts, actionId: "undo" }),
    ).rejects.toThrow(/no message/);
    expect(app.requests.length).toBe(before);
  });

  it("clicks buttons in an ephemeral message (no message in the payload, is_ephemeral: true)", async () => {
    const eph = await client.chat.postEphemeral({
      channel: salesId,
      user: anna.id,
      text: "Recorded. Undo?",
      blocks: [
        {
          type: "actions",
          block_id: "u",
          elements: [{ type: "button", action_id: "undo", text: plain("Undo"), value: "9" }],
        },
      ],
    });
    const res = await slack.clickButton({ userId: anna.id, messageTs: eph.message_ts, actionId: "undo" });
    const p = app.last().body;
    expect(p.container).toEqual({
      type: "message",
      message_ts: eph.message_ts,
      channel_id: salesId,
      is_ephemeral: true,
    });
    expect(p.message).toBeUndefined();
    await fetch(String(res.responseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ replace_original: true, text: "Undone." }),
    });
    expect(world.ephemeralsFor(anna.id).map((e) => e.text)).toEqual(["Undone."]);
  });
});

describe("modals", () => {
  const quotaModal = {
    type: "modal" as const,
    callback_id: "quota_modal",
    private_metadata: '{"week":"2024-W05"}',
    notify_on_close: true,
    title: plain("Set quota"),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: "note",
        label: plain("Note"),
        element: { type: "plain_text_input", action_id: "text" },
      },
      {
        type: "input",
        block_id: "amount",
        label: plain("Amount"),
        element: {
          type: "number_input",
          action_id: "value",
          is_decimal_allowed: false,
          initial_value: "1000",
        },
      },
      {
        type: "input",
        block_id: "period",
        label: plain("Period"),
        element: {
          type: "static_select",
          action_id: "pick",
          options: [option("w", "Week"), option("m", "Month")],
        },
      },
      {
        type: "input",
        block_id: "optional_period",
        optional: true,
        label: plain("Compare with"),
        element: { type: "static_select", action_id: "pick", options: [option("w", "Week")] },
      },
      {
        type: "input",
        block_id: "owner",
        label: plain("Owner"),
        element: { type: "users_select", action_id: "user" },
      },
      {
        type: "input",
        block_id: "team",
        optional: true,
        label: plain("Team"),
        element: { type: "multi_users_select", action_id: "users" },
      },
      {
        type: "input",
        block_id: "where",
        optional: true,
        label: plain("Channel"),
        element: { type: "conversations_select", action_id: "conv" },
      },
      {
        type: "input",
        block_id: "flags",
        optional: true,
        label: plain("Flags"),
        element: { type: "checkboxes", action_id: "boxes", options: [option("remind"), option("public")] },
      },
      {
        type: "input",
        block_id: "start",
        label: plain("Start"),
        element: { type: "datepicker", action_id: "date", initial_date: "2024-01-29" },
      },
    ],
  };

  async function openQuota(extra: Record<string, unknown> = {}): Promise<string> {
    const res = await client.views.open({
      trigger_id: world.issueTrigger(anna.id),
      view: { ...quotaModal, ...extra },
    });
    return String((res.view as Record<string, unknown>).id);
  }

  it("builds view.state.values exactly as Slack does, and closes on an empty ack", async () => {
    const viewId = await openQuota();
    const res = await slack.submitView({
      userId: anna.id,
      values: {
        note: { text: "new hire" },
        amount: { value: 42 },
        period: { pick: "m" },
        owner: { user: bo.id },
        team: { users: [anna.id, bo.id] },
        where: { conv: salesId },
      },
    });
    expect(res.responseAction).toBe("close");
    expect(world.openViewsOf(anna.id)).toEqual([]);
    const p = app.last().body;
    expect(app.last().signatureValid).toBe(true);
    expect(p).toMatchObject({
      type: "view_submission",
      user: { id: anna.id, username: "anna" },
      team: { id: "T0SANDBOX" },
      api_app_id: "A0SANDBOX",
      response_urls: [],
    });
    expect(String(p.trigger_id)).toMatch(/\./);
    const view = p.view as Record<string, unknown>;
    expect(view).toMatchObject({
      id: viewId,
      callback_id: "quota_modal",
      private_metadata: '{"week":"2024-W05"}',
      type: "modal",
      root_view_id: viewId,
    });
    expect(typeof view.hash).toBe("string");
    expect(view.state).toEqual({
      values: {
        note: { text: { type: "plain_text_input", value: "new hire" } },
        amount: { value: { type: "number_input", value: "42" } },
        period: { pick: { type: "static_select", selected_option: { text: plain("Month"), value: "m" } } },
        optional_period: { pick: { type: "static_select", selected_option: null } },
        owner: { user: { type: "users_select", selected_user: bo.id } },
        team: { users: { type: "multi_users_select", selected_users: [anna.id, bo.id] } },
        where: { conv: { type: "conversations_select", selected_conversation: salesId } },
        flags: { boxes: { type: "checkboxes", selected_options: [] } },
        start: { date: { type: "datepicker", selected_date: "2024-01-29" } },
      },
    });
  });

  it.skipIf(NO_REFERENCE)(
    "shapes view_submission like Slack's examples (needs SLACK_REFERENCE_DIR)",
    async () => {
      await openQuota();
      await slack.submitView({
        userId: anna.id,
        values: { note: { text: "x" }, period: { pick: "w" }, owner: { user: bo.id } },
      });
      const ours = app.last().body;
      const theirs = fixturePayload("view_submission.plain_text_input.bolt-python.json");
      expect(Object.keys(ours)).toEqual(expect.arrayContaining(Object.keys(theirs)));
      const ourView = ours.view as Record<string, unknown>;
      expect(Object.keys(ourView).sort()).toEqual(Object.keys(theirs.view as Record<string, unknown>).sort());
    },
  );

  it("does not send a submission with a required field empty (Slack's client refuses)", async () => {
    await openQuota();
    const before = app.requests.length;
    const res = await slack.submitView({
      userId: anna.id,
      values: { note: { text: "x" }, amount: { value: "12.5" } },
    });
    expect(res.responseAction).toBe("not_sent");
    expect(res.clientErrors).toEqual({
      amount: "Please enter a whole number.",
      period: "Please complete this required field.",
      owner: "Please complete this required field.",
    });
    expect(app.requests.length).toBe(before);
    expect(world.openViewsOf(anna.id)).toHaveLength(1);
  });

  it("keeps the modal open with response_action errors, and rejects error keys that are not input blocks", async () => {
    const viewId = await openQuota();
    const values = { note: { text: "x" }, period: { pick: "w" }, owner: { user: bo.id } };
    app.handler = () => ({ body: { response_action: "errors", errors: { amount: "Must be above 0" } } });
    const res = await slack.submitView({ userId: anna.id, values });
    expect(res).toMatchObject({ responseAction: "errors", errors: { amount: "Must be above 0" } });
    expect(res.error).toBeUndefined();
    expect(world.openViewsOf(anna.id).map((v) => v.id)).toEqual([viewId]);
    app.handler = () => ({
      body: { response_action: "errors", errors: { amount_block: "wrong id", note: "ok" } },
    });
    const bad = await slack.submitView({ userId: anna.id, values });
    expect(bad.responseAction).toBe("failed");
    expect(bad.error).toBe("invalid errors: amount_block is not an input block of the view");
    expect(world.openViewsOf(anna.id).map((v) => v.id)).toEqual([viewId]);
  });

  it("applies update, push and clear", async () => {
    const viewId = await openQuota({ notify_on_close: false });
    const values = { note: { text: "x" }, period: { pick: "w" }, owner: { user: bo.id } };
    const step2 = {
      type: "modal",
      title: plain("Confirm"),
      submit: plain("Yes"),
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Sure?" } }],
    };
    app.handler = () => ({ body: { response_action: "update", view: step2 } });
    const updated = await slack.submitView({ userId: anna.id, values });
    expect(updated.responseAction).toBe("update");
    expect(updated.view?.id).toBe(viewId);
    expect(world.openViewsOf(anna.id)[0]?.title).toEqual(plain("Confirm"));
    app.handler = () => ({ body: { response_action: "push", view: { ...step2, title: plain("Really?") } } });
    const pushed = await slack.submitView({ userId: anna.id });
    expect(pushed.responseAction).toBe("push");
    expect(world.openViewsOf(anna.id).map((v) => v.previous_view_id)).toEqual([null, viewId]);
    app.handler = () => ({
      body: { response_action: "update", view: { ...step2, title: plain("t".repeat(30)) } },
    });
    const invalid = await slack.submitView({ userId: anna.id });
    expect(invalid.responseAction).toBe("failed");
    expect(invalid.error).toContain("must be less than 25 characters [json-pointer:/view/title/text]");
    app.handler = () => ({ body: { response_action: "clear" } });
    expect((await slack.submitView({ userId: anna.id })).responseAction).toBe("clear");
    expect(world.openViewsOf(anna.id)).toEqual([]);
  });

  it("keeps what the user picked in a modal for the submission", async () => {
    await client.views.open({
      trigger_id: world.issueTrigger(anna.id),
      view: {
        type: "modal",
        title: plain("Pick"),
        submit: plain("Go"),
        blocks: [
          {
            type: "section",
            block_id: "s",
            text: { type: "mrkdwn", text: "Who?" },
            accessory: { type: "users_select", action_id: "who" },
          },
          {
            type: "input",
            block_id: "when",
            label: plain("When"),
            element: { type: "datepicker", action_id: "d" },
          },
        ],
      },
    });
    const view = world.openViewsOf(anna.id)[0];
    await slack.chooseUser({ userId: anna.id, viewId: view?.id, actionId: "who" }, bo.id);
    const action = app.last().body;
    expect(action.container).toEqual({ type: "view", view_id: view?.id });
    expect((action.view as { state: unknown }).state).toEqual({
      values: {
        s: { who: { type: "users_select", selected_user: bo.id } },
        when: { d: { type: "datepicker", selected_date: null } },
      },
    });
    await slack.submitView({ userId: anna.id, values: { when: { d: "2024-02-01" } } });
    expect((app.last().body.view as { state: unknown }).state).toEqual({
      values: {
        s: { who: { type: "users_select", selected_user: bo.id } },
        when: { d: { type: "datepicker", selected_date: "2024-02-01" } },
      },
    });
  });

  it("sends view_closed only for views with notify_on_close", async () => {
    const viewId = await openQuota();
    const res = await slack.closeView({ userId: anna.id });
    expect(res).toMatchObject({ sent: true, status: 200, closedViewIds: [viewId] });
    expect(app.last().body).toMatchObject({ type: "view_closed", view: { id: viewId }, is_cleared: false });
    await openQuota({ notify_on_close: false });
    const before = app.requests.length;
    expect((await slack.closeView({ userId: anna.id })).sent).toBe(false);
    expect(app.requests.length).toBe(before);
    expect(world.openViewsOf(anna.id)).toEqual([]);
  });
});

describe("shortcuts and events", () => {
  it("sends a global shortcut", async () => {
    const res = await slack.globalShortcut({ userId: anna.id, callbackId: "log_sale" });
    expect(app.last().body).toMatchObject({
      type: "shortcut",
      callback_id: "log_sale",
      trigger_id: res.triggerId,
      user: { id: anna.id, username: "anna", team_id: "T0SANDBOX" },
      team: { id: "T0SANDBOX", domain: "sandbox" },
    });
    if (!NO_REFERENCE) {
      expect(Object.keys(app.last().body)).toEqual(
        expect.arrayContaining(payloadKeys("global_shortcut.bolt-python.json")),
      );
    }
  });

  it("sends a message shortcut with the message", async () => {
    const msg = world.postUserMessage(bo.id, salesId, "Closed the Acme deal!");
    const res = await slack.messageShortcut({
      userId: anna.id,
      callbackId: "log_from_message",
      channelId: salesId,
      messageTs: msg.ts,
    });
    expect(app.last().body).toMatchObject({
      type: "message_action",
      callback_id: "log_from_message",
      channel: { id: salesId, name: "sales" },
      message_ts: msg.ts,
      message: { text: "Closed the Acme deal!", user: bo.id, ts: msg.ts },
      response_url: res.responseUrl,
      trigger_id: res.triggerId,
    });
    if (!NO_REFERENCE) {
      expect(Object.keys(app.last().body)).toEqual(
        expect.arrayContaining(payloadKeys("message_shortcut.bolt-python.json")),
      );
    }
  });

  it("sends app_home_opened with a unique event_id, and retries the same envelope", async () => {
    const home = await client.views.publish({
      user_id: anna.id,
      view: { type: "home", blocks: [{ type: "divider" }] },
    });
    const first = await slack.appHomeOpened({ userId: anna.id });
    const second = await slack.appHomeOpened({ userId: anna.id });
    expect(first.eventId).not.toBe(second.eventId);
    const req = app.requests[0];
    expect(req?.contentType).toBe("application/json");
    expect(req?.signatureValid).toBe(true);
    expect(req?.body).toMatchObject({
      type: "event_callback",
      team_id: "T0SANDBOX",
      api_app_id: "A0SANDBOX",
      event_id: first.eventId,
      event: {
        type: "app_home_opened",
        user: anna.id,
        channel: world.dmChannelOf(anna.id),
        tab: "home",
        view: { id: (home.view as Record<string, unknown>).id, type: "home" },
      },
      authorizations: [{ user_id: "U0BOT0001", is_bot: true }],
    });
    if (!NO_REFERENCE) {
      expect(Object.keys(req?.body ?? {})).toEqual(
        expect.arrayContaining(
          payloadKeys("app_home_opened.envelope.bolt-python.json").filter((k) => k !== "enterprise_id"),
        ),
      );
    }
    expect(req?.headers["x-slack-retry-num"]).toBeUndefined();
    const retry = await slack.retryEvent(first.eventId);
    const again = app.last();
    expect(retry.status).toBe(200);
    expect(again.rawBody).toBe(req?.rawBody);
    expect(again.signatureValid).toBe(true);
    expect(again.headers["x-slack-retry-num"]).toBe("1");
    expect(again.headers["x-slack-retry-reason"]).toBe("http_timeout");
  });

  it("passes Slack's URL verification when the app echoes the challenge", async () => {
    app.handler = (req) => ({ body: { challenge: req.body.challenge } });
    expect((await slack.verifyUrl()).ok).toBe(true);
    app.handler = () => ({ body: "nope" });
    expect((await slack.verifyUrl()).ok).toBe(false);
  });
});
