import { decide } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import { problemsOf } from "../../platform/errors.js";
import type { LeaveMessages } from "./messages.js";
import type { LeaveType } from "./rules.js";
import type { LeaveAllowanceRow } from "./schema.js";
import { leaveTeam, today } from "./service.js";
import { deleteAllowance, saveAllowance } from "./store.js";

const { error } = problemsOf<LeaveMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "leave.allowance.set": true;
  }
}

/**
 * `/leave allowance <type> <days|none> [from <month>] [carry <days>]`: a team's yearly allowance of a leave
 * type, set by its supervisors (or an admin); audited with what it was before.
 */
export async function setAllowance(
  ctx: RequestContext,
  input: { type: LeaveType; days: number | null; startMonth: number | null; carry: number | null },
): Promise<{ row: LeaveAllowanceRow | null; teamName: string }> {
  const team = await leaveTeam(ctx);
  const actor = await ctx.actor();
  if (!decide(actor, { type: "team.manage", teamId: team.team.id }).allowed) {
    throw error("leave.allowance.refused", { team: team.team.name });
  }
  const at = ctx.deps.clock.now();
  return ctx.deps.db.transaction(async (tx) => {
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
        since: today(ctx.deps, team.team),
        updatedBy: ctx.userId,
        updatedAt: at,
      };
      before = await saveAllowance(tx, row);
    }
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
    return { row, teamName: team.team.name };
  });
}
