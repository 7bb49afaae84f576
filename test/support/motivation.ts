import { eq } from "drizzle-orm";
import { motivationPosts } from "../../src/features/motivation/schema.js";
import type { Harness } from "./harness.js";
import { visibleText } from "./slack-text.js";

/** `/motivation <text>` as a person, in a channel (Sales North's unless said), as a signed slash command. */
export const motivationCommand = (
  h: Harness,
  userId: string,
  text: string,
  channelId = h.people.channels.north,
) => h.slack.slashCommand({ userId, channelId, command: "/motivation", text });

/** What the app answered a `/motivation` privately, as the person reads it (spaces made plain). */
export const replyText = (result: Awaited<ReturnType<typeof motivationCommand>>) =>
  plainSpaces(result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "");

/** Intl's no-break and narrow no-break spaces (in "83 000 kr", "44 %") as plain ones. */
export const plainSpaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

/**
 * The team's motivation slot at `slot` run as the schedule would run it, at that moment: struck `copies`
 * times (as several instances striking the same slot would, a second apart), then everything settled.
 */
export async function runSlot(
  h: Harness,
  workspaceId: string,
  teamId: number,
  slot: string,
  copies = 1,
): Promise<void> {
  h.clock.set(slot);
  const at = new Date(slot);
  await Promise.all(
    Array.from({ length: copies }, (_, n) =>
      h.server.deps.schedules.strike("motivation.post", String(teamId), new Date(at.getTime() - n * 1000), {
        workspaceId,
        teamId,
        slot: at.toISOString(),
      }),
    ),
  );
  await h.settle();
}

/** A rep's sale checked in with `/quota <amount>` in the team channel at a moment (the clock set to it). */
export async function checkInAt(h: Harness, userId: string, at: string, amount: number, channelId?: string) {
  h.clock.set(at);
  await h.slack.slashCommand({
    userId,
    channelId: channelId ?? h.people.channels.north,
    command: "/quota",
    text: String(amount),
  });
  await h.settle();
}

/** What each of a team's slots did, oldest first. */
export function slotsOf(h: Harness, teamId: number) {
  return h.database.db
    .select()
    .from(motivationPosts)
    .where(eq(motivationPosts.teamId, teamId))
    .orderBy(motivationPosts.slot);
}
