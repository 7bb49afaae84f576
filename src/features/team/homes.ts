import { overseers } from "../../platform/access/index.js";
import type { Deps } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import { findTeam } from "./store.js";

/**
 * After people's places in teams changed (committed), and after the answer: their own Homes (a team's part
 * comes or goes), the teams' supervisors' (the leaderboard), executives' (every team at a glance) and
 * admins' (the team set-up, who has no team).
 */
export function placesChanged(
  deps: Deps,
  workspaceId: string,
  teamIds: readonly number[],
  people: readonly string[],
): void {
  deps.tasks.run("home after a team change", async () => {
    const teams = await Promise.all([...new Set(teamIds)].map((id) => findTeam(deps.db, workspaceId, id)));
    await homeChanged(deps, {
      workspaceId,
      userIds: [
        ...people,
        ...teams.flatMap((t) => t?.supervisorIds ?? []),
        ...(await overseers(deps, workspaceId)),
      ],
    });
  });
}
