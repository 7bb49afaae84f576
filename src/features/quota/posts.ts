import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import type { Translator } from "../../platform/i18n/index.js";
import { SlackApiError, translatorFor, translatorIn } from "../../platform/slack/index.js";
import { periodByKey } from "../../platform/time/index.js";
import { findProduct } from "../products/index.js";
import { findTeam, type Team } from "../team/index.js";
import { type QuotaMessages, quotaMessages } from "./messages.js";
import { repProgress, repsProgress } from "./progress.js";
import type { Checkin } from "./schema.js";
import { rulesOf } from "./settings.js";
import {
  checkinsOfPost,
  claimUnposted,
  figuresInCurrency,
  findCheckin,
  giveUpClaims,
  hasUnposted,
  releaseClaims,
  savePosts,
  teamsOwedPosts,
} from "./store.js";
import { channelPost, dayText, POST_DETAILED_MAX, periodName } from "./views.js";

/**
 * At most this many sales in one channel message: beyond 20 they read as a list (20 lines a section), so
 * a channel at Slack's pace of one message a second still takes 200 sales a second.
 */
export const POST_MAX_CHECKINS = 200;

/** A sale waiting this long for its post is helped along by the minute's sweep. */
const SWEEP_AFTER_MS = 20_000;

/** The channel posts and DMs quotas owe people, and the questions quotas answer for other features. */
export function registerQuotaJobs(deps: Deps): void {
  deps.jobs.define(
    "quota.channel.flush",
    z.object({ workspaceId: z.string(), teamId: z.number().int() }),
    ({ workspaceId, teamId }) => flushChannel(deps, workspaceId, teamId),
    { policy: "coalesce" },
  );

  // Every minute, whatever waits for its post longer than it should (a post that began gathering just
  // before a sale committed; a process that died with the sale recorded) is sent on its way.
  deps.jobs.define("quota.channel.sweep", z.object({ slot: z.string() }), async () => {
    const owed = await teamsOwedPosts(deps.db, new Date(deps.clock.now().getTime() - SWEEP_AFTER_MS));
    for (const { workspaceId, teamId } of owed) {
      await deps.jobs.send("quota.channel.flush", { workspaceId, teamId }, { key: String(teamId) });
    }
  });
  deps.schedules.plan("quota.channel.sweep", "all", { cron: "* * * * *", timeZone: "UTC" }, (slot) => ({
    slot: slot.toISOString(),
  }));

  deps.jobs.define(
    "quota.post.sync",
    z.object({ workspaceId: z.string(), channelId: z.string(), ts: z.string().min(1) }),
    ({ workspaceId, channelId, ts }) => syncPost(deps, workspaceId, channelId, ts),
    { policy: "serial" },
  );

  deps.jobs.define(
    "quota.post.failed",
    z.object({
      workspaceId: z.string(),
      checkinId: z.number().int(),
      channelId: z.string(),
      reason: z.enum(["notInChannel", "channelGone"]),
    }),
    ({ workspaceId, checkinId, channelId, reason }) =>
      tellRep(deps, workspaceId, checkinId, (t, checkin) =>
        t.t("quota.post.failed", {
          channel: channelId,
          amount: t.money(checkin.amountMinor, checkin.currency),
          reason,
        }),
      ),
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
      const slack = inWorkspace(deps, workspaceId);
      const t = await translatorFor(slack, quotaMessages, repId, team.locale);
      const period = periodByKey(periodKey, team.timeZone);
      if (!period) return;
      await slack.slack.postMessage({
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
  deps.jobs.define("quota.entry.notice", entryNotice, ({ workspaceId, checkinId, by, change, beforeMinor }) =>
    tellRep(deps, workspaceId, checkinId, (t, checkin) =>
      t.t(change === "removed" ? "quota.entry.removedNotice" : "quota.entry.correctedNotice", {
        by,
        date: dayText(t, checkin.soldOn),
        before: t.money(beforeMinor, checkin.currency),
        after: t.money(checkin.amountMinor, checkin.currency),
      }),
    ),
  );

  // Leave shows a decider what a rep's leave does to what each remaining working day must bring in.
  deps.hooks.answer("leave.quotaStanding", async ({ team, repId, at }) => {
    const progress = await repProgress(deps, team, repId, at);
    return {
      targetMinor: progress.targetMinor,
      totalMinor: progress.totals.totalMinor,
      currency: progress.currency,
      periodEnd: progress.period.end,
    };
  });

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

/** A DM to the rep of a check-in, in their language, about it as it is now (nothing if it is gone). */
async function tellRep(
  deps: Deps,
  workspaceId: string,
  checkinId: number,
  text: (t: Translator<QuotaMessages>, checkin: Checkin) => string,
): Promise<void> {
  const checkin = await findCheckin(deps.db, workspaceId, checkinId);
  const found = checkin ? await findTeam(deps.db, workspaceId, checkin.teamId) : null;
  if (!checkin || !found) return;
  const slack = inWorkspace(deps, workspaceId);
  const t = await translatorFor(slack, quotaMessages, checkin.repId, found.team.locale);
  await slack.slack.postMessage({ channel: checkin.repId, text: text(t, checkin) });
}

/**
 * Tells the team's channel of what it has yet to hear of. It takes the channel's turn first (Slack's pace,
 * one post a second) and gathers after, so the sales that came in meanwhile go out together in one post,
 * each listed once; every rep already had their own answer. The post's ts is saved on each sale it lists;
 * any that changed while the post was on its way (taken back, corrected) get the post updated.
 */
async function flushChannel(deps: Deps, workspaceId: string, teamId: number): Promise<void> {
  const found = await findTeam(deps.db, workspaceId, teamId);
  if (!found) return;
  const team = found.team;
  await deps.pace.turn(workspaceId, team.channelId);
  const claimed = await claimUnposted(deps.db, team.id, team.channelId, POST_MAX_CHECKINS);
  if (claimed.length === 0) return;
  const ids = claimed.map((c) => c.id);
  let post: { channel: string; ts: string };
  try {
    const message = await render(deps, team, claimed);
    await deps.pace.sending(workspaceId, team.channelId);
    post = await deps.slackFor(workspaceId).postMessage({ channel: team.channelId, ...message });
  } catch (failure) {
    if (failure instanceof SlackApiError && !failure.transient) await giveUp(deps, team, ids, failure);
    // Tried again later: the sales wait for the channel's next post.
    else await releaseClaims(deps.db, ids);
    throw failure;
  }
  const now = await savePosts(deps.db, ids, post);
  const before = new Map(claimed.map((c) => [c.id, c]));
  if (now.some((row) => changedSince(row, before.get(row.id)))) {
    await deps.jobs.send(
      "quota.post.sync",
      { workspaceId, channelId: post.channel, ts: post.ts },
      { key: `${post.channel}:${post.ts}` },
    );
  }
  // More than one post holds, or sales that came in while this one was gathered: the channel's next turn.
  if (claimed.length === POST_MAX_CHECKINS || (await hasUnposted(deps.db, teamId))) {
    await deps.jobs.send("quota.channel.flush", { workspaceId, teamId }, { key: String(teamId) });
  }
}

function changedSince(now: Checkin, posted: Checkin | undefined): boolean {
  return (
    !posted ||
    now.status !== posted.status ||
    now.amountMinor !== posted.amountMinor ||
    now.note !== posted.note ||
    now.version !== posted.version
  );
}

/**
 * The channel is gone, archived, or Slack will not let the app post there: retrying cannot help. The sales
 * are no longer owed a post there, and each rep is told privately what to do.
 */
async function giveUp(deps: Deps, team: Team, ids: readonly number[], failure: SlackApiError): Promise<void> {
  const reason = failure.code === "not_in_channel" ? "notInChannel" : "channelGone";
  await deps.db.transaction(async (tx) => {
    const given = await giveUpClaims(tx, ids);
    for (const checkin of given) {
      await deps.jobs.send(
        "quota.post.failed",
        { workspaceId: team.workspaceId, checkinId: checkin.id, channelId: team.channelId, reason },
        { tx },
      );
    }
  });
}

/** Makes a channel message say what the sales it lists are now. */
async function syncPost(deps: Deps, workspaceId: string, channelId: string, ts: string): Promise<void> {
  const listed = await checkinsOfPost(deps.db, channelId, ts);
  const first = listed[0];
  const found = first ? await findTeam(deps.db, workspaceId, first.teamId) : null;
  if (!found) return;
  await deps
    .slackFor(workspaceId)
    .updateMessage({ channel: channelId, ts, ...(await render(deps, found.team, listed)) });
}

async function render(deps: Deps, team: Team, listed: readonly Checkin[]) {
  const t = translatorIn(quotaMessages, team.locale);
  const now = deps.clock.now();
  const reps = [...new Set(listed.map((c) => c.repId))];
  const productIds = [...new Set(listed.flatMap((c) => (c.productId ? [c.productId] : [])))];
  const rules = await rulesOf(deps.db, team);
  // Each rep's standing shows under their latest sale in a detailed post; a list has none.
  const detailed = !rules.checkinsPrivate && listed.length <= POST_DETAILED_MAX;
  const [products, standings] = await Promise.all([
    Promise.all(productIds.map((id) => findProduct(deps.db, id))),
    detailed ? repsProgress(deps, team, reps, now) : [],
  ]);
  const productOf = new Map(products.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const progressOf = new Map(reps.map((rep, i) => [rep, standings[i] ?? null]));
  return channelPost(
    t,
    listed.map((checkin) => ({
      checkin,
      product: checkin.productId ? (productOf.get(checkin.productId) ?? null) : null,
      progress: progressOf.get(checkin.repId) ?? null,
    })),
  );
}
