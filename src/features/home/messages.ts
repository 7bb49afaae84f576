import { defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { leaveMessages } from "../leave/index.js";
import { policyMessages } from "../policies/index.js";
import { quotaMessages } from "../quota/index.js";
import { warningMessages } from "../warnings/index.js";

/** The Home tab's own words; the quota, leave and warning lines it shows are those features' own. */
export const ownHomeMessages = defineMessages(
  {
    "home.text": "Your Supervisor dashboard",
    "home.welcome": (p: { user: string }) => `Hello <@${p.user}>. Here is where things stand.`,
    "home.nothing":
      "You are not in a team yet, and hold no role in the app. When an admin adds you to a team (`/team add @you`), your quota, leave and what waits for you show up here.",
    "home.updated": (p: { at: string }) => `Updated ${p.at}`,
    "home.more": (p: { count: number; where: string }) => `…and ${p.count} more: ${p.where}`,

    "home.rep.title": (p: { team: string }) => `My work in ${p.team}`,
    "home.rep.quota": "*My quota*",
    "home.rep.leave": "*My leave*",
    "home.rep.pending": "*My requests waiting for a decision*",
    "home.rep.pendingLine": (p: { summary: string; since: string }) => `• ${p.summary} (asked ${p.since})`,
    "home.rep.waiting": "*Waiting for me*",
    "home.rep.nothingWaiting": "Nothing waits for you. :sparkles:",
    "home.rep.warning": (p: { level: string; date: string; by: string }) =>
      `A ${p.level} warning from <@${p.by}>, ${p.date}: please acknowledge receipt.`,
    "home.rep.standup": (p: { day: string; cutoff: string }) =>
      `The standup of ${p.day} waits for your answer (until ${p.cutoff}).`,
    "home.button.acknowledge": "Acknowledge receipt",
    "home.button.answer": "Answer standup",
    "home.button.record": "Record progress",

    "home.supervisor.title": (p: { team: string }) => `${p.team}: my team`,
    "home.supervisor.leaderboard": (p: { period: string }) => `*Leaderboard, ${p.period}*`,
    "home.supervisor.team": (p: { line: string }) => `Team: ${p.line}`,
    "home.supervisor.noReps": "No reps in this team yet: `/team add @rep`.",
    "home.supervisor.rank": (p: { rank: number; rep: string; line: string }) =>
      `${p.rank}. <@${p.rep}>: ${p.line}`,
    "home.supervisor.approvals": "*Waiting for your decision*",
    "home.supervisor.approval": (p: { requester: string; summary: string }) =>
      `<@${p.requester}>: ${p.summary}`,
    "home.supervisor.escalations": "*Open escalations*",
    "home.supervisor.escalation": (p: { rep: string; category: string; status: string; date: string }) =>
      `• <@${p.rep}>: ${p.category}, ${p.status} (raised ${p.date})`,
    "home.supervisor.reviews": "*Coaching reviews due*",
    "home.supervisor.review": (p: { rep: string; date: string }) => `• <@${p.rep}>: review of ${p.date}`,
    "home.supervisor.quiet": "No requests, escalations or reviews wait for you.",
    "home.status.open": "not yet acknowledged",
    "home.status.acknowledged": "acknowledged",

    "home.executive.title": "Every team at a glance",
    "home.executive.team": (p: { team: string; line: string; escalations: number }) =>
      `*${p.team}*: ${p.line} · ${p.escalations === 1 ? "1 open escalation" : `${p.escalations} open escalations`}`,
    "home.executive.noTeams": "There are no teams yet.",
    "home.executive.approvals": "*Supervisors' own requests, waiting for a decision*",

    "home.admin.title": "Team set-up",
    "home.admin.team": (p: { team: string; channel: string; supervisors: number; reps: number }) =>
      `*${p.team}* in <#${p.channel}>: ${p.supervisors} supervisor(s), ${p.reps} rep(s)`,
    "home.admin.noSupervisor": "no supervisor",
    "home.admin.noTeams": "No teams yet.",
    "home.admin.withoutTeam": (p: { people: string }) =>
      `*People without a team* (who opened this Home): ${p.people}`,
    "home.admin.everyoneInTeam": "Everyone who has opened this Home is in a team or holds a role.",
    "home.button.createTeam": "Create a team",
    "home.button.editTeam": (p: { team: string }) => `Edit ${p.team}`,

    "home.policies": "*Policies to acknowledge*",
    "home.policy": (p: { title: string; date: string }) => `*${p.title}*, effective from ${p.date}`,
    "home.policyStatus": "*Policy acknowledgement*",
    "home.policyLine": (p: { title: string; done: number; total: number; overdue: number; who: string }) =>
      `${p.title}: ${p.done} of ${p.total} acknowledged${p.overdue > 0 ? `, ${p.overdue} overdue: ${p.who}` : ""}`,
  },
  {
    "home.text": "Din Supervisor-översikt",
    "home.welcome": (p) => `Hej <@${p.user}>. Så här ligger det till.`,
    "home.nothing":
      "Du är inte med i något team än och har ingen roll i appen. När en admin lägger till dig i ett team (`/team add @du`) syns din kvot, din ledighet och det som väntar på dig här.",
    "home.updated": (p) => `Uppdaterad ${p.at}`,
    "home.more": (p) => `…och ${p.count} till: ${p.where}`,

    "home.rep.title": (p) => `Mitt arbete i ${p.team}`,
    "home.rep.quota": "*Min kvot*",
    "home.rep.leave": "*Min ledighet*",
    "home.rep.pending": "*Mina begäranden som väntar på beslut*",
    "home.rep.pendingLine": (p) => `• ${p.summary} (begärd ${p.since})`,
    "home.rep.waiting": "*Väntar på mig*",
    "home.rep.nothingWaiting": "Inget väntar på dig. :sparkles:",
    "home.rep.warning": (p) =>
      `En ${p.level} varning från <@${p.by}>, ${p.date}: bekräfta gärna att du har tagit emot den.`,
    "home.rep.standup": (p) => `Standupen ${p.day} väntar på ditt svar (till ${p.cutoff}).`,
    "home.button.acknowledge": "Bekräfta mottagande",
    "home.button.answer": "Svara på standup",
    "home.button.record": "Registrera framsteg",

    "home.supervisor.title": (p) => `${p.team}: mitt team`,
    "home.supervisor.leaderboard": (p) => `*Topplista, ${p.period}*`,
    "home.supervisor.team": (p) => `Teamet: ${p.line}`,
    "home.supervisor.noReps": "Inga säljare i teamet än: `/team add @säljare`.",
    "home.supervisor.rank": (p) => `${p.rank}. <@${p.rep}>: ${p.line}`,
    "home.supervisor.approvals": "*Väntar på ditt beslut*",
    "home.supervisor.approval": (p) => `<@${p.requester}>: ${p.summary}`,
    "home.supervisor.escalations": "*Öppna eskaleringar*",
    "home.supervisor.escalation": (p) => `• <@${p.rep}>: ${p.category}, ${p.status} (lyft ${p.date})`,
    "home.supervisor.reviews": "*Coachningsuppföljningar att göra*",
    "home.supervisor.review": (p) => `• <@${p.rep}>: uppföljningen ${p.date}`,
    "home.supervisor.quiet": "Inga begäranden, eskaleringar eller uppföljningar väntar på dig.",
    "home.status.open": "inte kvitterad än",
    "home.status.acknowledged": "kvitterad",

    "home.executive.title": "Alla team i en överblick",
    "home.executive.team": (p) =>
      `*${p.team}*: ${p.line} · ${p.escalations === 1 ? "1 öppen eskalering" : `${p.escalations} öppna eskaleringar`}`,
    "home.executive.noTeams": "Det finns inga team än.",
    "home.executive.approvals": "*Säljchefers egna begäranden som väntar på beslut*",

    "home.admin.title": "Teamuppsättning",
    "home.admin.team": (p) =>
      `*${p.team}* i <#${p.channel}>: ${p.supervisors} säljchef(er), ${p.reps} säljare`,
    "home.admin.noSupervisor": "ingen säljchef",
    "home.admin.noTeams": "Inga team än.",
    "home.admin.withoutTeam": (p) => `*Personer utan team* (som har öppnat den här hemfliken): ${p.people}`,
    "home.admin.everyoneInTeam": "Alla som har öppnat den här hemfliken är med i ett team eller har en roll.",
    "home.button.createTeam": "Skapa ett team",
    "home.button.editTeam": (p) => `Ändra ${p.team}`,

    "home.policies": "*Policyer att bekräfta*",
    "home.policy": (p) => `*${p.title}*, gäller från ${p.date}`,
    "home.policyStatus": "*Policybekräftelser*",
    "home.policyLine": (p) =>
      `${p.title}: ${p.done} av ${p.total} har bekräftat${p.overdue > 0 ? `, ${p.overdue} ${p.overdue === 1 ? "försenad" : "försenade"}: ${p.who}` : ""}`,
  },
);

export const homeMessages = mergeMessages(
  mergeMessages(mergeMessages(mergeMessages(quotaMessages, leaveMessages), warningMessages), policyMessages),
  ownHomeMessages,
);
export type HomeMessages = (typeof homeMessages)["en"];
