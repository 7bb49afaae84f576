export { register } from "./listeners.js";
export { type ApprovalMessages, approvalMessages, ownApprovalMessages } from "./messages.js";
export { DEFAULT_REMIND_AFTER_DAYS, remindAfterDays, setRemindAfterDays } from "./reminders.js";
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
  fileApproval,
  routeOf,
  showToDeciders,
} from "./service.js";
export { approvalOfRequest, findApproval } from "./store.js";
export { stateLine } from "./views.js";
