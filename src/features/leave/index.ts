export { isOnLeave, whoIsOut } from "./away.js";
export { register } from "./listeners.js";
export { type LeaveMessages, leaveMessages } from "./messages.js";
