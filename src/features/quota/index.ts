export { type AmountProblem, parseAmount } from "./amount.js";
export { type CheckinAnswer, checkIn } from "./checkins.js";
export { register } from "./listeners.js";
export { type QuotaMessages, quotaMessages } from "./messages.js";
export { currentPeriod, type Progress, repProgress, repsProgress } from "./progress.js";
export type { Checkin } from "./schema.js";
export {
  findCheckin,
  hasQuotaData,
  recentCheckinsOf,
  repTotals,
  type TargetInForce,
  type Totals,
  targetsInForce,
} from "./store.js";
export { saveTargets, type WantedTarget } from "./targets.js";
export { type ProductWins, productWins } from "./wins.js";
