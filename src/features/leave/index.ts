export { setAllowance } from "./allowances.js";
export { isOnLeave, whoIsOut } from "./away.js";
export { register } from "./listeners.js";
export { type LeaveMessages, leaveMessages } from "./messages.js";
export { requestLeave } from "./service.js";
export { allowancesOf } from "./store.js";
