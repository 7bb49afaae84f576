import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import { homeChanged } from "../../platform/hooks.js";
import {
  actionListener,
  fieldErrors,
  type Router,
  readMetadata,
  textValue,
  viewListener,
} from "../../platform/slack/index.js";
import { registerStandupJobs } from "./jobs.js";
import { type StandupMessages, standupMessages } from "./messages.js";
import { ANSWER_FIELD } from "./rules.js";
import { answerForm, saveAnswer } from "./service.js";
import { answerModal, STANDUP_IDS, savedModal, timeText } from "./views.js";

const { error } = problemsOf<StandupMessages>();
const idValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  registerStandupJobs(deps);

  // "Answer standup", on the post, the thread ask or a DM: the form, filled in when the rep answered already.
  router.action(
    STANDUP_IDS.answer,
    actionListener(deps, standupMessages, async ({ ctx, value, triggerId, t }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("standup.gone");
      const form = await answerForm(ctx, id.data);
      await ctx.slack.openView(triggerId, answerModal(t, form));
      return undefined;
    }),
  );

  router.view(
    STANDUP_IDS.submitView,
    viewListener(deps, standupMessages, async ({ ctx, view, t }) => {
      const { standupId } = readMetadata(view, z.object({ standupId: z.number().int().positive() }));
      const saved = await saveAnswer(ctx, standupId, {
        wins: textValue(view, ANSWER_FIELD.wins),
        plan: textValue(view, ANSWER_FIELD.plan),
        blockers: textValue(view, ANSWER_FIELD.blockers),
      });
      if (!saved.ok) return { errors: fieldErrors(t, saved.errors) };
      await homeChanged(deps, { workspaceId: ctx.workspaceId, userIds: [ctx.userId] });
      const cutoff = timeText(t, saved.standup.cutoffAt, saved.timeZone);
      const lines = [
        saved.outcome === "unchanged"
          ? t.t("standup.saved.unchanged")
          : saved.outcome === "afterSummary"
            ? t.t("standup.saved.afterSummary")
            : saved.outcome === "late"
              ? t.t("standup.saved.late", { cutoff })
              : t.t("standup.saved", { cutoff }),
      ];
      if (saved.blocker) lines.push(t.t("standup.saved.blocker"));
      return { update: savedModal(t, lines.join("\n")) };
    }),
  );
}
