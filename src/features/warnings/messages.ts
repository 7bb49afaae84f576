import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { ownEscalationMessages } from "../escalations/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });

/** Warnings' own words: the form and its suggestion, the DMs, receipt, the lists and refusals. */
export const ownWarningMessages = defineMessages(
  {
    "warnings.level.verbal": "verbal",
    "warnings.level.written": "written",
    "warnings.level.final": "final",
    "warnings.levelOption.verbal": "Verbal warning",
    "warnings.levelOption.written": "Written warning",
    "warnings.levelOption.final": "Final warning",
    "warnings.reason.performance": "Performance",
    "warnings.reason.conduct": "Conduct",
    "warnings.reason.policy": "Policy not followed",
    "warnings.reason.attendance": "Attendance",
    "warnings.reason.other": "Other",

    "warnings.modal.title": "Issue a warning",
    "warnings.modal.submit": "Issue",
    "warnings.modal.intro":
      "The rep gets it by DM, with a button to acknowledge receipt. Nothing is posted in a channel.",
    "warnings.modal.chooseRep": "Choose the rep: the form then suggests a level from their active warnings.",
    "warnings.modal.rep": "Which rep?",
    "warnings.modal.level": "Level",
    "warnings.modal.reason": "Reason",
    "warnings.modal.details": "Details",
    "warnings.modal.detailsHint": "What happened and what you expect from now on. The rep reads this.",
    "warnings.modal.escalation": "Linked escalation",
    "warnings.modal.escalationHint": "Optional. The rep does not see the escalation or who raised it.",
    "warnings.modal.expiry": "Counts until",
    "warnings.modal.expiryHint":
      "After this day it no longer counts for the next level, but stays in the rep's history.",
    "warnings.modal.escalationOption": (p: { category: string; date: string }) => `${p.category}, ${p.date}`,
    "warnings.suggest.none": (p: { rep: string }) =>
      `*Suggested: verbal.* <@${p.rep}> has no active warnings.`,
    "warnings.suggest.after": (p: { rep: string; after: string; date: string; next: string }) =>
      `*Suggested: ${p.next}.* <@${p.rep}> has an active ${p.after} warning from ${p.date}, so the next is ${p.next}.`,
    "warnings.suggest.atFinal": (p: { rep: string; date: string }) =>
      `*Suggested: final.* <@${p.rep}> already has an active final warning from ${p.date}, so the next is final again.`,

    "warnings.error.repMissing": "Choose the rep the warning is for.",
    "warnings.error.notAPerson": "Choose a person of this workspace, not an app.",
    "warnings.error.levelMissing": "Choose the level.",
    "warnings.error.reasonMissing": "Choose the reason.",
    "warnings.error.detailsMissing": "Say what happened: the rep reads it in the warning.",
    "warnings.error.expiryMissing": "Choose the last day the warning counts.",
    "warnings.error.expiryPast": "Choose a day after today.",
    "warnings.error.expiryTooFar": (p: { years: number }) =>
      `A warning counts for at most ${p.years} years; choose an earlier day.`,
    "warnings.error.escalationNotRep":
      "That escalation is not an open escalation about this rep; choose another or none.",
    "warnings.refused.self": "You cannot issue a warning to yourself.",
    "warnings.refused.acknowledge": (p: { rep: string }) =>
      `Only <@${p.rep}>, who received this warning, can acknowledge receipt of it.`,
    "warnings.refused.historyRep": (p: { team: string }) =>
      p.team
        ? `A rep's warnings are seen only by the rep, the supervisors of ${p.team}, executives and admins. You can see your own with \`/warn mine\`.`
        : "A rep's warnings are seen only by the rep, their supervisors, executives and admins. You can see your own with `/warn mine`.",
    "warnings.escalationResolved":
      "That escalation is resolved. You can still issue a warning with `/warn @rep`.",
    "warnings.gone": "That warning no longer exists.",

    "warnings.sent.title": "Warning issued",
    "warnings.sent.text": (p: { rep: string; level: string }) =>
      `The ${p.level} warning went to <@${p.rep}> by DM. You get a DM when they acknowledge receipt.`,

    "warnings.dm.toRep": (p: { by: string; level: string }) =>
      `:warning: <@${p.by}> has issued you a *${p.level} warning*.`,
    "warnings.dm.toIssuer": (p: { rep: string; level: string }) =>
      `You issued <@${p.rep}> a *${p.level} warning*.`,
    "warnings.dm.reason": (p: { reason: string }) => `*Reason:* ${p.reason}`,
    "warnings.dm.details": (p: { details: string }) => `*Details:*\n${p.details}`,
    "warnings.dm.expires": (p: { date: string }) => `*Counts until:* ${p.date}`,
    "warnings.dm.linked": (p: { by: string }) => `*Linked to* <@${p.by}>'s escalation.`,
    "warnings.dm.ask":
      "Please confirm that you have received it. Acknowledging receipt does not mean you agree; talk to your supervisor about it.",
    "warnings.dm.acknowledged": (p: { at: string }) => `:white_check_mark: Receipt acknowledged on ${p.at}.`,
    "warnings.dm.waiting": (p: { rep: string }) => `Waiting for <@${p.rep}> to acknowledge receipt.`,
    "warnings.dm.repAcknowledged": (p: { rep: string; at: string }) =>
      `:white_check_mark: <@${p.rep}> acknowledged receipt on ${p.at}.`,
    "warnings.button.acknowledge": "Acknowledge receipt",
    "warnings.button.fromEscalation": "Issue a warning",
    "warnings.done.acknowledged": "Thank you: receipt acknowledged. Your supervisor sees it.",
    "warnings.already.acknowledged": (p: { at: string }) =>
      `You acknowledged receipt already, on ${p.at}; nothing changed.`,
    "warnings.told.acknowledged": (p: { rep: string; level: string; by: string; at: string }) =>
      `<@${p.rep}> acknowledged receipt of the ${p.level} warning <@${p.by}> issued, on ${p.at}.`,

    "warnings.record.active": (p: { items: string[] }) => `*Active warnings:* ${en.format(p.items)}`,
    "warnings.record.none": "*Active warnings:* none",
    "warnings.record.item": (p: { level: string; date: string; receipt: string }) =>
      `${p.level} (${p.date}, ${p.receipt})`,
    "warnings.record.linked": (p: { level: string; by: string; date: string; receipt: string }) =>
      `*Warning under this escalation:* ${p.level}, issued by <@${p.by}> on ${p.date}; ${p.receipt}.`,
    "warnings.receipt.yes": "receipt acknowledged",
    "warnings.receipt.no": "receipt not yet acknowledged",

    "warnings.list.history": (p: { rep: string }) => `*Warnings of <@${p.rep}>*`,
    "warnings.list.mine": "*Your warnings*",
    "warnings.list.noneOf": (p: { rep: string }) => `<@${p.rep}> has no warnings.`,
    "warnings.list.noneMine": "You have no warnings.",
    "warnings.list.noneActive": "No active warnings.",
    "warnings.list.active": "*Active*",
    "warnings.list.expired": "*Expired* (they no longer count)",
    "warnings.list.item": (p: {
      level: string;
      reason: string;
      date: string;
      by: string;
      until: string;
      receipt: string;
    }) => `• *${p.level}* (${p.reason}), ${p.date} by <@${p.by}>; counts until ${p.until}; ${p.receipt}`,
    "warnings.list.itemExpired": (p: {
      level: string;
      reason: string;
      date: string;
      by: string;
      until: string;
    }) => `• ~${p.level}~ (${p.reason}), ${p.date} by <@${p.by}>; expired after ${p.until}`,
    "warnings.list.more": (p: { count: number }) => `…and ${p.count} more.`,
    "warnings.history.repMissing": "Say whose warnings: `/warn history @rep`.",
    "warnings.help": [
      "*Warnings*",
      "• `/warn @rep`: issue a warning (verbal, written or final); the form suggests the level",
      "• `/warn history @rep`: a rep's active and expired warnings (their supervisors, executives, admins)",
      "• `/warn mine`: your own warnings",
      "The rep gets the warning by DM and acknowledges receipt there; nothing is posted in a channel.",
    ].join("\n"),
  },
  {
    "warnings.level.verbal": "muntlig",
    "warnings.level.written": "skriftlig",
    "warnings.level.final": "slutlig",
    "warnings.levelOption.verbal": "Muntlig varning",
    "warnings.levelOption.written": "Skriftlig varning",
    "warnings.levelOption.final": "Slutlig varning",
    "warnings.reason.performance": "Prestation",
    "warnings.reason.conduct": "Uppförande",
    "warnings.reason.policy": "Policy inte följd",
    "warnings.reason.attendance": "Närvaro",
    "warnings.reason.other": "Annat",

    "warnings.modal.title": "Ge en varning",
    "warnings.modal.submit": "Utfärda",
    "warnings.modal.intro":
      "Säljaren får den som DM, med en knapp för att bekräfta mottagandet. Inget skrivs i någon kanal.",
    "warnings.modal.chooseRep":
      "Välj säljaren: formuläret föreslår då en nivå utifrån säljarens aktiva varningar.",
    "warnings.modal.rep": "Vilken säljare?",
    "warnings.modal.level": "Nivå",
    "warnings.modal.reason": "Orsak",
    "warnings.modal.details": "Detaljer",
    "warnings.modal.detailsHint": "Vad som hände och vad du väntar dig framöver. Säljaren läser det här.",
    "warnings.modal.escalation": "Kopplad eskalering",
    "warnings.modal.escalationHint": "Valfritt. Säljaren ser inte eskaleringen eller vem som gjorde den.",
    "warnings.modal.expiry": "Gäller till och med",
    "warnings.modal.expiryHint":
      "Efter den dagen räknas den inte längre för nästa nivå, men finns kvar i säljarens historik.",
    "warnings.modal.escalationOption": (p) => `${p.category}, ${p.date}`,
    "warnings.suggest.none": (p) => `*Förslag: muntlig.* <@${p.rep}> har inga aktiva varningar.`,
    "warnings.suggest.after": (p) =>
      `*Förslag: ${p.next}.* <@${p.rep}> har en aktiv ${p.after} varning från ${p.date}, så nästa är ${p.next}.`,
    "warnings.suggest.atFinal": (p) =>
      `*Förslag: slutlig.* <@${p.rep}> har redan en aktiv slutlig varning från ${p.date}, så nästa är åter slutlig.`,

    "warnings.error.repMissing": "Välj säljaren som varningen gäller.",
    "warnings.error.notAPerson": "Välj en person i arbetsytan, inte en app.",
    "warnings.error.levelMissing": "Välj nivå.",
    "warnings.error.reasonMissing": "Välj orsak.",
    "warnings.error.detailsMissing": "Skriv vad som hände: säljaren läser det i varningen.",
    "warnings.error.expiryMissing": "Välj den sista dagen varningen gäller.",
    "warnings.error.expiryPast": "Välj en dag efter i dag.",
    "warnings.error.expiryTooFar": (p) => `En varning gäller högst ${p.years} år; välj en tidigare dag.`,
    "warnings.error.escalationNotRep":
      "Den eskaleringen är inte en öppen eskalering om den här säljaren; välj en annan eller ingen.",
    "warnings.refused.self": "Du kan inte ge dig själv en varning.",
    "warnings.refused.acknowledge": (p) =>
      `Bara <@${p.rep}>, som fick varningen, kan bekräfta att den tagits emot.`,
    "warnings.refused.historyRep": (p) =>
      p.team
        ? `En säljares varningar ses bara av säljaren, handledarna för ${p.team}, chefer och administratörer. Dina egna ser du med \`/warn mina\`.`
        : "En säljares varningar ses bara av säljaren, säljarens handledare, chefer och administratörer. Dina egna ser du med `/warn mina`.",
    "warnings.escalationResolved":
      "Den eskaleringen är löst. Du kan fortfarande ge en varning med `/warn @säljare`.",
    "warnings.gone": "Den varningen finns inte längre.",

    "warnings.sent.title": "Varning utfärdad",
    "warnings.sent.text": (p) =>
      `Varningen (${p.level}) gick till <@${p.rep}> som DM. Du får ett DM när mottagandet bekräftas.`,

    "warnings.dm.toRep": (p) => `:warning: <@${p.by}> har gett dig en *${p.level} varning*.`,
    "warnings.dm.toIssuer": (p) => `Du gav <@${p.rep}> en *${p.level} varning*.`,
    "warnings.dm.reason": (p) => `*Orsak:* ${p.reason}`,
    "warnings.dm.details": (p) => `*Detaljer:*\n${p.details}`,
    "warnings.dm.expires": (p) => `*Gäller till och med:* ${p.date}`,
    "warnings.dm.linked": (p) => `*Kopplad till* eskaleringen från <@${p.by}>.`,
    "warnings.dm.ask":
      "Bekräfta att du har tagit emot den. Att bekräfta mottagandet betyder inte att du håller med; prata med din handledare om det.",
    "warnings.dm.acknowledged": (p) => `:white_check_mark: Mottagandet bekräftat ${p.at}.`,
    "warnings.dm.waiting": (p) => `Väntar på att <@${p.rep}> bekräftar mottagandet.`,
    "warnings.dm.repAcknowledged": (p) => `:white_check_mark: <@${p.rep}> bekräftade mottagandet ${p.at}.`,
    "warnings.button.acknowledge": "Bekräfta mottagande",
    "warnings.button.fromEscalation": "Ge en varning",
    "warnings.done.acknowledged": "Tack: mottagandet är bekräftat. Din handledare ser det.",
    "warnings.already.acknowledged": (p) => `Du har redan bekräftat mottagandet, ${p.at}; inget ändrades.`,
    "warnings.told.acknowledged": (p) =>
      `<@${p.rep}> bekräftade ${p.at} mottagandet av varningen (${p.level}) från <@${p.by}>.`,

    "warnings.record.active": (p) => `*Aktiva varningar:* ${sv.format(p.items)}`,
    "warnings.record.none": "*Aktiva varningar:* inga",
    "warnings.record.item": (p) => `${p.level} (${p.date}, ${p.receipt})`,
    "warnings.record.linked": (p) =>
      `*Varning under den här eskaleringen:* ${p.level}, utfärdad av <@${p.by}> ${p.date}; ${p.receipt}.`,
    "warnings.receipt.yes": "mottagandet bekräftat",
    "warnings.receipt.no": "mottagandet ännu inte bekräftat",

    "warnings.list.history": (p) => `*Varningar för <@${p.rep}>*`,
    "warnings.list.mine": "*Dina varningar*",
    "warnings.list.noneOf": (p) => `<@${p.rep}> har inga varningar.`,
    "warnings.list.noneMine": "Du har inga varningar.",
    "warnings.list.noneActive": "Inga aktiva varningar.",
    "warnings.list.active": "*Aktiva*",
    "warnings.list.expired": "*Utgångna* (de räknas inte längre)",
    "warnings.list.item": (p) =>
      `• *${p.level}* (${p.reason}), ${p.date} av <@${p.by}>; gäller till och med ${p.until}; ${p.receipt}`,
    "warnings.list.itemExpired": (p) =>
      `• ~${p.level}~ (${p.reason}), ${p.date} av <@${p.by}>; gick ut efter ${p.until}`,
    "warnings.list.more": (p) => `…och ${p.count} till.`,
    "warnings.history.repMissing": "Skriv vems varningar: `/warn historik @säljare`.",
    "warnings.help": [
      "*Varningar*",
      "• `/warn @säljare`: ge en varning (muntlig, skriftlig eller slutlig); formuläret föreslår nivån",
      "• `/warn historik @säljare`: en säljares aktiva och utgångna varningar (handledare, chefer, administratörer)",
      "• `/warn mina`: dina egna varningar",
      "Säljaren får varningen som DM och bekräftar mottagandet där; inget skrivs i någon kanal.",
    ].join("\n"),
  },
);

/** With escalations' words: a refusal to act on an escalation ("Issue a warning") is escalations' to say. */
export const warningMessages = mergeMessages(
  mergeMessages(mergeMessages(commonMessages, accessMessages), ownEscalationMessages),
  ownWarningMessages,
);
export type WarningMessages = (typeof warningMessages)["en"];
