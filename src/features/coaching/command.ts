export type CoachCommand =
  | { kind: "form"; repId: string | null }
  | { kind: "show"; repId: string | null }
  | { kind: "mine" }
  | { kind: "list" }
  | { kind: "help" }
  | { kind: "unknown"; word: string };

const WORDS: Record<string, "form" | "show" | "mine" | "list" | "help"> = {
  new: "form",
  start: "form",
  ny: "form",
  starta: "form",
  show: "show",
  view: "show",
  visa: "show",
  mine: "mine",
  my: "mine",
  mina: "mine",
  min: "mine",
  list: "list",
  lista: "list",
  help: "help",
  hjälp: "help",
};

/** A mention as Slack escapes it (`<@U123|name>` or `<@U123>`): the user id. */
function mentioned(word: string | undefined): string | null {
  const match = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word ?? "");
  return match?.[1] ?? null;
}

/** `/coach [@rep | show @rep | mine | list | help]`, in English or Swedish; nothing opens the form. */
export function parseCoachCommand(text: string): CoachCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (!first) return { kind: "form", repId: null };
  const rep = mentioned(first);
  if (rep)
    return words.length === 1 ? { kind: "form", repId: rep } : { kind: "unknown", word: words[1] ?? "" };
  const kind = WORDS[first.toLowerCase()];
  if (!kind) return { kind: "unknown", word: first };
  if (kind === "form" || kind === "show") {
    if (second !== undefined && !mentioned(second)) return { kind: "unknown", word: second };
    return { kind, repId: mentioned(second) };
  }
  return { kind };
}
