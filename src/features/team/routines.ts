import { ok, type Parsed, type Problem } from "../../platform/errors.js";
import type { IsoWeekday } from "../../platform/time/index.js";
import { teamProblems } from "./problems.js";
import { readDays } from "./rules.js";
import type { AskIn, RoutineName } from "./schema.js";

/**
 * Pure rules of a team's routines (the posts that come on a schedule: motivation, a product spotlight,
 * the weekly standup): their defaults, and their settings as people write them in `/team set` and the
 * team form. When they run is the routines feature's business; what they are is the team's.
 */

/** How a team runs one routine (its row, or the defaults). */
export interface RoutineSetting {
  enabled: boolean;
  days: IsoWeekday[];
  /** "HH:MM" in the team's zone. */
  time: string;
}

export interface StandupSetting extends RoutineSetting {
  /** "HH:MM" the same day: the summary is posted then; later answers are marked late. */
  cutoff: string;
  askIn: AskIn;
}

export interface RoutineSettings {
  motivation: RoutineSetting;
  spotlight: RoutineSetting;
  standup: StandupSetting;
}

/** What a team runs until someone changes it: motivation Mon and Thu 08:30, spotlight Wed 09:00, standup Mon 09:00 to 14:00. */
export const DEFAULT_ROUTINES: Readonly<RoutineSettings> = Object.freeze({
  motivation: { enabled: true, days: [1, 4] as IsoWeekday[], time: "08:30" },
  spotlight: { enabled: true, days: [3] as IsoWeekday[], time: "09:00" },
  standup: {
    enabled: true,
    days: [1] as IsoWeekday[],
    time: "09:00",
    cutoff: "14:00",
    askIn: "thread" as AskIn,
  },
});

/** A routine's days and time (or another time of the same days, "14:00") as a five-field cron expression. */
export function cronOfRoutine(
  setting: Pick<RoutineSetting, "days" | "time">,
  at: "time" | string = "time",
): string {
  const [hour, minute] = (at === "time" ? setting.time : at).split(":").map(Number);
  const days = [...setting.days].sort((a, b) => a - b).map((d) => d % 7);
  return `${minute} ${hour} * * ${days.join(",")}`;
}

/** Two settings of a routine are the same (saving the same again changes nothing). */
export function sameRoutine(a: RoutineSetting | StandupSetting, b: RoutineSetting | StandupSetting): boolean {
  const key = (s: RoutineSetting | StandupSetting) =>
    JSON.stringify([
      s.enabled,
      [...s.days].sort(),
      s.time,
      "cutoff" in s ? s.cutoff : null,
      "askIn" in s ? s.askIn : null,
    ]);
  return key(a) === key(b);
}

const { fail, problem } = teamProblems;
const pad = (n: number) => String(n).padStart(2, "0");

/** Looks like someone meant a time of day ("25:00", "8.7", "13pm"), rightly or not. */
const TIME_LIKE = /^\d{1,2}([:.]\d{1,2}|\s*[ap]\.?m\.?)$|^\d{1,2}[:.]\d{1,2}\s*[ap]\.?m\.?$/i;

/** A time of day as people write it, "08:30", "8.30", "9:00", "2pm", "2:30 pm": "HH:MM", or what is wrong. */
export function parseClock(input: string): Parsed<string> {
  const text = input.trim().toLowerCase();
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?(?:m\.?)?$/.exec(text);
  const invalid = fail("team.routine.invalidTime", { value: input.trim() });
  if (!match || (match[2] === undefined && match[3] === undefined)) return invalid;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  if (match[3]) {
    if (hour < 1 || hour > 12) return invalid;
    hour = (hour % 12) + (match[3] === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return invalid;
  return ok(`${pad(hour)}:${pad(minute)}`);
}

const ON = new Set(["on", "yes", "enable", "enabled", "på", "ja", "pa"]);
const OFF = new Set(["off", "no", "disable", "disabled", "av", "nej"]);
const CUTOFF = new Set(["cutoff", "cut-off", "until", "deadline", "svarstid", "stopptid", "stopp", "senast"]);
const ASK = new Set(["ask", "asked", "askin", "ask-in", "fråga", "frågas", "fraga"]);
const ASK_PLACES: Record<string, AskIn> = {
  thread: "thread",
  "in-thread": "thread",
  tråd: "thread",
  tråden: "thread",
  trad: "thread",
  dm: "dm",
  dms: "dm",
  direct: "dm",
  direkt: "dm",
  direktmeddelande: "dm",
};

/** The cut-off comes after the standup's time the same day: the problem when it does not. */
export function cutoffProblem(setting: Pick<StandupSetting, "time" | "cutoff">): Problem | null {
  return setting.cutoff > setting.time
    ? null
    : problem("team.routine.cutoffBeforeTime", { time: setting.time, cutoff: setting.cutoff });
}

/**
 * `/team set <routine> <value>`: what the routine becomes, from what it is. Values: `off`, `on`, days and a
 * time (`mon,thu 08:30`, which also turns it on), days or a time alone; for the standup also `cutoff 14:00`
 * and `ask thread|dm`. English and Swedish words alike.
 */
export function parseRoutineChange<N extends RoutineName>(
  routine: N,
  value: string,
  current: RoutineSettings[N],
): Parsed<RoutineSettings[N]> {
  const words = value.trim().split(/\s+/).filter(Boolean);
  const first = (words[0] ?? "").toLowerCase();
  const rest = words.slice(1).join(" ");
  if (words.length === 1 && ON.has(first)) return ok({ ...current, enabled: true });
  if (words.length === 1 && OFF.has(first)) return ok({ ...current, enabled: false });
  if (routine === "standup" && "cutoff" in current) {
    if (CUTOFF.has(first)) {
      if (!rest) return fail("team.routine.cutoffUsage");
      const cutoff = parseClock(rest);
      if (!cutoff.ok) return cutoff;
      const next = { ...current, cutoff: cutoff.value };
      const wrong = cutoffProblem(next);
      return wrong ? { ok: false, problem: wrong } : ok(next);
    }
    if (ASK.has(first)) {
      const place = ASK_PLACES[rest.toLowerCase().replace(/^(in|i)\s+/, "")];
      return place ? ok({ ...current, askIn: place }) : fail("team.routine.askUsage", { value: rest });
    }
  }
  // Days and a time: the time is the last word (or two: "2:30 pm"), the days the rest.
  for (const timeWords of [2, 1]) {
    if (words.length < timeWords) continue;
    const time = parseClock(words.slice(-timeWords).join(" "));
    if (!time.ok) continue;
    const daysText = words.slice(0, -timeWords).join(" ");
    const days = daysText ? readDays(daysText) : current.days;
    if (!days) return fail("team.routine.invalidDays", { value: daysText, routine });
    return checked({ ...current, enabled: true, days, time: time.value });
  }
  const last = words.at(-1) ?? "";
  if (TIME_LIKE.test(last)) return fail("team.routine.invalidTime", { value: last });
  const days = readDays(words.join(" "));
  if (!days) return fail("team.routine.invalidDays", { value: words.join(" "), routine });
  return checked({ ...current, enabled: true, days });
}

function checked<S extends RoutineSetting>(setting: S): Parsed<S> {
  const wrong = "cutoff" in setting ? cutoffProblem(setting as unknown as StandupSetting) : null;
  return wrong ? { ok: false, problem: wrong } : ok(setting);
}

/** One routine as the team form submits it (block values, before checking). */
export interface RoutineFormInput {
  on: boolean;
  days: string[];
  time: string | null;
}

export interface RoutinesFormInput {
  motivation: RoutineFormInput;
  spotlight: RoutineFormInput;
  standup: RoutineFormInput & { cutoff: string | null; askIn: string | null };
}

/** The form's block of a routine's part ("motivationDays", "standupCutoff"). */
export const routineField = (routine: RoutineName, part: "On" | "Days" | "Time" | "Cutoff" | "AskIn") =>
  `${routine}${part}`;

/**
 * The routines of the team form, checked against what they are (`current`): a routine turned on needs a
 * day and a time; the standup's cut-off comes after its time. Field problems by block id; the settings
 * when there are none. A routine turned off keeps its days when none are ticked.
 */
export function validateRoutinesForm(
  form: RoutinesFormInput,
  current: RoutineSettings,
): { errors: Record<string, Problem>; settings: RoutineSettings | null } {
  const errors: Record<string, Problem> = {};
  const read = (routine: RoutineName): RoutineSetting => {
    const input = form[routine];
    const days = readDays(input.days.join(",")) ?? [];
    if (input.on && days.length === 0)
      errors[routineField(routine, "Days")] = problem("team.routine.daysEmpty");
    const time = input.time ? parseClock(input.time) : null;
    if (!time?.ok) {
      if (input.on) errors[routineField(routine, "Time")] = problem("team.routine.timeMissing");
    }
    return {
      enabled: input.on,
      days: days.length > 0 ? days : current[routine].days,
      time: time?.ok ? time.value : current[routine].time,
    };
  };
  const motivation = read("motivation");
  const spotlight = read("spotlight");
  const standupBase = read("standup");
  const cutoff = form.standup.cutoff ? parseClock(form.standup.cutoff) : null;
  const standup: StandupSetting = {
    ...standupBase,
    cutoff: cutoff?.ok ? cutoff.value : current.standup.cutoff,
    askIn:
      form.standup.askIn === "dm" ? "dm" : form.standup.askIn === "thread" ? "thread" : current.standup.askIn,
  };
  if (!cutoff?.ok) errors[routineField("standup", "Cutoff")] = problem("team.routine.timeMissing");
  else if (!errors[routineField("standup", "Time")]) {
    const wrong = cutoffProblem(standup);
    if (wrong) errors[routineField("standup", "Cutoff")] = wrong;
  }
  return {
    errors,
    settings: Object.keys(errors).length === 0 ? { motivation, spotlight, standup } : null,
  };
}
