import { and, count, desc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import type { Team } from "../team/index.js";
import { type Checkin, checkins } from "./schema.js";
import { rulesOf } from "./settings.js";

/** A team's recent sales of one product, as others may show them in the team's channel. */
export interface ProductWins {
  /**
   * The team keeps check-ins private (`/quota set private on`): `latest` is empty, so nobody's sales are
   * named where the team reads; `count` still says how many there were.
   */
  private: boolean;
  /** Sales of the product in the days asked, that still count. */
  count: number;
  /** The newest of them, newest first (at most `limit`). */
  latest: Pick<Checkin, "id" | "repId" | "amountMinor" | "currency" | "soldOn">[];
}

/** The sales of a product a team checked in (and did not take back) from `since` to `until`, newest first. */
export async function productWins(
  db: Db,
  team: Team,
  productId: number,
  days: { since: LocalDate; until: LocalDate },
  limit = 3,
): Promise<ProductWins> {
  const where = and(
    eq(checkins.teamId, team.id),
    eq(checkins.productId, productId),
    eq(checkins.status, "active"),
    gte(checkins.soldOn, days.since),
    lte(checkins.soldOn, days.until),
  );
  const [total] = await db.select({ n: count() }).from(checkins).where(where);
  const { checkinsPrivate } = await rulesOf(db, team);
  const latest = checkinsPrivate
    ? []
    : await db
        .select({
          id: checkins.id,
          repId: checkins.repId,
          amountMinor: checkins.amountMinor,
          currency: checkins.currency,
          soldOn: checkins.soldOn,
        })
        .from(checkins)
        .where(where)
        .orderBy(desc(checkins.soldOn), desc(checkins.recordedAt), desc(checkins.id))
        .limit(limit);
  return { private: checkinsPrivate, count: Number(total?.n ?? 0), latest };
}
