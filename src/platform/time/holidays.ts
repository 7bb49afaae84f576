import Holidays from "date-holidays";
import type { Language } from "../i18n/index.js";

let countryNames: Partial<Record<Language, Record<string, string>>> = {};

/** Countries whose public holidays we know (date-holidays), by ISO 3166-1 code, named in the language. */
export function holidayCountries(language: Language): Readonly<Record<string, string>> {
  let names = countryNames[language];
  if (!names) {
    names = new Holidays().getCountries(language) ?? {};
    countryNames = { ...countryNames, [language]: names };
  }
  return names;
}

/** The canonical country code ("se" -> "SE") when we know its holidays, else null. */
export function canonicalHolidayCountry(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code in holidayCountries("en") ? code : null;
}
