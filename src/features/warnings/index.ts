export { register } from "./listeners.js";
export { type WarningMessages, warningMessages } from "./messages.js";
export { isActive, type Suggestion, suggestLevel } from "./rules.js";
export {
  WARNING_LEVELS,
  WARNING_REASONS,
  type Warning,
  type WarningLevel,
  type WarningReason,
  warningKey,
} from "./schema.js";
export {
  acknowledgeReceipt,
  ensureMayWarn,
  history,
  issue,
  mine,
  show as showWarning,
} from "./service.js";
export { activeWarningsOf, findWarning, warningsOfEscalation } from "./store.js";
export { levelName, WARNING_IDS } from "./views.js";
