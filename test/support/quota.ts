import { createHmac } from "node:crypto";
import { products } from "../../src/features/products/index.js";
import type { Db } from "../../src/platform/db/index.js";
import type { Harness } from "./harness.js";

/**
 * A slash command posted exactly as Slack would, with a trigger_id of our choosing: what a replayed or
 * duplicated request looks like to the app.
 */
export async function replaySlashCommand(
  h: Harness,
  fields: { userId: string; channelId: string; command: string; text: string; triggerId: string },
): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams({
    token: "legacy",
    team_id: h.fake.world.workspace.teamId,
    team_domain: "sandbox",
    channel_id: fields.channelId,
    channel_name: "channel",
    user_id: fields.userId,
    user_name: "someone",
    command: fields.command,
    text: fields.text,
    api_app_id: h.fake.world.workspace.appId,
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:9/hooks/none",
    trigger_id: fields.triggerId,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", h.signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  const response = await fetch(h.server.eventsUrl as string, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

/** Puts a product on a team's list directly (the product feature has its own tests for how people do it). */
export async function addProduct(
  db: Db,
  workspaceId: string,
  teamId: number,
  name: string,
  tag: string,
): Promise<number> {
  const now = new Date("2026-03-01T08:00:00Z");
  const [row] = await db
    .insert(products)
    .values({
      workspaceId,
      teamId,
      name,
      tag,
      keyPoints: "",
      createdBy: "U0TEST",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: products.id });
  if (!row) throw new Error("product insert failed");
  return row.id;
}
