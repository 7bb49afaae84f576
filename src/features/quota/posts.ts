import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { translatorFor, translatorIn } from "../../platform/slack/index.js";
import { periodByKey } from "../../platform/time/index.js";
import { findProduct } from "../products/index.js";
import { findTeam, type Team } from "../team/index.js";
import { quotaMessages } from "./messages.js";
import { repProgress } from "./progress.js";
import type { Checkin } from "./schema.js";
import { rulesOf } from "./settings.js";
import { claimPost, figuresInCurrency, findCheckin, releasePost, savePost } from "./store.js";
import { channelPost, dayText, periodName } from "./views.js";

/** The channel posts and DMs quotas owe people, and the questions quotas answer for other features. */
export function registerQuotaJobs(deps: Deps): void {
  deps.jobs.define(
    "quota.checkin.sync",
    z.object({ workspaceId: z.string(), checkinId: z.number().int() }),
    ({ workspaceId, checkinId }, { attempt }) => syncCheckinPost(deps, workspaceId, checkinId, attempt),
    {
      policy: "serial",
      // The channel is gone, archived, or Slack will not let the app post there: retrying cannot help.
      onPermanentFailure: async ({ workspaceId, checkinId }, failure) => {
        const checkin = await findCheckin(deps.db, workspaceId, checkinId);
        if (checkin?.postTs === "") await releasePost(deps.db, checkin.id);
        const found = checkin ? await findTeam(deps.db, workspaceId, checkin.teamId) : null;
        if (!checkin || !found) return;
        const t = await translatorFor(deps, quotaMessages, checkin.repId, found.team.locale);
        await deps.slack.postMessage({
          channel: checkin.repId,
          text: t.t("quota.post.failed", {
            channel: found.team.channelId,
            amount: t.money(checkin.amountMinor, checkin.currency),
            reason: failure.code === "not_in_channel" ? "notInChannel" : "channelGone",
          }),
        });
      },
    },
  );

  deps.jobs.define(
    "quota.target.notice",
    z.object({
      workspaceId: z.string(),
      teamId: z.number().int(),
      repId: z.string(),
      by: z.string(),
      periodKey: z.string(),
      amountMinor: z.number().int().min(0),
    }),
    async ({ workspaceId, teamId, repId, by, periodKey, amountMinor }) => {
      const found = await findTeam(deps.db, workspaceId, teamId);
      if (!found) return;
      const team = found.team;
      const t = await translatorFor(deps, quotaMessages, repId, team.locale);
      const period = periodByKey(periodKey, team.timeZone);
      if (!period) return;
      await deps.slack.postMessage({
        channel: repId,
        text: t.t(amountMinor > 0 ? "quota.target.notice" : "quota.target.clearedNotice", {
          by,
          period: periodName(t, period),
          amount: t.money(amountMinor, team.currency),
        }),
      });
    },
  );

  const entryNotice = z.object({
    workspaceId: z.string(),
    checkinId: z.number().int(),
    by: z.string(),
    change: z.enum(["removed", "corrected"]),
    beforeMinor: z.number().int(),
  });
  deps.jobs.define(
    "quota.entry.notice",
    entryNotice,
    async ({ workspaceId, checkinId, by, change, beforeMinor }) => {
      const checkin = await findCheckin(deps.db, workspaceId, checkinId);
      const found = checkin ? await findTeam(deps.db, workspaceId, checkin.teamId) : null;
      if (!checkin || !found) return;
      const t = await translatorFor(deps, quotaMessages, checkin.repId, found.team.locale);
      await deps.slack.postMessage({
        channel: checkin.repId,
        text: t.t(change === "removed" ? "quota.entry.removedNotice" : "quota.entry.correctedNotice", {
          by,
          date: dayText(t, checkin.soldOn),
          before: t.money(beforeMinor, checkin.currency),
          after: t.money(checkin.amountMinor, checkin.currency),
        }),
      });
    },
  );

  deps.hooks.answer("team.currency.inUse", async ({ db, team, periodStart, periodEnd, periodKey }) => {
    const found = await findTeam(db, team.workspaceId, team.id);
    return figuresInCurrency(
      db,
      team.id,
      team.currency,
      { start: periodStart, end: periodEnd, key: periodKey },
      found?.repIds ?? [],
    );
  });
}

/**
 * Makes the team channel's message about a check-in say what the check-in is now. The first sync posts it
 * (claiming the post so two syncs never post twice); later ones update it: taken back, removed by the
 * supervisor, corrected. A change that lands while the post is on its way is caught by the poster, who
 * reads the check-in again as it saves the message's ts.
 */
async function syncCheckinPost(
  deps: Deps,
  workspaceId: string,
  checkinId: number,
  attempt: number,
): Promise<void> {
  const checkin = await findCheckin(deps.db, workspaceId, checkinId);
  const found = checkin ? await findTeam(deps.db, workspaceId, checkin.teamId) : null;
  if (!checkin || !found) return;
  const team = found.team;
  // On its way: the poster brings it up to date. Jobs of one check-in run one at a time, so on a retry
  // the claim is this job's own from a run that died (a stopped or killed process): post it now.
  if (checkin.postTs === "" && attempt === 0) return;
  if (checkin.postTs === "" && checkin.postChannelId) {
    await postNow(deps, team, checkin);
    return;
  }
  if (checkin.postTs && checkin.postChannelId) {
    await deps.slack.updateMessage({
      channel: checkin.postChannelId,
      ts: checkin.postTs,
      ...(await render(deps, team, checkin)),
    });
    return;
  }
  if (checkin.status !== "active" || (await rulesOf(deps.db, team)).checkinsPrivate) return;
  if (!(await claimPost(deps.db, checkin.id, team.channelId))) return;
  await postNow(deps, team, checkin);
}

/** Posts a claimed check-in, remembers the message, and updates it if the check-in changed meanwhile. */
async function postNow(deps: Deps, team: Team, checkin: Checkin): Promise<void> {
  let post: { channel: string; ts: string };
  try {
    post = await deps.slack.postMessage({ channel: team.channelId, ...(await render(deps, team, checkin)) });
  } catch (failure) {
    await releasePost(deps.db, checkin.id);
    throw failure;
  }
  const now = await savePost(deps.db, checkin.id, post);
  if (
    now &&
    (now.status !== checkin.status || now.amountMinor !== checkin.amountMinor || now.note !== checkin.note)
  ) {
    await deps.slack.updateMessage({
      channel: post.channel,
      ts: post.ts,
      ...(await render(deps, team, now)),
    });
  }
}

async function render(deps: Deps, team: Team, checkin: Checkin) {
  const t = translatorIn(quotaMessages, team.locale);
  const [product, progress, rules] = await Promise.all([
    checkin.productId ? findProduct(deps.db, checkin.productId) : null,
    repProgress(deps.db, team, checkin.repId, deps.clock.now()),
    rulesOf(deps.db, team),
  ]);
  return channelPost(t, checkin, product, rules.checkinsPrivate ? null : progress);
}
