/**
 * What a rep writes after `/quota` to check in a sale, as people write it: the amount first
 * (`12500 Acme renewal #widgets`), or after a verb (`sold 5000 to Acme`, `sålde för 5000 kr till Acme`).
 * The note is what follows the amount, without a leading "to", "with", "till"… Product tags are taken out
 * of the note. A second amount in the note ("5000 Acme, 3000 Beta") is not guessed at: the rep is asked.
 */
import { currencyDigits } from "../../platform/i18n/index.js";
import { typedText } from "../../platform/slack/index.js";
import { type AmountOptions, type AmountProblem, parseAmount } from "./amount.js";
import { splitTags } from "./command.js";

export type CheckinText =
  | { ok: true; minor: number; note: string; tags: string[] }
  | { ok: false; problem: AmountProblem }
  | { ok: false; problem: "twoAmounts"; amounts: [number, number] };

/** Words people put before the amount: "sold", "closed a deal of", "sålde för", "fick en affär på". */
const LEADING = new Set([
  "sold",
  "sell",
  "sale",
  "closed",
  "won",
  "signed",
  "booked",
  "got",
  "made",
  "a",
  "an",
  "deal",
  "of",
  "for",
  "sålde",
  "sålt",
  "sålda",
  "stängde",
  "vann",
  "bokade",
  "fick",
  "gjorde",
  "skrev",
  "en",
  "ett",
  "affär",
  "på",
  "för",
]);

/** Words that join the amount to whom it was sold: "to Acme", "till Acme", "hos Acme". */
const JOINING = new Set(["to", "with", "for", "at", "from", "till", "åt", "med", "för", "hos", "från", "på"]);

const YEAR = /^(?:19|20)\d\d$/;

export function readCheckinText(text: string, options: AmountOptions): CheckinText {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && LEADING.has((words[start] as string).toLowerCase())) start++;
  // Only skip the words when an amount follows them; "Acme 5000" stays unreadable rather than guessed.
  const candidate = start > 0 ? parseAmount(words.slice(start).join(" "), options) : null;
  const parsed =
    candidate && (candidate.ok || candidate.problem !== "unreadable")
      ? candidate
      : parseAmount(text, options);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const { note, tags } = splitTags(parsed.rest);
  const noteWords = note.split(" ").filter(Boolean);
  const second = secondAmount(noteWords, options);
  if (second !== null) return { ok: false, problem: "twoAmounts", amounts: [parsed.minor, second] };
  if (noteWords.length > 1 && JOINING.has((noteWords[0] as string).toLowerCase())) noteWords.shift();
  // Tags are taken from the escaped text; the note is kept as the rep typed it.
  return { ok: true, minor: parsed.minor, note: typedText(noteWords.join(" ")), tags };
}

/**
 * Another amount in the note, if one is there: written as money ("3000 kr", "$300", "3k"), or a plain
 * number of at least 100 that is not a year ("renewal 2027" is a note).
 */
function secondAmount(words: readonly string[], options: AmountOptions): number | null {
  const unit = 10 ** currencyDigits(options.currency);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!/^[-−–]?[\d$€£¥]|^[A-Z]{3}\d/.test(word)) continue;
    const found = parseAmount(words.slice(i).join(" "), options);
    if (!found.ok) continue;
    if (found.marked || (found.minor >= 100 * unit && !YEAR.test(word))) return found.minor;
  }
  return null;
}
