export { register } from "./listeners.js";
export { type MeetingMessages, meetingMessages } from "./messages.js";
export { MEETING_KINDS, type Meeting, type MeetingKind } from "./schema.js";
export {
  type MeetingInput,
  nextReminder,
  saveMeeting,
  type UpcomingReminder,
} from "./service.js";
export { findMeeting } from "./store.js";
export { type MeetingTime, teamMeetingsBetween } from "./upcoming.js";
export { MEETING_IDS } from "./views.js";
