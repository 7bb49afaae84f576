/**
 * Slash command text as Slack sends it for a command declared with `should_escape: true`:
 * `&`, `<`, `>` become entities; `@name` of a known user becomes `<@U123|name>`,
 * `#channel` of a known channel `<#C123|name>`, `@group` of a usergroup
 * `<!subteam^S123|@group>`, and `@here`/`@channel`/`@everyone` `<!here>` etc.
 * Already escaped references (`<@U123>`, `<#C123|x>`, `<!here>`) are left as they are.
 * Private channels are linked only for users who are in them.
 */
import type { World } from "./world.js";

const SPECIAL = new Set(["here", "channel", "everyone"]);

function escapePlain(text: string, world: World, userId: string | undefined): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped.replace(
    /(^|[^\w&])([@#])([\w.-]+)/g,
    (match, lead: string, sigil: string, rawName: string) => {
      // A trailing dot ends the sentence, it is not part of the name.
      const name = rawName.replace(/\.+$/, "");
      const rest = rawName.slice(name.length);
      if (sigil === "@") {
        if (SPECIAL.has(name)) return `${lead}<!${name}>${rest}`;
        const user = world.userByName(name);
        if (user && !user.deleted) return `${lead}<@${user.id}|${user.name}>${rest}`;
        const group = world.usergroupByHandle(name);
        if (group) return `${lead}<!subteam^${group.id}|@${group.handle}>${rest}`;
        return match;
      }
      const channel = world.channelByName(name);
      const visible =
        channel && (!channel.isPrivate || (userId !== undefined && channel.members.includes(userId)));
      if (channel && visible) {
        return `${lead}<#${channel.id}|${channel.name}>${rest}`;
      }
      return match;
    },
  );
}

/** Escapes `text` as Slack does for the user `userId` (private channels only if they are in them). */
export function escapeSlashCommandText(text: string, world: World, userId?: string): string {
  // Keep existing <...> references exactly as they are; escape everything else.
  const parts = text.split(/(<[@#!][^<>\s]+>)/g);
  return parts.map((part, i) => (i % 2 === 1 ? part : escapePlain(part, world, userId))).join("");
}
