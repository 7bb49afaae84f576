import type { Deps } from "../../platform/deps.js";
import { createTranslator } from "../../platform/i18n/index.js";
import type { EscalationRecord } from "../escalations/index.js";
import { coachingMessages } from "./messages.js";
import { latestRecorded } from "./rules.js";
import { activePlanOf, planOfEscalation, planRecord } from "./store.js";
import { activePlanLine, COACHING_IDS, linkedPlanLine, startPlanButton } from "./views.js";

/**
 * What coaching answers when other features ask: an escalation's DMs (the rep's active plan, the plan
 * linked to it, Start a coaching plan) and a warning's DM (Start a coaching plan, linked to the warning).
 */
export function registerCoachingHooks(deps: Deps): void {
  deps.hooks.answer("escalations.record", async ({ escalation, language, locale, viewer }) => {
    const t = createTranslator(coachingMessages, language, locale);
    const answer: EscalationRecord = { lines: [], buttons: [] };
    if (viewer === "raiser") {
      const linked = await planOfEscalation(deps.db, escalation.workspaceId, escalation.id);
      if (linked) {
        const record = await planRecord(deps.db, linked);
        answer.lines.push(linkedPlanLine(t, record, latestRecorded(record.reviews)));
      }
      return answer;
    }
    const active = await activePlanOf(deps.db, escalation.workspaceId, escalation.repId);
    if (active) answer.lines.push(activePlanLine(t, await planRecord(deps.db, active)));
    else if (escalation.status !== "resolved") {
      answer.buttons.push({
        ...startPlanButton(language, { repId: escalation.repId, escalationId: escalation.id }),
        action_id: COACHING_IDS.fromEscalation,
        value: String(escalation.id),
      });
    }
    return answer;
  });

  // The issuer's DM about a warning offers a plan for the rep, linked to it, while the rep has none.
  deps.hooks.answer("warnings.actions", async ({ warning, language }) => {
    if (await activePlanOf(deps.db, warning.workspaceId, warning.repId)) return [];
    return [startPlanButton(language, { repId: warning.repId, warningId: warning.id })];
  });
}
