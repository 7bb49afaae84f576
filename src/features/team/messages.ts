import { accessMessages } from "../../platform/access/index.js";
import { type Catalogs, commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { isLocalDate } from "../../platform/time/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);
const enCount = (n: number, one: string, many: string) => (n === 0 ? "" : `${n} ${n === 1 ? one : many}`);
const svCount = enCount;
const dayFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" });
const day = (locale: string, date: string) =>
  isLocalDate(date) ? dayFormat(locale).format(new Date(`${date}T12:00:00Z`)) : date;
const enDay = (date: string) => day("en-GB", date);
const svDay = (date: string) => day("sv-SE", date);

const HELP_EN = [
  "*`/team`* shows the team of this channel, or your own team.",
  "*Everyone*",
  "• `/team list`: all teams  • `/team roles`: executives and admins  • `/team help`: this list",
  "*A team's supervisors (and admins), in the team's channel*",
  "• `/team edit`: change the team in a form",
  "• `/team add @rep …`: add reps  • `/team remove @person …`: take people out",
  "• `/team move @rep …`: move reps here from another team",
  "• `/team supervisor add @person` / `/team supervisor remove @person`",
  "• `/team set [setting] [value]`: `name`, `timezone Europe/Stockholm`, `language sv`, `currency SEK`, `holidays SE`, `workweek mon-fri`, `period month|quarter|week`, `escalations 24` (working hours to acknowledge an escalation), `channel #channel`",
  "• Scheduled posts: `/team set motivation mon,thu 08:30`, `/team set spotlight wed 09:00`, `/team set standup mon 09:00` (each also `off` / `on`), `/team set standup cutoff 14:00`, `/team set standup ask thread|dm`",
  "*Admins*",
  "• `/team create [name] @supervisor`: a team for this channel (or `/team create` for the form)",
  "• `/team grant @person executive|admin` / `/team revoke @person executive|admin`",
].join("\n");

const HELP_SV = [
  "*`/team`* visar teamet i den här kanalen, eller ditt eget team.",
  "*Alla*",
  "• `/team list`: alla team  • `/team roles`: chefer och administratörer  • `/team help`: den här listan",
  "*Teamets handledare (och administratörer), i teamets kanal*",
  "• `/team edit`: ändra teamet i ett formulär",
  "• `/team add @säljare …`: lägg till säljare  • `/team remove @person …`: ta bort personer",
  "• `/team move @säljare …`: flytta säljare hit från ett annat team",
  "• `/team supervisor add @person` / `/team supervisor remove @person`",
  "• `/team set [inställning] [värde]`: `name`, `timezone Europe/Stockholm`, `language sv`, `currency SEK`, `holidays SE`, `workweek mon-fri`, `period month|quarter|week`, `escalations 24` (arbetstimmar att kvittera en eskalering), `channel #kanal`",
  "• Schemalagda inlägg: `/team set motivation mån,tor 08:30`, `/team set spotlight ons 09:00`, `/team set standup mån 09:00` (alla även `av` / `på`), `/team set standup cutoff 14:00`, `/team set standup ask thread|dm`",
  "*Administratörer*",
  "• `/team create [namn] @handledare`: ett team för den här kanalen (eller `/team create` för formuläret)",
  "• `/team grant @person executive|admin` / `/team revoke @person executive|admin`",
].join("\n");

export const ownTeamMessages = defineMessages(
  {
    "team.help": HELP_EN,
    "team.help.fallback": "Supervisor /team commands",

    // Which team a command is about.
    "team.target.none":
      "This channel has no team, and you don't lead one. Run the command in your team's channel.",
    "team.target.several": "You lead several teams: run the command in the channel of the team you mean.",
    "team.gone": "That team no longer exists.",

    // People who cannot be members.
    "team.person.bot": (p: { user: string }) =>
      `<@${p.user}> is an app, not a person, so can't be in a team.`,
    "team.person.deactivated": (p: { user: string }) => `<@${p.user}>'s account is deactivated.`,
    "team.person.unknown": (p: { user: string }) => `Slack doesn't know the user ${p.user}.`,

    // Creating a team.
    "team.create.usage":
      "Give the team a name, and the supervisor if it isn't you: `/team create Sales North @sara`. Or run `/team create` alone for a form.",
    "team.create.notAChannel":
      "A team needs a channel of its own. Run `/team create` in the team's channel, not in a direct message.",
    "team.create.channelTaken": (p: { team: string }) =>
      p.team
        ? `This channel already belongs to the team ${p.team}.`
        : "This channel already belongs to a team.",
    "team.create.channelUnknown": (p: { channel: string }) =>
      `I can't see the channel <#${p.channel}>. If it is private, invite me first: \`/invite @Supervisor\`.`,
    "team.create.channelArchived": (p: { channel: string }) =>
      `<#${p.channel}> is archived. Pick a channel people still use.`,
    "team.create.nameTaken": (p: { name: string }) =>
      `There is already a team called ${p.name}. Pick another name.`,
    "team.created": (p: { team: string; channel: string; supervisors: string[] }) =>
      `Created the team *${p.team}* in <#${p.channel}>, led by ${en.format(who(p.supervisors))}.`,
    "team.created.defaults": (p: {
      from: string;
      timeZone: string;
      holidays: string;
      currency: string;
      language: string;
      workWeek: string;
      period: string;
    }) =>
      `From <@${p.from}>'s Slack profile: time zone ${p.timeZone}, public holidays of ${p.holidays}, ${p.currency}, posts in ${p.language}, work week ${p.workWeek}, quota period ${p.period.toLowerCase()}. Change any of them with \`/team set\` or \`/team edit\`.`,
    "team.set.currencyInUse": (p: {
      team: string;
      from: string;
      to: string;
      checkins: number;
      targets: number;
      nextPeriod: string;
    }): string =>
      [
        `The currency stays ${p.from} for now: in ${p.to}, what ${p.team} has in ${p.from} would stop counting.`,
        p.checkins > 0
          ? `This period has ${enCount(p.checkins, "check-in", "check-ins")} in ${p.from}: change the currency from ${enDay(p.nextPeriod)}, when the next period starts, or have ${p.checkins === 1 ? "it" : "them"} taken back first.`
          : "",
        p.targets > 0
          ? `${enCount(p.targets, "target is", "targets are")} in ${p.from} (targets carry over from period to period): clear ${p.targets === 1 ? "it" : "them"} in \`/quota targets\` first, then set ${p.targets === 1 ? "it" : "them"} again in ${p.to} after the change.`
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    "team.created.inviteApp": (p: { channel: string }) =>
      `:warning: I'm not in <#${p.channel}> yet, so I can't post there. Invite me with \`/invite @Supervisor\`.`,

    // Members.
    "team.member.bothRoles": (p: { user: string }) =>
      `<@${p.user}> can't be both a supervisor and a rep of the same team.`,
    "team.member.inOtherTeam": (p: { user: string; team: string }) =>
      `<@${p.user}> is a rep in ${p.team}. A rep belongs to one team: move them with \`/team move\` in this team's channel.`,
    "team.member.changedMeanwhile":
      "Someone changed these teams at the same moment. Nothing was saved; please try again.",
    "team.member.lastSupervisor": (p: { team: string }) =>
      `${p.team} needs at least one supervisor. Add the new supervisor first, then remove the old one.`,
    "team.member.repToSupervisor": (p: { user: string; team: string }) =>
      `<@${p.user}> is a rep in ${p.team}. Remove them as a rep first, then add them as a supervisor.`,
    "team.member.supervisorToRep": (p: { user: string; team: string }) =>
      `<@${p.user}> is a supervisor of ${p.team}. Remove them as a supervisor first, then add them as a rep.`,
    "team.members.added": (p: { team: string; users: string[] }) =>
      `Added ${en.format(who(p.users))} to ${p.team} as ${p.users.length === 1 ? "a rep" : "reps"}.`,
    "team.members.moved": (p: { team: string; users: string[] }) =>
      `Moved ${en.format(who(p.users))} to ${p.team}.`,
    "team.members.removed": (p: { team: string; users: string[] }) =>
      `Removed ${en.format(who(p.users))} from ${p.team}.`,
    "team.members.supervisorsAdded": (p: { team: string; users: string[] }) =>
      `${en.format(who(p.users))} now ${p.users.length === 1 ? "leads" : "lead"} ${p.team} as supervisor.`,
    "team.members.supervisorsRemoved": (p: { team: string; users: string[] }) =>
      `${en.format(who(p.users))} no longer ${p.users.length === 1 ? "supervises" : "supervise"} ${p.team}.`,
    "team.members.unchanged.in": (p: { users: string[] }) =>
      `${en.format(who(p.users))} ${p.users.length === 1 ? "was" : "were"} already there.`,
    "team.members.unchanged.out": (p: { users: string[] }) =>
      `${en.format(who(p.users))} ${p.users.length === 1 ? "wasn't" : "weren't"} in the team.`,
    "team.members.elsewhere": (p: { user: string; team: string }) =>
      `<@${p.user}> is a rep in ${p.team}, so wasn't added. To move them here: \`/team move <@${p.user}>\`.`,

    // Settings.
    "team.set.unknownKey": (p: { key: string }) =>
      `I don't know the setting "${p.key}". Settings: name, timezone, language, currency, holidays, workweek, period, escalations, policy-reminder, channel, motivation, spotlight, standup.`,
    "team.set.channelUsage": "Name the channel: `/team set channel #sales-north`.",
    "team.set.channelTaken": (p: { channel: string }) => `<#${p.channel}> already belongs to another team.`,
    "team.set.done": (p: { team: string; setting: string; value: string }) =>
      `${p.team}: ${p.setting} is now ${p.value}.`,
    "team.invalid.nameEmpty": "The team needs a name.",
    "team.invalid.nameLong": (p: { max: number }) => `Keep the name to ${p.max} characters or fewer.`,
    "team.invalid.nameChars": "Leave the angle brackets out of the team name.",
    "team.invalid.timeZone": (p: { value: string }) =>
      `"${p.value}" isn't a time zone I know. Use a name like Europe/Stockholm, Europe/London or America/New_York.`,
    "team.invalid.locale": (p: { value: string }) =>
      `"${p.value}" isn't a language I speak. Use en (English) or sv (Swedish).`,
    "team.invalid.currency": (p: { value: string }) =>
      `"${p.value}" isn't a currency code. Use a three-letter ISO code such as SEK, EUR or USD.`,
    "team.invalid.holidayCountry": (p: { value: string }) =>
      `I don't know the public holidays of "${p.value}". Use a two-letter country code such as SE, NO, GB or US.`,
    "team.invalid.quotaPeriod": (p: { value: string }) =>
      `"${p.value}" isn't a quota period. Use week, month or quarter.`,
    "team.invalid.workWeek": (p: { value: string }) =>
      `I can't read "${p.value}" as work days. Write them like mon-fri, sun-thu or mon,tue,thu.`,
    "team.invalid.workWeekEmpty": "Pick at least one work day.",
    "team.invalid.escalationHours": (p: { value: string; max: number }) =>
      `"${p.value}" is not a number of working hours. Use a whole number from 1 to ${p.max}, such as 24.`,
    "team.invalid.policyReminderDays": (p: { value: string; max: number }) =>
      `"${p.value}" is not a number of working days. Use a whole number from 1 to ${p.max}, such as 3.`,
    "team.invalid.channelMissing": "Pick the team's channel.",
    "team.invalid.supervisorsEmpty": "A team needs at least one supervisor.",

    // Roles.
    "team.roles.granted": (p: { users: string[]; role: string }) =>
      `${en.format(who(p.users))} ${p.users.length === 1 ? "is" : "are"} now ${p.role === "admin" ? "an admin" : "an executive"}.`,
    "team.roles.revoked": (p: { users: string[]; role: string }) =>
      `${en.format(who(p.users))} ${p.users.length === 1 ? "is" : "are"} no longer ${p.role === "admin" ? "an admin" : "an executive"}.`,
    "team.roles.unchangedGrant": (p: { users: string[]; role: string }) =>
      `${en.format(who(p.users))} already ${p.users.length === 1 ? "had" : "had"} the ${p.role} role.`,
    "team.roles.unchangedRevoke": (p: { users: string[]; role: string }) =>
      `${en.format(who(p.users))} didn't have the ${p.role} role.`,
    "team.roles.stillAdmin": (p: { users: string[] }) =>
      `${en.format(who(p.users))} ${p.users.length === 1 ? "stays an admin as a Slack workspace admin" : "stay admins as Slack workspace admins"} (or through ADMIN_USER_IDS).`,
    "team.roles.title": "Roles in Supervisor",
    "team.roles.executives": (p: { users: string[] }) =>
      p.users.length > 0 ? `*Executives:* ${en.format(who(p.users))}` : "*Executives:* none yet",
    "team.roles.admins": (p: { users: string[] }) =>
      p.users.length > 0
        ? `*Admins:* ${en.format(who(p.users))}, and every Slack workspace owner and admin`
        : "*Admins:* every Slack workspace owner and admin",
    "team.roles.howto": "Admins grant roles with `/team grant @person executive` (or `admin`).",

    // Parsing.
    "team.parse.unlinkedMention": (p: { names: string }) =>
      `I couldn't tell who ${p.names} is. Pick people from Slack's list as you type @ so the name turns into a link.`,
    "team.parse.needPeople": (p: { command: string }) => `Say who: \`/team ${p.command} @person\`.`,
    "team.parse.supervisorUsage": "Use `/team supervisor add @person` or `/team supervisor remove @person`.",
    "team.parse.setUsage":
      "Use `/team set [setting] [value]`, for example `/team set timezone Europe/Stockholm`.",
    "team.parse.roleUsage": (p: { command: string }) =>
      `Say which role: \`/team ${p.command} @person executive\` or \`/team ${p.command} @person admin\`.`,
    "team.parse.unknown": (p: { word: string }) =>
      `I don't know "/team ${p.word}". \`/team help\` lists what I can do.`,

    // Direct messages to people whose place changed.
    "team.notice.added": (p: { team: string; channel: string; by: string }) =>
      `<@${p.by}> added you to the team *${p.team}* as a rep. The team works in <#${p.channel}>.`,
    "team.notice.nowSupervisor": (p: { team: string; channel: string; by: string }) =>
      `<@${p.by}> made you a supervisor of *${p.team}*. The team works in <#${p.channel}>; \`/team help\` shows how to run it.`,
    "team.notice.removed": (p: { team: string; channel: string; by: string }) =>
      `<@${p.by}> took you out of the team *${p.team}*.`,

    // The team card.
    "team.card.fallback": (p: { team: string }) => `Team ${p.team}`,
    "team.card.channel": "Channel",
    "team.card.supervisors": "Supervisors",
    "team.card.timeZone": "Time zone",
    "team.card.language": "Language",
    "team.card.currency": "Currency",
    "team.card.holidays": "Public holidays",
    "team.card.workWeek": "Work week",
    "team.card.quotaPeriod": "Quota period",
    "team.card.escalationHours": "Escalations acknowledged within",
    "team.card.escalationHoursValue": (p: { hours: number }) => `${p.hours} working hours`,
    "team.card.policyReminderDays": "Policy reminders after",
    "team.card.policyReminderDaysValue": (p: { days: number }) =>
      `${p.days} working ${p.days === 1 ? "day" : "days"}`,
    "team.card.reps": (p: { count: number }) => `*Reps (${p.count})*`,
    "team.card.noReps": "No reps yet. Supervisors add them with `/team add @rep`.",
    "team.card.more": (p: { count: number }) => `…and ${p.count} more`,
    "team.card.notHere": (p: { channel: string }) =>
      `This channel has no team; here is your team. Its channel is <#${p.channel}>.`,
    "team.card.hint": "`/team help` lists what you can do.",
    "team.card.edit": "Edit team",
    "team.language.en": "English",
    "team.language.sv": "Swedish",
    "team.period.week": "Week",
    "team.period.month": "Month",
    "team.period.quarter": "Quarter",
    "team.none": "This channel has no team, and you aren't in a team yet. Ask your supervisor to add you.",
    "team.none.admin": "This channel has no team yet. Create one here, bound to this channel:",
    "team.none.adminHint": "Or type `/team create [name] @supervisor`.",
    "team.none.create": "Create a team",
    "team.several": (p: { teams: string[] }) =>
      `You are in several teams: ${en.format(p.teams)}. Run \`/team\` in a team's channel to see it.`,
    "team.list.title": "Teams",
    "team.list.empty":
      "There are no teams yet. An admin creates one with `/team create [name] @supervisor` in the team's channel.",
    "team.list.line": (p: { team: string; channel: string; supervisors: string[]; reps: number }) =>
      `*${p.team}* in <#${p.channel}>, led by ${p.supervisors.length > 0 ? en.format(who(p.supervisors)) : "nobody"}, ${p.reps} ${p.reps === 1 ? "rep" : "reps"}`,

    // The team modal.
    "team.modal.titleNew": "New team",
    "team.modal.titleEdit": "Edit team",
    "team.modal.titleSaved": "Team saved",
    "team.modal.create": "Create",
    "team.modal.save": "Save",
    "team.modal.cancel": "Cancel",
    "team.modal.name": "Team name",
    "team.modal.namePlaceholder": "Sales North",
    "team.modal.channel": "Team channel",
    "team.modal.channelHint": "Check-ins, leaderboards and team posts go here. Invite @Supervisor to it.",
    "team.modal.supervisors": "Supervisors",
    "team.modal.reps": "Reps",
    "team.modal.repsHint": "A rep belongs to one team. To bring in a rep from another team, use /team move.",
    "team.modal.timeZone": "Time zone",
    "team.modal.timeZoneHint": "IANA name, such as Europe/Stockholm or America/New_York.",
    "team.modal.language": "Language of team posts",
    "team.modal.currency": "Currency",
    "team.modal.currencyHint": "Three-letter code: SEK, EUR, USD…",
    "team.modal.holidays": "Public holidays of",
    "team.modal.holidaysHint": "Two-letter country code: SE, NO, GB, US…",
    "team.modal.workWeek": "Work days",
    "team.modal.quotaPeriod": "Quota period",
    "team.modal.escalationHours": "Working hours to acknowledge an escalation",
    "team.modal.escalationHoursHint":
      "After this many working hours the supervisors are reminded; after twice as many, the executive who escalated is told.",
    "team.modal.policyReminderDays": "Working days to acknowledge a policy",
    "team.modal.policyReminderDaysHint":
      "Reps who have not acknowledged a policy are reminded after this many working days, and again after as many more; then the supervisors are told.",
    // Routines: the posts that come on a schedule.
    "team.routine.motivation": "Motivation",
    "team.routine.spotlight": "Product spotlight",
    "team.routine.standup": "Standup",
    "team.routine.off": "off",
    "team.routine.schedule": (p: { days: string; time: string }) => `${p.days} at ${p.time}`,
    "team.routine.standupSchedule": (p: {
      days: string;
      time: string;
      cutoff: string;
      askIn: "thread" | "dm";
    }) =>
      `${p.days} at ${p.time}, answers until ${p.cutoff}, asked ${p.askIn === "dm" ? "by DM" : "in the thread"}`,
    "team.routine.invalidTime": (p: { value: string }) =>
      `I can't read the time ${p.value}: write it like 08:30.`,
    "team.routine.invalidDays": (p: { value: string; routine: string }) =>
      `I can't read "${p.value}" as days: write them like mon,thu or mon-fri, then the time: \`/team set ${p.routine} mon,thu 08:30\`.`,
    "team.routine.cutoffBeforeTime": (p: { time: string; cutoff: string }) =>
      `The cut-off must be after the standup's time (${p.time}); ${p.cutoff} isn't.`,
    "team.routine.cutoffUsage": "Say when answers close: `/team set standup cutoff 14:00`.",
    "team.routine.askUsage": (p: { value: string }) =>
      `I can't ask reps in "${p.value}": say \`/team set standup ask thread\` (in the standup's thread) or \`/team set standup ask dm\`.`,
    "team.routine.daysEmpty": "Pick at least one day, or turn it off.",
    "team.routine.timeMissing": "Pick a time.",
    "team.card.routines": "*Scheduled posts*",
    "team.modal.routineOn": "On",
    "team.modal.routineDays": (p: { routine: string }) => `${p.routine}: days`,
    "team.modal.routineTime": (p: { routine: string }) => `${p.routine}: time`,
    "team.modal.motivationHint":
      "Progress, shout-outs and milestones from the team's live numbers, in the team channel.",
    "team.modal.spotlightHint": "A product from the team's list with its selling points and latest wins.",
    "team.modal.standupHint":
      "Last week's results and this week's plan; each rep is asked for wins, plan and blockers.",
    "team.modal.standupCutoff": "Standup: answers until",
    "team.modal.standupCutoffHint":
      "The summary is posted then, the same day; later answers are marked late.",
    "team.modal.standupAskIn": "Standup: ask each rep",
    "team.askIn.thread": "In the standup's thread",
    "team.askIn.dm": "By DM",
    "team.modal.created": (p: { team: string }) => `*${p.team}* is ready.`,
    "team.modal.updated": (p: { team: string }) => `*${p.team}* is saved.`,
  },
  {
    "team.help": HELP_SV,
    "team.help.fallback": "Supervisors /team-kommandon",

    "team.target.none":
      "Den här kanalen har inget team, och du leder inget. Kör kommandot i ditt teams kanal.",
    "team.target.several": "Du leder flera team: kör kommandot i kanalen för det team du menar.",
    "team.gone": "Det teamet finns inte längre.",

    "team.person.bot": (p) => `<@${p.user}> är en app, inte en person, och kan inte vara med i ett team.`,
    "team.person.deactivated": (p) => `<@${p.user}>s konto är avaktiverat.`,
    "team.person.unknown": (p) => `Slack känner inte till användaren ${p.user}.`,

    "team.create.usage":
      "Ge teamet ett namn, och handledaren om det inte är du: `/team create Sälj Norr @sara`. Eller kör bara `/team create` för ett formulär.",
    "team.create.notAChannel":
      "Ett team behöver en egen kanal. Kör `/team create` i teamets kanal, inte i ett direktmeddelande.",
    "team.create.channelTaken": (p) =>
      p.team
        ? `Den här kanalen hör redan till teamet ${p.team}.`
        : "Den här kanalen hör redan till ett team.",
    "team.create.channelUnknown": (p) =>
      `Jag ser inte kanalen <#${p.channel}>. Om den är privat, bjud in mig först: \`/invite @Supervisor\`.`,
    "team.create.channelArchived": (p) => `<#${p.channel}> är arkiverad. Välj en kanal som används.`,
    "team.create.nameTaken": (p) => `Det finns redan ett team som heter ${p.name}. Välj ett annat namn.`,
    "team.created": (p) =>
      `Skapade teamet *${p.team}* i <#${p.channel}>, lett av ${sv.format(who(p.supervisors))}.`,
    "team.created.defaults": (p) =>
      `Från Slack-profilen för <@${p.from}>: tidszon ${p.timeZone}, helgdagar enligt ${p.holidays}, ${p.currency}, inlägg på ${p.language.toLowerCase()}, arbetsvecka ${p.workWeek}, kvotperiod ${p.period.toLowerCase()}. Ändra med \`/team set\` eller \`/team edit\`.`,
    "team.set.currencyInUse": (p) =>
      [
        `Valutan förblir ${p.from} tills vidare: i ${p.to} skulle det ${p.team} har i ${p.from} sluta räknas.`,
        p.checkins > 0
          ? `Den här perioden har ${svCount(p.checkins, "incheckning", "incheckningar")} i ${p.from}: ändra valutan från ${svDay(p.nextPeriod)}, när nästa period börjar, eller ta först tillbaka ${p.checkins === 1 ? "den" : "dem"}.`
          : "",
        p.targets > 0
          ? `${svCount(p.targets, "mål", "mål")} är i ${p.from} (mål följer med från period till period): ta först bort ${p.targets === 1 ? "det" : "dem"} i \`/quota targets\` och sätt ${p.targets === 1 ? "det" : "dem"} igen i ${p.to} efter bytet.`
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    "team.created.inviteApp": (p) =>
      `:warning: Jag är inte med i <#${p.channel}> än, så jag kan inte skriva där. Bjud in mig med \`/invite @Supervisor\`.`,

    "team.member.bothRoles": (p) => `<@${p.user}> kan inte vara både handledare och säljare i samma team.`,
    "team.member.inOtherTeam": (p) =>
      `<@${p.user}> är säljare i ${p.team}. En säljare hör till ett team: flytta hit hen med \`/team move\` i det här teamets kanal.`,
    "team.member.changedMeanwhile":
      "Någon ändrade de här teamen i samma ögonblick. Inget sparades; försök igen.",
    "team.member.lastSupervisor": (p) =>
      `${p.team} behöver minst en handledare. Lägg till den nya handledaren först och ta sedan bort den gamla.`,
    "team.member.repToSupervisor": (p) =>
      `<@${p.user}> är säljare i ${p.team}. Ta bort hen som säljare först och lägg sedan till hen som handledare.`,
    "team.member.supervisorToRep": (p) =>
      `<@${p.user}> är handledare för ${p.team}. Ta bort hen som handledare först och lägg sedan till hen som säljare.`,
    "team.members.added": (p) =>
      `Lade till ${sv.format(who(p.users))} i ${p.team} som ${p.users.length === 1 ? "säljare" : "säljare"}.`,
    "team.members.moved": (p) => `Flyttade ${sv.format(who(p.users))} till ${p.team}.`,
    "team.members.removed": (p) => `Tog bort ${sv.format(who(p.users))} från ${p.team}.`,
    "team.members.supervisorsAdded": (p) => `${sv.format(who(p.users))} leder nu ${p.team} som handledare.`,
    "team.members.supervisorsRemoved": (p) =>
      `${sv.format(who(p.users))} är inte längre handledare för ${p.team}.`,
    "team.members.unchanged.in": (p) => `${sv.format(who(p.users))} fanns redan med.`,
    "team.members.unchanged.out": (p) => `${sv.format(who(p.users))} var inte med i teamet.`,
    "team.members.elsewhere": (p) =>
      `<@${p.user}> är säljare i ${p.team} och lades därför inte till. Flytta hit hen med \`/team move <@${p.user}>\`.`,

    "team.set.unknownKey": (p) =>
      `Jag känner inte till inställningen "${p.key}". Inställningar: name, timezone, language, currency, holidays, workweek, period, escalations, policy-reminder, channel, motivation, spotlight, standup.`,
    "team.set.channelUsage": "Ange kanalen: `/team set channel #salj-norr`.",
    "team.set.channelTaken": (p) => `<#${p.channel}> hör redan till ett annat team.`,
    "team.set.done": (p) => `${p.team}: ${p.setting} är nu ${p.value}.`,
    "team.invalid.nameEmpty": "Teamet behöver ett namn.",
    "team.invalid.nameLong": (p) => `Håll namnet till högst ${p.max} tecken.`,
    "team.invalid.nameChars": "Använd inte vinkelparenteser i teamets namn.",
    "team.invalid.timeZone": (p) =>
      `"${p.value}" är ingen tidszon jag känner till. Använd ett namn som Europe/Stockholm, Europe/London eller America/New_York.`,
    "team.invalid.locale": (p) =>
      `"${p.value}" är inget språk jag talar. Använd en (engelska) eller sv (svenska).`,
    "team.invalid.currency": (p) =>
      `"${p.value}" är ingen valutakod. Använd en ISO-kod på tre bokstäver, som SEK, EUR eller USD.`,
    "team.invalid.holidayCountry": (p) =>
      `Jag känner inte till helgdagarna i "${p.value}". Använd en landskod på två bokstäver, som SE, NO, GB eller US.`,
    "team.invalid.quotaPeriod": (p) => `"${p.value}" är ingen kvotperiod. Använd week, month eller quarter.`,
    "team.invalid.workWeek": (p) =>
      `Jag kan inte läsa "${p.value}" som arbetsdagar. Skriv dem som mån-fre, sön-tor eller mån,tis,tor.`,
    "team.invalid.workWeekEmpty": "Välj minst en arbetsdag.",
    "team.invalid.escalationHours": (p) =>
      `"${p.value}" är inget antal arbetstimmar. Använd ett heltal från 1 till ${p.max}, till exempel 24.`,
    "team.invalid.policyReminderDays": (p) =>
      `"${p.value}" är inget antal arbetsdagar. Använd ett heltal från 1 till ${p.max}, till exempel 3.`,
    "team.invalid.channelMissing": "Välj teamets kanal.",
    "team.invalid.supervisorsEmpty": "Ett team behöver minst en handledare.",

    "team.roles.granted": (p) =>
      `${sv.format(who(p.users))} är nu ${p.role === "admin" ? "administratör" : "chef"}.`,
    "team.roles.revoked": (p) =>
      `${sv.format(who(p.users))} är inte längre ${p.role === "admin" ? "administratör" : "chef"}.`,
    "team.roles.unchangedGrant": (p) => `${sv.format(who(p.users))} hade redan rollen ${p.role}.`,
    "team.roles.unchangedRevoke": (p) => `${sv.format(who(p.users))} hade inte rollen ${p.role}.`,
    "team.roles.stillAdmin": (p) =>
      `${sv.format(who(p.users))} förblir administratör som administratör av Slack-arbetsytan (eller genom ADMIN_USER_IDS).`,
    "team.roles.title": "Roller i Supervisor",
    "team.roles.executives": (p) =>
      p.users.length > 0 ? `*Chefer:* ${sv.format(who(p.users))}` : "*Chefer:* inga än",
    "team.roles.admins": (p) =>
      p.users.length > 0
        ? `*Administratörer:* ${sv.format(who(p.users))}, och alla ägare och administratörer av Slack-arbetsytan`
        : "*Administratörer:* alla ägare och administratörer av Slack-arbetsytan",
    "team.roles.howto": "Administratörer ger roller med `/team grant @person executive` (eller `admin`).",

    "team.parse.unlinkedMention": (p) =>
      `Jag kunde inte avgöra vem ${p.names} är. Välj personer ur Slacks lista när du skriver @ så att namnet blir en länk.`,
    "team.parse.needPeople": (p) => `Säg vem: \`/team ${p.command} @person\`.`,
    "team.parse.supervisorUsage":
      "Använd `/team supervisor add @person` eller `/team supervisor remove @person`.",
    "team.parse.setUsage":
      "Använd `/team set [inställning] [värde]`, till exempel `/team set timezone Europe/Stockholm`.",
    "team.parse.roleUsage": (p) =>
      `Säg vilken roll: \`/team ${p.command} @person executive\` eller \`/team ${p.command} @person admin\`.`,
    "team.parse.unknown": (p) => `Jag känner inte till "/team ${p.word}". \`/team help\` visar vad jag kan.`,

    "team.notice.added": (p) =>
      `<@${p.by}> lade till dig i teamet *${p.team}* som säljare. Teamet jobbar i <#${p.channel}>.`,
    "team.notice.nowSupervisor": (p) =>
      `<@${p.by}> gjorde dig till handledare för *${p.team}*. Teamet jobbar i <#${p.channel}>; \`/team help\` visar hur du leder det.`,
    "team.notice.removed": (p) => `<@${p.by}> tog bort dig från teamet *${p.team}*.`,

    "team.card.fallback": (p) => `Teamet ${p.team}`,
    "team.card.channel": "Kanal",
    "team.card.supervisors": "Handledare",
    "team.card.timeZone": "Tidszon",
    "team.card.language": "Språk",
    "team.card.currency": "Valuta",
    "team.card.holidays": "Helgdagar",
    "team.card.workWeek": "Arbetsvecka",
    "team.card.quotaPeriod": "Kvotperiod",
    "team.card.escalationHours": "Eskaleringar kvitteras inom",
    "team.card.escalationHoursValue": (p) => `${p.hours} arbetstimmar`,
    "team.card.policyReminderDays": "Policypåminnelser efter",
    "team.card.policyReminderDaysValue": (p) => `${p.days} ${p.days === 1 ? "arbetsdag" : "arbetsdagar"}`,
    "team.card.reps": (p) => `*Säljare (${p.count})*`,
    "team.card.noReps": "Inga säljare än. Handledare lägger till dem med `/team add @säljare`.",
    "team.card.more": (p) => `…och ${p.count} till`,
    "team.card.notHere": (p) =>
      `Den här kanalen har inget team; här är ditt team. Dess kanal är <#${p.channel}>.`,
    "team.card.hint": "`/team help` visar vad du kan göra.",
    "team.card.edit": "Ändra teamet",
    "team.language.en": "Engelska",
    "team.language.sv": "Svenska",
    "team.period.week": "Vecka",
    "team.period.month": "Månad",
    "team.period.quarter": "Kvartal",
    "team.none":
      "Den här kanalen har inget team, och du är inte med i något team än. Be din handledare lägga till dig.",
    "team.none.admin": "Den här kanalen har inget team än. Skapa ett här, knutet till kanalen:",
    "team.none.adminHint": "Eller skriv `/team create [namn] @handledare`.",
    "team.none.create": "Skapa ett team",
    "team.several": (p) =>
      `Du är med i flera team: ${sv.format(p.teams)}. Kör \`/team\` i ett teams kanal för att se det.`,
    "team.list.title": "Team",
    "team.list.empty":
      "Det finns inga team än. En administratör skapar ett med `/team create [namn] @handledare` i teamets kanal.",
    "team.list.line": (p) =>
      `*${p.team}* i <#${p.channel}>, lett av ${p.supervisors.length > 0 ? sv.format(who(p.supervisors)) : "ingen"}, ${p.reps} säljare`,

    "team.modal.titleNew": "Nytt team",
    "team.modal.titleEdit": "Ändra team",
    "team.modal.titleSaved": "Teamet är sparat",
    "team.modal.create": "Skapa",
    "team.modal.save": "Spara",
    "team.modal.cancel": "Avbryt",
    "team.modal.name": "Teamets namn",
    "team.modal.namePlaceholder": "Sälj Norr",
    "team.modal.channel": "Teamets kanal",
    "team.modal.channelHint": "Incheckningar, topplistor och teaminlägg hamnar här. Bjud in @Supervisor dit.",
    "team.modal.supervisors": "Handledare",
    "team.modal.reps": "Säljare",
    "team.modal.repsHint":
      "En säljare hör till ett team. Använd /team move för att flytta hit en säljare från ett annat team.",
    "team.modal.timeZone": "Tidszon",
    "team.modal.timeZoneHint": "IANA-namn, som Europe/Stockholm eller America/New_York.",
    "team.modal.language": "Språk i teaminlägg",
    "team.modal.currency": "Valuta",
    "team.modal.currencyHint": "Kod på tre bokstäver: SEK, EUR, USD…",
    "team.modal.holidays": "Helgdagar enligt",
    "team.modal.holidaysHint": "Landskod på två bokstäver: SE, NO, GB, US…",
    "team.modal.workWeek": "Arbetsdagar",
    "team.modal.quotaPeriod": "Kvotperiod",
    "team.modal.escalationHours": "Arbetstimmar att kvittera en eskalering",
    "team.modal.escalationHoursHint":
      "Efter så många arbetstimmar påminns handledarna; efter dubbelt så många får chefen som eskalerade veta det.",
    "team.modal.policyReminderDays": "Arbetsdagar att bekräfta en policy",
    "team.modal.policyReminderDaysHint":
      "Säljare som inte bekräftat en policy påminns efter så många arbetsdagar, och igen efter lika många till; sedan får handledarna veta det.",
    "team.routine.motivation": "Motivationsinlägg",
    "team.routine.spotlight": "Produkt i fokus",
    "team.routine.standup": "Veckans standup",
    "team.routine.off": "av",
    "team.routine.schedule": (p) => `${p.days} kl. ${p.time}`,
    "team.routine.standupSchedule": (p) =>
      `${p.days} kl. ${p.time}, svar till ${p.cutoff}, frågas ${p.askIn === "dm" ? "i DM" : "i tråden"}`,
    "team.routine.invalidTime": (p) => `Jag kan inte läsa tiden ${p.value}: skriv den som 08:30.`,
    "team.routine.invalidDays": (p) =>
      `Jag kan inte läsa "${p.value}" som dagar: skriv dem som mån,tor eller mån-fre, sedan tiden: \`/team set ${p.routine} mån,tor 08:30\`.`,
    "team.routine.cutoffBeforeTime": (p) =>
      `Svarstiden måste sluta efter standupens tid (${p.time}); ${p.cutoff} gör inte det.`,
    "team.routine.cutoffUsage": "Säg när svaren stänger: `/team set standup cutoff 14:00`.",
    "team.routine.askUsage": (p) =>
      `Jag kan inte fråga säljarna i "${p.value}": skriv \`/team set standup ask thread\` (i standupens tråd) eller \`/team set standup ask dm\`.`,
    "team.routine.daysEmpty": "Välj minst en dag, eller stäng av det.",
    "team.routine.timeMissing": "Välj en tid.",
    "team.card.routines": "*Schemalagda inlägg*",
    "team.modal.routineOn": "På",
    "team.modal.routineDays": (p) => `${p.routine}: dagar`,
    "team.modal.routineTime": (p) => `${p.routine}: tid`,
    "team.modal.motivationHint":
      "Läget, hyllningar och milstolpar ur teamets aktuella siffror, i teamets kanal.",
    "team.modal.spotlightHint": "En produkt ur teamets lista med säljargument och de senaste affärerna.",
    "team.modal.standupHint":
      "Förra veckans resultat och veckans plan; varje säljare får berätta om framgångar, plan och hinder.",
    "team.modal.standupCutoff": "Standup: svar senast",
    "team.modal.standupCutoffHint": "Då postas sammanfattningen, samma dag; senare svar märks som sena.",
    "team.modal.standupAskIn": "Standup: fråga varje säljare",
    "team.askIn.thread": "I standupens tråd",
    "team.askIn.dm": "Som DM",
    "team.modal.created": (p) => `*${p.team}* är klart.`,
    "team.modal.updated": (p) => `*${p.team}* är sparat.`,
  },
);

/** The team feature's messages together with the common ones, as its translators see them. */
export const teamMessages = mergeMessages(mergeMessages(commonMessages, accessMessages), ownTeamMessages);
export type TeamMessages = (typeof teamMessages)["en"];
export type TeamMessageCatalogs = Catalogs<TeamMessages>;
