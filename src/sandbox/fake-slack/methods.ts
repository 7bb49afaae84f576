/**
 * The Web API methods the fake Slack answers, each with its required arguments (the
 * same list as Slack's own method metadata, `methods/<method>.json` `args.required`)
 * and a handler that works on the World and answers in Slack's shape.
 */
import { withGeneratedIds } from "./block-ids.js";
import { type BlockKitSchema, isViewTooLarge, validateMessageBlocks, validateView } from "./block-kit.js";
import { type SlackChannel, type SlackUser, SlackWorldError, type StoredFile, type World } from "./world.js";

export type Args = Record<string, unknown>;
export type ApiBody = Record<string, unknown>;

export interface MethodContext {
  world: World;
  schema: BlockKitSchema | undefined;
  /** e.g. `http://127.0.0.1:1234` (no trailing slash). */
  baseUrl: string;
}

/** A Slack error answer: `{ ok: false, error: code, ...extra }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: ApiBody = {},
  ) {
    super(code);
    this.name = "ApiError";
  }
}

interface MethodSpec {
  /** Exactly Slack's `args.required` (token included; the server checks it first). */
  required: readonly string[];
  /** At least one of each group must be present (e.g. trigger_id or interactivity_pointer). */
  oneOf?: readonly (readonly string[])[];
  /** Slack's own error for a missing argument, where it has one (else invalid_arguments). */
  missing?: Readonly<Record<string, string>>;
  handle(args: Args, ctx: MethodContext): ApiBody;
}

/** Arguments that carry JSON (form-encoded clients send them as JSON strings). */
export const JSON_ARGS: ReadonlySet<string> = new Set([
  "blocks",
  "attachments",
  "view",
  "files",
  "metadata",
  "unfurled_attachments",
]);

// ------------------------------------------------------------------ argument helpers

function present(args: Args, key: string): boolean {
  const v = args[key];
  return v !== undefined && v !== null && v !== "";
}

function str(args: Args, key: string): string | undefined {
  const v = args[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}

function bool(args: Args, key: string): boolean {
  const v = args[key];
  return v === true || v === "true" || v === "1" || v === 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalidArguments(...messages: string[]): ApiError {
  return new ApiError("invalid_arguments", {
    response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) },
  });
}

/** Blocks of a message argument: undefined when absent or empty; throws Slack's errors. */
function messageBlocks(args: Args, ctx: MethodContext): unknown[] | undefined {
  if (!present(args, "blocks")) return undefined;
  const blocks = args.blocks;
  if (!Array.isArray(blocks)) throw new ApiError("invalid_blocks_format");
  if (blocks.length === 0) return undefined;
  const errors = validateMessageBlocks(blocks, { schema: ctx.schema });
  if (errors.length > 0) {
    throw new ApiError("invalid_blocks", {
      errors,
      response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
    });
  }
  return withGeneratedIds(blocks);
}

/** A view argument, parsed, size-checked and validated; throws Slack's errors. */
function viewArg(args: Args, ctx: MethodContext, expect: "modal" | "home" | "any"): Record<string, unknown> {
  const view = args.view;
  if (!isRecord(view)) throw invalidArguments("must provide an object [json-pointer:/view]");
  if (isViewTooLarge(view)) throw new ApiError("view_too_large");
  if (expect !== "any" && view.type !== expect) {
    throw invalidArguments(`unsupported type: ${String(view.type)} [json-pointer:/view/type]`);
  }
  const errors = validateView(view, { schema: ctx.schema });
  if (errors.length > 0) throw invalidArguments(...errors);
  return { ...view, blocks: withGeneratedIds(Array.isArray(view.blocks) ? view.blocks : []) };
}

/** views.open and views.push: a valid modal and a live trigger (used once), shown to the trigger's user. */
function withTrigger<T>(
  args: Args,
  ctx: MethodContext,
  show: (userId: string, view: Record<string, unknown>) => T,
): T {
  const view = viewArg(args, ctx, "modal");
  const check = ctx.world.consumeTrigger(str(args, "trigger_id") ?? str(args, "interactivity_pointer") ?? "");
  if (!check.ok) throw new ApiError(check.error);
  return fromWorld(() => show(check.trigger.userId, view));
}

function fromWorld<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SlackWorldError) throw new ApiError(e.code);
    throw e;
  }
}

// ------------------------------------------------------------------ shapes

function botProfile(world: World): ApiBody {
  const ws = world.workspace;
  const icon = "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png";
  return {
    id: ws.botId,
    deleted: false,
    name: ws.botName,
    updated: 1_700_000_000,
    app_id: ws.appId,
    icons: { image_36: icon, image_48: icon, image_72: icon },
    team_id: ws.teamId,
    user_id: ws.botUserId,
  };
}

function avatar(userId: string, size: number): string {
  return `https://avatars.slack-sandbox.invalid/${userId}_${size}.png`;
}

/** The user object of users.info. Deactivated users come back slim, as Slack sends them. */
export function userObject(world: World, user: SlackUser, includeLocale: boolean): ApiBody {
  const [first = "", ...rest] = user.realName.split(" ");
  const profile: ApiBody = {
    title: "",
    phone: "",
    skype: "",
    real_name: user.realName,
    real_name_normalized: user.realName,
    display_name: user.displayName,
    display_name_normalized: user.displayName,
    status_text: "",
    status_emoji: "",
    status_expiration: 0,
    avatar_hash: `g${user.id.toLowerCase().slice(-8)}`,
    first_name: first,
    last_name: rest.join(" "),
    image_24: avatar(user.id, 24),
    image_32: avatar(user.id, 32),
    image_48: avatar(user.id, 48),
    image_72: avatar(user.id, 72),
    image_192: avatar(user.id, 192),
    image_512: avatar(user.id, 512),
    team: user.teamId,
    ...(user.email !== null ? { email: user.email } : {}),
    ...(user.isBot && user.id === world.workspace.botUserId
      ? { bot_id: world.workspace.botId, api_app_id: world.workspace.appId, always_active: true }
      : {}),
  };
  if (user.deleted) {
    return {
      id: user.id,
      team_id: user.teamId,
      name: user.name,
      deleted: true,
      profile,
      is_bot: user.isBot,
      is_app_user: false,
      updated: user.updated,
      ...(includeLocale ? { locale: user.locale } : {}),
    };
  }
  const tz = world.tzInfo(user);
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: false,
    color: "9f69e7",
    real_name: user.realName,
    tz: user.tz,
    tz_label: tz.label,
    tz_offset: tz.offset,
    profile,
    is_admin: user.isAdmin,
    is_owner: user.isOwner,
    is_primary_owner: user.isPrimaryOwner,
    is_restricted: user.isRestricted,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: user.updated,
    is_email_confirmed: user.email !== null,
    who_can_share_contact_card: "EVERYONE",
    ...(includeLocale ? { locale: user.locale } : {}),
  };
}

function channelObject(
  world: World,
  ch: SlackChannel,
  opts: { numMembers?: boolean; locale?: boolean },
): ApiBody {
  const ws = world.workspace;
  if (ch.kind === "im") {
    return {
      id: ch.id,
      created: ch.created,
      is_archived: ch.isArchived,
      is_im: true,
      is_org_shared: false,
      context_team_id: ws.teamId,
      updated: ch.created * 1000,
      user: ch.imUser,
      is_user_deleted: ch.imUser !== null && world.user(ch.imUser)?.deleted === true,
      priority: 0,
    };
  }
  return {
    id: ch.id,
    name: ch.name,
    is_channel: ch.kind === "channel",
    is_group: false,
    is_im: false,
    is_mpim: ch.kind === "mpim",
    is_private: ch.isPrivate,
    created: ch.created,
    is_archived: ch.isArchived,
    is_general: ch.name === "general",
    unlinked: 0,
    name_normalized: ch.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: ws.teamId,
    updated: ch.created * 1000,
    parent_conversation: null,
    creator: ch.creator ?? "",
    is_ext_shared: false,
    shared_team_ids: [ws.teamId],
    pending_connected_team_ids: [],
    is_member: ch.botIsMember,
    topic: { value: ch.topic, creator: "", last_set: 0 },
    purpose: { value: ch.purpose, creator: "", last_set: 0 },
    previous_names: [],
    ...(opts.numMembers ? { num_members: world.membersOf(ch.id).length } : {}),
    ...(opts.locale ? { locale: "en-US" } : {}),
  };
}

function fileObject(ctx: MethodContext, f: StoredFile): ApiBody {
  const url = `${ctx.baseUrl}/files-pri/${ctx.world.workspace.teamId}-${f.id}/${encodeURIComponent(f.name)}`;
  const channels = f.channels.filter((id) => ctx.world.channel(id)?.kind === "channel");
  const ims = f.channels.filter((id) => ctx.world.channel(id)?.kind === "im");
  const groups = f.channels.filter((id) => ctx.world.channel(id)?.kind === "mpim");
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.name,
    title: f.title,
    mimetype: f.mimetype,
    filetype: f.filetype,
    pretty_type: f.filetype.toUpperCase(),
    user: f.user,
    user_team: ctx.world.workspace.teamId,
    editable: false,
    size: f.size,
    mode: "hosted",
    is_external: false,
    external_type: "",
    is_public: channels.length > 0,
    public_url_shared: false,
    display_as_bot: false,
    username: "",
    url_private: url,
    url_private_download: `${url}?download=1`,
    permalink: `https://${ctx.world.workspace.teamDomain}.slack.com/files/${f.user}/${f.id}/${encodeURIComponent(f.name)}`,
    permalink_public: `https://slack-files.com/${ctx.world.workspace.teamId}-${f.id}`,
    ...(f.altText !== null ? { alt_txt: f.altText } : {}),
    comments_count: 0,
    is_starred: false,
    channels,
    groups,
    ims,
    has_more_shares: false,
    has_rich_preview: false,
    file_access: "visible",
  };
}

// ------------------------------------------------------------------ channel resolution

/** A conversation the bot can see; private ones it is not in are `channel_not_found`, as in Slack. */
function visibleChannel(world: World, id: string | undefined, notFound = "channel_not_found"): SlackChannel {
  if (id === undefined || id === "") throw new ApiError(notFound);
  const ch = world.channel(id) ?? world.channelByName(id);
  if (!ch) throw new ApiError(notFound);
  if (ch.isPrivate && !ch.botIsMember) throw new ApiError(notFound);
  return ch;
}

/** Where chat.postMessage goes: a channel id or name, or a user id (the bot's DM with them). */
function channelForPost(world: World, target: string | undefined): SlackChannel {
  if (target !== undefined && /^[UW][A-Z0-9]+$/.test(target)) {
    const user = world.user(target);
    if (!user) throw new ApiError("channel_not_found");
    const [dm] = world.openDm(user.id);
    const ch = world.channel(dm);
    if (!ch) throw new ApiError("channel_not_found");
    return ch;
  }
  const ch = visibleChannel(world, target);
  if (ch.isArchived) throw new ApiError("is_archived");
  if (!ch.botIsMember) throw new ApiError("not_in_channel");
  return ch;
}

function messageText(args: Args, blocks: unknown[] | undefined): string {
  const text = str(args, "text") ?? "";
  if (text === "" && blocks === undefined && !present(args, "attachments")) throw new ApiError("no_text");
  return text;
}

// ------------------------------------------------------------------ the methods

const METHODS: Readonly<Record<string, MethodSpec>> = {
  "auth.test": {
    required: ["token"],
    handle(_args, { world }) {
      const ws = world.workspace;
      return {
        url: `https://${ws.teamDomain}.slack.com/`,
        team: ws.teamName,
        user: ws.botName,
        team_id: ws.teamId,
        user_id: ws.botUserId,
        bot_id: ws.botId,
        is_enterprise_install: false,
      };
    },
  },

  "chat.postMessage": {
    required: ["token", "channel"],
    missing: { channel: "channel_not_found" },
    handle(args, ctx) {
      const { world } = ctx;
      const ch = channelForPost(world, str(args, "channel"));
      const blocks = messageBlocks(args, ctx);
      const text = messageText(args, blocks);
      const threadTs = present(args, "thread_ts") ? str(args, "thread_ts") : undefined;
      const message = fromWorld(() =>
        world.postMessage({
          channel: ch.id,
          text,
          blocks,
          threadTs,
          metadata: args.metadata,
          source: "chat.postMessage",
        }),
      );
      return { channel: ch.id, ts: message.ts, message: { ...message, bot_profile: botProfile(world) } };
    },
  },

  "chat.update": {
    required: ["token", "ts", "channel"],
    missing: { channel: "channel_not_found" },
    handle(args, ctx) {
      const { world } = ctx;
      const ch = visibleChannel(world, str(args, "channel"));
      const ts = str(args, "ts") ?? "";
      const existing = world.message(ch.id, ts);
      if (!existing) throw new ApiError("message_not_found");
      if (existing.bot_id !== world.workspace.botId) throw new ApiError("cant_update_message");
      if (ch.isArchived) throw new ApiError("is_inactive");
      const blocks = present(args, "blocks") ? messageBlocks(args, ctx) : undefined;
      const text = str(args, "text");
      if ((text === undefined || text === "") && !present(args, "blocks") && !present(args, "attachments")) {
        throw new ApiError("no_text");
      }
      const updated = fromWorld(() =>
        world.updateMessage(ch.id, ts, {
          ...(text !== undefined ? { text } : {}),
          ...(present(args, "blocks") ? { blocks: blocks ?? [] } : {}),
        }),
      );
      // chat.update's `message` has no ts/thread fields (see responses/chat.update.json).
      const { user_id: _botUser, ...profile } = botProfile(world);
      const message: ApiBody = { bot_profile: profile };
      for (const key of [
        "type",
        "text",
        "user",
        "bot_id",
        "app_id",
        "team",
        "blocks",
        "edited",
        "files",
        "metadata",
      ] as const) {
        if (updated[key] !== undefined) message[key] = updated[key];
      }
      return { channel: ch.id, ts, text: updated.text, message };
    },
  },

  "chat.postEphemeral": {
    required: ["token", "user", "channel"],
    missing: { channel: "channel_not_found", user: "user_not_in_channel" },
    handle(args, ctx) {
      const { world } = ctx;
      const ch = visibleChannel(world, str(args, "channel"));
      if (ch.isArchived) throw new ApiError("is_archived");
      if (!ch.botIsMember) throw new ApiError("not_in_channel");
      const userId = str(args, "user") ?? "";
      const user = world.user(userId);
      if (!user || user.deleted || !world.isMember(ch.id, userId)) throw new ApiError("user_not_in_channel");
      const blocks = messageBlocks(args, ctx);
      const text = messageText(args, blocks);
      const e = world.postEphemeral({
        channel: ch.id,
        user: userId,
        text,
        blocks,
        threadTs: present(args, "thread_ts") ? str(args, "thread_ts") : undefined,
        source: "chat.postEphemeral",
      });
      return { message_ts: e.ts };
    },
  },

  "chat.getPermalink": {
    required: ["token", "channel", "message_ts"],
    missing: { channel: "channel_not_found", message_ts: "message_not_found" },
    handle(args, { world }) {
      const ch = visibleChannel(world, str(args, "channel"));
      const ts = str(args, "message_ts") ?? "";
      if (!world.message(ch.id, ts)) throw new ApiError("message_not_found");
      return {
        channel: ch.id,
        permalink: `https://${world.workspace.teamDomain}.slack.com/archives/${ch.id}/p${ts.replace(".", "")}`,
      };
    },
  },

  "chat.delete": {
    required: ["token", "ts", "channel"],
    missing: { channel: "channel_not_found" },
    handle(args, { world }) {
      const ch = visibleChannel(world, str(args, "channel"));
      const ts = str(args, "ts") ?? "";
      const existing = world.message(ch.id, ts);
      if (!existing) throw new ApiError("message_not_found");
      if (existing.bot_id !== world.workspace.botId) throw new ApiError("cant_delete_message");
      fromWorld(() => world.deleteMessage(ch.id, ts));
      return { channel: ch.id, ts };
    },
  },

  "views.open": {
    required: ["token", "view"],
    oneOf: [["trigger_id", "interactivity_pointer"]],
    handle(args, ctx) {
      return { view: withTrigger(args, ctx, (userId, view) => ctx.world.openModal(userId, view)) };
    },
  },

  "views.push": {
    required: ["token", "view"],
    oneOf: [["trigger_id", "interactivity_pointer"]],
    handle(args, ctx) {
      return { view: withTrigger(args, ctx, (userId, view) => ctx.world.pushModal(userId, view)) };
    },
  },

  "views.update": {
    required: ["token", "view"],
    oneOf: [["view_id", "external_id"]],
    handle(args, ctx) {
      const { world } = ctx;
      const found = world.findView({
        viewId: present(args, "view_id") ? str(args, "view_id") : undefined,
        externalId: present(args, "external_id") ? str(args, "external_id") : undefined,
      });
      if (!found) throw new ApiError("not_found");
      const view = viewArg(args, ctx, found.view.type);
      const hash = present(args, "hash") ? str(args, "hash") : undefined;
      const updated = fromWorld(() => world.updateView(found.view.id, view, hash));
      return { view: updated };
    },
  },

  "views.publish": {
    required: ["token", "user_id", "view"],
    missing: { user_id: "user_not_found" },
    handle(args, ctx) {
      const userId = str(args, "user_id") ?? "";
      const user = ctx.world.user(userId);
      if (!user) throw new ApiError("user_not_found");
      const view = viewArg(args, ctx, "home");
      const hash = present(args, "hash") ? str(args, "hash") : undefined;
      const published = fromWorld(() => ctx.world.publishHome(userId, view, hash));
      return { view: published };
    },
  },

  "conversations.open": {
    required: ["token"],
    oneOf: [["users", "channel"]],
    missing: { users: "users_list_not_supplied" },
    handle(args, { world }) {
      const returnIm = bool(args, "return_im");
      let id: string;
      let created: boolean;
      if (present(args, "channel")) {
        const ch = world.channel(str(args, "channel") ?? "");
        if (!ch || ch.kind === "channel") throw new ApiError("channel_not_found");
        [id, created] = [ch.id, false];
      } else {
        const ids = (str(args, "users") ?? "")
          .split(",")
          .map((u) => u.trim())
          .filter((u) => u !== "" && u !== world.workspace.botUserId);
        if (ids.length === 0) throw new ApiError("not_enough_users");
        if (ids.length > 8) throw new ApiError("too_many_users");
        for (const u of ids) if (!world.user(u)) throw new ApiError("user_not_found");
        const [only] = ids;
        if (ids.length === 1 && only !== undefined) {
          const existing = world.dmChannelOf(only);
          if (!existing && world.user(only)?.deleted) throw new ApiError("user_disabled");
          [id, created] = world.openDm(only);
        } else {
          [id, created] = world.openMpim(ids);
        }
      }
      const ch = world.channel(id);
      if (!ch) throw new ApiError("channel_not_found");
      const full = {
        id: ch.id,
        created: ch.created,
        is_archived: ch.isArchived,
        is_im: ch.kind === "im",
        is_org_shared: false,
        context_team_id: world.workspace.teamId,
        updated: ch.created * 1000,
        ...(ch.kind === "im" ? { user: ch.imUser } : {}),
        last_read: "0000000000.000000",
        latest: null,
        unread_count: 0,
        unread_count_display: 0,
        is_open: true,
        priority: 0,
      };
      return {
        ...(created ? {} : { no_op: true, already_open: true }),
        channel: returnIm ? full : { id: ch.id },
      };
    },
  },

  "conversations.info": {
    required: ["token", "channel"],
    missing: { channel: "channel_not_found" },
    handle(args, { world }) {
      const ch = visibleChannel(world, str(args, "channel"));
      if (ch.kind === "im" && ch.imUser === null) throw new ApiError("channel_not_found");
      return {
        channel: channelObject(world, ch, {
          numMembers: bool(args, "include_num_members"),
          locale: bool(args, "include_locale"),
        }),
      };
    },
  },

  "conversations.members": {
    required: ["token", "channel"],
    missing: { channel: "channel_not_found" },
    handle(args, { world }) {
      const ch = visibleChannel(world, str(args, "channel"));
      const limitRaw = str(args, "limit");
      const limit = limitRaw === undefined || limitRaw === "" ? 100 : Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ApiError("invalid_limit");
      const members = world.membersOf(ch.id);
      let start = 0;
      const cursor = str(args, "cursor");
      if (cursor !== undefined && cursor !== "") {
        const decoded = Buffer.from(cursor, "base64").toString("utf8");
        const m = /^user:(.+)$/.exec(decoded);
        start = m?.[1] !== undefined ? members.indexOf(m[1]) : -1;
        if (start < 0) throw new ApiError("invalid_cursor");
      }
      const page = members.slice(start, start + limit);
      const next = members[start + limit];
      return {
        members: page,
        response_metadata: {
          next_cursor: next === undefined ? "" : Buffer.from(`user:${next}`).toString("base64"),
        },
      };
    },
  },

  "users.info": {
    required: ["token", "user"],
    missing: { user: "user_not_found" },
    handle(args, { world }) {
      const user = world.user(str(args, "user") ?? "");
      if (!user) throw new ApiError("user_not_found");
      return { user: userObject(world, user, bool(args, "include_locale")) };
    },
  },

  "usergroups.users.list": {
    required: ["token", "usergroup"],
    handle(args, { world }) {
      const group = world.usergroup(str(args, "usergroup") ?? "");
      if (!group) throw new ApiError("no_such_subteam");
      if (group.disabled && !bool(args, "include_disabled")) throw new ApiError("no_such_subteam");
      return { users: group.users };
    },
  },

  "files.getUploadURLExternal": {
    required: ["token", "length", "filename"],
    handle(args, ctx) {
      const length = Number(str(args, "length"));
      if (!Number.isInteger(length) || length < 0) {
        throw invalidArguments("must be a positive integer [json-pointer:/length]");
      }
      const filename = str(args, "filename") ?? "";
      const altText = str(args, "alt_txt") ?? str(args, "alt_text");
      const { fileId, uploadId } = ctx.world.startUpload({
        filename,
        length,
        ...(altText !== undefined && altText !== "" ? { altText } : {}),
      });
      return { upload_url: `${ctx.baseUrl}/upload/v1/${uploadId}`, file_id: fileId };
    },
  },

  "files.completeUploadExternal": {
    required: ["token", "files"],
    handle(args, ctx) {
      const { world } = ctx;
      const files = args.files;
      if (!Array.isArray(files) || files.length === 0) {
        throw invalidArguments("must provide an array [json-pointer:/files]");
      }
      const wanted = files.map((f, i) => {
        if (!isRecord(f) || typeof f.id !== "string") {
          throw invalidArguments(`missing required field: id [json-pointer:/files/${i}]`);
        }
        return { id: f.id, title: typeof f.title === "string" ? f.title : undefined };
      });
      const channelId = present(args, "channel_id")
        ? str(args, "channel_id")
        : str(args, "channels")?.split(",")[0];
      let ch: SlackChannel | undefined;
      if (channelId !== undefined && channelId !== "") {
        ch = visibleChannel(world, channelId);
        if (!ch.botIsMember) throw new ApiError("not_in_channel");
        if (ch.isArchived) throw new ApiError("is_archived");
      }
      const blocks = messageBlocks(args, ctx);
      const stored = wanted.map((w) =>
        fromWorld(() =>
          world.completeUpload(w.id, {
            user: world.workspace.botUserId,
            ...(w.title !== undefined ? { title: w.title } : {}),
          }),
        ),
      );
      if (ch) {
        const channel = ch;
        for (const f of stored) world.shareFile(f.id, channel.id);
        world.postMessage({
          channel: channel.id,
          text: str(args, "initial_comment") ?? "",
          blocks,
          threadTs: present(args, "thread_ts") ? str(args, "thread_ts") : undefined,
          files: stored.map((f) => ({
            id: f.id,
            name: f.name,
            title: f.title,
            mimetype: f.mimetype,
            size: f.size,
          })),
          source: "file_share",
        });
      }
      return {
        files: stored.map((f) => {
          const fresh = world.file(f.id);
          return fileObject(ctx, fresh ?? f);
        }),
      };
    },
  },
};

/** Required arguments per implemented method, as in Slack's method metadata. */
export const METHOD_REQUIRED_ARGS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(METHODS).map(([name, spec]) => [name, spec.required]),
);

export const IMPLEMENTED_METHODS: readonly string[] = Object.keys(METHODS);

/** Runs one method (the token has been checked); returns the body Slack would send. */
export function runMethod(method: string, args: Args, ctx: MethodContext): ApiBody {
  const spec = METHODS[method];
  if (!spec) return { ok: false, error: "unknown_method", req_method: method };
  try {
    for (const key of spec.required) {
      if (key === "token" || present(args, key)) continue;
      const specific = spec.missing?.[key];
      if (specific) throw new ApiError(specific);
      throw invalidArguments(`missing required field: ${key}`);
    }
    for (const group of spec.oneOf ?? []) {
      if (group.some((key) => present(args, key))) continue;
      const first = group[0] ?? "";
      const specific = spec.missing?.[first];
      if (specific) throw new ApiError(specific);
      throw invalidArguments(`missing required field: ${first}`);
    }
    return { ok: true, ...spec.handle(args, ctx) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.code, ...e.extra };
    if (e instanceof SlackWorldError) return { ok: false, error: e.code };
    throw e;
  }
}
