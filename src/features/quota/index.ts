export { register } from "./listeners.js";
export { type QuotaMessages, quotaMessages } from "./messages.js";
export { type Checkin, checkins, quotaSettings, quotaTargets } from "./schema.js";
export { checkIn, currentPeriod, leaderboard, repProgress, saveTargets } from "./service.js";
