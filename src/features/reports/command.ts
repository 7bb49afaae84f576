import type { AnyReportKind } from "./kinds.js";
import { reportKindCalled } from "./registry.js";

/** What `/report …` asks for: help, a kind of report with the rest of the text (team and period), or a word we do not know. */
export type ReportCommand =
  | { kind: "help" }
  | { kind: "report"; report: AnyReportKind; rest: string }
  | { kind: "unknown"; word: string };

const HELP = new Set(["", "help", "hjälp", "?"]);

export function parseReportCommand(text: string): ReportCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  if (HELP.has(first.toLowerCase())) return { kind: "help" };
  const report = reportKindCalled(first);
  if (!report) return { kind: "unknown", word: first };
  return { kind: "report", report, rest: rest.join(" ") };
}

/** Who a report is about, as written after its kind: every team, a channel, a team's name, or (nothing) here. */
export type TeamChoice =
  | { kind: "all"; rest: string }
  | { kind: "channel"; channelId: string; rest: string }
  | { kind: "named"; teamId: number; rest: string }
  | { kind: "here"; rest: string };

/** Reads the team part: `all`/`alla`, a channel mention, or the longest team name the text starts with. */
export function chooseTeams(text: string, teams: readonly { id: number; name: string }[]): TeamChoice {
  const s = text.trim();
  const all = /^(all|alla)(?:\s+|$)(.*)$/is.exec(s);
  if (all) return { kind: "all", rest: all[2] ?? "" };
  const channel = /^<#([A-Z0-9]+)(?:\|[^>]*)?>\s*(.*)$/s.exec(s);
  if (channel) return { kind: "channel", channelId: channel[1] as string, rest: channel[2] ?? "" };
  const lower = s.toLowerCase();
  const named = teams
    .filter((t) => {
      const name = t.name.toLowerCase();
      return lower === name || lower.startsWith(`${name} `);
    })
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (named) return { kind: "named", teamId: named.id, rest: s.slice(named.name.length) };
  return { kind: "here", rest: s };
}
