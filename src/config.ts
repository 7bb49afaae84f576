import { z } from "zod";

/** How the app talks to Slack, decided by which credentials are present. */
export type Mode = "socket" | "http" | "sandbox";

const slackUserId = /^[UW][A-Z0-9]{2,}$/;

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .startsWith("xoxb-", { message: "must be a bot token starting with xoxb-" })
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .min(8, { message: "must be the app's signing secret (Basic Information in the app settings)" })
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .startsWith("xapp-", { message: "must be an app-level token starting with xapp- (for Socket Mode)" })
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://slack.com/api/" })
    .default("https://slack.com/api/")
    .transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      message: "must be a postgres:// or postgresql:// connection URL",
    })
    .optional(),
  DATA_DIR: z.string().trim().min(1, { message: "must be a folder path" }).default("./.data"),
  PORT: z.coerce
    .number({ message: "must be a whole number between 0 and 65535" })
    .int({ message: "must be a whole number between 0 and 65535" })
    .min(0, { message: "must be a whole number between 0 and 65535" })
    .max(65535, { message: "must be a whole number between 0 and 65535" })
    .default(3000),
  SLACK_WORKSPACE_POSTS_PER_SECOND: z.coerce
    .number({ message: "must be a number of posts a second, such as 20 (0 turns the workspace pace off)" })
    .min(0, { message: "must be a number of posts a second, such as 20 (0 turns the workspace pace off)" })
    .max(1000, { message: "must be at most 1000 posts a second" })
    .optional(),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], { message: "must be one of debug, info, warn, error" })
    .default("info"),
  LOG_FORMAT: z.enum(["pretty", "json"], { message: "must be pretty or json" }).optional(),
  NODE_ENV: z.string().optional(),
  ADMIN_USER_IDS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(slackUserId, { message: "must be a comma-separated list of Slack user ids (U…)" }),
      ),
    ),
});

/** Which Slack credentials go together; checked on presence alone so every problem is reported at once. */
function credentialProblems(env: Env): { variable: string; message: string }[] {
  const has = (key: string) => Boolean(env[key]);
  if (has("SLACK_APP_TOKEN") && !has("SLACK_BOT_TOKEN")) {
    return [
      {
        variable: "SLACK_BOT_TOKEN",
        message: "is required with SLACK_APP_TOKEN (Socket Mode needs the bot token too)",
      },
    ];
  }
  if (!has("SLACK_APP_TOKEN") && has("SLACK_BOT_TOKEN") && !has("SLACK_SIGNING_SECRET")) {
    return [
      {
        variable: "SLACK_SIGNING_SECRET",
        message: "is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
      },
    ];
  }
  if (!has("SLACK_APP_TOKEN") && !has("SLACK_BOT_TOKEN") && has("SLACK_SIGNING_SECRET")) {
    return [
      {
        variable: "SLACK_BOT_TOKEN",
        message: "is required with SLACK_SIGNING_SECRET (HTTP mode needs both)",
      },
    ];
  }
  return [];
}

export type Config = Readonly<{
  mode: Mode;
  slack: Readonly<{
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
  }>;
  databaseUrl?: string;
  dataDir: string;
  port: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** JSON lines in production (NODE_ENV=production), readable lines otherwise; LOG_FORMAT decides. */
  logFormat: "pretty" | "json";
  adminUserIds: readonly string[];
  /** Posts a second the app allows itself per workspace (Slack's cap is unpublished); the default when unset. */
  workspacePostsPerSecond?: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      [
        "Supervisor cannot start: the configuration is invalid.",
        ...problems.map((p) => `  - ${p.variable} ${p.message}`),
        "Fix these in the environment or in .env (see .env.example).",
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** The only reader of the environment: parses it once and returns a frozen config. */
export function loadConfig(env: Env): Config {
  // Empty strings mean "unset", as they do in most .env files.
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key]?.trim() ? env[key] : undefined]),
  );
  const parsed = schema.safeParse(cleaned);
  const problems = (parsed.success ? [] : parsed.error.issues).map((issue) => {
    const variable = String(issue.path[0] ?? "environment");
    const raw = env[variable];
    const shown = raw && !/TOKEN|SECRET|DATABASE_URL/.test(variable) ? ` (got "${raw}")` : "";
    return { variable, message: `${issue.message}${shown}` };
  });
  problems.push(...credentialProblems(cleaned));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const mode: Mode = e.SLACK_APP_TOKEN ? "socket" : e.SLACK_BOT_TOKEN ? "http" : "sandbox";
  return Object.freeze({
    mode,
    slack: Object.freeze({
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    }),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === "production" ? "json" : "pretty"),
    adminUserIds: Object.freeze([...e.ADMIN_USER_IDS]),
    workspacePostsPerSecond: e.SLACK_WORKSPACE_POSTS_PER_SECOND,
  });
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = ".env"): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * The configuration of a command run from the shell: `.env`, then the environment. A mistake in it is
 * written to stderr as it is (null then; the caller exits), not as a crash.
 */
export function configOfProcess(): Config | null {
  loadDotEnv();
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
