import type { Translator } from "../../platform/i18n/index.js";
import { escapeMrkdwn, type Reply } from "../../platform/slack/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import type { ReportMessages } from "./messages.js";
import type { ReportPeriod } from "./period.js";

/** Reports' Slack ids. */
export const REPORT_IDS = {
  command: "/report",
} as const;

/** A calendar day as the reader writes it ("Nov 1, 2026", "1 nov. 2026"). */
export function dayText(t: Translator<ReportMessages>, day: LocalDate): string {
  return t.date(new Date(`${day}T12:00:00Z`), "UTC");
}

/** A period as the reader says it: "November 2026", "Q3 2026" / "kvartal 3 2026", "2026". */
export function periodName(t: Translator<ReportMessages>, period: ReportPeriod): string {
  const year = Number(period.key.slice(0, 4));
  switch (period.kind) {
    case "month": {
      const month = new Intl.DateTimeFormat(t.locale, {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(new Date(`${period.start}T12:00:00Z`));
      return t.t("reports.period.month", { month });
    }
    case "quarter":
      return t.t("reports.period.quarter", { quarter: Number(period.key.slice(-1)), year });
    case "year":
      return t.t("reports.period.year", { year });
  }
}

/** Who a report is about, as the reader says it: the team's name, or "all 3 teams". */
export function teamsName(
  t: Translator<ReportMessages>,
  teams: readonly { team: { name: string } }[],
): string {
  return teams.length === 1
    ? escapeMrkdwn(teams[0]?.team.name ?? "")
    : t.t("reports.allTeams", { count: teams.length });
}

export function helpReply(t: Translator<ReportMessages>): Reply {
  return { text: t.t("reports.help") };
}
