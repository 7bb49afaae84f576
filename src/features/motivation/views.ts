import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import { escapeMrkdwn, LIMITS, linesToSections, section } from "../../platform/slack/index.js";
import { startOfLocalDate } from "../../platform/time/index.js";
import type { Team } from "../team/index.js";
import type { MotivationMessages } from "./messages.js";
import {
  BUILTIN_LINES,
  fillLine,
  type LineKey,
  MILESTONES_MAX,
  type Milestone,
  type MotivationFacts,
} from "./rules.js";
import type { MotivationLine } from "./schema.js";

type T = Translator<MotivationMessages>;

export const MOTIVATION_IDS = {
  command: "/motivation",
} as const;

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** The opening line of a post: a built-in one in the team's language, or the team's own as they wrote it. */
export function lineText(
  t: T,
  key: LineKey,
  teamName: string,
  own: ReadonlyMap<number, MotivationLine>,
): string {
  const team = escapeMrkdwn(teamName);
  const [kind, id] = key.split(":");
  const n = Number(id);
  if (kind === "line") {
    const line = own.get(n);
    if (line) return fillLine(escapeMrkdwn(line.text), { team });
  }
  const builtin = Number.isInteger(n) && n >= 1 && n <= BUILTIN_LINES ? n : 1;
  return t.t(`motivation.line.${builtin as 1}`, { team });
}

function periodWord(t: T, facts: MotivationFacts): string {
  switch (facts.period.kind) {
    case "week":
      return t.t("motivation.period.week");
    case "quarter":
      return t.t("motivation.period.quarter");
    default:
      return t.t("motivation.period.month");
  }
}

function progressText(t: T, facts: MotivationFacts, team: Team): string | null {
  const progress = facts.progress;
  if (!progress) return null;
  const money = (minor: number) => t.money(minor, facts.currency);
  const name = escapeMrkdwn(team.name);
  const period = periodWord(t, facts);
  if (progress.targetMinor === null || progress.pace.attainment === null) {
    return t.t("motivation.progress.sales", {
      team: name,
      period,
      total: money(progress.totals.totalMinor),
      count: progress.totals.count,
    });
  }
  const head = t.t("motivation.progress.target", {
    team: name,
    period,
    total: money(progress.totals.totalMinor),
    target: money(progress.targetMinor),
    attainment: t.percent(progress.pace.attainment),
    elapsed: t.percent(progress.pace.expected),
  });
  const { pace } = progress;
  let tail: string;
  if ((pace.attainment ?? 0) >= 1) tail = t.t("motivation.pace.made");
  else if (pace.label === "ahead") tail = t.t("motivation.pace.ahead");
  else if (pace.label === "onTrack") tail = t.t("motivation.pace.onTrack");
  else if (pace.neededPerDayMinor !== null)
    tail = t.t("motivation.pace.behind", { needed: money(pace.neededPerDayMinor) });
  else tail = t.t("motivation.pace.behindNoDays");
  return `${head} ${tail}`;
}

function topText(t: T, facts: MotivationFacts): string | null {
  if (facts.top.length === 0) return null;
  const sellers = facts.top.map((seller) => {
    const total = t.money(seller.totalMinor, facts.currency);
    return seller.attainment === null
      ? t.t("motivation.top.sellerNoTarget", { user: seller.repId, total })
      : t.t("motivation.top.seller", { user: seller.repId, total, attainment: t.percent(seller.attainment) });
  });
  const head = t.t("motivation.top", { sellers: t.list(sellers) });
  return facts.topAway > 0 ? `${head} ${t.t("motivation.top.away", { count: facts.topAway })}` : head;
}

function milestoneText(t: T, facts: MotivationFacts, team: Team, milestone: Milestone): string {
  const money = (minor: number) => t.money(minor, facts.currency);
  switch (milestone.kind) {
    case "firstSale":
      return t.t("motivation.milestone.firstSale", { user: milestone.repId });
    case "half":
      return t.t("motivation.milestone.half", {
        user: milestone.repId,
        target: money(milestone.targetMinor),
      });
    case "target":
      return t.t("motivation.milestone.target", {
        user: milestone.repId,
        target: money(milestone.targetMinor),
      });
    case "bestDay":
      return t.t("motivation.milestone.bestDay", {
        date: t.date(startOfLocalDate(milestone.date, team.timeZone), team.timeZone, "date"),
        total: money(milestone.totalMinor),
        previous: money(milestone.previousMinor),
      });
    case "bestPeriod": {
      const values = { total: money(milestone.totalMinor), previous: money(milestone.previousMinor) };
      if (facts.period.kind === "week") return t.t("motivation.milestone.bestWeek", values);
      if (facts.period.kind === "quarter") return t.t("motivation.milestone.bestQuarter", values);
      return t.t("motivation.milestone.bestMonth", values);
    }
  }
}

/**
 * A motivation post: the line, then each fact it has (the team's progress with pace, the top sellers, the
 * week's biggest mover, milestones, streaks), a section each, within Slack's limits.
 */
export function motivationPost(t: T, facts: MotivationFacts, line: string, team: Team): Message {
  const parts: string[] = [line];
  const progress = progressText(t, facts, team);
  if (progress) parts.push(progress);
  const top = topText(t, facts);
  if (top) parts.push(top);
  if (facts.mover) {
    parts.push(
      t.t("motivation.mover", {
        user: facts.mover.repId,
        last: t.money(facts.mover.lastMinor, facts.currency),
        before: t.money(facts.mover.beforeMinor, facts.currency),
      }),
    );
  }
  if (facts.milestones.length > 0) {
    const items = facts.milestones
      .slice(0, MILESTONES_MAX)
      .map((m) => `• ${milestoneText(t, facts, team, m)}`);
    parts.push([t.t("motivation.milestones"), ...items].join("\n"));
  }
  if (facts.streaks.length > 0) {
    const items = facts.streaks.map((s) => `• ${t.t("motivation.streak", { user: s.repId, days: s.days })}`);
    parts.push([t.t("motivation.streaks"), ...items].join("\n"));
  }
  return { text: parts.join("\n\n"), blocks: parts.map((part) => section(part)) };
}

/** The preview a supervisor asked for: the post as it would be now, under a note that only they see it. */
export function previewReply(t: T, team: Team, post: Message | null): Message {
  const name = escapeMrkdwn(team.name);
  if (!post) {
    const text = t.t("motivation.preview.nothing", { team: name });
    return { text, blocks: [section(text)] };
  }
  const head = t.t("motivation.preview.head", { team: name });
  return {
    text: `${head}\n\n${post.text}`,
    blocks: [section(head), { type: "divider" }, ...post.blocks],
  };
}

export function helpReply(t: T, unknownWord?: string): Message {
  const help = t.t("motivation.help");
  const text = unknownWord
    ? `${t.t("motivation.unknown", { word: escapeMrkdwn(unknownWord) })}\n\n${help}`
    : help;
  return { text, blocks: [section(text)] };
}

/** `/motivation list`: the team's own lines by number, who added each, and the built-in ones. */
export function listReply(t: T, team: Team, lines: readonly MotivationLine[]): Message {
  const name = escapeMrkdwn(team.name);
  const builtin = t.t("motivation.list.builtin", { count: BUILTIN_LINES });
  if (lines.length === 0) {
    const text = `${t.t("motivation.list.empty", { team: name })}\n${builtin}`;
    return { text, blocks: [section(text)] };
  }
  const items = lines.map((line) =>
    t.t("motivation.list.line", {
      id: line.id,
      text: escapeMrkdwn(line.text),
      user: line.addedBy,
      date: t.date(line.addedAt, team.timeZone, "date"),
    }),
  );
  const header = t.t("motivation.list.header", { team: name });
  const blocks: KnownBlock[] = [
    section(header),
    ...linesToSections(items, LIMITS.blocksPerMessage - 2, () => ""),
    section(builtin),
  ];
  return { text: [header, ...items, builtin].join("\n"), blocks };
}
