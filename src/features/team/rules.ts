import { ok, type Parsed } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import {
  canonicalHolidayCountry,
  canonicalTimeZone,
  ISO_WEEKDAYS,
  type IsoWeekday,
} from "../../platform/time/index.js";
import { teamProblems } from "./problems.js";
import { QUOTA_PERIODS, type QuotaPeriod, type RoutineName } from "./schema.js";

/** The settings of a team that people choose; members are handled separately. */
export interface TeamSettings {
  name: string;
  timeZone: string;
  locale: Language;
  currency: string;
  holidayCountry: string;
  workWeek: IsoWeekday[];
  quotaPeriod: QuotaPeriod;
  /** Working hours an escalation waits to be acknowledged before its supervisors are reminded. */
  escalationHours: number;
  /** Working days a rep has to acknowledge a policy before being reminded (then as many again). */
  policyReminderDays: number;
}

export const SETTING_KEYS = [
  "name",
  "timeZone",
  "locale",
  "currency",
  "holidayCountry",
  "workWeek",
  "quotaPeriod",
  "escalationHours",
  "policyReminderDays",
] as const satisfies readonly (keyof TeamSettings)[];
export type SettingKey = (typeof SETTING_KEYS)[number];

export const NAME_MAX = 80;

const { fail } = teamProblems;

export function parseName(input: string): Parsed<string> {
  const name = input.replace(/\s+/g, " ").trim();
  if (!name) return fail("team.invalid.nameEmpty");
  if (name.length > NAME_MAX) return fail("team.invalid.nameLong", { max: NAME_MAX });
  // Names appear in mrkdwn everywhere; angle brackets would turn into links or @channel.
  if (/[<>]/.test(name)) return fail("team.invalid.nameChars");
  return ok(name);
}

export function parseTimeZone(input: string): Parsed<string> {
  const zone = canonicalTimeZone(input);
  return zone ? ok(zone) : fail("team.invalid.timeZone", { value: input.trim() });
}

const localeAliases: Record<string, Language> = {
  en: "en",
  english: "en",
  engelska: "en",
  sv: "sv",
  swedish: "sv",
  svenska: "sv",
};

export function parseLocale(input: string): Parsed<Language> {
  const key = input.trim().toLowerCase();
  const language = localeAliases[key] ?? localeAliases[key.split(/[-_]/)[0] ?? ""];
  return language ? ok(language) : fail("team.invalid.locale", { value: input.trim() });
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

export function parseCurrency(input: string): Parsed<string> {
  const code = input.trim().toUpperCase();
  return currencies.has(code) ? ok(code) : fail("team.invalid.currency", { value: input.trim() });
}

export function parseHolidayCountry(input: string): Parsed<string> {
  const code = canonicalHolidayCountry(input);
  return code ? ok(code) : fail("team.invalid.holidayCountry", { value: input.trim() });
}

const periodAliases: Record<string, QuotaPeriod> = {
  week: "week",
  weekly: "week",
  vecka: "week",
  month: "month",
  monthly: "month",
  månad: "month",
  quarter: "quarter",
  quarterly: "quarter",
  kvartal: "quarter",
};

export function parseQuotaPeriod(input: string): Parsed<QuotaPeriod> {
  const period = periodAliases[input.trim().toLowerCase()];
  return period ? ok(period) : fail("team.invalid.quotaPeriod", { value: input.trim() });
}

const dayNames: Record<string, IsoWeekday> = {};
for (const [day, names] of [
  [1, ["mon", "monday", "mån", "måndag", "man"]],
  [2, ["tue", "tues", "tuesday", "tis", "tisdag"]],
  [3, ["wed", "wednesday", "ons", "onsdag"]],
  [4, ["thu", "thur", "thurs", "thursday", "tor", "tors", "torsdag"]],
  [5, ["fri", "friday", "fre", "fredag"]],
  [6, ["sat", "saturday", "lör", "lördag", "lor"]],
  [7, ["sun", "sunday", "sön", "söndag", "son"]],
] as const) {
  for (const name of names) dayNames[name] = day;
  dayNames[String(day)] = day;
}

/**
 * Work days as people write them: "mon-fri", "mån–fre", "sun-thu", "mon,tue,thu", "1-5".
 * A range may wrap around the week end (sun-thu).
 */
export function parseWorkWeek(input: string): Parsed<IsoWeekday[]> {
  const days = readDays(input);
  return days ? ok(days) : fail("team.invalid.workWeek", { value: input.trim() });
}

/**
 * Weekdays as people write them, in English or Swedish, singly, in lists and in ranges ("mon,thu",
 * "mån–fre", "sun-thu", "1-5"), Monday first; null when it is not days.
 */
export function readDays(input: string): IsoWeekday[] | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  const days = new Set<IsoWeekday>();
  const parts = text.split(/[\s,;&+]+/).filter((part) => part && part !== "and" && part !== "och");
  if (parts.length === 0) return null;
  for (const part of parts) {
    const range = part.split(/[-–—]|\.\./);
    if (range.length > 2) return null;
    const from = dayNames[(range[0] ?? "").replace(/\.$/, "")];
    const to = range.length === 2 ? dayNames[(range[1] ?? "").replace(/\.$/, "")] : from;
    if (!from || !to) return null;
    for (let day = from; ; day = ((day % 7) + 1) as IsoWeekday) {
      days.add(day);
      if (day === to) break;
    }
  }
  return normaliseWorkWeek([...days]);
}

export const ESCALATION_HOURS_MAX = 400;

/** Working hours as people write them: "24", "24h", "24 hours", "16 timmar". */
export function parseEscalationHours(input: string): Parsed<number> {
  const match = /^(\d{1,4})\s*(h|hours?|timmar|tim|t)?$/i.exec(input.trim());
  const hours = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(hours) && hours >= 1 && hours <= ESCALATION_HOURS_MAX
    ? ok(hours)
    : fail("team.invalid.escalationHours", { value: input.trim(), max: ESCALATION_HOURS_MAX });
}

export const POLICY_REMINDER_DAYS_MAX = 30;

/** Working days as people write them: "3", "3 days", "3d", "5 dagar". */
export function parsePolicyReminderDays(input: string): Parsed<number> {
  const match = /^(\d{1,3})\s*(d|days?|dagar|dag)?$/i.exec(input.trim());
  const days = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(days) && days >= 1 && days <= POLICY_REMINDER_DAYS_MAX
    ? ok(days)
    : fail("team.invalid.policyReminderDays", { value: input.trim(), max: POLICY_REMINDER_DAYS_MAX });
}

export function normaliseWorkWeek(days: readonly number[]): IsoWeekday[] {
  return ISO_WEEKDAYS.filter((day) => days.includes(day));
}

/** Consecutive runs of days, to show "Mon–Fri" rather than five names. */
export function workWeekRuns(days: readonly IsoWeekday[]): { from: IsoWeekday; to: IsoWeekday }[] {
  const runs: { from: IsoWeekday; to: IsoWeekday }[] = [];
  for (const day of normaliseWorkWeek(days)) {
    const last = runs.at(-1);
    if (last && day === last.to + 1) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

/** What a text setting key means: accepts the English and Swedish words people would type. */
export function settingKeyOf(word: string): SettingKey | "channel" | RoutineName | null {
  const aliases: Record<string, SettingKey | "channel" | RoutineName> = {
    motivation: "motivation",
    spotlight: "spotlight",
    "product-spotlight": "spotlight",
    produktfokus: "spotlight",
    fokus: "spotlight",
    standup: "standup",
    "stand-up": "standup",
    veckostandup: "standup",
    name: "name",
    namn: "name",
    timezone: "timeZone",
    tz: "timeZone",
    zone: "timeZone",
    tidszon: "timeZone",
    language: "locale",
    locale: "locale",
    lang: "locale",
    språk: "locale",
    currency: "currency",
    valuta: "currency",
    holidays: "holidayCountry",
    holiday: "holidayCountry",
    country: "holidayCountry",
    land: "holidayCountry",
    helgdagar: "holidayCountry",
    workweek: "workWeek",
    "work-week": "workWeek",
    workdays: "workWeek",
    days: "workWeek",
    arbetsvecka: "workWeek",
    arbetsdagar: "workWeek",
    period: "quotaPeriod",
    quotaperiod: "quotaPeriod",
    "quota-period": "quotaPeriod",
    kvotperiod: "quotaPeriod",
    channel: "channel",
    kanal: "channel",
    escalations: "escalationHours",
    "escalation-hours": "escalationHours",
    escalationhours: "escalationHours",
    eskaleringar: "escalationHours",
    eskaleringstimmar: "escalationHours",
    "policy-reminder": "policyReminderDays",
    policyreminder: "policyReminderDays",
    policy: "policyReminderDays",
    policypåminnelse: "policyReminderDays",
    "policy-påminnelse": "policyReminderDays",
  };
  return aliases[word.trim().toLowerCase()] ?? null;
}

export const settingParsers: { [K in SettingKey]: (input: string) => Parsed<TeamSettings[K]> } = {
  name: parseName,
  timeZone: parseTimeZone,
  locale: parseLocale,
  currency: parseCurrency,
  holidayCountry: parseHolidayCountry,
  workWeek: parseWorkWeek,
  quotaPeriod: parseQuotaPeriod,
  escalationHours: parseEscalationHours,
  policyReminderDays: parsePolicyReminderDays,
};

export function isQuotaPeriod(value: string): value is QuotaPeriod {
  return (QUOTA_PERIODS as readonly string[]).includes(value);
}

/** Currency most teams in a country sell in, for a sensible default; people can change it. */
const countryCurrency: Record<string, string> = {
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  IS: "ISK",
  FI: "EUR",
  DE: "EUR",
  FR: "EUR",
  NL: "EUR",
  BE: "EUR",
  ES: "EUR",
  IT: "EUR",
  IE: "EUR",
  AT: "EUR",
  PT: "EUR",
  EE: "EUR",
  LV: "EUR",
  LT: "EUR",
  GB: "GBP",
  CH: "CHF",
  PL: "PLN",
  CZ: "CZK",
  US: "USD",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  JP: "JPY",
  IN: "INR",
  SG: "SGD",
  BR: "BRL",
  MX: "MXN",
  ZA: "ZAR",
};

/**
 * Defaults for a new team from its first supervisor's Slack profile: their time zone and language, and the
 * country (its public holidays and currency) of their time zone, else of their locale's region. The zone
 * wins when the two disagree: most Swedes run Slack in English (en-US) from Stockholm, and their team
 * keeps Swedish holidays and counts in kronor.
 */
export function defaultSettings(
  name: string,
  profile: { tz: string | null; locale: string | null; countryOfZone: (zone: string) => string | null },
): TeamSettings {
  const timeZone = (profile.tz && canonicalTimeZone(profile.tz)) || "UTC";
  const locale: Language = profile.locale?.toLowerCase().startsWith("sv") ? "sv" : "en";
  const region =
    profile.countryOfZone(timeZone) ?? regionOf(profile.locale) ?? (locale === "sv" ? "SE" : "US");
  const holidayCountry = canonicalHolidayCountry(region) ?? (locale === "sv" ? "SE" : "US");
  return {
    name,
    timeZone,
    locale,
    currency: countryCurrency[holidayCountry] ?? "USD",
    holidayCountry,
    workWeek: [1, 2, 3, 4, 5],
    quotaPeriod: "month",
    escalationHours: 24,
    policyReminderDays: 3,
  };
}

function regionOf(locale: string | null): string | null {
  if (!locale) return null;
  try {
    return new Intl.Locale(locale.replace("_", "-")).region ?? null;
  } catch {
    return null;
  }
}
