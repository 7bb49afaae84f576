/**
 * Showing an app's reply the way Slack does, for the two ways an interaction can be
 * answered without the Web API: the HTTP answer to a slash command (its "ack"), and a
 * POST to a response_url.
 */
import { withGeneratedIds } from "./block-ids.js";
import { type BlockKitSchema, validateMessageBlocks } from "./block-kit.js";
import type { EphemeralMessage, ResponseUrlContext, SlackMessage, World } from "./world.js";

/** The JSON an app sends in an ack or to a response_url. */
export interface ReplyBody {
  text?: string;
  blocks?: unknown[];
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
}

/** What the user ended up seeing. */
export type ShownReply =
  | { kind: "ephemeral"; ephemeral: EphemeralMessage }
  | { kind: "message"; channel: string; message: SlackMessage }
  | { kind: "deleted"; channel: string; ts: string };

export type DeliveryResult =
  | { ok: true; shown: ShownReply | undefined }
  | { ok: false; error: string; errors?: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a reply body leniently (unknown keys ignored); returns an error string when it is not one. */
export function parseReplyBody(value: unknown): ReplyBody | string {
  if (!isRecord(value)) return "invalid_payload";
  const out: ReplyBody = {};
  if (value.text !== undefined) {
    if (typeof value.text !== "string") return "invalid_payload";
    out.text = value.text;
  }
  if (value.blocks !== undefined) {
    if (!Array.isArray(value.blocks)) return "invalid_blocks_format";
    out.blocks = value.blocks;
  }
  if (value.response_type !== undefined) {
    if (value.response_type !== "ephemeral" && value.response_type !== "in_channel") return "invalid_payload";
    out.response_type = value.response_type;
  }
  for (const key of ["replace_original", "delete_original"] as const) {
    const v = value[key];
    if (v !== undefined) out[key] = v === true || v === "true";
  }
  if (typeof value.thread_ts === "string") out.thread_ts = value.thread_ts;
  return out;
}

/**
 * Applies a reply: delete or replace the message the interaction came from, or post a
 * new ephemeral (default) or in-channel message. `origin` says how it arrived.
 */
export function deliverReply(
  world: World,
  schema: BlockKitSchema | undefined,
  context: ResponseUrlContext,
  body: ReplyBody,
  origin: "ack" | "response_url",
): DeliveryResult {
  const source = context.source;
  if (body.delete_original) {
    if (!source) return { ok: false, error: "no_original_message" };
    try {
      if (source.kind === "message") world.deleteMessage(source.channel, source.ts);
      else world.deleteEphemeral(context.userId, source.ts);
    } catch {
      return { ok: false, error: "message_not_found" };
    }
    return { ok: true, shown: { kind: "deleted", channel: source.channel, ts: source.ts } };
  }
  let blocks: unknown[] | undefined;
  if (body.blocks !== undefined && body.blocks.length > 0) {
    const errors = validateMessageBlocks(body.blocks, { schema });
    if (errors.length > 0) return { ok: false, error: "invalid_blocks", errors };
    blocks = withGeneratedIds(body.blocks);
  }
  const text = body.text ?? "";
  if (text === "" && blocks === undefined) return { ok: false, error: "no_text" };

  if (body.replace_original && source) {
    try {
      if (source.kind === "message") {
        const message = world.updateMessage(source.channel, source.ts, { text, blocks: blocks ?? [] });
        return { ok: true, shown: { kind: "message", channel: source.channel, message } };
      }
      const ephemeral = world.replaceEphemeral(context.userId, source.ts, {
        text,
        ...(blocks ? { blocks } : {}),
      });
      return { ok: true, shown: { kind: "ephemeral", ephemeral } };
    } catch {
      return { ok: false, error: "message_not_found" };
    }
  }
  if (body.response_type === "in_channel") {
    try {
      const message = world.postMessage({
        channel: context.channelId,
        text,
        blocks,
        threadTs: body.thread_ts,
        source: origin,
      });
      return { ok: true, shown: { kind: "message", channel: context.channelId, message } };
    } catch {
      return { ok: false, error: "channel_not_found" };
    }
  }
  const ephemeral = world.postEphemeral({
    channel: context.channelId,
    user: context.userId,
    text,
    blocks,
    threadTs: body.thread_ts,
    source: origin,
  });
  return { ok: true, shown: { kind: "ephemeral", ephemeral } };
}
