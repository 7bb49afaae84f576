import { defineMessages } from "../../platform/i18n/index.js";

const salesEn = (count: number) => (count === 1 ? "1 sale" : `${count} sales`);
const salesSv = (count: number) => (count === 1 ? "1 affär" : `${count} affärer`);

/** The words of a product spotlight, as the team's channel reads them. */
export const spotlightMessages = defineMessages(
  {
    "spotlight.head": (p: { name: string }) => `:bulb: Product spotlight: ${p.name}`,
    "spotlight.points.title": "*Why customers choose it*",
    "spotlight.points.more": (p: { count: number }) => `…and ${p.count} more: \`/product\` lists them all.`,
    "spotlight.points.none": (p: { tag: string }) =>
      `No key selling points written down yet: a supervisor adds them with \`/product edit ${p.tag}\`.`,
    "spotlight.wins.title": (p: { count: number; days: number }) =>
      `*Latest wins with it* (${salesEn(p.count)} in the last ${p.days} days)`,
    "spotlight.wins.line": (p: { who: string; amount: string; on: string }) =>
      `• ${p.who}: ${p.amount}, ${p.on}`,
    "spotlight.wins.private": (p: { count: number; days: number }) =>
      `*Wins with it:* ${salesEn(p.count)} in the last ${p.days} days.`,
    "spotlight.wins.none": (p: { days: number }) =>
      `No wins with it in the last ${p.days} days yet: be the first!`,
    "spotlight.hint": (p: { tag: string }) => `Sold one? Check it in with \`/quota 5000 #${p.tag}\`.`,
  },
  {
    "spotlight.head": (p: { name: string }) => `:bulb: Produkt i fokus: ${p.name}`,
    "spotlight.points.title": "*Därför väljer kunderna den*",
    "spotlight.points.more": (p: { count: number }) => `…och ${p.count} till: \`/product\` visar alla.`,
    "spotlight.points.none": (p: { tag: string }) =>
      `Inga säljargument nedskrivna än: en handledare lägger till dem med \`/product ändra ${p.tag}\`.`,
    "spotlight.wins.title": (p: { count: number; days: number }) =>
      `*Senaste affärerna med den* (${salesSv(p.count)} de senaste ${p.days} dagarna)`,
    "spotlight.wins.line": (p: { who: string; amount: string; on: string }) =>
      `• ${p.who}: ${p.amount}, ${p.on}`,
    "spotlight.wins.private": (p: { count: number; days: number }) =>
      `*Affärer med den:* ${salesSv(p.count)} de senaste ${p.days} dagarna.`,
    "spotlight.wins.none": (p: { days: number }) =>
      `Inga affärer med den de senaste ${p.days} dagarna än: bli först!`,
    "spotlight.hint": (p: { tag: string }) => `Sålt en? Checka in den med \`/quota 5000 #${p.tag}\`.`,
  },
);

export type SpotlightMessages = (typeof spotlightMessages)["en"];
