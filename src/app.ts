import { App, type Receiver } from "@slack/bolt";
import * as approvals from "./features/approvals/index.js";
import * as coaching from "./features/coaching/index.js";
import * as commissions from "./features/commissions/index.js";
import * as escalations from "./features/escalations/index.js";
import * as home from "./features/home/index.js";
import * as leave from "./features/leave/index.js";
import * as meetings from "./features/meetings/index.js";
import * as motivation from "./features/motivation/index.js";
import * as policies from "./features/policies/index.js";
import * as products from "./features/products/index.js";
import * as quota from "./features/quota/index.js";
import * as reports from "./features/reports/index.js";
import * as routines from "./features/routines/index.js";
import * as spotlight from "./features/spotlight/index.js";
import * as standup from "./features/standup/index.js";
import * as team from "./features/team/index.js";
import * as warnings from "./features/warnings/index.js";
import type { Deps } from "./platform/deps.js";
import { commonMessages } from "./platform/i18n/messages.js";
import { inRequest, newRequestId } from "./platform/log.js";
import { cleanTextAtTheEdge } from "./platform/slack/edge.js";
import { Router, slackFetch, translatorIn, UnknownWorkspaceError } from "./platform/slack/index.js";

export interface BotIdentity {
  botToken: string;
  botId: string;
  botUserId: string;
}

/**
 * The Bolt app with every feature registered. It never starts itself: main.ts (or a test) starts the
 * receiver. Bolt is given the bot's identity so it never calls auth.test on its own.
 */
export function createApp(deps: Deps, receiver: Receiver, bot: BotIdentity): { app: App; router: Router } {
  const app = new App({
    receiver,
    token: bot.botToken,
    botId: bot.botId,
    botUserId: bot.botUserId,
    logger: deps.log.child("bolt"),
    // State lives in Postgres; Bolt's in-memory conversation store would only cost time on every request.
    convoStore: false,
    clientOptions: {
      slackApiUrl: deps.config.slack.apiUrl,
      // Also what Bolt's `respond` answers a response_url with.
      fetch: slackFetch,
      retryConfig: { retries: 2, maxTimeout: 2000 },
      timeout: 5_000,
    },
  });
  // Every log line of a request (and of what it does after its ack) carries the request's id.
  app.use(({ next }) => inRequest(newRequestId(), next));
  refuseOtherWorkspaces(app, deps);
  cleanTextAtTheEdge(app);
  const router = new Router(app);
  team.register(router, deps);
  products.register(router, deps);
  quota.register(router, deps);
  approvals.register(router, deps);
  leave.register(router, deps);
  commissions.register(router, deps);
  escalations.register(router, deps);
  warnings.register(router, deps);
  coaching.register(router, deps);
  policies.register(router, deps);
  meetings.register(router, deps);
  motivation.register(router, deps);
  spotlight.register(router, deps);
  standup.register(router, deps);
  routines.register(router, deps);
  home.register(router, deps);
  reports.register(router, deps);

  app.error(async (error) => {
    deps.log.error("unhandled error in a listener:", error);
  });
  return { app, router };
}

/**
 * A request from a workspace the app is not installed in (its team id unknown) is answered politely and
 * goes no further: no listener runs with another workspace's people under this workspace's client.
 */
function refuseOtherWorkspaces(app: App, deps: Deps): void {
  app.use(async (args) => {
    const workspaceId = args.context.teamId ?? "";
    try {
      deps.slackFor(workspaceId);
    } catch (error) {
      if (!(error instanceof UnknownWorkspaceError)) throw error;
      deps.log.warn(`a request from workspace ${workspaceId || "(none)"}, where the app is not installed`);
      const ack = (args as { ack?: (answer?: unknown) => Promise<void> }).ack;
      if (args.body && "command" in args.body) {
        // Nothing says which language the person reads (no client for their workspace to ask): both.
        const text = (["en", "sv"] as const)
          .map((language) => translatorIn(commonMessages, language).t("common.error.notInstalled"))
          .join("\n");
        await ack?.({ response_type: "ephemeral", text });
      } else await ack?.();
      return;
    }
    await args.next();
  });
}
