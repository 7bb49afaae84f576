import { type Problem, problemsOf } from "../../platform/errors.js";
import { escapeMrkdwn, typedText } from "../../platform/slack/index.js";
import type { ProductMessages } from "./messages.js";

/** What a person asked for with `/product ...`, parsed from the slash command text. */
export type ProductCommand =
  | { kind: "list" }
  | { kind: "help" }
  /** `/product spotlight`: which product the team's spotlight shows next, and when. */
  | { kind: "spotlight" }
  /** `/product add` alone: the form. */
  | { kind: "addForm" }
  | { kind: "add"; name: string; keyPoints: string }
  | { kind: "edit" | "remove"; reference: string }
  | { kind: "invalid"; problem: Problem };

const subcommands: Record<string, "list" | "help" | "spotlight" | "add" | "edit" | "remove"> = {
  list: "list",
  lista: "list",
  show: "list",
  visa: "list",
  help: "help",
  hjälp: "help",
  "?": "help",
  spotlight: "spotlight",
  next: "spotlight",
  fokus: "spotlight",
  nästa: "spotlight",
  add: "add",
  new: "add",
  "lägg-till": "add",
  ny: "add",
  edit: "edit",
  redigera: "edit",
  ändra: "edit",
  remove: "remove",
  delete: "remove",
  archive: "remove",
  "ta-bort": "remove",
  arkivera: "remove",
};

const { problem } = problemsOf<ProductMessages>();
const invalid = (found: Problem): ProductCommand => ({ kind: "invalid", problem: found });

/**
 * `/product [list | help | spotlight | add <name> | <key point> | ... | edit <tag or name> | remove <tag or name>]`.
 * The text arrives escaped (`should_escape: true`); it is read back as the person typed it. In `add`, the
 * first `|` ends the name and each further `|` (or line break) starts another key selling point.
 */
export function parseProductCommand(text: string): ProductCommand {
  const typed = typedText(text).trim();
  const [first = ""] = typed.split(/\s+/);
  if (!first) return { kind: "list" };
  const sub = subcommands[first.toLowerCase()];
  const rest = typed.slice(first.length).trim();
  switch (sub) {
    case "list":
    case "help":
    case "spotlight":
      return { kind: sub };
    case "add": {
      if (!rest) return { kind: "addForm" };
      const [name = "", ...points] = rest.split(/\||\r?\n/);
      if (!name.trim()) return invalid(problem("product.add.usage"));
      return { kind: "add", name: name.trim(), keyPoints: points.join("\n") };
    }
    case "edit":
    case "remove":
      if (!rest) return invalid(problem("product.parse.needRef", { command: first.toLowerCase() }));
      return { kind: sub, reference: rest };
    default:
      return invalid(problem("product.parse.unknown", { word: escapeMrkdwn(first) }));
  }
}
