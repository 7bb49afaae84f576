import type { AnyReportKind } from "./kinds.js";
import { policyReport } from "./policy.js";
import { productivityReport } from "./productivity.js";

/**
 * Every report kind `/report` knows, with the words that name it (English and Swedish). A new kind is one
 * more entry here (see kinds.ts).
 */
export const REPORT_KINDS: readonly { kind: AnyReportKind; words: readonly string[] }[] = [
  { kind: productivityReport, words: ["productivity", "produktivitet", "prod"] },
  { kind: policyReport, words: ["policy", "policies", "policyer", "riktlinjer"] },
];

export function reportKindNamed(name: string): AnyReportKind | null {
  return REPORT_KINDS.find((k) => k.kind.name === name)?.kind ?? null;
}

export function reportKindCalled(word: string): AnyReportKind | null {
  const w = word.toLowerCase();
  return REPORT_KINDS.find((k) => k.words.includes(w))?.kind ?? null;
}
