import { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Deps } from "../../platform/deps.js";
import { problemError } from "../../platform/errors.js";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  readMetadata,
  textValue,
  translatorIn,
  viewListener,
} from "../../platform/slack/index.js";
import type { TeamWithMembers } from "../team/index.js";
import { cancelCheckin, checkIn, confirmCheckin, pendingCheckin, undoCheckin } from "./checkins.js";
import { parseQuotaCommand } from "./command.js";
import { correctEntry, entries, entryToCorrect, removeEntry } from "./entries.js";
import { leaderboard } from "./leaderboard.js";
import { type QuotaMessages, quotaMessages } from "./messages.js";
import { registerQuotaJobs } from "./posts.js";
import { quotaProblems } from "./problems.js";
import { mine } from "./progress.js";
import { changeQuotaSetting } from "./settings.js";
import { changeTarget, saveTargetsForm, targetsFor } from "./targets.js";
import { teamInContext } from "./teams.js";
import {
  cancelledReply,
  checkinReply,
  confirmReply,
  correctedModal,
  correctionModal,
  ENTRY_FIELD,
  entriesReply,
  entryMetadata,
  helpReply,
  leaderboardReply,
  mineReply,
  QUOTA_IDS,
  removedReply,
  removeValue,
  settingReply,
  TARGET_FIELD,
  targetChangeReply,
  targetsMetadata,
  targetsModal,
  targetsSavedModal,
  undoneReply,
} from "./views.js";

const { error } = quotaProblems;
const checkinId = z.coerce.number().int().positive();

/** A button value that is JSON of a schema; anything else (an old message, a tampered value) is gone. */
function parseValue<S extends z.ZodType>(schema: S, value: string | undefined): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(value ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function register(router: Router, deps: Deps): void {
  registerQuotaJobs(deps);

  router.command(
    QUOTA_IDS.command,
    commandListener(deps, quotaMessages, (request) => handleQuotaCommand(request)),
  );

  router.action(
    QUOTA_IDS.undoButton,
    actionListener(deps, quotaMessages, async ({ ctx, value, t }) => {
      const id = checkinId.safeParse(value);
      if (!id.success) throw error("quota.entry.gone");
      return undoneReply(t, await undoCheckin(ctx, id.data));
    }),
  );

  router.action(
    QUOTA_IDS.confirmButton,
    actionListener(deps, quotaMessages, async ({ ctx, value, t }) => {
      const pending = parseValue(pendingCheckin, value);
      if (!pending) throw error("quota.entry.gone");
      return checkinReply(t, await confirmCheckin(ctx, pending));
    }),
  );

  router.action(
    QUOTA_IDS.cancelButton,
    actionListener(deps, quotaMessages, async ({ ctx, value, t }) => {
      const requestId = z.string().min(1).max(200).safeParse(value);
      if (!requestId.success) throw error("quota.entry.gone");
      return cancelledReply(t, await cancelCheckin(ctx, requestId.data));
    }),
  );

  router.action(
    QUOTA_IDS.removeButton,
    actionListener(deps, quotaMessages, async ({ ctx, value, t }) => {
      const target = parseValue(removeValue, value);
      if (!target) throw error("quota.entry.gone");
      return removedReply(t, await removeEntry(ctx, target.c, target.r));
    }),
  );

  router.action(
    QUOTA_IDS.correctButton,
    actionListener(deps, quotaMessages, async ({ ctx, value, triggerId, t }) => {
      const id = checkinId.safeParse(value);
      if (!id.success) throw error("quota.entry.gone");
      const { checkin, team } = await entryToCorrect(ctx, id.data);
      await ctx.slack.openView(triggerId, correctionModal(t, checkin, team.team));
      return undefined;
    }),
  );

  router.action(
    QUOTA_IDS.targetsButton,
    actionListener(deps, quotaMessages, async ({ ctx, triggerId, t }) => {
      await openTargets(ctx, await teamInContext(ctx), triggerId, t);
      return undefined;
    }),
  );

  router.view(
    QUOTA_IDS.targetsView,
    viewListener(deps, quotaMessages, async ({ ctx, view, t }) => {
      const metadata = readMetadata(view, targetsMetadata);
      const fields = [
        ...metadata.reps.map(([repId, opened]) => ({ repId, block: TARGET_FIELD.rep(repId), opened })),
        { repId: null, block: TARGET_FIELD.team, opened: metadata.team },
      ].map(({ repId, block, opened }) => ({
        repId,
        field: block,
        text: textValue(view, block),
        openedMinor: opened === 0 ? null : opened,
      }));
      const result = await saveTargetsForm(ctx, metadata.teamId, fields);
      if (!result.ok) return { errors: fieldErrors(t, result.errors) };
      return { update: targetsSavedModal(t, result.changes, result.period) };
    }),
  );

  router.view(
    QUOTA_IDS.entryView,
    viewListener(deps, quotaMessages, async ({ ctx, view, t }) => {
      const metadata = readMetadata(view, entryMetadata);
      const change = await correctEntry(ctx, metadata.checkinId, metadata.version, {
        amount: textValue(view, ENTRY_FIELD.amount),
        note: textValue(view, ENTRY_FIELD.note),
      });
      return { update: correctedModal(t, change) };
    }),
  );
}

async function openTargets(
  ctx: RequestContext,
  team: TeamWithMembers,
  triggerId: string,
  t: Translator<QuotaMessages>,
): Promise<void> {
  const form = await targetsFor(ctx, team);
  const reps = await Promise.all(
    team.repIds.map(async (id) => ({
      id,
      name: (await ctx.users.get(id).catch(() => null))?.name ?? id,
    })),
  );
  await ctx.slack.openView(
    triggerId,
    targetsModal(t, { team: team.team, period: form.period, targets: form.targets, reps }),
  );
}

async function handleQuotaCommand(request: CommandRequest<QuotaMessages>): Promise<Reply | undefined> {
  const { t, ctx } = request;
  const command = parseQuotaCommand(request.text);
  switch (command.kind) {
    case "mine":
      return mineReply(t, await mine(ctx));
    case "help":
      return helpReply(t);
    case "checkin": {
      const answer = await checkIn(ctx, command.text);
      return answer.kind === "confirm" ? confirmReply(t, answer.prompt) : checkinReply(t, answer.outcome);
    }
    case "undo":
      return undoneReply(t, await undoCheckin(ctx));
    case "leaderboard": {
      const board = await leaderboard(ctx, command.product);
      // A posted leaderboard speaks the team's language, whoever asked for it.
      return leaderboardReply(
        board.inChannel ? translatorIn(quotaMessages, board.team.team.locale) : t,
        board,
      );
    }
    case "target":
      return targetChangeReply(
        t,
        await changeTarget(ctx, await teamInContext(ctx), command.repId, command.amount),
      );
    case "targets": {
      const team = await teamInContext(ctx);
      await targetsFor(ctx, team);
      await request.ackEmpty();
      await openTargets(ctx, team, request.triggerId, t);
      return undefined;
    }
    case "entries":
      return entriesReply(t, await entries(ctx, command.repId));
    case "set":
      return settingReply(
        t,
        await changeQuotaSetting(ctx, await teamInContext(ctx), command.key, command.value),
      );
    case "invalid":
      throw problemError(command.problem);
  }
}
