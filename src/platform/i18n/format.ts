import type { IsoWeekday } from "../time/index.js";

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Digits after the decimal point of a currency's minor unit (SEK 2, JPY 0, KWD 3), as Intl knows them.
 * Throws RangeError for a code that is not a currency (settings are validated before they get here).
 */
const digitsOf = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    // Codes come from teams' settings, checked when set: a handful.
    digitsOf.set(currency, digits);
  }
  return digits;
}

/** Money kept as integer minor units, shown in the reader's locale: 1250000 SEK -> "12 500,00 kr". */
export function formatMoney(locale: string, minorUnits: number, currency: string): string {
  const digits = currencyDigits(currency);
  const major = minorUnits / 10 ** digits;
  const whole = Number.isInteger(major);
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(major);
}

export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

export function formatPercent(locale: string, ratio: number): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

export type DateStyle = "date" | "dateTime" | "time" | "weekdayDate";

const dateStyles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
  weekdayDate: { weekday: "long", day: "numeric", month: "long" },
};

/** An instant shown in a time zone, e.g. a check-in time in the team's zone. */
export function formatDate(locale: string, at: Date, timeZone: string, style: DateStyle = "date"): string {
  return dateFormat(locale, { ...dateStyles[style], timeZone }).format(at);
}

export function formatList(
  locale: string,
  items: readonly string[],
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  const key = `${locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: "long", type });
    listFormats.set(key, format);
  }
  return format.format(items);
}

/** The name of an ISO weekday (1 = Monday) in the locale: "Mon" / "mån". */
export function weekdayName(locale: string, day: IsoWeekday, width: "short" | "long" = "short"): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, day));
  return dateFormat(locale, { weekday: width, timeZone: "UTC" }).format(date);
}
