import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { changeRole, registerAccessJobs, rolesInWorkspace } from "../../platform/access/index.js";
import type { Deps } from "../../platform/deps.js";
import { problemError } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  readMetadata,
  viewListener,
} from "../../platform/slack/index.js";
import { parseTeamCommand } from "./command.js";
import { createTeam } from "./create.js";
import { targetTeam } from "./directory.js";
import { formFor, saveForm, type TeamForm } from "./form.js";
import { changeMembers } from "./members.js";
import { type TeamMessages, teamMessages } from "./messages.js";
import { registerTeamJobs } from "./notices.js";
import { overview, teamsInWorkspace } from "./overview.js";
import { teamProblems } from "./problems.js";
import type { RoutinesFormInput } from "./routines.js";
import type { RoutineName } from "./schema.js";
import { changeSetting } from "./settings.js";
import {
  createdReply,
  FIELD,
  formMetadata,
  helpReply,
  listReply,
  memberChangeReply,
  noTeamReply,
  roleChangeReply,
  rolesReply,
  savedModal,
  settingChangeReply,
  severalTeamsReply,
  TEAM_IDS,
  teamCard,
  teamModal,
  VALUE,
} from "./views.js";

const { error } = teamProblems;

export function register(router: Router, deps: Deps): void {
  registerAccessJobs(deps);
  registerTeamJobs(deps);

  router.command(
    TEAM_IDS.command,
    commandListener(deps, teamMessages, (request) => handleTeamCommand(request)),
  );

  router.action(
    TEAM_IDS.editButton,
    actionListener(deps, teamMessages, async ({ ctx, value, triggerId, t }) => {
      const teamId = z.coerce.number().int().positive().safeParse(value);
      if (!teamId.success) throw error("team.gone");
      const form = await formFor(ctx, { teamId: teamId.data });
      await ctx.slack.openView(triggerId, teamModal(t, form));
      return undefined;
    }),
  );

  router.action(
    TEAM_IDS.createButton,
    actionListener(deps, teamMessages, async ({ ctx, value, triggerId, t }) => {
      const form = await formFor(ctx, { channelId: value ?? ctx.channelId ?? "" });
      await ctx.slack.openView(triggerId, teamModal(t, form));
      return undefined;
    }),
  );

  router.view(
    TEAM_IDS.saveView,
    viewListener(deps, teamMessages, async ({ ctx, view, t }) => {
      const result = await saveForm(ctx, readForm(view));
      if (!result.ok) return { errors: fieldErrors(t, result.errors) };
      return { update: savedModal(t, result.team, result.routines, result.created, result.appInChannel) };
    }),
  );
}

async function handleTeamCommand(request: CommandRequest<TeamMessages>): Promise<Reply | undefined> {
  const { t, ctx } = request;
  const command = parseTeamCommand(request.text);
  switch (command.kind) {
    case "show": {
      const found = await overview(ctx);
      if (found.kind === "team") return teamCard(t, found.team, found);
      if (found.kind === "several") return severalTeamsReply(t, found.teams);
      return noTeamReply(t, found);
    }
    case "help":
      return helpReply(t);
    case "list":
      return listReply(t, await teamsInWorkspace(ctx));
    case "roles":
      return rolesReply(t, await rolesInWorkspace(ctx));
    case "edit":
    case "create": {
      if (command.kind === "create" && (command.name || command.supervisorIds.length > 0)) {
        if (!command.name) throw error("team.create.usage");
        const created = await createTeam(ctx, {
          name: command.name,
          channelId: command.channelId ?? ctx.channelId ?? "",
          supervisorIds: command.supervisorIds,
        });
        return createdReply(t, created, created.routines);
      }
      const form = await formFor(ctx, { channelId: ctx.channelId ?? "" });
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, teamModal(t, form));
      return undefined;
    }
    case "add":
    case "move":
    case "remove":
      return memberChangeReply(
        t,
        await changeMembers(ctx, await targetTeam(ctx), command.kind, command.userIds),
      );
    case "supervisor": {
      const op = command.op === "add" ? "addSupervisor" : "removeSupervisor";
      return memberChangeReply(t, await changeMembers(ctx, await targetTeam(ctx), op, command.userIds));
    }
    case "set":
      return settingChangeReply(
        t,
        await changeSetting(
          ctx,
          await targetTeam(ctx),
          command.key,
          command.value,
          command.channelId,
          t.language,
        ),
      );
    case "grant":
    case "revoke":
      return roleChangeReply(t, await changeRole(ctx, command.kind, command.userIds, command.role));
    case "invalid":
      throw problemError(command.problem);
  }
}

const selected = z.object({ value: z.string() }).nullish();
const options = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });
const time = z.object({ selected_time: z.string().nullish() });
const field = <S extends z.ZodType>(element: S) => z.object({ [VALUE]: element }).optional();

/** The modal's state as Slack sends it (unselected selects are null, number inputs strings). */
const formState = z.object({
  [FIELD.name]: field(z.object({ value: z.string().nullish() })),
  [FIELD.channel]: field(z.object({ selected_conversation: z.string().nullish() })),
  [FIELD.supervisors]: field(z.object({ selected_users: z.array(z.string()).nullish() })),
  [FIELD.reps]: field(z.object({ selected_users: z.array(z.string()).nullish() })),
  [FIELD.timeZone]: field(z.object({ value: z.string().nullish() })),
  [FIELD.locale]: field(z.object({ selected_option: selected })),
  [FIELD.currency]: field(z.object({ value: z.string().nullish() })),
  [FIELD.holidayCountry]: field(z.object({ value: z.string().nullish() })),
  [FIELD.workWeek]: field(z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() })),
  [FIELD.quotaPeriod]: field(z.object({ selected_option: selected })),
  [FIELD.escalationHours]: field(z.object({ value: z.string().nullish() })),
  [FIELD.policyReminderDays]: field(z.object({ value: z.string().nullish() })),
});

/** The scheduled posts' blocks (see `routineField`). */
const routineState = z.object({
  motivationOn: field(options),
  motivationDays: field(options),
  motivationTime: field(time),
  spotlightOn: field(options),
  spotlightDays: field(options),
  spotlightTime: field(time),
  standupOn: field(options),
  standupDays: field(options),
  standupTime: field(time),
  standupCutoff: field(time),
  standupAskIn: field(z.object({ selected_option: selected })),
});

/** The routines' blocks as submitted; null from a form opened before it had them. */
function readRoutines(values: unknown): RoutinesFormInput | null {
  const state = routineState.safeParse(values);
  if (!state.success) throw error("common.error.expiredForm");
  const v = state.data;
  if (!v.standupTime) return null;
  const picked = (block: { value: z.infer<typeof options> } | undefined) =>
    (block?.value.selected_options ?? []).map((o) => o.value);
  const read = (routine: RoutineName) => ({
    on: picked(v[`${routine}On`]).includes("on"),
    days: picked(v[`${routine}Days`]),
    time: v[`${routine}Time`]?.value.selected_time ?? null,
  });
  return {
    motivation: read("motivation"),
    spotlight: read("spotlight"),
    standup: {
      ...read("standup"),
      cutoff: v.standupCutoff?.value.selected_time ?? null,
      askIn: v.standupAskIn?.value.selected_option?.value ?? null,
    },
  };
}

function readForm(view: ViewSubmitAction["view"]): TeamForm {
  const metadata = readMetadata(view, formMetadata);
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const v = state.data;
  return {
    teamId: metadata.teamId,
    version: metadata.version,
    name: v.name?.value.value ?? "",
    channelId: v.channel?.value.selected_conversation ?? null,
    supervisorIds: v.supervisors?.value.selected_users ?? [],
    repIds: v.reps?.value.selected_users ?? [],
    timeZone: v.timeZone?.value.value ?? "",
    locale: v.locale?.value.selected_option?.value ?? "",
    currency: v.currency?.value.value ?? "",
    holidayCountry: v.holidayCountry?.value.value ?? "",
    workWeek: (v.workWeek?.value.selected_options ?? []).map((o) => o.value),
    quotaPeriod: v.quotaPeriod?.value.selected_option?.value ?? "",
    // A form opened before this field existed keeps the default.
    escalationHours: v.escalationHours?.value.value ?? "24",
    policyReminderDays: v.policyReminderDays?.value.value ?? "3",
    routines: readRoutines(view.state.values),
  };
}
