import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import type { Router } from "../../platform/slack/index.js";
import { queuePublish, registerPublishing } from "./publish.js";
import { firstSighting, forgetSeenEvents, saveHomeView } from "./store.js";

/**
 * The Home tab: published when a person opens it, and again when something on it changes ("home.changed").
 * Slack retries an event it thinks went unanswered (X-Slack-Retry-Num): each event id is handled once,
 * however many times and to however many instances it is delivered.
 */
const homeOpened = z.object({
  user: z.string().min(1),
  tab: z.string(),
  view: z.object({ id: z.string(), hash: z.string() }).partial().optional(),
});

export function register(router: Router, deps: Deps): void {
  registerPublishing(deps);
  deps.housekeeping.add("forget the events seen a day ago", () =>
    forgetSeenEvents(deps.db, deps.clock.now()),
  );

  router.event("app_home_opened", async ({ event: raw, body, context }) => {
    const parsed = homeOpened.safeParse(raw);
    if (!parsed.success || parsed.data.tab !== "home") return;
    const event = parsed.data;
    const workspaceId = context.teamId ?? (body as { team_id?: string }).team_id ?? "";
    const eventId = (body as { event_id?: string }).event_id;
    // Slack has its answer already (events are acknowledged at once): the rest is tracked work, which
    // shutdown (and a test's settle) waits for.
    deps.tasks.run("app_home_opened", () => opened(deps, workspaceId, eventId, event));
  });
}

async function opened(
  deps: Deps,
  workspaceId: string,
  eventId: string | undefined,
  event: z.infer<typeof homeOpened>,
): Promise<void> {
  if (eventId && !(await firstSighting(deps.db, workspaceId, eventId, deps.clock.now()))) return;
  // The Home Slack shows now, with its hash: what the next publish must name to replace it.
  const shown = event.view;
  if (shown?.id && shown.hash) {
    await saveHomeView(deps.db, {
      workspaceId,
      userId: event.user,
      viewId: shown.id,
      hash: shown.hash,
      publishedAt: deps.clock.now(),
    });
  }
  await queuePublish(deps, workspaceId, event.user);
}
