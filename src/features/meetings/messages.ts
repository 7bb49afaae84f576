import { defineMessages, mergeMessages } from "../../platform/i18n/index.js";
import { teamMessages } from "../team/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });

/** Meetings' own words: the form, the list, the answers, the reminders and refusals. */
export const ownMeetingMessages = defineMessages(
  {
    "meetings.kind.sales": "Sales meeting",
    "meetings.kind.executive": "Executive meeting",
    "meetings.kind.oneOnOne": "1:1 with a rep",
    "meetings.where.team": "The team channel",
    "meetings.where.channel": "Another channel",
    "meetings.where.dm": "By DM to each attendee",

    "meetings.modal.addTitle": "Add a meeting",
    "meetings.modal.editTitle": "Edit the meeting",
    "meetings.modal.submit": "Save",
    "meetings.modal.intro": (p: { team: string }) =>
      `A recurring meeting of *${p.team}*. Reminders are posted before it; people on approved leave that day are not mentioned.`,
    "meetings.modal.kind": "Kind",
    "meetings.modal.title": "Title",
    "meetings.modal.rep": "The rep (for a 1:1)",
    "meetings.modal.days": "Days",
    "meetings.modal.time": "Time",
    "meetings.modal.cron": "Or a cron expression",
    "meetings.modal.cronHint":
      "Optional, instead of days and time: five fields, minute hour day month weekday, e.g. `30 9 * * 1-5`.",
    "meetings.modal.zone": "Time zone",
    "meetings.modal.zoneHint": "An IANA time zone such as Europe/Stockholm; the team's by default.",
    "meetings.modal.where": "Reminders go to",
    "meetings.modal.whereHint": "Unless you choose: the team channel; a 1:1 by DM to the rep and you.",
    "meetings.modal.channel": "The other channel",
    "meetings.modal.agenda": "Agenda",
    "meetings.modal.offsets": "Reminders before",
    "meetings.modal.offsetsHint": "Up to 5, such as `1d, 15m` (d days, h hours, m minutes), at most 7 days.",
    "meetings.day.1": "Monday",
    "meetings.day.2": "Tuesday",
    "meetings.day.3": "Wednesday",
    "meetings.day.4": "Thursday",
    "meetings.day.5": "Friday",
    "meetings.day.6": "Saturday",
    "meetings.day.7": "Sunday",

    "meetings.error.titleMissing": "Give the meeting a title.",
    "meetings.error.repMissing": "Choose the rep of the 1:1.",
    "meetings.error.repNotInTeam": (p: { team: string }) => `Choose a rep of ${p.team}.`,
    "meetings.error.daysMissing": "Choose the days, or write a cron expression below.",
    "meetings.error.timeMissing": "Choose the time, or write a cron expression below.",
    "meetings.error.cron":
      "That is not a cron expression: write five fields, minute hour day month weekday, such as `30 9 * * 1`.",
    "meetings.error.zone": "That is not a time zone: write one such as Europe/Stockholm or America/New_York.",
    "meetings.error.channelMissing": "Choose the channel.",
    "meetings.error.dmNotForSales":
      "A sales meeting is announced in a channel; choose the team channel or another channel.",
    "meetings.error.offsetsFormat":
      "Write the reminders as `1d, 15m`: a number with d, h or m, comma between.",
    "meetings.error.offsetsTooMany": "At most 5 reminders.",
    "meetings.error.offsetsTooLong": "A reminder can be at most 7 days before the meeting.",
    "meetings.refused.manage": (p: { team: string; supervisors: string[] }) =>
      `Meetings of ${p.team} are added and changed by its supervisors${p.supervisors.length ? ` (${en.format(p.supervisors.map((s) => `<@${s}>`))})` : ""} and admins; executive meetings by executives too. You can see them with \`/meeting list\`.`,
    "meetings.refused.list": (p: { team: string }) =>
      `The meetings of ${p.team} are seen by its members, executives and admins.`,
    "meetings.gone": (p: { id: number }) =>
      `There is no meeting #${p.id} in this team. See them with \`/meeting list\`.`,

    "meetings.list.header": (p: { team: string }) => `*Meetings of ${p.team}*`,
    "meetings.list.empty": (p: { team: string }) =>
      `${p.team} has no meetings yet. Supervisors add one with \`/meeting add\`.`,
    "meetings.list.line": (p: { id: number; title: string; kind: string; next: string; where: string }) =>
      `• *#${p.id} ${p.title}* (${p.kind}): next ${p.next}; reminders ${p.where}`,
    "meetings.list.paused": (p: { id: number; title: string; kind: string }) =>
      `• ~#${p.id} ${p.title}~ (${p.kind}): paused`,
    "meetings.list.never": "never (the schedule has no time in the coming year)",
    "meetings.list.inChannel": (p: { channel: string }) => `in <#${p.channel}>`,
    "meetings.list.byDm": "by DM",
    "meetings.list.footer":
      "`/meeting edit N`, `/meeting pause N`, `/meeting resume N`, `/meeting delete N`, N being the number in the list (supervisors and admins).",
    "meetings.when": (p: { date: string; time: string; zone: string }) =>
      `${p.date} at ${p.time} (${p.zone})`,

    "meetings.saved.title": "Meeting saved",
    "meetings.saved.text": (p: { id: number; title: string; next: string }) =>
      `*#${p.id} ${p.title}* is saved. Next: ${p.next}.`,
    "meetings.paused": (p: { id: number; title: string }) =>
      `*#${p.id} ${p.title}* is paused: no reminders until you resume it with \`/meeting resume ${p.id}\`.`,
    "meetings.alreadyPaused": (p: { id: number; title: string }) =>
      `*#${p.id} ${p.title}* was paused already.`,
    "meetings.resumed": (p: { id: number; title: string; next: string }) =>
      `*#${p.id} ${p.title}* is on again. Next: ${p.next}.`,
    "meetings.alreadyActive": (p: { id: number; title: string }) => `*#${p.id} ${p.title}* was on already.`,
    "meetings.confirmDelete": (p: { id: number; title: string }) =>
      `Delete *#${p.id} ${p.title}*? Its reminders stop; this cannot be undone.`,
    "meetings.button.delete": "Delete",
    "meetings.button.keep": "Keep it",
    "meetings.deleted": (p: { id: number; title: string }) => `*#${p.id} ${p.title}* is deleted.`,
    "meetings.kept": (p: { title: string }) => `Kept: *${p.title}*.`,
    "meetings.alreadyDeleted": (p: { id: number; title: string }) =>
      `*#${p.id} ${p.title}* was deleted already; its reminders have stopped.`,

    "meetings.remind.head": (p: { kind: string; title: string; when: string }) =>
      `:calendar: Reminder: *${p.title}* (${p.kind}): ${p.when}`,
    "meetings.remind.gap": (p: { asked: string; at: string }) =>
      `${p.asked} does not exist that day (the clocks go forward), so the meeting is at ${p.at}.`,
    "meetings.remind.where": (p: { channel: string }) => `*Where:* <#${p.channel}>`,
    "meetings.remind.whereDm": "*Where:* as agreed (this reminder came by DM)",
    "meetings.remind.agenda": (p: { agenda: string }) => `*Agenda:*\n${p.agenda}`,
    "meetings.remind.attendees": (p: { users: string[] }) =>
      `*Attendees:* ${p.users.map((u) => `<@${u}>`).join(" ")}`,
    "meetings.remind.out": (p: { names: string }) => `*Out that day (on leave):* ${p.names}`,
    "meetings.review": (p: { title: string; when: string; team: string }) =>
      `:bar_chart: Before *${p.title}* (${p.when}): review how ${p.team} stands. \`/report productivity\` and \`/report policy\` show you the reports; the button sends both (charts and CSVs included) to the meeting's executives.`,
    "meetings.review.send": "Generate and send to executives",

    "meetings.help": [
      "*Meetings*",
      "• `/meeting list`: the team's meetings and when each is next (everyone in the team)",
      "• `/meeting add`: add a sales meeting, an executive meeting or a 1:1 (supervisors and admins; executive meetings executives too)",
      "• `/meeting edit N`, `/meeting pause N`, `/meeting resume N`, `/meeting delete N`",
      "Reminders are posted before each meeting (by default 1 day and 15 minutes before), in the team's time zone; people on approved leave that day are listed as out, not mentioned. Run it in the team channel, or anywhere if you are in one team.",
    ].join("\n"),
  },
  {
    "meetings.kind.sales": "Säljmöte",
    "meetings.kind.executive": "Ledningsmöte",
    "meetings.kind.oneOnOne": "Enskilt samtal med en säljare",
    "meetings.where.team": "Teamets kanal",
    "meetings.where.channel": "En annan kanal",
    "meetings.where.dm": "Som DM till var och en",

    "meetings.modal.addTitle": "Lägg till ett möte",
    "meetings.modal.editTitle": "Ändra mötet",
    "meetings.modal.submit": "Spara",
    "meetings.modal.intro": (p: { team: string }) =>
      `Ett återkommande möte för *${p.team}*. Påminnelser skickas före mötet; den som har beviljad ledighet den dagen nämns inte.`,
    "meetings.modal.kind": "Typ",
    "meetings.modal.title": "Rubrik",
    "meetings.modal.rep": "Säljaren (för ett enskilt samtal)",
    "meetings.modal.days": "Dagar",
    "meetings.modal.time": "Tid",
    "meetings.modal.cron": "Eller ett cron-uttryck",
    "meetings.modal.cronHint":
      "Frivilligt, i stället för dagar och tid: fem fält, minut timme dag månad veckodag, t.ex. `30 9 * * 1-5`.",
    "meetings.modal.zone": "Tidszon",
    "meetings.modal.zoneHint": "En IANA-tidszon som Europe/Stockholm; teamets om inget annat anges.",
    "meetings.modal.where": "Påminnelser skickas till",
    "meetings.modal.whereHint":
      "Om du inte väljer: teamets kanal; ett enskilt samtal som DM till säljaren och dig.",
    "meetings.modal.channel": "Den andra kanalen",
    "meetings.modal.agenda": "Dagordning",
    "meetings.modal.offsets": "Påminn före",
    "meetings.modal.offsetsHint":
      "Upp till 5, t.ex. `1d, 15m` (d dagar, h timmar, m minuter), högst 7 dagar.",
    "meetings.day.1": "måndag",
    "meetings.day.2": "tisdag",
    "meetings.day.3": "onsdag",
    "meetings.day.4": "torsdag",
    "meetings.day.5": "fredag",
    "meetings.day.6": "lördag",
    "meetings.day.7": "söndag",

    "meetings.error.titleMissing": "Ge mötet en rubrik.",
    "meetings.error.repMissing": "Välj säljaren för det enskilda samtalet.",
    "meetings.error.repNotInTeam": (p: { team: string }) => `Välj en säljare i ${p.team}.`,
    "meetings.error.daysMissing": "Välj dagarna, eller skriv ett cron-uttryck nedan.",
    "meetings.error.timeMissing": "Välj tiden, eller skriv ett cron-uttryck nedan.",
    "meetings.error.cron":
      "Det är inget cron-uttryck: skriv fem fält, minut timme dag månad veckodag, t.ex. `30 9 * * 1`.",
    "meetings.error.zone": "Det är ingen tidszon: skriv en som Europe/Stockholm eller America/New_York.",
    "meetings.error.channelMissing": "Välj kanalen.",
    "meetings.error.dmNotForSales":
      "Ett säljmöte meddelas i en kanal; välj teamets kanal eller en annan kanal.",
    "meetings.error.offsetsFormat":
      "Skriv påminnelserna som `1d, 15m`: ett tal med d, h eller m, kommatecken emellan.",
    "meetings.error.offsetsTooMany": "Högst 5 påminnelser.",
    "meetings.error.offsetsTooLong": "En påminnelse kan komma högst 7 dagar före mötet.",
    "meetings.refused.manage": (p: { team: string; supervisors: string[] }) =>
      `Möten för ${p.team} läggs till och ändras av teamets handledare${p.supervisors.length ? ` (${sv.format(p.supervisors.map((s) => `<@${s}>`))})` : ""} och administratörer; ledningsmöten även av chefer. Du ser dem med \`/meeting lista\`.`,
    "meetings.refused.list": (p: { team: string }) =>
      `Mötena för ${p.team} ses av teamets medlemmar, chefer och administratörer.`,
    "meetings.gone": (p: { id: number }) =>
      `Det finns inget möte #${p.id} i det här teamet. Se dem med \`/meeting lista\`.`,

    "meetings.list.header": (p: { team: string }) => `*Möten för ${p.team}*`,
    "meetings.list.empty": (p: { team: string }) =>
      `${p.team} har inga möten än. Handledare lägger till ett med \`/meeting ny\`.`,
    "meetings.list.line": (p: { id: number; title: string; kind: string; next: string; where: string }) =>
      `• *#${p.id} ${p.title}* (${p.kind}): nästa ${p.next}; påminnelser ${p.where}`,
    "meetings.list.paused": (p: { id: number; title: string; kind: string }) =>
      `• ~#${p.id} ${p.title}~ (${p.kind}): pausat`,
    "meetings.list.never": "aldrig (schemat har ingen tid det kommande året)",
    "meetings.list.inChannel": (p: { channel: string }) => `i <#${p.channel}>`,
    "meetings.list.byDm": "som DM",
    "meetings.list.footer":
      "`/meeting ändra N`, `/meeting pausa N`, `/meeting återuppta N`, `/meeting radera N`, där N är numret i listan (handledare och administratörer).",
    "meetings.when": (p: { date: string; time: string; zone: string }) =>
      `${p.date} kl. ${p.time} (${p.zone})`,

    "meetings.saved.title": "Mötet sparat",
    "meetings.saved.text": (p: { id: number; title: string; next: string }) =>
      `*#${p.id} ${p.title}* är sparat. Nästa: ${p.next}.`,
    "meetings.paused": (p: { id: number; title: string }) =>
      `*#${p.id} ${p.title}* är pausat: inga påminnelser förrän du återupptar det med \`/meeting återuppta ${p.id}\`.`,
    "meetings.alreadyPaused": (p: { id: number; title: string }) => `*#${p.id} ${p.title}* var redan pausat.`,
    "meetings.resumed": (p: { id: number; title: string; next: string }) =>
      `*#${p.id} ${p.title}* är igång igen. Nästa: ${p.next}.`,
    "meetings.alreadyActive": (p: { id: number; title: string }) => `*#${p.id} ${p.title}* var redan igång.`,
    "meetings.confirmDelete": (p: { id: number; title: string }) =>
      `Radera *#${p.id} ${p.title}*? Påminnelserna upphör; det går inte att ångra.`,
    "meetings.button.delete": "Radera",
    "meetings.button.keep": "Behåll",
    "meetings.deleted": (p: { id: number; title: string }) => `*#${p.id} ${p.title}* är raderat.`,
    "meetings.kept": (p: { title: string }) => `Behållet: *${p.title}*.`,
    "meetings.alreadyDeleted": (p: { id: number; title: string }) =>
      `*#${p.id} ${p.title}* är redan raderat; påminnelserna har upphört.`,

    "meetings.remind.head": (p: { kind: string; title: string; when: string }) =>
      `:calendar: Påminnelse: *${p.title}* (${p.kind}): ${p.when}`,
    "meetings.remind.gap": (p: { asked: string; at: string }) =>
      `${p.asked} finns inte den dagen (klockan ställs fram), så mötet är ${p.at}.`,
    "meetings.remind.where": (p: { channel: string }) => `*Var:* <#${p.channel}>`,
    "meetings.remind.whereDm": "*Var:* som överenskommet (påminnelsen kom som DM)",
    "meetings.remind.agenda": (p: { agenda: string }) => `*Dagordning:*\n${p.agenda}`,
    "meetings.remind.attendees": (p: { users: string[] }) =>
      `*Deltagare:* ${p.users.map((u) => `<@${u}>`).join(" ")}`,
    "meetings.remind.out": (p: { names: string }) => `*Lediga den dagen:* ${p.names}`,
    "meetings.review": (p: { title: string; when: string; team: string }) =>
      `:bar_chart: Inför *${p.title}* (${p.when}): se hur ${p.team} ligger till. \`/report produktivitet\` och \`/report policy\` visar dig rapporterna; knappen skickar båda (med diagram och CSV) till mötets chefer.`,
    "meetings.review.send": "Ta fram och skicka till cheferna",

    "meetings.help": [
      "*Möten*",
      "• `/meeting lista`: teamets möten och när vart och ett är nästa gång (alla i teamet)",
      "• `/meeting ny`: lägg till ett säljmöte, ett ledningsmöte eller ett enskilt samtal (handledare och administratörer; ledningsmöten även chefer)",
      "• `/meeting ändra N`, `/meeting pausa N`, `/meeting återuppta N`, `/meeting radera N`",
      "Påminnelser skickas före varje möte (normalt 1 dag och 15 minuter före), i teamets tidszon; den som har beviljad ledighet den dagen står som ledig och nämns inte. Kör kommandot i teamets kanal, eller var som helst om du är med i ett team.",
    ].join("\n"),
  },
);

/** With the team directory's words: "run it in the team channel" is the team's to say. */
export const meetingMessages = mergeMessages(teamMessages, ownMeetingMessages);
export type MeetingMessages = (typeof meetingMessages)["en"];
