/**
 * What the sandbox needs to know from manifest.json, the same file Slack is given: the app's name, words
 * and colour, its slash commands (offered as you type), its shortcuts, its Home tab, and the events it wants.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const MANIFEST_PATH = fileURLToPath(new URL("../../manifest.json", import.meta.url));

const manifestSchema = z.object({
  display_information: z.object({
    name: z.string(),
    description: z.string().optional(),
    long_description: z.string().optional(),
    background_color: z.string().optional(),
  }),
  features: z
    .object({
      app_home: z
        .object({
          home_tab_enabled: z.boolean().optional(),
          messages_tab_enabled: z.boolean().optional(),
          messages_tab_read_only_enabled: z.boolean().optional(),
        })
        .optional(),
      bot_user: z.object({ display_name: z.string() }).optional(),
      slash_commands: z
        .array(
          z.object({
            command: z.string(),
            description: z.string(),
            usage_hint: z.string().optional(),
          }),
        )
        .optional(),
      shortcuts: z
        .array(
          z.object({
            name: z.string(),
            type: z.enum(["global", "message"]),
            callback_id: z.string(),
            description: z.string(),
          }),
        )
        .optional(),
    })
    .optional(),
  settings: z
    .object({
      event_subscriptions: z.object({ bot_events: z.array(z.string()).optional() }).optional(),
    })
    .optional(),
});

export interface SlashCommandInfo {
  command: string;
  description: string;
  usageHint: string;
}

export interface ShortcutInfo {
  callbackId: string;
  name: string;
  description: string;
}

/** The app as the sandbox's people see it. */
export interface AppInfo {
  name: string;
  description: string;
  longDescription: string;
  color: string;
  botName: string;
  commands: SlashCommandInfo[];
  globalShortcuts: ShortcutInfo[];
  messageShortcuts: ShortcutInfo[];
  homeTab: boolean;
  messagesTab: boolean;
  messagesReadOnly: boolean;
  /** Bot events the app subscribes to (Slack sends no others). */
  events: string[];
}

export function readManifest(path = MANIFEST_PATH): AppInfo {
  const m = manifestSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const features = m.features ?? {};
  const shortcuts = (type: "global" | "message"): ShortcutInfo[] =>
    (features.shortcuts ?? [])
      .filter((s) => s.type === type)
      .map((s) => ({ callbackId: s.callback_id, name: s.name, description: s.description }));
  return {
    name: m.display_information.name,
    description: m.display_information.description ?? "",
    longDescription: m.display_information.long_description ?? "",
    color: m.display_information.background_color ?? "#4a154b",
    botName: features.bot_user?.display_name ?? m.display_information.name,
    commands: (features.slash_commands ?? []).map((c) => ({
      command: c.command,
      description: c.description,
      usageHint: c.usage_hint ?? "",
    })),
    globalShortcuts: shortcuts("global"),
    messageShortcuts: shortcuts("message"),
    homeTab: features.app_home?.home_tab_enabled ?? false,
    messagesTab: features.app_home?.messages_tab_enabled ?? true,
    messagesReadOnly: features.app_home?.messages_tab_read_only_enabled ?? false,
    events: m.settings?.event_subscriptions?.bot_events ?? [],
  };
}
