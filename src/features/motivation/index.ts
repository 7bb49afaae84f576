export { register } from "./listeners.js";
export { type MotivationMessages, motivationMessages } from "./messages.js";
export { MOTIVATION_IDS } from "./views.js";
