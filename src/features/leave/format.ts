import { dateFormat } from "../../platform/i18n/index.js";
import type { LocalDate } from "../../platform/time/index.js";

const noon = (date: LocalDate) => new Date(`${date}T12:00:00Z`);
const DAY: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
};

/**
 * A span of days as people read it in a locale, parts they share said once: "Mon, Jul 6 – Fri, Jul 10,
 * 2026", "mån 6 juli–fre 10 juli 2026"; one day alone when it starts and ends the same day.
 */
export function spanText(locale: string, start: LocalDate, end: LocalDate): string {
  const format = dateFormat(locale, DAY);
  const text = start === end ? format.format(noon(start)) : format.formatRange(noon(start), noon(end));
  // ICU pads the day in some locales' ranges ("mån 06 juli–fre 10 juli"); nobody writes it so.
  // and joins a range with a thin space or none; an ordinary spaced dash reads the same everywhere.
  return text.replace(/(^|\D)0(\d)(?=\D)/g, "$1$2").replace(/\s*–\s*/g, " – ");
}

/** A quota period as people name it: "March 2026" / "mars 2026" for a month, else its first and last day. */
export function periodText(
  locale: string,
  period: { key: string; start: LocalDate; end: LocalDate },
): string {
  if (/^\d{4}-\d{2}$/.test(period.key)) {
    return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(noon(period.start));
  }
  return spanText(locale, period.start, period.end);
}

/** A month's name in a locale: "April" / "april" for 4. */
export function monthName(locale: string, month: number): string {
  return dateFormat(locale, { month: "long", timeZone: "UTC" }).format(
    noon(`2026-${String(month).padStart(2, "0")}-15`),
  );
}
