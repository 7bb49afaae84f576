import { type Catalogs, defineMessages, formatMoney, mergeMessages } from "../../platform/i18n/index.js";
import { teamMessages } from "../team/index.js";
import { formatAmountExamples } from "./amount.js";

const enList = new Intl.ListFormat("en", { type: "conjunction" });
const svList = new Intl.ListFormat("sv", { type: "conjunction" });
const enMoney = (minor: number, currency: string) => formatMoney("en-US", minor, currency);
const svMoney = (minor: number, currency: string) => formatMoney("sv-SE", minor, currency);
const code = (items: readonly string[]) => items.map((item) => `\`${item}\``);
const tags = (items: readonly string[]) => items.map((item) => `\`#${item}\``);

type AmountParams = { text: string; currency: string; language: "en" | "sv" };
const examplesEn = (p: AmountParams) =>
  enList.format(code(formatAmountExamples(p.language, p.currency)).map((e) => e.replace("`", "`/quota ")));
const examplesSv = (p: AmountParams) =>
  svList.format(code(formatAmountExamples(p.language, p.currency)).map((e) => e.replace("`", "`/quota ")));

const HELP_EN = [
  "*Check in a sale:* `/quota 12500 Acme renewal #product` (a note and a product tag are optional)",
  "• `/quota`: your progress this period  • `/quota team`: the leaderboard (`/quota team #product` for one product)",
  "• `/quota undo`: take back your last check-in  • `/quota entries`: this period's check-ins",
  "*Supervisors*",
  "• `/quota target @rep 150000` (or `target team 600000`): set a target; `/quota targets`: all targets in a form",
  "• `/quota entries @rep`: check-ins you can correct or remove",
  "• `/quota set private on|off`: announce check-ins in the team channel or not; `/quota set leaderboard channel|private`; `/quota set max 500000`: the largest single sale",
  "Products for `#tags` are kept with `/product`.",
].join("\n");

const HELP_SV = [
  "*Checka in en affär:* `/quota 12500 Acme förnyelse #produkt` (anteckning och produkttagg är frivilliga)",
  "• `/quota`: hur det går för dig den här perioden  • `/quota team`: topplistan (`/quota team #produkt` för en produkt)",
  "• `/quota undo`: ta tillbaka din senaste incheckning  • `/quota entries`: periodens incheckningar",
  "*Handledare*",
  "• `/quota target @säljare 150000` (eller `target team 600000`): sätt ett mål; `/quota targets`: alla mål i ett formulär",
  "• `/quota entries @säljare`: incheckningar du kan rätta eller ta bort",
  "• `/quota set private on|off`: visa incheckningar i teamkanalen eller inte; `/quota set leaderboard channel|private`; `/quota set max 500000`: största enskilda affär",
  "Produkter för `#taggar` sköts med `/product`.",
].join("\n");

const ownQuotaMessages = defineMessages(
  {
    "quota.help": HELP_EN,
    "quota.help.fallback": "Supervisor /quota commands",

    "quota.noTeam":
      "You're not in a sales team yet, so there is nowhere to record sales. Ask your supervisor to add you: `/team add @you` in the team's channel.",
    "quota.checkin.supervisor": (p: { team: string }) =>
      `Check-ins are for reps, and you lead ${p.team}. See the team with \`/quota team\`; set targets with \`/quota target @rep 150000\`.`,
    "quota.team.none":
      "This channel has no team, and you aren't in one. Run the command in your team's channel.",
    "quota.team.several": "You lead several teams: run the command in the channel of the team you mean.",

    "quota.amount.empty": (p: AmountParams) => `Say how much you sold, for example ${examplesEn(p)}.`,
    "quota.amount.unreadable": (p: AmountParams) =>
      `I couldn't read "${p.text}" as an amount. Write it like ${examplesEn(p)}, then a note and an optional #product.`,
    "quota.amount.zero": (p: AmountParams) =>
      `A sale needs an amount above zero, for example ${examplesEn(p)}.`,
    "quota.amount.negative": () =>
      "Amounts can't be negative. To take back your last check-in, use `/quota undo`.",
    "quota.amount.wrongCurrency": (p: AmountParams) =>
      `Your team counts in ${p.currency}. Write the amount in ${p.currency}, for example ${examplesEn(p)}.`,
    "quota.amount.tooPrecise": (p: AmountParams) =>
      `"${p.text}" is finer than ${p.currency} goes. Round it, for example ${examplesEn(p)}.`,
    "quota.amount.tooLarge": (p: { amountMinor: number; maxMinor: number; currency: string }) =>
      `${enMoney(p.amountMinor, p.currency)} is more than one sale can be here (at most ${enMoney(p.maxMinor, p.currency)}). A typo? Try again. A real deal? Your supervisor can raise the limit with \`/quota set max\`.`,
    "quota.product.unknown": (p: { tag: string; known: string[] }) =>
      `Your team has no product \`#${p.tag}\`. Its products: ${enList.format(tags(p.known))}. Check in again with one of them, or without a tag.`,
    "quota.product.none": (p: { tag: string; known: string[] }) =>
      `Your team has no products yet, so \`#${p.tag}\` means nothing here. Check in without the tag; supervisors add products with \`/product add\`.`,
    "quota.product.several": (p: { tags: string[] }) =>
      `One product per check-in, please (you wrote ${enList.format(tags(p.tags))}). Check in each sale on its own.`,

    "quota.recorded": (p: { amount: string; what: string }) =>
      p.what
        ? `:white_check_mark: Recorded *${p.amount}*: ${p.what}`
        : `:white_check_mark: Recorded *${p.amount}*.`,
    "quota.recorded.fallback": (p: { amount: string }) => `Recorded ${p.amount}.`,
    "quota.recorded.replayed": "This request reached me twice; the sale is recorded once.",
    "quota.recorded.elsewhere": (p: { team: string; channel: string }) =>
      `It counts for ${p.team}; the team sees it in <#${p.channel}>.`,
    "quota.recorded.elsewherePrivate": (p: { team: string }) => `It counts for ${p.team}.`,
    "quota.recorded.private": (p: { team: string }) =>
      `${p.team} keeps check-ins private: only you and your supervisor see them.`,
    "quota.recorded.similar":
      "You checked in the same amount a moment ago. Two sales? All good. A double entry? Take this one back.",
    "quota.button.undo": "Take it back",

    "quota.progress.title": (p: { period: string }) => `Your progress · ${p.period}`,
    "quota.progress.line": (p: { total: string; target: string; attainment: string }) =>
      `*${p.total}* of ${p.target} (${p.attainment})`,
    "quota.progress.lineNoTarget": (p: { total: string }) => `*${p.total}* so far, and no target yet`,
    "quota.progress.carried": (p: { since: string }) => `target since ${p.since}`,
    "quota.progress.projection": (p: { amount: string; end: string }) =>
      `On this pace: ${p.amount} by ${p.end}`,
    "quota.progress.needed": (p: { amount: string; days: string }) =>
      `Needs ${p.amount} per working day (${p.days} left)`,
    "quota.progress.made": "Target made :tada:",
    "quota.progress.noDaysLeft": "No working days left in the period",
    "quota.progress.count": (p: { count: number; last: string }) =>
      `${p.count} ${p.count === 1 ? "check-in" : "check-ins"}, the last on ${p.last}`,
    "quota.progress.none": "No check-ins yet this period. Record a sale with `/quota 12500 note`.",
    "quota.progress.noTargetHint": "No target yet: your supervisor sets one with `/quota target`.",
    "quota.mine.supervisor": (p: { team: string }) =>
      `You lead ${p.team}: \`/quota team\` shows how everyone is doing, \`/quota targets\` sets targets.`,

    "quota.pace.ahead": ":rocket: ahead",
    "quota.pace.onTrack": ":white_check_mark: on track",
    "quota.pace.behind": ":warning: behind",

    "quota.post": (p: { rep: string; amount: string; what: string }) =>
      p.what
        ? `:moneybag: <@${p.rep}> checked in *${p.amount}*: ${p.what}`
        : `:moneybag: <@${p.rep}> checked in *${p.amount}*`,
    "quota.post.fallback": (p: { rep: string; amount: string }) => `<@${p.rep}> checked in ${p.amount}`,
    "quota.post.progress": (p: { period: string; total: string; attainment: string; pace: string }) =>
      `${p.period}: ${p.total} · ${p.attainment} of target · ${p.pace}`,
    "quota.post.progressNoTarget": (p: { period: string; total: string }) => `${p.period}: ${p.total}`,
    "quota.post.takenBack": (p: { rep: string; amount: string }) =>
      `~<@${p.rep}> checked in ${p.amount}~ _(taken back)_`,

    "quota.undone": (p: { amount: string; date: string }) =>
      `Took back your check-in of *${p.amount}* from ${p.date}.`,
    "quota.undo.nothing": (p: { period: string }) =>
      `You have no check-in to take back this ${p.period === "week" ? "week" : p.period === "quarter" ? "quarter" : "month"}.`,
    "quota.undo.gone": "That check-in was already taken back.",
    "quota.undo.notYours":
      "Only the rep who checked in a sale can take it back; supervisors remove it with `/quota entries`.",

    "quota.board.title": (p: { team: string; period: string }) => `${p.team} · ${p.period}`,
    "quota.board.titleProduct": (p: { team: string; period: string; product: string }) =>
      `${p.team} · ${p.period} · ${p.product}`,
    "quota.board.team": (p: { line: string; days: string }) =>
      `*Team:* ${p.line} · ${p.days} working days left`,
    "quota.board.row": (p: {
      rank: number;
      rep: string;
      total: string;
      attainment: string;
      pace: string;
      last: string;
    }) => `${p.rank}. <@${p.rep}>  *${p.total}* · ${p.attainment} · ${p.pace} · last ${p.last}`,
    "quota.board.rowNoTarget": (p: { rank: number; rep: string; total: string; last: string }) =>
      `${p.rank}. <@${p.rep}>  *${p.total}* · no target · last ${p.last}`,
    "quota.board.rowProduct": (p: { rank: number; rep: string; total: string; count: number }) =>
      `${p.rank}. <@${p.rep}>  *${p.total}* · ${p.count} ${p.count === 1 ? "sale" : "sales"}`,
    "quota.board.rowNone": (p: { reps: string[] }) =>
      `No check-ins yet: ${enList.format(p.reps.map((r) => `<@${r}>`))}`,
    "quota.board.noReps": "The team has no reps yet.",
    "quota.board.more": (p: { count: number }) => `…and ${p.count} more`,

    "quota.target.notRep": (p: { user: string; team: string }) => `<@${p.user}> isn't a rep in ${p.team}.`,
    "quota.target.set": (p: { user: string; period: string; amount: string; before: string }) =>
      p.before
        ? `<@${p.user}>'s target from ${p.period} on is now *${p.amount}* (was ${p.before}).`
        : `<@${p.user}>'s target from ${p.period} on is now *${p.amount}*.`,
    "quota.target.teamSet": (p: { team: string; period: string; amount: string }) =>
      `${p.team}'s own target from ${p.period} on is now *${p.amount}*.`,
    "quota.target.unchanged": (p: { amount: string }) => `That target is already ${p.amount}.`,
    "quota.target.notice": (p: { by: string; period: string; amount: string }) =>
      `<@${p.by}> set your target from ${p.period} on: *${p.amount}*. \`/quota\` shows how you're doing.`,
    "quota.target.clearedNotice": (p: { by: string; period: string; amount: string }) =>
      `<@${p.by}> cleared your target from ${p.period} on.`,
    "quota.targets.title": "Targets",
    "quota.targets.save": "Save",
    "quota.targets.cancel": "Cancel",
    "quota.targets.intro": (p: { team: string; period: string; currency: string }) =>
      `*${p.team}*, from ${p.period} on, in ${p.currency}. An empty field means no target.`,
    "quota.targets.team": "The team's own target",
    "quota.targets.teamHint": "Leave empty to use what the reps' targets add up to.",
    "quota.targets.saved": (p: { count: number; period: string }) =>
      p.count === 0
        ? "No target changed."
        : `${p.count} ${p.count === 1 ? "target" : "targets"} saved from ${p.period} on.`,
    "quota.targets.savedTitle": "Targets saved",
    "quota.targets.tooMany":
      "The team has more reps than one form can hold; set the others with `/quota target @rep <amount>`.",

    "quota.entries.title": (p: { period: string }) => `Check-ins · ${p.period}`,
    "quota.entries.line": (p: { date: string; rep: string; amount: string; what: string }) =>
      p.what
        ? `${p.date} · <@${p.rep}> · *${p.amount}* · ${p.what}`
        : `${p.date} · <@${p.rep}> · *${p.amount}*`,
    "quota.entries.none": "No check-ins this period.",
    "quota.entries.correct": "Correct…",
    "quota.entries.remove": "Remove",
    "quota.entries.removeConfirmTitle": "Remove this check-in?",
    "quota.entries.removeConfirmText": (p: { rep: string; amount: string }) =>
      `${p.rep}'s sale of ${p.amount} will no longer count. The rep is told.`,
    "quota.entries.removeConfirm": "Remove",
    "quota.entries.keep": "Keep it",
    "quota.entry.gone": "That check-in no longer counts (it was taken back or removed).",
    "quota.entry.removed": (p: { rep: string; amount: string; date: string }) =>
      `Removed <@${p.rep}>'s check-in of ${p.amount} from ${p.date}.`,
    "quota.entry.corrected": (p: { rep: string; date: string; before: string; after: string }) =>
      `Corrected <@${p.rep}>'s check-in from ${p.date}: ${p.before} → *${p.after}*.`,
    "quota.entry.removedNotice": (p: { by: string; date: string; before: string; after: string }) =>
      `<@${p.by}> removed your check-in of ${p.before} from ${p.date}.`,
    "quota.entry.correctedNotice": (p: { by: string; date: string; before: string; after: string }) =>
      `<@${p.by}> corrected your check-in from ${p.date}: ${p.before} → *${p.after}*.`,
    "quota.entry.modalTitle": "Correct check-in",
    "quota.entry.modalIntro": (p: { rep: string; date: string }) => `<@${p.rep}>'s sale on ${p.date}.`,
    "quota.entry.amount": "Amount",
    "quota.entry.note": "Note",
    "quota.entry.save": "Save",
    "quota.entry.cancel": "Cancel",
    "quota.entry.savedTitle": "Check-in corrected",

    "quota.set.privateUsage":
      "Use `/quota set private on` (only the rep and supervisors see check-ins) or `off`.",
    "quota.set.leaderboardUsage":
      "Use `/quota set leaderboard channel` (posted in the team channel) or `private` (only the asker sees it).",
    "quota.set.unknown": (p: { key: string }) =>
      `I don't know the setting "${p.key}". Quota settings: private, leaderboard, max.`,
    "quota.set.private.on": (p: { team: string }) => `${p.team}: check-ins are now private.`,
    "quota.set.private.off": (p: { team: string }) =>
      `${p.team}: check-ins are announced in the team channel again.`,
    "quota.set.leaderboard.on": (p: { team: string }) =>
      `${p.team}: \`/quota team\` posts the leaderboard in the team channel.`,
    "quota.set.leaderboard.off": (p: { team: string }) =>
      `${p.team}: \`/quota team\` shows the leaderboard only to the asker.`,
    "quota.set.max": (p: { team: string; amount: string }) =>
      `${p.team}: a single check-in can now be at most ${p.amount}.`,

    "quota.parse.extra": (p: { word: string }) => `\`/quota ${p.word}\` takes nothing after it.`,
    "quota.parse.targetUsage":
      "Use `/quota target @rep 150000`, `/quota target team 600000`, or `/quota targets` for the form.",
    "quota.parse.entriesUsage": "Use `/quota entries` or `/quota entries @rep`.",
    "quota.parse.setUsage":
      "Use `/quota set private on|off`, `/quota set leaderboard channel|private` or `/quota set max 500000`.",

    "quota.period.week": (p: { week: number; year: number }) => `week ${p.week}, ${p.year}`,
    "quota.period.quarter": (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,
  },
  {
    "quota.help": HELP_SV,
    "quota.help.fallback": "Supervisors /quota-kommandon",

    "quota.noTeam":
      "Du är inte med i något säljteam än, så det finns ingenstans att registrera affärer. Be din handledare lägga till dig: `/team add @du` i teamets kanal.",
    "quota.checkin.supervisor": (p) =>
      `Incheckningar är för säljare, och du leder ${p.team}. Se teamet med \`/quota team\`; sätt mål med \`/quota target @säljare 150000\`.`,
    "quota.team.none":
      "Den här kanalen har inget team, och du är inte med i något. Kör kommandot i ditt teams kanal.",
    "quota.team.several": "Du leder flera team: kör kommandot i kanalen för det team du menar.",

    "quota.amount.empty": (p) => `Skriv hur mycket du sålde, till exempel ${examplesSv(p)}.`,
    "quota.amount.unreadable": (p) =>
      `Jag kunde inte läsa "${p.text}" som ett belopp. Skriv det som ${examplesSv(p)}, sedan en anteckning och en valfri #produkt.`,
    "quota.amount.zero": (p) => `En affär behöver ett belopp över noll, till exempel ${examplesSv(p)}.`,
    "quota.amount.negative": () =>
      "Belopp kan inte vara negativa. Ta tillbaka din senaste incheckning med `/quota undo`.",
    "quota.amount.wrongCurrency": (p) =>
      `Ditt team räknar i ${p.currency}. Skriv beloppet i ${p.currency}, till exempel ${examplesSv(p)}.`,
    "quota.amount.tooPrecise": (p) =>
      `"${p.text}" är finare än ${p.currency} räknar. Avrunda, till exempel ${examplesSv(p)}.`,
    "quota.amount.tooLarge": (p) =>
      `${svMoney(p.amountMinor, p.currency)} är mer än en affär kan vara här (högst ${svMoney(p.maxMinor, p.currency)}). Ett skrivfel? Försök igen. En riktig affär? Din handledare kan höja gränsen med \`/quota set max\`.`,
    "quota.product.unknown": (p) =>
      `Ditt team har ingen produkt \`#${p.tag}\`. Teamets produkter: ${svList.format(tags(p.known))}. Checka in igen med en av dem, eller utan tagg.`,
    "quota.product.none": (p) =>
      `Ditt team har inga produkter än, så \`#${p.tag}\` betyder inget här. Checka in utan taggen; handledare lägger till produkter med \`/product add\`.`,
    "quota.product.several": (p) =>
      `En produkt per incheckning, tack (du skrev ${svList.format(tags(p.tags))}). Checka in varje affär för sig.`,

    "quota.recorded": (p) =>
      p.what
        ? `:white_check_mark: Registrerade *${p.amount}*: ${p.what}`
        : `:white_check_mark: Registrerade *${p.amount}*.`,
    "quota.recorded.fallback": (p) => `Registrerade ${p.amount}.`,
    "quota.recorded.replayed": "Den här förfrågan kom fram två gånger; affären är registrerad en gång.",
    "quota.recorded.elsewhere": (p) => `Den räknas för ${p.team}; teamet ser den i <#${p.channel}>.`,
    "quota.recorded.elsewherePrivate": (p) => `Den räknas för ${p.team}.`,
    "quota.recorded.private": (p) =>
      `${p.team} håller incheckningar privata: bara du och din handledare ser dem.`,
    "quota.recorded.similar":
      "Du checkade in samma belopp alldeles nyss. Två affärer? Då är allt i sin ordning. Dubbelregistrerat? Ta tillbaka den här.",
    "quota.button.undo": "Ta tillbaka",

    "quota.progress.title": (p) => `Så går det för dig · ${p.period}`,
    "quota.progress.line": (p) => `*${p.total}* av ${p.target} (${p.attainment})`,
    "quota.progress.lineNoTarget": (p) => `*${p.total}* hittills, och inget mål än`,
    "quota.progress.carried": (p) => `mål sedan ${p.since}`,
    "quota.progress.projection": (p) => `I den här takten: ${p.amount} till ${p.end}`,
    "quota.progress.needed": (p) => `Behöver ${p.amount} per arbetsdag (${p.days} kvar)`,
    "quota.progress.made": "Målet är nått :tada:",
    "quota.progress.noDaysLeft": "Inga arbetsdagar kvar i perioden",
    "quota.progress.count": (p) =>
      `${p.count} ${p.count === 1 ? "incheckning" : "incheckningar"}, den senaste ${p.last}`,
    "quota.progress.none":
      "Inga incheckningar än den här perioden. Registrera en affär med `/quota 12500 anteckning`.",
    "quota.progress.noTargetHint": "Inget mål än: din handledare sätter ett med `/quota target`.",
    "quota.mine.supervisor": (p) =>
      `Du leder ${p.team}: \`/quota team\` visar hur det går för alla, \`/quota targets\` sätter mål.`,

    "quota.pace.ahead": ":rocket: före",
    "quota.pace.onTrack": ":white_check_mark: i fas",
    "quota.pace.behind": ":warning: efter",

    "quota.post": (p) =>
      p.what
        ? `:moneybag: <@${p.rep}> checkade in *${p.amount}*: ${p.what}`
        : `:moneybag: <@${p.rep}> checkade in *${p.amount}*`,
    "quota.post.fallback": (p) => `<@${p.rep}> checkade in ${p.amount}`,
    "quota.post.progress": (p) => `${p.period}: ${p.total} · ${p.attainment} av målet · ${p.pace}`,
    "quota.post.progressNoTarget": (p) => `${p.period}: ${p.total}`,
    "quota.post.takenBack": (p) => `~<@${p.rep}> checkade in ${p.amount}~ _(tillbakatagen)_`,

    "quota.undone": (p) => `Tog tillbaka din incheckning på *${p.amount}* från ${p.date}.`,
    "quota.undo.nothing": (p) =>
      `Du har ingen incheckning att ta tillbaka ${p.period === "week" ? "den här veckan" : p.period === "quarter" ? "det här kvartalet" : "den här månaden"}.`,
    "quota.undo.gone": "Den incheckningen är redan tillbakatagen.",
    "quota.undo.notYours":
      "Bara säljaren som checkade in en affär kan ta tillbaka den; handledare tar bort den med `/quota entries`.",

    "quota.board.title": (p) => `${p.team} · ${p.period}`,
    "quota.board.titleProduct": (p) => `${p.team} · ${p.period} · ${p.product}`,
    "quota.board.team": (p) => `*Teamet:* ${p.line} · ${p.days} arbetsdagar kvar`,
    "quota.board.row": (p) =>
      `${p.rank}. <@${p.rep}>  *${p.total}* · ${p.attainment} · ${p.pace} · senast ${p.last}`,
    "quota.board.rowNoTarget": (p) => `${p.rank}. <@${p.rep}>  *${p.total}* · inget mål · senast ${p.last}`,
    "quota.board.rowProduct": (p) =>
      `${p.rank}. <@${p.rep}>  *${p.total}* · ${p.count} ${p.count === 1 ? "affär" : "affärer"}`,
    "quota.board.rowNone": (p) => `Inga incheckningar än: ${svList.format(p.reps.map((r) => `<@${r}>`))}`,
    "quota.board.noReps": "Teamet har inga säljare än.",
    "quota.board.more": (p) => `…och ${p.count} till`,

    "quota.target.notRep": (p) => `<@${p.user}> är inte säljare i ${p.team}.`,
    "quota.target.set": (p) =>
      p.before
        ? `<@${p.user}>s mål från och med ${p.period} är nu *${p.amount}* (var ${p.before}).`
        : `<@${p.user}>s mål från och med ${p.period} är nu *${p.amount}*.`,
    "quota.target.teamSet": (p) => `${p.team}s eget mål från och med ${p.period} är nu *${p.amount}*.`,
    "quota.target.unchanged": (p) => `Det målet är redan ${p.amount}.`,
    "quota.target.notice": (p) =>
      `<@${p.by}> satte ditt mål från och med ${p.period}: *${p.amount}*. \`/quota\` visar hur det går för dig.`,
    "quota.target.clearedNotice": (p) => `<@${p.by}> tog bort ditt mål från och med ${p.period}.`,
    "quota.targets.title": "Mål",
    "quota.targets.save": "Spara",
    "quota.targets.cancel": "Avbryt",
    "quota.targets.intro": (p) =>
      `*${p.team}*, från och med ${p.period}, i ${p.currency}. Ett tomt fält betyder inget mål.`,
    "quota.targets.team": "Teamets eget mål",
    "quota.targets.teamHint": "Lämna tomt för att använda summan av säljarnas mål.",
    "quota.targets.saved": (p) =>
      p.count === 0
        ? "Inget mål ändrades."
        : `${p.count} ${p.count === 1 ? "mål" : "mål"} sparade från och med ${p.period}.`,
    "quota.targets.savedTitle": "Målen är sparade",
    "quota.targets.tooMany":
      "Teamet har fler säljare än ett formulär rymmer; sätt de övrigas mål med `/quota target @säljare <belopp>`.",

    "quota.entries.title": (p) => `Incheckningar · ${p.period}`,
    "quota.entries.line": (p) =>
      p.what
        ? `${p.date} · <@${p.rep}> · *${p.amount}* · ${p.what}`
        : `${p.date} · <@${p.rep}> · *${p.amount}*`,
    "quota.entries.none": "Inga incheckningar den här perioden.",
    "quota.entries.correct": "Rätta…",
    "quota.entries.remove": "Ta bort",
    "quota.entries.removeConfirmTitle": "Ta bort incheckningen?",
    "quota.entries.removeConfirmText": (p) =>
      `${p.rep}s affär på ${p.amount} räknas inte längre. Säljaren får veta det.`,
    "quota.entries.removeConfirm": "Ta bort",
    "quota.entries.keep": "Behåll",
    "quota.entry.gone": "Den incheckningen räknas inte längre (den togs tillbaka eller bort).",
    "quota.entry.removed": (p) => `Tog bort <@${p.rep}>s incheckning på ${p.amount} från ${p.date}.`,
    "quota.entry.corrected": (p) =>
      `Rättade <@${p.rep}>s incheckning från ${p.date}: ${p.before} → *${p.after}*.`,
    "quota.entry.removedNotice": (p) => `<@${p.by}> tog bort din incheckning på ${p.before} från ${p.date}.`,
    "quota.entry.correctedNotice": (p) =>
      `<@${p.by}> rättade din incheckning från ${p.date}: ${p.before} → *${p.after}*.`,
    "quota.entry.modalTitle": "Rätta incheckning",
    "quota.entry.modalIntro": (p) => `<@${p.rep}>s affär ${p.date}.`,
    "quota.entry.amount": "Belopp",
    "quota.entry.note": "Anteckning",
    "quota.entry.save": "Spara",
    "quota.entry.cancel": "Avbryt",
    "quota.entry.savedTitle": "Incheckningen är rättad",

    "quota.set.privateUsage":
      "Använd `/quota set private on` (bara säljaren och handledare ser incheckningar) eller `off`.",
    "quota.set.leaderboardUsage":
      "Använd `/quota set leaderboard channel` (postas i teamkanalen) eller `private` (bara den som frågar ser den).",
    "quota.set.unknown": (p) =>
      `Jag känner inte till inställningen "${p.key}". Kvotinställningar: private, leaderboard, max.`,
    "quota.set.private.on": (p) => `${p.team}: incheckningar är nu privata.`,
    "quota.set.private.off": (p) => `${p.team}: incheckningar visas i teamkanalen igen.`,
    "quota.set.leaderboard.on": (p) => `${p.team}: \`/quota team\` postar topplistan i teamkanalen.`,
    "quota.set.leaderboard.off": (p) =>
      `${p.team}: \`/quota team\` visar topplistan bara för den som frågar.`,
    "quota.set.max": (p) => `${p.team}: en enskild incheckning kan nu vara högst ${p.amount}.`,

    "quota.parse.extra": (p) => `\`/quota ${p.word}\` tar inget efter sig.`,
    "quota.parse.targetUsage":
      "Använd `/quota target @säljare 150000`, `/quota target team 600000`, eller `/quota targets` för formuläret.",
    "quota.parse.entriesUsage": "Använd `/quota entries` eller `/quota entries @säljare`.",
    "quota.parse.setUsage":
      "Använd `/quota set private on|off`, `/quota set leaderboard channel|private` eller `/quota set max 500000`.",

    "quota.period.week": (p) => `vecka ${p.week}, ${p.year}`,
    "quota.period.quarter": (p) => `kvartal ${p.quarter} ${p.year}`,
  },
);

/** The quota feature's messages with the team's (refusals it reuses) and the common ones. */
export const quotaMessages = mergeMessages(teamMessages, ownQuotaMessages);
export type QuotaMessages = (typeof quotaMessages)["en"];
export type QuotaCatalogs = Catalogs<QuotaMessages>;
