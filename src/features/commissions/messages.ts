import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { ownApprovalMessages } from "../approvals/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);

const EN_STATUS: Record<string, string> = { approved: "approved", denied: "denied", cancelled: "cancelled" };
const SV_STATUS: Record<string, string> = {
  approved: "godkänd",
  denied: "avslagen",
  cancelled: "återkallad",
};

/** What is wrong with an amount typed in the form, by the amount parser's problem. */
type AmountParams = { problem: string; currency: string };
const amountEn = (p: AmountParams) =>
  p.problem === "wrongCurrency"
    ? `Claims are in your team's currency, ${p.currency}.`
    : p.problem === "tooPrecise"
      ? `That has more decimals than ${p.currency} has.`
      : `Write a positive amount in ${p.currency}, for example 12 500, 12,5k or 1.2m.`;
const amountSv = (p: AmountParams) =>
  p.problem === "wrongCurrency"
    ? `Provision begärs i teamets valuta, ${p.currency}.`
    : p.problem === "tooPrecise"
      ? `Det har fler decimaler än ${p.currency} har.`
      : `Skriv ett positivt belopp i ${p.currency}, till exempel 12 500, 12,5k eller 1,2m.`;

const HELP_EN = [
  "*`/commission`* files commission claims for approval and exports the approved ones for payroll.",
  "*Everyone in a team*",
  "• `/commission`: claim commission on a deal in a form: the deal, the customer, the deal amount, the commission (an amount or a rate), the close date and, if you like, your check-in of the sale",
  "• `/commission list`: my claims  • `/commission cancel`: take back a claim that waits for a decision  • `/commission help`: this help",
  "*Supervisors, executives and admins*",
  "• Approve or deny from the DM each claim brings",
  "• `/commission export 2026-06`: a CSV of the approved claims that closed in June 2026, sent to you by DM; also `2026-Q2`, `2026-W23`, or `this` and `last` for the team's quota period",
].join("\n");

const HELP_SV = [
  "*`/commission`* begär provision för godkännande och exporterar den godkända till lönen.",
  "*Alla i ett team*",
  "• `/commission`: begär provision på en affär i ett formulär: affären, kunden, affärens belopp, provisionen (ett belopp eller en procentsats), avslutsdagen och, om du vill, din incheckning av försäljningen",
  "• `/commission lista`: mina begäranden  • `/commission avbryt`: återkalla en begäran som väntar på beslut  • `/commission hjälp`: den här hjälpen",
  "*Handledare, chefer och administratörer*",
  "• Godkänn eller avslå i DM:et som varje begäran ger",
  "• `/commission export 2026-06`: en CSV med de godkända begäranden vars affärer avslutades i juni 2026, skickad till dig i ett DM; även `2026-Q2`, `2026-W23`, eller `this` och `last` för teamets kvotperiod",
].join("\n");

export const ownCommissionMessages = defineMessages(
  {
    "commissions.help": HELP_EN,
    "commissions.help.fallback": "Supervisor /commission commands",
    "commissions.team.none":
      "You aren't in a team, so there is nobody to approve commission for you. Ask an admin to add you with `/team add`.",
    "commissions.unknownWord": (p: { word: string }) =>
      `I don't know "/commission ${p.word}". \`/commission help\` lists what I can do.`,

    "commissions.modal.title": "Claim commission",
    "commissions.modal.submit": "Send claim",
    "commissions.modal.intro": (p: { team: string; deciders: string[]; currency: string }) =>
      `Your claim goes to ${en.format(who(p.deciders))} (${p.team}). Amounts are in ${p.currency}.`,
    "commissions.modal.deal": "Deal",
    "commissions.modal.dealHint": "What was sold, as you would name it to your supervisor.",
    "commissions.modal.customer": "Customer",
    "commissions.modal.dealAmount": (p: { currency: string }) => `Deal amount (${p.currency})`,
    "commissions.modal.amountHint": "For example 12 500, 12,5k or 1.2m.",
    "commissions.modal.commission": (p: { currency: string }) => `Commission (${p.currency})`,
    "commissions.modal.commissionHint":
      "The commission as an amount, or leave it empty and give a rate below.",
    "commissions.modal.rate": "Or a rate, in % of the deal amount",
    "commissions.modal.rateHint": "For example 10 or 7.5. Give the amount or the rate, not both.",
    "commissions.modal.closedOn": "Close date",
    "commissions.modal.closedHint": "The day the deal closed: today or earlier.",
    "commissions.modal.checkin": "Your check-in of this sale",
    "commissions.modal.checkinHint": "One of the sales you checked in with /quota in the last 90 days.",
    "commissions.modal.note": "Note",
    "commissions.modal.noteHint": "Whoever approves it reads it; the team channel never sees it.",

    "commissions.invalid.dealMissing": "Name the deal.",
    "commissions.invalid.customerMissing": "Name the customer.",
    "commissions.invalid.dealAmount": amountEn,
    "commissions.invalid.commissionAmount": amountEn,
    "commissions.invalid.commissionOrRate": "Give the commission as an amount, or a rate below.",
    "commissions.invalid.bothGiven":
      "Give the commission amount or the rate, not both: leave one of them empty.",
    "commissions.invalid.rate":
      "Write the rate as a percentage above 0 and at most 100, for example 10 or 7.5.",
    "commissions.invalid.rateTooSmall": "That rate of this deal amount is less than the smallest coin.",
    "commissions.invalid.aboveDeal": "The commission can't be more than the deal amount.",
    "commissions.invalid.closedMissing": "Pick the day the deal closed.",
    "commissions.invalid.closedFuture":
      "That day hasn't come yet. Commission is claimed once a deal has closed: today or earlier.",
    "commissions.invalid.checkinNotYours": "Pick one of your own check-ins.",
    "commissions.invalid.checkinClaimed": (p: { deal: string; approved: boolean }) =>
      `That sale is in your claim for ${p.deal} already (${p.approved ? "approved" : "waiting for a decision"}). A sale pays commission once.`,
    "commissions.invalid.checkinGone":
      "That check-in no longer counts (taken back or removed). Pick another, or none.",

    "commissions.summary": (p: {
      deal: string;
      customer: string;
      commission: string;
      amount: string;
      date: string;
    }) => `${p.deal} (${p.customer}): ${p.commission} commission on ${p.amount}, closed ${p.date}`,
    "commissions.status.pending": "waiting for a decision",
    "commissions.status.approved": "approved",
    "commissions.status.denied": "denied",
    "commissions.status.cancelled": "cancelled",

    "commissions.sent.title": "Claim sent",
    "commissions.sent.text": (p: { summary: string; deciders: string[] }) =>
      `Sent: ${p.summary}. ${en.format(who(p.deciders))} decide${p.deciders.length === 1 ? "s" : ""}; you get a DM with the answer.`,

    "commissions.decider.deal": (p: { deal: string; customer: string }) =>
      `*Deal:* ${p.deal}\n*Customer:* ${p.customer}`,
    "commissions.decider.amount": (p: { amount: string }) => `*Deal amount:* ${p.amount}`,
    "commissions.decider.commissionRate": (p: { commission: string; rate: string }) =>
      `*Commission:* ${p.commission} (${p.rate} of the deal amount, as claimed)`,
    "commissions.decider.commissionImplied": (p: { commission: string; rate: string }) =>
      `*Commission:* ${p.commission} (that is ${p.rate} of the deal amount)`,
    "commissions.decider.closed": (p: { date: string }) => `*Closed:* ${p.date}`,
    "commissions.decider.checkin": (p: { date: string; amount: string; note: string }) =>
      `*Their check-in:* ${p.date}, ${p.amount}${p.note ? `, ${p.note}` : ""}`,
    "commissions.decider.checkinGone": "*Their check-in:* linked, but taken back or removed since.",
    "commissions.decider.noCheckin": "*Their check-in:* none linked.",
    "commissions.decider.note": (p: { note: string }) => `*Note:* ${p.note}`,
    "commissions.decider.soFar": (p: { period: string; total: string; count: number }) =>
      p.count === 0
        ? `*Approved for them in ${p.period} so far:* nothing yet.`
        : `*Approved for them in ${p.period} so far:* ${p.total} (${p.count} ${p.count === 1 ? "claim" : "claims"}).`,

    "commissions.list.title": "My commission claims",
    "commissions.list.empty": "No commission claims yet. `/commission` files one.",
    "commissions.list.line": (p: { summary: string; status: string }) => `• ${p.summary}: ${p.status}`,
    "commissions.list.cancel": "Cancel",

    "commissions.cancel.pick": "Which claim do you want to take back?",
    "commissions.cancel.none": "You have no claim waiting for a decision, so there is nothing to take back.",
    "commissions.cancel.done": (p: { summary: string }) => `Cancelled: ${p.summary}.`,
    "commissions.cancel.already": (p: { status: string }) =>
      `That claim is ${EN_STATUS[p.status] ?? p.status} already; only a claim waiting for a decision can be taken back.`,
    "commissions.cancel.notYours": "You can only take back your own claims.",

    "commissions.period.month": (p: { name: string }) => p.name,
    "commissions.period.quarter": (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,
    "commissions.period.week": (p: { week: number; year: number }) => `week ${p.week} of ${p.year}`,
    "commissions.export.started": (p: { period: string; teams: string[] }) =>
      `The export of approved commission claims closed in ${p.period} (${en.format(p.teams)}) is on its way to your DM.`,
    "commissions.export.refused": (p: { supervisors: string[] }) =>
      p.supervisors.length > 0
        ? `Only supervisors, executives and admins export commission claims for payroll. Your supervisor ${en.format(who(p.supervisors))} can.`
        : "Only supervisors, executives and admins export commission claims for payroll.",
    "commissions.export.usage":
      "Say which period: `/commission export 2026-06` for a month, `2026-Q2` for a quarter, `2026-W23` for a week, or `this` and `last` for the team's current and last quota period.",
    "commissions.export.noTeams": "There is no team yet, so there are no claims to export.",
    "commissions.export.title": (p: { period: string }) => `Commission claims, ${p.period}`,
    "commissions.export.comment": (p: { period: string; teams: string[]; count: number; totals: string[] }) =>
      `Approved commission claims closed in ${p.period} (${en.format(p.teams)}): ${p.count} ${p.count === 1 ? "claim" : "claims"}, ${en.format(p.totals)} in commission.`,
    "commissions.export.failed": (p: { period: string; code: string }) =>
      `The export of ${p.period} could not be sent: Slack refused the file (${p.code}). An admin may have turned file uploads off; ask them, then try again.`,
    "commissions.export.empty": (p: { period: string; teams: string[] }) =>
      `No approved commission claims closed in ${p.period} (${en.format(p.teams)}), so there is no file to send.`,
  },
  {
    "commissions.help": HELP_SV,
    "commissions.help.fallback": "Supervisors /commission-kommandon",
    "commissions.team.none":
      "Du är inte med i något team, så det finns ingen som kan godkänna provision åt dig. Be en administratör lägga till dig med `/team add`.",
    "commissions.unknownWord": (p) =>
      `Jag känner inte till "/commission ${p.word}". \`/commission hjälp\` visar vad jag kan göra.`,

    "commissions.modal.title": "Begär provision",
    "commissions.modal.submit": "Skicka",
    "commissions.modal.intro": (p) =>
      `Din begäran går till ${sv.format(who(p.deciders))} (${p.team}). Beloppen är i ${p.currency}.`,
    "commissions.modal.deal": "Affär",
    "commissions.modal.dealHint": "Vad som såldes, som du skulle beskriva det för din handledare.",
    "commissions.modal.customer": "Kund",
    "commissions.modal.dealAmount": (p) => `Affärens belopp (${p.currency})`,
    "commissions.modal.amountHint": "Till exempel 12 500, 12,5k eller 1,2m.",
    "commissions.modal.commission": (p) => `Provision (${p.currency})`,
    "commissions.modal.commissionHint":
      "Provisionen som ett belopp, eller lämna tomt och ange en procentsats nedan.",
    "commissions.modal.rate": "Eller en procentsats av affärens belopp",
    "commissions.modal.rateHint": "Till exempel 10 eller 7,5. Ange beloppet eller procentsatsen, inte båda.",
    "commissions.modal.closedOn": "Avslutsdag",
    "commissions.modal.closedHint": "Dagen då affären avslutades: i dag eller tidigare.",
    "commissions.modal.checkin": "Din incheckning av försäljningen",
    "commissions.modal.checkinHint": "En av försäljningarna du checkat in med /quota de senaste 90 dagarna.",
    "commissions.modal.note": "Anteckning",
    "commissions.modal.noteHint": "Den som godkänner läser den; teamets kanal ser den aldrig.",

    "commissions.invalid.dealMissing": "Ange affären.",
    "commissions.invalid.customerMissing": "Ange kunden.",
    "commissions.invalid.dealAmount": amountSv,
    "commissions.invalid.commissionAmount": amountSv,
    "commissions.invalid.commissionOrRate": "Ange provisionen som ett belopp, eller en procentsats nedan.",
    "commissions.invalid.bothGiven":
      "Ange provisionens belopp eller procentsatsen, inte båda: lämna en av dem tom.",
    "commissions.invalid.rate":
      "Skriv procentsatsen som ett tal över 0 och högst 100, till exempel 10 eller 7,5.",
    "commissions.invalid.rateTooSmall":
      "Den procentsatsen av affärens belopp blir mindre än det minsta myntet.",
    "commissions.invalid.aboveDeal": "Provisionen kan inte vara större än affärens belopp.",
    "commissions.invalid.closedMissing": "Välj dagen då affären avslutades.",
    "commissions.invalid.closedFuture":
      "Den dagen har inte kommit än. Provision begärs när en affär är avslutad: i dag eller tidigare.",
    "commissions.invalid.checkinNotYours": "Välj en av dina egna incheckningar.",
    "commissions.invalid.checkinClaimed": (p) =>
      `Den försäljningen finns redan i din begäran för ${p.deal} (${p.approved ? "godkänd" : "väntar på beslut"}). En försäljning ger provision en gång.`,
    "commissions.invalid.checkinGone":
      "Den incheckningen räknas inte längre (ångrad eller borttagen). Välj en annan, eller ingen.",

    "commissions.summary": (p) =>
      `${p.deal} (${p.customer}): ${p.commission} i provision på ${p.amount}, avslutad ${p.date}`,
    "commissions.status.pending": "väntar på beslut",
    "commissions.status.approved": "godkänd",
    "commissions.status.denied": "avslagen",
    "commissions.status.cancelled": "återkallad",

    "commissions.sent.title": "Begäran skickad",
    "commissions.sent.text": (p) =>
      `Skickad: ${p.summary}. ${sv.format(who(p.deciders))} beslutar; du får svaret i ett DM.`,

    "commissions.decider.deal": (p) => `*Affär:* ${p.deal}\n*Kund:* ${p.customer}`,
    "commissions.decider.amount": (p) => `*Affärens belopp:* ${p.amount}`,
    "commissions.decider.commissionRate": (p) =>
      `*Provision:* ${p.commission} (${p.rate} av affärens belopp, som begärt)`,
    "commissions.decider.commissionImplied": (p) =>
      `*Provision:* ${p.commission} (det är ${p.rate} av affärens belopp)`,
    "commissions.decider.closed": (p) => `*Avslutad:* ${p.date}`,
    "commissions.decider.checkin": (p) =>
      `*Hens incheckning:* ${p.date}, ${p.amount}${p.note ? `, ${p.note}` : ""}`,
    "commissions.decider.checkinGone": "*Hens incheckning:* länkad, men ångrad eller borttagen sedan dess.",
    "commissions.decider.noCheckin": "*Hens incheckning:* ingen länkad.",
    "commissions.decider.note": (p) => `*Anteckning:* ${p.note}`,
    "commissions.decider.soFar": (p) =>
      p.count === 0
        ? `*Godkänt för hen hittills under ${p.period}:* inget än.`
        : `*Godkänt för hen hittills under ${p.period}:* ${p.total} (${p.count} ${p.count === 1 ? "begäran" : "begäranden"}).`,

    "commissions.list.title": "Mina provisionsbegäranden",
    "commissions.list.empty": "Inga provisionsbegäranden än. `/commission` skapar en.",
    "commissions.list.line": (p) => `• ${p.summary}: ${p.status}`,
    "commissions.list.cancel": "Återkalla",

    "commissions.cancel.pick": "Vilken begäran vill du återkalla?",
    "commissions.cancel.none": "Du har ingen begäran som väntar på beslut, så det finns inget att återkalla.",
    "commissions.cancel.done": (p) => `Återkallad: ${p.summary}.`,
    "commissions.cancel.already": (p) =>
      `Den begäran är redan ${SV_STATUS[p.status] ?? p.status}; bara en begäran som väntar på beslut kan återkallas.`,
    "commissions.cancel.notYours": "Du kan bara återkalla dina egna begäranden.",

    "commissions.period.month": (p) => p.name,
    "commissions.period.quarter": (p) => `kvartal ${p.quarter} ${p.year}`,
    "commissions.period.week": (p) => `vecka ${p.week} ${p.year}`,
    "commissions.export.started": (p) =>
      `Exporten av godkända provisionsbegäranden för affärer avslutade under ${p.period} (${sv.format(p.teams)}) är på väg till ditt DM.`,
    "commissions.export.refused": (p) =>
      p.supervisors.length > 0
        ? `Bara handledare, chefer och administratörer exporterar provision till lönen. Din handledare ${sv.format(who(p.supervisors))} kan göra det.`
        : "Bara handledare, chefer och administratörer exporterar provision till lönen.",
    "commissions.export.usage":
      "Ange vilken period: `/commission export 2026-06` för en månad, `2026-Q2` för ett kvartal, `2026-W23` för en vecka, eller `this` och `last` för teamets nuvarande och förra kvotperiod.",
    "commissions.export.noTeams": "Det finns inget team än, så det finns inga begäranden att exportera.",
    "commissions.export.title": (p) => `Provision, ${p.period}`,
    "commissions.export.comment": (p) =>
      `Godkända provisionsbegäranden för affärer avslutade under ${p.period} (${sv.format(p.teams)}): ${p.count} ${p.count === 1 ? "begäran" : "begäranden"}, ${sv.format(p.totals)} i provision.`,
    "commissions.export.failed": (p) =>
      `Exporten för ${p.period} kunde inte skickas: Slack tog inte emot filen (${p.code}). En administratör kan ha stängt av filuppladdning; fråga hen och försök sedan igen.`,
    "commissions.export.empty": (p) =>
      `Inga godkända provisionsbegäranden för affärer avslutade under ${p.period} (${sv.format(p.teams)}), så det finns ingen fil att skicka.`,
  },
);

export const commissionMessages = mergeMessages(
  mergeMessages(mergeMessages(commonMessages, accessMessages), ownApprovalMessages),
  ownCommissionMessages,
);
export type CommissionMessages = (typeof commissionMessages)["en"];
