import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { GATEWAY_METHODS } from "../src/platform/slack/index.js";
import { registeredSurfaces } from "./support/registered.js";

const referenceDir = process.env.SLACK_REFERENCE_DIR;
const manifest = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8")) as {
  display_information: { description: string; long_description: string };
  features: {
    slash_commands?: { command: string; should_escape?: boolean }[];
    shortcuts?: { callback_id: string; type: "global" | "message" }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions?: { bot_events?: string[] }; interactivity?: { is_enabled: boolean } };
};

describe("manifest.json", () => {
  const code = registeredSurfaces();

  it("declares exactly the slash commands the code registers, each escaping mentions", () => {
    const declared = (manifest.features.slash_commands ?? []).map((c) => c.command).sort();
    expect(declared).toEqual([...code.commands].sort());
    expect(declared.length).toBeGreaterThan(0);
    for (const command of manifest.features.slash_commands ?? []) expect(command.should_escape).toBe(true);
  });

  it("declares exactly the shortcuts and events the code registers", () => {
    const shortcuts = manifest.features.shortcuts ?? [];
    expect(
      shortcuts
        .filter((s) => s.type === "global")
        .map((s) => s.callback_id)
        .sort(),
    ).toEqual([...code.globalShortcuts].sort());
    expect(
      shortcuts
        .filter((s) => s.type === "message")
        .map((s) => s.callback_id)
        .sort(),
    ).toEqual([...code.messageShortcuts].sort());
    expect([...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort()).toEqual(
      [...code.events].sort(),
    );
  });

  it("describes what works today, and names the rest only as coming next", () => {
    const { description, long_description: long } = manifest.display_information;
    const today = ["team directory", "quotas", "product library"];
    for (const what of today) expect(description.toLowerCase()).toContain(what);
    const [now = "", coming = ""] = long.split("Coming next:");
    const working = [
      ...today,
      "leave",
      "commission",
      "escalation",
      "standup",
      "policies",
      "report",
      "app home",
    ];
    for (const what of working) expect(now.toLowerCase()).toContain(what);
    // What comes next, if anything, names nothing that works already.
    for (const what of working) expect(coming.toLowerCase()).not.toContain(what);
    // Every command the app has is named where the long description says what works.
    for (const command of manifest.features.slash_commands ?? []) expect(now).toContain(command.command);
  });

  it("turns interactivity on when the code handles buttons or modals", () => {
    expect(code.actions.size + code.views.size).toBeGreaterThan(0);
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
  });

  it.skipIf(!referenceDir)("validates against Slack's official manifest schema (SLACK_REFERENCE_DIR)", () => {
    const dir = join(referenceDir as string, "schemas");
    const read = (name: string) =>
      JSON.parse(readFileSync(join(dir, name), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const base = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";
    ajv.addSchema(read("slackapi-manifest.schema.1.0.0.json"), `${base}manifest.schema.1.0.0.json`);
    ajv.addSchema(read("slackapi-manifest.schema.2.0.0.json"), `${base}manifest.schema.2.0.0.json`);
    const validate = ajv.compile(read("slackapi-manifest.schema.json"));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    // The check itself must be able to fail.
    expect(validate({ ...manifest, display_information: { name: "x".repeat(36) } })).toBe(false);
  });

  it.skipIf(!referenceDir)(
    "asks for exactly the bot scopes the Web API methods we call need (SLACK_REFERENCE_DIR)",
    () => {
      const scopesOf = (method: string): string[] => {
        const spec = JSON.parse(
          readFileSync(join(referenceDir as string, "methods", `${method}.json`), "utf8"),
        ) as {
          scope?: { bot?: string[] };
        };
        return spec.scope?.bot ?? [];
      };
      const declared = new Set(manifest.oauth_config.scopes.bot);
      for (const method of GATEWAY_METHODS) {
        const needs = scopesOf(method);
        if (needs.length === 0) continue;
        // Slack lists the scopes that each allow the call; we need at least one of them.
        expect(
          needs.some((scope) => declared.has(scope)),
          `${method} needs one of ${needs.join(", ")}`,
        ).toBe(true);
      }
      const justified = new Set(GATEWAY_METHODS.flatMap(scopesOf));
      if (code.commands.size > 0) justified.add("commands");
      for (const scope of declared)
        expect(justified.has(scope), `${scope} is declared but unused`).toBe(true);
    },
  );
});
