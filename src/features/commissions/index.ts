export { register } from "./listeners.js";
export { type CommissionMessages, commissionMessages } from "./messages.js";
