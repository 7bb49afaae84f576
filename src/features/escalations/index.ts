export { register } from "./listeners.js";
export { type EscalationMessages, escalationMessages, ownEscalationMessages } from "./messages.js";
export {
  ESCALATION_CATEGORIES,
  type Escalation,
  type EscalationCategory,
  type EscalationStatus,
  escalationKey,
} from "./schema.js";
export {
  acknowledge,
  type EscalationRecord,
  handledEscalation,
  raise,
  resolve,
  show as showEscalation,
} from "./service.js";
export { escalationsAbout, escalationsInHand, findEscalation, unresolvedCounts } from "./store.js";
