export { register } from "./listeners.js";
export { type ApprovalMessages, approvalMessages, ownApprovalMessages } from "./messages.js";
export { remindAfterDays, setRemindAfterDays } from "./reminders.js";
export {
  APPROVAL_KINDS,
  type ApprovalKind,
  type ApprovalRequest,
  type ApprovalRoute,
  type ApprovalStatus,
  approvalKey,
  approvalRequests,
} from "./schema.js";
export {
  type ApprovalDescription,
  cancelRequest,
  decideRequest,
  describeApproval,
  type Filed,
  filedBefore,
  fileOnce,
  type KindFiling,
  whoDecides,
} from "./service.js";
export { pendingApprovals } from "./store.js";
export { APPROVAL_IDS } from "./views.js";
