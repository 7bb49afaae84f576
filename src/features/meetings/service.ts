import type { Actor } from "../../platform/access/index.js";
import { listAudit, recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { problemsOf } from "../../platform/errors.js";
import { scheduleProblem } from "../../platform/jobs/index.js";
import { canonicalTimeZone, type IsoWeekday } from "../../platform/time/index.js";
import { findTeam, memberTeam, type TeamWithMembers } from "../team/index.js";
import type { MeetingMessages } from "./messages.js";
import {
  DEFAULT_OFFSETS,
  type MeetingSchedule,
  nextOccurrence,
  type Occurrence,
  occurrencesBetween,
  parseCron,
  parseOffsets,
  parseTime,
} from "./rules.js";
import { MEETING_KINDS, type Meeting, type MeetingKind } from "./schema.js";
import {
  deleteMeeting,
  findMeeting,
  insertMeeting,
  type MeetingFields,
  meetingOfRequest,
  meetingsOfTeam,
  setMeetingStatus,
  updateMeeting,
} from "./store.js";

const { error, fieldError } = problemsOf<MeetingMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "meetings.add": true;
    "meetings.edit": true;
    "meetings.pause": true;
    "meetings.resume": true;
    "meetings.delete": true;
  }
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Finds the reminders due now and claims each once, queuing its posts. */
    "meetings.sweep": { slot: string };
    /** Posts one claimed reminder (in the channel, or by DM to each attendee; an executive's review DMs). */
    "meetings.remind": {
      workspaceId: string;
      meetingId: number;
      occurrence: string;
      offset: number;
      gap: string | null;
      first: boolean;
    };
  }
}

/** The modal's block ids (each input's action id is "value"). */
export const MEETING_FIELD = {
  kind: "kind",
  title: "title",
  rep: "rep",
  days: "days",
  time: "time",
  cron: "cron",
  zone: "zone",
  where: "where",
  channel: "channel",
  agenda: "agenda",
  offsets: "offsets",
} as const;

export type Where = "team" | "channel" | "dm";

/** A meeting's schedule as the rules read it. */
export function scheduleOf(meeting: Pick<Meeting, "days" | "time" | "cron">): MeetingSchedule {
  if (meeting.cron) return { cron: meeting.cron };
  return { days: (meeting.days ?? []) as IsoWeekday[], time: meeting.time ?? "00:00" };
}

/**
 * The team `/meeting` is about: the one whose channel it runs in, else the only team the person leads or
 * sells in. Anything else is the team directory's polite question back.
 */
export function teamFor(ctx: RequestContext): Promise<TeamWithMembers> {
  return memberTeam(ctx);
}

/** Whether someone may add or change a team's meeting of a kind: its supervisors, admins; executives too for executive meetings. */
export function mayManage(actor: Actor, teamId: number, kind: MeetingKind | null): boolean {
  return actor.admin || actor.supervises.includes(teamId) || (kind === "executive" && actor.executive);
}

async function ensureMayManage(ctx: RequestContext, team: TeamWithMembers, kinds: (MeetingKind | null)[]) {
  const actor = await ctx.actor();
  if (kinds.every((kind) => mayManage(actor, team.team.id, kind))) return;
  throw error("meetings.refused.manage", { team: team.team.name, supervisors: team.supervisorIds });
}

/** What the form shows: the team, and the meeting being edited (null when adding). */
export interface MeetingForm {
  team: TeamWithMembers;
  meeting: Meeting | null;
}

export async function meetingForm(ctx: RequestContext, id: number | null): Promise<MeetingForm> {
  const team = await teamFor(ctx);
  if (id === null) {
    const actor = await ctx.actor();
    if (!mayManage(actor, team.team.id, "executive")) await ensureMayManage(ctx, team, [null]);
    return { team, meeting: null };
  }
  const meeting = await meetingOf(ctx, team, id);
  await ensureMayManage(ctx, team, [meeting.kind]);
  return { team, meeting };
}

async function meetingOf(ctx: RequestContext, team: TeamWithMembers, id: number): Promise<Meeting> {
  const meeting = await findMeeting(ctx.deps.db, ctx.workspaceId, id);
  if (!meeting || meeting.teamId !== team.team.id) throw error("meetings.gone", { id });
  return meeting;
}

/** What the form sent, read but not yet checked. */
export interface MeetingInput {
  teamId: number;
  meetingId: number | null;
  version: number | null;
  kind: MeetingKind | null;
  title: string;
  repId: string | null;
  days: IsoWeekday[];
  time: string | null;
  cron: string;
  zone: string;
  where: Where | null;
  channelId: string | null;
  agenda: string;
  offsets: string;
}

/** Checks the form, field by field, into what a meeting is made of. */
function checkFields(team: TeamWithMembers, input: MeetingInput): MeetingFields {
  const kind = input.kind ?? "sales";
  const title = input.title.trim().slice(0, 150);
  if (!title) throw fieldError(MEETING_FIELD.title, "meetings.error.titleMissing");
  let repId: string | null = null;
  if (kind === "oneOnOne") {
    if (!input.repId) throw fieldError(MEETING_FIELD.rep, "meetings.error.repMissing");
    if (!team.repIds.includes(input.repId))
      throw fieldError(MEETING_FIELD.rep, "meetings.error.repNotInTeam", { team: team.team.name });
    repId = input.repId;
  }
  const zone = input.zone.trim() ? canonicalTimeZone(input.zone) : team.team.timeZone;
  const cron = input.cron.trim().replace(/\s+/g, " ");
  if (cron && (scheduleProblem({ cron, timeZone: zone ?? "UTC" }) === "cron" || !parseCron(cron)))
    throw fieldError(MEETING_FIELD.cron, "meetings.error.cron");
  let days: number[] | null = null;
  let time: string | null = null;
  if (!cron) {
    if (input.days.length === 0) throw fieldError(MEETING_FIELD.days, "meetings.error.daysMissing");
    time = input.time ? parseTime(input.time) : null;
    if (!time) throw fieldError(MEETING_FIELD.time, "meetings.error.timeMissing");
    days = [...new Set(input.days)].sort();
  }
  if (!zone || scheduleProblem({ cron: "0 9 * * 1", timeZone: zone }))
    throw fieldError(MEETING_FIELD.zone, "meetings.error.zone");
  const where = input.where ?? (kind === "oneOnOne" ? "dm" : "team");
  let channelId: string | null = null;
  if (where === "team") channelId = team.team.channelId;
  else if (where === "channel") {
    if (!input.channelId) throw fieldError(MEETING_FIELD.channel, "meetings.error.channelMissing");
    channelId = input.channelId;
  } else if (kind === "sales") throw fieldError(MEETING_FIELD.where, "meetings.error.dmNotForSales");
  const offsets = input.offsets.trim()
    ? parseOffsets(input.offsets)
    : { ok: true as const, minutes: [...DEFAULT_OFFSETS] };
  if (!offsets.ok) {
    const key = (
      {
        format: "meetings.error.offsetsFormat",
        tooMany: "meetings.error.offsetsTooMany",
        tooLong: "meetings.error.offsetsTooLong",
      } as const
    )[offsets.problem];
    throw fieldError(MEETING_FIELD.offsets, key);
  }
  return {
    kind,
    title,
    repId,
    days,
    time,
    cron: cron || null,
    timeZone: zone,
    channelId,
    agenda: input.agenda.trim().slice(0, 2000),
    offsets: offsets.minutes,
  };
}

const audited = (m: Meeting) => ({
  teamId: m.teamId,
  kind: m.kind,
  title: m.title,
  repId: m.repId,
  days: m.days,
  time: m.time,
  cron: m.cron,
  timeZone: m.timeZone,
  channelId: m.channelId,
  offsets: m.offsets,
  status: m.status,
});

/**
 * Adds or changes a meeting: who may (of the kind before and after), the fields, then the row and its
 * audit in one transaction. A replayed submission adds nothing twice; the change takes effect at the next
 * sweep, with no restart.
 */
export async function saveMeeting(ctx: RequestContext, input: MeetingInput): Promise<Meeting> {
  const { deps } = ctx;
  if (input.meetingId === null && ctx.requestId) {
    const earlier = await meetingOfRequest(deps.db, ctx.workspaceId, ctx.requestId);
    if (earlier) return earlier;
  }
  const team = await findTeam(deps.db, ctx.workspaceId, input.teamId);
  if (!team) throw error("team.gone");
  const before = input.meetingId === null ? null : await meetingOf(ctx, team, input.meetingId);
  await ensureMayManage(ctx, team, [input.kind ?? "sales", ...(before ? [before.kind] : [])]);
  const fields = checkFields(team, input);
  const at = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const row = before
      ? await updateMeeting(tx, before.id, input.version ?? before.version, fields, at)
      : await insertMeeting(tx, {
          ...fields,
          workspaceId: ctx.workspaceId,
          teamId: team.team.id,
          createdBy: ctx.userId,
          requestId: ctx.requestId,
          at,
        });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: before ? "meetings.edit" : "meetings.add",
      subject: { type: "meeting", id: row.id },
      ...(before ? { before: audited(before) } : {}),
      after: audited(row),
      at,
    });
    return row;
  });
  if (saved) return saved;
  if (before) throw error("common.error.expiredForm");
  const again = ctx.requestId ? await meetingOfRequest(deps.db, ctx.workspaceId, ctx.requestId) : null;
  if (!again) throw new Error("a meeting was neither added nor found");
  return again;
}

/** A team's meetings with the next time of each active one. */
export interface MeetingList {
  team: TeamWithMembers;
  items: { meeting: Meeting; next: Occurrence | null }[];
}

/** The team's meetings, for its members, executives and admins. */
export async function listMeetings(ctx: RequestContext): Promise<MeetingList> {
  const team = await teamFor(ctx);
  const actor = await ctx.actor();
  const member =
    actor.admin || actor.executive || actor.supervises.includes(team.team.id) || actor.repOf === team.team.id;
  if (!member) throw error("meetings.refused.list", { team: team.team.name });
  const now = ctx.deps.clock.now();
  const rows = await meetingsOfTeam(ctx.deps.db, ctx.workspaceId, team.team.id);
  return {
    team,
    items: rows.map((meeting) => ({
      meeting,
      next: meeting.status === "active" ? nextOccurrence(scheduleOf(meeting), meeting.timeZone, now) : null,
    })),
  };
}

/** A reminder still to come: its meeting, the occurrence it is for, how long before it, and when it is due. */
export interface UpcomingReminder {
  meeting: Meeting;
  occurrence: Occurrence;
  offset: number;
  at: Date;
}

/**
 * The first reminder after `now` of a team's active meetings (within about two weeks), or null: what the
 * minute sweep will post next for the team (the local sandbox moves its clock there).
 */
export async function nextReminder(
  db: Db,
  workspaceId: string,
  teamId: number,
  now: Date,
): Promise<UpcomingReminder | null> {
  let first: UpcomingReminder | null = null;
  for (const meeting of await meetingsOfTeam(db, workspaceId, teamId)) {
    if (meeting.status !== "active" || meeting.offsets.length === 0) continue;
    const longest = Math.max(...meeting.offsets) * 60_000;
    const until = new Date(now.getTime() + longest + 8 * 24 * 3600_000);
    for (const occurrence of occurrencesBetween(scheduleOf(meeting), meeting.timeZone, now, until)) {
      for (const offset of meeting.offsets) {
        const at = new Date(occurrence.at.getTime() - offset * 60_000);
        if (at <= now || at < meeting.scheduledAt) continue;
        if (!first || at < first.at) first = { meeting, occurrence, offset, at };
      }
    }
  }
  return first;
}

/** Pauses or resumes a meeting (guarded: only from the other state); audited. */
export async function setStatus(
  ctx: RequestContext,
  id: number,
  status: "active" | "paused",
): Promise<{ meeting: Meeting; already: boolean; next: Occurrence | null }> {
  const { deps } = ctx;
  const team = await teamFor(ctx);
  const meeting = await meetingOf(ctx, team, id);
  await ensureMayManage(ctx, team, [meeting.kind]);
  const at = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    const row = await setMeetingStatus(tx, meeting.id, status, at);
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: status === "active" ? "meetings.resume" : "meetings.pause",
      subject: { type: "meeting", id: row.id },
      before: { status: meeting.status },
      after: { status: row.status },
      at,
    });
    return row;
  });
  const now = changed ?? (await meetingOf(ctx, team, id));
  const next = now.status === "active" ? nextOccurrence(scheduleOf(now), now.timeZone, at) : null;
  return { meeting: now, already: changed === null, next };
}

/** The meeting `/meeting delete <n>` asks to confirm, once checked that the person may. */
export async function meetingToDelete(ctx: RequestContext, id: number): Promise<Meeting> {
  const team = await teamFor(ctx);
  const meeting = await meetingOf(ctx, team, id);
  await ensureMayManage(ctx, team, [meeting.kind]);
  return meeting;
}

/** A meeting someone deleted, as its deletion was audited: enough to say it is gone. */
export interface DeletedMeeting {
  id: number;
  title: string;
}

/**
 * The meeting `id` as it was when deleted, when the person may manage its team (they could have deleted
 * it themselves); otherwise, or never deleted, the usual "no meeting #n".
 */
async function deletedMeeting(ctx: RequestContext, id: number): Promise<DeletedMeeting> {
  const [entry] = await listAudit(ctx.deps.db, ctx.workspaceId, {
    subject: { type: "meeting", id },
    action: "meetings.delete",
  });
  const was = entry?.before as { teamId?: unknown; kind?: unknown; title?: unknown } | null | undefined;
  if (typeof was?.teamId !== "number" || typeof was.title !== "string") throw error("meetings.gone", { id });
  const actor = await ctx.actor();
  const kind = (MEETING_KINDS as readonly unknown[]).includes(was.kind) ? (was.kind as MeetingKind) : null;
  if (!mayManage(actor, was.teamId, kind)) throw error("meetings.gone", { id });
  return { id, title: was.title };
}

/**
 * The meeting a delete question's Keep it is about: still there (checked that the person may), or
 * deleted meanwhile (another window's Delete), which the answer must say instead of "kept".
 */
export async function meetingToKeep(
  ctx: RequestContext,
  id: number,
): Promise<{ meeting: DeletedMeeting; deleted: boolean }> {
  const meeting = await findMeeting(ctx.deps.db, ctx.workspaceId, id);
  if (meeting) return { meeting: await meetingToDelete(ctx, id), deleted: false };
  return { meeting: await deletedMeeting(ctx, id), deleted: true };
}

/**
 * Deletes a meeting (confirmed); its reminders stop. Audited; a second click (a double click, another
 * window's question) finds it deleted already and says so.
 */
export async function removeMeeting(
  ctx: RequestContext,
  id: number,
): Promise<{ meeting: DeletedMeeting; already: boolean }> {
  const { deps } = ctx;
  const meeting = await findMeeting(deps.db, ctx.workspaceId, id);
  if (!meeting) return { meeting: await deletedMeeting(ctx, id), already: true };
  const team = await findTeam(deps.db, ctx.workspaceId, meeting.teamId);
  if (!team) throw error("meetings.gone", { id });
  await ensureMayManage(ctx, team, [meeting.kind]);
  const at = deps.clock.now();
  const removed = await deps.db.transaction(async (tx) => {
    const row = await deleteMeeting(tx, ctx.workspaceId, id);
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "meetings.delete",
      subject: { type: "meeting", id: row.id },
      before: audited(row),
      at,
    });
    return row;
  });
  if (!removed) return { meeting: await deletedMeeting(ctx, id), already: true };
  return { meeting: removed, already: false };
}
