import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const enOr = new Intl.ListFormat("en", { type: "disjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const svOr = new Intl.ListFormat("sv", { type: "disjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);

/** Escalations' own words: the form, the DMs to handlers and to the executive, states and refusals. */
export const ownEscalationMessages = defineMessages(
  {
    "escalations.refused.escalate": (p: { executives: string[]; admins: string[] }) => {
      const named = [...who(p.executives), ...who(p.admins)];
      return named.length > 0
        ? `Only executives and admins can escalate to a supervisor, such as ${enOr.format(named)}. Tell one of them what happened.`
        : "Only executives and admins can escalate to a supervisor. An admin can make someone an executive with `/team grant @someone executive`.";
    },
    "escalations.modal.title": "Escalate",
    "escalations.modal.submit": "Escalate",
    "escalations.modal.intro":
      "It goes to the rep's supervisor by DM, never to the rep. You see by DM when it is acknowledged and resolved.",
    "escalations.modal.rep": "Which rep?",
    "escalations.modal.category": "What is it about?",
    "escalations.modal.details": "Details",
    "escalations.modal.detailsHint": "What happened, and what you expect the supervisor to do.",
    "escalations.modal.urgency": "Urgency",
    "escalations.modal.fromMessage": (p: { channel: string }) => `From a message in <#${p.channel}>:`,
    "escalations.modal.messageGone":
      "That message has been deleted, so the escalation will not link to it. Say in the details what it said.",
    "escalations.category.missedTarget": "Missed target",
    "escalations.category.policy": "Policy not followed",
    "escalations.category.complaint": "Customer complaint",
    "escalations.category.other": "Other",
    "escalations.urgency.normal": "Normal",
    "escalations.urgency.urgent": "Urgent",
    "escalations.error.repMissing": "Choose the rep it is about.",
    "escalations.error.notAPerson": "Choose a person of this workspace, not an app.",
    "escalations.error.detailsMissing": "Say what happened, so the supervisor knows what to act on.",
    "escalations.error.nobodyToHandle":
      "This rep is in no team with a supervisor, and the app knows of no admin to send it to. Ask a Slack admin to run `/team grant @someone admin`, or to add the rep to a team.",
    "escalations.sent.title": "Escalated",
    "escalations.sent.supervisors": (p: { rep: string; team: string; handlers: string[] }) =>
      `Sent to ${en.format(who(p.handlers))}, the supervisors of ${p.team}. <@${p.rep}> is not told. You get a DM when it is acknowledged and resolved.`,
    "escalations.sent.admins": (p: { rep: string; handlers: string[] }) =>
      `<@${p.rep}> is in no team with a supervisor, so this went to the admins: ${en.format(who(p.handlers))}. <@${p.rep}> is not told. You get a DM when it is acknowledged and resolved.`,

    "escalations.dm.toSupervisor": (p: { by: string; rep: string }) =>
      `:warning: <@${p.by}> escalated <@${p.rep}> to you.`,
    "escalations.dm.toAdmin": (p: { by: string; rep: string }) =>
      `:warning: <@${p.by}> escalated <@${p.rep}>, who is in no team with a supervisor, so it came to the admins.`,
    "escalations.dm.raiser": (p: { rep: string; handlers: string[] }) =>
      `You escalated <@${p.rep}> to ${en.format(who(p.handlers))}.`,
    "escalations.dm.urgent": ":rotating_light: *Urgent*",
    "escalations.dm.category": (p: { category: string }) => `*Category:* ${p.category}`,
    "escalations.dm.urgency": (p: { urgency: string }) => `*Urgency:* ${p.urgency}`,
    "escalations.dm.details": (p: { details: string }) => `*Details:*\n${p.details}`,
    "escalations.dm.message": "*The message:*",
    "escalations.dm.link": "Open the message in Slack",
    "escalations.dm.messageGone": "The message had been deleted before it was escalated.",
    "escalations.quota.pace": (p: { attainment: string; expected: string; pace: string }) =>
      `*Quota this period:* ${p.attainment} of target with ${p.expected} of the working days gone: ${p.pace}.`,
    "escalations.quota.noTarget": "*Quota this period:* no target set.",
    "escalations.pace.ahead": "ahead of pace",
    "escalations.pace.onTrack": "on track",
    "escalations.pace.behind": "behind pace",

    "escalations.state.open": "Open: waiting to be acknowledged.",
    "escalations.state.acknowledged": (p: { by: string }) => `:eyes: Acknowledged by <@${p.by}>.`,
    "escalations.state.resolved": (p: { by: string; note: string }) =>
      `:white_check_mark: Resolved by <@${p.by}>: ${p.note}`,
    "escalations.button.acknowledge": "Acknowledge",
    "escalations.button.resolve": "Resolve",

    "escalations.resolve.title": "Resolve the escalation",
    "escalations.resolve.submit": "Resolve",
    "escalations.resolve.intro": (p: { by: string; rep: string }) =>
      `<@${p.by}>'s escalation of <@${p.rep}>.`,
    "escalations.resolve.note": "What was done? The executive reads this.",
    "escalations.resolve.noteHint": "For example: talked it through with the rep; a follow-up in two weeks.",
    "escalations.resolve.noteMissing": "Say what was done, so the executive knows how it ended.",
    "escalations.resolve.done": "Resolved. The executive who escalated it sees your note.",
    "escalations.done.acknowledged": (p: { by: string }) => `Acknowledged. <@${p.by}> sees it.`,

    "escalations.already.acknowledged": (p: { by: string }) =>
      `<@${p.by}> acknowledged it already; nothing changed.`,
    "escalations.already.resolved": (p: { by: string }) => `<@${p.by}> resolved it already; nothing changed.`,
    "escalations.refused.supervisors": (p: { team: string; supervisors: string[] }) =>
      p.supervisors.length > 0
        ? `Only the supervisors of ${p.team} (${en.format(who(p.supervisors))}) and admins act on this escalation.`
        : `Only the supervisors of ${p.team} and admins act on this escalation.`,
    "escalations.refused.admins":
      "Only admins act on this escalation: the rep is in no team with a supervisor.",
    "escalations.gone": "That escalation no longer exists.",

    "escalations.followUp.handlers": (p: {
      by: string;
      rep: string;
      category: string;
      hours: number;
      handlers: string[];
    }) =>
      `:hourglass: Reminder: <@${p.by}>'s escalation of <@${p.rep}> (${p.category}) has waited ${p.hours} working hours to be acknowledged.`,
    "escalations.followUp.raiser": (p: {
      rep: string;
      category: string;
      hours: number;
      handlers: string[];
    }) =>
      `:hourglass: Your escalation of <@${p.rep}> (${p.category}) has not been acknowledged after ${p.hours} working hours. ${en.format(who(p.handlers))} ${p.handlers.length === 1 ? "was" : "were"} reminded; you may want to speak to ${p.handlers.length === 1 ? "them" : "one of them"} directly.`,
    "escalations.followUp.open": "Open the escalation",
  },
  {
    "escalations.refused.escalate": (p) => {
      const named = [...who(p.executives), ...who(p.admins)];
      return named.length > 0
        ? `Bara chefer och administratörer kan eskalera till en handledare, till exempel ${svOr.format(named)}. Berätta för någon av dem vad som hänt.`
        : "Bara chefer och administratörer kan eskalera till en handledare. En administratör kan göra någon till chef med `/team grant @någon executive`.";
    },
    "escalations.modal.title": "Eskalera",
    "escalations.modal.submit": "Skicka",
    "escalations.modal.intro":
      "Den går till säljarens handledare som DM, aldrig till säljaren. Du får ett DM när den kvitteras och löses.",
    "escalations.modal.rep": "Vilken säljare?",
    "escalations.modal.category": "Vad gäller det?",
    "escalations.modal.details": "Detaljer",
    "escalations.modal.detailsHint": "Vad som hände, och vad du väntar dig att handledaren gör.",
    "escalations.modal.urgency": "Brådska",
    "escalations.modal.fromMessage": (p) => `Från ett meddelande i <#${p.channel}>:`,
    "escalations.modal.messageGone":
      "Meddelandet har tagits bort, så eskaleringen länkar inte till det. Skriv i detaljerna vad det sa.",
    "escalations.category.missedTarget": "Missat mål",
    "escalations.category.policy": "Policy inte följd",
    "escalations.category.complaint": "Kundklagomål",
    "escalations.category.other": "Annat",
    "escalations.urgency.normal": "Vanlig",
    "escalations.urgency.urgent": "Brådskande",
    "escalations.error.repMissing": "Välj säljaren det gäller.",
    "escalations.error.notAPerson": "Välj en person i arbetsytan, inte en app.",
    "escalations.error.detailsMissing": "Skriv vad som hände, så att handledaren vet vad det gäller.",
    "escalations.error.nobodyToHandle":
      "Säljaren är inte med i något team med en handledare, och appen känner inte till någon administratör att skicka den till. Be en Slack-administratör köra `/team grant @någon admin`, eller lägga till säljaren i ett team.",
    "escalations.sent.title": "Eskalerad",
    "escalations.sent.supervisors": (p) =>
      `Skickad till ${sv.format(who(p.handlers))}, handledare för ${p.team}. <@${p.rep}> får inte veta det. Du får ett DM när den kvitteras och löses.`,
    "escalations.sent.admins": (p) =>
      `<@${p.rep}> är inte med i något team med en handledare, så den gick till administratörerna: ${sv.format(who(p.handlers))}. <@${p.rep}> får inte veta det. Du får ett DM när den kvitteras och löses.`,

    "escalations.dm.toSupervisor": (p) => `:warning: <@${p.by}> eskalerade <@${p.rep}> till dig.`,
    "escalations.dm.toAdmin": (p) =>
      `:warning: <@${p.by}> eskalerade <@${p.rep}>, som inte är med i något team med en handledare, så den kom till administratörerna.`,
    "escalations.dm.raiser": (p) => `Du eskalerade <@${p.rep}> till ${sv.format(who(p.handlers))}.`,
    "escalations.dm.urgent": ":rotating_light: *Brådskande*",
    "escalations.dm.category": (p) => `*Kategori:* ${p.category}`,
    "escalations.dm.urgency": (p) => `*Brådska:* ${p.urgency}`,
    "escalations.dm.details": (p) => `*Detaljer:*\n${p.details}`,
    "escalations.dm.message": "*Meddelandet:*",
    "escalations.dm.link": "Öppna meddelandet i Slack",
    "escalations.dm.messageGone": "Meddelandet hade tagits bort innan det eskalerades.",
    "escalations.quota.pace": (p) =>
      `*Kvot den här perioden:* ${p.attainment} av målet när ${p.expected} av arbetsdagarna gått: ${p.pace}.`,
    "escalations.quota.noTarget": "*Kvot den här perioden:* inget mål satt.",
    "escalations.pace.ahead": "före takten",
    "escalations.pace.onTrack": "i takt",
    "escalations.pace.behind": "efter takten",

    "escalations.state.open": "Öppen: väntar på att kvitteras.",
    "escalations.state.acknowledged": (p) => `:eyes: Kvitterad av <@${p.by}>.`,
    "escalations.state.resolved": (p) => `:white_check_mark: Löst av <@${p.by}>: ${p.note}`,
    "escalations.button.acknowledge": "Kvittera",
    "escalations.button.resolve": "Lös",

    "escalations.resolve.title": "Lös eskaleringen",
    "escalations.resolve.submit": "Lös",
    "escalations.resolve.intro": (p) => `Eskalering av <@${p.rep}> från <@${p.by}>.`,
    "escalations.resolve.note": "Vad gjordes? Chefen läser det här.",
    "escalations.resolve.noteHint": "Till exempel: gick igenom det med säljaren; uppföljning om två veckor.",
    "escalations.resolve.noteMissing": "Skriv vad som gjordes, så att chefen vet hur det slutade.",
    "escalations.resolve.done": "Löst. Chefen som eskalerade ser din anteckning.",
    "escalations.done.acknowledged": (p) => `Kvitterad. <@${p.by}> ser det.`,

    "escalations.already.acknowledged": (p) => `<@${p.by}> har redan kvitterat den; inget ändrades.`,
    "escalations.already.resolved": (p) => `<@${p.by}> har redan löst den; inget ändrades.`,
    "escalations.refused.supervisors": (p) =>
      p.supervisors.length > 0
        ? `Bara handledarna för ${p.team} (${sv.format(who(p.supervisors))}) och administratörer hanterar den här eskaleringen.`
        : `Bara handledarna för ${p.team} och administratörer hanterar den här eskaleringen.`,
    "escalations.refused.admins":
      "Bara administratörer hanterar den här eskaleringen: säljaren är inte med i något team med en handledare.",
    "escalations.gone": "Den eskaleringen finns inte längre.",

    "escalations.followUp.handlers": (p) =>
      `:hourglass: Påminnelse: eskaleringen av <@${p.rep}> från <@${p.by}> (${p.category}) har väntat i ${p.hours} arbetstimmar på att kvitteras.`,
    "escalations.followUp.raiser": (p) =>
      `:hourglass: Din eskalering av <@${p.rep}> (${p.category}) har inte kvitterats efter ${p.hours} arbetstimmar. ${sv.format(who(p.handlers))} har påmints; du kanske vill tala med ${p.handlers.length === 1 ? "handledaren" : "någon av dem"} direkt.`,
    "escalations.followUp.open": "Öppna eskaleringen",
  },
);

export const escalationMessages = mergeMessages(
  mergeMessages(commonMessages, accessMessages),
  ownEscalationMessages,
);
export type EscalationMessages = (typeof escalationMessages)["en"];
