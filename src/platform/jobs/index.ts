export { type Chore, HOUSEKEEPING_SCHEDULE, Housekeeping } from "./housekeeping.js";
export {
  DEFAULT_JOBS_CONFIG,
  type JobContext,
  type JobName,
  type JobPolicy,
  Jobs,
  type JobsConfig,
  type JobTypes,
  type SendOptions,
} from "./jobs.js";
export { type ScheduleSpec, Schedules, scheduleProblem, slotOf } from "./schedules.js";
