import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { currencyDigits } from "../../platform/i18n/index.js";
import type { Team, TeamWithMembers } from "../team/index.js";
import { readAmount } from "./money.js";
import { quotaProblems } from "./problems.js";
import { DEFAULT_CONFIRM_ABOVE_MAJOR, DEFAULT_MAX_CHECKIN_MAJOR } from "./rules.js";
import type { QuotaSettings } from "./schema.js";
import { findSettings, lockSettings, type SettingsPatch, updateSettings } from "./store.js";
import { ensureRuns } from "./teams.js";

const { error } = quotaProblems;

/** A team's quota rules, with the defaults filled in. */
export interface QuotaRules {
  checkinsPrivate: boolean;
  leaderboardInChannel: boolean;
  maxCheckinMinor: number;
  confirmAboveMinor: number;
}

export async function rulesOf(db: Db, team: Team): Promise<QuotaRules> {
  return rulesFrom(team, await findSettings(db, team.id));
}

export function rulesFrom(team: Team, row: QuotaSettings | null): QuotaRules {
  const unit = 10 ** currencyDigits(team.currency);
  return {
    checkinsPrivate: row?.checkinsPrivate ?? false,
    leaderboardInChannel: row?.leaderboardInChannel ?? true,
    maxCheckinMinor: row?.maxCheckinMinor ?? DEFAULT_MAX_CHECKIN_MAJOR * unit,
    confirmAboveMinor: row?.confirmAboveMinor ?? DEFAULT_CONFIRM_ABOVE_MAJOR * unit,
  };
}

export type QuotaSettingChange =
  | { key: "private"; value: boolean }
  | { key: "leaderboard"; value: boolean }
  | { key: "max"; value: number }
  | { key: "confirm"; value: number };

const column: Record<QuotaSettingChange["key"], keyof SettingsPatch> = {
  private: "checkinsPrivate",
  leaderboard: "leaderboardInChannel",
  max: "maxCheckinMinor",
  confirm: "confirmAboveMinor",
};

/**
 * `/quota set private on|off`, `leaderboard channel|private`, `max <amount>`, `confirm <amount>`:
 * supervisors and admins, audited. Only the setting named changes: two people changing two settings at
 * once both keep their change (the team's settings row is locked while one is written).
 */
export async function changeQuotaSetting(
  ctx: RequestContext,
  team: TeamWithMembers,
  key: string,
  value: string,
): Promise<{ team: Team; change: QuotaSettingChange; rules: QuotaRules }> {
  const { deps } = ctx;
  await ensureRuns(ctx, team, "settings");
  const actor = await ctx.actor();
  const change = readSetting(team.team, key, value);
  const now = deps.clock.now();
  const rules = await deps.db.transaction(async (tx) => {
    const before = rulesFrom(team.team, await lockSettings(tx, team.team, actor.userId, now));
    const name = column[change.key];
    const after: QuotaRules = { ...before, [name]: change.value };
    if (before[name] === after[name]) return after;
    await updateSettings(tx, team.team.id, { [name]: change.value }, actor.userId, now);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "quota.settings.update",
      subject: { type: "team", id: team.team.id },
      before: { [name]: before[name] },
      after: { [name]: after[name] },
      at: now,
    });
    return after;
  });
  return { team: team.team, change, rules };
}

const yes = new Set(["on", "yes", "ja", "true", "private", "privat", "privata"]);
const no = new Set([
  "off",
  "no",
  "nej",
  "false",
  "public",
  "publik",
  "publika",
  "channel",
  "kanal",
  "kanalen",
]);

function readSetting(team: Team, key: string, value: string): QuotaSettingChange {
  const word = value.trim().toLowerCase();
  switch (key) {
    case "private":
    case "privat":
      if (yes.has(word)) return { key: "private", value: true };
      if (no.has(word)) return { key: "private", value: false };
      throw error("quota.set.privateUsage");
    case "leaderboard":
    case "topplista":
      if (["channel", "kanal", "kanalen", "public", "publik"].includes(word))
        return { key: "leaderboard", value: true };
      if (["private", "privat", "me", "mig"].includes(word)) return { key: "leaderboard", value: false };
      throw error("quota.set.leaderboardUsage");
    case "max":
      return { key: "max", value: readAmount(team, value, "limit") };
    case "confirm":
    case "bekräfta":
      return { key: "confirm", value: readAmount(team, value, "limit") };
    default:
      throw error("quota.set.unknown", { key });
  }
}
