import { clip } from "../../platform/slack/index.js";
import {
  addDays,
  type IsoWeekday,
  instantOfWallTime,
  isoWeekday,
  localDate,
} from "../../platform/time/index.js";

/** How far back "the latest wins" with a product look, in days (today included). */
export const WINS_DAYS = 30;
/** How many of them the spotlight names. */
export const WINS_SHOWN = 3;
/** Key selling points shown; the rest are counted ("and 2 more"). */
export const POINTS_SHOWN = 8;
/** Characters of one selling point shown; a longer one ends with an ellipsis. */
export const POINT_MAX = 300;

/**
 * The team's products on the list (given in the order the list shows them, by name) in the order their
 * turns come: those never spotlighted first (a product added since), then the one spotlighted least
 * recently; ties keep the list's order.
 */
export function rotationOrder<P extends { id: number }>(
  products: readonly P[],
  lastShown: ReadonlyMap<number, Date>,
): P[] {
  const at = (product: P) => lastShown.get(product.id)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return products
    .map((product, index) => ({ product, index, at: at(product) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.product);
}

/** The product whose turn it is (see `rotationOrder`); null when the list is empty. */
export function nextInRotation<P extends { id: number }>(
  products: readonly P[],
  lastShown: ReadonlyMap<number, Date>,
): P | null {
  return rotationOrder(products, lastShown)[0] ?? null;
}

/** The selling points a post shows: the first few, each clipped; and how many more there are. */
export function pointsToShow(points: readonly string[]): { shown: string[]; more: number } {
  const shown = points.slice(0, POINTS_SHOWN).map((point) => clip(point, POINT_MAX));
  return { shown, more: Math.max(0, points.length - POINTS_SHOWN) };
}

/** The next time after `now` a weekly schedule (ISO weekdays, "HH:MM" in `timeZone`) comes round; null with no days. */
export function nextSlotAfter(
  schedule: { days: readonly IsoWeekday[]; time: string },
  timeZone: string,
  now: Date,
): Date | null {
  const [hour = 0, minute = 0] = schedule.time.split(":").map(Number);
  const today = localDate(now, timeZone);
  for (let day = 0; day <= 7; day++) {
    const date = addDays(today, day);
    if (!schedule.days.includes(isoWeekday(date))) continue;
    const { at } = instantOfWallTime(date, hour, minute, timeZone);
    if (at > now) return at;
  }
  return null;
}
