import type { KnownBlock } from "@slack/types";
import type { Deps } from "../../platform/deps.js";
import { createTranslator, type Language } from "../../platform/i18n/index.js";
import { section } from "../../platform/slack/index.js";
import { periodOfDate, workingDays } from "../../platform/time/index.js";
import type { ApprovalDescription, ApprovalRequest } from "../approvals/index.js";
import { findTeam } from "../team/index.js";
import { periodText } from "./format.js";
import { leaveMessages } from "./messages.js";
import { balancesOf, calendarOf, wholeDaysOffIn, yearName } from "./service.js";
import { awayBetween, findLeave } from "./store.js";
import { datesText, summaryOf, typeName } from "./views.js";

/**
 * How a leave request reads in the workflow's DMs. For a decider: the working days, the balance after
 * approval, who else on the team is away in that window, and what it does to the requester's and the
 * team's working days in the quota period (pace counts only the days a rep works).
 */
export async function describeLeave(
  deps: Pick<Deps, "db">,
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
        year: yearName(balance.year),
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
  const calendar = calendarOf(team.team);
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
  const details: KnownBlock[] = [section(lines.join("\n"))];
  return { summary, details };
}
