import { defineMessages } from "../../platform/i18n/index.js";

/** What the clock of routines tells people: when a routine they just set runs next. */
export const routineMessages = defineMessages(
  {
    "routines.next.motivation": (p: { day: string; time: string }) =>
      `The next motivation post is on ${p.day} at ${p.time}.`,
    "routines.next.spotlight": (p: { day: string; time: string }) =>
      `The next product spotlight is on ${p.day} at ${p.time}.`,
    "routines.next.standup": (p: { day: string; time: string }) =>
      `The next standup is on ${p.day} at ${p.time}.`,
  },
  {
    "routines.next.motivation": (p) => `Nästa motivationsinlägg kommer ${p.day} kl. ${p.time}.`,
    "routines.next.spotlight": (p) => `Nästa produkt i fokus kommer ${p.day} kl. ${p.time}.`,
    "routines.next.standup": (p) => `Nästa standup kommer ${p.day} kl. ${p.time}.`,
  },
);
export type RoutineMessages = (typeof routineMessages)["en"];
