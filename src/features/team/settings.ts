import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { problemError } from "../../platform/errors.js";
import type { Language } from "../../platform/i18n/index.js";
import { addDays, periodOf } from "../../platform/time/index.js";
import { auditSettings, type TeamChange } from "./audit.js";
import { ensureAllowedIn } from "./directory.js";
import { teamHomesChanged } from "./homes.js";
import { explainConflict } from "./members.js";
import { teamProblems } from "./problems.js";
import { changeRoutine, scheduleChanged } from "./routine-settings.js";
import type { RoutineSettings } from "./routines.js";
import { type SettingKey, settingKeyOf, settingParsers, type TeamSettings } from "./rules.js";
import { ROUTINES, type RoutineName, type Team } from "./schema.js";
import { type TeamWithMembers, updateTeam } from "./store.js";

const { error, fieldError } = teamProblems;

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * Before a team's currency changes: what still counts in the old currency this period (quotas
     * answer: check-ins and targets), since it would stop counting in the new one.
     */
    "team.currency.inUse": {
      args: { db: Db; team: Team; periodStart: string; periodEnd: string; periodKey: string };
      answer: { checkins: number; targets: number };
    };
  }
}

export type SettingChange =
  | { team: TeamWithMembers; key: SettingKey | "channel" }
  | { team: TeamWithMembers; key: RoutineName; routines: RoutineSettings; notes: string[] };

const isRoutine = (key: string): key is RoutineName => (ROUTINES as readonly string[]).includes(key);

/** `/team set <key> <value>`: one setting, validated, audited. Supervisors of the team and admins. */
export async function changeSetting(
  ctx: RequestContext,
  team: TeamWithMembers,
  keyWord: string,
  value: string,
  channelId: string | null,
  language: Language,
): Promise<SettingChange> {
  await ensureAllowedIn(ctx, { type: "team.manage", teamId: team.team.id }, team);
  const key = settingKeyOf(keyWord);
  if (!key) throw error("team.set.unknownKey", { key: keyWord });
  if (isRoutine(key)) return { team, key, ...(await changeRoutine(ctx, team, key, value, language)) };
  let patch: Partial<TeamSettings> & { channelId?: string };
  if (key === "channel") {
    if (!channelId) throw error("team.set.channelUsage");
    await ensureUsableChannel(ctx, channelId);
    patch = { channelId };
  } else {
    const parsed = settingParsers[key](value);
    if (!parsed.ok) throw problemError(parsed.problem);
    patch = { [key]: parsed.value };
  }
  const updated = await updateSettings(ctx, team, team.team.version, patch);
  // The team's Homes show its period, money and reminders: its people's, its supervisors', the overseers'.
  teamHomesChanged(ctx.deps, ctx.workspaceId, [team.team.id], [...team.supervisorIds, ...team.repIds]);
  return { team: { ...team, team: updated }, key };
}

/** Throws unless the channel exists, the app can see it, and it is not archived. */
export async function ensureUsableChannel(ctx: RequestContext, channelId: string): Promise<void> {
  const channel = await ctx.slack.channelInfo(channelId);
  if (!channel) throw fieldError("channel", "team.create.channelUnknown", { channel: channelId });
  if (channel.isArchived) throw fieldError("channel", "team.create.channelArchived", { channel: channelId });
}

/**
 * Changes settings of the team as it was at `version`, audits what changed, and, inside the same
 * transaction, lets the caller change members too. Refused when someone changed the team since, and
 * refused when a new currency would leave this period's check-ins or targets behind in the old one.
 */
export async function updateSettings(
  ctx: RequestContext,
  team: TeamWithMembers,
  version: number,
  patch: Partial<TeamSettings> & { channelId?: string },
  alsoInTransaction?: (change: TeamChange) => Promise<void>,
): Promise<Team> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  const updated = await deps.db
    .transaction(async (tx) => {
      const now = deps.clock.now();
      const row = await updateTeam(tx, actor.workspaceId, team.team.id, version, {
        ...patch,
        updatedAt: now,
      });
      if (!row) throw error("common.error.expiredForm");
      if (row.currency !== team.team.currency)
        await ensureCurrencyFree(ctx, tx, team.team, row.currency, now);
      const change: TeamChange = { tx, actor, teamId: team.team.id, now };
      await auditSettings(change, team.team, row);
      await alsoInTransaction?.(change);
      return row;
    })
    .catch((caught: unknown) => explainConflict(caught, { name: patch.name, channelId: patch.channelId }));
  await scheduleChanged(deps, actor.workspaceId, team.team.id);
  return updated;
}

/** Refuses a currency change while the current period has figures in the old currency, saying why. */
async function ensureCurrencyFree(
  ctx: RequestContext,
  tx: Db,
  team: Team,
  next: string,
  now: Date,
): Promise<void> {
  const period = periodOf(now, team.timeZone, team.quotaPeriod);
  const answers = await ctx.deps.hooks.ask("team.currency.inUse", {
    db: tx,
    team,
    periodStart: period.start,
    periodEnd: period.end,
    periodKey: period.key,
  });
  const checkins = answers.reduce((n, a) => n + a.checkins, 0);
  const targets = answers.reduce((n, a) => n + a.targets, 0);
  if (checkins === 0 && targets === 0) return;
  throw fieldError("currency", "team.set.currencyInUse", {
    team: team.name,
    from: team.currency,
    to: next,
    checkins,
    targets,
    nextPeriod: addDays(period.end, 1),
  });
}
