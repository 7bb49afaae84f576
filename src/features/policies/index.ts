export { register } from "./listeners.js";
export { type PolicyMessages, policyMessages } from "./messages.js";
export { POLICY_STATUSES, type Policy } from "./schema.js";
export {
  ACKNOWLEDGE_ACTION,
  acknowledgePolicy,
  type PendingPolicy,
  type PolicyStanding,
  pendingPoliciesFor,
  policyStatus,
  publish as publishPolicy,
  type RepStanding,
} from "./service.js";
export { POLICY_IDS } from "./views.js";
