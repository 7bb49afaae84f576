import type { HomeView, KnownBlock } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  linesToSections,
  section,
} from "../../platform/slack/index.js";
import { APPROVAL_IDS } from "../approvals/index.js";
import { COACHING_IDS } from "../coaching/index.js";
import { type Leave, myLeaveReply } from "../leave/index.js";
import type { PendingPolicy } from "../policies/index.js";
import { mineReply, periodName, progressLine } from "../quota/index.js";
import { STANDUP_IDS } from "../standup/index.js";
import { TEAM_IDS } from "../team/index.js";
import { levelName, WARNING_IDS } from "../warnings/index.js";
import type { HomeMessages } from "./messages.js";
import {
  type AdminHome,
  type ExecutiveHome,
  HOME_LIMITS,
  type HomeData,
  type PendingItem,
  type PolicyGlances,
  type RepHome,
  type SupervisorHome,
} from "./sections.js";

type T = Translator<HomeMessages>;

/** Slack's cap on a Home tab's blocks. */
export const HOME_MAX_BLOCKS = 100;

export const HOME_IDS = {
  approvalsBlock: (id: number) => `home.approval.${id}`,
  waitingBlock: (kind: string, id: number | string) => `home.waiting.${kind}.${id}`,
  adminBlock: "home.admin",
} as const;

function more(t: T, count: number, where: string): string {
  return t.t("home.more", { count, where });
}

/** A line with its button beside it (the same action id and value as the button's message twin). */
function withButton(
  text: string,
  b: { text: string; actionId: string; value: string },
  blockId: string,
  style: "primary" | null = "primary",
): KnownBlock {
  return {
    ...section(text),
    block_id: blockId,
    accessory: button(b.text, b.actionId, { value: b.value, ...(style ? { style } : {}) }),
  } as KnownBlock;
}

/** A pending request with Approve and Deny: the buttons of the decider's DM, so Home decides the same way. */
function approvalBlocks(t: T, item: PendingItem): KnownBlock[] {
  const value = String(item.request.id);
  return [
    section(t.t("home.supervisor.approval", { requester: item.request.requesterId, summary: item.summary })),
    actions(HOME_IDS.approvalsBlock(item.request.id), [
      button(t.t("approvals.button.approve"), APPROVAL_IDS.approve, { value, style: "primary" }),
      button(t.t("approvals.button.deny"), APPROVAL_IDS.deny, { value, style: "danger" }),
    ]),
  ];
}

function approvalsSection(t: T, title: string, items: PendingItem[], hidden: number): KnownBlock[] {
  if (items.length === 0) return [];
  const blocks: KnownBlock[] = [section(title), ...items.flatMap((item) => approvalBlocks(t, item))];
  if (hidden > 0) blocks.push(context(more(t, hidden, "/leave, /commission")));
  return blocks;
}

/**
 * Policies a rep has to acknowledge, each with the DM's own button (action id and value), so a click on
 * Home acknowledges as one in the DM does; nothing when there are none.
 */
export function policiesSection(t: T, items: readonly PendingPolicy[]): KnownBlock[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, HOME_LIMITS.policies);
  const hidden = items.length - shown.length;
  return [
    section(t.t("home.policies")),
    ...shown.map((p) =>
      withButton(
        t.t("home.policy", {
          title: escapeMrkdwn(p.title),
          date: t.date(new Date(`${p.effectiveOn}T12:00:00Z`), "UTC", "date"),
        }),
        { text: t.t("policies.button.acknowledge"), ...p.action },
        HOME_IDS.waitingBlock("policy", p.policyId),
      ),
    ),
    ...(hidden > 0 ? [context(more(t, hidden, "/policy mine"))] : []),
  ];
}

/** Acknowledgement per active policy, a line each ("2 of 3 acknowledged, 1 overdue: @Emma"), in one block. */
function policyStatusBlocks(t: T, policies: PolicyGlances | null): KnownBlock[] {
  if (!policies || policies.shown.length === 0) return [];
  const lines = policies.shown.map((p) => {
    const named = p.overdue.slice(0, HOME_LIMITS.overdueNamed).map((id) => `<@${id}>`);
    const hidden = p.overdue.length - named.length;
    return `• ${t.t("home.policyLine", {
      title: escapeMrkdwn(p.title),
      done: p.done,
      total: p.total,
      overdue: p.overdue.length,
      who: `${named.join(", ")}${hidden > 0 ? ` +${hidden}` : ""}`,
    })}`;
  });
  return [
    ...linesToSections([t.t("home.policyStatus"), ...lines], 1, (n) => more(t, n, "/policy list")),
    ...(policies.more > 0 ? [context(more(t, policies.more, "/policy list"))] : []),
  ];
}

function leaveBlocks(t: T, rep: RepHome): KnownBlock[] {
  const shown: Leave[] = rep.leave.slice(0, HOME_LIMITS.leave);
  // `/leave list` shows the same lines (with Cancel where it can be) and balances.
  const [, ...blocks] =
    myLeaveReply(t, { leave: shown, balances: rep.balances, today: rep.today }).blocks ?? [];
  const hidden = rep.leave.length - shown.length;
  return [
    section(t.t("home.rep.leave")),
    ...blocks,
    ...(hidden > 0 ? [context(more(t, hidden, "/leave list"))] : []),
  ];
}

function repBlocks(t: T, rep: RepHome, timeZone: string): KnownBlock[] {
  const [, ...quota] = mineReply(t, { kind: "rep", team: rep.team, progress: rep.progress }).blocks ?? [];
  const blocks: KnownBlock[] = [
    header(t.t("home.rep.title", { team: rep.team.name })),
    section(t.t("home.rep.quota")),
    ...quota,
    ...leaveBlocks(t, rep),
  ];
  if (rep.pending.length > 0) {
    const lines = rep.pending.map((p) =>
      t.t("home.rep.pendingLine", { summary: p.summary, since: t.date(p.request.createdAt, timeZone) }),
    );
    blocks.push(section(`${t.t("home.rep.pending")}\n${lines.join("\n")}`));
  }
  blocks.push(section(t.t("home.rep.waiting")));
  const waiting: KnownBlock[] = [];
  for (const warning of rep.warnings.slice(0, HOME_LIMITS.warnings)) {
    waiting.push(
      withButton(
        t.t("home.rep.warning", {
          level: levelName(t, warning.level),
          by: warning.issuedBy,
          date: t.date(warning.issuedAt, timeZone),
        }),
        {
          text: t.t("home.button.acknowledge"),
          actionId: WARNING_IDS.acknowledge,
          value: String(warning.id),
        },
        HOME_IDS.waitingBlock("warning", warning.id),
      ),
    );
  }
  for (const standup of rep.standups.slice(0, HOME_LIMITS.standups)) {
    waiting.push(
      withButton(
        t.t("home.rep.standup", {
          day: t.date(new Date(`${standup.day}T12:00:00Z`), "UTC", "weekdayDate"),
          cutoff: t.date(standup.cutoffAt, rep.team.timeZone, "time"),
        }),
        { text: t.t("home.button.answer"), actionId: STANDUP_IDS.answer, value: String(standup.id) },
        HOME_IDS.waitingBlock("standup", standup.id),
      ),
    );
  }
  waiting.push(...policiesSection(t, rep.policies));
  blocks.push(...(waiting.length > 0 ? waiting : [context(t.t("home.rep.nothingWaiting"))]));
  return blocks;
}

function supervisorBlocks(t: T, home: SupervisorHome, timeZone: string): KnownBlock[] {
  const { standing, team } = home;
  const blocks: KnownBlock[] = [
    header(t.t("home.supervisor.title", { team: team.team.name })),
    section(
      `${t.t("home.supervisor.leaderboard", { period: periodName(t, standing.period) })}\n${t.t(
        "home.supervisor.team",
        {
          line: progressLine(t, standing.team),
        },
      )}`,
    ),
  ];
  const ranked = [...standing.reps].sort((a, b) => b.totals.totalMinor - a.totals.totalMinor);
  if (ranked.length === 0) blocks.push(context(t.t("home.supervisor.noReps")));
  else {
    const lines = ranked
      .slice(0, HOME_LIMITS.leaderboard)
      .map((p, i) =>
        t.t("home.supervisor.rank", { rank: i + 1, rep: p.repId ?? "", line: progressLine(t, p) }),
      );
    blocks.push(...linesToSections(lines, 2, (n) => more(t, n, "/quota team")));
    const hidden = ranked.length - HOME_LIMITS.leaderboard;
    if (hidden > 0) blocks.push(context(more(t, hidden, "/quota team")));
  }
  blocks.push(...approvalsSection(t, t.t("home.supervisor.approvals"), home.approvals, home.approvalsMore));
  if (home.escalations.length > 0) {
    const lines = home.escalations.slice(0, HOME_LIMITS.escalations).map((e) =>
      t.t("home.supervisor.escalation", {
        rep: e.repId,
        category: t.t(`escalations.category.${e.category}`),
        status: t.t(e.status === "open" ? "home.status.open" : "home.status.acknowledged"),
        date: t.date(e.createdAt, timeZone),
      }),
    );
    const hidden = home.escalations.length - lines.length;
    blocks.push(
      section(`${t.t("home.supervisor.escalations")}\n${lines.join("\n")}`),
      ...(hidden > 0 ? [context(more(t, hidden, "/warn history"))] : []),
    );
  }
  if (home.reviews.length > 0) {
    const shown = home.reviews.slice(0, HOME_LIMITS.reviews);
    blocks.push(section(t.t("home.supervisor.reviews")));
    for (const { review, plan } of shown) {
      blocks.push(
        withButton(
          t.t("home.supervisor.review", {
            rep: plan.repId,
            date: t.date(new Date(`${review.date}T12:00:00Z`), "UTC"),
          }),
          { text: t.t("home.button.record"), actionId: COACHING_IDS.record, value: String(plan.id) },
          HOME_IDS.waitingBlock("review", review.id),
        ),
      );
    }
    const hidden = home.reviews.length - shown.length;
    if (hidden > 0) blocks.push(context(more(t, hidden, "/coach list")));
  }
  if (home.approvals.length === 0 && home.escalations.length === 0 && home.reviews.length === 0)
    blocks.push(context(t.t("home.supervisor.quiet")));
  blocks.push(...policyStatusBlocks(t, home.policies));
  return blocks;
}

function executiveBlocks(t: T, home: ExecutiveHome): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (home.teams) {
    blocks.push(header(t.t("home.executive.title")));
    if (home.teams.length === 0) blocks.push(context(t.t("home.executive.noTeams")));
    const lines = home.teams.map((g) =>
      t.t("home.executive.team", {
        team: g.team.name,
        line: progressLine(t, g.progress),
        escalations: g.openEscalations,
      }),
    );
    // At most HOME_LIMITS.teams lines (a few sections); the teams past them are counted.
    blocks.push(...linesToSections(lines, 4, (n) => more(t, n, "/team list")));
    if (home.teamsMore > 0) blocks.push(context(more(t, home.teamsMore, "/team list")));
    blocks.push(...policyStatusBlocks(t, home.policies));
  }
  blocks.push(...approvalsSection(t, t.t("home.executive.approvals"), home.approvals, home.approvalsMore));
  return blocks;
}

function adminBlocks(t: T, home: AdminHome): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t.t("home.admin.title"))];
  const lineOf = (team: AdminHome["teams"][number]) =>
    t.t("home.admin.team", {
      team: team.team.name,
      channel: team.team.channelId,
      supervisors: team.supervisorIds.length,
      reps: team.repIds.length,
    });
  if (home.teams.length === 0) blocks.push(context(t.t("home.admin.noTeams")));
  // The first teams each with their Edit button (the one `/team` shows); the rest as lines.
  const editable = home.teams.slice(0, HOME_LIMITS.editButtons);
  for (const team of editable) {
    blocks.push(
      withButton(
        lineOf(team),
        {
          text: t.t("home.button.editTeam", { team: team.team.name }),
          actionId: TEAM_IDS.editButton,
          value: String(team.team.id),
        },
        HOME_IDS.waitingBlock("team", team.team.id),
        null,
      ),
    );
  }
  blocks.push(
    ...linesToSections(home.teams.slice(editable.length).map(lineOf), 3, (n) => more(t, n, "/team list")),
  );
  const people = home.withoutTeam.slice(0, HOME_LIMITS.people).map((id) => `<@${id}>`);
  const hiddenPeople = home.withoutTeam.length - people.length;
  blocks.push(
    section(
      people.length > 0
        ? t.t("home.admin.withoutTeam", {
            people: `${people.join(", ")}${hiddenPeople > 0 ? ` ${more(t, hiddenPeople, "/team")}` : ""}`,
          })
        : t.t("home.admin.everyoneInTeam"),
    ),
    actions(HOME_IDS.adminBlock, [
      button(t.t("home.button.createTeam"), TEAM_IDS.createButton, { style: "primary" }),
    ]),
  );
  return blocks;
}

/**
 * A person's Home: a welcome, then the part of each role they hold (rep, supervisor of each team they
 * lead, executive, admin), at most 100 blocks: each part shows a few of each kind and says where the rest
 * are, and a Home that would still be too long ends with a note instead of being refused by Slack.
 */
export function homeView(t: T, data: HomeData): HomeView {
  const parts: KnownBlock[][] = [];
  if (data.rep) parts.push(repBlocks(t, data.rep, data.timeZone));
  for (const team of data.supervisor) parts.push(supervisorBlocks(t, team, data.timeZone));
  if (data.executive) parts.push(executiveBlocks(t, data.executive));
  if (data.admin) parts.push(adminBlocks(t, data.admin));
  const blocks: KnownBlock[] = [section(t.t("home.welcome", { user: data.userId }))];
  if (parts.length === 0) blocks.push(section(t.t("home.nothing")));
  for (const part of parts) {
    if (part.length === 0) continue;
    blocks.push(divider(), ...part);
  }
  blocks.push(context(t.t("home.updated", { at: t.date(data.now, data.timeZone, "dateTime") })));
  return { type: "home", blocks: withinLimit(t, blocks) };
}

/** At most 100 blocks: past that, the first 98 and a note of how many more parts there were. */
function withinLimit(t: T, blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= HOME_MAX_BLOCKS) return blocks;
  const kept = blocks.slice(0, HOME_MAX_BLOCKS - 1);
  return [...kept, context(more(t, blocks.length - kept.length, "/quota team, /leave list"))];
}
