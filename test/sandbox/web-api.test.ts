import { ErrorCode, type WebAPIPlatformError, type WebAPIRateLimitedError, WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeSlack,
  IMPLEMENTED_METHODS,
  METHOD_REQUIRED_ARGS,
  type SlackUser,
  startFakeSlack,
  World,
} from "../../src/sandbox/fake-slack/index.js";
import {
  BOT_TOKEN,
  clientFor,
  isRecord,
  keysMissingFromReference,
  NO_REFERENCE,
  REFERENCE_DIR,
  readReference,
  silentLogger,
} from "./helpers.js";

/** The body of a Slack error the WebClient threw. */
async function slackError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (e) {
    const err = e as WebAPIPlatformError;
    if (err.code !== ErrorCode.PlatformError) throw e;
    return err.data as unknown as Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}

const plain = (text: string) => ({ type: "plain_text" as const, text });
const modalView = (extra: Record<string, unknown> = {}) => ({
  type: "modal" as const,
  callback_id: "quota_modal",
  title: plain("Set quota"),
  submit: plain("Save"),
  blocks: [
    {
      type: "input",
      block_id: "amount",
      label: plain("Amount"),
      element: { type: "number_input", action_id: "value", is_decimal_allowed: false },
    },
  ],
  ...extra,
});

let fake: FakeSlack;
let client: WebClient;
let world: World;
let anna: SlackUser;
let bo: SlackUser;
let cleo: SlackUser;
let salesId: string;

beforeEach(async () => {
  fake = await startFakeSlack({
    botToken: BOT_TOKEN,
    referenceDir: NO_REFERENCE ? undefined : REFERENCE_DIR,
  });
  client = clientFor(fake);
  world = fake.world;
  anna = world.addUser({
    name: "anna",
    realName: "Anna Berg",
    tz: "Europe/Stockholm",
    locale: "sv-SE",
    isAdmin: true,
  });
  bo = world.addUser({ name: "bo", realName: "Bo Ek", tz: "America/New_York", email: "bo@example.com" });
  cleo = world.addUser({ name: "cleo", realName: "Cleo Lind" });
  salesId = world.addChannel({ name: "sales", members: [anna.id, bo.id] }).id;
});

afterEach(async () => {
  await fake.close();
});

describe("the fake Web API server", () => {
  it("listens on 127.0.0.1 and exposes the API URL for WebClient", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.apiUrl).toBe(`${fake.url}/api/`);
    expect(fake.port).toBeGreaterThan(0);
  });

  it.skipIf(NO_REFERENCE)(
    "keeps required args identical to Slack's methods/<method>.json (needs SLACK_REFERENCE_DIR)",
    () => {
      expect(IMPLEMENTED_METHODS.length).toBe(17);
      for (const method of IMPLEMENTED_METHODS) {
        const meta = readReference(`methods/${method}.json`);
        if (!isRecord(meta) || !isRecord(meta.args)) throw new Error(`no args in methods/${method}.json`);
        const theirs = [...(meta.args.required as string[])].sort();
        expect([...(METHOD_REQUIRED_ARGS[method] ?? [])].sort(), method).toEqual(theirs);
      }
    },
  );

  it("checks the token: not_authed without one, invalid_auth for an unknown one, a token field works", async () => {
    expect(await slackError(clientFor(fake, { token: "xoxb-wrong" }).auth.test())).toMatchObject({
      ok: false,
      error: "invalid_auth",
    });
    const noToken = await fetch(`${fake.apiUrl}auth.test`, { method: "POST" });
    expect(noToken.status).toBe(200);
    expect(await noToken.json()).toEqual({ ok: false, error: "not_authed" });
    const formToken = await fetch(`${fake.apiUrl}auth.test`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `token=${BOT_TOKEN}`,
    });
    expect(await formToken.json()).toMatchObject({ ok: true, user_id: world.workspace.botUserId });
  });

  it("accepts application/json bodies with the token in the Authorization header", async () => {
    const res = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: salesId, text: "json", blocks: [{ type: "divider" }] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, channel: salesId, message: { text: "json" } });
    expect(fake.callsTo("chat.postMessage")[0]?.args).toEqual({
      channel: salesId,
      text: "json",
      blocks: [{ type: "divider" }],
    });
  });

  it("answers unknown_method for a method it does not know", async () => {
    expect(await slackError(client.apiCall("chat.scheduleMessagez", { channel: salesId }))).toMatchObject({
      error: "unknown_method",
    });
  });

  it("answers auth.test with the workspace and bot", async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team_id: "T0SANDBOX",
      user_id: "U0BOT0001",
      bot_id: world.workspace.botId,
      url: "https://sandbox.slack.com/",
      is_enterprise_install: false,
    });
  });

  it("records every call with decoded args, without the token", async () => {
    await client.chat.postMessage({ channel: salesId, text: "hi", blocks: [{ type: "divider" }] });
    await slackError(client.chat.postMessage({ channel: "C404", text: "x" }));
    expect(fake.calls.map((c) => [c.method, c.ok, c.error, c.status])).toEqual([
      ["chat.postMessage", true, undefined, 200],
      ["chat.postMessage", false, "channel_not_found", 200],
    ]);
    const first = fake.callsTo("chat.postMessage")[0];
    expect(first?.args).toEqual({ channel: salesId, text: "hi", blocks: [{ type: "divider" }] });
    expect(typeof first?.at).toBe("number");
    fake.resetCalls();
    expect(fake.calls).toHaveLength(0);
  });
});

describe("chat.*", () => {
  it("posts a message and keeps it in the world", async () => {
    const res = await client.chat.postMessage({
      channel: salesId,
      text: "Quota set",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Quota* set" } }],
    });
    expect(res.ok).toBe(true);
    expect(res.channel).toBe(salesId);
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(res.message).toMatchObject({
      type: "message",
      text: "Quota set",
      user: "U0BOT0001",
      bot_id: world.workspace.botId,
      ts: res.ts,
      team: "T0SANDBOX",
    });
    const stored = world.messagesIn(salesId);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.text).toBe("Quota set");
    // Slack fills in block_ids.
    const block = stored[0]?.blocks?.[0] as Record<string, unknown>;
    expect(typeof block.block_id).toBe("string");
  });

  it("posts to a user id in the bot's DM with that user", async () => {
    const res = await client.chat.postMessage({ channel: anna.id, text: "Your weekly summary" });
    const dm = world.dmChannelOf(anna.id);
    expect(dm).toMatch(/^D/);
    expect(res.channel).toBe(dm);
    expect(world.messagesIn(dm ?? "").map((m) => m.text)).toEqual(["Your weekly summary"]);
    const opened = await client.conversations.open({ users: anna.id });
    expect(opened).toMatchObject({ ok: true, no_op: true, already_open: true, channel: { id: dm } });
    const fresh = await client.conversations.open({ users: bo.id, return_im: true });
    expect(fresh.already_open).toBeUndefined();
    expect(fresh.channel).toMatchObject({ is_im: true, user: bo.id });
  });

  it("threads replies and counts them on the parent", async () => {
    const parent = await client.chat.postMessage({ channel: salesId, text: "parent" });
    await client.chat.postMessage({ channel: salesId, text: "reply", thread_ts: parent.ts });
    const [p, r] = world.messagesIn(salesId);
    expect(p?.reply_count).toBe(1);
    expect(r?.thread_ts).toBe(parent.ts);
  });

  it("refuses what Slack refuses: unknown, private-without-bot, not a member, archived, no text", async () => {
    const secret = world.addChannel({
      name: "secret",
      isPrivate: true,
      members: [anna.id],
      botIsMember: false,
    });
    const outside = world.addChannel({ name: "outside", botIsMember: false });
    const old = world.addChannel({ name: "old" });
    world.archiveChannel(old.id);
    const err = async (channel: string, text = "x") =>
      (await slackError(client.chat.postMessage({ channel, text }))).error;
    expect(await err("C404")).toBe("channel_not_found");
    expect(await err(secret.id)).toBe("channel_not_found");
    expect(await err(outside.id)).toBe("not_in_channel");
    expect(await err(old.id)).toBe("is_archived");
    expect(await err(salesId, "")).toBe("no_text");
    // By name, like Slack accepts.
    expect((await client.chat.postMessage({ channel: "#sales", text: "by name" })).channel).toBe(salesId);
  });

  it("answers invalid_blocks with Slack's errors and messages", async () => {
    const data = await slackError(
      client.chat.postMessage({
        channel: salesId,
        text: "fallback",
        blocks: [{ type: "header", text: plain("h".repeat(151)) }],
      }),
    );
    expect(data.error).toBe("invalid_blocks");
    expect(data.errors).toEqual(["must be less than 151 characters [json-pointer:/blocks/0/text/text]"]);
    expect(data.response_metadata).toEqual({
      messages: ["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]"],
    });
    const tooMany = await slackError(
      client.chat.postMessage({
        channel: salesId,
        text: "x",
        blocks: Array.from({ length: 51 }, () => ({ type: "divider" })),
      }),
    );
    expect(tooMany.errors).toEqual(["no more than 50 items allowed [json-pointer:/blocks]"]);
    const format = await slackError(
      client.apiCall("chat.postMessage", { channel: salesId, blocks: "{not json" }),
    );
    expect(format.error).toBe("invalid_blocks_format");
    expect(world.messagesIn(salesId)).toHaveLength(0);
  });

  it("updates and deletes the bot's own messages only", async () => {
    const posted = await client.chat.postMessage({ channel: salesId, text: "v1" });
    const ts = posted.ts ?? "";
    const updated = await client.chat.update({ channel: salesId, ts, text: "v2" });
    expect(updated).toMatchObject({ ok: true, channel: salesId, ts, text: "v2" });
    expect(world.message(salesId, ts)?.text).toBe("v2");
    expect(world.message(salesId, ts)?.edited?.ts).toMatch(/^\d+\.\d+$/);
    const human = world.postUserMessage(anna.id, salesId, "mine");
    expect((await slackError(client.chat.update({ channel: salesId, ts: human.ts, text: "no" }))).error).toBe(
      "cant_update_message",
    );
    expect(
      (await slackError(client.chat.update({ channel: salesId, ts: "1.000001", text: "no" }))).error,
    ).toBe("message_not_found");
    expect((await slackError(client.chat.delete({ channel: salesId, ts: human.ts }))).error).toBe(
      "cant_delete_message",
    );
    expect(await client.chat.delete({ channel: salesId, ts })).toMatchObject({
      ok: true,
      channel: salesId,
      ts,
    });
    expect(world.messagesIn(salesId).map((m) => m.text)).toEqual(["mine"]);
  });

  it("shows ephemeral messages only to their user, and only to channel members", async () => {
    const res = await client.chat.postEphemeral({ channel: salesId, user: anna.id, text: "only you" });
    expect(res.message_ts).toMatch(/^\d+\.\d+$/);
    expect(world.ephemeralsFor(anna.id).map((e) => [e.text, e.channel, e.source])).toEqual([
      ["only you", salesId, "chat.postEphemeral"],
    ]);
    expect(world.ephemeralsFor(bo.id)).toEqual([]);
    expect(world.messagesIn(salesId)).toEqual([]);
    expect(
      (await slackError(client.chat.postEphemeral({ channel: salesId, user: cleo.id, text: "not a member" })))
        .error,
    ).toBe("user_not_in_channel");
  });

  it("reports missing arguments like Slack", async () => {
    expect((await slackError(client.apiCall("chat.postMessage", { text: "x" }))).error).toBe(
      "channel_not_found",
    );
    expect((await slackError(client.apiCall("users.info", {}))).error).toBe("user_not_found");
    const publish = await slackError(client.apiCall("views.publish", { user_id: anna.id }));
    expect(publish).toMatchObject({
      error: "invalid_arguments",
      response_metadata: { messages: ["[ERROR] missing required field: view"] },
    });
    const upload = await slackError(client.apiCall("files.getUploadURLExternal", { filename: "a.txt" }));
    expect(upload).toMatchObject({
      error: "invalid_arguments",
      response_metadata: { messages: ["[ERROR] missing required field: length"] },
    });
    expect((await slackError(client.apiCall("conversations.open", {}))).error).toBe(
      "users_list_not_supplied",
    );
  });
});

describe("users, conversations and usergroups", () => {
  it("answers users.info with tz from Intl and the locale only when asked", async () => {
    const plainInfo = await client.users.info({ user: anna.id });
    const user = plainInfo.user as Record<string, unknown>;
    expect(user).toMatchObject({
      id: anna.id,
      name: "anna",
      real_name: "Anna Berg",
      tz: "Europe/Stockholm",
      is_admin: true,
      is_bot: false,
      deleted: false,
    });
    expect([3600, 7200]).toContain(user.tz_offset);
    expect(user.tz_label).toMatch(/^Central European (Standard|Summer) Time$/);
    expect(user.locale).toBeUndefined();
    const withLocale = await client.users.info({ user: anna.id, include_locale: true });
    expect((withLocale.user as Record<string, unknown>).locale).toBe("sv-SE");
    const ny = (await client.users.info({ user: bo.id })).user as Record<string, unknown>;
    expect([-18000, -14400]).toContain(ny.tz_offset);
    expect((ny.profile as Record<string, unknown>).email).toBe("bo@example.com");
  });

  it("returns deactivated users with deleted: true, and user_not_found for unknown ones", async () => {
    world.deleteUser(cleo.id);
    const res = await client.users.info({ user: cleo.id });
    expect(res.user).toMatchObject({ id: cleo.id, deleted: true });
    expect((await slackError(client.users.info({ user: "U404" }))).error).toBe("user_not_found");
    expect((await slackError(client.conversations.open({ users: cleo.id }))).error).toBe("user_disabled");
  });

  it("pages conversations.members with next_cursor", async () => {
    const big = world.addChannel({ name: "big", members: [anna.id, bo.id, cleo.id] });
    const page1 = await client.conversations.members({ channel: big.id, limit: 2 });
    expect(page1.members).toEqual([anna.id, bo.id]);
    const cursor = page1.response_metadata?.next_cursor ?? "";
    expect(Buffer.from(cursor, "base64").toString()).toBe(`user:${cleo.id}`);
    const page2 = await client.conversations.members({ channel: big.id, limit: 2, cursor });
    expect(page2.members).toEqual([cleo.id, "U0BOT0001"]);
    expect(page2.response_metadata?.next_cursor).toBe("");
    expect((await slackError(client.conversations.members({ channel: big.id, cursor: "bad" }))).error).toBe(
      "invalid_cursor",
    );
    const hidden = world.addChannel({
      name: "hidden",
      isPrivate: true,
      members: [anna.id],
      botIsMember: false,
    });
    expect((await slackError(client.conversations.members({ channel: hidden.id }))).error).toBe(
      "channel_not_found",
    );
  });

  it("answers conversations.info for channels and DMs", async () => {
    const res = await client.conversations.info({ channel: salesId, include_num_members: true });
    expect(res.channel).toMatchObject({
      id: salesId,
      name: "sales",
      is_channel: true,
      is_private: false,
      num_members: 3,
    });
    const [dm] = world.openDm(anna.id);
    const im = await client.conversations.info({ channel: dm });
    expect(im.channel).toMatchObject({ id: dm, is_im: true, user: anna.id });
  });

  it("lists usergroup members", async () => {
    const group = world.addUsergroup({ handle: "sales-team", users: [anna.id, bo.id] });
    expect(group.id).toMatch(/^S/);
    const res = await client.usergroups.users.list({ usergroup: group.id });
    expect(res.users).toEqual([anna.id, bo.id]);
    expect((await slackError(client.usergroups.users.list({ usergroup: "S404" }))).error).toBe(
      "no_such_subteam",
    );
  });
});

describe("views.*", () => {
  it("opens a modal with a fresh trigger_id, once", async () => {
    const trigger = world.issueTrigger(anna.id);
    const res = await client.views.open({ trigger_id: trigger, view: modalView() });
    const view = res.view as Record<string, unknown>;
    expect(view).toMatchObject({
      type: "modal",
      callback_id: "quota_modal",
      team_id: "T0SANDBOX",
      app_id: "A0SANDBOX",
      state: { values: {} },
      previous_view_id: null,
    });
    expect(view.id).toMatch(/^V/);
    expect(view.root_view_id).toBe(view.id);
    expect(typeof view.hash).toBe("string");
    expect(world.openViewsOf(anna.id).map((v) => v.id)).toEqual([view.id]);
    expect((await slackError(client.views.open({ trigger_id: trigger, view: modalView() }))).error).toBe(
      "exchanged_trigger_id",
    );
    expect(
      (await slackError(client.views.open({ trigger_id: "123.456.abc", view: modalView() }))).error,
    ).toBe("invalid_trigger_id");
    expect((await slackError(client.apiCall("views.open", { view: modalView() }))).response_metadata).toEqual(
      {
        messages: ["[ERROR] missing required field: trigger_id"],
      },
    );
  });

  it("expires trigger ids after 3 seconds", async () => {
    let clock = Date.now();
    const timed = await startFakeSlack({ botToken: BOT_TOKEN, world: new World({ now: () => clock }) });
    try {
      const u = timed.world.addUser({ name: "anna" });
      const trigger = timed.world.issueTrigger(u.id);
      clock += 3500;
      expect(
        (await slackError(clientFor(timed).views.open({ trigger_id: trigger, view: modalView() }))).error,
      ).toBe("expired_trigger_id");
    } finally {
      await timed.close();
    }
  });

  it("refuses invalid and too large views", async () => {
    const bad = await slackError(
      client.views.open({
        trigger_id: world.issueTrigger(anna.id),
        view: modalView({ title: plain("t".repeat(30)) }),
      }),
    );
    expect(bad).toMatchObject({
      error: "invalid_arguments",
      response_metadata: {
        messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
      },
    });
    const huge = {
      type: "home" as const,
      blocks: Array.from({ length: 90 }, () => ({
        type: "section",
        text: { type: "mrkdwn", text: "z".repeat(2900) },
      })),
    };
    expect((await slackError(client.views.publish({ user_id: anna.id, view: huge }))).error).toBe(
      "view_too_large",
    );
    expect(world.homeOf(anna.id)).toBeUndefined();
  });

  it("updates by view_id or external_id and refuses a stale hash", async () => {
    const opened = await client.views.open({
      trigger_id: world.issueTrigger(anna.id),
      view: modalView({ external_id: "quota-anna" }),
    });
    const v1 = opened.view as Record<string, unknown>;
    const v2 = (
      await client.views.update({
        view_id: String(v1.id),
        hash: String(v1.hash),
        view: modalView({ title: plain("Step 2") }),
      })
    ).view as Record<string, unknown>;
    expect(v2.id).toBe(v1.id);
    expect(v2.hash).not.toBe(v1.hash);
    expect(v2.title).toEqual(plain("Step 2"));
    const stale = await slackError(
      client.views.update({ view_id: String(v1.id), hash: String(v1.hash), view: modalView() }),
    );
    expect(stale.error).toBe("hash_conflict");
    const byExternal = await client.views.update({
      external_id: "quota-anna",
      view: modalView({ title: plain("Step 3") }),
    });
    expect((byExternal.view as Record<string, unknown>).id).toBe(v1.id);
    expect((await slackError(client.views.update({ view_id: "V404", view: modalView() }))).error).toBe(
      "not_found",
    );
  });

  it("pushes up to 3 views", async () => {
    await client.views.open({ trigger_id: world.issueTrigger(anna.id), view: modalView() });
    await client.views.push({
      trigger_id: world.issueTrigger(anna.id),
      view: modalView({ title: plain("Two") }),
    });
    await client.views.push({
      trigger_id: world.issueTrigger(anna.id),
      view: modalView({ title: plain("Three") }),
    });
    expect(
      (await slackError(client.views.push({ trigger_id: world.issueTrigger(anna.id), view: modalView() })))
        .error,
    ).toBe("push_limit_reached");
    expect(world.openViewsOf(anna.id).map((v) => (v.title as { text: string }).text)).toEqual([
      "Set quota",
      "Two",
      "Three",
    ]);
  });

  it("publishes Home tabs, with hash checks", async () => {
    const home = { type: "home" as const, blocks: [{ type: "header", text: plain("Your quota") }] };
    const first = (await client.views.publish({ user_id: anna.id, view: home })).view as Record<
      string,
      unknown
    >;
    expect(world.homeOf(anna.id)?.id).toBe(first.id);
    const second = (await client.views.publish({ user_id: anna.id, view: home, hash: String(first.hash) }))
      .view as Record<string, unknown>;
    expect(second.id).toBe(first.id);
    expect(
      (await slackError(client.views.publish({ user_id: anna.id, view: home, hash: String(first.hash) })))
        .error,
    ).toBe("hash_conflict");
    expect((await slackError(client.views.publish({ user_id: "U404", view: home }))).error).toBe(
      "user_not_found",
    );
  });
});

describe("files.uploadV2 end to end", () => {
  it("uploads through getUploadURLExternal, the upload URL and completeUploadExternal", async () => {
    const res = await client.files.uploadV2({
      channel_id: salesId,
      filename: "quota.csv",
      title: "Quota report",
      content: "name,quota\nanna,5000\n",
      initial_comment: "This week's report",
    });
    expect(res.ok).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual([
      "files.getUploadURLExternal",
      "file_upload",
      "files.completeUploadExternal",
    ]);
    const files = world.allFiles();
    expect(files).toHaveLength(1);
    const file = files[0];
    expect(file).toMatchObject({
      name: "quota.csv",
      title: "Quota report",
      mimetype: "text/csv",
      channels: [salesId],
    });
    expect(Buffer.from(file?.bytes ?? new Uint8Array()).toString("utf8")).toBe("name,quota\nanna,5000\n");
    const [message] = world.messagesIn(salesId);
    expect(message?.text).toBe("This week's report");
    expect(message?.files?.[0]).toMatchObject({ id: file?.id, title: "Quota report" });
  });

  it("refuses to complete a file that was never uploaded", async () => {
    const url = await client.files.getUploadURLExternal({ filename: "a.txt", length: 3 });
    expect(url.upload_url).toMatch(new RegExp(`^${fake.url}/upload/v1/`));
    expect(
      (await slackError(client.files.completeUploadExternal({ files: [{ id: String(url.file_id) }] }))).error,
    ).toBe("file_not_found");
  });
});

describe("rate limits and one-off failures", () => {
  it("answers 429 with Retry-After, which WebClient reports as a rate-limited error", async () => {
    fake.rateLimit("chat.postMessage", { retryAfter: 7, times: 1 });
    const strict = clientFor(fake, { rejectRateLimitedCalls: true });
    let caught: WebAPIRateLimitedError | undefined;
    try {
      await strict.chat.postMessage({ channel: salesId, text: "x" });
    } catch (e) {
      caught = e as WebAPIRateLimitedError;
    }
    expect(caught?.code).toBe(ErrorCode.RateLimitedError);
    expect(caught?.retryAfter).toBe(7);
    expect(fake.callsTo("chat.postMessage").map((c) => [c.status, c.error])).toEqual([[429, "ratelimited"]]);
    // Only once: the next call goes through.
    expect((await strict.chat.postMessage({ channel: salesId, text: "x" })).ok).toBe(true);
  });

  it("lets a retrying WebClient wait Retry-After and succeed", async () => {
    fake.rateLimit("users.info", { retryAfter: 1, times: 1 });
    const patient = new WebClient(BOT_TOKEN, {
      logger: silentLogger,
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 10 },
    });
    const started = Date.now();
    const res = await patient.users.info({ user: anna.id });
    expect(res.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo("users.info").map((c) => c.status)).toEqual([429, 200]);
  });

  it("fails the next call of a method once with failNext", async () => {
    fake.failNext("chat.postMessage", "message_limit_exceeded");
    expect((await slackError(client.chat.postMessage({ channel: salesId, text: "x" }))).error).toBe(
      "message_limit_exceeded",
    );
    expect((await client.chat.postMessage({ channel: salesId, text: "x" })).ok).toBe(true);
  });

  it("holds the next call of a method on its way with holdNext, until released", async () => {
    const held = fake.holdNext("chat.postMessage");
    const posting = client.chat.postMessage({ channel: salesId, text: "slow news" });
    await held.arrived;
    expect(world.messagesIn(salesId)).toEqual([]);
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
    held.release();
    expect((await posting).ok).toBe(true);
    expect(world.messagesIn(salesId).map((m) => m.text)).toEqual(["slow news"]);
    // Only once: the next call goes straight through.
    expect((await client.chat.postMessage({ channel: salesId, text: "fast news" })).ok).toBe(true);
  });

  it("drops a held call whose caller hung up: Slack never gets it", async () => {
    const held = fake.holdNext("chat.postMessage");
    const hangUp = new AbortController();
    const posting = fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${BOT_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ channel: salesId, text: "never seen" }),
      signal: hangUp.signal,
    }).catch((error: unknown) => error);
    await held.arrived;
    hangUp.abort();
    await held.hungUp;
    held.release();
    await posting;
    await expect
      .poll(() => fake.callsTo("chat.postMessage").map((c) => [c.ok, c.error]))
      .toEqual([[false, "caller_gone"]]);
    expect(world.messagesIn(salesId)).toEqual([]);
  });
});

describe.skipIf(NO_REFERENCE)(
  "response shapes against responses/<method>.json (needs SLACK_REFERENCE_DIR)",
  () => {
    it("uses only keys Slack has been seen returning, and the core ones", async () => {
      const results: Record<string, unknown> = {};
      results["auth.test"] = await client.auth.test();
      const posted = await client.chat.postMessage({
        channel: salesId,
        text: "hi",
        blocks: [{ type: "divider" }],
      });
      results["chat.postMessage"] = posted;
      results["chat.update"] = await client.chat.update({
        channel: salesId,
        ts: posted.ts ?? "",
        text: "hi 2",
      });
      results["chat.postEphemeral"] = await client.chat.postEphemeral({
        channel: salesId,
        user: anna.id,
        text: "e",
      });
      results["conversations.open"] = await client.conversations.open({ users: bo.id, return_im: true });
      results["conversations.members"] = await client.conversations.members({ channel: salesId });
      results["users.info"] = await client.users.info({ user: bo.id, include_locale: true });
      const group = world.addUsergroup({ handle: "g", users: [anna.id] });
      results["usergroups.users.list"] = await client.usergroups.users.list({ usergroup: group.id });
      const opened = await client.views.open({ trigger_id: world.issueTrigger(anna.id), view: modalView() });
      results["views.open"] = opened;
      results["views.push"] = await client.views.push({
        trigger_id: world.issueTrigger(anna.id),
        view: modalView(),
      });
      results["views.update"] = await client.views.update({
        view_id: String((opened.view as Record<string, unknown>).id),
        view: modalView(),
      });
      results["views.publish"] = await client.views.publish({
        user_id: anna.id,
        view: { type: "home", blocks: [{ type: "divider" }] },
      });
      const url = await client.files.getUploadURLExternal({ filename: "a.txt", length: 2 });
      results["files.getUploadURLExternal"] = url;
      await fetch(String(url.upload_url), { method: "POST", body: "hi" });
      results["files.completeUploadExternal"] = await client.files.completeUploadExternal({
        files: [{ id: String(url.file_id), title: "A" }],
        channel_id: salesId,
      });

      for (const [method, result] of Object.entries(results)) {
        const reference = readReference(`responses/${method}.json`);
        const ours = { ...(result as Record<string, unknown>) };
        // WebClient adds an empty response_metadata to every result.
        if (isRecord(ours.response_metadata) && Object.keys(ours.response_metadata).length === 0) {
          delete ours.response_metadata;
        }
        expect(keysMissingFromReference(ours, reference), method).toEqual([]);
        expect(ours.ok, method).toBe(true);
      }
      expect(results["chat.postMessage"]).toMatchObject({
        channel: salesId,
        message: { bot_profile: { app_id: "A0SANDBOX" } },
      });
      expect((results["users.info"] as { user: Record<string, unknown> }).user.profile).toBeDefined();
      expect((results["files.completeUploadExternal"] as { files: unknown[] }).files).toHaveLength(1);
    });
  },
);
