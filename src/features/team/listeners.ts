import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  readMetadata,
  UserError,
  viewListener,
} from "../../platform/slack/index.js";
import { parseTeamCommand } from "./command.js";
import { formFor, saveForm, type TeamForm } from "./form.js";
import { type TeamMessages, teamMessages } from "./messages.js";
import {
  changeMembers,
  changeRole,
  changeSetting,
  createTeam,
  loadActor,
  overview,
  rolesInWorkspace,
  targetTeam,
  teamsInWorkspace,
} from "./service.js";
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

export function register(router: Router, deps: Deps): void {
  router.command(
    TEAM_IDS.command,
    commandListener(deps, teamMessages, (request) => handleTeamCommand(deps, request)),
  );

  router.action(
    TEAM_IDS.editButton,
    actionListener(deps, teamMessages, async (request) => {
      const teamId = z.coerce.number().int().positive().safeParse(request.value);
      if (!teamId.success) throw new UserError("team.gone");
      const actor = await loadActor(deps, request.workspaceId, request.userId);
      const form = await formFor(deps, actor, { teamId: teamId.data });
      await deps.slack.openView(request.triggerId, teamModal(request.t, form));
      return undefined;
    }),
  );

  router.action(
    TEAM_IDS.createButton,
    actionListener(deps, teamMessages, async (request) => {
      const channelId = request.value ?? request.channelId ?? "";
      const actor = await loadActor(deps, request.workspaceId, request.userId);
      const form = await formFor(deps, actor, { channelId });
      await deps.slack.openView(request.triggerId, teamModal(request.t, form));
      return undefined;
    }),
  );

  router.view(
    TEAM_IDS.saveView,
    viewListener(deps, teamMessages, async ({ workspaceId, userId, view, t }) => {
      const form = readForm(view);
      const actor = await loadActor(deps, workspaceId, userId);
      const result = await saveForm(deps, actor, form);
      if (!result.ok) {
        return {
          errors: fieldErrors(t, result.errors),
        };
      }
      return { update: savedModal(t, result.team, result.created, result.appInChannel) };
    }),
  );
}

async function handleTeamCommand(
  deps: Deps,
  request: CommandRequest<TeamMessages>,
): Promise<Reply | undefined> {
  const { t, workspaceId, userId, channelId } = request;
  const command = parseTeamCommand(request.text);
  switch (command.kind) {
    case "show": {
      const found = await overview(deps, workspaceId, userId, channelId);
      if (found.kind === "team") return teamCard(t, found.team, found);
      if (found.kind === "several") return severalTeamsReply(t, found.teams);
      return noTeamReply(t, found);
    }
    case "help":
      return helpReply(t);
    case "list":
      return listReply(t, await teamsInWorkspace(deps, workspaceId));
    case "roles":
      return rolesReply(t, await rolesInWorkspace(deps, workspaceId));
    case "edit":
    case "create": {
      const actor = await loadActor(deps, workspaceId, userId);
      if (command.kind === "create" && (command.name || command.supervisorIds.length > 0)) {
        if (!command.name) throw new UserError("team.create.usage");
        const created = await createTeam(deps, actor, {
          name: command.name,
          channelId: command.channelId ?? channelId,
          supervisorIds: command.supervisorIds,
        });
        return createdReply(t, created);
      }
      const form = await formFor(deps, actor, { channelId });
      await request.ackEmpty();
      await deps.slack.openView(request.triggerId, teamModal(t, form));
      return undefined;
    }
    case "add":
    case "move":
    case "remove": {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await targetTeam(deps, actor, channelId);
      return memberChangeReply(t, await changeMembers(deps, actor, team, command.kind, command.userIds));
    }
    case "supervisor": {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await targetTeam(deps, actor, channelId);
      const op = command.op === "add" ? "addSupervisor" : "removeSupervisor";
      return memberChangeReply(t, await changeMembers(deps, actor, team, op, command.userIds));
    }
    case "set": {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await targetTeam(deps, actor, channelId);
      return settingChangeReply(
        t,
        await changeSetting(deps, actor, team, command.key, command.value, command.channelId),
      );
    }
    case "grant":
    case "revoke": {
      const actor = await loadActor(deps, workspaceId, userId);
      return roleChangeReply(t, await changeRole(deps, actor, command.kind, command.userIds, command.role));
    }
    case "invalid":
      throw new UserError(command.problem.key, command.problem.params);
  }
}

const selected = z.object({ value: z.string() }).nullish();
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
});

function readForm(view: ViewSubmitAction["view"]): TeamForm {
  const metadata = readMetadata(view, formMetadata);
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw new UserError("common.error.expiredForm");
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
  };
}
