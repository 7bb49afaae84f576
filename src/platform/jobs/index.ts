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
