export { register } from "./listeners.js";
export { type CoachingMessages, coachingMessages, ownCoachingMessages } from "./messages.js";
export {
  type CoachingPlan,
  type CoachingReview,
  PLAN_OUTCOMES,
  type PlanOutcome,
  type PlanStatus,
  REVIEW_PROGRESS,
  type ReviewProgress,
} from "./schema.js";
export { type PlanSource, type RepPlans, repPlans } from "./service.js";
export { activePlanOf, type PlanRecord, repsWithActivePlans, reviewsDue } from "./store.js";
export { COACHING_IDS, startPlanButton } from "./views.js";
