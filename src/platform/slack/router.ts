import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";

/** The Slack surfaces the code registers, so a test can hold them against manifest.json. */
export interface Registered {
  commands: Set<string>;
  globalShortcuts: Set<string>;
  messageShortcuts: Set<string>;
  actions: Set<string>;
  views: Set<string>;
  events: Set<string>;
}

type ShortcutListener = Parameters<App["shortcut"]>[1];

/**
 * Features register their listeners here; the router registers one Bolt listener per kind of request
 * (commands, block actions, view submissions, shortcuts) that finds the feature's listener by its name or
 * id in a map. Bolt runs every registered listener's matching middleware on every request, so one
 * listener per kind keeps that cost flat however many commands and buttons the features add. `registered`
 * is what the manifest test holds against manifest.json.
 */
export class Router {
  readonly registered: Registered = {
    commands: new Set(),
    globalShortcuts: new Set(),
    messageShortcuts: new Set(),
    actions: new Set(),
    views: new Set(),
    events: new Set(),
  };
  readonly #commands = new Map<string, Middleware<SlackCommandMiddlewareArgs>>();
  readonly #actions = new Map<string, Middleware<SlackActionMiddlewareArgs<BlockAction>>>();
  readonly #views = new Map<string, Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>>();
  readonly #shortcuts = new Map<string, ShortcutListener>();

  constructor(readonly app: App) {
    app.command(/^\//, async (args) => {
      const listener = this.#commands.get(args.command.command);
      if (listener) return listener(args);
      app.logger.warn(`no listener for the command ${args.command.command}`);
      await args.ack();
    });
    app.action<BlockAction>({ type: "block_actions" }, async (args) => {
      const listener = this.#actions.get(args.action.action_id);
      // A link button or a control the app does not listen to: acknowledged, nothing to do.
      if (listener) return listener(args);
      await args.ack();
    });
    app.view<ViewSubmitAction>({ type: "view_submission" }, async (args) => {
      const listener = this.#views.get(args.view.callback_id);
      if (listener) return listener(args);
      app.logger.warn(`no listener for the view ${args.view.callback_id}`);
      await args.ack();
    });
    app.shortcut(/.*/, async (args: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => {
      const listener = this.#shortcuts.get(`${args.shortcut.type}:${args.shortcut.callback_id}`);
      if (listener) return (listener as (a: typeof args) => Promise<void>)(args);
      app.logger.warn(`no listener for the shortcut ${args.shortcut.callback_id}`);
      await args.ack();
    });
  }

  command(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): void {
    this.#add(this.#commands, this.registered.commands, name, listener);
  }

  action(actionId: string, listener: Middleware<SlackActionMiddlewareArgs<BlockAction>>): void {
    this.#add(this.#actions, this.registered.actions, actionId, listener);
  }

  view(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>): void {
    this.#add(this.#views, this.registered.views, callbackId, listener);
  }

  globalShortcut(callbackId: string, listener: ShortcutListener): void {
    this.registered.globalShortcuts.add(callbackId);
    this.#add(this.#shortcuts, new Set(), `shortcut:${callbackId}`, listener);
  }

  messageShortcut(callbackId: string, listener: ShortcutListener): void {
    this.registered.messageShortcuts.add(callbackId);
    this.#add(this.#shortcuts, new Set(), `message_action:${callbackId}`, listener);
  }

  /** Events stay Bolt's own listeners: few, and matched by type alone. */
  event(name: string, listener: Parameters<App["event"]>[1]): void {
    this.registered.events.add(name);
    this.app.event(name, listener);
  }

  #add<L>(listeners: Map<string, L>, registered: Set<string>, key: string, listener: L): void {
    if (listeners.has(key)) throw new Error(`${key} has two listeners`);
    listeners.set(key, listener);
    registered.add(key);
  }
}
