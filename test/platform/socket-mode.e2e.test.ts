import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products } from "../../src/features/products/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

/**
 * The app as it runs in development and behind a firewall: connected to Slack over Socket Mode (the
 * fake Slack's `apps.connections.open` and WebSocket), not listening for HTTP at all. A slash command, a
 * button and a modal travel as envelopes and are acknowledged over the socket with the same answers.
 */
let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness({ socketMode: true });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

describe("Socket Mode", () => {
  it("connects with the app-level token and takes no Slack requests over HTTP", () => {
    expect(h.server.eventsUrl).toBeNull();
    expect(h.fake.socketMode.connected).toBe(true);
    const opened = h.fake.callsTo("apps.connections.open");
    expect(opened.map((call) => call.ok)).toEqual([true]);
  });

  it("answers health checks on PORT as in HTTP mode, and nothing else there", async () => {
    const base = `http://127.0.0.1:${h.server.port}`;
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, "ok"]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, "ready"]);
    const events = await fetch(`${base}/slack/events`, { method: "POST", body: "payload=%7B%7D" });
    expect(events.status).toBe(404);
  });

  it("answers a slash command in its acknowledgement", async () => {
    const made = await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: [p.alice, p.bo],
      settings: { language: "en" },
    });
    expect(made.id).toBeGreaterThan(0);
    const before = h.fake.socketMode.sent.length;
    const result = await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/product",
      text: "add Widget Pro | Installs in under an hour",
    });
    const shown = result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
    expect(shown).toContain("*Widget Pro*");
    const sent = h.fake.socketMode.sent.slice(before);
    expect(sent.map((envelope) => envelope.type)).toEqual(["slash_commands"]);
    expect(sent[0]?.payload).toMatchObject({ command: "/product", user_id: p.sara });
  });

  it("takes a button click and a modal submission as interactive envelopes", async () => {
    // Sara's Slack is in Swedish: the modal speaks it.
    const list = await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/product",
    });
    const message = list.reply?.kind === "ephemeral" ? list.reply.ephemeral : undefined;
    expect(buttonsOf(message)).toContain("products.add");
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    const before = h.fake.socketMode.sent.length;
    await h.slack.clickButton({ userId: p.sara, actionId: "products.add", messageTs: message?.ts });
    await opened;
    expect(visibleText(h.fake.world.openViewsOf(p.sara).at(-1))).toContain("Ny produkt");

    // A field error comes back in the acknowledgement, on the field.
    const refused = await h.slack.submitView({ userId: p.sara, values: { name: { value: "  " } } });
    expect(refused.responseAction).toBe("errors");
    expect(refused.errors).toEqual({ name: "Produkten behöver ett namn." });

    const saved = await h.slack.submitView({
      userId: p.sara,
      values: { name: { value: "Gadget Max" }, keyPoints: { value: "Fits in a pocket" } },
    });
    expect(saved.responseAction).toBe("update");
    expect(visibleText(saved.view)).toContain(
      "*Gadget Max* finns nu på listan. Säljarna taggar försäljningar med `#gadget-max`.",
    );
    const [row] = await h.database.db.select().from(products).where(eq(products.name, "Gadget Max"));
    expect(row).toMatchObject({ tag: "gadget-max", keyPoints: "Fits in a pocket", createdBy: p.sara });

    const sent = h.fake.socketMode.sent.slice(before);
    expect(sent.map((envelope) => [envelope.type, (envelope.payload as { type: string }).type])).toEqual([
      ["interactive", "block_actions"],
      ["interactive", "view_submission"],
      ["interactive", "view_submission"],
    ]);
  });

  it("refuses a bot token where the app-level token belongs", async () => {
    const response = await fetch(`${h.fake.apiUrl}apps.connections.open`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.fake.botToken}` },
    });
    expect(await response.json()).toEqual({ ok: false, error: "not_allowed_token_type" });
  });
});
