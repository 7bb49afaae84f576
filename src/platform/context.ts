import { loadActor } from "./access/actor.js";
import type { Actor } from "./access/policy.js";
import type { Deps } from "./deps.js";
import type { SlackGateway } from "./slack/gateway.js";
import type { UserDirectory } from "./slack/users.js";

/**
 * One request as every use case sees it: who asks, in which workspace and channel, under which Slack
 * request id, and (loaded once, when first asked for) who they are. The listener wrapper makes it; the
 * sandbox seed and tests make it with `contextFor`.
 */
export interface RequestContext {
  readonly deps: Deps;
  readonly workspaceId: string;
  readonly userId: string;
  /** Where the person asked; null for requests from no channel (a modal, the Home tab, a job). */
  readonly channelId: string | null;
  /**
   * Slack's id of this request (its trigger_id): the same request arriving twice (a replay, a retry) has
   * one effect. Null when there is no Slack request behind it (the demo seed).
   */
  readonly requestId: string | null;
  /** The Web API client of the request's workspace. */
  readonly slack: SlackGateway;
  /** The cached Slack profiles of the workspace's people. */
  readonly users: UserDirectory;
  /** Who is asking, with every role they hold; loaded on first use, then remembered for the request. */
  actor(): Promise<Actor>;
}

export function contextFor(
  deps: Deps,
  fields: { workspaceId: string; userId: string; channelId?: string | null; requestId?: string | null },
): RequestContext {
  let actor: Promise<Actor> | undefined;
  return {
    deps,
    workspaceId: fields.workspaceId,
    userId: fields.userId,
    channelId: fields.channelId ?? null,
    requestId: fields.requestId ?? null,
    get slack() {
      return deps.slackFor(fields.workspaceId);
    },
    get users() {
      return deps.usersFor(fields.workspaceId);
    },
    actor() {
      actor ??= loadActor(deps, fields.workspaceId, fields.userId);
      actor.catch(() => {
        actor = undefined;
      });
      return actor;
    },
  };
}
