/** What `/warn` was asked, in English or Swedish. */
export type WarnCommand =
  | { kind: "form"; repId: string | null }
  | { kind: "history"; repId: string | null }
  | { kind: "mine" }
  | { kind: "help" };

const WORDS: Record<string, "history" | "mine" | "help"> = {
  history: "history",
  historik: "history",
  mine: "mine",
  my: "mine",
  mina: "mine",
  help: "help",
  hjälp: "help",
};

/** A user mention as Slack escapes it in command text: `<@U123|alice>` (or `<@U123>`). */
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** `/warn [@rep | history @rep | mine | help]`; anything else is answered with the usage. */
export function parseWarnCommand(text: string): WarnCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = words;
  if (!first) return { kind: "form", repId: null };
  const mention = MENTION.exec(first);
  if (mention && words.length === 1) return { kind: "form", repId: mention[1] as string };
  const kind = WORDS[first.toLowerCase()];
  if (kind === "history") {
    if (rest.length > 0) return { kind: "help" };
    const rep = second ? MENTION.exec(second) : null;
    if (second && !rep) return { kind: "help" };
    return { kind: "history", repId: rep ? (rep[1] as string) : null };
  }
  if (kind === "mine" && words.length === 1) return { kind: "mine" };
  return { kind: "help" };
}
