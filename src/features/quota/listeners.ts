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
import { loadActor } from "../team/index.js";
import { parseQuotaCommand } from "./command.js";
import { type QuotaMessages, quotaMessages } from "./messages.js";
import {
  changeQuotaSetting,
  changeTarget,
  checkIn,
  correctEntry,
  entries,
  entryToCorrect,
  leaderboard,
  mine,
  removeEntry,
  saveTargetsForm,
  targetsFor,
  teamInContext,
  teamTranslator,
  undoCheckin,
} from "./service.js";
import {
  checkinReply,
  correctionModal,
  ENTRY_FIELD,
  entriesReply,
  entryChangeReply,
  entryMetadata,
  helpReply,
  leaderboardReply,
  messageModalFor,
  mineReply,
  QUOTA_IDS,
  settingReply,
  TARGET_FIELD,
  targetChangeReply,
  targetsMetadata,
  targetsModal,
  targetsSavedModal,
  undoneReply,
  VALUE,
} from "./views.js";

const checkinId = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  router.command(
    QUOTA_IDS.command,
    commandListener(deps, quotaMessages, (request) => handleQuotaCommand(deps, request)),
  );

  router.action(
    QUOTA_IDS.undoButton,
    actionListener(deps, quotaMessages, async ({ workspaceId, userId, value, t }) => {
      const id = checkinId.safeParse(value);
      if (!id.success) throw new UserError("quota.entry.gone");
      return undoneReply(t, await undoCheckin(deps, workspaceId, userId, id.data));
    }),
  );

  router.action(
    QUOTA_IDS.removeButton,
    actionListener(deps, quotaMessages, async ({ workspaceId, userId, value, t }) => {
      const id = checkinId.safeParse(value);
      if (!id.success) throw new UserError("quota.entry.gone");
      return { text: entryChangeReply(t, await removeEntry(deps, workspaceId, userId, id.data), true) };
    }),
  );

  router.action(
    QUOTA_IDS.correctButton,
    actionListener(deps, quotaMessages, async ({ workspaceId, userId, value, triggerId, t }) => {
      const id = checkinId.safeParse(value);
      if (!id.success) throw new UserError("quota.entry.gone");
      const { checkin, team } = await entryToCorrect(deps, workspaceId, userId, id.data);
      await deps.slack.openView(triggerId, correctionModal(t, checkin, team.team));
      return undefined;
    }),
  );

  router.action(
    QUOTA_IDS.targetsButton,
    actionListener(deps, quotaMessages, async ({ workspaceId, userId, channelId, triggerId, t }) => {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await teamInContext(deps, actor, channelId ?? "");
      await openTargets(deps, actor, team, triggerId, t);
      return undefined;
    }),
  );

  router.view(
    QUOTA_IDS.targetsView,
    viewListener(deps, quotaMessages, async ({ workspaceId, userId, view, t }) => {
      const metadata = readMetadata(view, targetsMetadata);
      const fields = [
        ...metadata.repIds.map((repId) => ({ repId, block: TARGET_FIELD.rep(repId) })),
        { repId: null, block: TARGET_FIELD.team },
      ].map(({ repId, block }) => ({ repId, field: block, text: textValue(view, block) }));
      const result = await saveTargetsForm(deps, workspaceId, userId, metadata.teamId, fields);
      if (!result.ok) {
        return {
          errors: fieldErrors(t, result.errors),
        };
      }
      const { changes, period } = result;
      return { update: targetsSavedModal(t, changes, period) };
    }),
  );

  router.view(
    QUOTA_IDS.entryView,
    viewListener(deps, quotaMessages, async ({ workspaceId, userId, view, t }) => {
      const metadata = readMetadata(view, entryMetadata);
      const change = await correctEntry(deps, workspaceId, userId, metadata.checkinId, {
        amount: textValue(view, ENTRY_FIELD.amount),
        note: textValue(view, ENTRY_FIELD.note),
      });
      return { update: messageModalFor(t, "quota.entry.savedTitle", entryChangeReply(t, change, false)) };
    }),
  );
}

async function openTargets(
  deps: Deps,
  actor: Awaited<ReturnType<typeof loadActor>>,
  team: Awaited<ReturnType<typeof teamInContext>>,
  triggerId: string,
  t: Parameters<typeof targetsModal>[0],
): Promise<void> {
  const form = await targetsFor(deps, actor, team);
  const reps = await Promise.all(
    team.repIds.map(async (id) => ({ id, name: (await deps.users.get(id).catch(() => null))?.name ?? id })),
  );
  await deps.slack.openView(
    triggerId,
    targetsModal(t, { team: team.team, period: form.period, targets: form.targets, reps }),
  );
}

async function handleQuotaCommand(
  deps: Deps,
  request: CommandRequest<QuotaMessages>,
): Promise<Reply | undefined> {
  const { t, workspaceId, userId, channelId } = request;
  const command = parseQuotaCommand(request.text);
  switch (command.kind) {
    case "mine":
      return mineReply(t, await mine(deps, workspaceId, userId));
    case "help":
      return helpReply(t);
    case "checkin":
      return checkinReply(
        t,
        await checkIn(deps, {
          workspaceId,
          userId,
          channelId,
          text: command.text,
          requestId: request.triggerId,
        }),
      );
    case "undo":
      return undoneReply(t, await undoCheckin(deps, workspaceId, userId));
    case "leaderboard": {
      const board = await leaderboard(deps, workspaceId, userId, channelId, command.product);
      return leaderboardReply(board.inChannel ? teamTranslator(board.team.team) : t, board);
    }
    case "target": {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await teamInContext(deps, actor, channelId);
      return targetChangeReply(t, await changeTarget(deps, actor, team, command.repId, command.amount));
    }
    case "targets": {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await teamInContext(deps, actor, channelId);
      await targetsFor(deps, actor, team);
      await request.ackEmpty();
      await openTargets(deps, actor, team, request.triggerId, t);
      return undefined;
    }
    case "entries":
      return entriesReply(t, await entries(deps, workspaceId, userId, channelId, command.repId));
    case "set": {
      const actor = await loadActor(deps, workspaceId, userId);
      const team = await teamInContext(deps, actor, channelId);
      return settingReply(t, await changeQuotaSetting(deps, actor, team, command.key, command.value));
    }
    case "invalid":
      throw new UserError(command.problem.key, command.problem.params);
  }
}

function textValue(view: ViewSubmitAction["view"], block: string): string {
  const entry = view.state.values[block]?.[VALUE] as { value?: string | null } | undefined;
  return (entry?.value ?? "").trim();
}
