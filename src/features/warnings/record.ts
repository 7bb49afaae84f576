import type { Deps } from "../../platform/deps.js";
import { createTranslator, type Language } from "../../platform/i18n/index.js";
import { button } from "../../platform/slack/index.js";
import type { Escalation, EscalationRecord } from "../escalations/index.js";
import { warningMessages } from "./messages.js";
import { placeOf } from "./service.js";
import { activeWarningsOf, warningsOfEscalation } from "./store.js";
import { activeLine, linkedLine, WARNING_IDS } from "./views.js";

/** What warnings answer when another feature asks about a rep's warnings (an escalation's DMs). */
export function registerWarningHooks(deps: Deps): void {
  deps.hooks.answer("escalations.record", (args) => escalationRecord(deps, args));
}

/**
 * Warnings' part of an escalation DM. The handler: the rep's active warnings and, until it is resolved,
 * "Issue a warning". The executive who raised it: the warnings issued under it and their receipt.
 */
async function escalationRecord(
  deps: Deps,
  args: { escalation: Escalation; language: Language; locale: string; viewer: "handler" | "raiser" },
): Promise<EscalationRecord> {
  const { escalation } = args;
  const t = createTranslator(warningMessages, args.language, args.locale);
  const place = await placeOf(deps, escalation.workspaceId, escalation.repId);
  if (args.viewer === "raiser") {
    const linked = await warningsOfEscalation(deps.db, escalation.workspaceId, escalation.id);
    return { lines: linked.map((w) => linkedLine(t, w, place.zone)), buttons: [] };
  }
  const active = await activeWarningsOf(deps.db, escalation.workspaceId, escalation.repId, place.today);
  const buttons =
    escalation.status === "resolved"
      ? []
      : [
          button(t.t("warnings.button.fromEscalation"), WARNING_IDS.fromEscalation, {
            value: String(escalation.id),
          }),
        ];
  return { lines: [activeLine(t, active, place.zone)], buttons };
}
