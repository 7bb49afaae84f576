import { accessMessages } from "../../platform/access/index.js";
import { commonMessages, defineMessages, mergeMessages } from "../../platform/i18n/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);

/** Policies' own words: the forms, the rep's DM and its button, notices, reminders, status and lists. */
export const ownPolicyMessages = defineMessages(
  {
    "policies.modal.title": "Publish a policy",
    "policies.modal.reviseTitle": "Revise a policy",
    "policies.modal.submit": "Publish",
    "policies.modal.intro":
      "Each rep of the teams gets it by DM with a button to confirm they have read it; the team channel gets a short notice.",
    "policies.modal.reviseIntro": (p: { version: number }) =>
      `This becomes version ${p.version}. Every rep is asked to read and acknowledge it again.`,
    "policies.modal.titleLabel": "Title",
    "policies.modal.bodyLabel": "Policy text",
    "policies.modal.bodyHint": "What applies from the effective date. Reps read exactly this.",
    "policies.modal.effectiveLabel": "Effective from",
    "policies.modal.teamsLabel": "Teams",
    "policies.modal.teamsHint": "Supervisors publish for their own teams; executives for any.",

    "policies.error.titleMissing": "Give the policy a title.",
    "policies.error.titleLong": (p: { max: number }) => `A title has at most ${p.max} characters.`,
    "policies.error.bodyMissing": "Write the policy text: the reps read it in their DM.",
    "policies.error.bodyLong": (p: { max: number }) =>
      `The policy text has at most ${p.max} characters; link to a longer document if needed.`,
    "policies.error.effectiveMissing": "Choose the day it takes effect.",
    "policies.error.effectiveFar": "Choose a day within a year from today.",
    "policies.error.teamsMissing": "Choose at least one team.",
    "policies.error.noTeams": "There is no team to publish a policy for yet: `/team` creates one.",
    "policies.error.teamGone": "One of those teams no longer exists; open the form again.",
    "policies.error.revisedMeanwhile": (p: { version: number }) =>
      `Someone revised this policy meanwhile (now version ${p.version}); open it again to see the latest.`,
    "policies.gone": "That policy no longer exists. `/policy list` shows the policies.",
    "policies.retired": (p: { title: string }) => `“${p.title}” is retired; it cannot be changed.`,
    "policies.refused.acknowledge": "Only the rep this policy was sent to can acknowledge it.",

    "policies.sent.title": "Policy published",
    "policies.sent.text": (p: { title: string; reps: number; teams: string }) =>
      `“${p.title}” went to ${p.reps} ${p.reps === 1 ? "rep" : "reps"} in ${p.teams} by DM. \`/policy status\` shows who has acknowledged it.`,
    "policies.revised.title": "Policy revised",
    "policies.revised.text": (p: { title: string; version: number }) =>
      `Version ${p.version} of “${p.title}” went out: every rep is asked to acknowledge it again.`,

    "policies.dm.head": (p: { by: string; title: string }) =>
      `:scroll: <@${p.by}> published a policy for your team: *${p.title}*`,
    "policies.dm.headRevised": (p: { by: string; title: string; version: number }) =>
      `:scroll: <@${p.by}> revised a policy for your team: *${p.title}* (version ${p.version})`,
    "policies.dm.effective": (p: { date: string }) => `*Effective from:* ${p.date}`,
    "policies.dm.ask": "Please read it, then confirm with the button below.",
    "policies.dm.acknowledged": (p: { at: string }) =>
      `:white_check_mark: You acknowledged this version on ${p.at}.`,
    "policies.dm.replaced": (p: { version: number }) =>
      `This version was replaced by version ${p.version}, which came in a new message.`,
    "policies.dm.retired": (p: { date: string }) => `This policy was retired on ${p.date}; nothing to do.`,
    "policies.button.acknowledge": "I have read and will follow this",
    "policies.done.acknowledged": "Thank you: acknowledged. Your supervisor sees it.",
    "policies.already.acknowledged": (p: { at: string }) =>
      `You acknowledged this already, on ${p.at}; nothing changed.`,
    "policies.click.replaced": (p: { version: number }) =>
      `This version was replaced by version ${p.version}: acknowledge the new message instead.`,
    "policies.click.retired": "This policy was retired: there is nothing to acknowledge.",

    "policies.notice.published": (p: { title: string; date: string }) =>
      `:scroll: New policy: *${p.title}*, effective from ${p.date}. Each rep gets it by DM to read and acknowledge.`,
    "policies.notice.revised": (p: { title: string; version: number; date: string }) =>
      `:scroll: Policy revised: *${p.title}* (version ${p.version}), effective from ${p.date}. Each rep gets it by DM to acknowledge again.`,

    "policies.remind.first": (p: { title: string }) =>
      `Reminder: please read the policy *${p.title}* and confirm that you will follow it.`,
    "policies.remind.second": (p: { title: string }) =>
      `Second reminder: the policy *${p.title}* still waits for your acknowledgement. Your supervisor will be told if it stays open.`,
    "policies.remind.open": "Open the policy",
    "policies.missing": (p: { title: string; version: number; team: string; reps: string[] }) =>
      `After two reminders, ${en.format(who(p.reps))} in ${p.team} ${p.reps.length === 1 ? "has" : "have"} not acknowledged *${p.title}* (version ${p.version}).`,

    "policies.status.head": (p: { id: number; title: string; version: number }) =>
      `*${p.title}* (#${p.id}, version ${p.version})`,
    "policies.status.summary": (p: { date: string; teams: string; done: number; total: number }) =>
      `Effective from ${p.date} · ${p.teams} · ${p.done} of ${p.total} acknowledged`,
    "policies.status.retired": "Retired",
    "policies.status.done": (p: { rep: string; at: string }) =>
      `:white_check_mark: <@${p.rep}>: acknowledged ${p.at}`,
    "policies.status.waiting": (p: { rep: string; reminders: number }) =>
      `:hourglass_flowing_sand: <@${p.rep}>: not yet${p.reminders > 0 ? ` (${p.reminders} ${p.reminders === 1 ? "reminder" : "reminders"})` : ""}`,
    "policies.status.onLeave": "on leave today",
    "policies.status.overdue": "overdue",
    "policies.status.noReps": "No reps in its teams yet.",
    "policies.status.none": "No policies yet. `/policy` publishes one.",
    "policies.status.more": (p: { count: number }) => `…and ${p.count} more.`,
    "policies.list.head": "*Policies*",
    "policies.list.item": (p: { id: number; title: string; version: number; done: number; total: number }) =>
      `• #${p.id} *${p.title}*, version ${p.version}: ${p.done} of ${p.total} acknowledged`,
    "policies.list.itemRetired": (p: { id: number; title: string; version: number }) =>
      `• #${p.id} ~${p.title}~, version ${p.version}: retired`,
    "policies.mine.head": "*Policies waiting for your acknowledgement*",
    "policies.mine.none": "No policy waits for your acknowledgement.",
    "policies.mine.item": (p: { title: string; date: string }) => `• *${p.title}*, effective from ${p.date}`,
    "policies.retire.done": (p: { title: string }) =>
      `“${p.title}” is retired: no more reminders, and the reps' buttons are gone.`,
    "policies.retire.already": (p: { title: string }) => `“${p.title}” was retired already; nothing changed.`,
    "policies.idMissing":
      "Say which policy by its number, e.g. `/policy revise 3`; `/policy list` shows the numbers.",
    "policies.help": [
      "*Policies*",
      "• `/policy`: publish a policy (executives; supervisors for their own teams)",
      "• `/policy list`: the policies and how many acknowledged each",
      "• `/policy status [number]`: who has acknowledged, per rep",
      "• `/policy revise number`: a new version, acknowledged again",
      "• `/policy retire number`: no more reminders",
      "• `/policy mine`: what waits for your acknowledgement",
    ].join("\n"),
  },
  {
    "policies.modal.title": "Publicera en policy",
    "policies.modal.reviseTitle": "Revidera en policy",
    "policies.modal.submit": "Publicera",
    "policies.modal.intro":
      "Varje säljare i teamen får den som DM med en knapp för att bekräfta att de läst den; teamkanalen får en kort notis.",
    "policies.modal.reviseIntro": (p) =>
      `Det här blir version ${p.version}. Alla säljare ombeds läsa och bekräfta den igen.`,
    "policies.modal.titleLabel": "Rubrik",
    "policies.modal.bodyLabel": "Policytext",
    "policies.modal.bodyHint": "Vad som gäller från och med datumet. Säljarna läser exakt detta.",
    "policies.modal.effectiveLabel": "Gäller från",
    "policies.modal.teamsLabel": "Team",
    "policies.modal.teamsHint": "Handledare publicerar för sina egna team; chefer för alla.",

    "policies.error.titleMissing": "Ge policyn en rubrik.",
    "policies.error.titleLong": (p) => `En rubrik har högst ${p.max} tecken.`,
    "policies.error.bodyMissing": "Skriv policytexten: säljarna läser den i sitt DM.",
    "policies.error.bodyLong": (p) =>
      `Policytexten har högst ${p.max} tecken; länka till ett längre dokument vid behov.`,
    "policies.error.effectiveMissing": "Välj dagen den börjar gälla.",
    "policies.error.effectiveFar": "Välj en dag inom ett år från i dag.",
    "policies.error.teamsMissing": "Välj minst ett team.",
    "policies.error.noTeams": "Det finns inget team att publicera en policy för än: `/team` skapar ett.",
    "policies.error.teamGone": "Ett av de teamen finns inte längre; öppna formuläret igen.",
    "policies.error.revisedMeanwhile": (p) =>
      `Någon reviderade policyn under tiden (nu version ${p.version}); öppna den igen för att se den senaste.`,
    "policies.gone": "Den policyn finns inte längre. `/policy lista` visar policyerna.",
    "policies.retired": (p) => `”${p.title}” är avvecklad; den kan inte ändras.`,
    "policies.refused.acknowledge": "Bara säljaren som policyn skickades till kan bekräfta den.",

    "policies.sent.title": "Policy publicerad",
    "policies.sent.text": (p) =>
      `”${p.title}” gick till ${p.reps} ${p.reps === 1 ? "säljare" : "säljare"} i ${p.teams} som DM. \`/policy status\` visar vem som bekräftat den.`,
    "policies.revised.title": "Policy reviderad",
    "policies.revised.text": (p) =>
      `Version ${p.version} av ”${p.title}” gick ut: alla säljare ombeds bekräfta den igen.`,

    "policies.dm.head": (p) => `:scroll: <@${p.by}> publicerade en policy för ditt team: *${p.title}*`,
    "policies.dm.headRevised": (p) =>
      `:scroll: <@${p.by}> reviderade en policy för ditt team: *${p.title}* (version ${p.version})`,
    "policies.dm.effective": (p) => `*Gäller från:* ${p.date}`,
    "policies.dm.ask": "Läs den och bekräfta sedan med knappen nedan.",
    "policies.dm.acknowledged": (p) => `:white_check_mark: Du bekräftade den här versionen ${p.at}.`,
    "policies.dm.replaced": (p) =>
      `Den här versionen ersattes av version ${p.version}, som kom i ett nytt meddelande.`,
    "policies.dm.retired": (p) => `Policyn avvecklades ${p.date}; inget att göra.`,
    "policies.button.acknowledge": "Jag har läst och kommer att följa detta",
    "policies.done.acknowledged": "Tack: bekräftat. Din handledare ser det.",
    "policies.already.acknowledged": (p) => `Du har redan bekräftat den, ${p.at}; inget ändrades.`,
    "policies.click.replaced": (p) =>
      `Den här versionen ersattes av version ${p.version}: bekräfta det nya meddelandet i stället.`,
    "policies.click.retired": "Policyn är avvecklad: det finns inget att bekräfta.",

    "policies.notice.published": (p) =>
      `:scroll: Ny policy: *${p.title}*, gäller från ${p.date}. Varje säljare får den som DM för att läsa och bekräfta.`,
    "policies.notice.revised": (p) =>
      `:scroll: Policy reviderad: *${p.title}* (version ${p.version}), gäller från ${p.date}. Varje säljare får den som DM för att bekräfta igen.`,

    "policies.remind.first": (p) =>
      `Påminnelse: läs policyn *${p.title}* och bekräfta att du kommer att följa den.`,
    "policies.remind.second": (p) =>
      `Andra påminnelsen: policyn *${p.title}* väntar fortfarande på din bekräftelse. Din handledare får veta om den förblir obekräftad.`,
    "policies.remind.open": "Öppna policyn",
    "policies.missing": (p) =>
      `Efter två påminnelser har ${sv.format(who(p.reps))} i ${p.team} inte bekräftat *${p.title}* (version ${p.version}).`,

    "policies.status.head": (p) => `*${p.title}* (nr ${p.id}, version ${p.version})`,
    "policies.status.summary": (p) =>
      `Gäller från ${p.date} · ${p.teams} · ${p.done} av ${p.total} har bekräftat`,
    "policies.status.retired": "Avvecklad",
    "policies.status.done": (p) => `:white_check_mark: <@${p.rep}>: bekräftade ${p.at}`,
    "policies.status.waiting": (p) =>
      `:hourglass_flowing_sand: <@${p.rep}>: inte än${p.reminders > 0 ? ` (${p.reminders} ${p.reminders === 1 ? "påminnelse" : "påminnelser"})` : ""}`,
    "policies.status.onLeave": "ledig i dag",
    "policies.status.overdue": "försenad",
    "policies.status.noReps": "Inga säljare i dess team än.",
    "policies.status.none": "Inga policyer än. `/policy` publicerar en.",
    "policies.status.more": (p) => `…och ${p.count} till.`,
    "policies.list.head": "*Policyer*",
    "policies.list.item": (p) =>
      `• #${p.id} *${p.title}*, version ${p.version}: ${p.done} av ${p.total} har bekräftat`,
    "policies.list.itemRetired": (p) => `• #${p.id} ~${p.title}~, version ${p.version}: avvecklad`,
    "policies.mine.head": "*Policyer som väntar på din bekräftelse*",
    "policies.mine.none": "Ingen policy väntar på din bekräftelse.",
    "policies.mine.item": (p) => `• *${p.title}*, gäller från ${p.date}`,
    "policies.retire.done": (p) =>
      `”${p.title}” är avvecklad: inga fler påminnelser, och säljarnas knappar är borta.`,
    "policies.retire.already": (p) => `”${p.title}” var redan avvecklad; inget ändrades.`,
    "policies.idMissing":
      "Ange vilken policy med dess nummer, t.ex. `/policy revidera 3`; `/policy lista` visar numren.",
    "policies.help": [
      "*Policyer*",
      "• `/policy`: publicera en policy (chefer; handledare för sina egna team)",
      "• `/policy lista`: policyerna och hur många som bekräftat var och en",
      "• `/policy status [nummer]`: vem som bekräftat, per säljare",
      "• `/policy revidera nummer`: en ny version, som bekräftas igen",
      "• `/policy avveckla nummer`: inga fler påminnelser",
      "• `/policy mina`: det som väntar på din bekräftelse",
    ].join("\n"),
  },
);

export const policyMessages = mergeMessages(mergeMessages(commonMessages, accessMessages), ownPolicyMessages);
export type PolicyMessages = (typeof policyMessages)["en"];
