import type { IsoWeekday } from "../time/index.js";
import type { Catalog, Catalogs, Language, ParamsOf } from "./catalog.js";
import {
  type DateStyle,
  formatDate,
  formatList,
  formatMoney,
  formatNumber,
  formatPercent,
  weekdayName,
} from "./format.js";

export interface Translator<C extends Catalog> {
  readonly language: Language;
  /** BCP 47 locale used for Intl formatting. */
  readonly locale: string;
  t<K extends keyof C & string>(key: K, ...params: ParamsOf<C[K]>): string;
  /** Renders a key that arrived untyped (from a UserError); unknown keys fall back to English, then to the key. */
  raw(key: string, params?: unknown): string;
  money(minorUnits: number, currency: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(ratio: number): string;
  date(at: Date, timeZone: string, style?: DateStyle): string;
  list(items: readonly string[], type?: "conjunction" | "disjunction"): string;
  weekday(day: IsoWeekday, width?: "short" | "long"): string;
}

export function createTranslator<C extends Catalog>(
  catalogs: Catalogs<C>,
  language: Language,
  locale: string,
): Translator<C> {
  const catalog = catalogs[language];
  const render = (message: unknown, params: unknown): string =>
    typeof message === "function" ? (message as (p: unknown) => string)(params) : String(message);
  return {
    language,
    locale,
    t: (key, ...params) => render(catalog[key], params[0]),
    raw: (key, params) => {
      const message = catalog[key] ?? catalogs.en[key];
      return message === undefined ? key : render(message, params);
    },
    money: (minorUnits, currency) => formatMoney(locale, minorUnits, currency),
    number: (value, options) => formatNumber(locale, value, options),
    percent: (ratio) => formatPercent(locale, ratio),
    date: (at, timeZone, style) => formatDate(locale, at, timeZone, style),
    list: (items, type) => formatList(locale, items, type),
    weekday: (day, width) => weekdayName(locale, day, width),
  };
}
