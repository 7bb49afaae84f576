import { z } from "zod";
import { contextFor } from "../../platform/context.js";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { SlackApiError, translatorFor } from "../../platform/slack/index.js";
import { homeMessages } from "./messages.js";
import { homeData } from "./sections.js";
import { findHomeView, saveHomeView, withHomes } from "./store.js";
import { homeView } from "./views.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Renders and publishes one person's Home tab; coalesced per person (one waiting does the work of many). */
    "home.publish": { workspaceId: string; userId: string };
  }
}

/** Views.publish is Tier 4 (about 100 a minute per workspace): the workspace's turns for it, one a second. */
const PUBLISH_TURNS = "views.publish";

/** Queues a refresh of one person's Home; a refresh already waiting for them takes this one in. */
export async function queuePublish(deps: Deps, workspaceId: string, userId: string): Promise<void> {
  await deps.jobs.send("home.publish", { workspaceId, userId }, { key: `${workspaceId}:${userId}` });
}

/**
 * Renders a person's Home as it is now and publishes it, sending the hash of the Home last published so a
 * publish racing another is refused rather than overwriting it; on that refusal the Home is rendered again
 * (with what changed meanwhile) and published once more.
 */
export async function publishHome(deps: Deps, workspaceId: string, userId: string): Promise<void> {
  const where = inWorkspace(deps, workspaceId);
  const t = await translatorFor(where, homeMessages, userId);
  const render = async () =>
    homeView(t, await homeData(contextFor(deps, { workspaceId, userId }), t.language, t.locale));
  const last = await findHomeView(deps.db, workspaceId, userId);
  await deps.pace.turn(workspaceId, PUBLISH_TURNS);
  let published: { id: string; hash: string };
  try {
    published = await where.slack.publishHome(userId, await render(), last?.hash);
  } catch (error) {
    if (!(error instanceof SlackApiError && error.code === "hash_conflict")) throw error;
    deps.log.info(`the Home of ${userId} changed while it was rendered; rendering it again`);
    await deps.pace.turn(workspaceId, PUBLISH_TURNS);
    published = await where.slack.publishHome(userId, await render());
  }
  await saveHomeView(deps.db, {
    workspaceId,
    userId,
    viewId: published.id,
    hash: published.hash,
    publishedAt: deps.clock.now(),
  });
}

/** The publishing job, and the answer to "home.changed": a refresh for each person who has a Home. */
export function registerPublishing(deps: Deps): void {
  deps.jobs.define(
    "home.publish",
    z.object({ workspaceId: z.string(), userId: z.string() }),
    ({ workspaceId, userId }) => publishHome(deps, workspaceId, userId),
    { policy: "coalesce" },
  );
  deps.hooks.answer("home.changed", async ({ workspaceId, userIds }) => {
    // Only people who opened their Home have one to refresh; the others get theirs when they open it.
    for (const userId of await withHomes(deps.db, workspaceId, userIds))
      await queuePublish(deps, workspaceId, userId);
    return undefined;
  });
}
