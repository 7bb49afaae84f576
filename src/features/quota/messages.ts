import { type Catalogs, defineMessages, formatMoney, mergeMessages } from "../../platform/i18n/index.js";
import { teamMessages } from "../team/index.js";
import { formatAmountExamples } from "./amount.js";

const enList = new Intl.ListFormat("en", { type: "conjunction" });
const svList = new Intl.ListFormat("sv", { type: "conjunction" });
const enOr = new Intl.ListFormat("en", { type: "disjunction" });
const svOr = new Intl.ListFormat("sv", { type: "disjunction" });
const enMoney = (minor: number, currency: string) => formatMoney("en-US", minor, currency);
const svMoney = (minor: number, currency: string) => formatMoney("sv-SE", minor, currency);
const tags = (items: readonly string[]) => items.map((item) => `\`#${item}\``);

/** An amount and what it was for: a check-in, a target, a limit (`/quota set max`), a corrected entry. */
type AmountParams = {
  text: string;
  currency: string;
  language: "en" | "sv";
  use: "checkin" | "target" | "limit" | "entry";
};
/** Examples of amounts written as the team writes money, as alternatives: "`12500`, `12,5k` or `12 500 kr`". */
const examples = (list: Intl.ListFormat, p: AmountParams) => {
  const prefix = p.use === "checkin" ? "/quota " : "";
  return list.format(formatAmountExamples(p.language, p.currency).map((e) => `\`${prefix}${e}\``));
};
const examplesEn = (p: AmountParams) => examples(enOr, p);
const examplesSv = (p: AmountParams) => examples(svOr, p);
const whatEn = { checkin: "a sale", target: "a target", limit: "the limit", entry: "the amount" } as const;
const whatSv = { checkin: "en affär", target: "ett mål", limit: "gränsen", entry: "beloppet" } as const;
/** Swedish genitive: "Saras", but "Jonas", "Max" and "Sales North" + s only where it is not there already. */
const svGenitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

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

    "quota.amount.empty": (p: AmountParams) =>
      p.use === "checkin"
        ? `Say how much you sold, for example ${examplesEn(p)}.`
        : `Write an amount, for example ${examplesEn(p)}.`,
    "quota.amount.unreadable": (p: AmountParams) =>
      p.use === "checkin"
        ? `I couldn't read "${p.text}" as an amount. Write it like ${examplesEn(p)}, then a note and an optional #product.`
        : `I couldn't read "${p.text}" as ${p.use === "target" ? "a target" : "an amount"}. Write it like ${examplesEn(p)}.`,
    "quota.amount.zero": (p: AmountParams) =>
      `${whatEn[p.use].replace(/^./, (c) => c.toUpperCase())} needs an amount above zero, for example ${examplesEn(p)}.`,
    "quota.amount.negative": (p: AmountParams): string =>
      p.use === "checkin"
        ? "Amounts can't be negative. To take back your last check-in, use `/quota undo`."
        : p.use === "target"
          ? "A target can't be negative."
          : p.use === "entry"
            ? "The amount can't be negative. To take the check-in out of the totals, use Remove instead."
            : "The limit can't be negative.",
    "quota.amount.wrongCurrency": (p: AmountParams) =>
      `Your team counts in ${p.currency}. Write ${whatEn[p.use]} in ${p.currency}, for example ${examplesEn(p)}.`,
    "quota.amount.tooPrecise": (p: AmountParams) =>
      `"${p.text}" is finer than ${p.currency} goes. Round it, for example ${examplesEn(p)}.`,
    "quota.amount.twoAmounts": (p: { first: number; second: number; currency: string }) =>
      `I see two amounts, ${enMoney(p.first, p.currency)} and ${enMoney(p.second, p.currency)}. Which did you sell for? Check in one sale at a time, amount first: \`/quota 5000 Acme\`.`,
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
    /** `sales`: each "<@rep> amount", in the order they were made. */
    "quota.post.batchFallback": (p: { sales: string[] }) =>
      `${p.sales.length} check-ins: ${p.sales.join(", ")}`,
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
    "quota.target.cleared": (p: { user: string; period: string; before: string }) =>
      `<@${p.user}> has no target from ${p.period} on (it was ${p.before}).`,
    "quota.target.teamCleared": (p: { team: string; period: string }) =>
      `${p.team} has no target of its own from ${p.period} on: its target is what its reps' targets add up to.`,
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
      "The team has more reps than one form can hold; set the others with `/quota target @rep [amount]`.",

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
      `I don't know the setting "${p.key}". Quota settings: private, leaderboard, max, confirm.`,
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
      "Use `/quota set private on|off`, `/quota set leaderboard channel|private`, `/quota set max 500000` or `/quota set confirm 200000`.",

    "quota.period.week": (p: { week: number; year: number }) => `week ${p.week}, ${p.year}`,
    "quota.period.quarter": (p: { quarter: number; year: number }) => `Q${p.quarter} ${p.year}`,

    "quota.notRep.admin":
      "Admins don't record sales, so there is no progress of yours to show. To sell in a team, have its supervisor add you (`/team add @you` in the team's channel); `/quota team` in a team's channel shows how that team is doing.",
    "quota.notRep.executive":
      "Executives don't record sales, so there is no progress of yours to show. `/quota team` in a team's channel shows how that team is doing.",
    "quota.refused": (p: {
      team: string;
      supervisors: string[];
      work: "targets" | "entries" | "settings";
    }) => {
      const what = {
        targets: "set targets",
        entries: "correct or remove check-ins",
        settings: "change quota settings",
      }[p.work];
      return p.supervisors.length > 0
        ? `Only the supervisors of ${p.team} (${enList.format(p.supervisors.map((id) => `<@${id}>`))}) and admins can ${what}.`
        : `Only the supervisors of ${p.team} and admins can ${what}.`;
    },
    "quota.confirm.question": (p: { amount: string; what: string }) =>
      p.what ? `Did you mean *${p.amount}* (${p.what})?` : `Did you mean *${p.amount}*?`,
    "quota.confirm.aboveTarget": (p: { target: string }) =>
      `That is more than your whole target this period (${p.target}), so I'm asking before it goes in the books and the team channel.`,
    "quota.confirm.aboveThreshold": (p: { threshold: string }) =>
      `Your team asks about any single sale above ${p.threshold} before it goes in the books and the team channel.`,
    "quota.confirm.yes": (p: { amount: string }) => `Yes, record ${p.amount}`,
    "quota.confirm.no": "Cancel",
    "quota.confirm.cancelled":
      "Not recorded. Check in again with the right amount, for example `/quota 6000 Acme`.",
    "quota.confirm.cancelledBefore":
      "You cancelled this sale before, so it was not recorded. Check it in again if you meant it.",
    "quota.confirm.recordedAlready": (p: { amount: string }) =>
      `That sale of ${p.amount} was already recorded (you said yes to it elsewhere). To take it back: \`/quota undo\`.`,
    "quota.confirm.productGone":
      "That product is no longer on your team's list. Check in again, without the tag or with another one.",
    "quota.progress.daysLeft": (p: { days: number; today: boolean }): string =>
      p.days === 1
        ? p.today
          ? "1 working day left: today"
          : "1 working day left"
        : `${p.days} working days left${p.today ? ", today included" : ""}`,
    "quota.progress.needed": (p: { amount: string; days: string }) =>
      `Needs ${p.amount} per working day (${p.days})`,
    "quota.progress.projection": (p: { amount: string; end: string }) =>
      `On this pace: ${p.amount} by ${p.end}`,
    "quota.progress.tooEarly": "Too early in the period to project where it ends.",
    "quota.post.removed": (p: { rep: string; amount: string }) =>
      `~<@${p.rep}> checked in ${p.amount}~ _(removed by the supervisor)_`,
    "quota.post.corrected": "corrected by the supervisor",
    "quota.post.failed": (p: { channel: string; amount: string; reason: "notInChannel" | "channelGone" }) =>
      p.reason === "notInChannel"
        ? `Your sale of ${p.amount} is recorded, but I couldn't tell the team: I'm not in <#${p.channel}>. Ask your supervisor to invite me there with \`/invite @Supervisor\`.`
        : `Your sale of ${p.amount} is recorded, but I couldn't tell the team: its channel <#${p.channel}> is gone or archived. Your supervisor can give the team another channel with \`/team set channel #channel\`.`,
    "quota.board.team": (p: { line: string; days: string }) => `*Team:* ${p.line} · ${p.days}`,
    "quota.board.ownRank": (p: { line: string; rank: number; of: number }) =>
      `*Your place:* ${p.rank} of ${p.of}\n${p.line}`,
    "quota.board.ownNone": "*Your place:* no check-ins yet this period.",
    "quota.board.privateNote": (p: { team: string }) =>
      `${p.team} keeps check-ins private: you see the team's total and your own place.`,
    "quota.board.askedBy": (p: { user: string }) => `<@${p.user}> asked with \`/quota team\``,
    "quota.targets.changedMeanwhile": (p: { amountMinor: number; currency: string }) =>
      `Someone changed this target while the form was open; it is now ${enMoney(p.amountMinor, p.currency)}. Close the form and open it again to change it.`,
    "quota.entries.ownOnly":
      "You can see only your own check-ins: `/quota entries` shows them. Supervisors see everyone's.",
    "quota.entry.changedMeanwhile": (p: { amountMinor: number; currency: string }) =>
      `Someone changed this check-in while the form was open; it is now ${enMoney(p.amountMinor, p.currency)}. Close the form and open it again to change it.`,
    "quota.entry.alreadyCorrected": (p: { rep: string; date: string; amount: string }) =>
      `The check-in by <@${p.rep}> from ${p.date} is already *${p.amount}*; nothing changed.`,
    "quota.set.confirm": (p: { team: string; amount: string }) =>
      `${p.team}: a check-in above ${p.amount} (or above the rep's whole target) is asked about before it is recorded.`,
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

    "quota.amount.empty": (p) =>
      p.use === "checkin"
        ? `Skriv hur mycket du sålde, till exempel ${examplesSv(p)}.`
        : `Skriv ett belopp, till exempel ${examplesSv(p)}.`,
    "quota.amount.unreadable": (p) =>
      p.use === "checkin"
        ? `Jag kunde inte läsa "${p.text}" som ett belopp. Skriv det som ${examplesSv(p)}, sedan en anteckning och en valfri #produkt.`
        : `Jag kunde inte läsa "${p.text}" som ${p.use === "target" ? "ett mål" : "ett belopp"}. Skriv det som ${examplesSv(p)}.`,
    "quota.amount.zero": (p) =>
      `${whatSv[p.use].replace(/^./, (c) => c.toUpperCase())} behöver ett belopp över noll, till exempel ${examplesSv(p)}.`,
    "quota.amount.negative": (p) =>
      p.use === "checkin"
        ? "Belopp kan inte vara negativa. Ta tillbaka din senaste incheckning med `/quota undo`."
        : p.use === "target"
          ? "Ett mål kan inte vara negativt."
          : p.use === "entry"
            ? "Beloppet kan inte vara negativt. Använd Ta bort för att ta incheckningen ur summorna."
            : "Gränsen kan inte vara negativ.",
    "quota.amount.wrongCurrency": (p) =>
      `Ditt team räknar i ${p.currency}. Skriv ${whatSv[p.use]} i ${p.currency}, till exempel ${examplesSv(p)}.`,
    "quota.amount.tooPrecise": (p) =>
      `"${p.text}" är finare än ${p.currency} räknar. Avrunda, till exempel ${examplesSv(p)}.`,
    "quota.amount.twoAmounts": (p) =>
      `Jag ser två belopp, ${svMoney(p.first, p.currency)} och ${svMoney(p.second, p.currency)}. Vilket sålde du för? Checka in en affär i taget, beloppet först: \`/quota 5000 Acme\`.`,
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
    "quota.post.batchFallback": (p) => `${p.sales.length} incheckningar: ${p.sales.join(", ")}`,
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
        ? `Målet för <@${p.user}> från och med ${p.period} är nu *${p.amount}* (var ${p.before}).`
        : `Målet för <@${p.user}> från och med ${p.period} är nu *${p.amount}*.`,
    "quota.target.teamSet": (p) =>
      `${svGenitive(p.team)} eget mål från och med ${p.period} är nu *${p.amount}*.`,
    "quota.target.unchanged": (p) => `Det målet är redan ${p.amount}.`,
    "quota.target.cleared": (p) =>
      `<@${p.user}> har inget mål från och med ${p.period} (det var ${p.before}).`,
    "quota.target.teamCleared": (p) =>
      `${p.team} har inget eget mål från och med ${p.period}: teamets mål är summan av säljarnas mål.`,
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
      "Teamet har fler säljare än ett formulär rymmer; sätt de övrigas mål med `/quota target @säljare [belopp]`.",

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
      `${svGenitive(p.rep)} affär på ${p.amount} räknas inte längre. Säljaren får veta det.`,
    "quota.entries.removeConfirm": "Ta bort",
    "quota.entries.keep": "Behåll",
    "quota.entry.gone": "Den incheckningen räknas inte längre (den togs tillbaka eller bort).",
    "quota.entry.removed": (p) => `Tog bort incheckningen av <@${p.rep}> på ${p.amount} från ${p.date}.`,
    "quota.entry.corrected": (p) =>
      `Rättade incheckningen av <@${p.rep}> från ${p.date}: ${p.before} → *${p.after}*.`,
    "quota.entry.removedNotice": (p) => `<@${p.by}> tog bort din incheckning på ${p.before} från ${p.date}.`,
    "quota.entry.correctedNotice": (p) =>
      `<@${p.by}> rättade din incheckning från ${p.date}: ${p.before} → *${p.after}*.`,
    "quota.entry.modalTitle": "Rätta incheckning",
    "quota.entry.modalIntro": (p) => `Affär av <@${p.rep}>, ${p.date}.`,
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
      `Jag känner inte till inställningen "${p.key}". Kvotinställningar: private, leaderboard, max, confirm.`,
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
      "Använd `/quota set private on|off`, `/quota set leaderboard channel|private`, `/quota set max 500000` eller `/quota set confirm 200000`.",

    "quota.period.week": (p) => `vecka ${p.week}, ${p.year}`,
    "quota.period.quarter": (p) => `kvartal ${p.quarter} ${p.year}`,

    "quota.notRep.admin":
      "Administratörer registrerar inga affärer, så du har inget eget resultat att visa. För att sälja i ett team ber du dess handledare lägga till dig (`/team add @du` i teamets kanal); `/quota team` i ett teams kanal visar hur det går för teamet.",
    "quota.notRep.executive":
      "Chefer registrerar inga affärer, så du har inget eget resultat att visa. `/quota team` i ett teams kanal visar hur det går för teamet.",
    "quota.refused": (p) => {
      const what = {
        targets: "sätta mål",
        entries: "rätta eller ta bort incheckningar",
        settings: "ändra kvotinställningar",
      }[p.work];
      return p.supervisors.length > 0
        ? `Bara handledarna för ${p.team} (${svList.format(p.supervisors.map((id) => `<@${id}>`))}) och administratörer kan ${what}.`
        : `Bara handledarna för ${p.team} och administratörer kan ${what}.`;
    },
    "quota.confirm.question": (p) =>
      p.what ? `Menade du *${p.amount}* (${p.what})?` : `Menade du *${p.amount}*?`,
    "quota.confirm.aboveTarget": (p) =>
      `Det är mer än hela ditt mål den här perioden (${p.target}), så jag frågar innan det bokförs och visas i teamkanalen.`,
    "quota.confirm.aboveThreshold": (p) =>
      `Ditt team vill bli tillfrågat om enskilda affärer över ${p.threshold} innan de bokförs och visas i teamkanalen.`,
    "quota.confirm.yes": (p) => `Ja, registrera ${p.amount}`,
    "quota.confirm.no": "Avbryt",
    "quota.confirm.cancelled":
      "Inget registrerades. Checka in igen med rätt belopp, till exempel `/quota 6000 Acme`.",
    "quota.confirm.cancelledBefore":
      "Du avbröt den här affären tidigare, så den registrerades inte. Checka in den igen om du menade den.",
    "quota.confirm.recordedAlready": (p) =>
      `Affären på ${p.amount} var redan registrerad (du svarade ja på den någon annanstans). Ta tillbaka den med \`/quota undo\`.`,
    "quota.confirm.productGone":
      "Den produkten finns inte längre på teamets lista. Checka in igen, utan taggen eller med en annan.",
    "quota.progress.daysLeft": (p) =>
      p.days === 1
        ? p.today
          ? "1 arbetsdag kvar: i dag"
          : "1 arbetsdag kvar"
        : `${p.days} arbetsdagar kvar${p.today ? ", i dag inräknad" : ""}`,
    "quota.progress.needed": (p) => `Behöver ${p.amount} per arbetsdag (${p.days})`,
    "quota.progress.projection": (p) => `I den här takten: ${p.amount} till ${p.end}`,
    "quota.progress.tooEarly": "För tidigt i perioden för att säga var den slutar.",
    "quota.post.removed": (p) => `~<@${p.rep}> checkade in ${p.amount}~ _(borttagen av handledaren)_`,
    "quota.post.corrected": "rättad av handledaren",
    "quota.post.failed": (p) =>
      p.reason === "notInChannel"
        ? `Din affär på ${p.amount} är registrerad, men jag kunde inte berätta det för teamet: jag är inte med i <#${p.channel}>. Be din handledare bjuda in mig med \`/invite @Supervisor\`.`
        : `Din affär på ${p.amount} är registrerad, men jag kunde inte berätta det för teamet: kanalen <#${p.channel}> finns inte längre eller är arkiverad. Din handledare kan ge teamet en annan kanal med \`/team set channel #kanal\`.`,
    "quota.board.team": (p) => `*Teamet:* ${p.line} · ${p.days}`,
    "quota.board.ownRank": (p) => `*Din plats:* ${p.rank} av ${p.of}\n${p.line}`,
    "quota.board.ownNone": "*Din plats:* inga incheckningar än den här perioden.",
    "quota.board.privateNote": (p) =>
      `${p.team} håller incheckningar privata: du ser teamets summa och din egen plats.`,
    "quota.board.askedBy": (p) => `<@${p.user}> frågade med \`/quota team\``,
    "quota.targets.changedMeanwhile": (p) =>
      `Någon ändrade det här målet medan formuläret var öppet; det är nu ${svMoney(p.amountMinor, p.currency)}. Stäng formuläret och öppna det igen för att ändra.`,
    "quota.entries.ownOnly":
      "Du kan bara se dina egna incheckningar: `/quota entries` visar dem. Handledare ser allas.",
    "quota.entry.changedMeanwhile": (p) =>
      `Någon ändrade den här incheckningen medan formuläret var öppet; den är nu ${svMoney(p.amountMinor, p.currency)}. Stäng formuläret och öppna det igen för att ändra.`,
    "quota.entry.alreadyCorrected": (p) =>
      `Incheckningen av <@${p.rep}> från ${p.date} är redan *${p.amount}*; inget ändrades.`,
    "quota.set.confirm": (p) =>
      `${p.team}: en incheckning över ${p.amount} (eller över säljarens hela mål) måste bekräftas innan den registreras.`,
  },
);

/** The quota feature's messages with the team's (refusals it reuses) and the common ones. */
export const quotaMessages = mergeMessages(teamMessages, ownQuotaMessages);
export type QuotaMessages = (typeof quotaMessages)["en"];
export type QuotaCatalogs = Catalogs<QuotaMessages>;
