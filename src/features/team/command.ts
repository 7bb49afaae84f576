import { GRANTED_ROLES, type GrantedRole } from "../../platform/access/index.js";
import type { Problem } from "../../platform/errors.js";
import { typedText } from "../../platform/slack/index.js";
import { teamProblems } from "./problems.js";

/** What a person asked for with `/team ...`, parsed from the slash command text. */
export type TeamCommand =
  | { kind: "show" }
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "roles" }
  | { kind: "edit" }
  | { kind: "create"; name: string; supervisorIds: string[]; channelId: string | null }
  | { kind: "add" | "move" | "remove"; userIds: string[] }
  | { kind: "supervisor"; op: "add" | "remove"; userIds: string[] }
  | { kind: "set"; key: string; value: string; channelId: string | null }
  | { kind: "grant" | "revoke"; userIds: string[]; role: GrantedRole }
  | { kind: "invalid"; problem: Problem };

type Token =
  | { type: "user"; id: string; raw: string }
  | { type: "channel"; id: string; raw: string }
  | { type: "word"; text: string; raw: string };

/**
 * Splits command text into mentions and words. With `should_escape: true` Slack sends mentions as
 * `<@U123|name>` and channels as `<#C123|name>`; quoted phrases stay one word.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>|"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const [raw, user, channel, quoted, curly, word] = match;
    if (user) tokens.push({ type: "user", id: user, raw });
    else if (channel) tokens.push({ type: "channel", id: channel, raw });
    // Mentions and channels are taken from the escaped text; the rest is read as the person typed it.
    else tokens.push({ type: "word", text: typedText(quoted ?? curly ?? word ?? ""), raw });
  }
  return tokens;
}

const { problem } = teamProblems;
const invalid = (found: Problem): TeamCommand => ({ kind: "invalid", problem: found });

function words(tokens: Token[]): string[] {
  return tokens.flatMap((token) => (token.type === "word" ? [token.text] : []));
}

function users(tokens: Token[]): string[] {
  return [...new Set(tokens.flatMap((token) => (token.type === "user" ? [token.id] : [])))];
}

/** Words that look like someone's name typed without picking them from Slack's list. */
function unlinkedNames(tokens: Token[]): string[] {
  return words(tokens).filter((word) => word.startsWith("@") && word.length > 1);
}

function needPeople(tokens: Token[], command: string): TeamCommand | null {
  const unlinked = unlinkedNames(tokens);
  if (unlinked.length > 0)
    return invalid(problem("team.parse.unlinkedMention", { names: unlinked.join(", ") }));
  if (users(tokens).length === 0) return invalid(problem("team.parse.needPeople", { command }));
  return null;
}

const subcommands: Record<string, string> = {
  help: "help",
  hjälp: "help",
  "?": "help",
  list: "list",
  lista: "list",
  teams: "list",
  roles: "roles",
  roller: "roles",
  edit: "edit",
  redigera: "edit",
  settings: "edit",
  create: "create",
  new: "create",
  skapa: "create",
  add: "add",
  "lägg-till": "add",
  move: "move",
  flytta: "move",
  remove: "remove",
  "ta-bort": "remove",
  supervisor: "supervisor",
  supervisors: "supervisor",
  handledare: "supervisor",
  set: "set",
  ändra: "set",
  grant: "grant",
  revoke: "revoke",
  show: "show",
  visa: "show",
};

export function parseTeamCommand(text: string): TeamCommand {
  const tokens = tokenize(text.trim());
  const first = tokens[0];
  if (!first) return { kind: "show" };
  if (first.type !== "word") return invalid(problem("team.parse.unknown", { word: first.raw }));
  const sub = subcommands[first.text.toLowerCase()];
  const rest = tokens.slice(1);
  switch (sub) {
    case "show":
    case "help":
    case "list":
    case "roles":
    case "edit":
      return { kind: sub };
    case "create": {
      const unlinked = unlinkedNames(rest);
      if (unlinked.length > 0)
        return invalid(problem("team.parse.unlinkedMention", { names: unlinked.join(", ") }));
      const channel = rest.find((token) => token.type === "channel");
      return {
        kind: "create",
        name: words(rest).join(" ").trim(),
        supervisorIds: users(rest),
        channelId: channel?.type === "channel" ? channel.id : null,
      };
    }
    case "add":
    case "move":
    case "remove":
      return needPeople(rest, first.text.toLowerCase()) ?? { kind: sub, userIds: users(rest) };
    case "supervisor": {
      const op = rest[0]?.type === "word" ? rest[0].text.toLowerCase() : "";
      const normalised =
        op === "add" || op === "lägg-till" ? "add" : op === "remove" || op === "ta-bort" ? "remove" : null;
      if (!normalised) return invalid(problem("team.parse.supervisorUsage"));
      return (
        needPeople(rest.slice(1), `supervisor ${normalised}`) ?? {
          kind: "supervisor",
          op: normalised,
          userIds: users(rest.slice(1)),
        }
      );
    }
    case "set": {
      const key = rest[0]?.type === "word" ? rest[0].text : "";
      const valueTokens = rest.slice(1);
      const channel = valueTokens.find((token) => token.type === "channel");
      if (!key || valueTokens.length === 0) return invalid(problem("team.parse.setUsage"));
      return {
        kind: "set",
        key,
        value: valueTokens.map((token) => (token.type === "word" ? token.text : token.raw)).join(" "),
        channelId: channel?.type === "channel" ? channel.id : null,
      };
    }
    case "grant":
    case "revoke": {
      const noPeople = needPeople(rest, sub);
      if (noPeople) return noPeople;
      const roleWord = words(rest)
        .map((word) => word.toLowerCase())
        .map((word) => (word === "exec" || word === "chef" ? "executive" : word))
        .find((word) => (GRANTED_ROLES as readonly string[]).includes(word));
      if (!roleWord) return invalid(problem("team.parse.roleUsage", { command: sub }));
      return { kind: sub, userIds: users(rest), role: roleWord as GrantedRole };
    }
    default:
      return invalid(problem("team.parse.unknown", { word: first.text }));
  }
}
