import type { PeriodChoice } from "./service.js";

export type CommissionCommand =
  | { kind: "form" }
  | { kind: "list" }
  | { kind: "cancel" }
  | { kind: "help" }
  | { kind: "export"; period: PeriodChoice }
  | { kind: "exportUsage" }
  | { kind: "unknown"; word: string };

const WORDS: Record<string, Exclude<CommissionCommand["kind"], "export" | "exportUsage" | "unknown">> = {
  new: "form",
  claim: "form",
  commission: "form",
  ny: "form",
  provision: "form",
  begär: "form",
  list: "list",
  mine: "list",
  my: "list",
  lista: "list",
  mina: "list",
  cancel: "cancel",
  avbryt: "cancel",
  återkalla: "cancel",
  help: "help",
  hjälp: "help",
};

const EXPORT_WORDS = new Set(["export", "exportera", "payroll", "lön"]);
const THIS_WORDS = new Set(["this", "current", "now", "denna", "nuvarande", "nu", "aktuell"]);
const LAST_WORDS = new Set(["last", "previous", "förra", "föregående"]);

/**
 * `/commission [list|cancel|help|export <period>]`, in English or Swedish; nothing opens the form. A period
 * is a quota period's key (`2026-06`, `2026-Q2`, `2026-W23`), or `this` / `last` (the default: this).
 */
export function parseCommissionCommand(text: string): CommissionCommand {
  const [first, ...rest] = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!first) return { kind: "form" };
  if (EXPORT_WORDS.has(first)) return parseExport(rest);
  const kind = WORDS[first];
  return kind ? { kind } : { kind: "unknown", word: first };
}

function parseExport(words: readonly string[]): CommissionCommand {
  if (words.length > 1) return { kind: "exportUsage" };
  const [word] = words;
  if (word === undefined || THIS_WORDS.has(word)) return { kind: "export", period: { kind: "this" } };
  if (LAST_WORDS.has(word)) return { kind: "export", period: { kind: "last" } };
  const key = word.toUpperCase();
  if (/^\d{4}-(\d{2}|Q[1-4]|W\d{2})$/.test(key)) return { kind: "export", period: { kind: "key", key } };
  return { kind: "exportUsage" };
}
