export { register } from "./listeners.js";
export { type HomeMessages, homeMessages } from "./messages.js";
