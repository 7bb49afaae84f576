import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";

/** The weekly standup's words: the post, the asks, the form, the summary and the supervisors' DMs. */
export const ownStandupMessages = defineMessages(
  {
    "standup.post.title": (p: { team: string; week: number }) => `Weekly standup: ${p.team}, week ${p.week}`,
    "standup.post.fallback": (p: { team: string; cutoff: string }) =>
      `Weekly standup of ${p.team}: wins, plan and blockers by ${p.cutoff}`,
    "standup.post.intro.thread": (p: { cutoff: string; zone: string }) =>
      `Good morning! Where we stand, and what this week holds. Reps: your wins, your plan for the week and anything blocking you, with the button by ${p.cutoff} (${p.zone}); the summary follows in the thread.`,
    "standup.post.intro.dm": (p: { cutoff: string; zone: string }) =>
      `Good morning! Where we stand, and what this week holds. Reps are asked by DM for their wins, plan and blockers, by ${p.cutoff} (${p.zone}); the summary follows in the thread.`,
    "standup.post.results": (p: { from: string; to: string }) =>
      `*Last week (${p.from} – ${p.to}), and what each working day needs now*`,
    "standup.post.noReps": "The team has no reps yet.",
    "standup.post.sold": (p: { amount: string }) => `${p.amount} last week`,
    "standup.post.soldOfTarget": (p: { amount: string; target: string; percent: string }) =>
      `${p.amount} of ${p.target} last week (${p.percent})`,
    "standup.post.soFar": (p: { period: string; amount: string; target: string; percent: string }) =>
      `${p.period} so far ${p.amount} of ${p.target} (${p.percent})`,
    "standup.post.noTarget": (p: { period: string }) => `no target for ${p.period}`,
    "standup.post.needs": (p: { amount: string }) => `needs ${p.amount} per working day`,
    "standup.post.made": (p: { period: string }) => `${p.period} target made`,
    "standup.post.onLeave": "on leave today",
    "standup.post.out": "*Out this week*",
    "standup.post.outNone": "*Out this week:* nobody.",
    "standup.post.meetings": "*Meetings this week*",
    "standup.post.meetingsNone": "*Meetings this week:* none.",
    "standup.post.meeting": (p: { day: string; time: string; title: string }) =>
      `• ${p.day} at ${p.time}: ${p.title}`,
    "standup.period.quarter": (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,
    "standup.period.week": (p: { week: number }) => `Week ${p.week}`,
    "standup.button.answer": "Answer standup",
    "standup.more": (p: { count: number }) => `…and ${p.count} more.`,

    "standup.ask.thread": (p: { users: string[]; cutoff: string }) =>
      `${p.users.map((u) => `<@${u}>`).join(" ")}: your standup, please. Your wins, your plan for the week and anything blocking you, with the button by ${p.cutoff}. You can change your answer until the summary.`,
    "standup.ask.dm": (p: { team: string; cutoff: string; zone: string }) =>
      `:wave: Standup of *${p.team}*: what were your wins, what is your plan for this week, and is anything blocking you? Answer with the button by ${p.cutoff} (${p.zone}); you can change your answer until the summary.`,

    "standup.modal.title": "Your standup",
    "standup.modal.submit": "Send",
    "standup.modal.intro": (p: { team: string; day: string; cutoff: string }) =>
      `Standup of *${p.team}*, ${p.day}. Answer by ${p.cutoff}; you can change your answer until the summary.`,
    "standup.modal.editing": "You have answered already: change what you like and send it again.",
    "standup.modal.late": (p: { cutoff: string }) =>
      `:hourglass: The cut-off (${p.cutoff}) has passed: your answer is still welcome, marked late.`,
    "standup.modal.afterSummary":
      ":hourglass: The summary is already out: your answer will be added to its thread, marked late.",
    "standup.modal.wins": "Wins since last week",
    "standup.modal.plan": "Plan for this week",
    "standup.modal.blockers": "Blockers",
    "standup.modal.blockersHint": "Optional. Your supervisor is told at once.",
    "standup.saved.title": "Standup sent",
    "standup.saved": (p: { cutoff: string }) =>
      `Thanks! Your answer is saved. You can change it with the same button until the summary at ${p.cutoff}.`,
    "standup.saved.late": (p: { cutoff: string }) =>
      `Thanks! Your answer is saved, marked late (the cut-off was ${p.cutoff}); it will be in the summary.`,
    "standup.saved.afterSummary":
      "Thanks! The summary was already posted, so your answer is added to its thread, marked late.",
    "standup.saved.unchanged": "Nothing changed: your answer is as it was.",
    "standup.saved.blocker": "Your supervisor is told about your blocker now.",

    "standup.error.winsMissing": "Write your wins since last week (a line is enough).",
    "standup.error.planMissing": "Write your plan for this week (a line is enough).",
    "standup.error.tooLong": (p: { max: number }) => `At most ${p.max} characters, please.`,
    "standup.refused.notRep": (p: { team: string }) =>
      `This standup is for the reps of ${p.team}, so there is nothing for you to answer here.`,
    "standup.refused.final": (p: { team: string }) =>
      `The summary of the ${p.team} standup went out with your answer in it, so it can no longer be changed. If something has changed, tell your supervisor.`,
    "standup.refused.finalLate": (p: { team: string }) =>
      `Your late answer is already in the thread of the ${p.team} standup, so it can no longer be changed. If something has changed, tell your supervisor.`,
    "standup.gone": "This standup is no longer there.",

    "standup.summary.head": (p: { team: string; day: string; answered: number; asked: number }) =>
      `:clipboard: *Standup summary of ${p.team}, ${p.day}*: ${p.answered} of ${p.asked} answered.`,
    "standup.summary.none": "Nobody answered before the summary.",
    "standup.summary.more": (p: { count: number }) => `…and ${p.count} more answers, left out for room.`,
    "standup.summary.out": (p: { names: string }) => `*On leave today, not asked:* ${p.names}`,
    "standup.answer.who": (p: { user: string }) => `*<@${p.user}>*`,
    "standup.answer.late": "_(late)_",
    "standup.answer.wins": (p: { text: string }) => `*Wins:* ${p.text}`,
    "standup.answer.plan": (p: { text: string }) => `*Plan:* ${p.text}`,
    "standup.answer.blockers": (p: { text: string }) => `*Blockers:* ${p.text}`,
    "standup.late": (p: { user: string }) => `Late answer from <@${p.user}>:`,

    "standup.missing": (p: { team: string; day: string; cutoff: string; users: string[] }) =>
      `:clipboard: Standup of *${p.team}*, ${p.day}: not answered by ${p.cutoff}: ${p.users.map((u) => `<@${u}>`).join(", ")}.`,
    "standup.missing.none": (p: { team: string; day: string }) =>
      `:clipboard: Standup of *${p.team}*, ${p.day}: everyone answered.`,
    "standup.blocker": (p: { user: string; team: string; day: string }) =>
      `:construction: <@${p.user}> has a blocker (standup of *${p.team}*, ${p.day}):`,
    "standup.link": "Open the standup thread",
    "standup.inChannel": (p: { channel: string }) => `The standup is in <#${p.channel}>.`,
  },
  {
    "standup.post.title": (p) => `Veckans avstämning: ${p.team}, vecka ${p.week}`,
    "standup.post.fallback": (p) =>
      `Veckans avstämning för ${p.team}: framgångar, plan och hinder senast ${p.cutoff}`,
    "standup.post.intro.thread": (p) =>
      `God morgon! Så här ligger vi till, och det här händer den här veckan. Säljare: era framgångar, er plan för veckan och allt som hindrar er, med knappen senast ${p.cutoff} (${p.zone}); sammanfattningen kommer i tråden.`,
    "standup.post.intro.dm": (p) =>
      `God morgon! Så här ligger vi till, och det här händer den här veckan. Säljarna får frågan som DM om framgångar, plan och hinder, senast ${p.cutoff} (${p.zone}); sammanfattningen kommer i tråden.`,
    "standup.post.results": (p) => `*Förra veckan (${p.from} – ${p.to}), och vad varje arbetsdag kräver nu*`,
    "standup.post.noReps": "Teamet har inga säljare än.",
    "standup.post.sold": (p) => `${p.amount} förra veckan`,
    "standup.post.soldOfTarget": (p) => `${p.amount} av ${p.target} förra veckan (${p.percent})`,
    "standup.post.soFar": (p) => `${p.period} hittills ${p.amount} av ${p.target} (${p.percent})`,
    "standup.post.noTarget": (p) => `inget mål för ${p.period}`,
    "standup.post.needs": (p) => `behöver ${p.amount} per arbetsdag`,
    "standup.post.made": (p) => `målet för ${p.period} nått`,
    "standup.post.onLeave": "ledig i dag",
    "standup.post.out": "*Lediga den här veckan*",
    "standup.post.outNone": "*Lediga den här veckan:* ingen.",
    "standup.post.meetings": "*Möten den här veckan*",
    "standup.post.meetingsNone": "*Möten den här veckan:* inga.",
    "standup.post.meeting": (p) => `• ${p.day} kl. ${p.time}: ${p.title}`,
    "standup.period.quarter": (p) => `kvartal ${p.quarter} ${p.year}`,
    "standup.period.week": (p) => `Vecka ${p.week}`,
    "standup.button.answer": "Svara på avstämningen",
    "standup.more": (p) => `…och ${p.count} till.`,

    "standup.ask.thread": (p) =>
      `${p.users.map((u) => `<@${u}>`).join(" ")}: dags för avstämning. Era framgångar, er plan för veckan och allt som hindrar er, med knappen senast ${p.cutoff}. Ni kan ändra svaret fram till sammanfattningen.`,
    "standup.ask.dm": (p) =>
      `:wave: Avstämning för *${p.team}*: vilka framgångar hade du, vad är din plan för veckan, och hindrar något dig? Svara med knappen senast ${p.cutoff} (${p.zone}); du kan ändra svaret fram till sammanfattningen.`,

    "standup.modal.title": "Din avstämning",
    "standup.modal.submit": "Skicka",
    "standup.modal.intro": (p) =>
      `Avstämning för *${p.team}*, ${p.day}. Svara senast ${p.cutoff}; du kan ändra svaret fram till sammanfattningen.`,
    "standup.modal.editing": "Du har redan svarat: ändra det du vill och skicka igen.",
    "standup.modal.late": (p) =>
      `:hourglass: Sista svarstiden (${p.cutoff}) har passerat: ditt svar är fortfarande välkommet, markerat som sent.`,
    "standup.modal.afterSummary":
      ":hourglass: Sammanfattningen är redan publicerad: ditt svar läggs till i tråden, markerat som sent.",
    "standup.modal.wins": "Framgångar sedan förra veckan",
    "standup.modal.plan": "Plan för den här veckan",
    "standup.modal.blockers": "Hinder",
    "standup.modal.blockersHint": "Frivilligt. Din handledare får veta det direkt.",
    "standup.saved.title": "Avstämning skickad",
    "standup.saved": (p) =>
      `Tack! Ditt svar är sparat. Du kan ändra det med samma knapp fram till sammanfattningen kl. ${p.cutoff}.`,
    "standup.saved.late": (p) =>
      `Tack! Ditt svar är sparat, markerat som sent (sista svarstiden var ${p.cutoff}); det kommer med i sammanfattningen.`,
    "standup.saved.afterSummary":
      "Tack! Sammanfattningen var redan publicerad, så ditt svar läggs till i dess tråd, markerat som sent.",
    "standup.saved.unchanged": "Inget ändrades: ditt svar är som det var.",
    "standup.saved.blocker": "Din handledare får veta om ditt hinder nu.",

    "standup.error.winsMissing": "Skriv dina framgångar sedan förra veckan (en rad räcker).",
    "standup.error.planMissing": "Skriv din plan för den här veckan (en rad räcker).",
    "standup.error.tooLong": (p) => `Högst ${p.max} tecken, tack.`,
    "standup.refused.notRep": (p) =>
      `Den här avstämningen är för säljarna i ${p.team}, så det finns inget för dig att svara på här.`,
    "standup.refused.final": (p) =>
      `Sammanfattningen av avstämningen för ${p.team} är publicerad med ditt svar, så det går inte längre att ändra. Om något har ändrats, säg det till din handledare.`,
    "standup.refused.finalLate": (p) =>
      `Ditt sena svar finns redan i tråden för avstämningen för ${p.team}, så det går inte längre att ändra. Om något har ändrats, säg det till din handledare.`,
    "standup.gone": "Den här avstämningen finns inte längre.",

    "standup.summary.head": (p) =>
      `:clipboard: *Sammanfattning av avstämningen för ${p.team}, ${p.day}*: ${p.answered} av ${p.asked} svarade.`,
    "standup.summary.none": "Ingen svarade före sammanfattningen.",
    "standup.summary.more": (p) => `…och ${p.count} svar till, utelämnade av platsskäl.`,
    "standup.summary.out": (p) => `*Lediga i dag, fick ingen fråga:* ${p.names}`,
    "standup.answer.who": (p) => `*<@${p.user}>*`,
    "standup.answer.late": "_(sent)_",
    "standup.answer.wins": (p) => `*Framgångar:* ${p.text}`,
    "standup.answer.plan": (p) => `*Veckans plan:* ${p.text}`,
    "standup.answer.blockers": (p) => `*Hinder:* ${p.text}`,
    "standup.late": (p) => `Sent svar från <@${p.user}>:`,

    "standup.missing": (p) =>
      `:clipboard: Avstämning för *${p.team}*, ${p.day}: inte svarat senast ${p.cutoff}: ${p.users.map((u) => `<@${u}>`).join(", ")}.`,
    "standup.missing.none": (p) => `:clipboard: Avstämning för *${p.team}*, ${p.day}: alla svarade.`,
    "standup.blocker": (p) =>
      `:construction: <@${p.user}> har ett hinder (avstämning för *${p.team}*, ${p.day}):`,
    "standup.link": "Öppna avstämningens tråd",
    "standup.inChannel": (p) => `Avstämningen finns i <#${p.channel}>.`,
  },
);

/** With the common words and access's refusals, which the listener wrappers render. */
export const standupMessages = mergeMessages(
  mergeMessages(commonMessages, accessMessages),
  ownStandupMessages,
);
export type StandupMessages = (typeof standupMessages)["en"];
