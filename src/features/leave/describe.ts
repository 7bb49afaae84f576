import type { KnownBlock } from "@slack/types";
import type { Deps } from "../../platform/deps.js";
import { createTranslator, type Language } from "../../platform/i18n/index.js";
import { section } from "../../platform/slack/index.js";
import { localDate, periodOfDate, type WorkCalendar, workingDays } from "../../platform/time/index.js";
import type { ApprovalDescription, ApprovalRequest } from "../approvals/index.js";
import { findTeam, type Team, workCalendarOf } from "../team/index.js";
import { periodText } from "./format.js";
import { leaveMessages } from "./messages.js";
import type { LeaveRequestRow } from "./schema.js";
import { balancesOf, wholeDaysOffIn, yearName } from "./service.js";
import { awayBetween, findLeave } from "./store.js";
import { datesText, summaryOf, typeName } from "./views.js";

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * Where a rep stands against their target in the team's current quota period: quotas answer (leave
     * shows a decider what a leave does to the amount each remaining working day needs).
     */
    "leave.quotaStanding": {
      args: { team: Team; repId: string; at: Date };
      answer: { targetMinor: number | null; totalMinor: number; currency: string; periodEnd: string } | null;
    };
  }
}

/**
 * How a leave request reads in the workflow's DMs. For a decider: the working days, the balance after
 * approval, who else on the team is away in that window, and what it does to the requester's and the
 * team's working days in the quota period (pace counts only the days a rep works).
 */
export async function describeLeave(
  deps: Pick<Deps, "db" | "hooks" | "clock">,
  request: ApprovalRequest,
  language: Language,
  locale: string,
  forDecider: boolean,
): Promise<ApprovalDescription | null> {
  if (request.kind !== "leave") return null;
  const found = await findLeave(deps.db, request.workspaceId, request.id);
  const team = await findTeam(deps.db, request.workspaceId, request.teamId);
  if (!found || !team) throw new Error(`leave request ${request.id} has no details or team`);
  const t = createTranslator(leaveMessages, language, locale);
  const { leave } = found;
  const summary = summaryOf(t, leave);
  if (!forDecider) return { summary, details: [] };

  // The working days are in the summary above the details.
  const lines: string[] = [];
  const [balance] = await balancesOf(deps, team, leave.requesterId, leave.startOn, [leave.type]);
  if (balance) {
    const after = balance.balance.balanceHalfDays - (request.status === "pending" ? leave.halfDays : 0);
    lines.push(
      t.t("leave.decider.balance", {
        type: typeName(t, leave.type),
        after: t.number(after / 2, { maximumFractionDigits: 1 }),
        year: yearName(t.locale, balance.year),
      }),
    );
  } else lines.push(t.t("leave.decider.noAllowance", { type: typeName(t, leave.type) }));
  if (leave.note) lines.push(t.t("leave.decider.note", { note: leave.note }));

  const colleagues = [...team.supervisorIds, ...team.repIds].filter((id) => id !== leave.requesterId);
  const others = await awayBetween(deps.db, request.workspaceId, colleagues, leave.startOn, leave.endOn);
  const otherLines = others.map((row) =>
    t.t("leave.otherLine", {
      user: row.requesterId,
      dates: `${typeName(t, row.type)}, ${datesText(t, row)}`,
      status: row.status === "pending" ? t.t("leave.pendingMark") : "",
    }),
  );
  lines.push(
    otherLines.length > 0
      ? t.t("leave.decider.othersOff", { lines: otherLines })
      : t.t("leave.decider.nobodyElse"),
  );

  // The quota period the leave starts in: the rep's own working days, and the team's (reps only).
  const calendar = workCalendarOf(team.team);
  const period = periodOfDate(leave.startOn, team.team.timeZone, team.team.quotaPeriod);
  const teamDays = workingDays(calendar, period.start, period.end).length;
  const reps = team.repIds;
  const away = await awayBetween(deps.db, request.workspaceId, reps, period.start, period.end);
  const approvedOff = (userId: string) =>
    away
      .filter(
        (row) => row.requesterId === userId && row.status === "approved" && row.requestId !== leave.requestId,
      )
      .reduce((sum, row) => sum + wholeDaysOffIn(calendar, row, period.start, period.end), 0);
  const thisOff = wholeDaysOffIn(calendar, leave, period.start, period.end);
  const own = teamDays - approvedOff(leave.requesterId);
  const periodName = periodText(t.locale, period);
  lines.push(t.t("leave.decider.pace", { period: periodName, before: own, after: own - thisOff }));
  if (reps.includes(leave.requesterId) && reps.length > 0) {
    const before = reps.reduce((sum, rep) => sum + teamDays - approvedOff(rep), 0);
    const after = before - thisOff;
    lines.push(
      t.t("leave.decider.teamPace", {
        before,
        after,
        percent: t.percent(before > 0 ? thisOff / before : 0),
      }),
    );
  }
  const perDay = await perDayEffect(deps, team.team, leave, request, calendar);
  if (perDay) lines.push(t.t("leave.decider.perDay", perDay(t)));
  const details: KnownBlock[] = [section(lines.join("\n"))];
  return { summary, details };
}

/**
 * What the leave does to the amount a rep must sell each remaining working day of the current period to
 * reach their target: before and after, counting the rep's other approved leave. Null when the leave is
 * not in the current period, the rep has no target, or the target is reached.
 */
async function perDayEffect(
  deps: Pick<Deps, "db" | "hooks" | "clock">,
  team: Team,
  leave: LeaveRequestRow,
  request: ApprovalRequest,
  calendar: WorkCalendar,
) {
  const at = deps.clock.now();
  const [standing] = (
    await deps.hooks.ask("leave.quotaStanding", { team, repId: leave.requesterId, at })
  ).filter((answer) => answer !== null);
  if (!standing?.targetMinor) return null;
  const today = localDate(at, team.timeZone);
  const end = standing.periodEnd;
  if (leave.endOn < today || leave.startOn > end) return null;
  const left = standing.targetMinor - standing.totalMinor;
  if (left <= 0) return null;
  const others = (await awayBetween(deps.db, request.workspaceId, [leave.requesterId], today, end)).filter(
    (row) => row.status === "approved" && row.requestId !== leave.requestId,
  );
  const before =
    workingDays(calendar, today, end).length -
    others.reduce((sum, row) => sum + wholeDaysOffIn(calendar, row, today, end), 0);
  const after = before - wholeDaysOffIn(calendar, leave, today, end);
  if (before <= 0) return null;
  const currency = standing.currency;
  return (t: { money(minor: number, currency: string): string }) => ({
    before: t.money(Math.ceil(left / before), currency),
    after: after > 0 ? t.money(Math.ceil(left / after), currency) : null,
    days: after,
  });
}
