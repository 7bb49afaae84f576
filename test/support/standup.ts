import { eq } from "drizzle-orm";
import { standupAnswers, standupPosts, standups } from "../../src/features/standup/schema.js";
import { teams } from "../../src/features/team/schema.js";
import type { Harness } from "./harness.js";
import { openedBy } from "./sales-floor.js";
import { visibleText } from "./slack-text.js";

/** A team's id, by its channel. */
export async function teamIdOf(h: Harness, channelId: string): Promise<number> {
  const [row] = await h.database.db.select().from(teams).where(eq(teams.channelId, channelId));
  if (!row) throw new Error(`no team in ${channelId}`);
  return row.id;
}

/**
 * Runs a standup job for a team's slot as the clock strikes it (the clock set to the slot first), and waits
 * for everything it queued; `times` strikes from as many instances at once.
 */
export async function strikeStandup(
  h: Harness,
  job: "standup.open" | "standup.close",
  channelId: string,
  slot: string,
  times = 1,
): Promise<void> {
  h.clock.set(slot);
  const teamId = await teamIdOf(h, channelId);
  const payload = { workspaceId: h.fake.world.workspace.teamId, teamId, slot };
  await Promise.all(
    Array.from({ length: times }, () =>
      h.server.deps.schedules.strike(job, String(teamId), new Date(slot), payload),
    ),
  );
  await h.settle();
}

/** The job run again with the same payload, as a retry (or another instance past the slot claim) would. */
export async function rerunStandup(
  h: Harness,
  job: "standup.open" | "standup.close",
  channelId: string,
  slot: string,
): Promise<void> {
  const teamId = await teamIdOf(h, channelId);
  await h.server.deps.jobs.send(job, { workspaceId: h.fake.world.workspace.teamId, teamId, slot });
  await h.settle();
}

/** Messages in a channel (threads included) whose text contains `needle`. */
export function messagesWith(h: Harness, channelId: string, needle: string) {
  return h.fake.world.messagesIn(channelId).filter((m) => visibleText(m).includes(needle));
}

/** Opens the answer form from a message's "Answer standup" button, as the person sees it. */
export function openAnswerForm(h: Harness, userId: string, at: { channel: string; ts: string }) {
  return openedBy(h, userId, () =>
    h.slack.clickButton({ userId, actionId: "standup.answer", messageTs: at.ts, channelId: at.channel }),
  );
}

/** Submits the open answer form with these texts (fields left out keep what the form shows). */
export async function submitAnswer(
  h: Harness,
  userId: string,
  values: { wins?: string; plan?: string; blockers?: string },
) {
  const result = await h.slack.submitView({
    userId,
    values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value }])),
  });
  await h.settle();
  return result;
}

/** Every table of the feature, for assertions on what is stored. */
export const standupTables = { standups, standupAnswers, standupPosts };
