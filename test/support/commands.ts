import type { SlashCommandInput } from "../../src/sandbox/fake-slack/index.js";
import type { Harness } from "./harness.js";
import { visibleText } from "./slack-text.js";

/** Intl puts no-break spaces in money and percentages ("12 500 kr"); people read them as spaces. */
export const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

/**
 * A slash command as a person sends it, once the app has done what follows it: Slack's result, the
 * message the person was shown (private, or in the channel) and its text as they read it.
 */
export async function slash(h: Harness, input: SlashCommandInput) {
  const result = await h.slack.slashCommand(input);
  await h.settle();
  const reply = result.reply;
  const message =
    reply?.kind === "ephemeral" ? reply.ephemeral : reply?.kind === "message" ? reply.message : undefined;
  return { ...result, message, shown: spaces(visibleText(message)) };
}
