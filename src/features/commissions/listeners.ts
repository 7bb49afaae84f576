import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  viewListener,
} from "../../platform/slack/index.js";
import { isLocalDate } from "../../platform/time/index.js";
import { parseCommissionCommand } from "./command.js";
import { describeClaim } from "./describe.js";
import { registerCommissionJobs } from "./export.js";
import { type CommissionMessages, commissionMessages } from "./messages.js";
import type { ClaimDraft } from "./rules.js";
import { CLAIM_FIELD, cancelClaim, claimForm, fileClaim, myClaims, startExport } from "./service.js";
import {
  COMMISSION_IDS,
  cancelPickReply,
  claimModal,
  helpReply,
  myClaimsReply,
  periodName,
  sentModal,
  summaryOf,
} from "./views.js";

const requestIdValue = z.coerce.number().int().positive();
const { error } = problemsOf<CommissionMessages>();

export function register(router: Router, deps: Deps): void {
  registerCommissionJobs(deps);
  deps.hooks.answer("approvals.describe", ({ request, language, locale, forDecider }) =>
    describeClaim(deps, request, language, locale, forDecider),
  );

  router.command(
    COMMISSION_IDS.command,
    commandListener(deps, commissionMessages, (request) => handleCommand(request)),
  );

  router.view(
    COMMISSION_IDS.submitView,
    viewListener(deps, commissionMessages, async ({ ctx, view, t }) => {
      const result = await fileClaim(ctx, readForm(view));
      if (!result.ok) return { errors: fieldErrors(t, result.errors) };
      return { update: sentModal(t, result.claim, result.deciders) };
    }),
  );

  router.action(
    COMMISSION_IDS.cancelButton,
    actionListener(deps, commissionMessages, async ({ ctx, value, t }) => {
      const id = requestIdValue.safeParse(value);
      if (!id.success) throw error("approvals.gone");
      const { claim } = await cancelClaim(ctx, id.data);
      return { text: t.t("commissions.cancel.done", { summary: summaryOf(t, claim) }) };
    }),
  );
}

async function handleCommand(request: CommandRequest<CommissionMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parseCommissionCommand(request.text);
  switch (command.kind) {
    case "form": {
      const data = await claimForm(ctx);
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, claimModal(t, data));
      return undefined;
    }
    case "help":
      return helpReply(t);
    case "list":
      return myClaimsReply(t, await myClaims(ctx));
    case "cancel":
      return cancelPickReply(t, await myClaims(ctx));
    case "export": {
      const { period, teams } = await startExport(ctx, command.period);
      return {
        text: t.t("commissions.export.started", {
          period: periodName(t, period),
          teams: teams.map((team) => team.team.name),
        }),
      };
    }
    case "exportUsage":
      return { text: t.t("commissions.export.usage") };
    case "unknown":
      return { text: t.t("commissions.unknownWord", { word: command.word }) };
  }
}

const field = <S extends z.ZodType>(element: S) => z.object({ value: element }).optional();
const text = field(z.object({ value: z.string().nullish() }));

/** The form's state as Slack sends it; anything missing or odd is left for the rules to name on its field. */
const formState = z.object({
  [CLAIM_FIELD.deal]: text,
  [CLAIM_FIELD.customer]: text,
  [CLAIM_FIELD.dealAmount]: text,
  [CLAIM_FIELD.commission]: text,
  [CLAIM_FIELD.rate]: text,
  [CLAIM_FIELD.closedOn]: field(z.object({ selected_date: z.string().nullish() })),
  [CLAIM_FIELD.checkin]: field(z.object({ selected_option: z.object({ value: z.string() }).nullish() })),
  [CLAIM_FIELD.note]: text,
});

function readForm(view: ViewSubmitAction["view"]): ClaimDraft {
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const s = state.data;
  const value = (entry: z.infer<typeof text>) => (entry?.value.value ?? "").trim();
  const date = s.closedOn?.value.selected_date;
  const checkin = requestIdValue.safeParse(s.checkin?.value.selected_option?.value);
  return {
    deal: value(s.deal),
    customer: value(s.customer),
    dealAmount: value(s.dealAmount),
    commission: value(s.commission),
    rate: value(s.rate),
    closedOn: date && isLocalDate(date) ? date : null,
    checkinId: s.checkin?.value.selected_option ? (checkin.success ? checkin.data : -1) : null,
    note: value(s.note),
  };
}
