import { defineMessages } from "./catalog.js";

/** Messages every feature may use: generic failures and refusals. */
export const commonMessages = defineMessages(
  {
    "common.error.unexpected": (p: { ref: string }) =>
      `Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, give your admin this reference: ${p.ref}.`,
    "common.error.slackUnavailable":
      "Sorry, Slack did not answer in time. Nothing was changed; please try again in a moment.",
    "common.error.stillWorking": "Working on it… I'll post the answer here in a moment.",
    "common.error.title": "Can't do that",
    "common.button.close": "Close",
    "common.error.expiredForm":
      "This form is out of date (it may have been open too long, or someone else changed the same thing). Please open it again.",
    "common.replayed": "This request reached me twice; it was done once.",
    "common.error.notInstalled":
      "Supervisor is not installed in this Slack workspace, so it cannot do this here. Ask a workspace admin to install it.",
    "common.saving.title": "Saving…",
    "common.saving.text": "Saving… Slack is slow to answer right now; this form updates itself in a moment.",
    "common.saved.title": "Saved",
    "common.saved.text": "Saved.",
    "common.done.title": "Done",
    "common.form.fix": (p: { problems: string[] }) =>
      `:warning: Not saved yet. Please fix:\n${p.problems.map((problem) => `• ${problem}`).join("\n")}`,
  },
  {
    "common.error.unexpected": (p: { ref: string }) =>
      `Förlåt, något gick fel hos oss. Försök igen om en stund; om det fortsätter, ge din administratör den här referensen: ${p.ref}.`,
    "common.error.slackUnavailable":
      "Förlåt, Slack svarade inte i tid. Inget ändrades; försök igen om en stund.",
    "common.error.stillWorking": "Jobbar på det… Jag skriver svaret här om en liten stund.",
    "common.error.title": "Det går inte",
    "common.button.close": "Stäng",
    "common.error.expiredForm":
      "Formuläret är inaktuellt (det kan ha varit öppet länge, eller så ändrade någon annan samma sak). Öppna det igen.",
    "common.replayed": "Den här förfrågan kom fram två gånger; den utfördes en gång.",
    "common.error.notInstalled":
      "Supervisor är inte installerad i den här Slack-arbetsytan, så det går inte att göra här. Be en administratör installera den.",
    "common.saving.title": "Sparar…",
    "common.saving.text": "Sparar… Slack svarar långsamt just nu; formuläret uppdateras om en liten stund.",
    "common.saved.title": "Sparat",
    "common.saved.text": "Sparat.",
    "common.done.title": "Klart",
    "common.form.fix": (p) =>
      `:warning: Inte sparat än. Rätta:\n${p.problems.map((problem) => `• ${problem}`).join("\n")}`,
  },
);
export type CommonMessages = (typeof commonMessages)["en"];
