import { decide } from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import { Absences, type Period } from "../../platform/time/index.js";
import type { Product } from "../products/index.js";
import type { TeamWithMembers } from "../team/index.js";
import { productFromTag } from "./checkins.js";
import { splitTags } from "./command.js";
import {
  currentPeriod,
  daysOffIn,
  type Progress,
  progressFrom,
  sumOfRepTargets,
  workdays,
} from "./progress.js";
import { rulesOf } from "./settings.js";
import { type Totals, targetsInForce, teamTotals } from "./store.js";
import { ensureSees, teamInContext } from "./teams.js";

export interface Leaderboard {
  team: TeamWithMembers;
  period: Period;
  product: Product | null;
  /** Every rep of the team, best first; reps without sales at the end. */
  rows: Progress[];
  teamProgress: Progress;
  /** Post it in the team channel (the team's choice, and the command ran there). */
  inChannel: boolean;
  /** Who asked for it: a posted leaderboard says so. */
  askedBy: string;
  /**
   * The team keeps check-ins private and the asker is one of its reps: they see the team's line and
   * their own place only, not the others'.
   */
  onlyOwn: boolean;
}

/** `/quota team [#product]`: the team's standings this period. Its people, executives and admins. */
export async function leaderboard(ctx: RequestContext, productText: string | null): Promise<Leaderboard> {
  const { deps } = ctx;
  const team = await teamInContext(ctx);
  await ensureSees(ctx, team);
  let product: Product | null = null;
  if (productText) {
    const { tags } = splitTags(
      productText.startsWith("#") || productText.startsWith("<#") ? productText : `#${productText}`,
    );
    product = await productFromTag(deps.db, team.team, tags[0] ?? productText);
  }
  const now = deps.clock.now();
  const period = currentPeriod(team.team, now);
  const [totals, targets, rules, actor, daysOff] = await Promise.all([
    teamTotals(deps.db, team.team.id, team.team.currency, period, product?.id),
    targetsInForce(deps.db, team.team.id, period.key, team.repIds),
    rulesOf(deps.db, team.team),
    ctx.actor(),
    daysOffIn(deps, team.team, team.repIds, period),
  ]);
  const days = workdays(team.team, period, now);
  const daysOf = (repId: string) => {
    const off = Absences.of(daysOff, repId);
    return off.size > 0 ? workdays(team.team, period, now, off) : days;
  };
  const none: Totals = { totalMinor: 0, count: 0, lastAt: null };
  const rows = team.repIds
    .map((repId) =>
      progressFrom(
        team.team,
        repId,
        period,
        totals.get(repId) ?? none,
        product ? undefined : targets.get(repId),
        daysOf(repId),
      ),
    )
    .sort(
      (a, b) =>
        b.totals.totalMinor - a.totals.totalMinor || (b.pace.attainment ?? 0) - (a.pace.attainment ?? 0),
    );
  const sum = [...totals.values()].reduce(
    (acc, t) => ({
      totalMinor: acc.totalMinor + t.totalMinor,
      count: acc.count + t.count,
      lastAt: !acc.lastAt || (t.lastAt && t.lastAt > acc.lastAt) ? t.lastAt : acc.lastAt,
    }),
    none,
  );
  const own = targets.get(null);
  const teamTarget = product
    ? undefined
    : own && own.amountMinor > 0
      ? own
      : sumOfRepTargets(team.repIds, targets);
  const runsOrOversees =
    decide(actor, { type: "team.manage", teamId: team.team.id }).allowed || actor.executive;
  return {
    team,
    period,
    product,
    rows,
    teamProgress: progressFrom(team.team, null, period, sum, teamTarget, days),
    // Private check-ins make a private leaderboard: nobody's sales are posted where the team reads them.
    inChannel: rules.leaderboardInChannel && !rules.checkinsPrivate && ctx.channelId === team.team.channelId,
    askedBy: ctx.userId,
    onlyOwn: rules.checkinsPrivate && !runsOrOversees,
  };
}
