import { meetings } from "../../src/features/meetings/schema.js";
import type { Harness } from "./harness.js";
import { openedBy } from "./sales-floor.js";
import { visibleText } from "./slack-text.js";

/** `/meeting <text>` as a person, in a channel (Sales North's unless said), as a signed slash command. */
export const meetingCommand = (
  h: Harness,
  userId: string,
  text: string,
  channelId = h.people.channels.north,
) => h.slack.slashCommand({ userId, channelId, command: "/meeting", text });

/** What the app answered a `/meeting` privately, as the person reads it. */
export const replyText = (result: Awaited<ReturnType<typeof meetingCommand>>) =>
  result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";

/** Runs the minute sweep at a moment, as three instances striking at once would. */
export async function sweepAt(h: Harness, now: string): Promise<void> {
  h.clock.set(now);
  const base = new Date(now);
  await Promise.all(
    [0, 1, 2].map((n) =>
      h.server.deps.schedules.strike("meetings.sweep", "all", new Date(base.getTime() - n * 1000), {
        slot: base.toISOString(),
      }),
    ),
  );
  await h.settle();
}

/**
 * A meeting added through the form, as a person fills it in (block id -> value; unlisted inputs keep what
 * the form shows), with `/meeting add` in a channel: the new meeting's id, or the form's field errors.
 */
export async function addMeeting(
  h: Harness,
  userId: string,
  channelId: string,
  values: Record<string, unknown>,
): Promise<{ id: number; errors?: Record<string, string> }> {
  await openedBy(h, userId, () => meetingCommand(h, userId, "add", channelId));
  const saved = await h.slack.submitView({
    userId,
    values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value }])),
  });
  await h.settle();
  if (saved.responseAction === "errors") {
    await h.slack.closeView({ userId });
    return { id: 0, errors: saved.errors };
  }
  await h.slack.closeView({ userId });
  const rows = await h.database.db.select().from(meetings).orderBy(meetings.id);
  return { id: rows.at(-1)?.id ?? 0 };
}
