/** What `/meeting` was asked, in English or Swedish. */
export type MeetingCommand =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "add" }
  | { kind: "edit" | "pause" | "resume" | "delete"; id: number };

const WORDS: Record<string, MeetingCommand["kind"]> = {
  help: "help",
  hjälp: "help",
  list: "list",
  lista: "list",
  add: "add",
  new: "add",
  ny: "add",
  lägg: "add",
  edit: "edit",
  ändra: "edit",
  pause: "pause",
  pausa: "pause",
  resume: "resume",
  återuppta: "resume",
  delete: "delete",
  remove: "delete",
  ta: "delete",
  radera: "delete",
};

/**
 * `/meeting [list | add | edit <n> | pause <n> | resume <n> | delete <n> | help]`; nothing lists, anything
 * else is answered with the help.
 */
export function parseMeetingCommand(text: string): MeetingCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  // "lägg till" and "ta bort" are two words in Swedish.
  if (words[0]?.toLowerCase() === "lägg" && words[1]?.toLowerCase() === "till") words.splice(1, 1);
  if (words[0]?.toLowerCase() === "ta" && words[1]?.toLowerCase() === "bort") words.splice(1, 1);
  const [first, second, ...rest] = words;
  if (!first) return { kind: "list" };
  const kind = WORDS[first.toLowerCase()];
  if (!kind || rest.length > 0) return { kind: "help" };
  if (kind === "help" || kind === "list" || kind === "add")
    return second === undefined ? { kind } : { kind: "help" };
  const id = /^#?(\d{1,9})$/.exec(second ?? "");
  if (!id) return { kind: "help" };
  return { kind, id: Number(id[1]) };
}
