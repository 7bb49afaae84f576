export { setAllowance } from "./allowances.js";
export { isOnLeave, whoIsOut } from "./away.js";
export { register } from "./listeners.js";
export { type LeaveMessages, leaveMessages } from "./messages.js";
export { balancesOf, requestLeave, type TypeBalance } from "./service.js";
export { allowancesOf, type Leave, leaveOf } from "./store.js";
export { myLeaveReply } from "./views.js";
