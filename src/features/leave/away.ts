import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { findTeam } from "../team/index.js";
import { awayBetween, leaveAbsences } from "./store.js";

/** Whether a person is away all of a day on approved leave (for pings, standups, reminders). */
export async function isOnLeave(
  db: Db,
  workspaceId: string,
  userId: string,
  date: LocalDate,
): Promise<boolean> {
  const off = await leaveAbsences.daysOff(db, workspaceId, [userId], date, date);
  return off.get(userId)?.has(date) ?? false;
}

/** Who of a team (supervisors and reps) has approved leave that shares a day with [start, end], and when. */
export async function whoIsOut(
  db: Db,
  workspaceId: string,
  teamId: number,
  range: { start: LocalDate; end: LocalDate },
): Promise<
  { userId: string; start: LocalDate; end: LocalDate; halfDayStart: boolean; halfDayEnd: boolean }[]
> {
  const team = await findTeam(db, workspaceId, teamId);
  if (!team) return [];
  const rows = await awayBetween(
    db,
    workspaceId,
    [...team.supervisorIds, ...team.repIds],
    range.start,
    range.end,
  );
  return rows
    .filter((row) => row.status === "approved")
    .map((row) => ({
      userId: row.requesterId,
      start: row.startOn,
      end: row.endOn,
      halfDayStart: row.halfDayStart,
      halfDayEnd: row.halfDayEnd,
    }));
}
