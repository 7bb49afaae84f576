import { decide } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { type Problem, problemsOf } from "../../platform/errors.js";
import type { FormResult } from "../../platform/slack/index.js";
import { type TeamWithMembers, teamToday } from "../team/index.js";
import type { LeaveMessages } from "./messages.js";
import { LEAVE_TYPES, type LeaveType } from "./rules.js";
import type { LeaveAllowanceRow } from "./schema.js";
import { leaveTeam } from "./service.js";
import { allowancesOf, deleteAllowance, saveAllowance } from "./store.js";

const { error, problem } = problemsOf<LeaveMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "leave.allowance.set": true;
  }
}

export interface AllowanceInput {
  type: LeaveType;
  /** Days a year; null: no allowance (the type is not counted). */
  days: number | null;
  startMonth: number | null;
  carry: number | null;
}

/** The team whose allowances a person may set: theirs, when they lead it (or are an admin). */
export async function allowanceTeam(ctx: RequestContext): Promise<TeamWithMembers> {
  const team = await leaveTeam(ctx);
  const actor = await ctx.actor();
  if (!decide(actor, { type: "team.manage", teamId: team.team.id }).allowed) {
    throw error("leave.allowance.refused", { team: team.team.name });
  }
  return team;
}

/** One type's allowance written (or removed) in the caller's transaction, audited with what it was. */
async function writeAllowance(
  tx: Db,
  ctx: RequestContext,
  team: TeamWithMembers,
  input: AllowanceInput,
  at: Date,
): Promise<LeaveAllowanceRow | null> {
  let before: LeaveAllowanceRow | null;
  let row: LeaveAllowanceRow | null = null;
  if (input.days === null) before = await deleteAllowance(tx, team.team.id, input.type);
  else {
    row = {
      workspaceId: ctx.workspaceId,
      teamId: team.team.id,
      type: input.type,
      daysPerYear: input.days,
      startMonth: input.startMonth ?? 1,
      carryOverCap: input.carry,
      since: teamToday(team.team, ctx.deps.clock),
      updatedBy: ctx.userId,
      updatedAt: at,
    };
    before = await saveAllowance(tx, row);
  }
  const same =
    (before === null && row === null) ||
    (before !== null &&
      row !== null &&
      before.daysPerYear === row.daysPerYear &&
      before.startMonth === row.startMonth &&
      before.carryOverCap === row.carryOverCap);
  if (!same) {
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "leave.allowance.set",
      subject: { type: "team", id: team.team.id },
      before: before
        ? {
            type: before.type,
            days: before.daysPerYear,
            startMonth: before.startMonth,
            carry: before.carryOverCap,
          }
        : null,
      after: row
        ? { type: row.type, days: row.daysPerYear, startMonth: row.startMonth, carry: row.carryOverCap }
        : { type: input.type, days: null },
      at,
    });
  }
  return row;
}

/**
 * `/leave allowance <type> <days|none> [from <month>] [carry <days>]`: a team's yearly allowance of a leave
 * type, set by its supervisors (or an admin); audited with what it was before.
 */
export async function setAllowance(
  ctx: RequestContext,
  input: AllowanceInput,
): Promise<{ row: LeaveAllowanceRow | null; teamName: string }> {
  const team = await allowanceTeam(ctx);
  const at = ctx.deps.clock.now();
  const row = await ctx.deps.db.transaction((tx) => writeAllowance(tx, ctx, team, input, at));
  return { row, teamName: team.team.name };
}

/** What the allowances form shows: the team and its allowances by type. */
export async function allowancesForm(
  ctx: RequestContext,
): Promise<{ team: TeamWithMembers; allowances: Map<LeaveType, LeaveAllowanceRow> }> {
  const team = await allowanceTeam(ctx);
  const rows = await allowancesOf(ctx.deps.db, team.team.id);
  return { team, allowances: new Map(rows.map((row) => [row.type, row])) };
}

/** The allowances form as submitted: text of each field, checked here so errors land on their field. */
export interface AllowancesFormInput {
  days: Partial<Record<LeaveType, string>>;
  startMonth: string | null;
  carry: string;
}

export const ALLOWANCE_FIELD = {
  days: (type: LeaveType) => `days_${type}`,
  startMonth: "startMonth",
  carry: "carry",
} as const;

function wholeDays(text: string | undefined): number | null | "bad" {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return null;
  if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > 366) return "bad";
  return Number(trimmed);
}

/**
 * Saves the allowances form in one transaction: each type's days a year (empty: not counted), the month the
 * leave year starts, and how many unused vacation days carry over.
 */
export async function saveAllowancesForm(
  ctx: RequestContext,
  input: AllowancesFormInput,
): Promise<FormResult<{ teamName: string; saved: AllowanceInput[] }>> {
  const team = await allowanceTeam(ctx);
  const errors: Record<string, Problem> = {};
  const parsed: AllowanceInput[] = [];
  const month = input.startMonth ? Number(input.startMonth) : 1;
  if (!Number.isInteger(month) || month < 1 || month > 12)
    errors[ALLOWANCE_FIELD.startMonth] = problem("leave.allowance.badMonth");
  const carry = wholeDays(input.carry);
  if (carry === "bad") errors[ALLOWANCE_FIELD.carry] = problem("leave.allowance.badDays");
  for (const type of LEAVE_TYPES) {
    const days = wholeDays(input.days[type]);
    if (days === "bad") errors[ALLOWANCE_FIELD.days(type)] = problem("leave.allowance.badDays");
    else
      parsed.push({
        type,
        days,
        startMonth: month,
        carry: type === "vacation" && carry !== "bad" ? carry : null,
      });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const at = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    for (const allowance of parsed) await writeAllowance(tx, ctx, team, allowance, at);
  });
  return { ok: true, teamName: team.team.name, saved: parsed };
}
