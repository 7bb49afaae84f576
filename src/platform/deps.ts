import type { Config } from "../config.js";
import type { Db } from "./db/index.js";
import type { Log } from "./log.js";
import type { SlackGateway, UserDirectory } from "./slack/index.js";
import type { Background } from "./tasks.js";
import type { Clock } from "./time/index.js";

/** Everything a feature needs, built once in main.ts (or by a test) and passed down; nothing is a singleton. */
export interface Deps {
  readonly db: Db;
  readonly slack: SlackGateway;
  readonly users: UserDirectory;
  readonly clock: Clock;
  readonly config: Config;
  readonly log: Log;
  readonly tasks: Background;
}
