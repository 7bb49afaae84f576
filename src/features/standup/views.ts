import type { KnownBlock, ModalView } from "@slack/types";
import { dateFormat, type Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  clip,
  escapeMrkdwn,
  header,
  input,
  linesToSections,
  modal,
  section,
} from "../../platform/slack/index.js";
import {
  instantOfWallTime,
  isoWeekday,
  type LocalDate,
  type Period,
  periodOfDate,
} from "../../platform/time/index.js";
import type { MeetingTime } from "../meetings/index.js";
import type { Progress } from "../quota/index.js";
import type { StandupMessages } from "./messages.js";
import { ANSWER_FIELD, ANSWER_MAX, type AnswerInput, runsOf, summaryClip, type Week } from "./rules.js";
import type { StandupAnswer } from "./schema.js";

export const STANDUP_IDS = {
  answer: "standup.answer",
  submitView: "standup.answer.submit",
} as const;

type T = Translator<StandupMessages>;

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

// ---------------------------------------------------------------------------------------------------------
// Dates, periods and times in the reader's words

/** A calendar day at noon in the zone (a day's instant that exists on every DST day). */
const noonOf = (day: LocalDate, zone: string) => instantOfWallTime(day, 12, 0, zone).at;

/** "Monday, March 16" / "måndag 16 mars". */
export function dayText(t: T, day: LocalDate, zone: string): string {
  return t.date(noonOf(day, zone), zone, "weekdayDate");
}

/** "Mar 9" / "9 mars". */
function shortDate(t: T, day: LocalDate): string {
  return dateFormat(t.locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A time of day in the zone: "2:00 PM" / "14:00". */
export function timeText(t: T, at: Date, zone: string): string {
  return t.date(at, zone, "time");
}

/** A quota period by name: "March" / "mars", "Q1 2026" / "kvartal 1 2026", "Week 12" / "Vecka 12". */
export function periodText(t: T, period: Period): string {
  const [year = "0", rest = ""] = period.key.split("-");
  if (period.kind === "quarter")
    return t.t("standup.period.quarter", { quarter: Number(rest.slice(1)), year: Number(year) });
  if (period.kind === "week") return t.t("standup.period.week", { week: Number(rest.slice(1)) });
  return dateFormat(t.locale, { month: "long", timeZone: "UTC" }).format(
    new Date(`${period.key}-01T12:00:00Z`),
  );
}

/** Days off as runs of weekdays: "Mon–Wed, Fri" / "mån–ons, fre". */
function daysText(t: T, days: readonly LocalDate[]): string {
  return runsOf(days)
    .map(([first, last]) => {
      const from = t.weekday(isoWeekday(first));
      return first === last ? from : `${from}–${t.weekday(isoWeekday(last))}`;
    })
    .join(", ");
}

// ---------------------------------------------------------------------------------------------------------
// The Monday post

/** One rep's line: last week, where the period stands, what each working day needs now. */
export interface RepStanding {
  repId: string;
  /** The rep's name when on leave today (then never @-mentioned); null: mentioned. */
  nameOnLeave: string | null;
  soldLastWeekMinor: number;
  /** For a team with weekly targets: last week's target (null without one). */
  lastWeekTargetMinor: number | null;
  /** The current period, now. */
  progress: Progress;
}

export interface OutThisWeek {
  name: string;
  days: LocalDate[];
}

export interface StandupPostFacts {
  standupId: number;
  team: { name: string; timeZone: string; currency: string; quotaPeriod: string };
  day: LocalDate;
  lastWeek: Week;
  cutoffAt: Date;
  askIn: "thread" | "dm";
  standings: RepStanding[];
  out: OutThisWeek[];
  meetings: MeetingTime[];
}

function standingLine(t: T, s: RepStanding, currency: string, weekly: boolean): string {
  const who = s.nameOnLeave
    ? `${escapeMrkdwn(s.nameOnLeave)} (${t.t("standup.post.onLeave")})`
    : `<@${s.repId}>`;
  const money = (minor: number) => t.money(minor, currency);
  const parts: string[] = [];
  const { progress } = s;
  const period = periodText(t, progress.period);
  if (weekly && s.lastWeekTargetMinor) {
    parts.push(
      t.t("standup.post.soldOfTarget", {
        amount: money(s.soldLastWeekMinor),
        target: money(s.lastWeekTargetMinor),
        percent: t.percent(s.soldLastWeekMinor / s.lastWeekTargetMinor),
      }),
    );
  } else {
    parts.push(t.t("standup.post.sold", { amount: money(s.soldLastWeekMinor) }));
  }
  if (progress.targetMinor === null) {
    parts.push(t.t("standup.post.noTarget", { period }));
  } else {
    if (!weekly)
      parts.push(
        t.t("standup.post.soFar", {
          period,
          amount: money(progress.totals.totalMinor),
          target: money(progress.targetMinor),
          percent: t.percent(progress.pace.attainment ?? 0),
        }),
      );
    const needed = progress.pace.neededPerDayMinor;
    if (needed === 0) parts.push(t.t("standup.post.made", { period }));
    else if (needed !== null) parts.push(t.t("standup.post.needs", { amount: money(needed) }));
  }
  return `• ${who}: ${parts.join(" · ")}`;
}

/**
 * The post in the team channel: last week per rep against their target, what each working day needs now
 * (the quota's pace rules), who is out this week and on which days, this week's meetings, and the button.
 * People on leave today are named, never @-mentioned.
 */
export function standupPost(t: T, f: StandupPostFacts): Message {
  const zone = f.team.timeZone;
  const cutoff = timeText(t, f.cutoffAt, zone);
  const week = Number(periodOfDate(f.day, zone, "week").key.split("-W")[1]);
  const more = (count: number) => t.t("standup.more", { count });
  const weekly = f.team.quotaPeriod === "week";
  const results = [
    t.t("standup.post.results", { from: shortDate(t, f.lastWeek.start), to: shortDate(t, f.lastWeek.end) }),
    ...(f.standings.length > 0
      ? f.standings.map((s) => standingLine(t, s, f.team.currency, weekly))
      : [t.t("standup.post.noReps")]),
  ];
  const out =
    f.out.length > 0
      ? [t.t("standup.post.out"), ...f.out.map((o) => `• ${escapeMrkdwn(o.name)}: ${daysText(t, o.days)}`)]
      : [t.t("standup.post.outNone")];
  const meetings =
    f.meetings.length > 0
      ? [
          t.t("standup.post.meetings"),
          ...f.meetings.map(({ meeting, at }) =>
            t.t("standup.post.meeting", {
              day: t.date(at, zone, "weekdayDate"),
              time: timeText(t, at, zone),
              title: escapeMrkdwn(meeting.title),
            }),
          ),
        ]
      : [t.t("standup.post.meetingsNone")];
  const blocks: KnownBlock[] = [
    header(t.t("standup.post.title", { team: f.team.name, week })),
    section(t.t(f.askIn === "dm" ? "standup.post.intro.dm" : "standup.post.intro.thread", { cutoff, zone })),
    ...linesToSections(results, 30, more),
    ...linesToSections(out, 5, more),
    ...linesToSections(meetings, 5, more),
    answerActions(t, f.standupId),
  ];
  return { text: t.t("standup.post.fallback", { team: f.team.name, cutoff }), blocks };
}

function answerActions(t: T, standupId: number): KnownBlock {
  return actions("standup.actions", [
    button(t.t("standup.button.answer"), STANDUP_IDS.answer, { value: String(standupId), style: "primary" }),
  ]);
}

/** The one reply in the post's thread that asks every rep not on leave (mentions, no lookups). */
export function threadAsk(t: T, standupId: number, users: readonly string[], cutoff: string): Message {
  const text = t.t("standup.ask.thread", { users: [...users], cutoff });
  return { text, blocks: [section(text), answerActions(t, standupId)] };
}

/** A rep's DM asking for their answer, in their language. */
export function dmAsk(
  t: T,
  standupId: number,
  team: { name: string; timeZone: string },
  cutoffAt: Date,
): Message {
  const text = t.t("standup.ask.dm", {
    team: escapeMrkdwn(team.name),
    cutoff: timeText(t, cutoffAt, team.timeZone),
    zone: team.timeZone,
  });
  return { text, blocks: [section(text), answerActions(t, standupId)] };
}

// ---------------------------------------------------------------------------------------------------------
// The answer form

export interface AnswerFormView {
  standupId: number;
  teamName: string;
  day: LocalDate;
  timeZone: string;
  cutoffAt: Date;
  /** The cut-off has passed. */
  late: boolean;
  /** The summary's content is fixed: a first answer now goes to the thread. */
  closed: boolean;
  answer: AnswerInput | null;
}

const textInput = (initial: string | undefined, multiline = true) => ({
  type: "plain_text_input" as const,
  multiline,
  max_length: ANSWER_MAX,
  ...(initial ? { initial_value: initial } : {}),
});

/** Wins, plan and (optional) blockers; filled in with the rep's answer when they answered already. */
export function answerModal(t: T, form: AnswerFormView): ModalView {
  const cutoff = timeText(t, form.cutoffAt, form.timeZone);
  const notes = [
    t.t("standup.modal.intro", {
      team: escapeMrkdwn(form.teamName),
      day: dayText(t, form.day, form.timeZone),
      cutoff,
    }),
  ];
  if (form.answer) notes.push(t.t("standup.modal.editing"));
  if (form.closed) notes.push(t.t("standup.modal.afterSummary"));
  else if (form.late) notes.push(t.t("standup.modal.late", { cutoff }));
  return modal({
    title: t.t("standup.modal.title"),
    submit: t.t("standup.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: STANDUP_IDS.submitView,
    metadata: { standupId: form.standupId },
    blocks: [
      section(notes.join("\n")),
      input(ANSWER_FIELD.wins, t.t("standup.modal.wins"), textInput(form.answer?.wins)),
      input(ANSWER_FIELD.plan, t.t("standup.modal.plan"), textInput(form.answer?.plan)),
      input(ANSWER_FIELD.blockers, t.t("standup.modal.blockers"), textInput(form.answer?.blockers), {
        optional: true,
        hint: t.t("standup.modal.blockersHint"),
      }),
    ],
  });
}

/** What the form says once the answer is in. */
export function savedModal(t: T, text: string): ModalView {
  return modal({
    title: t.t("standup.saved.title"),
    close: t.t("common.button.close"),
    blocks: [section(text)],
  });
}

// ---------------------------------------------------------------------------------------------------------
// The summary, late answers and the supervisors' DMs

/** One answer as the thread shows it: who (late or not), wins, plan, blockers; typed text escaped and clipped. */
export function answerText(t: T, answer: StandupAnswer, max: number = ANSWER_MAX): string {
  const text = (s: string) => escapeMrkdwn(clip(s.trim(), max));
  const lines = [
    `${t.t("standup.answer.who", { user: answer.repId })}${answer.late ? ` ${t.t("standup.answer.late")}` : ""}`,
    t.t("standup.answer.wins", { text: text(answer.wins) }),
    t.t("standup.answer.plan", { text: text(answer.plan) }),
  ];
  if (answer.blockers.trim()) lines.push(t.t("standup.answer.blockers", { text: text(answer.blockers) }));
  return lines.join("\n");
}

export interface SummaryFacts {
  teamName: string;
  day: LocalDate;
  timeZone: string;
  asked: number;
  answers: StandupAnswer[];
  /** Reps on leave today (not asked), by name. */
  outNames: string[];
}

/**
 * The summary in the post's thread: how many of those asked answered, each answer (one section each for up
 * to 40, then several to a section and each text shorter, so it stays within Slack's 50 blocks), and who
 * was on leave. Who did not answer is for the supervisors alone, by DM.
 */
export function summaryMessage(t: T, f: SummaryFacts): Message {
  const head = t.t("standup.summary.head", {
    team: escapeMrkdwn(f.teamName),
    day: dayText(t, f.day, f.timeZone),
    answered: f.answers.length,
    asked: f.asked,
  });
  const max = summaryClip(f.answers.length);
  const blocks: KnownBlock[] = [section(head)];
  if (f.answers.length === 0) blocks.push(section(t.t("standup.summary.none")));
  else
    blocks.push(
      ...linesToSections(
        f.answers.map((a) => answerText(t, a, max)),
        47,
        (count) => t.t("standup.summary.more", { count }),
        "\n\n",
      ),
    );
  if (f.outNames.length > 0)
    blocks.push(section(t.t("standup.summary.out", { names: t.list(f.outNames.map(escapeMrkdwn)) })));
  return { text: head, blocks };
}

/** A late answer, added to the thread after the summary. */
export function lateMessage(t: T, answer: StandupAnswer): Message {
  const text = `${t.t("standup.late", { user: answer.repId })}\n${answerText(t, answer)}`;
  return { text, blocks: [section(text)] };
}

/** Where the standup's thread is: a link to it, or the channel when Slack gave no link. */
export function threadLink(t: T, where: { permalink: string | null; channelId: string }): string {
  return where.permalink
    ? `<${where.permalink}|${t.t("standup.link")}>`
    : t.t("standup.inChannel", { channel: where.channelId });
}

/** A supervisor's DM at the cut-off: who did not answer, or that everyone did. */
export function missingMessage(
  t: T,
  f: { teamName: string; day: LocalDate; timeZone: string; cutoffAt: Date; missing: readonly string[] },
  link: string,
): Message {
  const common = { team: escapeMrkdwn(f.teamName), day: dayText(t, f.day, f.timeZone) };
  const text =
    f.missing.length > 0
      ? t.t("standup.missing", {
          ...common,
          cutoff: timeText(t, f.cutoffAt, f.timeZone),
          users: [...f.missing],
        })
      : t.t("standup.missing.none", common);
  return { text, blocks: [section(`${text}\n${link}`)] };
}

/** A supervisor's DM the moment a rep writes a blocker. */
export function blockerMessage(
  t: T,
  f: { repId: string; teamName: string; day: LocalDate; timeZone: string; blocker: string },
  link: string,
): Message {
  const head = t.t("standup.blocker", {
    user: f.repId,
    team: escapeMrkdwn(f.teamName),
    day: dayText(t, f.day, f.timeZone),
  });
  const quoted = escapeMrkdwn(clip(f.blocker, ANSWER_MAX))
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  return { text: head, blocks: [section(`${head}\n${quoted}\n${link}`)] };
}
