import type { UserDirectory } from "./users.js";

/**
 * Turns mrkdwn meant for a message into text for places Slack shows as plain text (modal field errors):
 * user mentions become @names, channel links #names, formatting marks and escapes go away.
 */
export async function mrkdwnToPlainText(text: string, users: UserDirectory): Promise<string> {
  const ids = [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1] as string))];
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        names.set(id, (await users.get(id))?.name ?? id);
      } catch {
        names.set(id, id);
      }
    }),
  );
  return text
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_, id: string, label?: string) => `@${label || names.get(id) || id}`,
    )
    .replace(/<#([CGD][A-Z0-9]+)\|([^>]+)>/g, (_, _id: string, name: string) => `#${name}`)
    .replace(/<#([CGD][A-Z0-9]+)>/g, () => "#channel")
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/(^|[\s(])[*_~]+(?=\S)|(?<=\S)[*_~]+(?=[\s).,!?:;]|$)/g, "$1")
    .replace(/`/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
