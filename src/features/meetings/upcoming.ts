import type { Db } from "../../platform/db/index.js";
import { occurrencesBetween } from "./rules.js";
import { MEETING_KINDS, type Meeting, type MeetingKind } from "./schema.js";
import { scheduleOf } from "./service.js";
import { meetingsOfTeam } from "./store.js";

/** One time a team's meeting happens, for other features to show (the weekly standup's "this week"). */
export interface MeetingTime {
  meeting: Meeting;
  at: Date;
}

/**
 * The times a team's active meetings (of the given kinds; all by default) happen after `from` and until
 * `until`, soonest first; paused meetings have none.
 */
export async function teamMeetingsBetween(
  db: Db,
  workspaceId: string,
  teamId: number,
  from: Date,
  until: Date,
  kinds: readonly MeetingKind[] = MEETING_KINDS,
): Promise<MeetingTime[]> {
  const active = (await meetingsOfTeam(db, workspaceId, teamId)).filter(
    (m) => m.status === "active" && kinds.includes(m.kind),
  );
  return active
    .flatMap((meeting) =>
      occurrencesBetween(scheduleOf(meeting), meeting.timeZone, from, until).map(({ at }) => ({
        meeting,
        at,
      })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.meeting.id - b.meeting.id);
}
