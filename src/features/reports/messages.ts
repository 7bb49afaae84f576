import { defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { teamMessages } from "../team/index.js";

/** Reports' own words: the command's answers, the report message, its chart and CSV, and refusals. */
export const ownReportMessages = defineMessages(
  {
    "reports.help": [
      "*Reports*",
      "• `/report productivity`: this month's productivity report of your team (supervisors; executives and admins for any team)",
      "• `/report productivity all last month`: every team you may see",
      "• `/report productivity Sales North Q3`, `/report productivity #sales-north 2026-11`",
      "• `/report policy`, `/report policy all`, `/report policy #sales-north`: who has acknowledged each active policy, and who is overdue, as of now",
      "Periods (productivity): `this month` (the default), `last month`, `2026-11`, `November 2026`, `Q3`, `this quarter`, `last quarter`, `2026`, `this year`. A report comes by DM with a chart (PNG) and the full table (CSV).",
    ].join("\n"),
    "reports.building": (p: { kind: string; period: string; teams: string }) =>
      `:hourglass_flowing_sand: Building your ${p.kind} for ${p.period} (${p.teams})… It comes by DM in a moment, with a chart and a CSV.`,
    "reports.buildingNow": (p: { kind: string; teams: string; ignored: string }) =>
      `:hourglass_flowing_sand: Building your ${p.kind} as of now (${p.teams})… It comes by DM in a moment, with a chart and a CSV.${p.ignored ? ` It shows where things stand today, so “${p.ignored}” is not used.` : ""}`,
    "reports.already": "That report is already on its way.",
    "reports.unknownKind": (p: { word: string }) =>
      `There is no report called “${p.word}”. Try \`/report productivity\`, \`/report policy\`, or \`/report help\`.`,
    "reports.badPeriod": (p: { text: string }) =>
      `I could not read “${p.text}” as a period. Try \`this month\`, \`last month\`, \`2026-11\`, \`November 2026\`, \`Q3\`, \`this quarter\` or \`2026\`.`,
    "reports.unknownTeam": (p: { text: string }) =>
      `There is no team called “${p.text}”. Name a team (\`/report productivity Sales North\`), its channel, or \`all\`.`,
    "reports.noTeams": "There are no teams to report on yet. An admin sets them up with `/team`.",
    "reports.refused": (p: { team: string }) =>
      p.team
        ? `Only ${p.team}'s supervisors, executives and admins may see reports on ${p.team}.`
        : "Reports are for supervisors (about their own teams), executives and admins. Ask your supervisor if you need figures.",
    "reports.kind.productivity": "productivity report",
    "reports.kind.policy": "policy report",
    "reports.period.month": (p: { month: string }) => p.month,
    "reports.period.quarter": (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,
    "reports.period.year": (p: { year: number }) => String(p.year),
    "reports.allTeams": (p: { count: number }) => (p.count === 1 ? "1 team" : `all ${p.count} teams`),

    "reports.productivity.title": (p: { period: string }) => `Productivity report: ${p.period}`,
    "reports.productivity.context": (p: { teams: string; from: string; to: string; by: string }) =>
      `${p.teams} · ${p.from} – ${p.to} · asked for by <@${p.by}>`,
    "reports.productivity.running": (p: { elapsed: number; total: number }) =>
      `The period is running: ${p.elapsed} of ${p.total} working days have passed; pace compares attainment with that share.`,
    "reports.productivity.team": (p: {
      team: string;
      sold: string;
      target: string | null;
      attainment: string | null;
      pace: string | null;
    }) =>
      p.target && p.attainment
        ? `*${p.team}*: ${p.sold} of ${p.target} (${p.attainment})${p.pace ? `, ${p.pace}` : ""}`
        : `*${p.team}*: ${p.sold} (no target)`,
    "reports.productivity.teamActivity": (p: {
      checkins: number;
      reps: number;
      answered: number;
      asked: number;
      leave: number;
      escalations: number;
      coaching: number;
    }) =>
      `${p.checkins} check-ins by ${p.reps} reps · standups answered ${p.answered}/${p.asked} · ${p.leave} leave day${p.leave === 1 ? "" : "s"} · ${p.escalations} open escalation${p.escalations === 1 ? "" : "s"} · ${p.coaching} coaching plan${p.coaching === 1 ? "" : "s"}`,
    "reports.productivity.rep": (p: {
      name: string;
      sold: string;
      target: string | null;
      attainment: string | null;
      pace: string | null;
      checkins: number;
      days: number;
      answered: number;
      asked: number;
      leave: number;
      flags: string;
    }) =>
      `• *${p.name}*: ${p.sold}${p.target && p.attainment ? ` of ${p.target} (${p.attainment}${p.pace ? `, ${p.pace}` : ""})` : " (no target)"} · ${p.checkins} check-ins on ${p.days} days · standups ${p.answered}/${p.asked}${p.leave > 0 ? ` · ${p.leave} leave day${p.leave === 1 ? "" : "s"}` : ""}${p.flags}`,
    "reports.productivity.repEscalations": (p: { count: number }) =>
      `${p.count} open escalation${p.count === 1 ? "" : "s"}`,
    "reports.productivity.repCoaching": "coaching plan",
    "reports.productivity.products": (p: { list: string }) => `*Products:* ${p.list}`,
    "reports.productivity.noProduct": "no product",
    "reports.productivity.noSales": "No sales checked in.",
    "reports.productivity.moreReps": (p: { hidden: number }) => `…and ${p.hidden} more reps: see the CSV.`,
    "reports.productivity.moreTeams": (p: { hidden: number }) =>
      `…and ${p.hidden} more teams: every team and rep is in the CSV.`,
    "reports.productivity.summaryOnly": (p: { teams: number; reps: number }) =>
      `${p.teams} teams, ${p.reps} reps: one line per team here; every rep is in the chart's teams and the CSV.`,
    "reports.productivity.files": "The chart and the full table (CSV) follow.",
    "reports.productivity.noChart": "No chart: nobody in the report has a target in this period.",
    "reports.policy.title": (p: { date: string }) => `Policy report as of ${p.date}`,
    "reports.policy.context": (p: { teams: string; policies: number; by: string }) =>
      `${p.teams} · ${p.policies === 1 ? "1 active policy" : `${p.policies} active policies`} · asked for by <@${p.by}>`,
    "reports.policy.head": (p: { title: string; version: number; effective: string; teams: string }) =>
      `*${p.title}* · version ${p.version} · effective ${p.effective}${p.teams ? ` · ${p.teams}` : ""}`,
    "reports.policy.counts": (p: { done: number; total: number; overdue: number; names: string }) =>
      `${p.done} of ${p.total} acknowledged, ${p.overdue} overdue${p.overdue > 0 ? `: ${p.names}` : ""}`,
    "reports.policy.onLeave": (p: { name: string }) => `${p.name} (on leave today)`,
    "reports.policy.moreOverdue": (p: { count: number }) => `${p.count} more (see the CSV)`,
    "reports.policy.noReps": "No reps in its teams yet.",
    "reports.policy.none": "No active policies for these teams. `/policy` publishes one.",
    "reports.policy.more": (p: { hidden: number }) =>
      `…and ${p.hidden} more ${p.hidden === 1 ? "policy" : "policies"}: every policy and rep is in the CSV.`,
    "reports.policy.files": "The chart and the full table (CSV, a row per policy and rep) follow.",
    "reports.policy.noChart": "No chart: no policy asks anyone yet.",
    "reports.policy.chartTitle": (p: { date: string }) => `Acknowledged per policy, as of ${p.date}`,
    "reports.policy.chartLowest": (p: { shown: number; total: number; date: string }) =>
      `The ${p.shown} least acknowledged of ${p.total} policies, as of ${p.date}`,
    "reports.policy.chartAxis": "Reps who acknowledged",
    "reports.pace.ahead": "ahead",
    "reports.pace.onTrack": "on track",
    "reports.pace.behind": "behind",

    "reports.chart.title": (p: { period: string }) => `Attainment against target: ${p.period}`,
    "reports.chart.teamsTitle": (p: { period: string }) => `Team attainment against target: ${p.period}`,
    "reports.chart.attainment": "Attainment",

    "reports.csv.team": "Team",
    "reports.csv.rep": "Rep",
    "reports.csv.repId": "Slack user ID",
    "reports.csv.currency": "Currency",
    "reports.csv.sold": "Sold",
    "reports.csv.target": "Target",
    "reports.csv.attainment": "Attainment %",
    "reports.csv.pace": "Pace",
    "reports.csv.checkins": "Check-ins",
    "reports.csv.activeDays": "Days with a sale",
    "reports.csv.standupsAnswered": "Standups answered",
    "reports.csv.standupsAsked": "Standups asked",
    "reports.csv.leaveDays": "Leave days",
    "reports.csv.openEscalations": "Open escalations",
    "reports.csv.coachingPlans": "Active coaching plans",
    "reports.csv.policy": "Policy",
    "reports.csv.policyId": "Policy number",
    "reports.csv.version": "Version",
    "reports.csv.effective": "Effective from",
    "reports.csv.acknowledged": "Acknowledged",
    "reports.csv.notYet": "not yet",
    "reports.csv.onLeave": "On leave today",
    "reports.csv.reminders": "Reminders sent",
    "reports.csv.overdue": "Overdue",
    "reports.csv.yes": "yes",
    "reports.csv.no": "no",
    "reports.file.chart": (p: { title: string }) => `${p.title} (chart)`,
    "reports.file.csv": (p: { title: string }) => `${p.title} (CSV)`,

    "reports.meeting.sending": (p: { title: string; where: string }) =>
      `:outbox_tray: Generating the reports for *${p.title}*; they go to ${p.where} in a moment.`,
    "reports.meeting.already": (p: { title: string }) => `The reports for *${p.title}* were already sent.`,
    "reports.meeting.toChannel": (p: { channel: string }) => `<#${p.channel}>`,
    "reports.meeting.toPeople": (p: { users: string[] }) => p.users.map((u) => `<@${u}>`).join(", "),
    "reports.meeting.gone": "That meeting no longer exists.",
    "reports.delivery.you": "you",
    "reports.delivery.failed": (p: { kind: string; where: string; inChannel: boolean; code: string }) =>
      `:warning: Your ${p.kind} could not be delivered to ${p.where}: Slack refused it (\`${p.code}\`). ${
        p.inChannel
          ? "The channel may be archived, or the app no longer in it: invite the app, or choose another channel, then send it again."
          : "An admin may have turned file uploads off, or the person may have left the workspace: ask an admin, then send it again."
      }`,
    "reports.meeting.intro": (p: { title: string; by: string }) =>
      `:bar_chart: For *${p.title}*, sent by <@${p.by}>:`,
  },
  {
    "reports.help": [
      "*Rapporter*",
      "• `/report produktivitet`: månadens produktivitetsrapport för ditt team (handledare; chefer och administratörer för alla team)",
      "• `/report produktivitet alla förra månaden`: alla team du får se",
      "• `/report produktivitet Sales North K3`, `/report produktivitet #sales-north 2026-11`",
      "• `/report policy`, `/report policy alla`, `/report riktlinjer #sales-north`: vem som har bekräftat varje aktiv policy, och vem som är försenad, just nu",
      "Perioder (produktivitet): `denna månad` (standard), `förra månaden`, `2026-11`, `november 2026`, `K3` eller `Q3`, `detta kvartal`, `förra kvartalet`, `2026`, `i år`. Rapporten kommer som DM med ett diagram (PNG) och hela tabellen (CSV).",
    ].join("\n"),
    "reports.building": (p: { kind: string; period: string; teams: string }) =>
      `:hourglass_flowing_sand: Tar fram din ${p.kind} för ${p.period} (${p.teams})… Den kommer som DM om en stund, med diagram och CSV.`,
    "reports.buildingNow": (p: { kind: string; teams: string; ignored: string }) =>
      `:hourglass_flowing_sand: Tar fram din ${p.kind} som den ser ut nu (${p.teams})… Den kommer som DM om en stund, med diagram och CSV.${p.ignored ? ` Den visar läget i dag, så ”${p.ignored}” används inte.` : ""}`,
    "reports.already": "Den rapporten är redan på väg.",
    "reports.unknownKind": (p: { word: string }) =>
      `Det finns ingen rapport som heter ”${p.word}”. Prova \`/report produktivitet\`, \`/report policy\` eller \`/report hjälp\`.`,
    "reports.badPeriod": (p: { text: string }) =>
      `Jag förstod inte ”${p.text}” som en period. Prova \`denna månad\`, \`förra månaden\`, \`2026-11\`, \`november 2026\`, \`K3\`, \`detta kvartal\` eller \`2026\`.`,
    "reports.unknownTeam": (p: { text: string }) =>
      `Det finns inget team som heter ”${p.text}”. Ange ett team (\`/report produktivitet Sales North\`), dess kanal eller \`alla\`.`,
    "reports.noTeams":
      "Det finns inga team att rapportera om än. En administratör lägger upp dem med `/team`.",
    "reports.refused": (p: { team: string }) =>
      p.team
        ? `Bara handledarna för ${p.team}, chefer och administratörer får se rapporter om ${p.team}.`
        : "Rapporter är för handledare (om sina egna team), chefer och administratörer. Fråga din handledare om du behöver siffror.",
    "reports.kind.productivity": "produktivitetsrapport",
    "reports.kind.policy": "policyrapport",
    "reports.period.month": (p: { month: string }) => p.month,
    "reports.period.quarter": (p: { quarter: number; year: number }) => `kvartal ${p.quarter} ${p.year}`,
    "reports.period.year": (p: { year: number }) => String(p.year),
    "reports.allTeams": (p: { count: number }) => (p.count === 1 ? "1 team" : `alla ${p.count} team`),

    "reports.productivity.title": (p: { period: string }) => `Produktivitetsrapport: ${p.period}`,
    "reports.productivity.context": (p: { teams: string; from: string; to: string; by: string }) =>
      `${p.teams} · ${p.from} – ${p.to} · beställd av <@${p.by}>`,
    "reports.productivity.running": (p: { elapsed: number; total: number }) =>
      `Perioden pågår: ${p.elapsed} av ${p.total} arbetsdagar har gått; takten jämför måluppfyllelsen med den andelen.`,
    "reports.productivity.team": (p: {
      team: string;
      sold: string;
      target: string | null;
      attainment: string | null;
      pace: string | null;
    }) =>
      p.target && p.attainment
        ? `*${p.team}*: ${p.sold} av ${p.target} (${p.attainment})${p.pace ? `, ${p.pace}` : ""}`
        : `*${p.team}*: ${p.sold} (inget mål)`,
    "reports.productivity.teamActivity": (p: {
      checkins: number;
      reps: number;
      answered: number;
      asked: number;
      leave: number;
      escalations: number;
      coaching: number;
    }) =>
      `${p.checkins} incheckningar av ${p.reps} säljare · standups besvarade ${p.answered}/${p.asked} · ${p.leave} ${p.leave === 1 ? "ledig dag" : "lediga dagar"} · ${p.escalations} ${p.escalations === 1 ? "öppen eskalering" : "öppna eskaleringar"} · ${p.coaching} ${p.coaching === 1 ? "coachningsplan" : "coachningsplaner"}`,
    "reports.productivity.rep": (p: {
      name: string;
      sold: string;
      target: string | null;
      attainment: string | null;
      pace: string | null;
      checkins: number;
      days: number;
      answered: number;
      asked: number;
      leave: number;
      flags: string;
    }) =>
      `• *${p.name}*: ${p.sold}${p.target && p.attainment ? ` av ${p.target} (${p.attainment}${p.pace ? `, ${p.pace}` : ""})` : " (inget mål)"} · ${p.checkins} incheckningar på ${p.days} dagar · standups ${p.answered}/${p.asked}${p.leave > 0 ? ` · ${p.leave} ${p.leave === 1 ? "ledig dag" : "lediga dagar"}` : ""}${p.flags}`,
    "reports.productivity.repEscalations": (p: { count: number }) =>
      `${p.count} ${p.count === 1 ? "öppen eskalering" : "öppna eskaleringar"}`,
    "reports.productivity.repCoaching": "coachningsplan",
    "reports.productivity.products": (p: { list: string }) => `*Produkter:* ${p.list}`,
    "reports.productivity.noProduct": "ingen produkt",
    "reports.productivity.noSales": "Inga incheckade affärer.",
    "reports.productivity.moreReps": (p: { hidden: number }) =>
      `…och ${p.hidden} säljare till: se CSV-filen.`,
    "reports.productivity.moreTeams": (p: { hidden: number }) =>
      `…och ${p.hidden} team till: alla team och säljare finns i CSV-filen.`,
    "reports.productivity.summaryOnly": (p: { teams: number; reps: number }) =>
      `${p.teams} team, ${p.reps} säljare: en rad per team här; varje säljare finns i CSV-filen.`,
    "reports.productivity.files": "Diagrammet och hela tabellen (CSV) följer.",
    "reports.productivity.noChart": "Inget diagram: ingen i rapporten har ett mål den här perioden.",
    "reports.policy.title": (p: { date: string }) => `Policyrapport per ${p.date}`,
    "reports.policy.context": (p: { teams: string; policies: number; by: string }) =>
      `${p.teams} · ${p.policies === 1 ? "1 aktiv policy" : `${p.policies} aktiva policyer`} · beställd av <@${p.by}>`,
    "reports.policy.head": (p: { title: string; version: number; effective: string; teams: string }) =>
      `*${p.title}* · version ${p.version} · gäller från ${p.effective}${p.teams ? ` · ${p.teams}` : ""}`,
    "reports.policy.counts": (p: { done: number; total: number; overdue: number; names: string }) =>
      `${p.done} av ${p.total} har bekräftat, ${p.overdue} ${p.overdue === 1 ? "försenad" : "försenade"}${p.overdue > 0 ? `: ${p.names}` : ""}`,
    "reports.policy.onLeave": (p: { name: string }) => `${p.name} (ledig i dag)`,
    "reports.policy.moreOverdue": (p: { count: number }) => `${p.count} till (se CSV-filen)`,
    "reports.policy.noReps": "Inga säljare i dess team än.",
    "reports.policy.none": "Inga aktiva policyer för de här teamen. `/policy` publicerar en.",
    "reports.policy.more": (p: { hidden: number }) =>
      `…och ${p.hidden} ${p.hidden === 1 ? "policy" : "policyer"} till: alla policyer och säljare finns i CSV-filen.`,
    "reports.policy.files": "Diagrammet och hela tabellen (CSV, en rad per policy och säljare) följer.",
    "reports.policy.noChart": "Inget diagram: ingen policy väntar på någon än.",
    "reports.policy.chartTitle": (p: { date: string }) => `Bekräftat per policy, per ${p.date}`,
    "reports.policy.chartLowest": (p: { shown: number; total: number; date: string }) =>
      `De ${p.shown} minst bekräftade av ${p.total} policyer, per ${p.date}`,
    "reports.policy.chartAxis": "Säljare som har bekräftat",
    "reports.pace.ahead": "före",
    "reports.pace.onTrack": "i fas",
    "reports.pace.behind": "efter",

    "reports.chart.title": (p: { period: string }) => `Måluppfyllelse mot mål: ${p.period}`,
    "reports.chart.teamsTitle": (p: { period: string }) => `Teamens måluppfyllelse mot mål: ${p.period}`,
    "reports.chart.attainment": "Måluppfyllelse",

    "reports.csv.team": "Säljteam",
    "reports.csv.rep": "Säljare",
    "reports.csv.repId": "Slack-användar-ID",
    "reports.csv.currency": "Valuta",
    "reports.csv.sold": "Sålt",
    "reports.csv.target": "Mål",
    "reports.csv.attainment": "Måluppfyllelse %",
    "reports.csv.pace": "Takt",
    "reports.csv.checkins": "Incheckningar",
    "reports.csv.activeDays": "Dagar med affär",
    "reports.csv.standupsAnswered": "Standups besvarade",
    "reports.csv.standupsAsked": "Standups frågade",
    "reports.csv.leaveDays": "Lediga dagar",
    "reports.csv.openEscalations": "Öppna eskaleringar",
    "reports.csv.coachingPlans": "Aktiva coachningsplaner",
    "reports.csv.policy": "Policyns rubrik",
    "reports.csv.policyId": "Policynummer",
    "reports.csv.version": "Versionsnummer",
    "reports.csv.effective": "Gäller från",
    "reports.csv.acknowledged": "Bekräftad",
    "reports.csv.notYet": "inte än",
    "reports.csv.onLeave": "Ledig i dag",
    "reports.csv.reminders": "Påminnelser skickade",
    "reports.csv.overdue": "Försenad",
    "reports.csv.yes": "ja",
    "reports.csv.no": "nej",
    "reports.file.chart": (p: { title: string }) => `${p.title} (diagram)`,
    "reports.file.csv": (p: { title: string }) => `${p.title} (tabell, CSV)`,

    "reports.meeting.sending": (p: { title: string; where: string }) =>
      `:outbox_tray: Tar fram rapporterna för *${p.title}*; de skickas till ${p.where} om en stund.`,
    "reports.meeting.already": (p: { title: string }) => `Rapporterna för *${p.title}* är redan skickade.`,
    "reports.meeting.toChannel": (p: { channel: string }) => `<#${p.channel}>`,
    "reports.meeting.toPeople": (p: { users: string[] }) => p.users.map((u) => `<@${u}>`).join(", "),
    "reports.meeting.gone": "Det mötet finns inte längre.",
    "reports.delivery.you": "dig",
    "reports.delivery.failed": (p) =>
      `:warning: Din ${p.kind} kunde inte levereras till ${p.where}: Slack tog inte emot den (\`${p.code}\`). ${
        p.inChannel
          ? "Kanalen kan vara arkiverad, eller appen inte längre med i den: bjud in appen eller välj en annan kanal och skicka den igen."
          : "En administratör kan ha stängt av filuppladdning, eller så har personen lämnat arbetsytan: fråga en administratör och skicka den sedan igen."
      }`,
    "reports.meeting.intro": (p: { title: string; by: string }) =>
      `:bar_chart: Inför *${p.title}*, skickat av <@${p.by}>:`,
  },
);

/** With the team directory's words (and the common ones and access refusals the listeners render). */
export const reportMessages = mergeMessages(teamMessages, ownReportMessages);
export type ReportMessages = (typeof reportMessages)["en"];
