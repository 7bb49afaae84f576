export { register } from "./listeners.js";
export { type StandupMessages, standupMessages } from "./messages.js";
export { type StandupRecord, standupRecord, unansweredStandups } from "./store.js";
export { STANDUP_IDS } from "./views.js";
