import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/index.js";

/** Slack's pace for posting to one channel: about one message a second (bursts are refused with a 429). */
export const POST_GAP_MS = 1000;

/**
 * Turns for posting to a channel, one per `gapMs`, shared by every process through the database. A post
 * takes the next free turn and waits for it; work that gathers what is waiting (a channel's check-ins)
 * takes its turn first and gathers after, so everything that arrived meanwhile goes out in one post.
 */
export class ChannelPace {
  /** When this process last sent a post to each channel (workspace:channel), in ms. */
  readonly #sentAt = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly gapMs: number = POST_GAP_MS,
  ) {}

  /** Resolves when it is this caller's turn to post to the channel (at once when the channel is quiet). */
  async turn(workspaceId: string, channelId: string): Promise<void> {
    if (this.gapMs <= 0) return;
    const gap = sql.raw(`interval '${Math.round(this.gapMs)} milliseconds'`);
    // The turn is the later of now and the channel's next free moment; the one after it is a gap later.
    const [row] = await queryRows<{ wait_ms: number }>(
      this.db,
      sql`insert into slack_channel_pace (workspace_id, channel_id, next_at)
          values (${workspaceId}, ${channelId}, clock_timestamp() + ${gap})
          on conflict (workspace_id, channel_id) do update
            set next_at = greatest(slack_channel_pace.next_at, clock_timestamp()) + ${gap}
          returning (extract(epoch from (next_at - clock_timestamp())) * 1000)::float8 as wait_ms`,
    );
    const wait = Number(row?.wait_ms ?? 0) - this.gapMs;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
