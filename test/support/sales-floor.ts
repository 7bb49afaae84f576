import { and, eq } from "drizzle-orm";
import { roleGrants } from "../../src/platform/access/schema.js";
import { type Harness, startHarness } from "./harness.js";
import { visibleText } from "./slack-text.js";
import { makeTeam } from "./teams.js";

export interface SalesFloorOptions {
  /** The clock's start (default the harness's). */
  now?: string;
  /** Sales South's reps (default none). */
  southReps?: (people: Harness["people"]) => string[];
}

/**
 * The harness with Ada as admin, two teams made through the app and an executive, as the feature tests of
 * escalations, warnings and coaching start from: Sales North (Sara; Alice, Bo) in its channel, Swedish;
 * Sales South (Olle; `southReps`) in its channel, in English; Erik granted the executive role by Ada.
 */
export async function startSalesFloor(options: SalesFloorOptions = {}): Promise<Harness> {
  const h = await startHarness({
    ...(options.now ? { now: options.now } : {}),
    adminUserIds: (people) => [people.ada],
  });
  const p = h.people;
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
  await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    reps: options.southReps?.(p) ?? [],
    settings: { language: "en" },
  });
  await grantExecutive(h, p.erik);
  return h;
}

/**
 * The harness the policy tests start from: Ada as admin; Sales North (Sara, Swedish; reps Alice, Bo and
 * Cecilia) and Sales South (Olle, English, no reps), made through the app; Erik an executive.
 */
export async function startPolicyFloor(now: string): Promise<{ h: Harness; north: number; south: number }> {
  const h = await startHarness({ now, adminUserIds: (people) => [people.ada] });
  const p = h.people;
  const north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo, p.cecilia],
  });
  const south = await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    settings: { language: "en" },
  });
  await grantExecutive(h, p.erik);
  return { h, north: north.id, south: south.id };
}

/**
 * Ada grants a person the executive role with `/team grant`, as a signed slash command; stops with the
 * app's answer when the role was not granted, and waits for what the app does after answering.
 */
export async function grantExecutive(h: Harness, userId: string): Promise<void> {
  const result = await h.slack.slashCommand({
    userId: h.people.ada,
    channelId: h.people.channels.north,
    command: "/team",
    text: `grant <@${userId}> executive`,
  });
  const [granted] = await h.database.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, "executive")));
  if (!granted) {
    const reply = result.reply;
    const answer = reply?.kind === "ephemeral" ? visibleText(reply.ephemeral) : (result.error ?? "");
    throw new Error(`grantExecutive: /team grant answered "${answer}"`);
  }
  await h.settle();
}

/** A person's DMs with the app, oldest first. */
export function dmsOf(h: Harness, userId: string) {
  const channel = h.fake.world.dmChannelOf(userId);
  return channel ? h.fake.world.messagesIn(channel) : [];
}

/** A person's latest DM with the app, with where it is (empty strings when there is none). */
export function latestDmOf(h: Harness, userId: string) {
  const channel = h.fake.world.dmChannelOf(userId) ?? "";
  const message = dmsOf(h, userId).at(-1);
  return { channel, message, ts: message?.ts ?? "" };
}

/** A person's latest DM whose text contains `needle`, with where it is. */
export function dmWith(h: Harness, userId: string, needle: string) {
  const channel = h.fake.world.dmChannelOf(userId) ?? "";
  const message = dmsOf(h, userId)
    .filter((m) => visibleText(m).includes(needle))
    .at(-1);
  return { channel, message, ts: message?.ts ?? "" };
}

/** Where a DM is and what it is, as `latestDmOf` and `dmWith` give it. */
export type DmAt = ReturnType<typeof latestDmOf>;

/** Every message in every seeded channel but DMs, to see that nothing was posted where others read it. */
export function channelMessages(h: Harness) {
  return Object.values(h.people.channels).flatMap((id) => h.fake.world.messagesIn(id));
}

/** The view `open` opens for a person (a command, a shortcut, a click), once Slack shows it. */
export async function openedBy(h: Harness, userId: string, open: () => Promise<unknown>) {
  const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === userId, 5000);
  await open();
  await opened;
  const view = h.fake.world.openViewsOf(userId).at(-1);
  if (!view) throw new Error("no view opened");
  return view;
}

/**
 * A tampering client's click: someone who never had the DM replays its button with a forged value, the
 * DM's blocks shown in their own DM with the app (the fake Slack lets people click only what they see).
 */
export async function forgedClick(
  h: Harness,
  userId: string,
  from: { message?: { text?: string; blocks?: unknown[] } },
  actionId: string,
  value: string,
): Promise<void> {
  const [channel] = h.fake.world.openDm(userId);
  const copy = h.fake.world.postMessage({
    channel,
    text: from.message?.text ?? "",
    blocks: from.message?.blocks ?? [],
    asBot: true,
    source: "chat.postMessage",
  });
  await h.slack.clickButton({ userId, actionId, messageTs: copy.ts, channelId: channel, forgedValue: value });
  await h.settle();
}

/** What the app answered a re-posted interaction payload: the HTTP status and the body's fields. */
export interface Reposted {
  status: number;
  response_action?: string;
  view?: { text?: string; blocks?: unknown[] };
  errors?: Record<string, string>;
}

/**
 * Posts an interaction payload signed as Slack signs it (a replay of what Slack sent, or a tampered
 * copy), once the app is done with it.
 */
export async function repost(h: Harness, payload: unknown): Promise<Reposted> {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const answer = await h.slack.post(h.server.eventsUrl as string, body, "application/x-www-form-urlencoded");
  await h.settle();
  return { ...(JSON.parse(answer.body || "{}") as Omit<Reposted, "status">), status: answer.status };
}
