import { overseers } from "../../platform/access/index.js";
import type { Deps } from "../../platform/deps.js";
import { homeChanged } from "../../platform/hooks.js";
import { findTeam } from "./store.js";

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * People joined or left these teams (committed), after the answer: features that owe a team's people
     * something answer (policies ask a newcomer to acknowledge the team's active policies at once).
     */
    "team.people.changed": { args: { workspaceId: string; teamIds: number[] }; answer: undefined };
  }
}

/**
 * After people's places in teams changed (committed), and after the answer: what the teams' people are
 * owed (see "team.people.changed"), and the Homes that show it (`teamHomesChanged`).
 */
export function placesChanged(
  deps: Deps,
  workspaceId: string,
  teamIds: readonly number[],
  people: readonly string[],
): void {
  deps.tasks.run("after a team change", async () => {
    try {
      await deps.hooks.ask("team.people.changed", { workspaceId, teamIds: [...new Set(teamIds)] });
    } catch (error) {
      deps.log.warn("what a team's new people are owed waits for its next sweep", error);
    }
    await refreshHomes(deps, workspaceId, teamIds, people);
  });
}

/**
 * After a team's settings changed (committed), and after the answer: the Homes that show the team, as
 * for a change of people.
 */
export function teamHomesChanged(
  deps: Deps,
  workspaceId: string,
  teamIds: readonly number[],
  people: readonly string[],
): void {
  deps.tasks.run("home after a team change", () => refreshHomes(deps, workspaceId, teamIds, people));
}

/**
 * The people's own Homes (a team's part comes or goes), the teams' supervisors' (the leaderboard),
 * executives' (every team at a glance) and admins' (the team set-up, who has no team).
 */
async function refreshHomes(
  deps: Deps,
  workspaceId: string,
  teamIds: readonly number[],
  people: readonly string[],
): Promise<void> {
  const teams = await Promise.all([...new Set(teamIds)].map((id) => findTeam(deps.db, workspaceId, id)));
  await homeChanged(deps, {
    workspaceId,
    userIds: [
      ...people,
      ...teams.flatMap((t) => t?.supervisorIds ?? []),
      ...(await overseers(deps, workspaceId)),
    ],
  });
}
