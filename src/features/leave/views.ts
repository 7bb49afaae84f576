import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import {
  button,
  context,
  input,
  linesToSections,
  modal,
  plain,
  type Reply,
  section,
} from "../../platform/slack/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { ALLOWANCE_FIELD } from "./allowances.js";
import { monthName, spanText } from "./format.js";
import type { LeaveMessages } from "./messages.js";
import { LEAVE_TYPES, type LeaveType } from "./rules.js";
import type { LeaveAllowanceRow, LeaveRequestRow } from "./schema.js";
import { cancellable, LEAVE_FIELD, type LeaveFormData, type TypeBalance, yearName } from "./service.js";
import type { Leave } from "./store.js";

type T = Translator<LeaveMessages>;

export const LEAVE_IDS = {
  command: "/leave",
  shortcut: "leave.request",
  submitView: "leave.submit",
  cancelButton: "leave.cancel",
} as const;

export function typeName(t: T, type: LeaveType): string {
  return t.t(`leave.type.${type}`);
}

export function daysText(t: T, halfDays: number): string {
  return t.t("leave.days", { days: t.number(halfDays / 2, { maximumFractionDigits: 1 }) });
}

/** "Mon 6 – Fri 10 Jul 2026", with "from noon" / "until noon" where a half day is taken. */
export function datesText(
  t: T,
  leave: Pick<LeaveRequestRow, "startOn" | "endOn" | "halfDayStart" | "halfDayEnd">,
): string {
  const half = [
    leave.halfDayStart ? t.t("leave.halfStart") : null,
    leave.halfDayEnd && leave.endOn !== leave.startOn ? t.t("leave.halfEnd") : null,
  ].filter(Boolean);
  const dates = spanText(t.locale, leave.startOn, leave.endOn);
  return half.length > 0 ? `${dates}, ${half.join(", ")}` : dates;
}

export function summaryOf(t: T, leave: LeaveRequestRow): string {
  return t.t("leave.summary", {
    type: typeName(t, leave.type),
    dates: datesText(t, leave),
    days: daysText(t, leave.halfDays),
  });
}

function balanceLines(t: T, balances: readonly TypeBalance[]): string[] {
  return balances.map((b) => {
    const n = (half: number) => t.number(half / 2, { maximumFractionDigits: 1 });
    return `${t.t("leave.balance.line", {
      type: typeName(t, b.type),
      available: n(b.balance.availableHalfDays),
      allowance: n(b.balance.allowanceHalfDays + b.balance.carriedHalfDays),
      year: yearName(t.locale, b.year),
    })}: ${t.t("leave.balance.detail", {
      used: n(b.balance.usedHalfDays),
      pending: n(b.balance.pendingHalfDays),
      carried: n(b.balance.carriedHalfDays),
    })}`;
  });
}

function typeOption(t: T, type: LeaveType): PlainTextOption {
  return { text: plain(typeName(t, type), 75), value: type };
}

/** The leave form: type, first and last day, half days, note; who decides and the person's balances. */
export function leaveModal(t: T, data: LeaveFormData, day: LocalDate): ModalView {
  const blocks: KnownBlock[] = [
    section(t.t("leave.modal.intro", { team: data.team.team.name, deciders: data.deciders })),
    input(LEAVE_FIELD.type, t.t("leave.modal.type"), {
      type: "static_select",
      options: LEAVE_TYPES.map((type) => typeOption(t, type)),
      initial_option: typeOption(t, "vacation"),
    }),
    input(LEAVE_FIELD.start, t.t("leave.modal.start"), { type: "datepicker", initial_date: day }),
    input(LEAVE_FIELD.end, t.t("leave.modal.end"), { type: "datepicker", initial_date: day }),
    input(
      LEAVE_FIELD.halfDay,
      t.t("leave.modal.halfDay"),
      {
        type: "checkboxes",
        options: [
          { text: plain(t.t("leave.modal.halfDayStart"), 75), value: "start" },
          { text: plain(t.t("leave.modal.halfDayEnd"), 75), value: "end" },
        ],
      },
      { optional: true },
    ),
    input(
      LEAVE_FIELD.note,
      t.t("leave.modal.note"),
      { type: "plain_text_input", multiline: true, max_length: 500 },
      { optional: true, hint: t.t("leave.modal.noteHint") },
    ),
  ];
  if (data.balances.length > 0)
    blocks.push(context(t.t("leave.modal.balances", { lines: balanceLines(t, data.balances) })));
  return modal({
    title: t.t("leave.modal.title"),
    submit: t.t("leave.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: LEAVE_IDS.submitView,
    blocks,
  });
}

export function sentModal(t: T, leave: LeaveRequestRow, deciders: readonly string[]): ModalView {
  return modal({
    title: t.t("leave.sent.title"),
    close: t.t("common.button.close"),
    blocks: [section(t.t("leave.sent.text", { summary: summaryOf(t, leave), deciders: [...deciders] }))],
  });
}

export function statusText(t: T, status: Leave["request"]["status"]): string {
  return t.t(`leave.status.${status}`);
}

/** `/leave list`: my leave from today on with a Cancel button where it can be, and my balances. */
export function myLeaveReply(
  t: T,
  data: { leave: Leave[]; balances: TypeBalance[]; today: LocalDate },
): Reply {
  const blocks: KnownBlock[] = [section(`*${t.t("leave.list.title")}*`)];
  if (data.leave.length === 0) blocks.push(section(t.t("leave.list.empty")));
  for (const item of data.leave.slice(0, 20)) {
    const line = t.t("leave.list.line", {
      summary: summaryOf(t, item.leave),
      status: statusText(t, item.request.status),
    });
    blocks.push(
      cancellable(item, data.today)
        ? {
            ...section(line),
            accessory: button(t.t("leave.list.cancel"), LEAVE_IDS.cancelButton, {
              value: String(item.request.id),
            }),
          }
        : section(line),
    );
  }
  blocks.push(
    context(
      data.balances.length > 0
        ? t.t("leave.modal.balances", { lines: balanceLines(t, data.balances) })
        : t.t("leave.list.noAllowances"),
    ),
  );
  const text = [t.t("leave.list.title"), ...data.leave.map((l) => summaryOf(t, l.leave))].join("\n");
  return { text, blocks };
}

/** `/leave cancel`: the requests that can still be cancelled, each with its button. */
export function cancelPickReply(t: T, items: readonly Leave[]): Reply {
  if (items.length === 0) return { text: t.t("leave.cancel.none") };
  const blocks: KnownBlock[] = [section(t.t("leave.cancel.pick"))];
  for (const item of items.slice(0, 20)) {
    blocks.push({
      ...section(
        t.t("leave.list.line", {
          summary: summaryOf(t, item.leave),
          status: statusText(t, item.request.status),
        }),
      ),
      accessory: button(t.t("leave.list.cancel"), LEAVE_IDS.cancelButton, { value: String(item.request.id) }),
    });
  }
  return { text: t.t("leave.cancel.pick"), blocks };
}

/** `/leave team`: who is out this week and next, privately. */
export function teamAwayReply(
  t: T,
  teamName: string,
  away: readonly LeaveRequestRow[],
  range: { start: LocalDate; end: LocalDate },
): Reply {
  const title = `*${t.t("leave.team.title", { team: teamName })}* ${t.t("leave.team.range", { dates: spanText(t.locale, range.start, range.end) })}`;
  if (away.length === 0) return { text: `${title}\n${t.t("leave.team.nobody")}` };
  const lines = away.map((row) =>
    t.t("leave.otherLine", {
      user: row.requesterId,
      dates: `${typeName(t, row.type)}, ${datesText(t, row)}`,
      status: row.status === "pending" ? t.t("leave.pendingMark") : "",
    }),
  );
  return {
    text: [title, ...lines].join("\n"),
    blocks: [section(title), ...linesToSections(lines, 40, (n) => `+${n}`)],
  };
}

export function helpReply(t: T): Reply {
  return { text: t.t("leave.help.fallback"), blocks: [section(t.t("leave.help"))] };
}

export const ALLOWANCES_VIEW = "leave.allowances";

/** The allowances form: days a year per type, the month the leave year starts, vacation carry-over. */
export function allowancesModal(
  t: T,
  data: { team: { team: { name: string } }; allowances: ReadonlyMap<LeaveType, LeaveAllowanceRow> },
): ModalView {
  const vacation = data.allowances.get("vacation");
  const startMonth = [...data.allowances.values()][0]?.startMonth ?? 1;
  const monthOption = (month: number) => ({
    text: plain(monthName(t.locale, month), 75),
    value: String(month),
  });
  const months = Array.from({ length: 12 }, (_, i) => monthOption(i + 1));
  return modal({
    title: t.t("leave.allowance.title"),
    submit: t.t("leave.allowance.submit"),
    close: t.t("common.button.close"),
    callbackId: ALLOWANCES_VIEW,
    blocks: [
      section(t.t("leave.allowance.intro", { team: data.team.team.name })),
      ...LEAVE_TYPES.map((type) => {
        const days = data.allowances.get(type)?.daysPerYear;
        return input(
          ALLOWANCE_FIELD.days(type),
          t.t("leave.allowance.days", { type: typeName(t, type) }),
          {
            type: "number_input",
            is_decimal_allowed: false,
            min_value: "0",
            max_value: "366",
            ...(days !== undefined ? { initial_value: String(days) } : {}),
          },
          { optional: true },
        );
      }),
      input(ALLOWANCE_FIELD.startMonth, t.t("leave.allowance.month"), {
        type: "static_select",
        options: months,
        initial_option: monthOption(startMonth),
      }),
      input(
        ALLOWANCE_FIELD.carry,
        t.t("leave.allowance.carryLabel"),
        {
          type: "number_input",
          is_decimal_allowed: false,
          min_value: "0",
          max_value: "366",
          ...(vacation?.carryOverCap ? { initial_value: String(vacation.carryOverCap) } : {}),
        },
        { optional: true, hint: t.t("leave.allowance.carryHint") },
      ),
    ],
  });
}

export function allowancesSavedModal(
  t: T,
  saved: readonly { type: LeaveType; days: number | null }[],
): ModalView {
  return modal({
    title: t.t("leave.allowance.saved.title"),
    close: t.t("common.button.close"),
    blocks: [
      section(
        t.t("leave.allowance.saved", {
          lines: saved.map((s) =>
            t.t("leave.allowance.savedLine", { type: typeName(t, s.type), days: s.days }),
          ),
        }),
      ),
    ],
  });
}
