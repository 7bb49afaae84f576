import type { KnownBlock, ModalView } from "@slack/types";
import type { Translator } from "../../platform/i18n/index.js";
import { actions, button, context, input, modal, section } from "../../platform/slack/index.js";
import type { ApprovalMessages } from "./messages.js";
import type { ApprovalRequest } from "./schema.js";
import type { ApprovalDescription } from "./service.js";

export const APPROVAL_IDS = {
  approve: "approvals.approve",
  deny: "approvals.deny",
  denyView: "approvals.deny.submit",
  decisionBlock: "approvals.decision",
} as const;

export const DENY_FIELD = { reason: "reason" } as const;

/** Where a request stands, in one line. */
export function stateLine(t: Translator<ApprovalMessages>, request: ApprovalRequest): string {
  switch (request.status) {
    case "pending":
      return t.t("approvals.state.pending");
    case "approved":
      return t.t("approvals.state.approved", { by: request.decidedBy ?? "" });
    case "denied":
      return t.t("approvals.state.denied", { by: request.decidedBy ?? "", reason: request.reason ?? "" });
    case "cancelled":
      return request.decidedBy
        ? t.t("approvals.state.cancelledAfterApproval", {
            by: request.requesterId,
            approvedBy: request.decidedBy,
          })
        : t.t("approvals.state.cancelled", { by: request.requesterId });
  }
}

/**
 * A decider's DM: who asks, the kind's details, where it stands, and Approve / Deny while it is pending.
 * The same builder renders every later state, so the DM is updated in place and stale buttons go.
 */
export function deciderMessage(
  t: Translator<ApprovalMessages>,
  request: ApprovalRequest,
  description: ApprovalDescription,
  teamName: string,
): { text: string; blocks: KnownBlock[] } {
  const asks =
    request.route === "executives"
      ? t.t("approvals.asks.executive", { requester: request.requesterId, team: teamName })
      : t.t("approvals.asks", { requester: request.requesterId });
  const value = String(request.id);
  const blocks: KnownBlock[] = [
    section(`${asks}\n*${description.summary}*`),
    ...description.details,
    context(stateLine(t, request)),
  ];
  if (request.status === "pending") {
    blocks.push(
      actions(APPROVAL_IDS.decisionBlock, [
        button(t.t("approvals.button.approve"), APPROVAL_IDS.approve, { value, style: "primary" }),
        button(t.t("approvals.button.deny"), APPROVAL_IDS.deny, { value, style: "danger" }),
      ]),
    );
  }
  return { text: `${asks} ${description.summary}. ${stateLine(t, request)}`, blocks };
}

/** The deny form: the request in one line and the reason the requester will read. */
export function denyModal(
  t: Translator<ApprovalMessages>,
  request: ApprovalRequest,
  summary: string,
): ModalView {
  return modal({
    title: t.t("approvals.deny.title"),
    submit: t.t("approvals.deny.submit"),
    close: t.t("common.button.close"),
    callbackId: APPROVAL_IDS.denyView,
    metadata: { id: request.id },
    blocks: [
      section(t.t("approvals.deny.intro", { requester: request.requesterId, summary })),
      input(
        DENY_FIELD.reason,
        t.t("approvals.deny.reason"),
        { type: "plain_text_input", multiline: true, max_length: 500 },
        { hint: t.t("approvals.deny.reasonHint") },
      ),
    ],
  });
}

export function deniedModal(t: Translator<ApprovalMessages>): ModalView {
  return modal({
    title: t.t("approvals.deny.title"),
    close: t.t("common.button.close"),
    blocks: [section(t.t("approvals.deny.done"))],
  });
}
