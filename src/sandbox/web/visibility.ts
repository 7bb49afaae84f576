/**
 * What one person sees of the simulated workspace, as Slack's client would show it to them: the channels
 * they are in, their own DM with the app, their own ephemeral messages, modals and Home tab (or, while the
 * app publishes none, the sandbox's guide for them).
 */

import { personaOf } from "../demo-workspace.js";
import type { SlackChannel, SlackMessage, World, WorldEvent } from "../fake-slack/index.js";
import { guideFor } from "../getting-started.js";
import type { AppInfo } from "../manifest.js";

export interface PersonView {
  id: string;
  name: string;
  realName: string;
  displayName: string;
  tz: string;
  locale: string;
  isBot: boolean;
  isAdmin: boolean;
  deleted: boolean;
  persona: string | null;
}

export interface ChannelView {
  id: string;
  kind: SlackChannel["kind"];
  name: string;
  topic: string;
  purpose: string;
  isPrivate: boolean;
  isArchived: boolean;
  memberCount: number;
  imUser: string | null;
}

/** Messages a channel shows at most (the newest). */
const MESSAGES_SHOWN = 300;

export function canSee(channel: SlackChannel, userId: string): boolean {
  if (channel.kind === "im") return channel.imUser === userId;
  return channel.members.includes(userId);
}

export function peopleOf(world: World): PersonView[] {
  return world.allUsers().map((u) => ({
    id: u.id,
    name: u.name,
    realName: u.realName,
    displayName: u.displayName,
    tz: u.tz,
    locale: u.locale,
    isBot: u.isBot,
    isAdmin: u.isAdmin || u.isOwner,
    deleted: u.deleted,
    persona: personaOf(u.id) ?? null,
  }));
}

export function channelsFor(world: World, userId: string): ChannelView[] {
  return world
    .allChannels()
    .filter((c) => canSee(c, userId))
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      topic: c.topic,
      purpose: c.purpose,
      isPrivate: c.isPrivate,
      isArchived: c.isArchived,
      memberCount: c.members.length + (c.botIsMember ? 1 : 0),
      imUser: c.imUser,
    }));
}

export function messagesFor(world: World, channels: readonly ChannelView[]): Record<string, SlackMessage[]> {
  return Object.fromEntries(channels.map((c) => [c.id, world.messagesIn(c.id).slice(-MESSAGES_SHOWN)]));
}

/** Everything the page needs to draw the workspace as this person. */
export function workspaceFor(world: World, app: AppInfo, userId: string) {
  // Slack opens a person's DM with an app the first time they look at the app.
  world.openDm(userId);
  const channels = channelsFor(world, userId);
  const ws = world.workspace;
  return {
    workspace: { teamId: ws.teamId, name: ws.teamName, domain: ws.teamDomain },
    app: { ...app, botUserId: ws.botUserId, appId: ws.appId },
    me: userId,
    people: peopleOf(world),
    channels,
    messages: messagesFor(world, channels),
    ephemerals: world.ephemeralsFor(userId),
    notices: world.noticesFor(userId).slice(-50),
    modals: world.openViewsOf(userId),
    home: world.homeOf(userId) ?? null,
    /** The sandbox's own first steps for this person, shown while the app publishes no Home tab. */
    guide: guideFor(userId),
  };
}

/**
 * Whether an event concerns this person, and how the page should take it: applied as it is, or as a
 * sign to reload the workspace (new people or channels).
 */
export function eventFor(world: World, userId: string, event: WorldEvent): "apply" | "reload" | null {
  switch (event.type) {
    case "message_posted":
    case "message_updated":
    case "message_deleted": {
      const channel = world.channel(event.channel);
      return channel && canSee(channel, userId) ? "apply" : null;
    }
    case "ephemeral_posted":
    case "ephemeral_updated":
    case "ephemeral_deleted":
      return event.ephemeral.user === userId ? "apply" : null;
    case "view_opened":
    case "view_pushed":
    case "view_updated":
    case "view_closed":
    case "home_published":
      return event.userId === userId ? "apply" : null;
    case "notice_shown":
      return event.notice.user === userId ? "apply" : null;
    case "channel_added":
      return canSee(event.channel, userId) ? "reload" : null;
    case "member_joined":
    case "channel_archived":
    case "user_added":
    case "user_deleted":
      return "reload";
    case "file_uploaded":
      return null;
  }
}
