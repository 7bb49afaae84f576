export { register } from "./listeners.js";
export { type SpotlightMessages, spotlightMessages } from "./messages.js";
