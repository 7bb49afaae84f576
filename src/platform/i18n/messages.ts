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
  },
);
export type CommonMessages = (typeof commonMessages)["en"];
