import type { Clock, LocalDate, WorkCalendar } from "../../platform/time/index.js";
import { localDate } from "../../platform/time/index.js";
import type { Team } from "./schema.js";

/** The calendar a team works by: its work week and the public holidays of its country. */
export function workCalendarOf(team: Pick<Team, "workWeek" | "holidayCountry">): WorkCalendar {
  return { workWeek: team.workWeek as WorkCalendar["workWeek"], holidayCountry: team.holidayCountry };
}

/** Today's date in the team's time zone. */
export function teamToday(team: Pick<Team, "timeZone">, clock: Pick<Clock, "now">): LocalDate {
  return localDate(clock.now(), team.timeZone);
}
