import type { KnownBlock, View } from "@slack/types";
import { ErrorCode, type WebAPICallResult, type WebClient } from "@slack/web-api";
import { isBackground } from "../lane.js";
import { SlackApiError } from "./errors.js";
import { slackFetch } from "./fetch.js";

export interface SlackUser {
  id: string;
  /** What people call them: display name, else real name, else the handle. */
  name: string;
  realName: string;
  tz: string | null;
  locale: string | null;
  isAdmin: boolean;
  isOwner: boolean;
  isBot: boolean;
  deleted: boolean;
}

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  /** Whether the app's bot user is in the channel (it must be to post there). */
  isMember: boolean;
}

export interface OutgoingMessage {
  /** Always sent: Slack's notification and accessibility fallback. */
  text: string;
  blocks?: KnownBlock[];
}

/**
 * The narrow port the app uses to talk to Slack. Features depend on this, not on WebClient, so tests can
 * use the fake Slack over HTTP and every Slack failure arrives as a SlackApiError with Slack's code.
 */
export interface SlackGateway {
  authTest(): Promise<{ teamId: string; botUserId: string; botId: string }>;
  /** null when Slack does not know the user. */
  userInfo(userId: string): Promise<SlackUser | null>;
  /** null when the channel does not exist or the app cannot see it. */
  channelInfo(channelId: string): Promise<SlackChannel | null>;
  postMessage(
    message: OutgoingMessage & { channel: string; threadTs?: string },
  ): Promise<{ channel: string; ts: string }>;
  postEphemeral(message: OutgoingMessage & { channel: string; user: string }): Promise<void>;
  updateMessage(message: OutgoingMessage & { channel: string; ts: string }): Promise<void>;
  openView(triggerId: string, view: View): Promise<{ id: string; hash: string }>;
  pushView(triggerId: string, view: View): Promise<{ id: string; hash: string }>;
  updateView(viewId: string, view: View, hash?: string): Promise<{ id: string; hash: string }>;
  /**
   * Publishes a person's Home tab. With `hash` (the one the last publish returned), Slack refuses with
   * `hash_conflict` when the Home changed since, so two publishers do not overwrite each other blindly.
   */
  publishHome(userId: string, view: View, hash?: string): Promise<{ id: string; hash: string }>;
  /** A message's permalink; null when the message (or its channel) is gone or out of the app's sight. */
  permalink(channel: string, ts: string): Promise<string | null>;
  /** The id of the app's DM with a person (opened if it was not): where a file for them is shared. */
  openDm(userId: string): Promise<string>;
  /**
   * Uploads a file by Slack's external upload (a URL for the bytes, the bytes, then completion), shared in
   * `channel` with `initialComment` above it; without a channel the file stays private to the app.
   */
  uploadFile(file: UploadedFile): Promise<{ fileId: string }>;
}

export interface UploadedFile {
  channel?: string;
  filename: string;
  title: string;
  content: Uint8Array | string;
  initialComment?: string;
}

/** Methods the gateway calls, so the manifest test can check its scopes against Slack's method specs. */
export const GATEWAY_METHODS = [
  "auth.test",
  "users.info",
  "conversations.info",
  "chat.postMessage",
  "chat.postEphemeral",
  "chat.update",
  "chat.getPermalink",
  "views.open",
  "views.push",
  "views.update",
  "views.publish",
  "conversations.open",
  "files.getUploadURLExternal",
  "files.completeUploadExternal",
] as const;

type Method = (typeof GATEWAY_METHODS)[number];

/**
 * The gateway over a workspace's Web API client. With `background`, a client that refuses to wait out a
 * 429 (`rejectRateLimitedCalls`), background work (jobs) calls Slack through it: the WebClient waits out
 * a 429 by pausing every call of the client, so one job's refused post would stall every other job's
 * and every person's calls for the Retry-After; instead the job that met it waits (`Jobs`) and takes a
 * new turn. People's requests keep the client that waits.
 */
export function createSlackGateway(client: WebClient, background?: WebClient): SlackGateway {
  async function call<T extends WebAPICallResult>(method: Method, args: Record<string, unknown>): Promise<T> {
    try {
      return (await (background && isBackground() ? background : client).apiCall(method, args)) as T;
    } catch (error) {
      throw toSlackApiError(method, error);
    }
  }

  return {
    async authTest() {
      const result = await call<WebAPICallResult & { team_id?: string; user_id?: string; bot_id?: string }>(
        "auth.test",
        {},
      );
      if (!result.team_id || !result.user_id || !result.bot_id) {
        throw new SlackApiError("auth.test", "not_a_bot_token");
      }
      return { teamId: result.team_id, botUserId: result.user_id, botId: result.bot_id };
    },

    async userInfo(userId) {
      try {
        const result = await call<WebAPICallResult & { user?: RawUser }>("users.info", {
          user: userId,
          include_locale: true,
        });
        return result.user ? toSlackUser(result.user) : null;
      } catch (error) {
        if (error instanceof SlackApiError && error.code === "user_not_found") return null;
        throw error;
      }
    },

    async channelInfo(channelId) {
      try {
        const result = await call<WebAPICallResult & { channel?: RawChannel }>("conversations.info", {
          channel: channelId,
        });
        const c = result.channel;
        if (!c?.id) return null;
        return {
          id: c.id,
          name: c.name ?? c.id,
          isPrivate: Boolean(c.is_private),
          isArchived: Boolean(c.is_archived),
          isMember: Boolean(c.is_member),
        };
      } catch (error) {
        if (error instanceof SlackApiError && error.code === "channel_not_found") return null;
        throw error;
      }
    },

    async postMessage({ channel, text, blocks, threadTs }) {
      const result = await call<WebAPICallResult & { channel?: string; ts?: string }>("chat.postMessage", {
        channel,
        text,
        blocks,
        thread_ts: threadTs,
      });
      return { channel: result.channel ?? channel, ts: result.ts ?? "" };
    },

    async postEphemeral({ channel, user, text, blocks }) {
      await call("chat.postEphemeral", { channel, user, text, blocks });
    },

    async updateMessage({ channel, ts, text, blocks }) {
      await call("chat.update", { channel, ts, text, blocks });
    },

    async permalink(channel, ts) {
      try {
        const result = await call<WebAPICallResult & { permalink?: string }>("chat.getPermalink", {
          channel,
          message_ts: ts,
        });
        return result.permalink ?? null;
      } catch (error) {
        if (
          error instanceof SlackApiError &&
          (error.code === "message_not_found" || error.code === "channel_not_found")
        )
          return null;
        throw error;
      }
    },

    async openView(triggerId, view) {
      return viewRef(await call("views.open", { trigger_id: triggerId, view }));
    },

    async pushView(triggerId, view) {
      return viewRef(await call("views.push", { trigger_id: triggerId, view }));
    },

    async updateView(viewId, view, hash) {
      return viewRef(await call("views.update", { view_id: viewId, view, hash }));
    },

    async publishHome(userId, view, hash) {
      return viewRef(await call("views.publish", { user_id: userId, view, ...(hash ? { hash } : {}) }));
    },

    async openDm(userId) {
      const result = await call<WebAPICallResult & { channel?: { id?: string } }>("conversations.open", {
        users: userId,
      });
      const id = result.channel?.id;
      if (!id) throw new SlackApiError("conversations.open", "channel_not_found");
      return id;
    },

    async uploadFile({ channel, filename, title, content, initialComment }) {
      const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
      const ticket = await call<WebAPICallResult & { upload_url?: string; file_id?: string }>(
        "files.getUploadURLExternal",
        { filename, length: bytes.byteLength },
      );
      if (!ticket.upload_url || !ticket.file_id) {
        throw new SlackApiError("files.getUploadURLExternal", "invalid_response");
      }
      await sendBytes(ticket.upload_url, bytes);
      await call("files.completeUploadExternal", {
        files: [{ id: ticket.file_id, title }],
        ...(channel ? { channel_id: channel } : {}),
        ...(channel && initialComment ? { initial_comment: initialComment } : {}),
      });
      return { fileId: ticket.file_id };
    },
  };
}

interface RawUser {
  id: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  tz?: string;
  locale?: string;
  profile?: { display_name?: string; real_name?: string };
}

interface RawChannel {
  id?: string;
  name?: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
}

function toSlackUser(u: RawUser): SlackUser {
  const realName = u.real_name || u.profile?.real_name || u.name || u.id;
  return {
    id: u.id,
    name: u.profile?.display_name || realName,
    realName,
    tz: u.tz || null,
    locale: u.locale || null,
    isAdmin: Boolean(u.is_admin),
    isOwner: Boolean(u.is_owner || u.is_primary_owner),
    isBot: Boolean(u.is_bot),
    deleted: Boolean(u.deleted),
  };
}

/** The bytes of an external upload, POSTed to the URL Slack gave; a refusal is Slack's, a 5xx passing. */
async function sendBytes(url: string, bytes: Uint8Array): Promise<void> {
  let answer: Response;
  try {
    answer = await slackFetch(url, {
      method: "POST",
      body: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
  } catch (error) {
    throw new SlackApiError("file_upload", "request_failed", { cause: error });
  }
  await answer.arrayBuffer();
  if (answer.status === 429) throw new SlackApiError("file_upload", "rate_limited");
  if (answer.status >= 500) throw new SlackApiError("file_upload", "http_error");
  if (!answer.ok) throw new SlackApiError("file_upload", "upload_failed");
}

function viewRef(result: WebAPICallResult): { id: string; hash: string } {
  const view = (result as { view?: { id?: string; hash?: string } }).view;
  return { id: view?.id ?? "", hash: view?.hash ?? "" };
}

function toSlackApiError(method: string, error: unknown): SlackApiError {
  const e = error as { code?: string; data?: { error?: string } };
  switch (e?.code) {
    case ErrorCode.PlatformError:
      return new SlackApiError(method, e.data?.error ?? "unknown_error", { cause: error });
    case ErrorCode.RateLimitedError:
      return new SlackApiError(method, "rate_limited", {
        cause: error,
        retryAfterSeconds: (error as { retryAfter?: number }).retryAfter,
      });
    case ErrorCode.HTTPError:
      return new SlackApiError(method, "http_error", { cause: error });
    default:
      return new SlackApiError(method, "request_failed", { cause: error });
  }
}
