/**
 * The page's actions, turned into what Slack would send the app: each goes through the fake Slack's
 * driver, so the app gets the real signed payload (slash command fields, `payload=` JSON, response URLs).
 */
import { z } from "zod";
import {
  escapeSlashCommandText,
  type SlackDriver,
  SlackWorldError,
  type World,
} from "../fake-slack/index.js";
import type { AppInfo } from "../manifest.js";
import { fill, sandboxLanguage, sandboxMessages } from "../messages.js";
import { CLOCK_MOVES, SCHEDULED_POSTS, type ScheduledPosts, ScheduleRefusal } from "../scheduled.js";
import { canSee } from "./visibility.js";

export interface ApiContext {
  world: World;
  driver: SlackDriver;
  app: AppInfo;
  scheduled: ScheduledPosts;
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

const userId = z.string().regex(/^[UW][A-Z0-9]+$/);
const channelId = z.string().regex(/^[CDG][A-Z0-9]+$/);
const ts = z.string().regex(/^\d+\.\d+$/);

const commandInput = z.object({ as: userId, channel: channelId, text: z.string().max(4000) });
const messageInput = z.object({
  as: userId,
  channel: channelId,
  text: z.string().min(1).max(40_000),
  threadTs: ts.optional(),
});
const plainValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
const actionInput = z.object({
  as: userId,
  kind: z.enum(["button", "option", "user", "conversation", "date", "time", "text"]),
  actionId: z.string().min(1).max(255),
  blockId: z.string().min(1).max(255).optional(),
  channel: channelId.optional(),
  messageTs: ts.optional(),
  viewId: z.string().min(1).optional(),
  value: plainValue.optional(),
});
const submitInput = z.object({
  as: userId,
  viewId: z.string().min(1),
  values: z.record(z.string(), z.record(z.string(), plainValue)),
});
const closeInput = z.object({ as: userId, viewId: z.string().min(1) });
const shortcutInput = z.object({
  as: userId,
  callbackId: z.string().min(1).max(255),
  channel: channelId.optional(),
  messageTs: ts.optional(),
});
const homeInput = z.object({ as: userId, tab: z.enum(["home", "messages"]) });
const runInput = z.object({ as: userId, team: z.number().int().positive(), post: z.enum(SCHEDULED_POSTS) });
const clockInput = z.object({
  as: userId,
  move: z.enum(CLOCK_MOVES),
  /** The offset the page showed: a clock moved since (a double click, another tab) does not move again. */
  fromOffsetMs: z.number().int().nonnegative().optional(),
});
const dismissInput = z.object({ as: userId, ts });

const ok = (body: Record<string, unknown> = {}): ApiAnswer => ({ status: 200, body: { ok: true, ...body } });
const refused = (status: number, error: string, message?: string): ApiAnswer => ({
  status,
  body: { ok: false, error, ...(message ? { message } : {}) },
});

function person(world: World, id: string) {
  const user = world.user(id);
  if (!user || user.deleted || user.isBot) throw new RefusedError(400, "unknown_user", `No person ${id}`);
  return user;
}

function visibleChannel(world: World, user: string, id: string) {
  const channel = world.channel(id);
  if (!channel || !canSee(channel, user)) {
    throw new RefusedError(404, "channel_not_found", `No channel ${id} for ${user}`);
  }
  return channel;
}

class RefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Splits `/team create X` into the command and its text; null when it is not a command. */
export function splitCommand(line: string): { command: string; text: string } | null {
  const match = /^(\/[^\s/]+)(?:\s+([\s\S]*))?$/.exec(line.trim());
  if (!match?.[1]) return null;
  return { command: match[1].toLowerCase(), text: (match[2] ?? "").trim() };
}

type Handler = (input: unknown, context: ApiContext) => Promise<ApiAnswer>;

const handlers: Record<string, Handler> = {
  async command(raw, { world, driver, app }) {
    const input = commandInput.parse(raw);
    const user = person(world, input.as);
    visibleChannel(world, user.id, input.channel);
    const parsed = splitCommand(input.text);
    if (!parsed) return refused(400, "not_a_command");
    if (!app.commands.some((c) => c.command === parsed.command)) {
      const t = sandboxMessages[sandboxLanguage(user.locale)];
      world.showNotice({
        user: user.id,
        channel: input.channel,
        text: fill(t["ui.notValidCommand"], { command: parsed.command }),
        error: "invalid_command",
      });
      return refused(200, "invalid_command");
    }
    const result = await driver.slashCommand({
      userId: user.id,
      channelId: input.channel,
      command: parsed.command,
      text: parsed.text,
    });
    return result.error ? refused(200, result.error) : ok();
  },

  async message(raw, { world, app }) {
    const input = messageInput.parse(raw);
    const user = person(world, input.as);
    const channel = visibleChannel(world, user.id, input.channel);
    if (channel.kind === "im" && app.messagesReadOnly) return refused(403, "read_only");
    if (input.text.trim() === "") return refused(400, "empty");
    world.postUserMessage(
      user.id,
      channel.id,
      escapeSlashCommandText(input.text, world, user.id),
      input.threadTs,
    );
    return ok();
  },

  async action(raw, { world, driver }) {
    const input = actionInput.parse(raw);
    const user = person(world, input.as);
    const target = {
      userId: user.id,
      actionId: input.actionId,
      ...(input.blockId !== undefined ? { blockId: input.blockId } : {}),
      ...(input.channel !== undefined ? { channelId: input.channel } : {}),
      ...(input.messageTs !== undefined ? { messageTs: input.messageTs } : {}),
      ...(input.viewId !== undefined ? { viewId: input.viewId } : {}),
    };
    const value = input.value ?? null;
    const asString = (v: unknown) => (typeof v === "string" ? v : String(v ?? ""));
    const asStrings = (v: unknown) => (Array.isArray(v) ? v.map(String) : asString(v));
    const result = await (() => {
      switch (input.kind) {
        case "button":
          return driver.clickButton(target);
        case "option":
          return driver.chooseOption(target, asStrings(value));
        case "user":
          return driver.chooseUser(target, asStrings(value));
        case "conversation":
          return driver.chooseConversation(target, asStrings(value));
        case "date":
          return driver.pickDate(target, asString(value));
        case "time":
          return driver.pickTime(target, asString(value));
        case "text":
          return driver.typeText(target, asString(value));
      }
    })();
    return result.error ? refused(200, result.error) : ok();
  },

  async submit(raw, { world, driver }) {
    const input = submitInput.parse(raw);
    const user = person(world, input.as);
    const result = await driver.submitView({ userId: user.id, viewId: input.viewId, values: input.values });
    return ok({
      responseAction: result.responseAction,
      ...(result.errors ? { errors: result.errors } : {}),
      ...(result.clientErrors ? { clientErrors: result.clientErrors } : {}),
      ...(result.error ? { error: result.error } : {}),
    });
  },

  async close(raw, { world, driver }) {
    const input = closeInput.parse(raw);
    const user = person(world, input.as);
    const result = await driver.closeView({ userId: user.id, viewId: input.viewId });
    return ok({ closed: result.closedViewIds, ...(result.error ? { error: result.error } : {}) });
  },

  async shortcut(raw, { world, driver, app }) {
    const input = shortcutInput.parse(raw);
    const user = person(world, input.as);
    if (input.messageTs !== undefined) {
      if (!app.messageShortcuts.some((s) => s.callbackId === input.callbackId)) {
        return refused(400, "unknown_shortcut");
      }
      const channel = visibleChannel(world, user.id, input.channel ?? "");
      const result = await driver.messageShortcut({
        userId: user.id,
        callbackId: input.callbackId,
        channelId: channel.id,
        messageTs: input.messageTs,
      });
      return result.error ? refused(200, result.error) : ok();
    }
    if (!app.globalShortcuts.some((s) => s.callbackId === input.callbackId)) {
      return refused(400, "unknown_shortcut");
    }
    const result = await driver.globalShortcut({ userId: user.id, callbackId: input.callbackId });
    return result.error ? refused(200, result.error) : ok();
  },

  async home(raw, { world, driver, app }) {
    const input = homeInput.parse(raw);
    const user = person(world, input.as);
    // Slack sends app_home_opened only to an app that subscribes to it.
    if (!app.events.includes("app_home_opened")) return ok({ sent: false });
    const result = await driver.appHomeOpened({ userId: user.id, tab: input.tab });
    return result.error ? refused(200, result.error) : ok({ sent: true });
  },

  /** Run now: a team's scheduled post for this moment (see scheduled.ts). */
  async run(raw, { world, scheduled }) {
    const input = runInput.parse(raw);
    const user = person(world, input.as);
    return inWords(user.locale, async () => ok({ ...(await scheduled.runNow(input.team, input.post)) }));
  },

  /** Moves the sandbox clock forward; what became due meanwhile runs. */
  async clock(raw, { world, scheduled }) {
    const input = clockInput.parse(raw);
    const user = person(world, input.as);
    return inWords(user.locale, async () =>
      ok({ ...(await scheduled.move(input.move, input.fromOffsetMs)) }),
    );
  },

  async dismiss(raw, { world }) {
    const input = dismissInput.parse(raw);
    const user = person(world, input.as);
    if (world.ephemeral(user.id, input.ts)) world.deleteEphemeral(user.id, input.ts);
    return ok();
  },
};

/** A refusal of the scheduled posts, told in the person's language (a `post` parameter by its name). */
async function inWords(locale: string, work: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ScheduleRefusal)) throw error;
    const t = sandboxMessages[sandboxLanguage(locale)];
    const params = { ...error.params };
    if (typeof params.post === "string")
      params.post = t[`ui.scheduled.post.${params.post}` as keyof typeof t] ?? params.post;
    return refused(error.status, error.code, fill(t[error.key], params));
  }
}

export const API_ACTIONS = Object.keys(handlers);

/** Runs one of the page's actions. Mistakes (bad input, something no longer there) are 4xx answers. */
export async function runApi(action: string, input: unknown, context: ApiContext): Promise<ApiAnswer> {
  const handler = handlers[action];
  if (!handler) return refused(404, "unknown_action");
  try {
    return await handler(input, context);
  } catch (error) {
    if (error instanceof z.ZodError) return refused(400, "bad_request", z.prettifyError(error));
    if (error instanceof RefusedError) return refused(error.status, error.code, error.message);
    if (error instanceof SlackWorldError) return refused(409, error.code, error.message);
    // The driver refuses what a person could not do (an element that is gone, a covered modal).
    if (error instanceof Error) return refused(409, "not_possible", error.message);
    throw error;
  }
}
