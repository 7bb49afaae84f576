/** What `/motivation` was asked, in English or Swedish. */
export type MotivationCommand =
  | { kind: "help"; unknown?: string }
  | { kind: "list" }
  | { kind: "preview" }
  | { kind: "add"; text: string }
  | { kind: "remove"; id: number | null };

const WORDS: Record<string, Exclude<MotivationCommand["kind"], never>> = {
  help: "help",
  hjälp: "help",
  "?": "help",
  list: "list",
  lista: "list",
  preview: "preview",
  förhandsvisa: "preview",
  förhandsgranska: "preview",
  add: "add",
  new: "add",
  ny: "add",
  remove: "remove",
  delete: "remove",
  radera: "remove",
};

/**
 * `/motivation [help | list | preview | add <text> | remove <n>]`; nothing is the help. The text of `add`
 * is everything after the word, as Slack sent it (the caller reads it as typed). "lägg till" and "ta
 * bort" are two words in Swedish.
 */
export function parseMotivationCommand(text: string): MotivationCommand {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "help" };
  const match = /^(lägg\s+till|ta\s+bort|\S+)\s*([\s\S]*)$/iu.exec(trimmed);
  const word = (match?.[1] ?? "").toLowerCase().replace(/\s+/g, " ");
  const rest = (match?.[2] ?? "").trim();
  const kind = word === "lägg till" ? "add" : word === "ta bort" ? "remove" : WORDS[word];
  switch (kind) {
    case "help":
    case "list":
    case "preview":
      return rest ? { kind: "help", unknown: clipWord(trimmed) } : { kind };
    case "add":
      return { kind: "add", text: rest };
    case "remove": {
      const id = /^#?(\d{1,9})$/.exec(rest);
      return { kind: "remove", id: id ? Number(id[1]) : null };
    }
    default:
      return { kind: "help", unknown: clipWord(word) };
  }
}

/** What was not understood, as much of it as an answer needs to quote. */
function clipWord(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
