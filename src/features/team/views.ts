import type { KnownBlock, ModalView, PlainTextOption, View } from "@slack/types";
import { z } from "zod";
import type { RoleChange } from "../../platform/access/index.js";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  channelLink,
  context,
  divider,
  fieldsSection,
  header,
  input,
  LIMITS,
  linesToSections,
  mention,
  modal,
  plain,
  type Reply,
  section,
} from "../../platform/slack/index.js";
import { holidayCountries, ISO_WEEKDAYS, type IsoWeekday } from "../../platform/time/index.js";
import type { CreatedTeam } from "./create.js";
import type { MemberChange } from "./members.js";
import type { TeamMessages } from "./messages.js";
import { type RoutineSettings, routineField } from "./routines.js";
import { ESCALATION_HOURS_MAX, POLICY_REMINDER_DAYS_MAX, type TeamSettings, workWeekRuns } from "./rules.js";
import { ASK_IN, QUOTA_PERIODS, ROUTINES, type RoutineName } from "./schema.js";
import type { SettingChange } from "./settings.js";
import type { Membership, TeamWithMembers } from "./store.js";

type T = Translator<TeamMessages>;

/** Slack ids of this feature: registered in listeners.ts, rendered here. */
export const TEAM_IDS = {
  command: "/team",
  editButton: "team.edit",
  createButton: "team.create",
  saveView: "team.save",
} as const;

/** The modal's input blocks; each holds one element whose action_id is `value`. */
export const FIELD = {
  name: "name",
  channel: "channel",
  supervisors: "supervisors",
  reps: "reps",
  timeZone: "timeZone",
  locale: "locale",
  currency: "currency",
  holidayCountry: "holidayCountry",
  workWeek: "workWeek",
  quotaPeriod: "quotaPeriod",
  escalationHours: "escalationHours",
  policyReminderDays: "policyReminderDays",
} as const;
export const VALUE = "value";

/** What the modal carries between opening and submitting. */
export const formMetadata = z.object({
  teamId: z.number().int().positive().nullable(),
  version: z.number().int().positive().nullable(),
  channelId: z.string().nullable(),
});
export type FormMetadata = z.infer<typeof formMetadata>;

export function workWeekText(t: T, days: readonly IsoWeekday[]): string {
  return workWeekRuns(days)
    .map((run) => (run.from === run.to ? t.weekday(run.from) : `${t.weekday(run.from)}–${t.weekday(run.to)}`))
    .join(", ");
}

/** A routine's days for people: "Mon and Thu", "Mon–Fri" (three days or more in a row as a range). */
function routineDays(t: T, days: readonly IsoWeekday[]): string[] {
  return workWeekRuns(days).flatMap((run) =>
    run.to - run.from >= 2
      ? [`${t.weekday(run.from)}–${t.weekday(run.to)}`]
      : Array.from({ length: run.to - run.from + 1 }, (_, i) => t.weekday((run.from + i) as IsoWeekday)),
  );
}

/** When a routine runs, as the card and `/team set` say it: "Mon and Thu at 08:30", or "off". */
export function routineText(t: T, routines: RoutineSettings, routine: RoutineName): string {
  if (!routines[routine].enabled) return t.t("team.routine.off");
  const days = t.list(routineDays(t, routines[routine].days));
  if (routine !== "standup") return t.t("team.routine.schedule", { days, time: routines[routine].time });
  const standup = routines.standup;
  return t.t("team.routine.standupSchedule", {
    days,
    time: standup.time,
    cutoff: standup.cutoff,
    askIn: standup.askIn,
  });
}

/** The card's lines of a team's scheduled posts: "*Motivation:* Mon and Thu at 08:30". */
function routineLines(t: T, routines: RoutineSettings): string {
  return [
    t.t("team.card.routines"),
    ...ROUTINES.map((routine) => `${t.t(`team.routine.${routine}`)}: ${routineText(t, routines, routine)}`),
  ].join("\n");
}

function countryText(t: T, code: string): string {
  const name = holidayCountries(t.language)[code];
  return name ? `${name} (${code})` : code;
}

function settingFields(t: T, team: TeamWithMembers): string[] {
  const s = team.team;
  return [
    `*${t.t("team.card.channel")}*\n${channelLink(s.channelId)}`,
    `*${t.t("team.card.supervisors")}*\n${team.supervisorIds.map(mention).join(", ") || "–"}`,
    `*${t.t("team.card.timeZone")}*\n${s.timeZone}`,
    `*${t.t("team.card.language")}*\n${t.t(`team.language.${s.locale}`)}`,
    `*${t.t("team.card.currency")}*\n${s.currency}`,
    `*${t.t("team.card.holidays")}*\n${countryText(t, s.holidayCountry)}`,
    `*${t.t("team.card.workWeek")}*\n${workWeekText(t, s.workWeek as IsoWeekday[])}`,
    `*${t.t("team.card.quotaPeriod")}*\n${t.t(`team.period.${s.quotaPeriod}`)}`,
    `*${t.t("team.card.escalationHours")}*\n${t.t("team.card.escalationHoursValue", { hours: s.escalationHours })}`,
    `*${t.t("team.card.policyReminderDays")}*\n${t.t("team.card.policyReminderDaysValue", { days: s.policyReminderDays })}`,
  ];
}

/** The blocks describing a team: settings, its scheduled posts, then reps (split over sections as the list grows). */
function teamBlocks(
  t: T,
  team: TeamWithMembers,
  routines: RoutineSettings | null,
  maxBlocks: number,
): KnownBlock[] {
  const scheduled = routines ? [section(routineLines(t, routines))] : [];
  const reps =
    team.repIds.length > 0
      ? [
          section(t.t("team.card.reps", { count: team.repIds.length })),
          ...linesToSections(
            team.repIds.map(mention),
            Math.max(1, maxBlocks - 3 - scheduled.length),
            (count) => t.t("team.card.more", { count }),
            ", ",
          ),
        ]
      : [section(`${t.t("team.card.reps", { count: 0 })}\n${t.t("team.card.noReps")}`)];
  return [header(team.team.name), fieldsSection(settingFields(t, team)), ...scheduled, ...reps];
}

/** `/team` answer: the team card, with an Edit button for those who may change it. */
export function teamCard(
  t: T,
  team: TeamWithMembers,
  options: { mayManage: boolean; boundHere: boolean; routines: RoutineSettings },
): Reply {
  const blocks: KnownBlock[] = [];
  if (!options.boundHere) blocks.push(context(t.t("team.card.notHere", { channel: team.team.channelId })));
  blocks.push(...teamBlocks(t, team, options.routines, LIMITS.blocksPerMessage - 4));
  if (options.mayManage) {
    blocks.push(
      actions("team.card.actions", [
        button(t.t("team.card.edit"), TEAM_IDS.editButton, { value: String(team.team.id), style: "primary" }),
      ]),
    );
  }
  blocks.push(context(t.t("team.card.hint")));
  return { text: t.t("team.card.fallback", { team: team.team.name }), blocks };
}

export function noTeamReply(t: T, options: { mayCreate: boolean; channelId: string }): Reply {
  if (!options.mayCreate) return { text: t.t("team.none") };
  const text = t.t("team.none.admin");
  return {
    text,
    blocks: [
      section(text),
      actions("team.none.actions", [
        button(t.t("team.none.create"), TEAM_IDS.createButton, {
          value: options.channelId,
          style: "primary",
        }),
      ]),
      context(t.t("team.none.adminHint")),
    ],
  };
}

export function severalTeamsReply(t: T, teams: Membership[]): Reply {
  return { text: t.t("team.several", { teams: teams.map((m) => m.teamName) }) };
}

export function helpReply(t: T): Reply {
  return { text: t.t("team.help.fallback"), blocks: [section(t.t("team.help"))] };
}

export function listReply(t: T, teams: TeamWithMembers[]): Reply {
  if (teams.length === 0) return { text: t.t("team.list.empty") };
  const lines = teams.map((team) =>
    t.t("team.list.line", {
      team: team.team.name,
      channel: team.team.channelId,
      supervisors: team.supervisorIds,
      reps: team.repIds.length,
    }),
  );
  return {
    text: t.t("team.list.title"),
    blocks: [
      header(t.t("team.list.title")),
      ...linesToSections(lines, LIMITS.blocksPerMessage - 1, (count) => t.t("team.card.more", { count })),
    ],
  };
}

export function rolesReply(
  t: T,
  roles: { executives: string[]; admins: string[]; configuredAdmins: string[] },
): Reply {
  const admins = [...new Set([...roles.configuredAdmins, ...roles.admins])];
  const text = [
    t.t("team.roles.executives", { users: roles.executives }),
    t.t("team.roles.admins", { users: admins }),
  ].join("\n");
  return {
    text: t.t("team.roles.title"),
    blocks: [header(t.t("team.roles.title")), section(text), context(t.t("team.roles.howto"))],
  };
}

export function createdReply(t: T, created: CreatedTeam, routines: RoutineSettings): Reply {
  const lines = [
    t.t("team.created", {
      team: created.team.team.name,
      channel: created.team.team.channelId,
      supervisors: created.team.supervisorIds,
    }),
  ];
  if (created.defaultsFrom) {
    const team = created.team.team;
    lines.push(
      t.t("team.created.defaults", {
        from: created.defaultsFrom,
        timeZone: team.timeZone,
        holidays: countryText(t, team.holidayCountry),
        currency: team.currency,
        language: t.t(`team.language.${team.locale}`),
        workWeek: workWeekText(t, team.workWeek as IsoWeekday[]),
        period: t.t(`team.period.${team.quotaPeriod}`),
      }),
    );
  }
  if (!created.appInChannel)
    lines.push(t.t("team.created.inviteApp", { channel: created.team.team.channelId }));
  const text = lines.join("\n");
  return {
    text,
    blocks: [section(text), ...teamBlocks(t, created.team, routines, LIMITS.blocksPerMessage - 2)],
  };
}

export function memberChangeReply(t: T, change: MemberChange): Reply {
  const name = change.team.team.name;
  const lines: string[] = [];
  if (change.changed.length > 0) {
    const key = {
      add: "team.members.added",
      move: "team.members.moved",
      remove: "team.members.removed",
      addSupervisor: "team.members.supervisorsAdded",
      removeSupervisor: "team.members.supervisorsRemoved",
    } as const;
    lines.push(t.t(key[change.op], { team: name, users: change.changed }));
  }
  if (change.unchanged.length > 0) {
    const removing = change.op === "remove" || change.op === "removeSupervisor";
    lines.push(
      t.t(removing ? "team.members.unchanged.out" : "team.members.unchanged.in", { users: change.unchanged }),
    );
  }
  for (const other of change.elsewhere) {
    lines.push(t.t("team.members.elsewhere", { user: other.userId, team: other.teamName }));
  }
  for (const rejected of change.rejected) {
    lines.push(t.t(`team.person.${rejected.problem}`, { user: rejected.userId }));
  }
  return { text: lines.join("\n") };
}

export function settingChangeReply(t: T, change: SettingChange): Reply {
  const team = change.team.team;
  const label: Record<SettingChange["key"], string> = {
    name: t.t("team.modal.name"),
    timeZone: t.t("team.card.timeZone"),
    locale: t.t("team.card.language"),
    currency: t.t("team.card.currency"),
    holidayCountry: t.t("team.card.holidays"),
    workWeek: t.t("team.card.workWeek"),
    quotaPeriod: t.t("team.card.quotaPeriod"),
    escalationHours: t.t("team.card.escalationHours"),
    policyReminderDays: t.t("team.card.policyReminderDays"),
    channel: t.t("team.card.channel"),
    motivation: t.t("team.routine.motivation"),
    spotlight: t.t("team.routine.spotlight"),
    standup: t.t("team.routine.standup"),
  };
  const value: Record<SettingChange["key"], () => string> = {
    name: () => team.name,
    timeZone: () => team.timeZone,
    locale: () => t.t(`team.language.${team.locale}`),
    currency: () => team.currency,
    holidayCountry: () => countryText(t, team.holidayCountry),
    workWeek: () => workWeekText(t, team.workWeek as IsoWeekday[]),
    quotaPeriod: () => t.t(`team.period.${team.quotaPeriod}`),
    escalationHours: () => t.t("team.card.escalationHoursValue", { hours: team.escalationHours }),
    policyReminderDays: () => t.t("team.card.policyReminderDaysValue", { days: team.policyReminderDays }),
    channel: () => channelLink(team.channelId),
    motivation: () => ("routines" in change ? routineText(t, change.routines, "motivation") : ""),
    spotlight: () => ("routines" in change ? routineText(t, change.routines, "spotlight") : ""),
    standup: () => ("routines" in change ? routineText(t, change.routines, "standup") : ""),
  };
  const done = t.t("team.set.done", {
    team: team.name,
    setting: label[change.key],
    value: value[change.key](),
  });
  return { text: [done, ...("notes" in change ? change.notes : [])].join("\n") };
}

export function roleChangeReply(t: T, change: RoleChange): Reply {
  const role = t.t(`access.role.${change.role}`);
  const lines: string[] = [];
  if (change.changed.length > 0) {
    lines.push(
      t.t(change.op === "grant" ? "team.roles.granted" : "team.roles.revoked", {
        users: change.changed,
        role: change.role,
      }),
    );
  }
  if (change.unchanged.length > 0) {
    lines.push(
      t.t(change.op === "grant" ? "team.roles.unchangedGrant" : "team.roles.unchangedRevoke", {
        users: change.unchanged,
        role,
      }),
    );
  }
  for (const rejected of change.rejected)
    lines.push(t.t(`team.person.${rejected.problem}`, { user: rejected.userId }));
  if (change.stillAdmin.length > 0) lines.push(t.t("team.roles.stillAdmin", { users: change.stillAdmin }));
  return { text: lines.join("\n") };
}

function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, 75), value };
}

/** The team modal: create (no team yet) or edit. One builder for views.open and views.update. */
export function teamModal(
  t: T,
  form: {
    team: TeamWithMembers | null;
    defaults: TeamSettings;
    routines: RoutineSettings;
    channelId: string | null;
  },
): ModalView {
  const s = form.defaults;
  const metadata: FormMetadata = {
    teamId: form.team?.team.id ?? null,
    version: form.team?.team.version ?? null,
    channelId: form.channelId,
  };
  const localeOptions = (["en", "sv"] as const).map((code) => option(t.t(`team.language.${code}`), code));
  const periodOptions = QUOTA_PERIODS.map((period) => option(t.t(`team.period.${period}`), period));
  const dayOptions = ISO_WEEKDAYS.map((day) => option(t.weekday(day, "long"), String(day)));
  const pick = <O extends PlainTextOption>(options: O[], value: string) =>
    options.find((o) => o.value === value);
  const blocks: KnownBlock[] = [
    input(FIELD.name, t.t("team.modal.name"), {
      type: "plain_text_input",
      max_length: 80,
      placeholder: plain(t.t("team.modal.namePlaceholder"), LIMITS.placeholder),
      ...(s.name ? { initial_value: s.name } : {}),
    }),
    input(
      FIELD.channel,
      t.t("team.modal.channel"),
      {
        type: "conversations_select",
        filter: {
          include: ["public", "private"],
          exclude_bot_users: true,
          exclude_external_shared_channels: true,
        },
        ...(form.channelId ? { initial_conversation: form.channelId } : {}),
      },
      { hint: t.t("team.modal.channelHint") },
    ),
    input(FIELD.supervisors, t.t("team.modal.supervisors"), {
      type: "multi_users_select",
      ...(form.team && form.team.supervisorIds.length > 0 ? { initial_users: form.team.supervisorIds } : {}),
    }),
    input(
      FIELD.reps,
      t.t("team.modal.reps"),
      {
        type: "multi_users_select",
        ...(form.team && form.team.repIds.length > 0 ? { initial_users: form.team.repIds } : {}),
      },
      { hint: t.t("team.modal.repsHint"), optional: true },
    ),
    input(
      FIELD.timeZone,
      t.t("team.modal.timeZone"),
      { type: "plain_text_input", initial_value: s.timeZone, max_length: 64 },
      { hint: t.t("team.modal.timeZoneHint") },
    ),
    input(FIELD.locale, t.t("team.modal.language"), {
      type: "static_select",
      options: localeOptions,
      initial_option: pick(localeOptions, s.locale),
    }),
    input(
      FIELD.currency,
      t.t("team.modal.currency"),
      { type: "plain_text_input", initial_value: s.currency, max_length: 3, min_length: 3 },
      { hint: t.t("team.modal.currencyHint") },
    ),
    input(
      FIELD.holidayCountry,
      t.t("team.modal.holidays"),
      { type: "plain_text_input", initial_value: s.holidayCountry, max_length: 2, min_length: 2 },
      { hint: t.t("team.modal.holidaysHint") },
    ),
    input(FIELD.workWeek, t.t("team.modal.workWeek"), {
      type: "checkboxes",
      options: dayOptions,
      initial_options: dayOptions.filter((o) => s.workWeek.includes(Number(o.value) as IsoWeekday)),
    }),
    input(FIELD.quotaPeriod, t.t("team.modal.quotaPeriod"), {
      type: "static_select",
      options: periodOptions,
      initial_option: pick(periodOptions, s.quotaPeriod),
    }),
    input(
      FIELD.escalationHours,
      t.t("team.modal.escalationHours"),
      {
        type: "number_input",
        is_decimal_allowed: false,
        min_value: "1",
        max_value: String(ESCALATION_HOURS_MAX),
        initial_value: String(s.escalationHours),
      },
      { hint: t.t("team.modal.escalationHoursHint") },
    ),
    input(
      FIELD.policyReminderDays,
      t.t("team.modal.policyReminderDays"),
      {
        type: "number_input",
        is_decimal_allowed: false,
        min_value: "1",
        max_value: String(POLICY_REMINDER_DAYS_MAX),
        initial_value: String(s.policyReminderDays),
      },
      { hint: t.t("team.modal.policyReminderDaysHint") },
    ),
    ...routineInputs(t, form.routines, dayOptions),
  ];
  return modal({
    callbackId: TEAM_IDS.saveView,
    title: t.t(form.team ? "team.modal.titleEdit" : "team.modal.titleNew"),
    submit: t.t(form.team ? "team.modal.save" : "team.modal.create"),
    close: t.t("team.modal.cancel"),
    metadata,
    blocks,
  });
}

/**
 * The modal's scheduled posts: for each routine whether it runs, its days and its time; for the standup
 * also its cut-off and where reps are asked. Block ids `motivationOn`, `motivationDays`, ... (see
 * `routineField`).
 */
function routineInputs(t: T, routines: RoutineSettings, dayOptions: PlainTextOption[]): KnownBlock[] {
  const onOption = option(t.t("team.modal.routineOn"), "on");
  const askOptions = ASK_IN.map((place) => option(t.t(`team.askIn.${place}`), place));
  const hints = {
    motivation: t.t("team.modal.motivationHint"),
    spotlight: t.t("team.modal.spotlightHint"),
    standup: t.t("team.modal.standupHint"),
  } as const;
  const blocks: KnownBlock[] = [divider(), section(t.t("team.card.routines"))];
  for (const routine of ROUTINES) {
    const setting = routines[routine];
    const name = t.t(`team.routine.${routine}`);
    blocks.push(
      input(
        routineField(routine, "On"),
        name,
        {
          type: "checkboxes",
          options: [onOption],
          ...(setting.enabled ? { initial_options: [onOption] } : {}),
        },
        { optional: true, hint: hints[routine] },
      ),
      input(
        routineField(routine, "Days"),
        t.t("team.modal.routineDays", { routine: name }),
        {
          type: "checkboxes",
          options: dayOptions,
          initial_options: dayOptions.filter((o) => setting.days.includes(Number(o.value) as IsoWeekday)),
        },
        { optional: true },
      ),
      input(routineField(routine, "Time"), t.t("team.modal.routineTime", { routine: name }), {
        type: "timepicker",
        initial_time: setting.time,
      }),
    );
  }
  blocks.push(
    input(
      routineField("standup", "Cutoff"),
      t.t("team.modal.standupCutoff"),
      { type: "timepicker", initial_time: routines.standup.cutoff },
      { hint: t.t("team.modal.standupCutoffHint") },
    ),
    input(routineField("standup", "AskIn"), t.t("team.modal.standupAskIn"), {
      type: "radio_buttons",
      options: askOptions,
      initial_option: askOptions.find((o) => o.value === routines.standup.askIn),
    }),
  );
  return blocks;
}

/** What the modal turns into after a successful save: the team as it now is. */
export function savedModal(
  t: T,
  team: TeamWithMembers,
  routines: RoutineSettings,
  created: boolean,
  appInChannel: boolean | null,
): ModalView {
  const lines = [t.t(created ? "team.modal.created" : "team.modal.updated", { team: team.team.name })];
  if (appInChannel === false) lines.push(t.t("team.created.inviteApp", { channel: team.team.channelId }));
  return modal({
    title: t.t("team.modal.titleSaved"),
    close: t.t("common.button.close"),
    blocks: [section(lines.join("\n")), ...teamBlocks(t, team, routines, LIMITS.blocksPerView - 1)],
  });
}

export type { View };
