import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { IsoWeekday } from "../../platform/time/index.js";
import { DEFAULT_ROUTINES, type RoutineSettings } from "./routines.js";
import { ROUTINES, type RoutineName, type Team, type TeamRoutineRow, teamRoutines, teams } from "./schema.js";

/** A team's routines: what it saved, the defaults for the rest. */
export function settingsOf(
  rows: readonly Pick<TeamRoutineRow, "routine" | "enabled" | "days" | "time" | "cutoff" | "askIn">[],
): RoutineSettings {
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

/** A team as its scheduled posts need it: where and when, its routines, and when each was last saved. */
export interface ScheduledTeam {
  team: Pick<Team, "id" | "workspaceId" | "timeZone" | "createdAt">;
  routines: RoutineSettings;
  /** When each routine's setting was saved (null: the defaults since the team was made). */
  savedAt: Record<RoutineName, Date | null>;
}

/**
 * Every team of every workspace (or the given ones) with its routines, in two queries: what the clock of
 * scheduled posts plans from.
 */
export async function scheduledTeams(db: Db, teamIds?: readonly number[]): Promise<ScheduledTeam[]> {
  if (teamIds && teamIds.length === 0) return [];
  const rows = await db
    .select({
      id: teams.id,
      workspaceId: teams.workspaceId,
      timeZone: teams.timeZone,
      createdAt: teams.createdAt,
    })
    .from(teams)
    .where(teamIds ? inArray(teams.id, [...teamIds]) : undefined)
    .orderBy(asc(teams.id));
  if (rows.length === 0) return [];
  const routineRows = await db
    .select()
    .from(teamRoutines)
    .where(
      inArray(
        teamRoutines.teamId,
        rows.map((row) => row.id),
      ),
    );
  return rows.map((team) => {
    const own = routineRows.filter((row) => row.teamId === team.id);
    const savedAt = Object.fromEntries(
      ROUTINES.map((routine) => [routine, own.find((row) => row.routine === routine)?.updatedAt ?? null]),
    ) as Record<RoutineName, Date | null>;
    return { team, routines: settingsOf(own), savedAt };
  });
}
