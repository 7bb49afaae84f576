export { type Clock, FixedClock, systemClock } from "./clock.js";
export { canonicalHolidayCountry, holidayCountries } from "./holidays.js";
export { canonicalTimeZone, ISO_WEEKDAYS, type IsoWeekday } from "./zones.js";
