import type { Deps } from "../../platform/deps.js";
import type { Router } from "../../platform/slack/index.js";
import { registerSpotlightJobs } from "./jobs.js";

/** Product spotlights come on the team's schedule (routines strikes the job); there is nothing to click. */
export function register(_router: Router, deps: Deps): void {
  registerSpotlightJobs(deps);
}
