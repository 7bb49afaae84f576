import type { RequestContext } from "../../platform/context.js";
import { problemError } from "../../platform/errors.js";
import { personProblems } from "../../platform/slack/index.js";
import { countryOfZone } from "../../platform/time/index.js";
import { auditTeam, snapshot, type TeamChange } from "./audit.js";
import { ensureAllowedIn } from "./directory.js";
import { placesChanged } from "./homes.js";
import { explainConflict } from "./members.js";
import { type Placement, sendPlacementNotices } from "./notices.js";
import { teamProblems } from "./problems.js";
import { saveChangedRoutines, scheduleChanged } from "./routine-settings.js";
import { DEFAULT_ROUTINES, type RoutineSettings } from "./routines.js";
import { defaultSettings, parseName, type TeamSettings } from "./rules.js";
import { findTeamByChannel, insertMember, insertTeam, repTeamsOf, type TeamWithMembers } from "./store.js";

const { fieldError } = teamProblems;

export interface CreateTeamInput {
  name: string;
  channelId: string;
  supervisorIds: string[];
  /** Anything the creator chose already (the modal); the rest comes from the first supervisor's profile. */
  settings?: Partial<TeamSettings>;
  repIds?: string[];
  /** Its scheduled posts, when the creator chose them (the modal); the defaults otherwise. */
  routines?: RoutineSettings;
}

export interface CreatedTeam {
  team: TeamWithMembers;
  /** False when the app is not in the team's channel yet and must be invited to post there. */
  appInChannel: boolean;
  /** Whose Slack profile the settings nobody chose came from, when some were not chosen. */
  defaultsFrom: string | null;
  /** Its scheduled posts. */
  routines: RoutineSettings;
}

/** Creates a team bound to a channel, with its supervisors (and reps, from the modal). Admins only. */
export async function createTeam(ctx: RequestContext, input: CreateTeamInput): Promise<CreatedTeam> {
  const { deps } = ctx;
  const actor = await ensureAllowedIn(ctx, { type: "team.create" });
  const name = parseName(input.name);
  if (!name.ok) throw problemError(name.problem, "name");
  if (!/^[CG]/.test(input.channelId)) throw fieldError("channel", "team.create.notAChannel");
  const supervisorIds = input.supervisorIds.length > 0 ? [...new Set(input.supervisorIds)] : [actor.userId];
  const repIds = [...new Set(input.repIds ?? [])];
  const both = repIds.find((id) => supervisorIds.includes(id));
  if (both) throw fieldError("reps", "team.member.bothRoles", { user: both });

  const problems = await personProblems(ctx.users, [...supervisorIds, ...repIds]);
  for (const [userId, problem] of problems) {
    throw fieldError(supervisorIds.includes(userId) ? "supervisors" : "reps", `team.person.${problem}`, {
      user: userId,
    });
  }
  const [existing, elsewhere, channel, firstSupervisor] = await Promise.all([
    findTeamByChannel(deps.db, actor.workspaceId, input.channelId),
    repTeamsOf(deps.db, actor.workspaceId, repIds),
    ctx.slack.channelInfo(input.channelId),
    ctx.users.get(supervisorIds[0] as string),
  ]);
  if (existing) throw fieldError("channel", "team.create.channelTaken", { team: existing.team.name });
  if (!channel) throw fieldError("channel", "team.create.channelUnknown", { channel: input.channelId });
  if (channel.isArchived)
    throw fieldError("channel", "team.create.channelArchived", { channel: input.channelId });
  for (const [userId, other] of elsewhere) {
    throw fieldError("reps", "team.member.inOtherTeam", { user: userId, team: other.teamName });
  }

  const defaults = defaultSettings(name.value, {
    tz: firstSupervisor?.tz ?? null,
    locale: firstSupervisor?.locale ?? null,
    countryOfZone,
  });
  const settings: TeamSettings = { ...defaults, ...input.settings, name: name.value };
  const chosenAll = Object.keys(input.settings ?? {}).length >= Object.keys(defaults).length - 1;
  const placements: Placement[] = [
    ...supervisorIds.map((userId) => ({ userId, role: "supervisor" as const })),
    ...repIds.map((userId) => ({ userId, role: "rep" as const })),
  ];
  const now = deps.clock.now();
  const team = await deps.db
    .transaction(async (tx) => {
      const row = await insertTeam(tx, {
        workspaceId: actor.workspaceId,
        channelId: input.channelId,
        ...settings,
        createdAt: now,
        updatedAt: now,
      });
      const change: TeamChange = { tx, actor, teamId: row.id, now };
      await auditTeam(change, "team.team.create", null, { ...snapshot(row), supervisorIds, repIds });
      for (const placement of placements) {
        await insertMember(tx, {
          workspaceId: actor.workspaceId,
          teamId: row.id,
          ...placement,
          addedBy: actor.userId,
          addedAt: now,
        });
      }
      await sendPlacementNotices(deps, tx, actor, row, placements, []);
      if (input.routines) await saveChangedRoutines(change, DEFAULT_ROUTINES, input.routines);
      return row;
    })
    .catch((caught: unknown) => explainConflict(caught, { name: name.value, channelId: input.channelId }));
  await scheduleChanged(deps, actor.workspaceId, team.id);
  placesChanged(deps, actor.workspaceId, [team.id], [...supervisorIds, ...repIds]);

  return {
    team: { team, supervisorIds, repIds },
    appInChannel: channel.isMember,
    defaultsFrom: chosenAll ? null : (supervisorIds[0] as string),
    routines: input.routines ?? (structuredClone(DEFAULT_ROUTINES) as RoutineSettings),
  };
}
