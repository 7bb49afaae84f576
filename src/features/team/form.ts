import type { RequestContext } from "../../platform/context.js";
import type { Problem } from "../../platform/errors.js";
import { asFieldError, type FormResult, personProblems } from "../../platform/slack/index.js";
import { countryOfZone } from "../../platform/time/index.js";
import { type CreatedTeam, createTeam } from "./create.js";
import { ensureAllowedIn, teamById } from "./directory.js";
import { placesChanged } from "./homes.js";
import { reconcileMembers } from "./members.js";
import { type Placement, sendPlacementNotices } from "./notices.js";
import { teamProblems } from "./problems.js";
import { saveChangedRoutines } from "./routine-settings.js";
import { routineSettings } from "./routine-store.js";
import {
  DEFAULT_ROUTINES,
  type RoutineSettings,
  type RoutinesFormInput,
  validateRoutinesForm,
} from "./routines.js";
import {
  defaultSettings,
  SETTING_KEYS,
  type SettingKey,
  settingParsers,
  type TeamSettings,
} from "./rules.js";
import type { Team } from "./schema.js";
import { ensureUsableChannel, updateSettings } from "./settings.js";
import { findTeam, findTeamByChannel, repTeamsOf, type TeamWithMembers } from "./store.js";

const { problem, error, fieldError } = teamProblems;

/** What the team modal submits, already read from the view state. */
export interface TeamForm {
  teamId: number | null;
  version: number | null;
  name: string;
  channelId: string | null;
  supervisorIds: string[];
  repIds: string[];
  timeZone: string;
  locale: string;
  currency: string;
  holidayCountry: string;
  workWeek: string[];
  quotaPeriod: string;
  escalationHours: string;
  policyReminderDays: string;
  /** The scheduled posts; null from a form opened before it had them (they stay as they are). */
  routines: RoutinesFormInput | null;
}

export type TeamFormResult = FormResult<{
  team: TeamWithMembers;
  routines: RoutineSettings;
  created: boolean;
  appInChannel: boolean | null;
}>;

/**
 * Field problems of the team form, keyed by the modal's block ids; the settings (and routines, read
 * against the team's `current` ones) when there are none.
 */
export function validateForm(
  form: TeamForm,
  current: RoutineSettings,
): {
  errors: Record<string, Problem>;
  settings: TeamSettings | null;
  routines: RoutineSettings;
} {
  const errors: Record<string, Problem> = {};
  const settings: Partial<Record<SettingKey, unknown>> = {};
  const fields: { [K in SettingKey]: string } = {
    name: form.name,
    timeZone: form.timeZone,
    locale: form.locale,
    currency: form.currency,
    holidayCountry: form.holidayCountry,
    workWeek: form.workWeek.join(","),
    quotaPeriod: form.quotaPeriod,
    escalationHours: form.escalationHours,
    policyReminderDays: form.policyReminderDays,
  };
  for (const key of SETTING_KEYS) {
    const parsed = settingParsers[key](fields[key]);
    if (parsed.ok) settings[key] = parsed.value;
    else if (key === "workWeek" && form.workWeek.length === 0)
      errors[key] = problem("team.invalid.workWeekEmpty");
    else errors[key] = parsed.problem;
  }
  if (!form.channelId) errors.channel = problem("team.invalid.channelMissing");
  if (form.supervisorIds.length === 0) errors.supervisors = problem("team.invalid.supervisorsEmpty");
  const both = form.repIds.find((id) => form.supervisorIds.includes(id));
  if (both) errors.reps = problem("team.member.bothRoles", { user: both });
  const routines = form.routines ? validateRoutinesForm(form.routines, current) : null;
  Object.assign(errors, routines?.errors);
  return {
    errors,
    settings: Object.keys(errors).length === 0 ? (settings as TeamSettings) : null,
    routines: routines?.settings ?? current,
  };
}

/**
 * Saves the team modal: creates the team, or makes the team what the form says, refused when someone
 * changed the team after the form opened. One transaction; every change audited; people told by DM.
 */
export async function saveForm(ctx: RequestContext, form: TeamForm): Promise<TeamFormResult> {
  const current =
    form.teamId === null
      ? (structuredClone(DEFAULT_ROUTINES) as RoutineSettings)
      : await routineSettings(ctx.deps.db, ctx.workspaceId, form.teamId);
  const { errors, settings, routines } = validateForm(form, current);
  if (!settings || !form.channelId) return { ok: false, errors };
  const channelId = form.channelId;

  if (form.teamId === null) {
    try {
      const created: CreatedTeam = await createTeam(ctx, {
        name: settings.name,
        channelId,
        supervisorIds: form.supervisorIds,
        repIds: form.repIds,
        settings,
        routines,
      });
      return {
        ok: true,
        team: created.team,
        routines: created.routines,
        created: true,
        appInChannel: created.appInChannel,
      };
    } catch (caught) {
      return asFieldError(caught);
    }
  }

  const team = await teamById(ctx, form.teamId);
  const actor = await ensureAllowedIn(ctx, { type: "team.manage", teamId: team.team.id }, team);
  if (form.version !== team.team.version) throw error("common.error.expiredForm");

  try {
    await checkNewPeople(ctx, team, form);
    if (channelId !== team.team.channelId) await ensureUsableChannel(ctx, channelId);
    const placed = placementsOf(team.supervisorIds, team.repIds);
    const wanted = placementsOf(form.supervisorIds, form.repIds);
    await updateSettings(ctx, team, team.team.version, { ...settings, channelId }, async (change) => {
      const moved = await reconcileMembers(change, placed, wanted);
      await sendPlacementNotices(ctx.deps, change.tx, actor, team.team, moved.joined, moved.left);
      await saveChangedRoutines(change, current, routines);
    });
  } catch (caught) {
    return asFieldError(caught);
  }
  const fresh = (await findTeam(ctx.deps.db, ctx.workspaceId, team.team.id)) ?? team;
  // Everyone who was or is in the team: its name, currency or members show on their Homes.
  placesChanged(
    ctx.deps,
    ctx.workspaceId,
    [team.team.id],
    [...team.supervisorIds, ...team.repIds, ...form.supervisorIds, ...form.repIds],
  );
  return { ok: true, team: fresh, routines, created: false, appInChannel: null };
}

/** People new to the team must be real, active people, and not reps of another team. */
async function checkNewPeople(ctx: RequestContext, team: TeamWithMembers, form: TeamForm): Promise<void> {
  const known = new Set([...team.supervisorIds, ...team.repIds]);
  const newcomers = [...form.supervisorIds, ...form.repIds].filter((id) => !known.has(id));
  for (const [userId, personProblem] of await personProblems(ctx.users, newcomers)) {
    throw fieldError(
      form.supervisorIds.includes(userId) ? "supervisors" : "reps",
      `team.person.${personProblem}`,
      {
        user: userId,
      },
    );
  }
  const newReps = form.repIds.filter((id) => !team.repIds.includes(id));
  for (const [userId, other] of await repTeamsOf(ctx.deps.db, ctx.workspaceId, newReps)) {
    if (other.teamId !== team.team.id) {
      throw fieldError("reps", "team.member.inOtherTeam", { user: userId, team: other.teamName });
    }
  }
}

function placementsOf(supervisorIds: readonly string[], repIds: readonly string[]): Placement[] {
  return [
    ...supervisorIds.map((userId) => ({ userId, role: "supervisor" as const })),
    ...repIds.map((userId) => ({ userId, role: "rep" as const })),
  ];
}

/** Loads what the modal shows: the team to edit (checking the person may), or defaults for a new one. */
export async function formFor(
  ctx: RequestContext,
  target: { teamId: number } | { channelId: string },
): Promise<{
  team: TeamWithMembers | null;
  defaults: TeamSettings;
  routines: RoutineSettings;
  channelId: string | null;
}> {
  const team =
    "teamId" in target
      ? await teamById(ctx, target.teamId)
      : await findTeamByChannel(ctx.deps.db, ctx.workspaceId, target.channelId);
  if (team) {
    await ensureAllowedIn(ctx, { type: "team.manage", teamId: team.team.id }, team);
    return {
      team,
      defaults: settingsOf(team.team),
      routines: await routineSettings(ctx.deps.db, ctx.workspaceId, team.team.id),
      channelId: team.team.channelId,
    };
  }
  if ("teamId" in target) throw error("team.gone");
  await ensureAllowedIn(ctx, { type: "team.create" });
  const me = await ctx.users.get(ctx.userId);
  return {
    team: null,
    defaults: defaultSettings("", { tz: me?.tz ?? null, locale: me?.locale ?? null, countryOfZone }),
    routines: structuredClone(DEFAULT_ROUTINES) as RoutineSettings,
    channelId: /^[CG]/.test(target.channelId) ? target.channelId : null,
  };
}

export function settingsOf(team: Team): TeamSettings {
  return {
    name: team.name,
    timeZone: team.timeZone,
    locale: team.locale,
    currency: team.currency,
    holidayCountry: team.holidayCountry,
    workWeek: team.workWeek as TeamSettings["workWeek"],
    quotaPeriod: team.quotaPeriod,
    escalationHours: team.escalationHours,
    policyReminderDays: team.policyReminderDays,
  };
}
