import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/index.js";
import type { SlackGateway } from "./gateway.js";

/** Slack's pace for posting to one channel: about one message a second (bursts are refused with a 429). */
export const POST_GAP_MS = 1000;

/**
 * Posts a second to a whole workspace. Slack caps `chat.postMessage` per workspace too, without saying at
 * what; a weekly post to hundreds of team channels at 09:00 must spread itself, not lean on 429s.
 */
export const WORKSPACE_POSTS_PER_SECOND = 20;

/**
 * Turns for posting to a channel, one per `gapMs`, shared by every process through the database. A post
 * takes the next free turn and waits for it; work that gathers what is waiting (a channel's check-ins)
 * takes its turn first and gathers after, so everything that arrived meanwhile goes out in one post.
 */
export class ChannelPace {
  /** When this process last sent a post to each channel (workspace:channel), in ms. */
  readonly #sentAt = new Map<string, number>();

  readonly #workspaceGapMs: number;

  /**
   * `gapMs` between posts to one channel (0: no pacing at all, as tests of other things want), and at
   * most `workspacePerSecond` posts a second to a workspace (0: no workspace pace).
   */
  constructor(
    private readonly db: Db,
    private readonly gapMs: number = POST_GAP_MS,
    workspacePerSecond: number = WORKSPACE_POSTS_PER_SECOND,
  ) {
    this.#workspaceGapMs = workspacePerSecond > 0 ? 1000 / workspacePerSecond : 0;
  }

  /**
   * Resolves when it is this caller's turn to post to the channel (at once when the channel and the
   * workspace are quiet). The workspace's turn is taken first, and the channel's from it: under a fan-out
   * the workspace's queue is the long one, so a channel is free by the time its post's workspace turn
   * comes, and no workspace turn is spent waiting for a busy channel.
   */
  async turn(workspaceId: string, channelId: string): Promise<void> {
    const wait = await this.reserve(workspaceId, channelId);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Takes the next turn to post to the channel: how many ms from now it comes (0 or less: now). */
  async reserve(workspaceId: string, channelId: string): Promise<number> {
    if (this.gapMs <= 0) return 0;
    const gap = sql.raw(`interval '${Math.round(this.gapMs)} milliseconds'`);
    const workspaceGap = sql.raw(`interval '${Math.round(this.#workspaceGapMs * 1000)} microseconds'`);
    // A turn is the later of now and the next free moment; the one after it is a gap later. The
    // workspace's row is the channel "*" (no channel id has that shape).
    const turn =
      this.#workspaceGapMs > 0
        ? sql`workspace as (
                insert into slack_channel_pace (workspace_id, channel_id, next_at)
                values (${workspaceId}, '*', clock_timestamp() + ${workspaceGap})
                on conflict (workspace_id, channel_id) do update
                  set next_at = greatest(slack_channel_pace.next_at, clock_timestamp()) + ${workspaceGap}
                returning next_at - ${workspaceGap} as at),
              turn as (select at from workspace)`
        : sql`turn as (select clock_timestamp() as at)`;
    const [row] = await queryRows<{ wait_ms: number }>(
      this.db,
      sql`with ${turn}
          insert into slack_channel_pace (workspace_id, channel_id, next_at)
          values (${workspaceId}, ${channelId}, (select at from turn) + ${gap})
          on conflict (workspace_id, channel_id) do update
            set next_at = greatest(slack_channel_pace.next_at, (select at from turn)) + ${gap}
          returning (extract(epoch from (next_at - clock_timestamp())) * 1000)::float8 as wait_ms`,
    );
    return Number(row?.wait_ms ?? 0) - this.gapMs;
  }

  /**
   * Posts a message at Slack's pace: the channel's (and workspace's) turn, then the post. For a DM, pass
   * the DM's channel id (`openDm`): turns are per conversation.
   */
  async post(
    slack: Pick<SlackGateway, "postMessage">,
    workspaceId: string,
    message: Parameters<SlackGateway["postMessage"]>[0],
  ): Promise<{ channel: string; ts: string }> {
    await this.turn(workspaceId, message.channel);
    await this.sending(workspaceId, message.channel);
    return slack.postMessage(message);
  }

  /**
   * Called right before the post goes to Slack: in this process, the previous post to the channel went
   * at least a gap ago. The turn spaces when posts start; what they do between their turn and Slack
   * (gathering, rendering, a busy moment) varies, and Slack counts when they arrive.
   */
  async sending(workspaceId: string, channelId: string): Promise<void> {
    if (this.gapMs <= 0) return;
    const key = `${workspaceId}:${channelId}`;
    const last = this.#sentAt.get(key);
    const wait = last === undefined ? 0 : last + this.gapMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.#sentAt.size >= 1_000) {
      const stale = Date.now() - this.gapMs;
      for (const [other, at] of this.#sentAt) if (at < stale) this.#sentAt.delete(other);
    }
    this.#sentAt.set(key, Date.now());
  }

  /** Forgets the turns of channels quiet for a day (housekeeping). */
  async forgetQuiet(): Promise<number> {
    const rows = await queryRows<{ channel_id: string }>(
      this.db,
      sql`delete from slack_channel_pace where next_at < clock_timestamp() - interval '1 day'
          returning channel_id`,
    );
    return rows.length;
  }
}
