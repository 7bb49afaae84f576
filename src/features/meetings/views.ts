import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  input,
  linesToSections,
  modal,
  plain,
  section,
} from "../../platform/slack/index.js";
import { ISO_WEEKDAYS } from "../../platform/time/index.js";
import type { MeetingMessages } from "./messages.js";
import { DEFAULT_OFFSETS, type Occurrence, offsetText } from "./rules.js";
import { MEETING_KINDS, type Meeting, type MeetingKind } from "./schema.js";
import { MEETING_FIELD, type MeetingForm, type MeetingList, type Where } from "./service.js";

export const MEETING_IDS = {
  command: "/meeting",
  submitView: "meetings.submit",
  confirmDelete: "meetings.delete",
  keep: "meetings.keep",
  /** On an executive meeting's review DM: the reports feature makes the reports and sends them (value: the meeting id). */
  sendReports: "meetings.sendReports",
} as const;

type T = Translator<MeetingMessages>;

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });
export const kindName = (t: T, kind: MeetingKind) => t.t(`meetings.kind.${kind}`);

/** When a meeting happens, in the reader's words and the meeting's zone. */
export function whenText(t: T, at: Date, zone: string): string {
  return t.t("meetings.when", {
    date: t.date(at, zone, "weekdayDate"),
    time: t.date(at, zone, "time"),
    zone,
  });
}

function whereOf(meeting: Meeting | null, teamChannel: string): Where {
  if (!meeting) return "team";
  if (meeting.channelId === null) return "dm";
  return meeting.channelId === teamChannel ? "team" : "channel";
}

/** The meeting form, empty to add one or filled in to edit one. */
export function meetingModal(t: T, form: MeetingForm): ModalView {
  const m = form.meeting;
  const kinds = MEETING_KINDS.map((k) => option(kindName(t, k), k));
  const days = ISO_WEEKDAYS.map((d) => option(t.t(`meetings.day.${d}`), String(d)));
  const wheres = (["team", "channel", "dm"] as const).map((w) => option(t.t(`meetings.where.${w}`), w));
  const where = whereOf(m, form.team.team.channelId);
  const initialDays = days.filter((d) => m?.days?.includes(Number(d.value)));
  const blocks: KnownBlock[] = [
    section(t.t("meetings.modal.intro", { team: form.team.team.name })),
    input(MEETING_FIELD.kind, t.t("meetings.modal.kind"), {
      type: "static_select",
      options: kinds,
      initial_option: kinds.find((k) => k.value === (m?.kind ?? "sales")) ?? kinds[0],
    }),
    input(MEETING_FIELD.title, t.t("meetings.modal.title"), {
      type: "plain_text_input",
      max_length: 150,
      ...(m ? { initial_value: m.title } : {}),
    }),
    input(
      MEETING_FIELD.rep,
      t.t("meetings.modal.rep"),
      { type: "users_select", ...(m?.repId ? { initial_user: m.repId } : {}) },
      { optional: true },
    ),
    input(
      MEETING_FIELD.days,
      t.t("meetings.modal.days"),
      { type: "checkboxes", options: days, ...(initialDays.length ? { initial_options: initialDays } : {}) },
      { optional: true },
    ),
    input(
      MEETING_FIELD.time,
      t.t("meetings.modal.time"),
      { type: "timepicker", ...(m?.time ? { initial_time: m.time } : {}) },
      { optional: true },
    ),
    input(
      MEETING_FIELD.cron,
      t.t("meetings.modal.cron"),
      { type: "plain_text_input", max_length: 100, ...(m?.cron ? { initial_value: m.cron } : {}) },
      { optional: true, hint: t.t("meetings.modal.cronHint") },
    ),
    input(
      MEETING_FIELD.zone,
      t.t("meetings.modal.zone"),
      { type: "plain_text_input", max_length: 64, initial_value: m?.timeZone ?? form.team.team.timeZone },
      { optional: true, hint: t.t("meetings.modal.zoneHint") },
    ),
    // A new meeting's destination follows its kind unless chosen (a 1:1 by DM, others the team channel):
    // chosen for it here, a 1:1 left as the form showed it would be announced in the team channel.
    input(
      MEETING_FIELD.where,
      t.t("meetings.modal.where"),
      {
        type: "static_select",
        options: wheres,
        ...(m ? { initial_option: wheres.find((w) => w.value === where) ?? wheres[0] } : {}),
      },
      { optional: true, hint: t.t("meetings.modal.whereHint") },
    ),
    input(
      MEETING_FIELD.channel,
      t.t("meetings.modal.channel"),
      {
        type: "conversations_select",
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(where === "channel" && m?.channelId ? { initial_conversation: m.channelId } : {}),
      },
      { optional: true },
    ),
    input(
      MEETING_FIELD.agenda,
      t.t("meetings.modal.agenda"),
      {
        type: "plain_text_input",
        multiline: true,
        max_length: 2000,
        ...(m?.agenda ? { initial_value: m.agenda } : {}),
      },
      { optional: true },
    ),
    input(
      MEETING_FIELD.offsets,
      t.t("meetings.modal.offsets"),
      {
        type: "plain_text_input",
        max_length: 60,
        initial_value: (m?.offsets ?? DEFAULT_OFFSETS).map(offsetText).join(", "),
      },
      { optional: true, hint: t.t("meetings.modal.offsetsHint") },
    ),
  ];
  return modal({
    title: t.t(m ? "meetings.modal.editTitle" : "meetings.modal.addTitle"),
    submit: t.t("meetings.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: MEETING_IDS.submitView,
    metadata: { teamId: form.team.team.id, meetingId: m?.id ?? null, version: m?.version ?? null },
    blocks,
  });
}

/** The saved meeting, in place of the form. */
export function savedModal(t: T, meeting: Meeting, next: Occurrence | null): ModalView {
  return modal({
    title: t.t("meetings.saved.title"),
    close: t.t("common.button.close"),
    blocks: [
      section(
        t.t("meetings.saved.text", {
          id: meeting.id,
          title: escapeMrkdwn(meeting.title),
          next: next ? whenText(t, next.at, meeting.timeZone) : t.t("meetings.list.never"),
        }),
      ),
    ],
  });
}

/** `/meeting list`: the team's meetings, each with its next time, in the reader's words. */
export function listReply(t: T, list: MeetingList): { text: string; blocks: KnownBlock[] } {
  const name = list.team.team.name;
  if (list.items.length === 0) {
    const text = t.t("meetings.list.empty", { team: name });
    return { text, blocks: [section(text)] };
  }
  const lines = list.items.map(({ meeting, next }) => {
    const common = { id: meeting.id, title: escapeMrkdwn(meeting.title), kind: kindName(t, meeting.kind) };
    if (meeting.status === "paused") return t.t("meetings.list.paused", common);
    return t.t("meetings.list.line", {
      ...common,
      next: next ? whenText(t, next.at, meeting.timeZone) : t.t("meetings.list.never"),
      where: meeting.channelId
        ? t.t("meetings.list.inChannel", { channel: meeting.channelId })
        : t.t("meetings.list.byDm"),
    });
  });
  const header = t.t("meetings.list.header", { team: name });
  return {
    text: [header, ...lines].join("\n"),
    blocks: [
      section(header),
      ...linesToSections(lines, 45, (n) => `… +${n}`),
      context(t.t("meetings.list.footer")),
    ],
  };
}

export function helpReply(t: T): { text: string; blocks: KnownBlock[] } {
  const text = t.t("meetings.help");
  return { text, blocks: [section(text)] };
}

/** "Delete #3?" with Delete and Keep it. */
export function confirmDeleteReply(t: T, meeting: Meeting): { text: string; blocks: KnownBlock[] } {
  const text = t.t("meetings.confirmDelete", { id: meeting.id, title: escapeMrkdwn(meeting.title) });
  return {
    text,
    blocks: [
      section(text),
      actions("meetings.confirm", [
        button(t.t("meetings.button.delete"), MEETING_IDS.confirmDelete, {
          value: String(meeting.id),
          style: "danger",
        }),
        button(t.t("meetings.button.keep"), MEETING_IDS.keep, { value: String(meeting.id) }),
      ]),
    ],
  };
}

/** What a reminder says: the meeting, when, the gap if any, where, the agenda, who comes and who is out. */
export function reminderMessage(
  t: T,
  meeting: Meeting,
  occurrence: Occurrence,
  attendees: { present: string[]; outNames: string[] },
): { text: string; blocks: KnownBlock[] } {
  const when = whenText(t, occurrence.at, meeting.timeZone);
  const lines = [
    t.t("meetings.remind.head", {
      kind: kindName(t, meeting.kind),
      title: escapeMrkdwn(meeting.title),
      when,
    }),
  ];
  if (occurrence.gap)
    lines.push(
      t.t("meetings.remind.gap", {
        asked: occurrence.gap.asked,
        at: t.date(occurrence.at, meeting.timeZone, "time"),
      }),
    );
  lines.push(
    meeting.channelId
      ? t.t("meetings.remind.where", { channel: meeting.channelId })
      : t.t("meetings.remind.whereDm"),
  );
  if (meeting.agenda) lines.push(t.t("meetings.remind.agenda", { agenda: escapeMrkdwn(meeting.agenda) }));
  if (attendees.present.length > 0)
    lines.push(t.t("meetings.remind.attendees", { users: attendees.present }));
  if (attendees.outNames.length > 0)
    lines.push(
      t.t("meetings.remind.out", {
        names: new Intl.ListFormat(t.locale, { type: "conjunction" }).format(
          attendees.outNames.map(escapeMrkdwn),
        ),
      }),
    );
  const text = lines.join("\n");
  return { text, blocks: [section(text)] };
}
