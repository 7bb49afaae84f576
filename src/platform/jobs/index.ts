export { type JobName, Jobs, type JobTypes, type SendOptions } from "./jobs.js";
