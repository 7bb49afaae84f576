import type { Button, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import {
  createTranslator,
  intlLocaleFor,
  LANGUAGES,
  type Language,
  type Translator,
} from "../../platform/i18n/index.js";
import type { Reply } from "../../platform/slack/index.js";
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
import type { LocalDate } from "../../platform/time/index.js";
import { type CoachingMessages, coachingMessages } from "./messages.js";
import {
  defaultFirstReview,
  MAX_GOAL_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REVIEWS,
  nextOpenReview,
  REVIEW_FIELDS,
} from "./rules.js";
import {
  type CoachingPlan,
  type CoachingReview,
  PLAN_OUTCOMES,
  type PlanOutcome,
  REVIEW_PROGRESS,
  type ReviewProgress,
} from "./schema.js";
import { CLOSE_FIELD, PLAN_FIELD, type PlanForm, RECORD_FIELD, type RepPlans } from "./service.js";
import type { PlanRecord } from "./store.js";

export const COACHING_IDS = {
  command: "/coach",
  submitView: "coaching.submit",
  /** The button on an escalation's DM: value = the escalation's id. */
  fromEscalation: "coaching.fromEscalation",
  /** The button another feature (warnings) shows: value = JSON `{ repId, warningId?, escalationId? }`. */
  start: "coaching.start",
  /** Record progress: value = `<plan>` (its next open review) or `<plan>:<review>`. */
  record: "coaching.record",
  recordView: "coaching.record.submit",
  /** Close plan: value = the plan's id. */
  close: "coaching.close",
  closeView: "coaching.close.submit",
  actionsBlock: "coaching.actions",
} as const;

type T = Translator<CoachingMessages>;

/** A calendar date in the reader's words. */
export const dayName = (t: T, date: LocalDate) => t.date(new Date(`${date}T12:00:00Z`), "UTC", "date");
export const progressName = (t: T, progress: ReviewProgress) => t.t(`coaching.progress.${progress}`);
export const outcomeName = (t: T, outcome: PlanOutcome) => t.t(`coaching.outcome.${outcome}`);
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });
const quoted = (text: string) => escapeMrkdwn(text);

/**
 * The button that opens the plan form pre-filled with a rep (and linked to a warning or escalation), for
 * another feature's DM. Its label in a language, or as given.
 */
export function startPlanButton(
  labelOrLanguage: Language | string,
  value: { repId: string; warningId?: number; escalationId?: number },
): Button {
  const label = (LANGUAGES as readonly string[]).includes(labelOrLanguage)
    ? createTranslator(
        coachingMessages,
        labelOrLanguage as Language,
        intlLocaleFor(labelOrLanguage as Language),
      ).t("coaching.button.start")
    : labelOrLanguage;
  return button(label, COACHING_IDS.start, { value: JSON.stringify(value) });
}

/** The plan form: rep, goal, actions, up to four review dates (the first in two weeks), a linked escalation. */
export function planModal(t: T, form: PlanForm): ModalView {
  const blocks: KnownBlock[] = [section(t.t("coaching.modal.intro"))];
  if (form.warningId !== null) blocks.push(context(t.t("coaching.modal.fromWarning")));
  blocks.push(
    input(PLAN_FIELD.rep, t.t("coaching.modal.rep"), {
      type: "users_select",
      ...(form.repId ? { initial_user: form.repId } : {}),
    }),
    input(
      PLAN_FIELD.goal,
      t.t("coaching.modal.goal"),
      { type: "plain_text_input", max_length: MAX_GOAL_LENGTH },
      { hint: t.t("coaching.modal.goalHint") },
    ),
    input(
      PLAN_FIELD.actions,
      t.t("coaching.modal.actions"),
      { type: "plain_text_input", multiline: true, max_length: 2000 },
      { hint: t.t("coaching.modal.actionsHint"), optional: true },
    ),
  );
  REVIEW_FIELDS.slice(0, MAX_REVIEWS).forEach((field, i) => {
    blocks.push(
      input(
        field,
        t.t("coaching.modal.review", { n: i + 1 }),
        { type: "datepicker", ...(i === 0 ? { initial_date: defaultFirstReview(form.today) } : {}) },
        i === 0 ? { hint: t.t("coaching.modal.reviewHint") } : { optional: true },
      ),
    );
  });
  const options = form.escalations.slice(0, 100).map((e) =>
    option(
      t.t("coaching.modal.escalationOption", {
        date: dayName(t, e.createdAt.toISOString().slice(0, 10)),
        details: e.details.replace(/\s+/g, " "),
      }),
      String(e.id),
    ),
  );
  const initial = options.find((o) => o.value === String(form.escalationId));
  if (options.length > 0) {
    blocks.push(
      input(
        PLAN_FIELD.escalation,
        t.t("coaching.modal.escalation"),
        { type: "static_select", options, ...(initial ? { initial_option: initial } : {}) },
        { optional: true },
      ),
    );
  }
  return modal({
    title: t.t("coaching.modal.title"),
    submit: t.t("coaching.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: COACHING_IDS.submitView,
    metadata: { warningId: form.warningId },
    blocks,
  });
}

export function startedModal(t: T, plan: CoachingPlan, coaches: string[]): ModalView {
  return modal({
    title: t.t("coaching.started.title"),
    close: t.t("common.button.close"),
    blocks: [section(t.t("coaching.started.text", { rep: plan.repId, coaches }))],
  });
}

function reviewLine(t: T, review: CoachingReview): string {
  const date = dayName(t, review.date);
  return review.progress
    ? t.t("coaching.review.recorded", {
        date,
        progress: progressName(t, review.progress),
        note: quoted(review.note ?? ""),
        by: review.recordedBy ?? "",
      })
    : t.t("coaching.review.upcoming", { date });
}

/** Where a plan stands, in one line. */
export function planState(t: T, plan: CoachingPlan): string {
  return plan.status === "active" || !plan.outcome
    ? t.t("coaching.state.active")
    : t.t("coaching.state.closed", {
        by: plan.closedBy ?? "",
        outcome: outcomeName(t, plan.outcome),
        note: quoted(plan.closingNote ?? ""),
      });
}

/** The plan itself: goal, actions, reviews, how it started (the day in the team's zone), where it stands. */
export function planBlocks(t: T, record: PlanRecord, timeZone: string): KnownBlock[] {
  const { plan } = record;
  const actionLines = record.actions.map((a, i) => `${i + 1}. ${quoted(a)}`);
  const origin = [
    t.t("coaching.dm.started", {
      by: plan.startedBy,
      date: t.date(plan.createdAt, timeZone, "date"),
    }),
    ...(plan.escalationId !== null ? [t.t("coaching.dm.fromEscalation")] : []),
    ...(plan.warningId !== null ? [t.t("coaching.dm.fromWarning")] : []),
  ];
  // Long notes and actions fill more than one section (3000 characters each) rather than being cut off.
  const more = (count: number) => t.t("coaching.list.more", { count });
  return [
    section(t.t("coaching.dm.goal", { goal: quoted(plan.goal) })),
    ...(actionLines.length > 0
      ? linesToSections([t.t("coaching.dm.actions"), ...actionLines], 4, more)
      : [section(t.t("coaching.dm.noActions"))]),
    ...linesToSections(
      [t.t("coaching.dm.reviews"), ...record.reviews.map((r) => `• ${reviewLine(t, r)}`)],
      MAX_REVIEWS + 1,
      more,
    ),
    context(origin.join(" ")),
    context(planState(t, plan)),
  ];
}

/** A coach's DM of the plan: the plan, and while it is active Record progress and Close plan. */
export function coachMessage(
  t: T,
  record: PlanRecord,
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  const { plan } = record;
  const title = t.t("coaching.dm.coach", { rep: plan.repId });
  const blocks: KnownBlock[] = [section(title), ...planBlocks(t, record, timeZone)];
  if (plan.status === "active") {
    const buttons = [
      ...(nextOpenReview(record.reviews)
        ? [
            button(t.t("coaching.button.record"), COACHING_IDS.record, {
              value: String(plan.id),
              style: "primary",
            }),
          ]
        : []),
      button(t.t("coaching.button.close"), COACHING_IDS.close, { value: String(plan.id) }),
    ];
    blocks.push(actions(COACHING_IDS.actionsBlock, buttons));
  }
  return { text: `${title}: ${quoted(plan.goal)}`, blocks };
}

/** The rep's DM of their plan: the same plan, no buttons. */
export function repMessage(
  t: T,
  record: PlanRecord,
  coaches: string[],
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  const title = t.t("coaching.dm.rep", { coaches });
  return {
    text: `${title}: ${quoted(record.plan.goal)}`,
    blocks: [section(title), ...planBlocks(t, record, timeZone)],
  };
}

/** A review-day DM: to a coach with Record progress (until it is recorded or the plan closes), or to the rep. */
export function dueMessage(
  t: T,
  plan: CoachingPlan,
  review: CoachingReview,
  role: "coach" | "rep",
  coaches: string[],
  notifiedOn: LocalDate,
): { text: string; blocks: KnownBlock[] } {
  const today = notifiedOn === review.date;
  const date = dayName(t, review.date);
  const line =
    role === "coach"
      ? t.t("coaching.due.coach", { rep: plan.repId, date, today })
      : t.t("coaching.due.rep", { coaches, date, today });
  const blocks: KnownBlock[] = [section(line), section(t.t("coaching.dm.goal", { goal: quoted(plan.goal) }))];
  if (review.progress) {
    blocks.push(
      context(
        t.t("coaching.due.recorded", {
          by: review.recordedBy ?? "",
          progress: progressName(t, review.progress),
        }),
      ),
    );
  } else if (plan.status === "closed") {
    blocks.push(context(t.t("coaching.due.planClosed")));
  } else if (role === "coach") {
    blocks.push(
      actions(COACHING_IDS.actionsBlock, [
        button(t.t("coaching.button.record"), COACHING_IDS.record, {
          value: `${plan.id}:${review.id}`,
          style: "primary",
        }),
      ]),
    );
  }
  return { text: line, blocks };
}

/** The rep told of a review's progress. */
export function progressMessage(t: T, review: CoachingReview): { text: string } {
  return {
    text: t.t("coaching.told.progress", {
      by: review.recordedBy ?? "",
      date: dayName(t, review.date),
      progress: progressName(t, review.progress ?? "onTrack"),
      note: quoted(review.note ?? ""),
    }),
  };
}

/** The rep told the plan closed. */
export function closedMessage(t: T, plan: CoachingPlan): { text: string } {
  return {
    text: t.t("coaching.told.closed", {
      by: plan.closedBy ?? "",
      outcome: outcomeName(t, plan.outcome ?? "achieved"),
      note: quoted(plan.closingNote ?? ""),
    }),
  };
}

export function recordModal(t: T, plan: CoachingPlan, review: CoachingReview): ModalView {
  return modal({
    title: t.t("coaching.record.title"),
    submit: t.t("coaching.record.submit"),
    close: t.t("common.button.close"),
    callbackId: COACHING_IDS.recordView,
    metadata: { planId: plan.id, reviewId: review.id },
    blocks: [
      section(
        t.t("coaching.record.intro", {
          rep: plan.repId,
          date: dayName(t, review.date),
          goal: quoted(plan.goal),
        }),
      ),
      input(RECORD_FIELD.progress, t.t("coaching.record.progress"), {
        type: "radio_buttons",
        options: REVIEW_PROGRESS.map((p) => option(progressName(t, p), p)),
      }),
      input(
        RECORD_FIELD.note,
        t.t("coaching.record.note"),
        { type: "plain_text_input", multiline: true, max_length: MAX_NOTE_LENGTH },
        { hint: t.t("coaching.record.noteHint") },
      ),
    ],
  });
}

export function closeModal(t: T, plan: CoachingPlan): ModalView {
  return modal({
    title: t.t("coaching.close.title"),
    submit: t.t("coaching.close.submit"),
    close: t.t("common.button.close"),
    callbackId: COACHING_IDS.closeView,
    metadata: { planId: plan.id },
    blocks: [
      section(t.t("coaching.close.intro", { rep: plan.repId, goal: quoted(plan.goal) })),
      input(CLOSE_FIELD.outcome, t.t("coaching.close.outcome"), {
        type: "radio_buttons",
        options: PLAN_OUTCOMES.map((o) => option(outcomeName(t, o), o)),
      }),
      input(
        CLOSE_FIELD.note,
        t.t("coaching.close.note"),
        { type: "plain_text_input", multiline: true, max_length: MAX_NOTE_LENGTH },
        { hint: t.t("coaching.close.noteHint") },
      ),
    ],
  });
}

export function doneModal(t: T, title: string, text: string): ModalView {
  return modal({ title, close: t.t("common.button.close"), blocks: [section(text)] });
}

export function helpReply(t: T): Reply {
  return { text: t.t("coaching.help") };
}

/** A rep's plans as a private reply: the active one in full, earlier ones a line each. */
export function repPlansReply(t: T, plans: RepPlans, mine: boolean): Reply {
  const blocks: KnownBlock[] = [];
  if (plans.active) {
    blocks.push(
      section(
        mine ? t.t("coaching.dm.rep", { coaches: [] }) : t.t("coaching.dm.coach", { rep: plans.repId }),
      ),
      ...planBlocks(t, plans.active, plans.timeZone),
    );
  } else if (plans.closed.length === 0) {
    const text = mine ? t.t("coaching.show.mineNone") : t.t("coaching.show.none", { rep: plans.repId });
    return { text };
  } else if (!mine) blocks.push(section(t.t("coaching.show.noneActive", { rep: plans.repId })));
  if (plans.closed.length > 0) {
    const items = plans.closed.slice(0, 10).map((p) =>
      t.t("coaching.show.closedItem", {
        goal: quoted(p.goal),
        date: t.date(p.closedAt ?? p.updatedAt, plans.timeZone, "date"),
        outcome: outcomeName(t, p.outcome ?? "achieved"),
      }),
    );
    blocks.push(section(`${t.t("coaching.show.earlier")}\n${items.join("\n")}`));
  }
  const text = plans.active
    ? `${mine ? t.t("coaching.dm.rep", { coaches: [] }) : t.t("coaching.dm.coach", { rep: plans.repId })}: ${quoted(plans.active.plan.goal)}`
    : t.t(mine ? "coaching.show.mineNone" : "coaching.show.noneActive", { rep: plans.repId });
  return { text, blocks };
}

/** The active plans of a supervisor's teams, a line each with the next review. */
export function listReply(t: T, records: PlanRecord[]): Reply {
  if (records.length === 0) return { text: t.t("coaching.list.none") };
  const lines = records.map((r) => {
    const next = nextOpenReview(r.reviews);
    return t.t("coaching.list.item", {
      rep: r.plan.repId,
      goal: quoted(r.plan.goal),
      next: next ? dayName(t, next.date) : t.t("coaching.list.noNext"),
    });
  });
  const text = `${t.t("coaching.list.header")}\n${lines.join("\n")}`;
  // Many plans with long goals fill several sections (3000 characters each), never cut mid-line.
  const blocks = linesToSections([t.t("coaching.list.header"), ...lines], 45, (count) =>
    t.t("coaching.list.more", { count }),
  );
  return { text, blocks };
}

/** For a handler's escalation DM: the rep's active plan in one line. */
export function activePlanLine(t: T, record: PlanRecord): string {
  const next = nextOpenReview(record.reviews);
  return t.t("coaching.esc.active", {
    goal: quoted(record.plan.goal),
    next: next ? dayName(t, next.date) : t.t("coaching.list.noNext"),
  });
}

/** For the executive's escalation DM: the plan started from it and its latest progress. */
export function linkedPlanLine(t: T, record: PlanRecord, latest: CoachingReview | null): string {
  const { plan } = record;
  const state =
    plan.status === "closed" && plan.outcome
      ? t.t("coaching.esc.closed", { outcome: outcomeName(t, plan.outcome) })
      : latest?.progress
        ? t.t("coaching.esc.latest", {
            date: dayName(t, latest.date),
            progress: progressName(t, latest.progress),
          })
        : t.t("coaching.esc.noReview");
  return t.t("coaching.esc.linked", { goal: quoted(plan.goal), state });
}
