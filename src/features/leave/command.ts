import { LEAVE_TYPES, type LeaveType } from "./rules.js";

export type LeaveCommand =
  | { kind: "form" }
  | { kind: "list" }
  | { kind: "team" }
  | { kind: "cancel" }
  | { kind: "help" }
  | {
      kind: "allowance";
      type: LeaveType;
      days: number | null;
      startMonth: number | null;
      carry: number | null;
    }
  | { kind: "allowanceUsage" }
  | { kind: "allowanceForm" }
  | { kind: "remind"; days: number | null }
  | { kind: "unknown"; word: string };

const WORDS: Record<string, LeaveCommand["kind"]> = {
  list: "list",
  mine: "list",
  my: "list",
  mina: "list",
  lista: "list",
  team: "team",
  teamet: "team",
  out: "team",
  borta: "team",
  cancel: "cancel",
  avbryt: "cancel",
  återkalla: "cancel",
  help: "help",
  hjälp: "help",
  allowance: "allowanceUsage",
  tilldelning: "allowanceUsage",
  remind: "remind",
  påminn: "remind",
  new: "form",
  request: "form",
  ny: "form",
  ansök: "form",
};

const TYPE_WORDS: Record<string, LeaveType> = {
  vacation: "vacation",
  semester: "vacation",
  sick: "sick",
  sjuk: "sick",
  parental: "parental",
  föräldraledighet: "parental",
  föräldraledig: "parental",
  childcare: "childCare",
  vab: "childCare",
  other: "other",
  annan: "other",
  annat: "other",
};

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ["january", "januari", "jan"],
    ["february", "februari", "feb"],
    ["march", "mars", "mar"],
    ["april", "april", "apr"],
    ["may", "maj", "maj"],
    ["june", "juni", "jun"],
    ["july", "juli", "jul"],
    ["august", "augusti", "aug"],
    ["september", "september", "sep"],
    ["october", "oktober", "okt"],
    ["november", "november", "nov"],
    ["december", "december", "dec"],
  ].flatMap((names, i) => [...names, names[0]?.slice(0, 3) ?? ""].map((name) => [name, i + 1])),
);

/** `/leave [list|team|cancel|help|allowance …]`, in English or Swedish; nothing opens the form. */
export function parseLeaveCommand(text: string): LeaveCommand {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return { kind: "form" };
  const kind = WORDS[first];
  if (!kind) return { kind: "unknown", word: first };
  if (kind === "remind") {
    const days = rest[0] && /^\d{1,2}$/.test(rest[0]) ? Number(rest[0]) : null;
    return { kind, days: days !== null && days >= 1 && days <= 30 ? days : null };
  }
  if (kind !== "allowanceUsage") return { kind } as LeaveCommand;
  return parseAllowance(rest);
}

function parseAllowance(words: string[]): LeaveCommand {
  if (words.length === 0) return { kind: "allowanceForm" };
  const type = TYPE_WORDS[words[0] ?? ""];
  const amount = words[1];
  if (!type || amount === undefined) return { kind: "allowanceUsage" };
  let days: number | null;
  if (amount === "none" || amount === "ingen" || amount === "0") days = null;
  else if (/^\d{1,3}$/.test(amount) && Number(amount) <= 366) days = Number(amount);
  else return { kind: "allowanceUsage" };
  let startMonth: number | null = null;
  let carry: number | null = null;
  for (let i = 2; i < words.length; i += 2) {
    const key = words[i];
    const value = words[i + 1] ?? "";
    if (key === "from" || key === "från") {
      const month = MONTHS[value] ?? (/^\d{1,2}$/.test(value) ? Number(value) : undefined);
      if (!month || month < 1 || month > 12) return { kind: "allowanceUsage" };
      startMonth = month;
    } else if (key === "carry" || key === "spara") {
      if (!/^\d{1,3}$/.test(value) || Number(value) > 366) return { kind: "allowanceUsage" };
      carry = Number(value);
    } else return { kind: "allowanceUsage" };
  }
  return { kind: "allowance", type, days, startMonth, carry };
}

export { LEAVE_TYPES };
