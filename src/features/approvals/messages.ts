import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";

/** The approval workflow's own words: buttons, states, refusals, the deny form and the DMs it sends. */
export const ownApprovalMessages = defineMessages(
  {
    "approvals.button.approve": "Approve",
    "approvals.button.deny": "Deny",
    "approvals.state.pending": "Waiting for a decision.",
    "approvals.state.approved": (p: { by: string }) => `:white_check_mark: Approved by <@${p.by}>.`,
    "approvals.state.denied": (p: { by: string; reason: string }) =>
      `:no_entry_sign: Denied by <@${p.by}>: ${p.reason}`,
    "approvals.state.cancelled": (p: { by: string }) => `:heavy_minus_sign: Cancelled by <@${p.by}>.`,
    "approvals.state.cancelledAfterApproval": (p: { by: string; approvedBy: string }) =>
      `:heavy_minus_sign: Approved by <@${p.approvedBy}>, then cancelled by <@${p.by}>.`,
    "approvals.asks": (p: { requester: string }) => `<@${p.requester}> asks for your approval.`,
    "approvals.asks.executive": (p: { requester: string; team: string }) =>
      `<@${p.requester}>, a supervisor of ${p.team}, asks for your approval (a supervisor's own request goes to executives and admins).`,

    "approvals.refused.own": "Nobody decides their own request: it went to someone else.",
    "approvals.refused.supervisors": (p: { team: string }) =>
      `Only the supervisors of ${p.team} and admins decide its people's requests.`,
    "approvals.refused.executives": "A supervisor's own request is decided by an executive or an admin.",
    "approvals.already.approved": (p: { by: string }) => `<@${p.by}> approved it already; nothing changed.`,
    "approvals.already.denied": (p: { by: string }) => `<@${p.by}> denied it already; nothing changed.`,
    "approvals.already.cancelled": (p: { by: string }) =>
      `<@${p.by}> cancelled it already; there is nothing to decide.`,
    "approvals.gone": "That request no longer exists.",
    "approvals.nobodyToDecide":
      "Nobody can decide this request yet: your team has no other supervisor, and the workspace has no executive or admin the app knows of. Ask an admin to run `/team grant @someone executive`.",
    "approvals.done.approved": (p: { requester: string }) => `Approved. <@${p.requester}> is told.`,
    "approvals.done.denied": (p: { requester: string }) => `Denied. <@${p.requester}> is told why.`,

    "approvals.deny.title": "Deny the request",
    "approvals.deny.submit": "Deny",
    "approvals.deny.intro": (p: { requester: string; summary: string }) => `<@${p.requester}>: ${p.summary}`,
    "approvals.deny.reason": "Why? The person who asked reads this.",
    "approvals.deny.reasonHint": "For example: two others on the team are away that week.",
    "approvals.deny.reasonMissing": "Say why, so the person who asked knows what to do instead.",
    "approvals.deny.done": "Denied. The person who asked is told, with your reason.",

    "approvals.told.approved": (p: { by: string; summary: string }) =>
      `:white_check_mark: <@${p.by}> approved your request: ${p.summary}.`,
    "approvals.told.denied": (p: { by: string; summary: string; reason: string }) =>
      `:no_entry_sign: <@${p.by}> denied your request: ${p.summary}.\nTheir reason: ${p.reason}`,
    "approvals.told.cancelled": (p: { by: string; summary: string }) =>
      `<@${p.by}> cancelled a request you had approved: ${p.summary}.`,
    "approvals.reminder": (p: { requester: string; summary: string; days: number }) =>
      `Reminder: <@${p.requester}>'s request has waited ${p.days} working days for a decision: ${p.summary}.`,
  },
  {
    "approvals.button.approve": "Godkänn",
    "approvals.button.deny": "Avslå",
    "approvals.state.pending": "Väntar på beslut.",
    "approvals.state.approved": (p) => `:white_check_mark: Godkänd av <@${p.by}>.`,
    "approvals.state.denied": (p) => `:no_entry_sign: Avslagen av <@${p.by}>: ${p.reason}`,
    "approvals.state.cancelled": (p) => `:heavy_minus_sign: Återkallad av <@${p.by}>.`,
    "approvals.state.cancelledAfterApproval": (p) =>
      `:heavy_minus_sign: Godkänd av <@${p.approvedBy}>, sedan återkallad av <@${p.by}>.`,
    "approvals.asks": (p) => `<@${p.requester}> ber om ditt godkännande.`,
    "approvals.asks.executive": (p) =>
      `<@${p.requester}>, handledare för ${p.team}, ber om ditt godkännande (en handledares egen begäran går till chefer och administratörer).`,

    "approvals.refused.own": "Ingen beslutar om sin egen begäran: den gick till någon annan.",
    "approvals.refused.supervisors": (p) =>
      `Bara handledarna för ${p.team} och administratörer beslutar om teamets förfrågningar.`,
    "approvals.refused.executives": "En handledares egen begäran beslutas av en chef eller en administratör.",
    "approvals.already.approved": (p) => `<@${p.by}> har redan godkänt den; inget ändrades.`,
    "approvals.already.denied": (p) => `<@${p.by}> har redan avslagit den; inget ändrades.`,
    "approvals.already.cancelled": (p) => `<@${p.by}> har redan återkallat den; det finns inget att besluta.`,
    "approvals.gone": "Den begäran finns inte längre.",
    "approvals.nobodyToDecide":
      "Ingen kan besluta om den här begäran ännu: ditt team har ingen annan handledare, och arbetsytan har ingen chef eller administratör som appen känner till. Be en administratör köra `/team grant @någon executive`.",
    "approvals.done.approved": (p) => `Godkänd. <@${p.requester}> får veta det.`,
    "approvals.done.denied": (p) => `Avslagen. <@${p.requester}> får veta varför.`,

    "approvals.deny.title": "Avslå begäran",
    "approvals.deny.submit": "Avslå",
    "approvals.deny.intro": (p) => `<@${p.requester}>: ${p.summary}`,
    "approvals.deny.reason": "Varför? Den som frågade läser det här.",
    "approvals.deny.reasonHint": "Till exempel: två andra i teamet är borta den veckan.",
    "approvals.deny.reasonMissing": "Skriv varför, så att den som frågade vet vad hen kan göra i stället.",
    "approvals.deny.done": "Avslagen. Den som frågade får veta det, med ditt skäl.",

    "approvals.told.approved": (p) => `:white_check_mark: <@${p.by}> godkände din begäran: ${p.summary}.`,
    "approvals.told.denied": (p) =>
      `:no_entry_sign: <@${p.by}> avslog din begäran: ${p.summary}.\nSkäl: ${p.reason}`,
    "approvals.told.cancelled": (p) => `<@${p.by}> återkallade en begäran som du hade godkänt: ${p.summary}.`,
    "approvals.reminder": (p) =>
      `Påminnelse: begäran från <@${p.requester}> har väntat på beslut i ${p.days} arbetsdagar: ${p.summary}.`,
  },
);

export const approvalMessages = mergeMessages(
  mergeMessages(commonMessages, accessMessages),
  ownApprovalMessages,
);
export type ApprovalMessages = (typeof approvalMessages)["en"];
