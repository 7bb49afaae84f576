export { type AbsenceSource, Absences } from "./absences.js";
export {
  addDays,
  DEFAULT_WORK_HOURS,
  type ElapsedOptions,
  eachDate,
  elapsedWorkingDays,
  instantOfWallTime,
  isLocalDate,
  isoWeekday,
  isWorkingDay,
  type LocalDate,
  localDate,
  nextPeriod,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodByKey,
  periodOf,
  periodOfDate,
  previousPeriod,
  publicHolidays,
  startOfLocalDate,
  type WorkCalendar,
  type WorkHours,
  type WorkingDayCount,
  type WorkingDayOptions,
  wallHour,
  workingDays,
  workingHoursBetween,
} from "./calendar.js";
export { type Clock, FixedClock, ShiftedClock, systemClock } from "./clock.js";
export { type CronFields, type CronOccurrence, instantOf, occurrencesBetween, parseCron } from "./cron.js";
export { canonicalHolidayCountry, countryOfZone, holidayCountries } from "./holidays.js";
export { canonicalTimeZone, ISO_WEEKDAYS, type IsoWeekday } from "./zones.js";
