export { type CheckinAnswer, checkIn } from "./checkins.js";
export { register } from "./listeners.js";
export { type QuotaMessages, quotaMessages } from "./messages.js";
export { currentPeriod, type Progress, repProgress } from "./progress.js";
export { hasQuotaData } from "./store.js";
export { saveTargets, type WantedTarget } from "./targets.js";
