import type {
  App,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
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

/**
 * A thin layer over Bolt's registration methods that remembers what was registered. Features register
 * through it; the manifest test reads `registered`.
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

  constructor(readonly app: App) {}

  command(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): void {
    this.registered.commands.add(name);
    this.app.command(name, listener);
  }

  action(actionId: string, listener: Middleware<SlackActionMiddlewareArgs<BlockAction>>): void {
    this.registered.actions.add(actionId);
    this.app.action<BlockAction>({ type: "block_actions", action_id: actionId }, listener);
  }

  view(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>): void {
    this.registered.views.add(callbackId);
    this.app.view<ViewSubmitAction>({ type: "view_submission", callback_id: callbackId }, listener);
  }

  globalShortcut(callbackId: string, listener: Parameters<App["shortcut"]>[1]): void {
    this.registered.globalShortcuts.add(callbackId);
    this.app.shortcut({ callback_id: callbackId, type: "shortcut" }, listener);
  }

  messageShortcut(callbackId: string, listener: Parameters<App["shortcut"]>[1]): void {
    this.registered.messageShortcuts.add(callbackId);
    this.app.shortcut({ callback_id: callbackId, type: "message_action" }, listener);
  }

  event(name: string, listener: Parameters<App["event"]>[1]): void {
    this.registered.events.add(name);
    this.app.event(name, listener);
  }
}
