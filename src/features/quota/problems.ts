import { problemsOf } from "../../platform/errors.js";
import type { QuotaMessages } from "./messages.js";

/** The quota feature's problems and errors, typed by its catalog. */
export const quotaProblems = problemsOf<QuotaMessages>();
