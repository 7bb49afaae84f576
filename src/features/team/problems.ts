import { problemsOf } from "../../platform/errors.js";
import type { TeamMessages } from "./messages.js";

/** The team feature's problems and errors, typed by its catalog. */
export const teamProblems = problemsOf<TeamMessages>();
