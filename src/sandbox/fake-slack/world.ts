/**
 * The little world behind the fake Slack: one workspace, its users, channels, DMs,
 * messages, ephemeral messages, open modals, Home tabs, files, usergroups, and the
 * short-lived things Slack hands out (trigger ids, response URLs).
 *
 * Every change is announced to subscribers as a JSON-serialisable `WorldEvent`.
 * Ids come from per-world counters, so tests get the same ids every run.
 */

export interface Workspace {
  teamId: string;
  teamName: string;
  teamDomain: string;
  enterpriseId: string | null;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
  /** Old-style verification token sent inside payloads (`token`). */
  verificationToken: string;
}

export interface SlackUser {
  id: string;
  teamId: string;
  /** The handle (`name` in Slack's user object). */
  name: string;
  realName: string;
  displayName: string;
  email: string | null;
  /** IANA zone, e.g. `Europe/Stockholm`. */
  tz: string;
  /** Overrides the computed zone label. */
  tzLabel: string | null;
  /** e.g. `en-US`, `sv-SE`. */
  locale: string;
  isAdmin: boolean;
  isOwner: boolean;
  isPrimaryOwner: boolean;
  isRestricted: boolean;
  isBot: boolean;
  deleted: boolean;
  updated: number;
}

export interface AddUserInput {
  id?: string;
  name: string;
  realName?: string;
  displayName?: string;
  email?: string;
  tz?: string;
  tzLabel?: string;
  locale?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  isRestricted?: boolean;
  isBot?: boolean;
  deleted?: boolean;
}

export type ChannelKind = "channel" | "im" | "mpim";

export interface SlackChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  /** Human (and other bot) members; the app's bot is tracked by `botIsMember`. */
  members: string[];
  botIsMember: boolean;
  /** For an IM: the other party. */
  imUser: string | null;
  created: number;
  creator: string | null;
  topic: string;
  purpose: string;
}

export interface AddChannelInput {
  id?: string;
  name: string;
  isPrivate?: boolean;
  members?: string[];
  /** Default true. */
  botIsMember?: boolean;
  isArchived?: boolean;
  topic?: string;
  purpose?: string;
  creator?: string;
}

export interface Usergroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
  disabled: boolean;
}

export interface FileRef {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  size: number;
}

/** A message as Slack stores it (Slack's field names). */
export interface SlackMessage {
  type: "message";
  subtype?: string;
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  blocks?: unknown[];
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  edited?: { user: string; ts: string };
  files?: FileRef[];
  metadata?: unknown;
}

export type MessageSource = "chat.postMessage" | "response_url" | "ack" | "file_share" | "user";

export interface StoredMessage {
  channel: string;
  source: MessageSource;
  message: SlackMessage;
}

export type EphemeralSource = "ack" | "response_url" | "chat.postEphemeral";

export interface EphemeralMessage {
  channel: string;
  /** Who sees it. */
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  source: EphemeralSource;
  /** Removed by `delete_original`. */
  deleted: boolean;
}

/** What Slack itself shows a user when an app fails (e.g. `/cmd failed with the error "dispatch_failed"`). */
export interface SlackNotice {
  user: string;
  channel: string | null;
  text: string;
  error: string;
  at: number;
}

export interface ViewState {
  values: Record<string, Record<string, Record<string, unknown>>>;
}

/** A view as Slack returns it from views.* (Slack's field names). */
export interface SlackView {
  id: string;
  team_id: string;
  type: "modal" | "home";
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: ViewState;
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  submit_disabled?: boolean;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

export interface StoredFile extends FileRef {
  filetype: string;
  altText: string | null;
  user: string;
  created: number;
  /** Shared to these channels. */
  channels: string[];
  bytes: Uint8Array;
}

export type WorldEvent =
  | { type: "user_added"; user: SlackUser }
  | { type: "user_deleted"; userId: string }
  | { type: "channel_added"; channel: SlackChannel }
  | { type: "channel_archived"; channelId: string }
  | { type: "member_joined"; channelId: string; userId: string }
  | { type: "message_posted"; channel: string; source: MessageSource; message: SlackMessage }
  | { type: "message_updated"; channel: string; message: SlackMessage }
  | { type: "message_deleted"; channel: string; ts: string }
  | { type: "ephemeral_posted"; ephemeral: EphemeralMessage }
  | { type: "ephemeral_updated"; ephemeral: EphemeralMessage }
  | { type: "ephemeral_deleted"; ephemeral: EphemeralMessage }
  | { type: "view_opened"; userId: string; view: SlackView }
  | { type: "view_pushed"; userId: string; view: SlackView }
  | { type: "view_updated"; userId: string; view: SlackView }
  | { type: "view_closed"; userId: string; viewId: string }
  | { type: "home_published"; userId: string; view: SlackView }
  | { type: "file_uploaded"; file: Omit<StoredFile, "bytes"> }
  | { type: "notice_shown"; notice: SlackNotice };

export type WorldListener = (event: WorldEvent) => void;

/**
 * What outlives a restart of the world (the local sandbox keeps it on disk): people, channels, messages,
 * ephemeral messages, Home tabs, usergroups, files and the id counters. Short-lived things (open modals,
 * trigger ids, response URLs, notices, recorded listeners) are not kept, as Slack forgets them too.
 */
export interface WorldSnapshot {
  version: 1;
  teamId: string;
  counters: Record<string, number>;
  lastTs: { sec: number; micro: number };
  users: SlackUser[];
  channels: SlackChannel[];
  /** Every channel's messages, oldest first. */
  messages: StoredMessage[];
  ephemerals: EphemeralMessage[];
  homes: { userId: string; view: SlackView }[];
  usergroups: Usergroup[];
  files: (Omit<StoredFile, "bytes"> & { base64: string })[];
}

/** A domain failure with Slack's error code (the API layer turns it into `{ok:false,error}`). */
export class SlackWorldError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "SlackWorldError";
  }
}

export interface TriggerInfo {
  id: string;
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type TriggerCheck =
  | { ok: true; trigger: TriggerInfo }
  | { ok: false; error: "invalid_trigger_id" | "expired_trigger_id" | "exchanged_trigger_id" };

/** Where a response_url posts to. */
export interface ResponseUrlContext {
  kind: "commands" | "actions";
  userId: string;
  channelId: string;
  /** The message the interaction came from (for replace_original / delete_original). */
  source?: { kind: "message" | "ephemeral"; channel: string; ts: string };
}

export interface ResponseUrlHook extends ResponseUrlContext {
  id: string;
  createdAt: number;
  uses: number;
}

export interface WorldOptions {
  workspace?: Partial<Workspace>;
  /** Clock in ms (default Date.now); drives ts, trigger expiry and response_url expiry. */
  now?: () => number;
  /** trigger_id lifetime, ms (Slack: 3 s). */
  triggerTtlMs?: number;
  /** response_url lifetime, ms (Slack: 30 min) and uses (Slack: 5). */
  responseUrlTtlMs?: number;
  responseUrlMaxUses?: number;
  /** Maximum modal stack depth (Slack: 3). */
  maxViewStack?: number;
}

const DEFAULT_WORKSPACE: Workspace = {
  teamId: "T0SANDBOX",
  teamName: "Sandbox",
  teamDomain: "sandbox",
  enterpriseId: null,
  appId: "A0SANDBOX",
  botId: "B0SANDBOX",
  botUserId: "U0BOT0001",
  botName: "supervisor",
  verificationToken: "sandbox-verification-token",
};

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Offset (seconds east of UTC) of an IANA zone at a given instant, via Intl. */
export function tzOffsetSeconds(tz: string, atMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(atMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(atMs / 1000) * 1000) / 1000);
}

/** Long zone name as Slack shows it (`Central European Summer Time`). */
export function tzLabelOf(tz: string, atMs: number): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "long" })
    .formatToParts(new Date(atMs))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? tz;
}

export class World {
  readonly workspace: Workspace;
  readonly now: () => number;
  readonly triggerTtlMs: number;
  readonly responseUrlTtlMs: number;
  readonly responseUrlMaxUses: number;
  readonly maxViewStack: number;

  private readonly counters = new Map<string, number>();
  private readonly users = new Map<string, SlackUser>();
  private readonly channels = new Map<string, SlackChannel>();
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly ephemerals: EphemeralMessage[] = [];
  private readonly notices: SlackNotice[] = [];
  private readonly views = new Map<string, { userId: string; view: SlackView }>();
  private readonly modalStacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  private readonly usergroups = new Map<string, Usergroup>();
  private readonly files = new Map<string, StoredFile>();
  private readonly pendingUploads = new Map<
    string,
    { fileId: string; filename: string; length: number; altText: string | null; bytes: Uint8Array | null }
  >();
  private readonly triggers = new Map<string, TriggerInfo>();
  private readonly hooks = new Map<string, ResponseUrlHook>();
  private readonly listeners = new Set<WorldListener>();
  private lastTs = { sec: 0, micro: 0 };

  constructor(options: WorldOptions = {}) {
    this.workspace = { ...DEFAULT_WORKSPACE, ...options.workspace };
    this.now = options.now ?? Date.now;
    this.triggerTtlMs = options.triggerTtlMs ?? 3000;
    this.responseUrlTtlMs = options.responseUrlTtlMs ?? 30 * 60 * 1000;
    this.responseUrlMaxUses = options.responseUrlMaxUses ?? 5;
    this.maxViewStack = options.maxViewStack ?? 3;
    const ws = this.workspace;
    this.users.set(ws.botUserId, {
      id: ws.botUserId,
      teamId: ws.teamId,
      name: ws.botName,
      realName: ws.botName,
      displayName: "",
      email: null,
      tz: "America/Los_Angeles",
      tzLabel: null,
      locale: "en-US",
      isAdmin: false,
      isOwner: false,
      isPrimaryOwner: false,
      isRestricted: false,
      isBot: true,
      deleted: false,
      updated: Math.floor(this.now() / 1000),
    });
  }

  // ---------------------------------------------------------------- events

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: WorldListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves with the first future event matching `predicate` (rejects after `timeoutMs`). */
  waitFor(predicate: (event: WorldEvent) => boolean, timeoutMs = 2000): Promise<WorldEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`World.waitFor: no matching event within ${timeoutMs} ms`));
      }, timeoutMs);
      const unsubscribe = this.subscribe((event) => {
        if (!predicate(event)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(event);
      });
    });
  }

  private emit(event: WorldEvent): void {
    for (const listener of [...this.listeners]) {
      listener(copy(event));
    }
  }

  // ---------------------------------------------------------------- snapshots

  /** The lasting part of the world, JSON-serialisable (see WorldSnapshot). */
  snapshot(): WorldSnapshot {
    const homes: WorldSnapshot["homes"] = [];
    for (const [userId, viewId] of this.homes) {
      const found = this.views.get(viewId);
      if (found) homes.push({ userId, view: copy(found.view) });
    }
    return {
      version: 1,
      teamId: this.workspace.teamId,
      counters: Object.fromEntries(this.counters),
      lastTs: { ...this.lastTs },
      users: [...this.users.values()].map(copy),
      channels: [...this.channels.values()].map(copy),
      messages: [...this.messages.values()].flat().map(copy),
      ephemerals: this.ephemerals.filter((e) => !e.deleted).map(copy),
      homes,
      usergroups: [...this.usergroups.values()].map(copy),
      files: [...this.files.values()].map(({ bytes, ...meta }) => ({
        ...copy(meta),
        base64: Buffer.from(bytes).toString("base64"),
      })),
    };
  }

  /**
   * Replaces the world's content with a snapshot of the same workspace. Meant for a world nobody uses yet:
   * it announces nothing to subscribers, and open modals, triggers and response URLs are forgotten.
   */
  restore(snapshot: WorldSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`unknown world snapshot version ${String(snapshot.version)}`);
    if (snapshot.teamId !== this.workspace.teamId) {
      throw new Error(`the snapshot is of workspace ${snapshot.teamId}, not ${this.workspace.teamId}`);
    }
    for (const map of [
      this.counters,
      this.users,
      this.channels,
      this.messages,
      this.views,
      this.modalStacks,
      this.homes,
      this.usergroups,
      this.files,
      this.pendingUploads,
      this.triggers,
      this.hooks,
    ]) {
      map.clear();
    }
    this.ephemerals.length = 0;
    this.notices.length = 0;
    for (const [key, n] of Object.entries(snapshot.counters)) this.counters.set(key, n);
    this.lastTs = { ...snapshot.lastTs };
    for (const user of snapshot.users) this.users.set(user.id, copy(user));
    for (const channel of snapshot.channels) {
      this.channels.set(channel.id, copy(channel));
      this.messages.set(channel.id, []);
    }
    for (const stored of snapshot.messages) this.messages.get(stored.channel)?.push(copy(stored));
    this.ephemerals.push(...snapshot.ephemerals.map(copy));
    for (const { userId, view } of snapshot.homes) {
      this.views.set(view.id, { userId, view: copy(view) });
      this.homes.set(userId, view.id);
    }
    for (const group of snapshot.usergroups) this.usergroups.set(group.id, copy(group));
    for (const { base64, ...meta } of snapshot.files) {
      this.files.set(meta.id, { ...copy(meta), bytes: new Uint8Array(Buffer.from(base64, "base64")) });
    }
  }

  // ---------------------------------------------------------------- ids

  private nextId(prefix: string, width = 8): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(width, "0")}`;
  }

  /** Monotonic, unique message timestamps like `1700000000.000100`. */
  nextTs(): string {
    const sec = Math.floor(this.now() / 1000);
    if (sec > this.lastTs.sec) {
      this.lastTs = { sec, micro: 100 };
    } else {
      const micro = this.lastTs.micro + 100;
      this.lastTs =
        micro > 999_999 ? { sec: this.lastTs.sec + 1, micro: 100 } : { sec: this.lastTs.sec, micro };
    }
    return `${this.lastTs.sec}.${String(this.lastTs.micro).padStart(6, "0")}`;
  }

  /** A fresh view hash like Slack's `1596530361.3wRYuk3R`. */
  private nextHash(): string {
    const n = (this.counters.get("#hash") ?? 0) + 1;
    this.counters.set("#hash", n);
    return `${Math.floor(this.now() / 1000)}.${n.toString(36).padStart(8, "0")}`;
  }

  // ---------------------------------------------------------------- users

  addUser(input: AddUserInput): SlackUser {
    const id = input.id ?? this.nextId("U");
    if (this.users.has(id)) throw new Error(`user ${id} already exists`);
    const user: SlackUser = {
      id,
      teamId: this.workspace.teamId,
      name: input.name,
      realName: input.realName ?? input.name,
      displayName: input.displayName ?? "",
      email: input.email ?? null,
      tz: input.tz ?? "UTC",
      tzLabel: input.tzLabel ?? null,
      locale: input.locale ?? "en-US",
      isAdmin: input.isAdmin ?? false,
      isOwner: input.isOwner ?? false,
      isPrimaryOwner: input.isPrimaryOwner ?? false,
      isRestricted: input.isRestricted ?? false,
      isBot: input.isBot ?? false,
      deleted: input.deleted ?? false,
      updated: Math.floor(this.now() / 1000),
    };
    // Fail early on a zone Intl does not know.
    tzOffsetSeconds(user.tz, this.now());
    this.users.set(id, user);
    this.emit({ type: "user_added", user: copy(user) });
    return copy(user);
  }

  /** Deactivates a user (Slack keeps them, with `deleted: true`). */
  deleteUser(id: string): void {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    user.deleted = true;
    user.updated = Math.floor(this.now() / 1000);
    this.emit({ type: "user_deleted", userId: id });
  }

  user(id: string): SlackUser | undefined {
    const u = this.users.get(id);
    return u ? copy(u) : undefined;
  }

  allUsers(): SlackUser[] {
    return [...this.users.values()].map(copy);
  }

  /** Finds a user by handle or display name (for `@name` escaping). */
  userByName(name: string): SlackUser | undefined {
    const lower = name.toLowerCase();
    for (const u of this.users.values()) {
      if (u.name.toLowerCase() === lower || (u.displayName !== "" && u.displayName.toLowerCase() === lower)) {
        return copy(u);
      }
    }
    return undefined;
  }

  /** The zone offset (seconds) and label of a user's tz now. */
  tzInfo(user: SlackUser): { offset: number; label: string } {
    const at = this.now();
    return { offset: tzOffsetSeconds(user.tz, at), label: user.tzLabel ?? tzLabelOf(user.tz, at) };
  }

  // ---------------------------------------------------------------- usergroups

  addUsergroup(input: {
    id?: string;
    handle: string;
    name?: string;
    users?: string[];
    disabled?: boolean;
  }): Usergroup {
    const group: Usergroup = {
      id: input.id ?? this.nextId("S"),
      handle: input.handle,
      name: input.name ?? input.handle,
      users: [...(input.users ?? [])],
      disabled: input.disabled ?? false,
    };
    for (const u of group.users) this.requireUser(u);
    this.usergroups.set(group.id, group);
    return copy(group);
  }

  usergroup(id: string): Usergroup | undefined {
    const g = this.usergroups.get(id);
    return g ? copy(g) : undefined;
  }

  usergroupByHandle(handle: string): Usergroup | undefined {
    for (const g of this.usergroups.values()) if (g.handle === handle) return copy(g);
    return undefined;
  }

  // ---------------------------------------------------------------- channels

  addChannel(input: AddChannelInput): SlackChannel {
    const id = input.id ?? this.nextId("C");
    if (this.channels.has(id)) throw new Error(`channel ${id} already exists`);
    for (const m of input.members ?? []) this.requireUser(m);
    const channel: SlackChannel = {
      id,
      kind: "channel",
      name: input.name.replace(/^#/, ""),
      isPrivate: input.isPrivate ?? false,
      isArchived: input.isArchived ?? false,
      members: [...new Set(input.members ?? [])],
      botIsMember: input.botIsMember ?? true,
      imUser: null,
      created: Math.floor(this.now() / 1000),
      creator: input.creator ?? null,
      topic: input.topic ?? "",
      purpose: input.purpose ?? "",
    };
    this.channels.set(id, channel);
    this.messages.set(id, []);
    this.emit({ type: "channel_added", channel: copy(channel) });
    return copy(channel);
  }

  archiveChannel(id: string): void {
    const ch = this.requireChannelRecord(id);
    ch.isArchived = true;
    this.emit({ type: "channel_archived", channelId: id });
  }

  /** Adds a user (or the bot, with the bot's user id) to a channel. */
  joinChannel(channelId: string, userId: string): void {
    const ch = this.requireChannelRecord(channelId);
    if (userId === this.workspace.botUserId) {
      ch.botIsMember = true;
    } else {
      this.requireUser(userId);
      if (!ch.members.includes(userId)) ch.members.push(userId);
    }
    this.emit({ type: "member_joined", channelId, userId });
  }

  channel(id: string): SlackChannel | undefined {
    const c = this.channels.get(id);
    return c ? copy(c) : undefined;
  }

  channelByName(name: string): SlackChannel | undefined {
    const bare = name.replace(/^#/, "");
    for (const c of this.channels.values()) if (c.kind === "channel" && c.name === bare) return copy(c);
    return undefined;
  }

  allChannels(): SlackChannel[] {
    return [...this.channels.values()].map(copy);
  }

  /** Members as conversations.members lists them (the bot included when it is a member). */
  membersOf(channelId: string): string[] {
    const ch = this.requireChannelRecord(channelId);
    return ch.botIsMember ? [...ch.members, this.workspace.botUserId] : [...ch.members];
  }

  isMember(channelId: string, userId: string): boolean {
    const ch = this.channels.get(channelId);
    if (!ch) return false;
    return userId === this.workspace.botUserId ? ch.botIsMember : ch.members.includes(userId);
  }

  /** The bot's DM with a user, if it exists. */
  dmChannelOf(userId: string): string | undefined {
    for (const c of this.channels.values()) if (c.kind === "im" && c.imUser === userId) return c.id;
    return undefined;
  }

  /** The bot's DM with a user, created if needed. Returns `[id, created]`. */
  openDm(userId: string): [string, boolean] {
    this.requireUser(userId);
    const existing = this.dmChannelOf(userId);
    if (existing) return [existing, false];
    return [
      this.addDirect({ id: this.nextId("D"), kind: "im", name: userId, members: [userId], imUser: userId }),
      true,
    ];
  }

  /** A multi-person DM between the bot and these users (found or created). */
  openMpim(userIds: string[]): [string, boolean] {
    for (const u of userIds) this.requireUser(u);
    const wanted = [...new Set(userIds)].sort().join(",");
    for (const c of this.channels.values()) {
      if (c.kind === "mpim" && [...c.members].sort().join(",") === wanted) return [c.id, false];
    }
    const channel = {
      id: this.nextId("G"),
      kind: "mpim" as const,
      name: `mpdm-${userIds.join("--")}-1`,
      members: [...new Set(userIds)],
      imUser: null,
    };
    return [this.addDirect(channel), true];
  }

  /** A new DM or multi-person DM the bot is in (private, no topic), announced as added; its id. */
  private addDirect(fields: Pick<SlackChannel, "id" | "kind" | "name" | "members" | "imUser">): string {
    const channel: SlackChannel = {
      id: fields.id,
      kind: fields.kind,
      name: fields.name,
      isPrivate: true,
      isArchived: false,
      members: fields.members,
      botIsMember: true,
      imUser: fields.imUser,
      created: Math.floor(this.now() / 1000),
      creator: null,
      topic: "",
      purpose: "",
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    this.emit({ type: "channel_added", channel: copy(channel) });
    return channel.id;
  }

  private requireUser(id: string): SlackUser {
    const u = this.users.get(id);
    if (!u) throw new Error(`no user ${id} in the world`);
    return u;
  }

  private requireChannelRecord(id: string): SlackChannel {
    const c = this.channels.get(id);
    if (!c) throw new Error(`no channel ${id} in the world`);
    return c;
  }

  // ---------------------------------------------------------------- messages

  /** Posts a message (as the bot unless `user` is given). */
  postMessage(input: {
    channel: string;
    text: string;
    blocks?: unknown[];
    threadTs?: string;
    user?: string;
    asBot?: boolean;
    files?: FileRef[];
    metadata?: unknown;
    source: MessageSource;
  }): SlackMessage {
    const list = this.messages.get(input.channel);
    if (!list) throw new SlackWorldError("channel_not_found");
    const ws = this.workspace;
    const asBot = input.asBot ?? input.user === undefined;
    const message: SlackMessage = {
      type: "message",
      ts: this.nextTs(),
      text: input.text,
      team: ws.teamId,
      ...(asBot ? { user: ws.botUserId, bot_id: ws.botId, app_id: ws.appId } : { user: input.user }),
      ...(input.blocks !== undefined ? { blocks: copy(input.blocks) } : {}),
      ...(input.files !== undefined ? { files: copy(input.files) } : {}),
      ...(input.metadata !== undefined ? { metadata: copy(input.metadata) } : {}),
    };
    if (input.threadTs !== undefined) {
      message.thread_ts = input.threadTs;
      const parent = list.find((m) => m.message.ts === input.threadTs);
      if (parent) {
        const p = parent.message;
        message.parent_user_id = p.user;
        p.thread_ts = p.ts;
        p.reply_count = (p.reply_count ?? 0) + 1;
        const who = message.user ?? ws.botUserId;
        p.reply_users = [...new Set([...(p.reply_users ?? []), who])];
        p.latest_reply = message.ts;
        this.emit({ type: "message_updated", channel: input.channel, message: copy(p) });
      }
    }
    list.push({ channel: input.channel, source: input.source, message });
    this.emit({
      type: "message_posted",
      channel: input.channel,
      source: input.source,
      message: copy(message),
    });
    return copy(message);
  }

  /** A user writes in a channel (for message shortcuts and realism). */
  postUserMessage(userId: string, channel: string, text: string, threadTs?: string): SlackMessage {
    this.requireUser(userId);
    return this.postMessage({ channel, text, user: userId, threadTs, source: "user", asBot: false });
  }

  message(channel: string, ts: string): SlackMessage | undefined {
    const found = this.messages.get(channel)?.find((m) => m.message.ts === ts);
    return found ? copy(found.message) : undefined;
  }

  updateMessage(
    channel: string,
    ts: string,
    change: { text?: string; blocks?: unknown[]; editedBy?: string },
  ): SlackMessage {
    const found = this.messages.get(channel)?.find((m) => m.message.ts === ts);
    if (!found) throw new SlackWorldError("message_not_found");
    const m = found.message;
    if (change.text !== undefined) m.text = change.text;
    if (change.blocks !== undefined) {
      if (change.blocks.length === 0) delete m.blocks;
      else m.blocks = copy(change.blocks);
    }
    m.edited = { user: change.editedBy ?? m.bot_id ?? m.user ?? "", ts: this.nextTs() };
    this.emit({ type: "message_updated", channel, message: copy(m) });
    return copy(m);
  }

  deleteMessage(channel: string, ts: string): void {
    const list = this.messages.get(channel);
    const i = list?.findIndex((m) => m.message.ts === ts) ?? -1;
    if (!list || i < 0) throw new SlackWorldError("message_not_found");
    list.splice(i, 1);
    this.emit({ type: "message_deleted", channel, ts });
  }

  /** Messages of a channel, oldest first (thread replies included). */
  messagesIn(channelId: string): SlackMessage[] {
    return (this.messages.get(channelId) ?? []).map((m) => copy(m.message));
  }

  /** Messages of a channel with how they got there. */
  storedMessagesIn(channelId: string): StoredMessage[] {
    return (this.messages.get(channelId) ?? []).map(copy);
  }

  // ---------------------------------------------------------------- ephemeral messages

  postEphemeral(input: {
    channel: string;
    user: string;
    text: string;
    blocks?: unknown[];
    threadTs?: string;
    source: EphemeralSource;
  }): EphemeralMessage {
    const e: EphemeralMessage = {
      channel: input.channel,
      user: input.user,
      ts: this.nextTs(),
      text: input.text,
      ...(input.blocks !== undefined ? { blocks: copy(input.blocks) } : {}),
      ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
      source: input.source,
      deleted: false,
    };
    this.ephemerals.push(e);
    this.emit({ type: "ephemeral_posted", ephemeral: copy(e) });
    return copy(e);
  }

  /** Ephemeral messages a user can see (not deleted), optionally in one channel. */
  ephemeralsFor(userId: string, channelId?: string): EphemeralMessage[] {
    return this.ephemerals
      .filter((e) => e.user === userId && !e.deleted && (channelId === undefined || e.channel === channelId))
      .map(copy);
  }

  ephemeral(userId: string, ts: string): EphemeralMessage | undefined {
    const e = this.ephemerals.find((x) => x.user === userId && x.ts === ts && !x.deleted);
    return e ? copy(e) : undefined;
  }

  replaceEphemeral(
    userId: string,
    ts: string,
    change: { text: string; blocks?: unknown[] },
  ): EphemeralMessage {
    const e = this.ephemerals.find((x) => x.user === userId && x.ts === ts && !x.deleted);
    if (!e) throw new SlackWorldError("message_not_found");
    e.text = change.text;
    if (change.blocks !== undefined) e.blocks = copy(change.blocks);
    else delete e.blocks;
    this.emit({ type: "ephemeral_updated", ephemeral: copy(e) });
    return copy(e);
  }

  deleteEphemeral(userId: string, ts: string): void {
    const e = this.ephemerals.find((x) => x.user === userId && x.ts === ts && !x.deleted);
    if (!e) throw new SlackWorldError("message_not_found");
    e.deleted = true;
    this.emit({ type: "ephemeral_deleted", ephemeral: copy(e) });
  }

  // ---------------------------------------------------------------- notices

  showNotice(input: { user: string; channel: string | null; text: string; error: string }): SlackNotice {
    const notice: SlackNotice = { ...input, at: this.now() };
    this.notices.push(notice);
    this.emit({ type: "notice_shown", notice: copy(notice) });
    return copy(notice);
  }

  noticesFor(userId: string): SlackNotice[] {
    return this.notices.filter((n) => n.user === userId).map(copy);
  }

  // ---------------------------------------------------------------- triggers

  /**
   * A trigger id for something the user just did. Given an `id` (a test replaying a request Slack
   * already sent), that trigger is the one issued before, or is issued under that id.
   */
  issueTrigger(userId: string, id?: string): string {
    if (id !== undefined) {
      if (!this.triggers.has(id)) this.triggers.set(id, { id, userId, issuedAt: this.now(), used: false });
      return id;
    }
    const n = (this.counters.get("#trigger") ?? 0) + 1;
    this.counters.set("#trigger", n);
    const issued = `${1_000_000_000 + n}.${this.workspace.teamId.replace(/\D/g, "") || "0"}${n}.${(
      n * 2654435761
    )
      .toString(16)
      .padStart(8, "0")
      .slice(-8)}`;
    this.triggers.set(issued, { id: issued, userId, issuedAt: this.now(), used: false });
    return issued;
  }

  /** Exchanges a trigger id (valid `triggerTtlMs` and once). */
  consumeTrigger(id: string): TriggerCheck {
    const t = this.triggers.get(id);
    if (!t) return { ok: false, error: "invalid_trigger_id" };
    if (t.used) return { ok: false, error: "exchanged_trigger_id" };
    if (this.now() - t.issuedAt > this.triggerTtlMs) return { ok: false, error: "expired_trigger_id" };
    t.used = true;
    return { ok: true, trigger: { ...t } };
  }

  // ---------------------------------------------------------------- response URLs

  createResponseUrl(context: ResponseUrlContext): ResponseUrlHook {
    const n = (this.counters.get("#hook") ?? 0) + 1;
    this.counters.set("#hook", n);
    const hook: ResponseUrlHook = {
      ...copy(context),
      id: `${this.workspace.teamId}/${1000 + n}/${(n * 40503).toString(36).padStart(6, "0")}`,
      createdAt: this.now(),
      uses: 0,
    };
    this.hooks.set(hook.id, hook);
    return { ...hook };
  }

  /** Counts one use of a response URL; fails like Slack when used up or expired. */
  useResponseUrl(id: string): { ok: true; hook: ResponseUrlHook } | { ok: false; error: string } {
    const hook = this.hooks.get(id);
    if (!hook) return { ok: false, error: "no_active_hooks" };
    if (this.now() - hook.createdAt > this.responseUrlTtlMs) return { ok: false, error: "expired_url" };
    if (hook.uses >= this.responseUrlMaxUses) return { ok: false, error: "used_url" };
    hook.uses += 1;
    return { ok: true, hook: { ...hook } };
  }

  // ---------------------------------------------------------------- views

  private newView(
    input: Record<string, unknown>,
    ids: { id?: string; root?: string | null; previous?: string | null },
  ): SlackView {
    const ws = this.workspace;
    const id = ids.id ?? this.nextId("V");
    const type = input.type === "home" ? "home" : "modal";
    const view: SlackView = {
      id,
      team_id: ws.teamId,
      type,
      ...(type === "modal"
        ? { title: copy(input.title), close: copy(input.close ?? null), submit: copy(input.submit ?? null) }
        : {}),
      blocks: Array.isArray(input.blocks) ? copy(input.blocks) : [],
      private_metadata: typeof input.private_metadata === "string" ? input.private_metadata : "",
      callback_id: typeof input.callback_id === "string" ? input.callback_id : "",
      external_id: typeof input.external_id === "string" ? input.external_id : "",
      state: { values: {} },
      hash: this.nextHash(),
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
      ...(input.submit_disabled !== undefined ? { submit_disabled: input.submit_disabled === true } : {}),
      root_view_id: ids.root === undefined ? id : ids.root,
      previous_view_id: ids.previous ?? null,
      app_id: ws.appId,
      app_installed_team_id: ws.teamId,
      bot_id: ws.botId,
    };
    return view;
  }

  private checkExternalId(input: Record<string, unknown>, exceptViewId?: string): void {
    const ext = input.external_id;
    if (typeof ext !== "string" || ext === "") return;
    for (const { view } of this.views.values()) {
      if (view.external_id === ext && view.id !== exceptViewId)
        throw new SlackWorldError("duplicate_external_id");
    }
  }

  /** Opens a modal as the root of a new stack (replacing any open stack). */
  openModal(userId: string, input: Record<string, unknown>): SlackView {
    this.requireUser(userId);
    this.checkExternalId(input);
    for (const id of this.modalStacks.get(userId) ?? []) this.views.delete(id);
    const view = this.newView(input, {});
    this.views.set(view.id, { userId, view });
    this.modalStacks.set(userId, [view.id]);
    this.emit({ type: "view_opened", userId, view: copy(view) });
    return copy(view);
  }

  /** Pushes a modal onto the user's stack (at most `maxViewStack`). */
  pushModal(userId: string, input: Record<string, unknown>): SlackView {
    const stack = this.modalStacks.get(userId) ?? [];
    const top = stack[stack.length - 1];
    const root = stack[0];
    if (top === undefined || root === undefined) throw new SlackWorldError("not_found");
    if (stack.length >= this.maxViewStack) throw new SlackWorldError("push_limit_reached");
    this.checkExternalId(input);
    const view = this.newView(input, { root, previous: top });
    this.views.set(view.id, { userId, view });
    stack.push(view.id);
    this.emit({ type: "view_pushed", userId, view: copy(view) });
    return copy(view);
  }

  /** Finds a view (modal in a stack or a Home tab) by id or external id. */
  findView(by: { viewId?: string; externalId?: string }): { userId: string; view: SlackView } | undefined {
    if (by.viewId !== undefined) {
      const found = this.views.get(by.viewId);
      return found ? copy(found) : undefined;
    }
    if (by.externalId !== undefined && by.externalId !== "") {
      for (const found of this.views.values())
        if (found.view.external_id === by.externalId) return copy(found);
    }
    return undefined;
  }

  /**
   * Replaces a view's content, keeping its id and place; state of inputs whose
   * block_id/action_id survive is kept, as Slack does. `hash` must match when given.
   */
  updateView(viewId: string, input: Record<string, unknown>, hash?: string): SlackView {
    const found = this.views.get(viewId);
    if (!found) throw new SlackWorldError("not_found");
    if (hash !== undefined && hash !== found.view.hash) throw new SlackWorldError("hash_conflict");
    this.checkExternalId(input, viewId);
    const old = found.view;
    // A view without external_id keeps the one it had.
    const withExternal = input.external_id === undefined ? { ...input, external_id: old.external_id } : input;
    const view = this.newView(withExternal, {
      id: old.id,
      root: old.root_view_id,
      previous: old.previous_view_id,
    });
    if (view.type !== old.type) view.type = old.type;
    view.state = { values: keepState(old.state.values, view.blocks) };
    found.view = view;
    this.emit({ type: "view_updated", userId: found.userId, view: copy(view) });
    return copy(view);
  }

  /** Sets the remembered state of one element of a view (the user typed or picked something). */
  setViewState(viewId: string, blockId: string, actionId: string, value: Record<string, unknown>): void {
    const found = this.views.get(viewId);
    if (!found) throw new SlackWorldError("not_found");
    const values = found.view.state.values;
    values[blockId] = { ...(values[blockId] ?? {}), [actionId]: copy(value) };
  }

  /** Closes the top modal (or, with `all`, the whole stack). Returns the closed view ids. */
  closeModal(userId: string, viewId: string, all = false): string[] {
    const stack = this.modalStacks.get(userId) ?? [];
    const i = stack.indexOf(viewId);
    if (i < 0) throw new SlackWorldError("not_found");
    const closed = all ? stack.splice(0) : stack.splice(i);
    for (const id of closed) this.views.delete(id);
    if (stack.length === 0) this.modalStacks.delete(userId);
    for (const id of closed.reverse()) this.emit({ type: "view_closed", userId, viewId: id });
    return closed;
  }

  /** The user's open modals, root first. */
  openViewsOf(userId: string): SlackView[] {
    return (this.modalStacks.get(userId) ?? []).flatMap((id) => {
      const v = this.views.get(id);
      return v ? [copy(v.view)] : [];
    });
  }

  publishHome(userId: string, input: Record<string, unknown>, hash?: string): SlackView {
    this.requireUser(userId);
    const existingId = this.homes.get(userId);
    const existing = existingId ? this.views.get(existingId) : undefined;
    if (existing && hash !== undefined && hash !== existing.view.hash)
      throw new SlackWorldError("hash_conflict");
    this.checkExternalId(input, existingId);
    const view = this.newView({ ...input, type: "home" }, { id: existingId });
    if (existing) view.state = { values: keepState(existing.view.state.values, view.blocks) };
    this.views.set(view.id, { userId, view });
    this.homes.set(userId, view.id);
    this.emit({ type: "home_published", userId, view: copy(view) });
    return copy(view);
  }

  /** The Home tab published for a user, if any. */
  homeOf(userId: string): SlackView | undefined {
    const id = this.homes.get(userId);
    const v = id ? this.views.get(id) : undefined;
    return v ? copy(v.view) : undefined;
  }

  // ---------------------------------------------------------------- files

  startUpload(input: { filename: string; length: number; altText?: string }): {
    fileId: string;
    uploadId: string;
  } {
    const fileId = this.nextId("F");
    const uploadId = `${fileId}-${(this.counters.get("F") ?? 0).toString(36)}`;
    this.pendingUploads.set(uploadId, {
      fileId,
      filename: input.filename,
      length: input.length,
      altText: input.altText ?? null,
      bytes: null,
    });
    return { fileId, uploadId };
  }

  receiveUpload(uploadId: string, bytes: Uint8Array): boolean {
    const pending = this.pendingUploads.get(uploadId);
    if (!pending) return false;
    pending.bytes = bytes;
    return true;
  }

  /** Finishes an upload: the file exists from now on. Throws `file_not_found` when no bytes arrived. */
  completeUpload(fileId: string, input: { title?: string; user: string }): StoredFile {
    const entry = [...this.pendingUploads.entries()].find(([, p]) => p.fileId === fileId);
    if (!entry || entry[1].bytes === null) throw new SlackWorldError("file_not_found");
    const [uploadId, pending] = entry;
    this.pendingUploads.delete(uploadId);
    const ext = /\.([A-Za-z0-9]+)$/.exec(pending.filename)?.[1]?.toLowerCase() ?? "";
    const file: StoredFile = {
      id: fileId,
      name: pending.filename,
      title: input.title ?? pending.filename,
      mimetype: MIME_TYPES[ext] ?? "application/octet-stream",
      filetype: ext === "" ? "binary" : ext,
      size: pending.bytes?.byteLength ?? 0,
      altText: pending.altText,
      user: input.user,
      created: Math.floor(this.now() / 1000),
      channels: [],
      bytes: pending.bytes ?? new Uint8Array(),
    };
    this.files.set(fileId, file);
    const { bytes: _bytes, ...meta } = file;
    this.emit({ type: "file_uploaded", file: copy(meta) });
    return copy(file);
  }

  shareFile(fileId: string, channelId: string): void {
    const f = this.files.get(fileId);
    if (!f) throw new SlackWorldError("file_not_found");
    if (!f.channels.includes(channelId)) f.channels.push(channelId);
  }

  file(id: string): StoredFile | undefined {
    const f = this.files.get(id);
    return f ? copy(f) : undefined;
  }

  allFiles(): StoredFile[] {
    return [...this.files.values()].map(copy);
  }
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html",
  md: "text/markdown",
};

/** Keeps state entries whose block_id/action_id still exist in the new blocks. */
function keepState(values: ViewState["values"], blocks: readonly unknown[]): ViewState["values"] {
  const present = new Set<string>();
  for (const b of blocks) {
    if (typeof b !== "object" || b === null) continue;
    const block = b as Record<string, unknown>;
    if (typeof block.block_id !== "string") continue;
    const els: unknown[] = [];
    if (block.element !== undefined) els.push(block.element);
    if (block.accessory !== undefined) els.push(block.accessory);
    if (Array.isArray(block.elements)) els.push(...block.elements);
    for (const el of els) {
      if (
        typeof el === "object" &&
        el !== null &&
        typeof (el as Record<string, unknown>).action_id === "string"
      ) {
        present.add(`${block.block_id}\u0000${String((el as Record<string, unknown>).action_id)}`);
      }
    }
  }
  const out: ViewState["values"] = {};
  for (const [blockId, byAction] of Object.entries(values)) {
    for (const [actionId, value] of Object.entries(byAction)) {
      if (!present.has(`${blockId}\u0000${actionId}`)) continue;
      out[blockId] = { ...(out[blockId] ?? {}), [actionId]: structuredClone(value) };
    }
  }
  return out;
}
