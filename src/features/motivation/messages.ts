import { defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { teamMessages } from "../team/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });

/** Motivation's own words: the built-in lines, the post's facts, `/motivation` and its refusals. */
export const ownMotivationMessages = defineMessages(
  {
    // The built-in library: each opens a post (the facts follow), rotated per team.
    "motivation.line.1": (p: { team: string }) => `Let's go, ${p.team}! :raised_hands:`,
    "motivation.line.2": (p: { team: string }) => `Good morning, ${p.team}: here is where we stand.`,
    "motivation.line.3": (p: { team: string }) => `${p.team}, every call counts. Here is the scoreboard.`,
    "motivation.line.4": (p: { team: string }) => `New day, new deals, ${p.team}! :briefcase:`,
    "motivation.line.5": (p: { team: string }) => `Keep the momentum going, ${p.team}!`,
    "motivation.line.6": (p: { team: string }) => `${p.team}, look at what you have built so far.`,
    "motivation.line.7": (p: { team: string }) => `Time for a quick look at the numbers, ${p.team}.`,
    "motivation.line.8": (p: { team: string }) => `One more push, ${p.team}: the numbers are moving.`,
    "motivation.line.9": (p: { team: string }) => `Proud of this team. Here is why, ${p.team}:`,
    "motivation.line.10": (p: { team: string }) => `Eyes on the goal, ${p.team}! :dart:`,

    "motivation.period.week": "this week",
    "motivation.period.month": "this month",
    "motivation.period.quarter": "this quarter",
    "motivation.progress.target": (p: {
      team: string;
      period: string;
      total: string;
      target: string;
      attainment: string;
      elapsed: string;
    }) =>
      `*${p.team}* has sold ${p.total} of ${p.target} ${p.period}: ${p.attainment} of the target, with ${p.elapsed} of the working days gone.`,
    "motivation.progress.sales": (p: { team: string; period: string; total: string; count: number }) =>
      `*${p.team}* has sold ${p.total} ${p.period}, in ${p.count} ${p.count === 1 ? "sale" : "sales"}.`,
    "motivation.pace.made": "Target made! :trophy:",
    "motivation.pace.ahead": "That is ahead of pace. :rocket:",
    "motivation.pace.onTrack": "Right on pace. :muscle:",
    "motivation.pace.behind": (p: { needed: string }) =>
      `Behind pace for now: ${p.needed} a working day from here makes it.`,
    "motivation.pace.behindNoDays": "Short of the target, with no working days left in the period.",
    "motivation.top": (p: { sellers: string }) => `:star2: Shout-out to the top of the period: ${p.sellers}.`,
    "motivation.top.seller": (p: { user: string; total: string; attainment: string }) =>
      `<@${p.user}> (${p.total}, ${p.attainment} of target)`,
    "motivation.top.sellerNoTarget": (p: { user: string; total: string }) => `<@${p.user}> (${p.total})`,
    "motivation.top.away": (p: { count: number }) =>
      p.count === 1 ? "One more of them is away today." : `${p.count} more of them are away today.`,
    "motivation.mover": (p: { user: string; last: string; before: string }) =>
      `:chart_with_upwards_trend: Biggest mover of the week: <@${p.user}>, ${p.last} in the last 7 days against ${p.before} in the 7 days before.`,
    "motivation.milestones": ":tada: *Milestones*",
    "motivation.milestone.firstSale": (p: { user: string }) =>
      `<@${p.user}> made their first sale of the period.`,
    "motivation.milestone.half": (p: { user: string; target: string }) =>
      `<@${p.user}> is halfway to their target of ${p.target}.`,
    "motivation.milestone.target": (p: { user: string; target: string }) =>
      `<@${p.user}> made their target of ${p.target}! :trophy:`,
    "motivation.milestone.bestDay": (p: { date: string; total: string; previous: string }) =>
      `Team record: ${p.total} on ${p.date}, the best day ever (the record was ${p.previous}).`,
    "motivation.milestone.bestWeek": (p: { total: string; previous: string }) =>
      `Team record: ${p.total} this week, the best week ever (the record was ${p.previous}).`,
    "motivation.milestone.bestMonth": (p: { total: string; previous: string }) =>
      `Team record: ${p.total} this month, the best month ever (the record was ${p.previous}).`,
    "motivation.milestone.bestQuarter": (p: { total: string; previous: string }) =>
      `Team record: ${p.total} this quarter, the best quarter ever (the record was ${p.previous}).`,
    "motivation.streaks": ":fire: *Streaks*",
    "motivation.streak": (p: { user: string; days: number }) =>
      `<@${p.user}>: ${p.days} working days in a row with a sale`,

    "motivation.help": [
      "*Motivation*",
      "On the team's schedule (Monday and Thursday 08:30 unless the team changes it), a post in the team channel made from the live numbers: progress against the target with pace, a shout-out to the period's top sellers and the week's biggest mover, milestones (a first sale of the period, halfway and the whole target, a team record) and streaks of working days with a sale. Nobody on approved leave that day is named; when there is nothing true to say, nothing is posted.",
      "• `/motivation list`: the team's own lines and the built-in ones (everyone in the team)",
      "• `/motivation add` followed by a line of your own, up to 300 characters; `{team}` in it becomes the team's name (supervisors and admins)",
      "• `/motivation remove N`: takes line N of the list out of the rotation (supervisors and admins)",
      "• `/motivation preview`: what a post would say now, shown only to you (supervisors and admins)",
      "Each post opens with a line not used since the library was last used up, the team's own lines first.",
    ].join("\n"),
    "motivation.unknown": (p: { word: string }) => `\`${p.word}\` is not something \`/motivation\` does.`,
    "motivation.list.header": (p: { team: string }) => `*Motivation lines of ${p.team}*`,
    "motivation.list.line": (p: { id: number; text: string; user: string; date: string }) =>
      `• *#${p.id}* ${p.text} _(added by <@${p.user}>, ${p.date})_`,
    "motivation.list.empty": (p: { team: string }) =>
      `${p.team} has no lines of its own yet. Supervisors add one with \`/motivation add\` followed by the line.`,
    "motivation.list.builtin": (p: { count: number }) =>
      `Besides the team's own, ${p.count} built-in lines rotate, in the team's language. \`/motivation remove N\` takes line N out of the rotation (supervisors and admins).`,
    "motivation.added": (p: { id: number; text: string }) =>
      `Added as line #${p.id}: ${p.text}\nIt opens one of the team's next posts: the team's own lines come before the built-in ones not yet used.`,
    "motivation.duplicate": (p: { id: number }) =>
      `That line is already in the library as #${p.id}; see them all with \`/motivation list\`.`,
    "motivation.removed": (p: { id: number; text: string }) =>
      `Line #${p.id} is out of the rotation: ${p.text}`,
    "motivation.alreadyRemoved": (p: { id: number }) => `Line #${p.id} was already removed.`,
    "motivation.gone": (p: { id: number; team: string }) =>
      `${p.team} has no line #${p.id}. See the numbers with \`/motivation list\`.`,
    "motivation.error.empty":
      "Write the line after `add`, such as `/motivation add Let's make it a great week, {team}!`",
    "motivation.error.tooLong": (p: { count: number; max: number }) =>
      `That line has ${p.count} characters; a line can have at most ${p.max}. Shorten it and add it again.`,
    "motivation.error.full": (p: { max: number }) =>
      `A team can have at most ${p.max} lines of its own; remove one with \`/motivation remove N\` first.`,
    "motivation.error.removeUsage":
      "Say which line to remove by its number in `/motivation list`, such as `/motivation remove 3`.",
    "motivation.refused.manage": (p: { team: string; supervisors: string[] }) =>
      `The motivation lines of ${p.team} are added and removed by its supervisors${p.supervisors.length ? ` (${en.format(p.supervisors.map((s) => `<@${s}>`))})` : ""} and admins. You can see them with \`/motivation list\`.`,
    "motivation.refused.preview": (p: { team: string; supervisors: string[] }) =>
      `The preview of ${p.team}'s motivation post is for its supervisors${p.supervisors.length ? ` (${en.format(p.supervisors.map((s) => `<@${s}>`))})` : ""} and admins; the team sees the post itself in its channel.`,
    "motivation.refused.list": (p: { team: string }) =>
      `The motivation lines of ${p.team} are seen by its members, executives and admins.`,
    "motivation.preview.head": (p: { team: string }) =>
      `*Preview* (only you see this): what a motivation post for ${p.team} would say now.`,
    "motivation.preview.nothing": (p: { team: string }) =>
      `Nothing would be posted for ${p.team} now: no sales this period yet, and no rise, record or streak from the last days to speak of.`,
    "motivation.failed": (p: { team: string; channel: string }) =>
      `The motivation post of ${p.team} could not be posted in <#${p.channel}>: the channel is gone or the app is not in it. Invite the app to the team's channel (or move the team with \`/team\`), and the next post will go out.`,
  },
  {
    "motivation.line.1": (p: { team: string }) => `Nu kör vi, ${p.team}! :raised_hands:`,
    "motivation.line.2": (p: { team: string }) => `God morgon, ${p.team}: så här ligger vi till.`,
    "motivation.line.3": (p: { team: string }) => `${p.team}, varje samtal räknas. Här är ställningen.`,
    "motivation.line.4": (p: { team: string }) => `Ny dag, nya affärer, ${p.team}! :briefcase:`,
    "motivation.line.5": (p: { team: string }) => `Håll farten uppe, ${p.team}!`,
    "motivation.line.6": (p: { team: string }) => `${p.team}, se vad ni har byggt upp hittills.`,
    "motivation.line.7": (p: { team: string }) => `Dags för en snabb titt på siffrorna, ${p.team}.`,
    "motivation.line.8": (p: { team: string }) => `En push till, ${p.team}: siffrorna rör sig.`,
    "motivation.line.9": (p: { team: string }) => `Stolt över det här teamet. Här är varför, ${p.team}:`,
    "motivation.line.10": (p: { team: string }) => `Blicken mot målet, ${p.team}! :dart:`,

    "motivation.period.week": "den här veckan",
    "motivation.period.month": "den här månaden",
    "motivation.period.quarter": "det här kvartalet",
    "motivation.progress.target": (p: {
      team: string;
      period: string;
      total: string;
      target: string;
      attainment: string;
      elapsed: string;
    }) =>
      `*${p.team}* har sålt för ${p.total} av ${p.target} ${p.period}: ${p.attainment} av målet, med ${p.elapsed} av arbetsdagarna passerade.`,
    "motivation.progress.sales": (p: { team: string; period: string; total: string; count: number }) =>
      `*${p.team}* har sålt för ${p.total} ${p.period}, på ${p.count} ${p.count === 1 ? "affär" : "affärer"}.`,
    "motivation.pace.made": "Målet är nått! :trophy:",
    "motivation.pace.ahead": "Det är före takten. :rocket:",
    "motivation.pace.onTrack": "Precis i takt. :muscle:",
    "motivation.pace.behind": (p: { needed: string }) =>
      `Efter takten just nu: ${p.needed} per arbetsdag härifrån räcker.`,
    "motivation.pace.behindNoDays": "Under målet, och periodens arbetsdagar är slut.",
    "motivation.top": (p: { sellers: string }) => `:star2: Hyllning till periodens topp: ${p.sellers}.`,
    "motivation.top.seller": (p: { user: string; total: string; attainment: string }) =>
      `<@${p.user}> (${p.total}, ${p.attainment} av målet)`,
    "motivation.top.sellerNoTarget": (p: { user: string; total: string }) => `<@${p.user}> (${p.total})`,
    "motivation.top.away": (p: { count: number }) =>
      p.count === 1 ? "En till av dem är ledig i dag." : `${p.count} till av dem är lediga i dag.`,
    "motivation.mover": (p: { user: string; last: string; before: string }) =>
      `:chart_with_upwards_trend: Veckans klättrare: <@${p.user}>, ${p.last} de senaste 7 dagarna mot ${p.before} de 7 dagarna innan.`,
    "motivation.milestones": ":tada: *Milstolpar*",
    "motivation.milestone.firstSale": (p: { user: string }) =>
      `<@${p.user}> har gjort sin första affär för perioden.`,
    "motivation.milestone.half": (p: { user: string; target: string }) =>
      `<@${p.user}> är halvvägs till sitt mål på ${p.target}.`,
    "motivation.milestone.target": (p: { user: string; target: string }) =>
      `<@${p.user}> har nått sitt mål på ${p.target}! :trophy:`,
    "motivation.milestone.bestDay": (p: { date: string; total: string; previous: string }) =>
      `Teamrekord: ${p.total} den ${p.date}, den bästa dagen någonsin (förra rekordet var ${p.previous}).`,
    "motivation.milestone.bestWeek": (p: { total: string; previous: string }) =>
      `Teamrekord: ${p.total} den här veckan, den bästa veckan någonsin (förra rekordet var ${p.previous}).`,
    "motivation.milestone.bestMonth": (p: { total: string; previous: string }) =>
      `Teamrekord: ${p.total} den här månaden, den bästa månaden någonsin (förra rekordet var ${p.previous}).`,
    "motivation.milestone.bestQuarter": (p: { total: string; previous: string }) =>
      `Teamrekord: ${p.total} det här kvartalet, det bästa kvartalet någonsin (förra rekordet var ${p.previous}).`,
    "motivation.streaks": ":fire: *Sviter*",
    "motivation.streak": (p: { user: string; days: number }) =>
      `<@${p.user}>: ${p.days} arbetsdagar i rad med en affär`,

    "motivation.help": [
      "*Motivation*",
      "Enligt teamets schema (måndag och torsdag 08:30 om teamet inte ändrar det) kommer ett inlägg i teamets kanal byggt på de aktuella siffrorna: läget mot målet med takten, en hyllning till periodens toppsäljare och veckans klättrare, milstolpar (periodens första affär, halva och hela målet, ett teamrekord) och sviter av arbetsdagar med affärer. Den som har beviljad ledighet den dagen nämns inte; finns inget sant att säga skickas inget.",
      "• `/motivation lista`: teamets egna rader och de inbyggda (alla i teamet)",
      "• `/motivation lägg till` följt av en egen rad, högst 300 tecken; `{team}` i den blir teamets namn (handledare och administratörer)",
      "• `/motivation ta bort N`: tar rad N i listan ur rotationen (handledare och administratörer)",
      "• `/motivation förhandsvisa`: vad ett inlägg skulle säga nu, bara för dig (handledare och administratörer)",
      "Varje inlägg börjar med en rad som inte har använts sedan biblioteket senast gick runt, teamets egna rader först.",
    ].join("\n"),
    "motivation.unknown": (p: { word: string }) => `\`${p.word}\` är inget som \`/motivation\` gör.`,
    "motivation.list.header": (p: { team: string }) => `*Motivationsrader för ${p.team}*`,
    "motivation.list.line": (p: { id: number; text: string; user: string; date: string }) =>
      `• *#${p.id}* ${p.text} _(tillagd av <@${p.user}>, ${p.date})_`,
    "motivation.list.empty": (p: { team: string }) =>
      `${p.team} har inga egna rader än. Handledare lägger till en med \`/motivation lägg till\` följt av raden.`,
    "motivation.list.builtin": (p: { count: number }) =>
      `Utöver teamets egna roterar ${p.count} inbyggda rader, på teamets språk. \`/motivation ta bort N\` tar rad N ur rotationen (handledare och administratörer).`,
    "motivation.added": (p: { id: number; text: string }) =>
      `Tillagd som rad #${p.id}: ${p.text}\nDen inleder ett av teamets nästa inlägg: teamets egna rader kommer före de inbyggda som inte har använts än.`,
    "motivation.duplicate": (p: { id: number }) =>
      `Den raden finns redan i biblioteket som #${p.id}; se alla med \`/motivation lista\`.`,
    "motivation.removed": (p: { id: number; text: string }) =>
      `Rad #${p.id} är borta ur rotationen: ${p.text}`,
    "motivation.alreadyRemoved": (p: { id: number }) => `Rad #${p.id} var redan borttagen.`,
    "motivation.gone": (p: { id: number; team: string }) =>
      `${p.team} har ingen rad #${p.id}. Se numren med \`/motivation lista\`.`,
    "motivation.error.empty":
      "Skriv raden efter `lägg till`, till exempel `/motivation lägg till Nu gör vi en grym vecka, {team}!`",
    "motivation.error.tooLong": (p: { count: number; max: number }) =>
      `Raden har ${p.count} tecken; en rad får ha högst ${p.max}. Korta den och lägg till den igen.`,
    "motivation.error.full": (p: { max: number }) =>
      `Ett team kan ha högst ${p.max} egna rader; ta bort en med \`/motivation ta bort N\` först.`,
    "motivation.error.removeUsage":
      "Säg vilken rad som ska bort med dess nummer i `/motivation lista`, till exempel `/motivation ta bort 3`.",
    "motivation.refused.manage": (p: { team: string; supervisors: string[] }) =>
      `Motivationsraderna för ${p.team} läggs till och tas bort av dess handledare${p.supervisors.length ? ` (${sv.format(p.supervisors.map((s) => `<@${s}>`))})` : ""} och administratörer. Du kan se dem med \`/motivation lista\`.`,
    "motivation.refused.preview": (p: { team: string; supervisors: string[] }) =>
      `Förhandsvisningen av motivationsinlägget för ${p.team} är för dess handledare${p.supervisors.length ? ` (${sv.format(p.supervisors.map((s) => `<@${s}>`))})` : ""} och administratörer; teamet ser själva inlägget i sin kanal.`,
    "motivation.refused.list": (p: { team: string }) =>
      `Motivationsraderna för ${p.team} visas för dess medlemmar, chefer och administratörer.`,
    "motivation.preview.head": (p: { team: string }) =>
      `*Förhandsvisning* (bara du ser den): vad ett motivationsinlägg för ${p.team} skulle säga nu.`,
    "motivation.preview.nothing": (p: { team: string }) =>
      `Inget skulle skickas för ${p.team} nu: inga affärer den här perioden än, och ingen ökning, inget rekord och ingen svit från de senaste dagarna att tala om.`,
    "motivation.failed": (p: { team: string; channel: string }) =>
      `Motivationsinlägget för ${p.team} kunde inte skickas i <#${p.channel}>: kanalen finns inte längre eller appen är inte med i den. Bjud in appen till teamets kanal (eller flytta teamet med \`/team\`), så kommer nästa inlägg.`,
  },
);

/** With the team directory's words: "run it in the team channel" is the team's to say. */
export const motivationMessages = mergeMessages(teamMessages, ownMotivationMessages);
export type MotivationMessages = (typeof motivationMessages)["en"];
