/**
 * Slack's side towards the app: what Slack sends when a person types a slash command,
 * clicks a button, picks from a menu, submits or closes a modal, uses a shortcut, or
 * opens the Home tab. Every request is signed and encoded exactly like Slack's, and
 * the app's HTTP answer is applied the way Slack applies it.
 *
 * A test can only use what a person could: clicking an action_id that is not in the
 * blocks the user sees, picking an option that is not offered, or submitting a modal
 * that is not on top throws (ImpossibleInputError / Error) instead of sending.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { withGeneratedIds } from "./block-ids.js";
import type { BlockKitSchema } from "./block-kit.js";
import { isViewTooLarge, validateView } from "./block-kit.js";
import { deliverReply, parseReplyBody, type ShownReply } from "./delivery.js";
import { escapeSlashCommandText } from "./escape.js";
import { signSlackRequest } from "./signing.js";
import { type EnvelopeType, envelopeOf } from "./socket-mode.js";
import {
  actionPayload,
  clientSideErrors,
  type ElementRef,
  ImpossibleInputError,
  interactiveElements,
  STATE_KINDS,
  stateEntry,
} from "./view-state.js";
import {
  type ResponseUrlContext,
  type SlackChannel,
  type SlackUser,
  type SlackView,
  SlackWorldError,
  type ViewState,
  type World,
} from "./world.js";

/** Where the app listens (a Bolt HTTP receiver: usually one URL for everything). */
export interface AppTarget {
  url: string;
  signingSecret: string;
  /**
   * The app listens over Socket Mode: requests go as envelopes over its WebSocket connection (see
   * socket-mode.ts) instead of signed POSTs to `url`.
   */
  socketMode?: boolean;
  /** Overrides per kind of request (default: `url`). */
  commandsUrl?: string;
  interactivityUrl?: string;
  eventsUrl?: string;
}

export interface DriverHost {
  world: World;
  schema: BlockKitSchema | undefined;
  baseUrl: () => string;
  ackTimeoutMs: number;
  /** Sends a request over the app's Socket Mode connection and resolves with its acknowledgement. */
  sendEnvelope: (type: EnvelopeType, payload: unknown) => Promise<AppAnswer>;
}

/** The app's HTTP answer. `status` is 0 when there was none (timeout, connection refused). */
export interface AppAnswer {
  status: number;
  body: string;
  timedOut: boolean;
  /** Network failure, if any. */
  networkError?: string;
}

export interface SlashCommandInput {
  userId: string;
  /** Default: the user's DM with the app. */
  channelId?: string;
  /** With the slash, e.g. `/quota`. */
  command: string;
  text?: string;
  /**
   * Slack's trigger_id for the request; default a new one. Sending the same one again is what a
   * replayed or duplicated request looks like to the app.
   */
  triggerId?: string;
}

export interface SlashCommandResult {
  status: number;
  body: string;
  /** The escaped text Slack sent. */
  text: string;
  triggerId: string;
  responseUrl: string;
  /** What the ack showed the user, if anything. */
  reply?: ShownReply;
  /** Slack's error shown to the user (`dispatch_failed`, `operation_timeout`, `invalid_blocks`...). */
  error?: string;
}

/** Which element, where: a channel message (channelId + messageTs), an ephemeral message of the user (messageTs), or a view. */
export interface ActionTarget {
  userId: string;
  actionId: string;
  blockId?: string;
  channelId?: string;
  messageTs?: string;
  viewId?: string;
  /**
   * For a button: the value a tampering client sends instead of the button's own (Slack relays whatever
   * the client sends, so the app must not trust it). Tests of forged requests only.
   */
  forgedValue?: string;
}

export interface BlockActionResult {
  status: number;
  body: string;
  triggerId: string;
  responseUrl?: string;
  /** The payload sent (parsed). */
  payload: Record<string, unknown>;
  error?: string;
}

export interface SubmitViewInput {
  userId: string;
  /** Default: the user's top modal. */
  viewId?: string;
  /** block_id -> action_id -> plain value (see view-state.ts). Unlisted inputs keep their current/initial value. */
  values?: Record<string, Record<string, unknown>>;
}

export type ResponseAction = "close" | "clear" | "update" | "push" | "errors" | "not_sent" | "failed";

export interface SubmitViewResult {
  status: number;
  responseAction: ResponseAction;
  /** The app's `errors` (block_id -> message), shown in the modal. */
  errors?: Record<string, string>;
  /** Errors Slack's client shows without sending anything (required fields, number format). */
  clientErrors?: Record<string, string>;
  /** The view the user sees afterwards (new top of the stack), if a modal is still open. */
  view?: SlackView;
  payload?: Record<string, unknown>;
  /** Why the answer was not applied (Slack shows the user a generic error). */
  error?: string;
}

export interface CloseViewResult {
  sent: boolean;
  status?: number;
  closedViewIds: string[];
  error?: string;
}

/** What a shortcut got: the same as a block action (a message shortcut has a response URL). */
export type ShortcutResult = BlockActionResult;

export interface EventResult {
  status: number;
  body: string;
  eventId: string;
  envelope: Record<string, unknown>;
  timedOut: boolean;
  error?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class SlackDriver {
  private target: AppTarget | undefined;
  private eventCounter = 0;
  private readonly sentEvents = new Map<string, { url: string; body: string }>();

  constructor(private readonly host: DriverHost) {}

  private get world(): World {
    return this.host.world;
  }

  connect(target: AppTarget): void {
    this.target = { ...target };
  }

  get app(): AppTarget {
    if (!this.target) throw new Error("No app connected: call fake.connectApp({ url, signingSecret }) first");
    return this.target;
  }

  // ---------------------------------------------------------------- HTTP

  /** POSTs a signed request like Slack does; never rejects (failures are in the answer). */
  async post(
    url: string,
    rawBody: string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<AppAnswer> {
    if (this.app.socketMode) {
      const { type, payload } = envelopeOf(rawBody, contentType);
      return this.host.sendEnvelope(type, payload);
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signSlackRequest(this.app.signingSecret, timestamp, rawBody);
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise<AppAnswer>((resolve) => {
      let settled = false;
      const finish = (answer: AppAnswer): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      };
      const req = send(
        target,
        {
          method: "POST",
          agent: false,
          headers: {
            "Content-Type": contentType,
            "Content-Length": String(Buffer.byteLength(rawBody)),
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            Accept: "application/json,*/*",
            "X-Slack-Signature": signature,
            "X-Slack-Request-Timestamp": String(timestamp),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            finish({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              timedOut: false,
            }),
          );
          res.on("error", (e) => finish({ status: 0, body: "", timedOut: false, networkError: e.message }));
        },
      );
      const timer = setTimeout(() => {
        finish({ status: 0, body: "", timedOut: true });
        req.destroy();
      }, this.host.ackTimeoutMs);
      req.on("error", (e) => finish({ status: 0, body: "", timedOut: false, networkError: e.message }));
      req.end(rawBody);
    });
  }

  private postForm(url: string, fields: Record<string, string>): Promise<AppAnswer> {
    return this.post(url, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
  }

  private postPayload(payload: Record<string, unknown>): Promise<AppAnswer> {
    return this.postForm(this.app.interactivityUrl ?? this.app.url, { payload: JSON.stringify(payload) });
  }

  /** Slack's name for a failed answer, or undefined when the app answered 200 in time. */
  private failure(answer: AppAnswer): string | undefined {
    if (answer.timedOut) return "operation_timeout";
    if (answer.status !== 200) return "dispatch_failed";
    return undefined;
  }

  // ---------------------------------------------------------------- shared shapes

  private requireUser(userId: string): SlackUser {
    const user = this.world.user(userId);
    if (!user) throw new Error(`no user ${userId} in the world`);
    if (user.deleted) throw new Error(`user ${userId} is deactivated and cannot use Slack`);
    return user;
  }

  private team(): Record<string, unknown> {
    const ws = this.world.workspace;
    return { id: ws.teamId, domain: ws.teamDomain };
  }

  private userField(user: SlackUser): Record<string, unknown> {
    return { id: user.id, username: user.name, name: user.name, team_id: user.teamId };
  }

  private common(user: SlackUser): Record<string, unknown> {
    const ws = this.world.workspace;
    return {
      user: this.userField(user),
      api_app_id: ws.appId,
      token: ws.verificationToken,
      team: this.team(),
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private channelName(ch: SlackChannel): string {
    if (ch.kind === "im") return "directmessage";
    return ch.name;
  }

  private responseUrl(context: ResponseUrlContext): string {
    const hook = this.world.createResponseUrl(context);
    return `${this.host.baseUrl()}/hooks/${hook.kind}/${hook.id}`;
  }

  private actionTs(): string {
    return (this.world.now() / 1000).toFixed(6);
  }

  /** A channel the user can act in: public, or one they are a member of. */
  private channelFor(user: SlackUser, channelId: string | undefined): SlackChannel {
    if (channelId === undefined) {
      const [dm] = this.world.openDm(user.id);
      const ch = this.world.channel(dm);
      if (!ch) throw new Error(`no DM for ${user.id}`);
      return ch;
    }
    const ch = this.world.channel(channelId);
    if (!ch) throw new Error(`no channel ${channelId} in the world`);
    if ((ch.isPrivate || ch.kind !== "channel") && !ch.members.includes(user.id)) {
      throw new Error(`${user.id} is not in ${channelId} and cannot see it`);
    }
    return ch;
  }

  // ---------------------------------------------------------------- slash commands

  async slashCommand(input: SlashCommandInput): Promise<SlashCommandResult> {
    const user = this.requireUser(input.userId);
    const ch = this.channelFor(user, input.channelId);
    if (!input.command.startsWith("/")) throw new Error(`a command starts with "/": ${input.command}`);
    const ws = this.world.workspace;
    const text = escapeSlashCommandText(input.text ?? "", this.world, user.id);
    const triggerId = this.world.issueTrigger(user.id, input.triggerId);
    const context: ResponseUrlContext = { kind: "commands", userId: user.id, channelId: ch.id };
    const responseUrl = this.responseUrl(context);
    const answer = await this.postForm(this.app.commandsUrl ?? this.app.url, {
      token: ws.verificationToken,
      team_id: ws.teamId,
      team_domain: ws.teamDomain,
      channel_id: ch.id,
      channel_name: this.channelName(ch),
      user_id: user.id,
      user_name: user.name,
      command: input.command,
      text,
      api_app_id: ws.appId,
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    const result: SlashCommandResult = {
      status: answer.status,
      body: answer.body,
      text,
      triggerId,
      responseUrl,
    };
    const showError = (error: string): SlashCommandResult => {
      this.world.showNotice({
        user: user.id,
        channel: ch.id,
        text: `${input.command} failed with the error "${error}"`,
        error,
      });
      return { ...result, error };
    };
    const failed = this.failure(answer);
    if (failed) return showError(failed);
    if (answer.body.trim() === "") return result;
    const json = parseJson(answer.body);
    // A body that is not a JSON object is shown as plain text (Bolt's `ack("text")`).
    const reply = isRecord(json) ? parseReplyBody(json) : { text: answer.body };
    if (typeof reply === "string") return showError(reply);
    if ((reply.text ?? "") === "" && (reply.blocks ?? []).length === 0) return result;
    const delivered = deliverReply(this.world, this.host.schema, context, reply, "ack");
    if (!delivered.ok) return showError(delivered.error);
    return delivered.shown ? { ...result, reply: delivered.shown } : result;
  }

  // ---------------------------------------------------------------- block actions

  /** The surface an action happens in, and its blocks. */
  private surface(
    user: SlackUser,
    target: ActionTarget,
  ):
    | { kind: "view"; view: SlackView }
    | { kind: "message"; channel: SlackChannel; message: Record<string, unknown>; blocks: unknown[] }
    | { kind: "ephemeral"; channel: SlackChannel; ts: string; blocks: unknown[] } {
    if (target.viewId !== undefined) {
      const stack = this.world.openViewsOf(user.id);
      const top = stack[stack.length - 1];
      const home = this.world.homeOf(user.id);
      if (top?.id === target.viewId) return { kind: "view", view: top };
      if (home?.id === target.viewId) return { kind: "view", view: home };
      if (stack.some((v) => v.id === target.viewId)) {
        throw new Error(`view ${target.viewId} is covered by a pushed view; ${user.id} cannot use it`);
      }
      throw new Error(`view ${target.viewId} is not open for ${user.id}`);
    }
    if (target.messageTs === undefined)
      throw new Error("an action needs viewId, or messageTs (and channelId)");
    const eph = this.world.ephemeral(user.id, target.messageTs);
    if (eph && (target.channelId === undefined || target.channelId === eph.channel)) {
      const ch = this.world.channel(eph.channel);
      if (!ch) throw new Error(`no channel ${eph.channel}`);
      return { kind: "ephemeral", channel: ch, ts: eph.ts, blocks: eph.blocks ?? [] };
    }
    if (target.channelId === undefined) {
      throw new Error(
        `${user.id} has no ephemeral message ${target.messageTs}; give channelId for a channel message`,
      );
    }
    const ch = this.channelFor(user, target.channelId);
    const message = this.world.message(ch.id, target.messageTs);
    if (!message) throw new Error(`no message ${target.messageTs} in ${ch.id}`);
    return { kind: "message", channel: ch, message: { ...message }, blocks: message.blocks ?? [] };
  }

  private findRef(blocks: readonly unknown[], target: ActionTarget): ElementRef {
    const refs = interactiveElements(blocks);
    const found = refs.find(
      (r) => r.actionId === target.actionId && (target.blockId === undefined || r.blockId === target.blockId),
    );
    if (!found) {
      const visible = refs.map((r) => `${r.blockId}/${r.actionId} (${String(r.element.type)})`).join(", ");
      throw new Error(
        `no element with action_id "${target.actionId}"${target.blockId ? ` in block "${target.blockId}"` : ""} is visible; visible: ${visible || "none"}`,
      );
    }
    return found;
  }

  /** state.values of a surface: every stateful element, current values, then `changes`. */
  private stateOf(
    world: World,
    blocks: readonly unknown[],
    current: ViewState["values"],
    changes: Array<{ ref: ElementRef; entry: Record<string, unknown> }>,
  ): ViewState["values"] {
    const values: ViewState["values"] = {};
    for (const ref of interactiveElements(blocks)) {
      const type = String(ref.element.type);
      if (!STATE_KINDS[type] || type === "overflow") continue;
      const entry = current[ref.blockId]?.[ref.actionId] ?? stateEntry(world, ref);
      values[ref.blockId] = { ...(values[ref.blockId] ?? {}), [ref.actionId]: structuredClone(entry) };
    }
    for (const { ref, entry } of changes) {
      if (String(ref.element.type) === "overflow") continue;
      values[ref.blockId] = { ...(values[ref.blockId] ?? {}), [ref.actionId]: structuredClone(entry) };
    }
    return values;
  }

  private async blockAction(
    target: ActionTarget,
    input: unknown,
    expect: readonly string[],
  ): Promise<BlockActionResult> {
    const user = this.requireUser(target.userId);
    const surface = this.surface(user, target);
    const blocks = surface.kind === "view" ? surface.view.blocks : surface.blocks;
    const ref = this.findRef(blocks, target);
    const type = String(ref.element.type);
    if (!expect.includes(type)) {
      throw new ImpossibleInputError(
        `${ref.blockId}/${ref.actionId} is a ${type}, not one of ${expect.join(", ")}`,
      );
    }
    if (ref.blockType === "input") {
      const block = blocks.find((b) => isRecord(b) && b.block_id === ref.blockId);
      if (!(isRecord(block) && block.dispatch_action === true)) {
        throw new ImpossibleInputError(
          `${ref.blockId}/${ref.actionId} is an input without dispatch_action: Slack sends nothing until the view is submitted (use submitView)`,
        );
      }
    }
    const entry =
      type === "button" || type === "workflow_button" ? undefined : stateEntry(this.world, ref, input);
    const triggerId = this.world.issueTrigger(user.id);
    const action = actionPayload(ref, entry, this.actionTs());
    if (target.forgedValue !== undefined) action.value = target.forgedValue;
    const payload: Record<string, unknown> = { type: "block_actions", ...this.common(user) };
    let responseUrl: string | undefined;
    if (surface.kind === "view") {
      const view = surface.view;
      const values = this.stateOf(this.world, view.blocks, view.state.values, entry ? [{ ref, entry }] : []);
      if (entry && type !== "overflow") this.world.setViewState(view.id, ref.blockId, ref.actionId, entry);
      payload.container = { type: "view", view_id: view.id };
      payload.trigger_id = triggerId;
      payload.view = { ...view, state: { values } };
    } else {
      const ts = surface.kind === "message" ? String(surface.message.ts) : surface.ts;
      const threadTs = surface.kind === "message" ? surface.message.thread_ts : undefined;
      payload.container = {
        type: "message",
        message_ts: ts,
        channel_id: surface.channel.id,
        is_ephemeral: surface.kind === "ephemeral",
        ...(typeof threadTs === "string" ? { thread_ts: threadTs } : {}),
      };
      payload.trigger_id = triggerId;
      payload.channel = { id: surface.channel.id, name: this.channelName(surface.channel) };
      if (surface.kind === "message") payload.message = surface.message;
      payload.state = { values: this.stateOf(this.world, blocks, {}, entry ? [{ ref, entry }] : []) };
      responseUrl = this.responseUrl({
        kind: "actions",
        userId: user.id,
        channelId: surface.channel.id,
        source: { kind: surface.kind, channel: surface.channel.id, ts },
      });
      payload.response_url = responseUrl;
    }
    payload.actions = [action];
    const answer = await this.postPayload(payload);
    const error = this.failure(answer);
    if (error) {
      this.world.showNotice({
        user: user.id,
        channel: surface.kind === "view" ? null : surface.channel.id,
        text: "This app is not responding. Try again later.",
        error,
      });
    }
    return {
      status: answer.status,
      body: answer.body,
      triggerId,
      payload,
      ...(responseUrl !== undefined ? { responseUrl } : {}),
      ...(error ? { error } : {}),
    };
  }

  /** Clicks a button. */
  clickButton(target: ActionTarget): Promise<BlockActionResult> {
    return this.blockAction(target, undefined, ["button", "workflow_button"]);
  }

  /** Picks option value(s) in a static/external select, multi select, overflow, radio buttons or checkboxes. */
  chooseOption(target: ActionTarget, value: string | readonly string[]): Promise<BlockActionResult> {
    return this.blockAction(target, value, [
      "static_select",
      "external_select",
      "multi_static_select",
      "multi_external_select",
      "overflow",
      "radio_buttons",
      "checkboxes",
    ]);
  }

  /** Picks user(s) in a users_select / multi_users_select. */
  chooseUser(target: ActionTarget, userIds: string | readonly string[]): Promise<BlockActionResult> {
    return this.blockAction(target, userIds, ["users_select", "multi_users_select"]);
  }

  /** Picks conversation(s)/channel(s) in a conversations_select / channels_select (or multi). */
  chooseConversation(target: ActionTarget, ids: string | readonly string[]): Promise<BlockActionResult> {
    return this.blockAction(target, ids, [
      "conversations_select",
      "multi_conversations_select",
      "channels_select",
      "multi_channels_select",
    ]);
  }

  /** Picks a date (`YYYY-MM-DD`) in a datepicker. */
  pickDate(target: ActionTarget, date: string): Promise<BlockActionResult> {
    return this.blockAction(target, date, ["datepicker"]);
  }

  /** Picks a time (`HH:mm`) in a timepicker. */
  pickTime(target: ActionTarget, time: string): Promise<BlockActionResult> {
    return this.blockAction(target, time, ["timepicker"]);
  }

  /** Picks a moment (epoch seconds) in a datetimepicker. */
  pickDateTime(target: ActionTarget, epochSeconds: number): Promise<BlockActionResult> {
    return this.blockAction(target, epochSeconds, ["datetimepicker"]);
  }

  /** Types into a text input that dispatches actions (dispatch_action), then presses Enter. */
  typeText(target: ActionTarget, text: string): Promise<BlockActionResult> {
    return this.blockAction(target, text, [
      "plain_text_input",
      "email_text_input",
      "url_text_input",
      "number_input",
    ]);
  }

  // ---------------------------------------------------------------- views

  private topModal(userId: string, viewId: string | undefined): SlackView {
    const stack = this.world.openViewsOf(userId);
    const top = stack[stack.length - 1];
    if (!top) throw new Error(`${userId} has no open modal`);
    if (viewId !== undefined && top.id !== viewId) {
      throw new Error(
        stack.some((v) => v.id === viewId)
          ? `view ${viewId} is covered by ${top.id}; only the top view can be used`
          : `view ${viewId} is not open for ${userId}`,
      );
    }
    return top;
  }

  /** Checks a view the app answered with (update/push) like views.update would. */
  private checkAnsweredView(view: unknown): string | undefined {
    if (!isRecord(view)) return "response_action needs a view";
    if (isViewTooLarge(view)) return "view_too_large";
    const errors = validateView(view, { schema: this.host.schema });
    return errors.length > 0 ? `invalid view: ${errors.join("; ")}` : undefined;
  }

  async submitView(input: SubmitViewInput): Promise<SubmitViewResult> {
    const user = this.requireUser(input.userId);
    const view = this.topModal(user.id, input.viewId);
    const refs = interactiveElements(view.blocks).filter((r) => {
      const type = String(r.element.type);
      return STATE_KINDS[type] !== undefined && type !== "overflow";
    });
    const changes: Array<{ ref: ElementRef; entry: Record<string, unknown> }> = [];
    for (const [blockId, byAction] of Object.entries(input.values ?? {})) {
      for (const [actionId, value] of Object.entries(byAction)) {
        const ref = refs.find((r) => r.blockId === blockId && r.actionId === actionId);
        if (!ref) {
          const visible = refs.map((r) => `${r.blockId}/${r.actionId}`).join(", ");
          throw new ImpossibleInputError(
            `view ${view.id} has no input ${blockId}/${actionId}; it has: ${visible || "none"}`,
          );
        }
        changes.push({ ref, entry: stateEntry(this.world, ref, value) });
      }
    }
    const values = this.stateOf(this.world, view.blocks, view.state.values, changes);
    const clientErrors: Record<string, string> = {};
    for (const ref of refs) {
      const entry = values[ref.blockId]?.[ref.actionId];
      if (!entry || !ref.input) continue;
      const problem = clientSideErrors(ref, entry);
      if (problem && clientErrors[ref.blockId] === undefined) clientErrors[ref.blockId] = problem;
    }
    if (Object.keys(clientErrors).length > 0) {
      return { status: 0, responseAction: "not_sent", clientErrors, view };
    }
    for (const [blockId, byAction] of Object.entries(values)) {
      for (const [actionId, entry] of Object.entries(byAction))
        this.world.setViewState(view.id, blockId, actionId, entry);
    }
    const responseUrls: Record<string, unknown>[] = [];
    for (const ref of refs) {
      if (ref.element.response_url_enabled !== true) continue;
      const entry = values[ref.blockId]?.[ref.actionId];
      const channelId = entry?.selected_conversation ?? entry?.selected_channel;
      if (typeof channelId !== "string") continue;
      responseUrls.push({
        block_id: ref.blockId,
        action_id: ref.actionId,
        channel_id: channelId,
        response_url: this.responseUrl({ kind: "commands", userId: user.id, channelId }),
      });
    }
    const payload: Record<string, unknown> = {
      type: "view_submission",
      ...this.common(user),
      trigger_id: this.world.issueTrigger(user.id),
      view: { ...view, state: { values } },
      response_urls: responseUrls,
    };
    const answer = await this.postPayload(payload);
    const failed = this.failure(answer);
    const keepOpen = (error: string, extra: Partial<SubmitViewResult> = {}): SubmitViewResult => {
      this.world.showNotice({
        user: user.id,
        channel: null,
        text: "We had some trouble connecting. Try again?",
        error,
      });
      return {
        status: answer.status,
        responseAction: "failed",
        view: this.topModal(user.id, undefined),
        payload,
        error,
        ...extra,
      };
    };
    if (failed) return keepOpen(failed);
    const afterClose = (): SlackView | undefined => {
      const stack = this.world.openViewsOf(user.id);
      return stack[stack.length - 1];
    };
    const close = (responseAction: "close" | "clear"): SubmitViewResult => {
      this.world.closeModal(user.id, view.id, responseAction === "clear");
      const top = afterClose();
      return { status: answer.status, responseAction, payload, ...(top ? { view: top } : {}) };
    };
    if (answer.body.trim() === "") return close("close");
    const json = parseJson(answer.body);
    if (!isRecord(json)) return keepOpen("invalid_response");
    switch (json.response_action) {
      case undefined:
        return close("close");
      case "clear":
        return close("clear");
      case "errors": {
        const errors = json.errors;
        if (!isRecord(errors) || Object.values(errors).some((m) => typeof m !== "string")) {
          return keepOpen("invalid errors: must map block_id to a message");
        }
        const inputIds = new Set(
          view.blocks.flatMap((b) =>
            isRecord(b) && b.type === "input" && typeof b.block_id === "string" ? [b.block_id] : [],
          ),
        );
        const bad = Object.keys(errors).filter((k) => !inputIds.has(k));
        const asStrings = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, String(v)]));
        if (bad.length > 0 || Object.keys(errors).length === 0) {
          return keepOpen(
            `invalid errors: ${bad.length > 0 ? `${bad.join(", ")} ${bad.length === 1 ? "is not an input block" : "are not input blocks"} of the view` : "no errors given"}`,
            { errors: asStrings },
          );
        }
        return { status: answer.status, responseAction: "errors", errors: asStrings, view, payload };
      }
      case "update":
      case "push": {
        const problem = this.checkAnsweredView(json.view);
        if (problem || !isRecord(json.view)) return keepOpen(problem ?? "response_action needs a view");
        const next = {
          ...json.view,
          blocks: withGeneratedIds(Array.isArray(json.view.blocks) ? json.view.blocks : []),
        };
        try {
          const shown =
            json.response_action === "update"
              ? this.world.updateView(view.id, next)
              : this.world.pushModal(user.id, next);
          return { status: answer.status, responseAction: json.response_action, view: shown, payload };
        } catch (e) {
          if (e instanceof SlackWorldError) return keepOpen(e.code);
          throw e;
        }
      }
      default:
        return keepOpen(`unknown response_action ${JSON.stringify(json.response_action)}`);
    }
  }

  /** The user closes the top modal (Cancel / X); Slack tells the app only when notify_on_close is set. */
  async closeView(input: { userId: string; viewId?: string }): Promise<CloseViewResult> {
    const user = this.requireUser(input.userId);
    const view = this.topModal(user.id, input.viewId);
    const cleared = view.clear_on_close;
    const closedViewIds = this.world.closeModal(user.id, view.id, cleared);
    if (!view.notify_on_close) return { sent: false, closedViewIds };
    const answer = await this.postPayload({
      type: "view_closed",
      ...this.common(user),
      view,
      is_cleared: cleared,
    });
    const error = this.failure(answer);
    return { sent: true, status: answer.status, closedViewIds, ...(error ? { error } : {}) };
  }

  // ---------------------------------------------------------------- shortcuts

  async globalShortcut(input: { userId: string; callbackId: string }): Promise<ShortcutResult> {
    const user = this.requireUser(input.userId);
    const triggerId = this.world.issueTrigger(user.id);
    const ws = this.world.workspace;
    const payload: Record<string, unknown> = {
      type: "shortcut",
      token: ws.verificationToken,
      action_ts: this.actionTs(),
      team: this.team(),
      user: { id: user.id, username: user.name, team_id: user.teamId },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: triggerId,
    };
    const answer = await this.postPayload(payload);
    const error = this.failure(answer);
    return { status: answer.status, body: answer.body, triggerId, payload, ...(error ? { error } : {}) };
  }

  async messageShortcut(input: {
    userId: string;
    callbackId: string;
    channelId: string;
    messageTs: string;
  }): Promise<ShortcutResult> {
    const user = this.requireUser(input.userId);
    const ch = this.channelFor(user, input.channelId);
    const message = this.world.message(ch.id, input.messageTs);
    if (!message) throw new Error(`no message ${input.messageTs} in ${ch.id}`);
    const triggerId = this.world.issueTrigger(user.id);
    const responseUrl = this.responseUrl({
      kind: "commands",
      userId: user.id,
      channelId: ch.id,
      source: { kind: "message", channel: ch.id, ts: message.ts },
    });
    const ws = this.world.workspace;
    const payload: Record<string, unknown> = {
      type: "message_action",
      token: ws.verificationToken,
      action_ts: this.actionTs(),
      team: this.team(),
      user: { id: user.id, name: user.name },
      channel: { id: ch.id, name: this.channelName(ch) },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: triggerId,
      message_ts: message.ts,
      message,
      response_url: responseUrl,
    };
    const answer = await this.postPayload(payload);
    const error = this.failure(answer);
    return {
      status: answer.status,
      body: answer.body,
      triggerId,
      responseUrl,
      payload,
      ...(error ? { error } : {}),
    };
  }

  // ---------------------------------------------------------------- events

  /** Sends an Events API `event_callback` wrapping `event` (with a fresh unique event_id). */
  async sendEvent(event: Record<string, unknown>): Promise<EventResult> {
    const ws = this.world.workspace;
    this.eventCounter += 1;
    const eventId = `Ev${String(this.eventCounter).padStart(8, "0")}`;
    const now = this.world.now();
    const envelope: Record<string, unknown> = {
      token: ws.verificationToken,
      team_id: ws.teamId,
      context_team_id: ws.teamId,
      context_enterprise_id: null,
      api_app_id: ws.appId,
      event: { event_ts: (now / 1000).toFixed(6), ...event },
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(now / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: ws.teamId,
          user_id: ws.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(`${eventId}:${ws.teamId}`).toString("base64url")}`,
    };
    const url = this.app.eventsUrl ?? this.app.url;
    const body = JSON.stringify(envelope);
    this.sentEvents.set(eventId, { url, body });
    const answer = await this.post(url, body, "application/json");
    const error = this.failure(answer);
    return {
      status: answer.status,
      body: answer.body,
      eventId,
      envelope,
      timedOut: answer.timedOut,
      ...(error ? { error } : {}),
    };
  }

  /** Resends an event exactly, as Slack's retry (X-Slack-Retry-Num / X-Slack-Retry-Reason). */
  async retryEvent(eventId: string, opts: { retryNum?: number; reason?: string } = {}): Promise<EventResult> {
    const sent = this.sentEvents.get(eventId);
    if (!sent) throw new Error(`no event ${eventId} was sent`);
    const answer = await this.post(sent.url, sent.body, "application/json", {
      "X-Slack-Retry-Num": String(opts.retryNum ?? 1),
      "X-Slack-Retry-Reason": opts.reason ?? "http_timeout",
    });
    const error = this.failure(answer);
    return {
      status: answer.status,
      body: answer.body,
      eventId,
      envelope: JSON.parse(sent.body) as Record<string, unknown>,
      timedOut: answer.timedOut,
      ...(error ? { error } : {}),
    };
  }

  /** The user opens the app's Home tab (or Messages tab). */
  appHomeOpened(input: { userId: string; tab?: "home" | "messages" }): Promise<EventResult> {
    const user = this.requireUser(input.userId);
    const [dm] = this.world.openDm(user.id);
    const tab = input.tab ?? "home";
    const home = this.world.homeOf(user.id);
    return this.sendEvent({
      type: "app_home_opened",
      user: user.id,
      channel: dm,
      tab,
      ...(tab === "home" && home ? { view: home } : {}),
    });
  }

  /** Slack's URL check when the request URL is saved: the app must echo the challenge. */
  async verifyUrl(): Promise<{ ok: boolean; status: number; body: string }> {
    const challenge = `challenge-${this.world.workspace.teamId}-${Date.now().toString(36)}`;
    const answer = await this.post(
      this.app.eventsUrl ?? this.app.url,
      JSON.stringify({ token: this.world.workspace.verificationToken, challenge, type: "url_verification" }),
      "application/json",
    );
    const json = parseJson(answer.body);
    const echoed = answer.body === challenge || (isRecord(json) && json.challenge === challenge);
    return { ok: answer.status === 200 && echoed, status: answer.status, body: answer.body };
  }
}
