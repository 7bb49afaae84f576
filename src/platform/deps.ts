import type { Config } from "../config.js";
import type { MembershipSource } from "./access/actor.js";
import type { Db } from "./db/index.js";
import type { Hooks } from "./hooks.js";
import type { Housekeeping, Jobs, Schedules } from "./jobs/index.js";
import type { Log } from "./log.js";
import type { SlackGateway } from "./slack/gateway.js";
import type { ChannelPace } from "./slack/pace.js";
import type { UserDirectory } from "./slack/users.js";
import type { Background } from "./tasks.js";
import type { Absences, Clock } from "./time/index.js";

/** Everything a feature needs, built once in server.ts (or by a test) and passed down; nothing is a singleton. */
export interface Deps {
  readonly db: Db;
  /**
   * The Web API client of a workspace the app is installed in (from the request's or the job's
   * workspace id); throws UnknownWorkspaceError for any other.
   */
  readonly slackFor: (workspaceId: string) => SlackGateway;
  /** The cached Slack profiles of a workspace's people. */
  readonly usersFor: (workspaceId: string) => UserDirectory;
  readonly clock: Clock;
  readonly config: Config;
  readonly log: Log;
  readonly tasks: Background;
  readonly jobs: Jobs;
  /** The clock: jobs at cron times in a team's time zone, one per slot however many processes run. */
  readonly schedules: Schedules;
  /** The nightly clean-up, to which features add their chores. */
  readonly housekeeping: Housekeeping;
  /** Turns for posting to a channel at Slack's pace (one a second). */
  readonly pace: ChannelPace;
  /** Questions features ask of later features (see hooks.ts). */
  readonly hooks: Hooks;
  /** Who is away on which days (approved leave): pace leaves those days out of a rep's own working days. */
  readonly absences: Absences;
  /** The team directory's answer to "which teams is this person in?" (the platform imports no feature). */
  readonly memberships: MembershipSource;
  /**
   * How long a listener may work before it answers Slack anyway (Slack gives up at 3 s): a slash command
   * then says "working on it" and answers by response_url, a modal shows "saving…" and is updated.
   */
  readonly ackDeadlineMs: number;
}

/** Slack wants an answer within 3 s; past this we answer with what we have and follow up. */
export const ACK_DEADLINE_MS = 2000;

/** What work for one workspace talks to Slack with: its client, its people's profiles, and the log. */
export interface InWorkspace {
  readonly workspaceId: string;
  readonly slack: SlackGateway;
  readonly users: UserDirectory;
  readonly log: Log;
}

/** The Slack side of `workspaceId` (a job's, a request's); throws UnknownWorkspaceError for a stranger. */
export function inWorkspace(
  deps: Pick<Deps, "slackFor" | "usersFor" | "log">,
  workspaceId: string,
): InWorkspace {
  return { workspaceId, slack: deps.slackFor(workspaceId), users: deps.usersFor(workspaceId), log: deps.log };
}
