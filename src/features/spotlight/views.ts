import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import { context, escapeMrkdwn, header, section } from "../../platform/slack/index.js";
import type { SpotlightMessages } from "./messages.js";
import { pointsToShow, WINS_DAYS } from "./rules.js";

type T = Translator<SpotlightMessages>;

/** A sale as the spotlight names it: who (a mention, or a plain name for someone away today), how much, when. */
export interface SpotlightWin {
  /** `<@U…>`, or the person's name already escaped. */
  who: string;
  amountMinor: number;
  currency: string;
  soldOn: string;
}

export interface Spotlight {
  product: { name: string; tag: string };
  points: readonly string[];
  wins: { private: boolean; count: number; latest: readonly SpotlightWin[] };
}

/** A calendar date (YYYY-MM-DD) in words: "Monday, March 2" / "måndag 2 mars". */
const dayText = (t: T, date: string) => t.date(new Date(`${date}T12:00:00Z`), "UTC", "weekdayDate");

/**
 * The spotlight post: the product's name as the header, its key selling points as a list, the latest wins
 * with it (or a nudge to be the first), and how to check in a sale of it. Everything people typed is escaped.
 */
export function spotlightMessage(t: T, spotlight: Spotlight): { text: string; blocks: KnownBlock[] } {
  const { product, wins } = spotlight;
  const { shown, more } = pointsToShow(spotlight.points);
  const points =
    shown.length === 0
      ? t.t("spotlight.points.none", { tag: product.tag })
      : [
          t.t("spotlight.points.title"),
          ...shown.map((point) => `• ${escapeMrkdwn(point)}`),
          ...(more > 0 ? [t.t("spotlight.points.more", { count: more })] : []),
        ].join("\n");
  const days = WINS_DAYS;
  const winsText =
    wins.count === 0
      ? t.t("spotlight.wins.none", { days })
      : wins.private
        ? t.t("spotlight.wins.private", { count: wins.count, days })
        : [
            t.t("spotlight.wins.title", { count: wins.count, days }),
            ...wins.latest.map((win) =>
              t.t("spotlight.wins.line", {
                who: win.who,
                amount: t.money(win.amountMinor, win.currency),
                on: dayText(t, win.soldOn),
              }),
            ),
          ].join("\n");
  const hint = t.t("spotlight.hint", { tag: product.tag });
  const text = [t.t("spotlight.head", { name: escapeMrkdwn(product.name) }), points, winsText, hint].join(
    "\n",
  );
  return {
    text,
    blocks: [
      // A header is plain text: the name shows as typed, nothing in it is read as a link or a mention.
      header(t.t("spotlight.head", { name: product.name })),
      section(points),
      section(winsText),
      context(hint),
    ],
  };
}
