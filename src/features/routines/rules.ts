import type { IsoWeekday } from "../../platform/time/index.js";
import type { AskIn, RoutineName } from "./schema.js";

/** How a team runs one routine (its row, or the defaults). */
export interface RoutineSetting {
  enabled: boolean;
  days: IsoWeekday[];
  /** "HH:MM" in the team's zone. */
  time: string;
}

export interface StandupSetting extends RoutineSetting {
  /** "HH:MM" the same day: the summary is posted then; later answers are marked late. */
  cutoff: string;
  askIn: AskIn;
}

export interface RoutineSettings {
  motivation: RoutineSetting;
  spotlight: RoutineSetting;
  standup: StandupSetting;
}

/** What a team runs until someone changes it: motivation Mon and Thu 08:30, spotlight Wed 09:00, standup Mon 09:00 to 14:00. */
export const DEFAULT_ROUTINES: Readonly<RoutineSettings> = Object.freeze({
  motivation: { enabled: true, days: [1, 4] as IsoWeekday[], time: "08:30" },
  spotlight: { enabled: true, days: [3] as IsoWeekday[], time: "09:00" },
  standup: {
    enabled: true,
    days: [1] as IsoWeekday[],
    time: "09:00",
    cutoff: "14:00",
    askIn: "thread" as AskIn,
  },
});

/** A routine's days and time as a five-field cron expression (read in the team's zone). */
export function cronOfRoutine(
  setting: Pick<RoutineSetting, "days" | "time">,
  at: "time" | string = "time",
): string {
  const [hour, minute] = (at === "time" ? setting.time : at).split(":").map(Number);
  const days = [...setting.days].sort((a, b) => a - b).map((d) => d % 7);
  return `${minute} ${hour} * * ${days.join(",")}`;
}

export type { RoutineName };
