/** Deps for calling Supervisor's services in this process, with Slack kept out of the measurement. */
import { WebClient } from "@slack/web-api";
import { loadConfig } from "../src/config.js";
import { registerQuotaJobs } from "../src/features/quota/posts.js";
import { teamMemberships } from "../src/features/team/index.js";
import type { Connection, Db } from "../src/platform/db/index.js";
import { ACK_DEADLINE_MS, type Deps } from "../src/platform/deps.js";
import { Hooks } from "../src/platform/hooks.js";
import { Housekeeping, Jobs, Schedules } from "../src/platform/jobs/index.js";
import { createLogger } from "../src/platform/log.js";
import {
  createSlackGateway,
  type SlackGateway,
  type SlackUser,
  type UserDirectory,
} from "../src/platform/slack/index.js";
import { ChannelPace } from "../src/platform/slack/pace.js";
import { Background } from "../src/platform/tasks.js";
import { Absences, systemClock } from "../src/platform/time/index.js";
import { TIME_ZONE } from "./seed.js";

/**
 * Every profile is an English-speaking non-admin in the teams' zone (no users.info call). Channel posts
 * answer at once with a made-up ts; any other Slack call goes to a closed port and fails loudly.
 */
export function benchDeps(
  db: Db,
  connection: Connection = { kind: "postgres", url: "postgres://unused" },
): Deps {
  const log = createLogger("error");
  const profile = (id: string): SlackUser => ({
    id,
    name: id,
    realName: id,
    tz: TIME_ZONE,
    locale: "en-US",
    isAdmin: false,
    isOwner: false,
    isBot: false,
    deleted: false,
  });
  let posts = 0;
  const unreachable = createSlackGateway(
    new WebClient("xoxb-bench", { slackApiUrl: "http://127.0.0.1:9/api/" }),
  );
  const users: UserDirectory = { get: async (id) => profile(id), forget: () => {} };
  const slack: SlackGateway = {
    ...unreachable,
    postMessage: async (message) => ({ channel: message.channel, ts: `${Date.now() / 1000}${++posts}` }),
  };
  const tasks = new Background(log);
  const jobs = new Jobs({ db, connection }, log, tasks);
  const schedules = new Schedules(db, jobs, log);
  const deps: Deps = {
    db,
    // Every workspace the bench makes up is served alike.
    slackFor: () => slack,
    usersFor: () => users,
    clock: systemClock,
    config: loadConfig({}),
    log,
    tasks,
    jobs,
    schedules,
    housekeeping: new Housekeeping(jobs, schedules, log),
    pace: new ChannelPace(db),
    hooks: new Hooks(),
    absences: new Absences(),
    memberships: teamMemberships,
    ackDeadlineMs: ACK_DEADLINE_MS,
  };
  // The jobs a check-in sends (its channel post) run as they do in the app.
  registerQuotaJobs(deps);
  return deps;
}
