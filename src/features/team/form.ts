import type { Actor } from "../../platform/access/index.js";
import type { Deps } from "../../platform/deps.js";
import { UserError } from "../../platform/slack/index.js";
import {
  defaultSettings,
  type Problem,
  SETTING_KEYS,
  type SettingKey,
  settingParsers,
  type TeamSettings,
} from "./rules.js";
import type { Team } from "./schema.js";
import {
  announce,
  createTeam,
  ensureAllowed,
  ensureUsableChannel,
  type Placement,
  personProblems,
  reconcileMembers,
  updateSettings,
} from "./service.js";
import { findTeam, findTeamByChannel, repTeamsOf, type TeamWithMembers } from "./store.js";

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
}

export type FormResult =
  | { ok: true; team: TeamWithMembers; created: boolean; appInChannel: boolean | null }
  | { ok: false; errors: Record<string, Problem> };

/** Field problems of the team form, keyed by the modal's block ids; the settings when there are none. */
export function validateForm(form: TeamForm): {
  errors: Record<string, Problem>;
  settings: TeamSettings | null;
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
  };
  for (const key of SETTING_KEYS) {
    const parsed = settingParsers[key](fields[key]);
    if (parsed.ok) settings[key] = parsed.value;
    else if (key === "workWeek" && form.workWeek.length === 0)
      errors[key] = { key: "team.invalid.workWeekEmpty" };
    else errors[key] = parsed.problem;
  }
  if (!form.channelId) errors.channel = { key: "team.invalid.channelMissing" };
  if (form.supervisorIds.length === 0) errors.supervisors = { key: "team.invalid.supervisorsEmpty" };
  const both = form.repIds.find((id) => form.supervisorIds.includes(id));
  if (both) errors.reps = { key: "team.member.bothRoles", params: { user: both } };
  return { errors, settings: Object.keys(errors).length === 0 ? (settings as TeamSettings) : null };
}

/** A UserError about one field becomes that field's error; anything else is not the form's business. */
function asFieldError(error: unknown): FormResult {
  if (error instanceof UserError && error.field) {
    return {
      ok: false,
      errors: { [error.field]: { key: error.key, params: error.params as Record<string, unknown> } },
    };
  }
  throw error;
}

/**
 * Saves the team modal: creates the team, or makes the team what the form says, refused when someone
 * changed the team after the form opened. One transaction; every change audited; people told by DM.
 */
export async function saveForm(deps: Deps, actor: Actor, form: TeamForm): Promise<FormResult> {
  const { errors, settings } = validateForm(form);
  if (!settings || !form.channelId) return { ok: false, errors };
  const channelId = form.channelId;

  if (form.teamId === null) {
    try {
      const created = await createTeam(deps, actor, {
        name: settings.name,
        channelId,
        supervisorIds: form.supervisorIds,
        repIds: form.repIds,
        settings,
      });
      return { ok: true, team: created.team, created: true, appInChannel: created.appInChannel };
    } catch (error) {
      return asFieldError(error);
    }
  }

  const team = await findTeam(deps.db, actor.workspaceId, form.teamId);
  if (!team) throw new UserError("team.gone");
  await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
  if (form.version !== team.team.version) throw new UserError("common.error.expiredForm");

  try {
    await checkNewPeople(deps, actor, team, form);
    if (channelId !== team.team.channelId) await ensureUsableChannel(deps, channelId);
    const current = placementsOf(team.supervisorIds, team.repIds);
    const wanted = placementsOf(form.supervisorIds, form.repIds);
    let moved: { joined: Placement[]; left: string[] } = { joined: [], left: [] };
    const updated = await updateSettings(
      deps,
      actor,
      team,
      team.team.version,
      { ...settings, channelId },
      async (change) => {
        moved = await reconcileMembers(change, current, wanted);
      },
    );
    announce(deps, actor, updated, moved.joined, moved.left);
  } catch (error) {
    return asFieldError(error);
  }
  const fresh = (await findTeam(deps.db, actor.workspaceId, team.team.id)) ?? team;
  return { ok: true, team: fresh, created: false, appInChannel: null };
}

/** People new to the team must be real, active people, and not reps of another team. */
async function checkNewPeople(
  deps: Deps,
  actor: Actor,
  team: TeamWithMembers,
  form: TeamForm,
): Promise<void> {
  const known = new Set([...team.supervisorIds, ...team.repIds]);
  const newcomers = [...form.supervisorIds, ...form.repIds].filter((id) => !known.has(id));
  for (const [userId, problem] of await personProblems(deps, newcomers)) {
    throw new UserError(
      `team.person.${problem}`,
      { user: userId },
      form.supervisorIds.includes(userId) ? "supervisors" : "reps",
    );
  }
  const newReps = form.repIds.filter((id) => !team.repIds.includes(id));
  for (const [userId, other] of await repTeamsOf(deps.db, actor.workspaceId, newReps)) {
    if (other.teamId !== team.team.id) {
      throw new UserError("team.member.inOtherTeam", { user: userId, team: other.teamName }, "reps");
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
  deps: Deps,
  actor: Actor,
  target: { teamId: number } | { channelId: string },
): Promise<{ team: TeamWithMembers | null; defaults: TeamSettings; channelId: string | null }> {
  const team =
    "teamId" in target
      ? await findTeam(deps.db, actor.workspaceId, target.teamId)
      : await findTeamByChannel(deps.db, actor.workspaceId, target.channelId);
  if (team) {
    await ensureAllowed(deps, actor, { type: "team.manage", teamId: team.team.id }, team);
    return { team, defaults: settingsOf(team.team), channelId: team.team.channelId };
  }
  if ("teamId" in target) throw new UserError("team.gone");
  await ensureAllowed(deps, actor, { type: "team.create" });
  const me = await deps.users.get(actor.userId);
  return {
    team: null,
    defaults: defaultSettings("", { tz: me?.tz ?? null, locale: me?.locale ?? null }),
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
  };
}
