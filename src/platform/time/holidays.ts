import Holidays from "date-holidays";

const countryNames = new Map<string, Record<string, string>>();

/**
 * Countries whose public holidays we know (date-holidays), by ISO 3166-1 code, named in the language
 * (an ISO 639-1 code such as "en" or "sv").
 */
export function holidayCountries(language: string): Readonly<Record<string, string>> {
  let names = countryNames.get(language);
  if (!names) {
    names = new Holidays().getCountries(language) ?? {};
    countryNames.set(language, names);
  }
  return names;
}

/** The canonical country code ("se" -> "SE") when we know its holidays, else null. */
export function canonicalHolidayCountry(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code in holidayCountries("en") ? code : null;
}

let zoneCountries: Map<string, string[]> | undefined;

/** Zones several countries keep: the country the zone is named for in the IANA database. */
const ZONE_HOME: Record<string, string> = {
  "Europe/Oslo": "NO",
  "Europe/Helsinki": "FI",
  "Europe/Zurich": "CH",
  "Europe/Rome": "IT",
  "Europe/Belgrade": "RS",
  "Atlantic/Canary": "ES",
  "Africa/Johannesburg": "ZA",
  "Africa/Lagos": "NG",
  "Africa/Nairobi": "KE",
  "Africa/Abidjan": "CI",
  "Africa/Maputo": "MZ",
  "Asia/Bangkok": "TH",
  "America/Panama": "PA",
  "America/Port_of_Spain": "TT",
  "America/Curacao": "CW",
};

/**
 * The country a time zone belongs to ("Europe/Stockholm" -> "SE", "Europe/Oslo" -> "NO" though Svalbard
 * keeps it too); null for zones of no country (UTC, Etc/GMT+1) or unknown ones.
 */
export function countryOfZone(zone: string): string | null {
  if (!zoneCountries) {
    zoneCountries = new Map();
    for (const code of Object.keys(holidayCountries("en"))) {
      for (const z of new Holidays(code).getTimezones() ?? []) {
        zoneCountries.set(z, [...(zoneCountries.get(z) ?? []), code]);
      }
    }
  }
  const countries = zoneCountries.get(zone) ?? [];
  if (countries.length === 1) return countries[0] as string;
  const home = ZONE_HOME[zone];
  return home && countries.includes(home) ? home : null;
}
