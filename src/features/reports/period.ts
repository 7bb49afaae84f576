import { addDays, type LocalDate } from "../../platform/time/index.js";

/** The days a report covers, and what it is called (a month, a quarter or a year). */
export interface ReportPeriod {
  kind: "month" | "quarter" | "year";
  /** `2026-11`, `2026-Q3` or `2026`. */
  key: string;
  start: LocalDate;
  /** The last day, included. */
  end: LocalDate;
}

const MONTH_NAMES: Record<string, number> = {};
for (const [i, names] of [
  ["january", "jan", "januari"],
  ["february", "feb", "februari"],
  ["march", "mar", "mars"],
  ["april", "apr"],
  ["may", "maj"],
  ["june", "jun", "juni"],
  ["july", "jul", "juli"],
  ["august", "aug", "augusti"],
  ["september", "sep", "sept"],
  ["october", "oct", "okt", "oktober"],
  ["november", "nov"],
  ["december", "dec"],
].entries()) {
  for (const name of names) MONTH_NAMES[name] = i + 1;
}

const THIS_MONTH = new Set([
  "",
  "this month",
  "month",
  "denna månad",
  "den här månaden",
  "månaden",
  "innevarande månad",
]);
const LAST_MONTH = new Set(["last month", "previous month", "förra månaden", "föregående månad"]);
const THIS_QUARTER = new Set(["this quarter", "quarter", "detta kvartal", "det här kvartalet", "kvartalet"]);
const LAST_QUARTER = new Set(["last quarter", "previous quarter", "förra kvartalet", "föregående kvartal"]);
const THIS_YEAR = new Set(["this year", "year", "i år", "detta år", "det här året", "året"]);
const LAST_YEAR = new Set(["last year", "previous year", "i fjol", "förra året", "föregående år"]);

const pad = (n: number) => String(n).padStart(2, "0");

export function monthPeriod(year: number, month: number): ReportPeriod {
  const start = `${year}-${pad(month)}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { kind: "month", key: `${year}-${pad(month)}`, start, end: addDays(next, -1) };
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const first = (quarter - 1) * 3 + 1;
  const start = `${year}-${pad(first)}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(first + 3)}-01`;
  return { kind: "quarter", key: `${year}-Q${quarter}`, start, end: addDays(next, -1) };
}

export function yearPeriod(year: number): ReportPeriod {
  return { kind: "year", key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

const reasonableYear = (year: number) => year >= 2000 && year <= 2100;

/**
 * The period a person wrote, in English or Swedish, relative to `today` (the reader's team's date): this
 * month by default; `last month`, `2026-11`, `November 2026`, `nov`, `Q3`, `Q3 2026`, `2026-Q3`, `K3`,
 * `this quarter`, `2026`, `this year` and their Swedish forms (`förra månaden`, `detta kvartal`, `i år`…).
 * Null when it is none of these.
 */
export function parsePeriod(text: string, today: LocalDate): ReportPeriod | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3) + 1;
  if (THIS_MONTH.has(s)) return monthPeriod(year, month);
  if (LAST_MONTH.has(s)) return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
  if (THIS_QUARTER.has(s)) return quarterPeriod(year, quarter);
  if (LAST_QUARTER.has(s))
    return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
  if (THIS_YEAR.has(s)) return yearPeriod(year);
  if (LAST_YEAR.has(s)) return yearPeriod(year - 1);

  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return reasonableYear(y) && mo >= 1 && mo <= 12 ? monthPeriod(y, mo) : null;
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return reasonableYear(Number(m[1])) ? yearPeriod(Number(m[1])) : null;
  // Q3, K3 (kvartal), "Q3 2026", "2026 Q3", "2026-Q3", "kvartal 3", "quarter 3 2026".
  m = /^(?:(\d{4})[\s-]?)?(?:q|k|kv|quarter |kvartal )([1-4])(?:[\s-](\d{4}))?$/.exec(s);
  if (m) {
    const y = Number(m[1] ?? m[3] ?? year);
    if (m[1] && m[3]) return null;
    return reasonableYear(y) ? quarterPeriod(y, Number(m[2])) : null;
  }
  // "november", "nov 2026", "november 2026".
  m = /^([a-zåäö]+)\.?(?: (\d{4}))?$/.exec(s);
  if (m) {
    const mo = MONTH_NAMES[m[1] as string];
    const y = m[2] ? Number(m[2]) : year;
    if (mo && reasonableYear(y)) return monthPeriod(y, mo);
  }
  return null;
}
