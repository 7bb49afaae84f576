import type { Deps } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import { supervisorIdsOf } from "../team/index.js";

/** At most one Home refresh a second per team for its check-ins; those in between are gathered into it. */
export const HOME_REFRESH_GAP_MS = 1000;

interface TeamRefresh {
  /** Reps whose check-ins wait for the next refresh; null when none is waiting. */
  reps: Set<string> | null;
  /** When this team's last refresh went (performance.now()). */
  lastAt: number;
}

const refreshes = new WeakMap<Deps["tasks"], Map<string, TeamRefresh>>();

/**
 * After a check-in was recorded, taken back, corrected or removed (and committed), and after the answer:
 * the rep's Home shows their quota, the team supervisors' Homes the leaderboard. A quiet team's refresh
 * goes at once; a busy team's check-ins are gathered, so a team checking in a hundred times a second costs
 * one refresh a second (its supervisors read once), not three statements a check-in. Tracked work: shutdown
 * and tests wait for a gathered refresh.
 */
export function refreshHomes(
  deps: Pick<Deps, "db" | "tasks" | "hooks" | "log">,
  checkin: { workspaceId: string; teamId: number; repId: string },
): void {
  let teams = refreshes.get(deps.tasks);
  if (!teams) {
    teams = new Map();
    refreshes.set(deps.tasks, teams);
  }
  const key = `${checkin.workspaceId}:${checkin.teamId}`;
  const team = teams.get(key) ?? { reps: null, lastAt: Number.NEGATIVE_INFINITY };
  teams.set(key, team);
  if (team.reps) {
    team.reps.add(checkin.repId);
    return;
  }
  const reps = new Set([checkin.repId]);
  team.reps = reps;
  deps.tasks.run(`Homes after check-ins in team ${checkin.teamId}`, async () => {
    const wait = team.lastAt + HOME_REFRESH_GAP_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // From here on a check-in starts the next gathering.
    team.reps = null;
    team.lastAt = performance.now();
    const supervisors = await supervisorIdsOf(deps.db, checkin.workspaceId, checkin.teamId);
    await homeChanged(deps, { workspaceId: checkin.workspaceId, userIds: [...reps, ...supervisors] });
  });
}
