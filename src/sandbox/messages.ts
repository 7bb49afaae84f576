import { defineMessages, type Language, languageOf } from "../platform/i18n/index.js";

/**
 * The sandbox page's own words (its chrome, not the app's messages), in the acting person's language.
 * Plain strings only: they travel to the browser as JSON, and `{name}` placeholders are filled in there.
 */
export const sandboxMessages = defineMessages(
  {
    "ui.title": "Supervisor sandbox",
    "ui.sandbox": "Sandbox",
    "ui.actingAs": "Acting as",
    "ui.switchPerson": "Switch person",
    "ui.persona.admin": "Workspace admin",
    "ui.persona.executive": "Executive",
    "ui.persona.supervisor": "Sales supervisor",
    "ui.persona.rep": "Sales rep",
    "ui.localTime": "{time} local time",
    "ui.reset": "Reset demo",
    "ui.reset.title": "Reset the demo?",
    "ui.reset.text":
      "Everything done in this sandbox is deleted, and the demo workspace and its data start over.",
    "ui.reset.confirm": "Reset",
    "ui.reset.working": "Resetting the demo…",
    "ui.reset.unavailable":
      "Reset works with the embedded database only. DATABASE_URL is set: reset that database yourself.",
    "ui.cancel": "Cancel",
    "ui.close": "Close",
    "ui.sidebar.channels": "Channels",
    "ui.sidebar.dms": "Direct messages",
    "ui.sidebar.apps": "Apps",
    "ui.app.badge": "APP",
    "ui.app.home": "Home",
    "ui.app.messages": "Messages",
    "ui.app.about": "About",
    "ui.app.noHome":
      "{app} has not published a Home tab for you yet. Until it does, this is the sandbox's guide.",
    "ui.app.homeOff": "{app} has no Home tab yet; this is the sandbox's guide.",
    "ui.app.commands": "Slash commands",
    "ui.app.shortcuts": "Shortcuts",
    "ui.app.credits": "Emoji pictures: Twemoji, by Twitter and other contributors, CC-BY 4.0.",
    "ui.start.title": "Getting started",
    "ui.start.you": "You are {name}.",
    "ui.start.you.admin": "You are {name}, a workspace admin: you set up the teams.",
    "ui.start.you.executive":
      "You are {name}, an executive: you follow how the teams are doing. Something wrong with a rep's message? Use ⋯ on it, then Escalate this message: their supervisor handles it, the rep is not told.",
    "ui.start.you.supervisor":
      "You are {name}, the team's supervisor: you set the targets and follow your reps. Escalations, leave requests and coaching reviews come to you by DM, and /warn and /coach are for a rep who needs more than a word.",
    "ui.start.you.rep": "You are {name}, a sales rep: you check in your sales and see your pace.",
    "ui.start.try": "Try first:",
    "ui.start.in": "in #{channel}",
    "ui.start.howTo": "Click a command to put it in the message box of its channel, then press Enter.",
    "ui.start.more":
      "Type / in a message box for all of the app's commands, and use Acting as (top right) to try another part.",
    "ui.start.supervisor.targets": "your reps' targets for this period, in a form",
    "ui.start.supervisor.team": "the team's leaderboard",
    "ui.start.rep.checkin": "check in a sale of 12,500 to Acme",
    "ui.start.rep.progress": "your progress and pace this period",
    "ui.start.rep.leave": "request vacation or report sick leave, in a form",
    "ui.start.supervisor.leave":
      "who is out this week and next (requests for you to decide wait in your DMs)",
    "ui.start.admin.team": "the team of this channel: who leads it, who sells in it, its settings",
    "ui.start.admin.create": "a second team, for this channel, with a form",
    "ui.start.executive.team": "how the team is doing, posted in its channel",
    "ui.onlyYou": "Only visible to you",
    "ui.dismiss": "Dismiss message",
    "ui.slackbot": "Slackbot",
    "ui.edited": "(edited)",
    "ui.composer.channel": "Message #{channel}",
    "ui.composer.dm": "Message {name}",
    "ui.composer.send": "Send now",
    "ui.composer.readOnly":
      "Sending messages to this app has been turned off. Its slash commands still work.",
    "ui.composer.notSent.offline":
      "Not sent: the sandbox can't be reached. Your text is still here; press Enter to send it again once the sandbox is back.",
    "ui.composer.notSent.error": "Not sent: {message}",
    "ui.messages.newOne": "↓ 1 new message",
    "ui.messages.newMany": "↓ {count} new messages",
    "ui.composer.commands": "Slash commands",
    "ui.composer.people": "People",
    "ui.shortcuts.button": "Shortcuts",
    "ui.shortcuts.title": "Shortcuts",
    "ui.shortcuts.none": "No global shortcuts yet. Apps declare them in their manifest.",
    "ui.message.more": "More actions",
    "ui.message.shortcuts": "Message shortcuts",
    "ui.message.noShortcuts": "No message shortcuts yet",
    "ui.message.reply": "Reply in thread",
    "ui.thread.title": "Thread",
    "ui.thread.one": "1 reply",
    "ui.thread.many": "{count} replies",
    "ui.thread.placeholder": "Reply…",
    "ui.channel.intro": "This is the very beginning of the #{channel} channel.",
    "ui.channel.members": "{count} members",
    "ui.dm.intro": "This is the very beginning of your direct messages with {app}.",
    "ui.tip":
      "This is a simulated Slack workspace running the real {app} app. Type / in the message box to see its commands, and use Acting as (top right) to be someone else.",
    "ui.modal.optional": "(optional)",
    "ui.select.placeholder": "Select an option",
    "ui.select.search": "Search",
    "ui.select.none": "No matches",
    "ui.date.placeholder": "Select a date",
    "ui.today": "Today",
    "ui.yesterday": "Yesterday",
    "ui.unsupported": "This content can't be displayed.",
    "ui.error.generic": "That didn't work: {message}",
    "ui.error.offline": "Lost the connection to the sandbox. Reconnecting…",
    "ui.error.unreachable": "The sandbox can't be reached, so nothing was sent. Try again once it is back.",
    "ui.error.modalFailed": "We had some trouble connecting. Try again?",
    "ui.notValidCommand":
      "{command} is not a valid command. In Slack, all messages that start with the “/” character are interpreted as commands. If you are trying to send a message and not run a command, try preceding the “/” with an empty space.",
  },
  {
    "ui.title": "Supervisor-sandlåda",
    "ui.sandbox": "Sandlåda",
    "ui.actingAs": "Du är",
    "ui.switchPerson": "Byt person",
    "ui.persona.admin": "Arbetsplatsadministratör",
    "ui.persona.executive": "Chef",
    "ui.persona.supervisor": "Säljhandledare",
    "ui.persona.rep": "Säljare",
    "ui.localTime": "{time} lokal tid",
    "ui.reset": "Återställ demo",
    "ui.reset.title": "Återställa demon?",
    "ui.reset.text": "Allt som gjorts i sandlådan raderas, och demoarbetsplatsen och dess data börjar om.",
    "ui.reset.confirm": "Återställ",
    "ui.reset.working": "Återställer demon…",
    "ui.reset.unavailable":
      "Återställning fungerar bara med den inbyggda databasen. DATABASE_URL är satt: återställ den databasen själv.",
    "ui.cancel": "Avbryt",
    "ui.close": "Stäng",
    "ui.sidebar.channels": "Kanaler",
    "ui.sidebar.dms": "Direktmeddelanden",
    "ui.sidebar.apps": "Appar",
    "ui.app.badge": "APP",
    "ui.app.home": "Hem",
    "ui.app.messages": "Meddelanden",
    "ui.app.about": "Om",
    "ui.app.noHome":
      "{app} har inte publicerat någon hemflik för dig än. Tills dess är det här sandlådans guide.",
    "ui.app.homeOff": "{app} har ingen hemflik än; det här är sandlådans guide.",
    "ui.app.commands": "Snedstreckskommandon",
    "ui.app.shortcuts": "Genvägar",
    "ui.app.credits": "Emojibilder: Twemoji, av Twitter med flera, CC-BY 4.0.",
    "ui.start.title": "Kom igång",
    "ui.start.you": "Du är {name}.",
    "ui.start.you.admin": "Du är {name}, administratör för arbetsplatsen: du sätter upp teamen.",
    "ui.start.you.executive":
      "Du är {name}, chef: du följer hur det går för teamen. Något fel med en säljares meddelande? Välj ⋯ på det och Escalate this message: handledaren tar hand om det, säljaren får inte veta.",
    "ui.start.you.supervisor":
      "Du är {name}, teamets säljhandledare: du sätter målen och följer dina säljare. Eskaleringar, ledighetsansökningar och coachningsuppföljningar kommer till dig som DM, och /warn och /coach är för en säljare som behöver mer än ett ord.",
    "ui.start.you.rep": "Du är {name}, säljare: du checkar in dina affärer och ser din takt.",
    "ui.start.try": "Börja med:",
    "ui.start.in": "i #{channel}",
    "ui.start.howTo":
      "Klicka på ett kommando så hamnar det i meddelanderutan i rätt kanal. Tryck sedan Enter.",
    "ui.start.more":
      "Skriv / i en meddelanderuta för alla appens kommandon, och välj någon annan under Du är (uppe till höger) för att prova en annan roll.",
    "ui.start.supervisor.targets": "säljarnas mål för perioden, i ett formulär",
    "ui.start.supervisor.team": "teamets topplista",
    "ui.start.rep.checkin": "checka in en affär på 12 500 till Acme",
    "ui.start.rep.progress": "hur det går för dig och din takt den här perioden",
    "ui.start.rep.leave": "ansök om semester eller anmäl sjukfrånvaro, i ett formulär",
    "ui.start.supervisor.leave":
      "vem som är borta den här veckan och nästa (ansökningar att besluta om väntar i dina DM)",
    "ui.start.admin.team": "teamet i kanalen: vem som leder det, vem som säljer i det och dess inställningar",
    "ui.start.admin.create": "ett andra team, för den här kanalen, med ett formulär",
    "ui.start.executive.team": "hur det går för teamet, postat i kanalen",
    "ui.onlyYou": "Bara synligt för dig",
    "ui.dismiss": "Stäng meddelandet",
    "ui.slackbot": "Slackbot",
    "ui.edited": "(redigerat)",
    "ui.composer.channel": "Skriv till #{channel}",
    "ui.composer.dm": "Skriv till {name}",
    "ui.composer.send": "Skicka nu",
    "ui.composer.readOnly":
      "Det går inte att skicka meddelanden till den här appen. Dess snedstreckskommandon fungerar ändå.",
    "ui.composer.notSent.offline":
      "Inte skickat: sandlådan går inte att nå. Texten finns kvar; tryck Enter för att skicka den igen när sandlådan är tillbaka.",
    "ui.composer.notSent.error": "Inte skickat: {message}",
    "ui.messages.newOne": "↓ 1 nytt meddelande",
    "ui.messages.newMany": "↓ {count} nya meddelanden",
    "ui.composer.commands": "Snedstreckskommandon",
    "ui.composer.people": "Personer",
    "ui.shortcuts.button": "Genvägar",
    "ui.shortcuts.title": "Genvägar",
    "ui.shortcuts.none": "Inga globala genvägar än. Appar anger dem i sitt manifest.",
    "ui.message.more": "Fler åtgärder",
    "ui.message.shortcuts": "Meddelandegenvägar",
    "ui.message.noShortcuts": "Inga meddelandegenvägar än",
    "ui.message.reply": "Svara i tråd",
    "ui.thread.title": "Tråd",
    "ui.thread.one": "1 svar",
    "ui.thread.many": "{count} svar",
    "ui.thread.placeholder": "Svara…",
    "ui.channel.intro": "Det här är början av kanalen #{channel}.",
    "ui.channel.members": "{count} medlemmar",
    "ui.dm.intro": "Det här är början av dina direktmeddelanden med {app}.",
    "ui.tip":
      "Det här är en simulerad Slack-arbetsplats som kör den riktiga appen {app}. Skriv / i meddelanderutan för att se dess kommandon, och välj någon annan under Du är (uppe till höger).",
    "ui.modal.optional": "(valfritt)",
    "ui.select.placeholder": "Välj ett alternativ",
    "ui.select.search": "Sök",
    "ui.select.none": "Inga träffar",
    "ui.date.placeholder": "Välj ett datum",
    "ui.today": "I dag",
    "ui.yesterday": "I går",
    "ui.unsupported": "Det här innehållet kan inte visas.",
    "ui.error.generic": "Det fungerade inte: {message}",
    "ui.error.offline": "Tappade kontakten med sandlådan. Återansluter…",
    "ui.error.unreachable": "Sandlådan går inte att nå, så inget skickades. Försök igen när den är tillbaka.",
    "ui.error.modalFailed": "Vi fick problem med anslutningen. Försök igen?",
    "ui.notValidCommand":
      "{command} är inget giltigt kommando. I Slack tolkas alla meddelanden som börjar med tecknet ”/” som kommandon. Om du försöker skicka ett meddelande och inte köra ett kommando kan du skriva ett mellanslag före ”/”.",
  },
);

export type SandboxMessages = (typeof sandboxMessages)["en"];

/** The page's language for a person: their Slack locale's, English when we do not speak it. */
export function sandboxLanguage(locale: string | null | undefined): Language {
  return languageOf(locale) ?? "en";
}

/** Fills `{name}` placeholders (the same as the page does). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}
