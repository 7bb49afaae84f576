import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { IsoWeekday } from "../../platform/time/index.js";
import { DEFAULT_ROUTINES, type RoutineSettings } from "./rules.js";
import { type RoutineName, teamRoutines } from "./schema.js";

type Row = typeof teamRoutines.$inferSelect;

/** A team's routines: what it saved, the defaults for the rest. */
export function settingsOf(rows: readonly Row[]): RoutineSettings {
  const settings: RoutineSettings = structuredClone(DEFAULT_ROUTINES) as RoutineSettings;
  for (const row of rows) {
    const base = { enabled: row.enabled, days: row.days as IsoWeekday[], time: row.time };
    if (row.routine === "standup") {
      settings.standup = {
        ...base,
        cutoff: row.cutoff ?? DEFAULT_ROUTINES.standup.cutoff,
        askIn: row.askIn ?? DEFAULT_ROUTINES.standup.askIn,
      };
    } else {
      settings[row.routine] = base;
    }
  }
  return settings;
}

/** How a team runs its motivation, spotlight and standup posts. */
export async function routineSettings(db: Db, workspaceId: string, teamId: number): Promise<RoutineSettings> {
  const rows = await db
    .select()
    .from(teamRoutines)
    .where(and(eq(teamRoutines.workspaceId, workspaceId), eq(teamRoutines.teamId, teamId)));
  return settingsOf(rows);
}

/** Saves one routine of a team (a whole setting: what the form or `/team set` decided). */
export async function saveRoutine<N extends RoutineName>(
  db: Db,
  key: { workspaceId: string; teamId: number; routine: N; by: string; at: Date },
  setting: RoutineSettings[N],
): Promise<void> {
  const extra =
    "cutoff" in setting ? { cutoff: setting.cutoff, askIn: setting.askIn } : { cutoff: null, askIn: null };
  const values = {
    enabled: setting.enabled,
    days: [...setting.days],
    time: setting.time,
    ...extra,
    updatedBy: key.by,
    updatedAt: key.at,
  };
  await db
    .insert(teamRoutines)
    .values({ workspaceId: key.workspaceId, teamId: key.teamId, routine: key.routine, ...values })
    .onConflictDoUpdate({ target: [teamRoutines.teamId, teamRoutines.routine], set: values });
}
