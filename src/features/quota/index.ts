export { type AmountProblem, parseAmount } from "./amount.js";
export { type CheckinAnswer, checkIn } from "./checkins.js";
export { register } from "./listeners.js";
export { type QuotaMessages, quotaMessages } from "./messages.js";
export {
  currentPeriod,
  type Mine,
  mine,
  type Progress,
  repProgress,
  repsProgress,
  type TeamStanding,
  teamStanding,
} from "./progress.js";
export { type DayRange, type RangeProgress, type RangeStanding, rangeStanding } from "./range.js";
export type { Pace, PaceLabel } from "./rules.js";
export type { Checkin } from "./schema.js";
export {
  type DaySales,
  dailySales,
  findCheckin,
  hasQuotaData,
  recentCheckinsOf,
  repTotals,
  type SaleAt,
  salesIn,
  type TargetInForce,
  type Totals,
  targetsInForce,
  teamBests,
} from "./store.js";
export { saveTargets, type WantedTarget } from "./targets.js";
export { mineReply, periodName, progressLine } from "./views.js";
export { type ProductWins, productWins } from "./wins.js";
