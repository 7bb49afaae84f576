import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { problemError } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import { auditTeam, type TeamChange } from "./audit.js";
import { routineSettings, saveRoutine } from "./routine-store.js";
import { parseRoutineChange, type RoutineSettings, sameRoutine } from "./routines.js";
import { ROUTINES, type RoutineName } from "./schema.js";
import { bumpVersion, type TeamWithMembers } from "./store.js";

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * After a team's schedule changed in this process (a routine, the team's time zone, a team made): the
     * clock of scheduled posts (routines) replans that team at once rather than at its next look. When a
     * routine was changed by a person, the answer is what to tell them (when it runs next), in `language`.
     */
    "team.schedule.changed": {
      args: {
        workspaceId: string;
        teamId: number;
        told: { routine: RoutineName; language: Language } | null;
      };
      answer: string[];
    };
  }
}

/**
 * Tells whoever plans from a team's settings that they changed (after the change committed); with `told`,
 * the lines they have for the person who changed a routine.
 */
export async function scheduleChanged(
  deps: Deps,
  workspaceId: string,
  teamId: number,
  told: { routine: RoutineName; language: Language } | null = null,
): Promise<string[]> {
  return (await deps.hooks.ask("team.schedule.changed", { workspaceId, teamId, told })).flat();
}

/**
 * Saves, inside a team change's transaction, the routines that differ from what they were (each audited,
 * each with the moment it was saved); unchanged ones keep theirs. True when something was saved.
 */
export async function saveChangedRoutines(
  change: TeamChange,
  before: RoutineSettings,
  after: RoutineSettings,
): Promise<boolean> {
  let saved = false;
  for (const routine of ROUTINES) {
    if (sameRoutine(before[routine], after[routine])) continue;
    await saveRoutine(
      change.tx,
      {
        workspaceId: change.actor.workspaceId,
        teamId: change.teamId,
        routine,
        by: change.actor.userId,
        at: change.now,
      },
      after[routine],
    );
    await auditTeam(
      change,
      "team.routine.update",
      { routine, ...before[routine] },
      { routine, ...after[routine] },
    );
    saved = true;
  }
  return saved;
}

/**
 * `/team set motivation mon,thu 08:30` (or `off`, `on`, `standup cutoff 14:00`, `standup ask dm`): one
 * routine changed, audited, the team's version moved on (a form left open does not overwrite it), and
 * the team replanned. The caller checked the person may manage the team.
 */
export async function changeRoutine(
  ctx: RequestContext,
  team: TeamWithMembers,
  routine: RoutineName,
  value: string,
  language: Language,
): Promise<{ routines: RoutineSettings; notes: string[] }> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  const current = await routineSettings(deps.db, actor.workspaceId, team.team.id);
  const parsed = parseRoutineChange(routine, value, current[routine]);
  if (!parsed.ok) throw problemError(parsed.problem);
  const after: RoutineSettings = { ...current, [routine]: parsed.value };
  await deps.db.transaction(async (tx: Db) => {
    const now = deps.clock.now();
    const change: TeamChange = { tx, actor, teamId: team.team.id, now };
    if (await saveChangedRoutines(change, current, after))
      await bumpVersion(tx, actor.workspaceId, team.team.id, now);
  });
  // Replanned at once; asked even when nothing changed, for when the routine runs next.
  const notes = await scheduleChanged(deps, actor.workspaceId, team.team.id, { routine, language });
  return { routines: after, notes };
}
