const zoneCache = new Map<string, string | null>();

/** The canonical spelling of an IANA time zone ("europe/stockholm" -> "Europe/Stockholm"), or null. */
export function canonicalTimeZone(input: string): string | null {
  const key = input.trim();
  if (!key) return null;
  const cached = zoneCache.get(key);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  const lower = key.toLowerCase();
  const known = Intl.supportedValuesOf("timeZone").find((zone) => zone.toLowerCase() === lower);
  if (known) result = known;
  else if (lower === "utc" || lower === "etc/utc") result = "UTC";
  else {
    try {
      result = new Intl.DateTimeFormat("en", { timeZone: key }).resolvedOptions().timeZone;
    } catch {
      result = null;
    }
  }
  zoneCache.set(key, result);
  return result;
}

/** Weekday numbers follow ISO 8601: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
