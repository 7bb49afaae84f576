import type { SlackGateway } from "./gateway.js";
import type { UserDirectory } from "./users.js";

/** What the app holds for one Slack workspace it is installed in: its client, and its people's profiles. */
export interface WorkspaceSlack {
  readonly slack: SlackGateway;
  readonly users: UserDirectory;
}

/** A request or job for a workspace the app is not installed in (a stale job, a forged team id). */
export class UnknownWorkspaceError extends Error {
  constructor(readonly workspaceId: string) {
    super(`Supervisor is not installed in Slack workspace ${workspaceId}`);
    this.name = "UnknownWorkspaceError";
  }
}

/**
 * The Slack side of each workspace, by its id: services and jobs ask for the workspace they work for
 * (`slackFor(ctx.workspaceId)`, `slackFor(job.workspaceId)`), never for "the" client. One workspace runs
 * today, from the bot token in the configuration; installations over OAuth add theirs here.
 */
export class Workspaces {
  readonly #installed = new Map<string, WorkspaceSlack>();

  /** Registers a workspace's client and profile cache (at start-up; later, on installation). */
  install(workspaceId: string, workspace: WorkspaceSlack): void {
    this.#installed.set(workspaceId, workspace);
  }

  has(workspaceId: string): boolean {
    return this.#installed.has(workspaceId);
  }

  /** The workspace's Web API client; throws UnknownWorkspaceError for a workspace the app is not in. */
  slackFor(workspaceId: string): SlackGateway {
    return this.#get(workspaceId).slack;
  }

  /** The workspace's cached profiles of people. */
  usersFor(workspaceId: string): UserDirectory {
    return this.#get(workspaceId).users;
  }

  #get(workspaceId: string): WorkspaceSlack {
    const workspace = this.#installed.get(workspaceId);
    if (!workspace) throw new UnknownWorkspaceError(workspaceId);
    return workspace;
  }
}
