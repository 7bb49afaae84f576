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
  readMetadata,
  textValue,
  viewListener,
} from "../../platform/slack/index.js";
import { localDate } from "../../platform/time/index.js";
import { registerPolicyJobs } from "./jobs.js";
import { type PolicyMessages, policyMessages } from "./messages.js";
import { parsePolicyCommand, policyProblems } from "./rules.js";
import {
  acknowledgePolicy,
  changeablePolicy,
  POLICY_FIELD,
  type PolicyInput,
  pendingPoliciesFor,
  publish,
  publishForm,
  retire,
  revise,
  statusFor,
} from "./service.js";
import { recipientsOf } from "./store.js";
import {
  helpReply,
  listReply,
  mineReply,
  POLICY_IDS,
  publishModal,
  reviseModal,
  sentModal,
  statusReply,
} from "./views.js";

const { error } = problemsOf<PolicyMessages>();
const ackValue = z.string().regex(/^\d{1,9}:\d{1,6}$/);

export function register(router: Router, deps: Deps): void {
  registerPolicyJobs(deps);

  router.command(
    POLICY_IDS.command,
    commandListener(deps, policyMessages, (request) => handlePolicyCommand(request)),
  );

  router.view(
    POLICY_IDS.publishView,
    viewListener(deps, policyMessages, async ({ ctx, view, t }) => {
      const input = readForm(view, true);
      const problems = policyProblems(input, localDate(deps.clock.now(), "UTC"));
      if (Object.keys(problems).length > 0) return { errors: fieldErrors(t, problems) };
      const policy = await publish(ctx, input);
      const form = await publishForm(ctx);
      const reps = await recipientsOf(deps.db, policy.id, policy.version);
      const teams = form.teams.filter((team) => input.teamIds?.includes(team.id)).map((team) => team.name);
      return { update: sentModal(t, policy, reps.length, teams) };
    }),
  );

  router.view(
    POLICY_IDS.reviseView,
    viewListener(deps, policyMessages, async ({ ctx, view, t }) => {
      const meta = readMetadata(view, z.object({ policyId: z.number().int(), version: z.number().int() }));
      const input = readForm(view, false);
      const problems = policyProblems(input, localDate(deps.clock.now(), "UTC"));
      if (Object.keys(problems).length > 0) return { errors: fieldErrors(t, problems) };
      const policy = await revise(ctx, meta.policyId, meta.version, input);
      const reps = await recipientsOf(deps.db, policy.id, policy.version);
      return { update: sentModal(t, policy, reps.length, []) };
    }),
  );

  router.action(
    POLICY_IDS.acknowledge,
    actionListener(deps, policyMessages, async ({ ctx, value, t }) => {
      const parsed = ackValue.safeParse(value);
      if (!parsed.success) throw error("policies.gone");
      const [policyId, version] = parsed.data.split(":").map(Number) as [number, number];
      const result = await acknowledgePolicy(ctx, policyId, version);
      switch (result.kind) {
        case "done":
          return { text: t.t("policies.done.acknowledged") };
        case "already":
          return {
            text: t.t("policies.already.acknowledged", {
              at: t.date(result.at, await zoneOf(ctx), "dateTime"),
            }),
          };
        case "replaced":
          return { text: t.t("policies.click.replaced", { version: result.policy.version }) };
        case "retired":
          return { text: t.t("policies.click.retired") };
      }
    }),
  );
}

/** The zone a person reads times in: their Slack profile's, else UTC. */
async function zoneOf(ctx: {
  users: { get(id: string): Promise<{ tz?: string | null } | null> };
  userId: string;
}) {
  const user = await ctx.users.get(ctx.userId).catch(() => null);
  return user?.tz ?? "UTC";
}

async function handlePolicyCommand(request: CommandRequest<PolicyMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parsePolicyCommand(request.text);
  switch (command.kind) {
    case "publish": {
      const form = await publishForm(ctx);
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, publishModal(t, form));
      return undefined;
    }
    case "revise": {
      if (command.policyId === null) return { text: t.t("policies.idMissing") };
      const policy = await changeablePolicy(ctx, command.policyId);
      if (policy.status === "retired") throw error("policies.retired", { title: policy.title });
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, reviseModal(t, policy));
      return undefined;
    }
    case "retire": {
      if (command.policyId === null) return { text: t.t("policies.idMissing") };
      const { policy, already } = await retire(ctx, command.policyId);
      return {
        text: t.t(already ? "policies.retire.already" : "policies.retire.done", { title: policy.title }),
      };
    }
    case "status": {
      const { standings, zone } = await statusFor(ctx, command.policyId);
      return statusReply(t, standings, zone);
    }
    case "list": {
      const { standings } = await statusFor(ctx, null);
      return listReply(t, standings);
    }
    case "mine":
      return mineReply(
        t,
        await pendingPoliciesFor(ctx.deps, { workspaceId: ctx.workspaceId, repId: ctx.userId }),
      );
    case "help":
      return helpReply(t);
  }
}

const formState = z.object({
  [POLICY_FIELD.effective]: z.object({ value: z.object({ selected_date: z.string().nullish() }) }),
  [POLICY_FIELD.teams]: z
    .object({ value: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }) })
    .optional(),
});

function readForm(view: ViewSubmitAction["view"], withTeams: boolean): PolicyInput {
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const teams = state.data[POLICY_FIELD.teams]?.value.selected_options ?? [];
  return {
    title: textValue(view, POLICY_FIELD.title),
    body: textValue(view, POLICY_FIELD.body),
    effectiveOn: state.data[POLICY_FIELD.effective].value.selected_date ?? null,
    teamIds: withTeams ? teams.map((o) => Number(o.value)).filter((n) => Number.isInteger(n) && n > 0) : null,
  };
}
