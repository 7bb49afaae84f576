import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("runs the sandbox with no Slack credentials and sensible defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: "sandbox",
      dataDir: "./.data",
      port: 3000,
      logLevel: "info",
      adminUserIds: [],
      slack: { apiUrl: "https://slack.com/api/" },
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("picks HTTP mode with a bot token and signing secret, Socket Mode with an app token", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef" }).mode).toBe(
      "http",
    );
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).mode).toBe("socket");
  });

  it("reads admin ids, port and a Postgres URL; treats empty values as unset", () => {
    const config = loadConfig({
      ADMIN_USER_IDS: "U01ABC, W0XYZ",
      PORT: "8080",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/supervisor",
      SLACK_API_URL: "http://127.0.0.1:4000/api",
      LOG_LEVEL: "",
    });
    expect(config.adminUserIds).toEqual(["U01ABC", "W0XYZ"]);
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe("postgres://postgres@127.0.0.1:5432/supervisor");
    expect(config.slack.apiUrl).toBe("http://127.0.0.1:4000/api/");
    expect(config.logLevel).toBe("info");
  });

  it("logs readable lines in development and JSON lines in production, unless LOG_FORMAT says otherwise", () => {
    expect(loadConfig({}).logFormat).toBe("pretty");
    expect(loadConfig({ NODE_ENV: "production" }).logFormat).toBe("json");
    expect(loadConfig({ NODE_ENV: "production", LOG_FORMAT: "pretty" }).logFormat).toBe("pretty");
    expect(loadConfig({ LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(problems({ LOG_FORMAT: "xml" })).toEqual(['LOG_FORMAT: must be pretty or json (got "xml")']);
  });

  it("names every bad variable at once, and why", () => {
    const found = problems({
      PORT: "eighty",
      LOG_LEVEL: "loud",
      DATABASE_URL: "mysql://localhost/x",
      ADMIN_USER_IDS: "alice",
      SLACK_BOT_TOKEN: "xoxp-user-token",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be a whole number between 0 and 65535 \(got "eighty"\)/),
        expect.stringMatching(/^LOG_LEVEL: must be one of debug, info, warn, error/),
        expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\//),
        expect.stringMatching(/^ADMIN_USER_IDS: must be a comma-separated list of Slack user ids/),
        expect.stringMatching(/^SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/),
        expect.stringMatching(/^SLACK_SIGNING_SECRET: is required with SLACK_BOT_TOKEN/),
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it("never echoes secrets in its messages", () => {
    const found = problems({ SLACK_BOT_TOKEN: "secret-value-xyz", SLACK_SIGNING_SECRET: "x" });
    expect(found.join("\n")).not.toContain("secret-value-xyz");
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_SIGNING_SECRET: must be the app's signing secret/),
      ]),
    );
  });

  it("asks for the missing half of a credential pair", () => {
    expect(problems({ SLACK_APP_TOKEN: "xapp-1" })).toEqual([
      "SLACK_BOT_TOKEN: is required with SLACK_APP_TOKEN (Socket Mode needs the bot token too)",
    ]);
    expect(problems({ SLACK_SIGNING_SECRET: "0123456789abcdef" })).toEqual([
      "SLACK_BOT_TOKEN: is required with SLACK_SIGNING_SECRET (HTTP mode needs both)",
    ]);
  });

  it("rejects a port out of range", () => {
    expect(problems({ PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: .*\(got "70000"\)/)]);
  });
});
