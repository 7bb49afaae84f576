import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type Router,
  readMetadata,
  textValue,
  viewListener,
} from "../../platform/slack/index.js";
import { registerApprovalJobs } from "./jobs.js";
import { type ApprovalMessages, approvalMessages } from "./messages.js";
import { registerReminders } from "./reminders.js";
import { decidable, decideRequest, describeApproval } from "./service.js";
import { APPROVAL_IDS, DENY_FIELD, deniedModal, denyModal } from "./views.js";

const { error, fieldError } = problemsOf<ApprovalMessages>();
const requestIdValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  registerApprovalJobs(deps);
  registerReminders(deps);

  router.action(
    APPROVAL_IDS.approve,
    actionListener(deps, approvalMessages, async ({ ctx, value, t }) => {
      const id = requestIdValue.safeParse(value);
      if (!id.success) throw error("approvals.gone");
      const request = await decideRequest(ctx, id.data, "approved", null);
      return { text: t.t("approvals.done.approved", { requester: request.requesterId }) };
    }),
  );

  router.action(
    APPROVAL_IDS.deny,
    actionListener(deps, approvalMessages, async ({ ctx, value, triggerId, t }) => {
      const id = requestIdValue.safeParse(value);
      if (!id.success) throw error("approvals.gone");
      const request = await decidable(ctx, id.data);
      const { summary } = await describeApproval(deps, request, t.language, t.locale, false);
      await ctx.slack.openView(triggerId, denyModal(t, request, summary));
      return undefined;
    }),
  );

  router.view(
    APPROVAL_IDS.denyView,
    viewListener(deps, approvalMessages, async ({ ctx, view, t }) => {
      const { id } = readMetadata(view, z.object({ id: z.number().int().positive() }));
      const reason = textValue(view, DENY_FIELD.reason).trim();
      if (!reason) throw fieldError(DENY_FIELD.reason, "approvals.deny.reasonMissing");
      await decideRequest(ctx, id, "denied", reason);
      return { update: deniedModal(t) };
    }),
  );
}
