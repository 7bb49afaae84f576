import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { ownApprovalMessages } from "../approvals/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });

const EN_TYPES: Record<string, string> = {
  vacation: "vacation",
  sick: "sick leave",
  parental: "parental leave",
  childCare: "care of a sick child",
  other: "other leave",
};
const SV_TYPES: Record<string, string> = {
  vacation: "semester",
  sick: "sjukfrånvaro",
  parental: "föräldraledighet",
  childCare: "vård av sjukt barn",
  other: "annan ledighet",
};

const HELP_EN = [
  "*`/leave`* files and follows leave: vacation, sick leave, parental leave, care of a sick child.",
  "*Everyone in a team*",
  "• `/leave`: request leave in a form (or the shortcut *Request leave*)",
  "• `/leave list`: my requests and my balances  • `/leave team`: who is out this week and next",
  "• `/leave cancel`: cancel a request (pending, or approved and not yet begun)  • `/leave help`: this help",
  "*The team's supervisors (and admins)*",
  "• Approve or deny from the DM each request brings",
  "• `/leave allowance vacation 25`: 25 vacation days a year; add `from april` for a leave year that starts in April, `carry 5` to let up to 5 unused days move on",
  "• `/leave allowance vacation none`: no allowance (the type is not counted)  • `/leave allowance`: all of them in a form",
  "• `/leave remind 3`: a request waiting 3 working days for a decision reminds its deciders (default 2)",
].join("\n");

const HELP_SV = [
  "*`/leave`* ansöker om och följer ledighet: semester, sjukfrånvaro, föräldraledighet, vård av sjukt barn.",
  "*Alla i ett team*",
  "• `/leave`: ansök om ledighet i ett formulär (eller genvägen *Request leave*)",
  "• `/leave list` eller `/leave mina`: mina ansökningar och mitt saldo  • `/leave team`: vem är borta den här veckan och nästa",
  "• `/leave cancel` eller `/leave avbryt`: återkalla en ansökan (väntande, eller godkänd och inte påbörjad)  • `/leave help`: den här hjälpen",
  "*Teamets handledare (och administratörer)*",
  "• Godkänn eller avslå i DM:et som varje ansökan ger",
  "• `/leave allowance vacation 25`: 25 semesterdagar om året; lägg till `from april` för ett semesterår som börjar i april, `carry 5` för att upp till 5 outnyttjade dagar ska följa med",
  "• `/leave allowance vacation none`: ingen tilldelning (typen räknas inte)  • `/leave allowance`: alla i ett formulär",
  "• `/leave remind 3`: en ansökan som väntat på beslut i 3 arbetsdagar påminner beslutsfattarna (standard 2)",
].join("\n");

export const ownLeaveMessages = defineMessages(
  {
    "leave.help": HELP_EN,
    "leave.help.fallback": "Supervisor /leave commands",
    "leave.type.vacation": "Vacation",
    "leave.type.sick": "Sick leave",
    "leave.type.parental": "Parental leave",
    "leave.type.childCare": "Care of a sick child",
    "leave.type.other": "Other leave",
    "leave.days": (p: { days: string }) => (p.days === "1" ? "1 working day" : `${p.days} working days`),
    "leave.halfStart": "from noon",
    "leave.halfEnd": "until noon",
    "leave.summary": (p: { type: string; dates: string; days: string }) =>
      `${p.type}, ${p.dates} (${p.days})`,

    "leave.team.none":
      "You aren't in a team, so there is nobody to approve leave for you. Ask an admin to add you with `/team add`.",
    "leave.unknownWord": (p: { word: string }) =>
      `I don't know "/leave ${p.word}". \`/leave help\` lists what I can do.`,

    "leave.modal.title": "Request leave",
    "leave.modal.submit": "Send request",
    "leave.modal.intro": (p: { team: string; deciders: string[] }) =>
      `Your request goes to ${en.format(p.deciders.map((id) => `<@${id}>`))} (${p.team}).`,
    "leave.modal.type": "Type of leave",
    "leave.modal.start": "First day",
    "leave.modal.end": "Last day",
    "leave.modal.halfDay": "Half days",
    "leave.modal.halfDayStart": "The first day from noon only",
    "leave.modal.halfDayEnd": "The last day until noon only",
    "leave.modal.note": "Note",
    "leave.modal.noteHint": "Your supervisor reads it; the team channel never sees it.",
    "leave.modal.balances": (p: { lines: string[] }) => `*Your balance*\n${p.lines.join("\n")}`,
    "leave.balance.line": (p: { type: string; available: string; allowance: string; year: string }) =>
      `${p.type}: ${p.available} of ${p.allowance} days left to request (${p.year})`,
    "leave.balance.detail": (p: { used: string; pending: string; carried: string }) =>
      `used ${p.used}, waiting for a decision ${p.pending}${p.carried === "0" ? "" : `, carried over ${p.carried}`}`,

    "leave.invalid.typeMissing": "Pick a type of leave.",
    "leave.invalid.startMissing": "Pick the first day.",
    "leave.invalid.endMissing": "Pick the last day.",
    "leave.invalid.endBeforeStart": "The last day can't be before the first day.",
    "leave.invalid.startPast":
      "The first day has passed. Only sick leave and care of a sick child can be reported afterwards.",
    "leave.invalid.tooLong": "Leave can be requested for at most a year at a time.",
    "leave.invalid.noWorkingDays":
      "Those days are all weekend or public holidays in your team's calendar: there is nothing to take off.",
    "leave.invalid.overlap": (p: { dates: string; approved: boolean }) =>
      `You have leave on some of these days already: ${p.dates} (${p.approved ? "approved" : "waiting for a decision"}). Cancel that one first or pick other days.`,
    "leave.invalid.overBalance": (p: { type: string; asked: string; available: string; year: string }) =>
      `That is ${p.asked} days of ${EN_TYPES[p.type] ?? p.type}, and you have ${p.available} left to request in ${p.year}.`,
    "leave.status.pending": "waiting for a decision",
    "leave.status.approved": "approved",
    "leave.status.denied": "denied",
    "leave.status.cancelled": "cancelled",

    "leave.sent.title": "Request sent",
    "leave.sent.text": (p: { summary: string; deciders: string[] }) =>
      `Sent: ${p.summary}. ${en.format(p.deciders.map((id) => `<@${id}>`))} decide${p.deciders.length === 1 ? "s" : ""}; you get a DM with the answer.`,

    "leave.decider.balance": (p: { type: string; after: string; year: string }) =>
      `*${p.type} left after approval:* ${p.after} days (${p.year})`,
    "leave.decider.noAllowance": (p: { type: string }) => `*${p.type}:* the team counts no allowance for it.`,
    "leave.decider.note": (p: { note: string }) => `*Note:* ${p.note}`,
    "leave.decider.othersOff": (p: { lines: string[] }) => `*Also away then:*\n${p.lines.join("\n")}`,
    "leave.decider.nobodyElse": "*Also away then:* nobody else on the team.",
    "leave.decider.pace": (p: { period: string; before: number; after: number }) =>
      `*Quota pace (${p.period}):* their working days go from ${p.before} to ${p.after}; pace counts only the days they work.`,
    "leave.decider.teamPace": (p: { before: number; after: number; percent: string }) =>
      `*The team's working days* in that period go from ${p.before} to ${p.after} (${p.percent} fewer).`,
    "leave.decider.perDay": (p: { before: string; after: string | null; days: number }) =>
      p.after
        ? `*To reach their target:* ${p.before} a working day now, ${p.after} with this leave (${p.days} working days left to sell in).`
        : `*To reach their target:* ${p.before} a working day now; with this leave no working day is left in the period.`,
    "leave.otherLine": (p: { user: string; dates: string; status: string }) =>
      `• <@${p.user}>: ${p.dates}${p.status}`,
    "leave.pendingMark": " (waiting for a decision)",

    "leave.list.title": "My leave",
    "leave.list.empty": "No leave requested from today on. `/leave` requests some.",
    "leave.list.line": (p: { summary: string; status: string }) => `• ${p.summary}: ${p.status}`,
    "leave.list.noAllowances": "Your team counts no leave allowances.",
    "leave.list.cancel": "Cancel",
    "leave.list.cancelHint": "Cancel a request with its button, or `/leave cancel`.",

    "leave.team.title": (p: { team: string }) => `Who is out in ${p.team}, this week and next`,
    "leave.team.nobody": "Nobody is out this week or next.",
    "leave.team.range": (p: { dates: string }) => `(${p.dates})`,

    "leave.cancel.pick": "Which request do you want to cancel?",
    "leave.cancel.none":
      "You have nothing to cancel: no pending requests and no approved leave that has not begun.",
    "leave.cancel.done": (p: { summary: string }) => `Cancelled: ${p.summary}.`,
    "leave.cancel.doneApproved": (p: { summary: string; approver: string }) =>
      `Cancelled: ${p.summary}. <@${p.approver}>, who approved it, is told, and the days are back in your balance.`,
    "leave.cancel.begun": "That leave has already begun, so it can't be cancelled here; ask your supervisor.",
    "leave.cancel.already": (p: { status: string }) =>
      `That request is ${p.status} already; nothing changed.`,
    "leave.cancel.notYours": "You can only cancel your own requests.",

    "leave.allowance.refused": (p: { team: string }) =>
      `Only the supervisors of ${p.team} and admins set its leave allowances.`,
    "leave.allowance.usage":
      "Say the type and the days a year: `/leave allowance vacation 25`, optionally `from april` and `carry 5`; or `/leave allowance vacation none`.",
    "leave.allowance.set": (p: { type: string; days: number; month: string; carry: string }) =>
      `${p.type}: ${p.days} days a year from now on, the leave year starting in ${p.month}${p.carry}.`,
    "leave.allowance.carry": (p: { days: number }) => `; up to ${p.days} unused days carry over`,
    "leave.allowance.cleared": (p: { type: string }) =>
      `${p.type}: no allowance any more; it is not counted.`,
    "leave.allowance.badDays": "Whole days from 0 to 366, or leave it empty.",
    "leave.allowance.badMonth": "Pick the month the leave year starts in.",
    "leave.allowance.title": "Leave allowances",
    "leave.allowance.submit": "Save",
    "leave.allowance.intro": (p: { team: string }) =>
      `Days a year for each type of leave in *${p.team}*. Leave a type empty and it is not counted: people can still ask for it, with no balance.`,
    "leave.allowance.days": (p: { type: string }) => `${p.type}: days a year`,
    "leave.allowance.month": "The leave year starts in",
    "leave.allowance.carryLabel": "Unused vacation days that carry over (at most)",
    "leave.allowance.carryHint": "Empty: none carry over.",
    "leave.allowance.saved.title": "Allowances saved",
    "leave.allowance.saved": (p: { lines: string[] }) => `Saved. From now on:\n${p.lines.join("\n")}`,
    "leave.allowance.savedLine": (p: { type: string; days: number | null }) =>
      p.days === null ? `• ${p.type}: not counted` : `• ${p.type}: ${p.days} days a year`,
    "leave.remind.set": (p: { days: number }) =>
      `From now on, a request that has waited ${p.days} working day${p.days === 1 ? "" : "s"} for a decision reminds its deciders, once.`,
    "leave.remind.usage": (p: { days: number }) =>
      `Say after how many working days (1 to 30) a waiting request reminds its deciders: \`/leave remind 3\`. Now: ${p.days}.`,
  },
  {
    "leave.help": HELP_SV,
    "leave.help.fallback": "Supervisors /leave-kommandon",
    "leave.type.vacation": "Semester",
    "leave.type.sick": "Sjukfrånvaro",
    "leave.type.parental": "Föräldraledighet",
    "leave.type.childCare": "Vård av sjukt barn",
    "leave.type.other": "Annan ledighet",
    "leave.days": (p) => (p.days === "1" ? "1 arbetsdag" : `${p.days} arbetsdagar`),
    "leave.halfStart": "från lunch",
    "leave.halfEnd": "till lunch",
    "leave.summary": (p) => `${p.type}, ${p.dates} (${p.days})`,

    "leave.team.none":
      "Du är inte med i något team, så det finns ingen som kan godkänna ledighet åt dig. Be en administratör lägga till dig med `/team add`.",
    "leave.unknownWord": (p) =>
      `Jag känner inte till "/leave ${p.word}". \`/leave help\` visar vad jag kan göra.`,

    "leave.modal.title": "Ansök om ledighet",
    "leave.modal.submit": "Skicka ansökan",
    "leave.modal.intro": (p) =>
      `Din ansökan går till ${sv.format(p.deciders.map((id) => `<@${id}>`))} (${p.team}).`,
    "leave.modal.type": "Typ av ledighet",
    "leave.modal.start": "Första dagen",
    "leave.modal.end": "Sista dagen",
    "leave.modal.halfDay": "Halvdagar",
    "leave.modal.halfDayStart": "Första dagen bara från lunch",
    "leave.modal.halfDayEnd": "Sista dagen bara till lunch",
    "leave.modal.note": "Anteckning",
    "leave.modal.noteHint": "Din handledare läser den; teamets kanal ser den aldrig.",
    "leave.modal.balances": (p) => `*Ditt saldo*\n${p.lines.join("\n")}`,
    "leave.balance.line": (p) =>
      `${p.type}: ${p.available} av ${p.allowance} dagar kvar att ansöka om (${p.year})`,
    "leave.balance.detail": (p) =>
      `uttaget ${p.used}, väntar på beslut ${p.pending}${p.carried === "0" ? "" : `, sparat från förra året ${p.carried}`}`,

    "leave.invalid.typeMissing": "Välj typ av ledighet.",
    "leave.invalid.startMissing": "Välj första dagen.",
    "leave.invalid.endMissing": "Välj sista dagen.",
    "leave.invalid.endBeforeStart": "Sista dagen kan inte vara före första dagen.",
    "leave.invalid.startPast":
      "Första dagen har redan varit. Bara sjukfrånvaro och vård av sjukt barn kan anmälas i efterhand.",
    "leave.invalid.tooLong": "Ledighet kan sökas för högst ett år i taget.",
    "leave.invalid.noWorkingDays":
      "De dagarna är helg eller röda dagar i teamets kalender: det finns inget att vara ledig från.",
    "leave.invalid.overlap": (p) =>
      `Du har redan ledighet några av de här dagarna: ${p.dates} (${p.approved ? "godkänd" : "väntar på beslut"}). Återkalla den först eller välj andra dagar.`,
    "leave.invalid.overBalance": (p) =>
      `Det är ${p.asked} dagar ${SV_TYPES[p.type] ?? p.type}, och du har ${p.available} kvar att ansöka om för ${p.year}.`,
    "leave.status.pending": "väntar på beslut",
    "leave.status.approved": "godkänd",
    "leave.status.denied": "avslagen",
    "leave.status.cancelled": "återkallad",

    "leave.sent.title": "Ansökan skickad",
    "leave.sent.text": (p) =>
      `Skickad: ${p.summary}. ${sv.format(p.deciders.map((id) => `<@${id}>`))} beslutar; du får svaret i ett DM.`,

    "leave.decider.balance": (p) => `*${p.type} kvar efter godkännande:* ${p.after} dagar (${p.year})`,
    "leave.decider.noAllowance": (p) => `*${p.type}:* teamet räknar ingen tilldelning för den.`,
    "leave.decider.note": (p) => `*Anteckning:* ${p.note}`,
    "leave.decider.othersOff": (p) => `*Också borta då:*\n${p.lines.join("\n")}`,
    "leave.decider.nobodyElse": "*Också borta då:* ingen annan i teamet.",
    "leave.decider.pace": (p) =>
      `*Kvottakt (${p.period}):* arbetsdagarna går från ${p.before} till ${p.after}; takten räknar bara dagarna hen arbetar.`,
    "leave.decider.teamPace": (p) =>
      `*Teamets arbetsdagar* den perioden går från ${p.before} till ${p.after} (${p.percent} färre).`,
    "leave.decider.perDay": (p) =>
      p.after
        ? `*För att nå målet:* ${p.before} per arbetsdag nu, ${p.after} med den här ledigheten (${p.days} arbetsdagar kvar att sälja på).`
        : `*För att nå målet:* ${p.before} per arbetsdag nu; med den här ledigheten finns ingen arbetsdag kvar i perioden.`,
    "leave.otherLine": (p) => `• <@${p.user}>: ${p.dates}${p.status}`,
    "leave.pendingMark": " (väntar på beslut)",

    "leave.list.title": "Min ledighet",
    "leave.list.empty": "Ingen ledighet ansökt från i dag och framåt. `/leave` ansöker.",
    "leave.list.line": (p) => `• ${p.summary}: ${p.status}`,
    "leave.list.noAllowances": "Ditt team räknar inga tilldelningar av ledighet.",
    "leave.list.cancel": "Återkalla",
    "leave.list.cancelHint": "Återkalla en ansökan med dess knapp, eller `/leave avbryt`.",

    "leave.team.title": (p) => `Vem är borta i ${p.team}, den här veckan och nästa`,
    "leave.team.nobody": "Ingen är borta den här veckan eller nästa.",
    "leave.team.range": (p) => `(${p.dates})`,

    "leave.cancel.pick": "Vilken ansökan vill du återkalla?",
    "leave.cancel.none":
      "Du har inget att återkalla: inga väntande ansökningar och ingen godkänd ledighet som inte har börjat.",
    "leave.cancel.done": (p) => `Återkallad: ${p.summary}.`,
    "leave.cancel.doneApproved": (p) =>
      `Återkallad: ${p.summary}. <@${p.approver}>, som godkände den, får veta det, och dagarna är tillbaka i ditt saldo.`,
    "leave.cancel.begun":
      "Den ledigheten har redan börjat, så den kan inte återkallas här; fråga din handledare.",
    "leave.cancel.already": (p) => `Den ansökan är redan ${p.status}; inget ändrades.`,
    "leave.cancel.notYours": "Du kan bara återkalla dina egna ansökningar.",

    "leave.allowance.refused": (p) =>
      `Bara handledarna för ${p.team} och administratörer sätter teamets tilldelning av ledighet.`,
    "leave.allowance.usage":
      "Ange typ och dagar per år: `/leave allowance vacation 25`, eventuellt `from april` och `carry 5`; eller `/leave allowance vacation none`.",
    "leave.allowance.set": (p) =>
      `${p.type}: ${p.days} dagar om året från och med nu, semesteråret börjar i ${p.month}${p.carry}.`,
    "leave.allowance.carry": (p) => `; upp till ${p.days} outnyttjade dagar följer med`,
    "leave.allowance.cleared": (p) => `${p.type}: ingen tilldelning längre; den räknas inte.`,
    "leave.allowance.badDays": "Hela dagar från 0 till 366, eller lämna fältet tomt.",
    "leave.allowance.badMonth": "Välj månaden semesteråret börjar i.",
    "leave.allowance.title": "Tilldelning av ledighet",
    "leave.allowance.submit": "Spara",
    "leave.allowance.intro": (p) =>
      `Dagar per år för varje typ av ledighet i *${p.team}*. Lämna en typ tom så räknas den inte: man kan fortfarande ansöka om den, utan saldo.`,
    "leave.allowance.days": (p) => `${p.type}: dagar per år`,
    "leave.allowance.month": "Semesteråret börjar i",
    "leave.allowance.carryLabel": "Outnyttjade semesterdagar som följer med (högst)",
    "leave.allowance.carryHint": "Tomt: inga följer med.",
    "leave.allowance.saved.title": "Tilldelningen sparad",
    "leave.allowance.saved": (p) => `Sparat. Från och med nu:\n${p.lines.join("\n")}`,
    "leave.allowance.savedLine": (p) =>
      p.days === null ? `• ${p.type}: räknas inte` : `• ${p.type}: ${p.days} dagar per år`,
    "leave.remind.set": (p) =>
      `Från och med nu påminns beslutsfattarna, en gång, om en ansökan som har väntat på beslut i ${p.days} arbetsdag${p.days === 1 ? "" : "ar"}.`,
    "leave.remind.usage": (p) =>
      `Ange efter hur många arbetsdagar (1 till 30) en väntande ansökan påminner beslutsfattarna: \`/leave remind 3\`. Nu: ${p.days}.`,
  },
);

export const leaveMessages = mergeMessages(
  mergeMessages(mergeMessages(commonMessages, accessMessages), ownApprovalMessages),
  ownLeaveMessages,
);
export type LeaveMessages = (typeof leaveMessages)["en"];
