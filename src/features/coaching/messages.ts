import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { ownEscalationMessages } from "../escalations/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);
/** Coaching's own words: the form, the plan's DMs, reviews, closing, the command and its refusals. */
export const ownCoachingMessages = defineMessages(
  {
    "coaching.modal.title": "Coaching plan",
    "coaching.modal.submit": "Start plan",
    "coaching.modal.intro":
      "A plan to help the rep do better. The rep gets it by DM; their supervisors are reminded on each review date. Never posted in a channel.",
    "coaching.modal.rep": "Which rep?",
    "coaching.modal.goal": "Goal",
    "coaching.modal.goalHint": "What the rep should reach, e.g. back on quota pace by the end of the month.",
    "coaching.modal.actions": "Agreed actions",
    "coaching.modal.actionsHint": "One a line, as agreed with the rep.",
    "coaching.modal.review": (p: { n: number }) => (p.n === 1 ? "First review" : `Review ${p.n}`),
    "coaching.modal.reviewHint": "A day after today; each review after the one before.",
    "coaching.modal.escalation": "Linked escalation",
    "coaching.modal.escalationOption": (p: { date: string; details: string }) => `${p.date}: ${p.details}`,
    "coaching.modal.fromWarning": "Started from a warning: the plan is linked to it.",
    "coaching.started.title": "Plan started",
    "coaching.started.text": (p: { rep: string; coaches: string[] }) =>
      `The coaching plan for <@${p.rep}> has started. <@${p.rep}> gets it by DM; ${en.format(who(p.coaches))} ${p.coaches.length === 1 ? "gets" : "get"} a DM on each review date.`,

    "coaching.error.repMissing": "Choose the rep the plan is for.",
    "coaching.error.notAPerson": "Choose a person of this workspace, not an app.",
    "coaching.error.self":
      "You cannot start a coaching plan for yourself; your own supervisor, an executive or an admin can.",
    "coaching.error.goalMissing": "Say what the plan should reach.",
    "coaching.error.goalLong": (p: { max: number }) =>
      `Keep the goal to ${p.max} characters; put the details in the actions.`,
    "coaching.error.actionsTooMany": (p: { max: number }) => `At most ${p.max} actions, one a line.`,
    "coaching.error.reviewMissing": "Choose the date of the first review.",
    "coaching.error.reviewPast": "Choose a day after today.",
    "coaching.error.reviewOrder": "Choose a day after the review before.",
    "coaching.error.escalationOther":
      "That escalation is about someone else, or was resolved meanwhile. Choose another or none.",
    "coaching.already.active": (p: { rep: string; goal: string; by: string; startedOn: string }) =>
      `<@${p.rep}> already has an active coaching plan, started by <@${p.by}> on ${p.startedOn}: _${p.goal}_. Close it before starting another (see it with \`/coach show @rep\`).`,

    "coaching.dm.coach": (p: { rep: string }) => `:dart: Coaching plan for <@${p.rep}>`,
    "coaching.dm.rep": (p: { coaches: string[] }) =>
      p.coaches.length > 0
        ? `:dart: Your coaching plan, with ${en.format(who(p.coaches))}`
        : ":dart: Your coaching plan",
    "coaching.dm.goal": (p: { goal: string }) => `*Goal:* ${p.goal}`,
    "coaching.dm.actions": "*Agreed actions:*",
    "coaching.dm.noActions": "*Agreed actions:* none written down.",
    "coaching.dm.reviews": "*Reviews:*",
    "coaching.dm.started": (p: { by: string; date: string }) => `Started by <@${p.by}> on ${p.date}.`,
    "coaching.dm.fromEscalation": "Started from an escalation.",
    "coaching.dm.fromWarning": "Started from a warning.",
    "coaching.review.upcoming": (p: { date: string }) => `${p.date}: to come`,
    "coaching.review.recorded": (p: { date: string; progress: string; note: string; by: string }) =>
      `${p.date}: *${p.progress}* (<@${p.by}>): ${p.note}`,
    "coaching.progress.onTrack": "on track",
    "coaching.progress.atRisk": "at risk",
    "coaching.progress.done": "done",
    "coaching.outcome.achieved": "goal achieved",
    "coaching.outcome.partly": "goal partly achieved",
    "coaching.outcome.notAchieved": "goal not achieved",
    "coaching.state.active": "Active.",
    "coaching.state.closed": (p: { by: string; outcome: string; note: string }) =>
      `:white_check_mark: Closed by <@${p.by}>: ${p.outcome}. ${p.note}`,
    "coaching.button.record": "Record progress",
    "coaching.button.close": "Close plan",
    "coaching.button.start": "Start a coaching plan",

    "coaching.due.coach": (p: { rep: string; date: string; today: boolean }) =>
      p.today
        ? `:calendar: Review of <@${p.rep}>'s coaching plan is due today. Record how it goes.`
        : `:calendar: Review of <@${p.rep}>'s coaching plan was due on ${p.date}. Record how it goes.`,
    "coaching.due.rep": (p: { coaches: string[]; date: string; today: boolean }) =>
      p.today
        ? `:calendar: Your coaching plan is reviewed today with ${en.format(who(p.coaches))}.`
        : `:calendar: Your coaching plan's review of ${p.date} is coming up with ${en.format(who(p.coaches))}.`,
    "coaching.due.recorded": (p: { by: string; progress: string }) =>
      `Recorded by <@${p.by}>: ${p.progress}.`,
    "coaching.due.planClosed": "The plan is closed.",
    "coaching.told.progress": (p: { by: string; date: string; progress: string; note: string }) =>
      `:memo: <@${p.by}> recorded the review of ${p.date} of your coaching plan: *${p.progress}*. ${p.note}`,
    "coaching.told.closed": (p: { by: string; outcome: string; note: string }) =>
      `:checkered_flag: <@${p.by}> closed your coaching plan: *${p.outcome}*. ${p.note}`,

    "coaching.record.title": "Record progress",
    "coaching.record.submit": "Save",
    "coaching.record.intro": (p: { rep: string; date: string; goal: string }) =>
      `Review of ${p.date} of <@${p.rep}>'s plan: _${p.goal}_`,
    "coaching.record.progress": "How is it going?",
    "coaching.record.note": "Note",
    "coaching.record.noteHint": "What was said and agreed; the rep reads this.",
    "coaching.record.noteMissing": "Write a note: the rep reads what was said.",
    "coaching.record.progressMissing": "Choose how it is going.",
    "coaching.record.done": (p: { rep: string }) => `Recorded. <@${p.rep}> is told by DM.`,
    "coaching.record.none": "Every review of this plan is recorded. Close the plan when it is done.",
    "coaching.already.recorded": (p: { by: string; recordedAt: string }) =>
      `<@${p.by}> recorded this review already, on ${p.recordedAt}; nothing changed.`,
    "coaching.already.closed": (p: { by: string }) => `<@${p.by}> closed this plan already; nothing changed.`,

    "coaching.close.title": "Close the plan",
    "coaching.close.submit": "Close plan",
    "coaching.close.intro": (p: { rep: string; goal: string }) => `<@${p.rep}>'s plan: _${p.goal}_`,
    "coaching.close.outcome": "Outcome",
    "coaching.close.note": "Closing note",
    "coaching.close.noteHint": "How it ended; the rep reads this.",
    "coaching.close.noteMissing": "Write how it ended: the rep reads it.",
    "coaching.close.outcomeMissing": "Choose the outcome.",
    "coaching.close.done": (p: { rep: string }) => `Closed. <@${p.rep}> is told by DM.`,
    "coaching.gone": "That coaching plan no longer exists.",

    "coaching.help":
      "*Coaching plans*\n• `/coach @rep`: start a plan for a rep of your team (goal, agreed actions, review dates)\n• `/coach show @rep`: a rep's plan, with its actions and reviews\n• `/coach mine`: your own plan\n• `/coach list`: the active plans of your teams\nOn each review date the supervisors get a DM to record progress; the rep is told. Plans are never posted in a channel.",
    "coaching.usage": (p: { word: string }) =>
      `I don't know \`${p.word}\` here. Try \`/coach @rep\`, \`/coach show @rep\`, \`/coach mine\`, \`/coach list\` or \`/coach help\`.`,
    "coaching.show.needRep": "Say whose plan: `/coach show @rep`.",
    "coaching.show.none": (p: { rep: string }) => `<@${p.rep}> has no coaching plan.`,
    "coaching.show.noneActive": (p: { rep: string }) => `<@${p.rep}> has no active coaching plan.`,
    "coaching.show.mineNone": "You have no coaching plan.",
    "coaching.show.earlier": "*Earlier plans:*",
    "coaching.show.closedItem": (p: { goal: string; date: string; outcome: string }) =>
      `• ${p.goal} (closed ${p.date}: ${p.outcome})`,
    "coaching.list.header": "*Active coaching plans:*",
    "coaching.list.none": "No active coaching plans in your teams.",
    "coaching.list.item": (p: { rep: string; goal: string; next: string }) =>
      `• <@${p.rep}>: ${p.goal} (next review: ${p.next})`,
    "coaching.list.noNext": "none left",
    "coaching.list.more": (p: { count: number }) => `…and ${p.count} more.`,

    "coaching.esc.active": (p: { goal: string; next: string }) =>
      `*Coaching plan:* active, goal _${p.goal}_; next review ${p.next}.`,
    "coaching.esc.linked": (p: { goal: string; state: string }) =>
      `*Coaching plan from this escalation:* _${p.goal}_. ${p.state}`,
    "coaching.esc.noReview": "No review recorded yet.",
    "coaching.esc.latest": (p: { date: string; progress: string }) =>
      `Latest review (${p.date}): ${p.progress}.`,
    "coaching.esc.closed": (p: { outcome: string }) => `Closed: ${p.outcome}.`,
  },
  {
    "coaching.modal.title": "Coachningsplan",
    "coaching.modal.submit": "Starta plan",
    "coaching.modal.intro":
      "En plan för att hjälpa säljaren att bli bättre. Säljaren får den som DM; handledarna påminns på varje uppföljningsdag. Visas aldrig i en kanal.",
    "coaching.modal.rep": "Vilken säljare?",
    "coaching.modal.goal": "Mål",
    "coaching.modal.goalHint": "Vad säljaren ska nå, t.ex. tillbaka i kvottakt till slutet av månaden.",
    "coaching.modal.actions": "Överenskomna åtgärder",
    "coaching.modal.actionsHint": "En per rad, som ni kommit överens om.",
    "coaching.modal.review": (p) => (p.n === 1 ? "Första uppföljningen" : `Uppföljning ${p.n}`),
    "coaching.modal.reviewHint": "En dag efter i dag; varje uppföljning efter den före.",
    "coaching.modal.escalation": "Kopplad eskalering",
    "coaching.modal.escalationOption": (p) => `${p.date}: ${p.details}`,
    "coaching.modal.fromWarning": "Startad från en varning: planen kopplas till den.",
    "coaching.started.title": "Plan startad",
    "coaching.started.text": (p) =>
      `Coachningsplanen för <@${p.rep}> har startat. <@${p.rep}> får den som DM; ${sv.format(who(p.coaches))} får ett DM på varje uppföljningsdag.`,

    "coaching.error.repMissing": "Välj säljaren planen gäller.",
    "coaching.error.notAPerson": "Välj en person i arbetsytan, inte en app.",
    "coaching.error.self":
      "Du kan inte starta en coachningsplan för dig själv; din egen handledare, en chef eller en administratör kan.",
    "coaching.error.goalMissing": "Skriv vad planen ska nå.",
    "coaching.error.goalLong": (p) => `Håll målet inom ${p.max} tecken; skriv detaljerna i åtgärderna.`,
    "coaching.error.actionsTooMany": (p) => `Högst ${p.max} åtgärder, en per rad.`,
    "coaching.error.reviewMissing": "Välj dag för den första uppföljningen.",
    "coaching.error.reviewPast": "Välj en dag efter i dag.",
    "coaching.error.reviewOrder": "Välj en dag efter uppföljningen före.",
    "coaching.error.escalationOther":
      "Den eskaleringen gäller någon annan, eller har lösts under tiden. Välj en annan eller ingen.",
    "coaching.already.active": (p) =>
      `<@${p.rep}> har redan en aktiv coachningsplan, startad av <@${p.by}> ${p.startedOn}: _${p.goal}_. Avsluta den innan du startar en ny (se den med \`/coach visa @säljare\`).`,

    "coaching.dm.coach": (p) => `:dart: Coachningsplan för <@${p.rep}>`,
    "coaching.dm.rep": (p) =>
      p.coaches.length > 0
        ? `:dart: Din coachningsplan, med ${sv.format(who(p.coaches))}`
        : ":dart: Din coachningsplan",
    "coaching.dm.goal": (p) => `*Mål:* ${p.goal}`,
    "coaching.dm.actions": "*Överenskomna åtgärder:*",
    "coaching.dm.noActions": "*Överenskomna åtgärder:* inga nedskrivna.",
    "coaching.dm.reviews": "*Uppföljningar:*",
    "coaching.dm.started": (p) => `Startad av <@${p.by}> ${p.date}.`,
    "coaching.dm.fromEscalation": "Startad från en eskalering.",
    "coaching.dm.fromWarning": "Startad från en varning.",
    "coaching.review.upcoming": (p) => `${p.date}: kommande`,
    "coaching.review.recorded": (p) => `${p.date}: *${p.progress}* (<@${p.by}>): ${p.note}`,
    "coaching.progress.onTrack": "enligt plan",
    "coaching.progress.atRisk": "i fara",
    "coaching.progress.done": "klart",
    "coaching.outcome.achieved": "målet nått",
    "coaching.outcome.partly": "målet delvis nått",
    "coaching.outcome.notAchieved": "målet inte nått",
    "coaching.state.active": "Aktiv.",
    "coaching.state.closed": (p) => `:white_check_mark: Avslutad av <@${p.by}>: ${p.outcome}. ${p.note}`,
    "coaching.button.record": "Registrera framsteg",
    "coaching.button.close": "Avsluta plan",
    "coaching.button.start": "Starta en coachningsplan",

    "coaching.due.coach": (p) =>
      p.today
        ? `:calendar: Uppföljning av <@${p.rep}>s coachningsplan i dag. Registrera hur det går.`
        : `:calendar: Uppföljning av <@${p.rep}>s coachningsplan skulle ha skett ${p.date}. Registrera hur det går.`,
    "coaching.due.rep": (p) =>
      p.today
        ? `:calendar: Din coachningsplan följs upp i dag med ${sv.format(who(p.coaches))}.`
        : `:calendar: Uppföljningen av din coachningsplan från ${p.date} är på gång med ${sv.format(who(p.coaches))}.`,
    "coaching.due.recorded": (p) => `Registrerad av <@${p.by}>: ${p.progress}.`,
    "coaching.due.planClosed": "Planen är avslutad.",
    "coaching.told.progress": (p) =>
      `:memo: <@${p.by}> registrerade uppföljningen ${p.date} av din coachningsplan: *${p.progress}*. ${p.note}`,
    "coaching.told.closed": (p) =>
      `:checkered_flag: <@${p.by}> avslutade din coachningsplan: *${p.outcome}*. ${p.note}`,

    "coaching.record.title": "Registrera framsteg",
    "coaching.record.submit": "Spara",
    "coaching.record.intro": (p) => `Uppföljning ${p.date} av <@${p.rep}>s plan: _${p.goal}_`,
    "coaching.record.progress": "Hur går det?",
    "coaching.record.note": "Anteckning",
    "coaching.record.noteHint": "Vad som sades och avtalades; säljaren läser det här.",
    "coaching.record.noteMissing": "Skriv en anteckning: säljaren läser vad som sades.",
    "coaching.record.progressMissing": "Välj hur det går.",
    "coaching.record.done": (p) => `Registrerat. <@${p.rep}> får veta det som DM.`,
    "coaching.record.none": "Alla uppföljningar i planen är registrerade. Avsluta planen när den är klar.",
    "coaching.already.recorded": (p) =>
      `<@${p.by}> har redan registrerat den här uppföljningen ${p.recordedAt}; inget ändrades.`,
    "coaching.already.closed": (p) => `<@${p.by}> har redan avslutat planen; inget ändrades.`,

    "coaching.close.title": "Avsluta planen",
    "coaching.close.submit": "Avsluta plan",
    "coaching.close.intro": (p) => `<@${p.rep}>s plan: _${p.goal}_`,
    "coaching.close.outcome": "Utfall",
    "coaching.close.note": "Avslutande anteckning",
    "coaching.close.noteHint": "Hur det slutade; säljaren läser det här.",
    "coaching.close.noteMissing": "Skriv hur det slutade: säljaren läser det.",
    "coaching.close.outcomeMissing": "Välj utfallet.",
    "coaching.close.done": (p) => `Avslutad. <@${p.rep}> får veta det som DM.`,
    "coaching.gone": "Den coachningsplanen finns inte längre.",

    "coaching.help":
      "*Coachningsplaner*\n• `/coach @säljare`: starta en plan för en säljare i ditt team (mål, överenskomna åtgärder, uppföljningsdagar)\n• `/coach visa @säljare`: en säljares plan, med åtgärder och uppföljningar\n• `/coach mina`: din egen plan\n• `/coach lista`: aktiva planer i dina team\nPå varje uppföljningsdag får handledarna ett DM för att registrera framsteg; säljaren får veta. Planer visas aldrig i en kanal.",
    "coaching.usage": (p) =>
      `Jag känner inte till \`${p.word}\` här. Prova \`/coach @säljare\`, \`/coach visa @säljare\`, \`/coach mina\`, \`/coach lista\` eller \`/coach hjälp\`.`,
    "coaching.show.needRep": "Säg vems plan: `/coach visa @säljare`.",
    "coaching.show.none": (p) => `<@${p.rep}> har ingen coachningsplan.`,
    "coaching.show.noneActive": (p) => `<@${p.rep}> har ingen aktiv coachningsplan.`,
    "coaching.show.mineNone": "Du har ingen coachningsplan.",
    "coaching.show.earlier": "*Tidigare planer:*",
    "coaching.show.closedItem": (p) => `• ${p.goal} (avslutad ${p.date}: ${p.outcome})`,
    "coaching.list.header": "*Aktiva coachningsplaner:*",
    "coaching.list.none": "Inga aktiva coachningsplaner i dina team.",
    "coaching.list.item": (p) => `• <@${p.rep}>: ${p.goal} (nästa uppföljning: ${p.next})`,
    "coaching.list.noNext": "inga kvar",
    "coaching.list.more": (p) => `…och ${p.count} till.`,

    "coaching.esc.active": (p) => `*Coachningsplan:* aktiv, mål _${p.goal}_; nästa uppföljning ${p.next}.`,
    "coaching.esc.linked": (p) => `*Coachningsplan från den här eskaleringen:* _${p.goal}_. ${p.state}`,
    "coaching.esc.noReview": "Ingen uppföljning registrerad än.",
    "coaching.esc.latest": (p) => `Senaste uppföljningen (${p.date}): ${p.progress}.`,
    "coaching.esc.closed": (p) => `Avslutad: ${p.outcome}.`,
  },
);

/** Escalations' words too: a plan started from an escalation may be refused in them. */
export const coachingMessages = mergeMessages(
  mergeMessages(mergeMessages(commonMessages, accessMessages), ownEscalationMessages),
  ownCoachingMessages,
);
export type CoachingMessages = (typeof coachingMessages)["en"];
