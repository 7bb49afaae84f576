import type { Problem } from "../../platform/errors.js";
import { quotaProblems } from "./problems.js";

const { problem } = quotaProblems;

/** What a person asked for with `/quota ...`. Anything that is not a subcommand is a check-in. */
export type QuotaCommand =
  | { kind: "mine" }
  | { kind: "help" }
  | { kind: "leaderboard"; product: string | null }
  | { kind: "undo" }
  | { kind: "targets" }
  | { kind: "target"; repId: string | null; amount: string }
  | { kind: "entries"; repId: string | null }
  | { kind: "set"; key: string; value: string }
  | { kind: "checkin"; text: string }
  | { kind: "invalid"; problem: Problem };

const words: Record<string, QuotaCommand["kind"]> = {
  help: "help",
  hjälp: "help",
  "?": "help",
  team: "leaderboard",
  leaderboard: "leaderboard",
  topplista: "leaderboard",
  undo: "undo",
  ångra: "undo",
  target: "target",
  targets: "targets",
  mål: "target",
  entries: "entries",
  poster: "entries",
  set: "set",
  ändra: "set",
};

const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

export function parseQuotaCommand(text: string): QuotaCommand {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "mine" };
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const kind = words[first.toLowerCase()];
  const tail = rest.join(" ");
  switch (kind) {
    case "help":
    case "undo":
      return rest.length === 0
        ? { kind }
        : { kind: "invalid", problem: problem("quota.parse.extra", { word: first }) };
    case "leaderboard":
      return { kind: "leaderboard", product: tail || null };
    case "targets":
      return { kind: "targets" };
    case "target": {
      if (rest.length === 0) return { kind: "targets" };
      const [who = "", ...amount] = rest;
      const user = who.match(mention);
      if (!user && !["team", "teamet", "laget"].includes(who.toLowerCase())) {
        return { kind: "invalid", problem: problem("quota.parse.targetUsage") };
      }
      if (amount.length === 0) return { kind: "invalid", problem: problem("quota.parse.targetUsage") };
      return { kind: "target", repId: user?.[1] ?? null, amount: amount.join(" ") };
    }
    case "entries": {
      const user = (rest[0] ?? "").match(mention);
      if (rest.length > 1 || (rest.length === 1 && !user)) {
        return { kind: "invalid", problem: problem("quota.parse.entriesUsage") };
      }
      return { kind: "entries", repId: user?.[1] ?? null };
    }
    case "set": {
      const [key = "", ...value] = rest;
      if (!key || value.length === 0) return { kind: "invalid", problem: problem("quota.parse.setUsage") };
      return { kind: "set", key: key.toLowerCase(), value: value.join(" ") };
    }
    default:
      return { kind: "checkin", text: trimmed };
  }
}

/**
 * The product tag in a check-in's note, and the note without it. People write `#widgets`; when a channel
 * has that name, Slack (with should_escape) sends `<#C123|widgets>` instead.
 */
export function splitTags(rest: string): { note: string; tags: string[] } {
  const tags: string[] = [];
  const note = rest
    .replace(
      /<#[CG][A-Z0-9]+\|([^>]+)>|(?<![\w&])#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu,
      (_, channelName?: string, tag?: string) => {
        tags.push((channelName ?? tag ?? "").toLowerCase());
        return "";
      },
    )
    .replace(/\s+/g, " ")
    .trim();
  return { note, tags };
}
