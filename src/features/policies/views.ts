import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  input,
  LIMITS,
  linesToSections,
  modal,
  plain,
  section,
} from "../../platform/slack/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import type { PolicyMessages } from "./messages.js";
import { POLICY_TEXT_MAX, POLICY_TITLE_MAX, type Policy, type PolicyRecipient } from "./schema.js";
import {
  ACKNOWLEDGE_ACTION,
  acknowledgeValue,
  type PendingPolicy,
  POLICY_FIELD,
  type PolicyStanding,
  type PublishForm,
} from "./service.js";
import type { PolicyVersion } from "./store.js";

export const POLICY_IDS = {
  command: "/policy",
  publishView: "policies.publish",
  reviseView: "policies.revise",
  acknowledge: ACKNOWLEDGE_ACTION,
  actionsBlock: "policies.actions",
} as const;

type T = Translator<PolicyMessages>;

/** A calendar date as people read it: "Jun 1, 2026" / "1 juni 2026". */
export function dayText(t: T, date: string): string {
  return t.date(new Date(`${date}T12:00:00Z`), "UTC", "date");
}

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/** The publish form: title, text, effective date, teams (those the person may publish for). */
export function publishModal(t: T, form: PublishForm): ModalView {
  const teams = form.teams.slice(0, LIMITS.options).map((team) => option(team.name, String(team.id)));
  return modal({
    title: t.t("policies.modal.title"),
    submit: t.t("policies.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: POLICY_IDS.publishView,
    metadata: {},
    blocks: [
      section(t.t("policies.modal.intro")),
      ...textInputs(t, { effectiveOn: form.today }),
      input(
        POLICY_FIELD.teams,
        t.t("policies.modal.teamsLabel"),
        {
          type: "multi_static_select",
          options: teams,
          ...(teams.length === 1 ? { initial_options: teams } : {}),
        },
        { hint: t.t("policies.modal.teamsHint") },
      ),
    ],
  });
}

function textInputs(t: T, initial: { title?: string; body?: string; effectiveOn: string }): KnownBlock[] {
  return [
    input(POLICY_FIELD.title, t.t("policies.modal.titleLabel"), {
      type: "plain_text_input",
      max_length: POLICY_TITLE_MAX,
      ...(initial.title ? { initial_value: initial.title } : {}),
    }),
    input(
      POLICY_FIELD.body,
      t.t("policies.modal.bodyLabel"),
      {
        type: "plain_text_input",
        multiline: true,
        max_length: POLICY_TEXT_MAX,
        ...(initial.body ? { initial_value: initial.body } : {}),
      },
      { hint: t.t("policies.modal.bodyHint") },
    ),
    input(POLICY_FIELD.effective, t.t("policies.modal.effectiveLabel"), {
      type: "datepicker",
      initial_date: initial.effectiveOn,
    }),
  ];
}

/** The revise form: the current text to edit; the version it starts from travels in the metadata. */
export function reviseModal(t: T, policy: Policy): ModalView {
  return modal({
    title: t.t("policies.modal.reviseTitle"),
    submit: t.t("policies.modal.submit"),
    close: t.t("common.button.close"),
    callbackId: POLICY_IDS.reviseView,
    metadata: { policyId: policy.id, version: policy.version },
    blocks: [
      section(t.t("policies.modal.reviseIntro", { version: policy.version + 1 })),
      ...textInputs(t, { title: policy.title, body: policy.body, effectiveOn: policy.effectiveOn }),
    ],
  });
}

export function sentModal(t: T, policy: Policy, reps: number, teams: string[]): ModalView {
  const revised = policy.version > 1;
  return modal({
    title: t.t(revised ? "policies.revised.title" : "policies.sent.title"),
    close: t.t("common.button.close"),
    blocks: [
      section(
        revised
          ? t.t("policies.revised.text", { title: escapeMrkdwn(policy.title), version: policy.version })
          : t.t("policies.sent.text", { title: escapeMrkdwn(policy.title), reps, teams: t.list(teams) }),
      ),
    ],
  });
}

/**
 * A rep's DM about one version: the text and, while it is the current version of an active policy and not
 * acknowledged, the button; afterwards when it was acknowledged, or that it was replaced or retired.
 */
export function repMessage(
  t: T,
  shown: { policy: Policy; version: PolicyVersion; recipient: PolicyRecipient },
  zone: string,
): { text: string; blocks: KnownBlock[] } {
  const { policy, version, recipient } = shown;
  const title = escapeMrkdwn(version.title);
  const head =
    version.version > 1
      ? t.t("policies.dm.headRevised", { by: version.by, title, version: version.version })
      : t.t("policies.dm.head", { by: version.by, title });
  const blocks: KnownBlock[] = [
    section(head),
    section(escapeMrkdwn(version.body)),
    context(t.t("policies.dm.effective", { date: dayText(t, version.effectiveOn) })),
  ];
  if (recipient.acknowledgedAt) {
    blocks.push(
      context(t.t("policies.dm.acknowledged", { at: t.date(recipient.acknowledgedAt, zone, "dateTime") })),
    );
  } else if (policy.status === "retired") {
    blocks.push(
      context(t.t("policies.dm.retired", { date: t.date(policy.retiredAt ?? new Date(), zone, "date") })),
    );
  } else if (policy.version !== version.version) {
    blocks.push(context(t.t("policies.dm.replaced", { version: policy.version })));
  } else {
    blocks.push(
      context(t.t("policies.dm.ask")),
      actions(POLICY_IDS.actionsBlock, [
        button(t.t("policies.button.acknowledge"), POLICY_IDS.acknowledge, {
          value: acknowledgeValue(policy.id, version.version),
          style: "primary",
        }),
      ]),
    );
  }
  return { text: head, blocks };
}

/** The short notice in a team's channel (nothing about who has acknowledged). */
export function noticeMessage(t: T, policy: Policy, _zone: string): { text: string; blocks: KnownBlock[] } {
  const params = { title: escapeMrkdwn(policy.title), date: dayText(t, policy.effectiveOn) };
  const text =
    policy.version > 1
      ? t.t("policies.notice.revised", { ...params, version: policy.version })
      : t.t("policies.notice.published", params);
  return { text, blocks: [section(text)] };
}

export function reminderMessage(
  t: T,
  policy: Policy,
  nth: number,
  link: string | null,
): { text: string; blocks: KnownBlock[] } {
  const title = escapeMrkdwn(policy.title);
  const text = t.t(nth >= 2 ? "policies.remind.second" : "policies.remind.first", { title });
  const blocks: KnownBlock[] = [section(link ? `${text} <${link}|${t.t("policies.remind.open")}>` : text)];
  return { text, blocks };
}

export function missingMessage(
  t: T,
  policy: Policy,
  team: string,
  reps: string[],
): { text: string; blocks: KnownBlock[] } {
  const text = t.t("policies.missing", {
    title: escapeMrkdwn(policy.title),
    version: policy.version,
    team,
    reps,
  });
  return { text, blocks: [section(text)] };
}

/** The most blocks a status reply uses (a message holds 50): long teams are summarised with "…and N more". */
const STATUS_BLOCKS = 45;

/** `/policy status`: per policy, its summary and a line per rep; long lists are cut with "…and N more". */
export function statusReply(
  t: T,
  standings: readonly PolicyStanding[],
  zone: string,
): { text: string; blocks: KnownBlock[] } {
  if (standings.length === 0) {
    const text = t.t("policies.status.none");
    return { text, blocks: [section(text)] };
  }
  const lines: string[] = [];
  for (const s of standings) {
    const done = s.reps.filter((r) => r.acknowledgedAt).length;
    lines.push(t.t("policies.status.head", { id: s.id, title: escapeMrkdwn(s.title), version: s.version }));
    lines.push(
      `${s.status === "retired" ? `${t.t("policies.status.retired")} · ` : ""}${t.t(
        "policies.status.summary",
        {
          date: dayText(t, s.effectiveOn),
          teams: t.list(s.teams.map((team) => team.name)),
          done,
          total: s.reps.length,
        },
      )}`,
    );
    if (s.reps.length === 0) lines.push(t.t("policies.status.noReps"));
    for (const r of s.reps) {
      if (r.acknowledgedAt) {
        lines.push(
          t.t("policies.status.done", { rep: r.repId, at: t.date(r.acknowledgedAt, zone, "dateTime") }),
        );
        continue;
      }
      const notes = [
        ...(r.onLeave ? [t.t("policies.status.onLeave")] : []),
        ...(r.overdue ? [t.t("policies.status.overdue")] : []),
      ];
      lines.push(
        `${t.t("policies.status.waiting", { rep: r.repId, reminders: r.remindersSent })}${notes.length > 0 ? `; ${notes.join(", ")}` : ""}`,
      );
    }
    lines.push("");
  }
  return {
    text: lines.filter(Boolean).slice(0, 20).join("\n"),
    blocks: linesToSections(lines, STATUS_BLOCKS, (count) => t.t("policies.status.more", { count })),
  };
}

/** `/policy list`: each policy with its number and how many acknowledged its current version. */
export function listReply(
  t: T,
  standings: readonly PolicyStanding[],
): { text: string; blocks: KnownBlock[] } {
  if (standings.length === 0) {
    const text = t.t("policies.status.none");
    return { text, blocks: [section(text)] };
  }
  const lines = [
    t.t("policies.list.head"),
    ...standings.map((s) =>
      s.status === "retired"
        ? t.t("policies.list.itemRetired", { id: s.id, title: escapeMrkdwn(s.title), version: s.version })
        : t.t("policies.list.item", {
            id: s.id,
            title: escapeMrkdwn(s.title),
            version: s.version,
            done: s.reps.filter((r) => r.acknowledgedAt).length,
            total: s.reps.length,
          }),
    ),
  ];
  return {
    text: lines.slice(0, 20).join("\n"),
    blocks: linesToSections(lines, STATUS_BLOCKS, (count) => t.t("policies.status.more", { count })),
  };
}

/** `/policy mine`: what waits for the rep's acknowledgement. */
export function mineReply(t: T, pending: readonly PendingPolicy[]): { text: string; blocks?: KnownBlock[] } {
  if (pending.length === 0) return { text: t.t("policies.mine.none") };
  const lines = [
    t.t("policies.mine.head"),
    ...pending.map((p) =>
      t.t("policies.mine.item", {
        title: escapeMrkdwn(p.title),
        date: dayText(t, p.effectiveOn as LocalDate),
      }),
    ),
  ];
  return {
    text: lines.join("\n"),
    blocks: linesToSections(lines, STATUS_BLOCKS, (count) => t.t("policies.status.more", { count })),
  };
}

export function helpReply(t: T): { text: string } {
  return { text: t.t("policies.help") };
}
