import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  escapeMrkdwn,
  type Reply,
  type Router,
  readMetadata,
  textValue,
  viewListener,
} from "../../platform/slack/index.js";
import type { IsoWeekday } from "../../platform/time/index.js";
import { parseMeetingCommand } from "./command.js";
import { registerMeetingJobs } from "./jobs.js";
import { type MeetingMessages, meetingMessages } from "./messages.js";
import { nextOccurrence } from "./rules.js";
import { MEETING_KINDS, type MeetingKind } from "./schema.js";
import {
  listMeetings,
  MEETING_FIELD,
  type MeetingInput,
  meetingForm,
  meetingToDelete,
  meetingToKeep,
  removeMeeting,
  saveMeeting,
  scheduleOf,
  setStatus,
  type Where,
} from "./service.js";
import {
  confirmDeleteReply,
  helpReply,
  listReply,
  MEETING_IDS,
  meetingModal,
  savedModal,
  whenText,
} from "./views.js";

const { error } = problemsOf<MeetingMessages>();
const idValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  registerMeetingJobs(deps);

  router.command(
    MEETING_IDS.command,
    commandListener(deps, meetingMessages, (request) => handleMeetingCommand(request)),
  );

  router.view(
    MEETING_IDS.submitView,
    viewListener(deps, meetingMessages, async ({ ctx, view, t }) => {
      const meeting = await saveMeeting(ctx, readForm(view));
      const next = nextOccurrence(scheduleOf(meeting), meeting.timeZone, ctx.deps.clock.now());
      return { update: savedModal(t, meeting, next) };
    }),
  );

  router.action(
    MEETING_IDS.confirmDelete,
    actionListener(deps, meetingMessages, async ({ ctx, value, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("meetings.gone", { id: 0 });
      const { meeting, already } = await removeMeeting(ctx, id.data);
      const common = { id: meeting.id, title: escapeMrkdwn(meeting.title) };
      // The second of a double click is told on its own; the first's answer takes the question's place.
      if (already) return { text: t.t("meetings.alreadyDeleted", common) };
      return { text: t.t("meetings.deleted", common), replaceOriginal: true };
    }),
  );

  router.action(
    MEETING_IDS.keep,
    actionListener(deps, meetingMessages, async ({ ctx, value, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("meetings.gone", { id: 0 });
      const { meeting, deleted } = await meetingToKeep(ctx, id.data);
      const text = deleted
        ? t.t("meetings.alreadyDeleted", { id: meeting.id, title: escapeMrkdwn(meeting.title) })
        : t.t("meetings.kept", { title: escapeMrkdwn(meeting.title) });
      return { text, replaceOriginal: true };
    }),
  );
}

async function handleMeetingCommand(request: CommandRequest<MeetingMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parseMeetingCommand(request.text);
  switch (command.kind) {
    case "help":
      return helpReply(t);
    case "list":
      return listReply(t, await listMeetings(ctx));
    case "add":
    case "edit": {
      const form = await meetingForm(ctx, command.kind === "edit" ? command.id : null);
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, meetingModal(t, form));
      return undefined;
    }
    case "pause":
    case "resume": {
      const { meeting, already, next } = await setStatus(
        ctx,
        command.id,
        command.kind === "pause" ? "paused" : "active",
      );
      const common = { id: meeting.id, title: escapeMrkdwn(meeting.title) };
      if (command.kind === "pause")
        return { text: t.t(already ? "meetings.alreadyPaused" : "meetings.paused", common) };
      if (already) return { text: t.t("meetings.alreadyActive", common) };
      return {
        text: t.t("meetings.resumed", {
          ...common,
          next: next ? whenText(t, next.at, meeting.timeZone) : t.t("meetings.list.never"),
        }),
      };
    }
    case "delete":
      return confirmDeleteReply(t, await meetingToDelete(ctx, command.id));
  }
}

const selected = z.object({ value: z.string() }).nullish();
const metadata = z.object({
  teamId: z.number().int(),
  meetingId: z.number().int().nullable(),
  version: z.number().int().nullable(),
});
const formState = z.object({
  [MEETING_FIELD.kind]: z.object({ value: z.object({ selected_option: selected }) }),
  [MEETING_FIELD.rep]: z.object({ value: z.object({ selected_user: z.string().nullish() }) }),
  [MEETING_FIELD.days]: z.object({
    value: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }),
  }),
  [MEETING_FIELD.time]: z.object({ value: z.object({ selected_time: z.string().nullish() }) }),
  [MEETING_FIELD.where]: z.object({ value: z.object({ selected_option: selected }) }),
  [MEETING_FIELD.channel]: z.object({ value: z.object({ selected_conversation: z.string().nullish() }) }),
});

function readForm(view: ViewSubmitAction["view"]): MeetingInput {
  const meta = readMetadata(view, metadata);
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const s = state.data;
  const kind = s[MEETING_FIELD.kind].value.selected_option?.value ?? "";
  const where = s[MEETING_FIELD.where].value.selected_option?.value ?? "";
  const days = (s[MEETING_FIELD.days].value.selected_options ?? [])
    .map((o) => Number(o.value))
    .filter((d): d is IsoWeekday => Number.isInteger(d) && d >= 1 && d <= 7);
  return {
    teamId: meta.teamId,
    meetingId: meta.meetingId,
    version: meta.version,
    kind: (MEETING_KINDS as readonly string[]).includes(kind) ? (kind as MeetingKind) : null,
    title: textValue(view, MEETING_FIELD.title),
    repId: s[MEETING_FIELD.rep].value.selected_user ?? null,
    days,
    time: s[MEETING_FIELD.time].value.selected_time ?? null,
    cron: textValue(view, MEETING_FIELD.cron),
    zone: textValue(view, MEETING_FIELD.zone),
    where: ["team", "channel", "dm"].includes(where) ? (where as Where) : null,
    channelId: s[MEETING_FIELD.channel].value.selected_conversation ?? null,
    agenda: textValue(view, MEETING_FIELD.agenda),
    offsets: textValue(view, MEETING_FIELD.offsets),
  };
}
