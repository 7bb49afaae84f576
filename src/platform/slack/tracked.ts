import type { OutgoingMessage, SlackGateway } from "./gateway.js";

/** A DM the app put in front of someone about one thing (a request, a warning, a plan), remembered by key. */
export interface TrackedDm<K extends string = string> {
  userId: string;
  /** Which of the thing's DMs it is for that person ("handler", "plan", "due:12"). */
  key: K;
  channelId: string;
  ts: string;
}

export interface ShowDms<K extends string> {
  /** The DMs posted so far. */
  sent: readonly TrackedDm<K>[];
  /** The DMs the thing owes people now; those not yet posted are posted. */
  owed: readonly { userId: string; key: K }[];
  /** A DM as it reads now for that person, or null when there is nothing to show (not posted, not updated). */
  render(userId: string, key: K): Promise<OutgoingMessage | null>;
  /** Remembers a DM just posted; must ignore one remembered already. */
  remember(dm: TrackedDm<K>): Promise<void>;
  /** Whether a posted DM follows later changes; one that does not stays as it was (default: all follow). */
  follows?(key: K): boolean;
}

/**
 * Brings every DM about one thing up to date: each one posted before is updated in place (so a second
 * supervisor sees "acknowledged by Sara", not buttons that no longer work), and each one owed and not yet
 * posted (the first run, a retry after some were posted, a supervisor who joined since) is posted and
 * remembered at once, so a retried job never posts one twice. Run it in a serial job per thing.
 */
export async function showDms<K extends string>(slack: SlackGateway, spec: ShowDms<K>): Promise<void> {
  for (const dm of spec.sent) {
    if (spec.follows && !spec.follows(dm.key)) continue;
    const shown = await spec.render(dm.userId, dm.key);
    if (shown) await slack.updateMessage({ channel: dm.channelId, ts: dm.ts, ...shown });
  }
  for (const { userId, key } of spec.owed) {
    if (spec.sent.some((dm) => dm.userId === userId && dm.key === key)) continue;
    const shown = await spec.render(userId, key);
    if (!shown) continue;
    const posted = await slack.postMessage({ channel: userId, ...shown });
    await spec.remember({ userId, key, channelId: posted.channel, ts: posted.ts });
  }
}
