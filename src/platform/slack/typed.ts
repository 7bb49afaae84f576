/**
 * Slack sends what people type in a slash command escaped (`&amp;`, `&lt;`, `&gt;`), with its own
 * entities in angle brackets: mentions `<@U1|sara>`, channels `<#C1|sales>`, `<!here>`, links. A command's
 * parser splits off the entities it reads (people, channels, tags) from the escaped text, where a typed
 * "<@U1>" cannot pass for a mention, and reads the rest with `typedText`: so text is stored as the person
 * typed it and escaped once, when it is shown (`escapeMrkdwn`).
 */

/** `&amp;`, `&lt;`, `&gt;` back to what was typed. Only for text in which Slack's entities are done with. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Escaped slash command text as the person typed and read it: `<@U1|sara>` -> `@sara`, `<#C1|widgets>` ->
 * `#widgets`, `<!here>` -> `@here`, `<!subteam^S1|@sales>` -> `@sales`, links to their label; then the
 * escapes undone. A typed "<@U1>" arrives as `&lt;@U1&gt;` and stays text.
 */
export function typedText(text: string): string {
  return decodeEntities(
    text.replace(/<([^<>]+)>/g, (_, inner: string) => {
      const bar = inner.indexOf("|");
      const target = bar < 0 ? inner : inner.slice(0, bar);
      const label = bar < 0 ? "" : inner.slice(bar + 1);
      if (target.startsWith("@")) return label ? `@${label.replace(/^@/, "")}` : target;
      if (target.startsWith("#")) return label ? `#${label}` : target;
      if (target.startsWith("!")) {
        if (label) return label.startsWith("@") ? label : `@${label}`;
        return `@${target.slice(1).split("^")[0]}`;
      }
      return label || target;
    }),
  );
}
