import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";

let h: Harness;

beforeAll(async () => {
  // The app answers Slack after 300 ms when the real answer is not ready (2 s in production, within
  // Slack's 3 s). Slack's slowness is a held call the test lets through when it wants: nothing here
  // depends on how fast the machine is.
  h = await startHarness({ ackDeadlineMs: 300 });
});
afterAll(async () => {
  await h?.close();
});

describe("when Slack is slow", () => {
  it("acks a slash command in time with 'working on it', then answers by response_url", async () => {
    const { erik, channels } = h.people;
    // Erik's profile is not cached yet, and Slack keeps the app waiting for it.
    const held = h.fake.holdNext("users.info");
    const later = h.fake.world.waitFor(
      (e) => e.type === "ephemeral_posted" && e.ephemeral.source === "response_url",
      10_000,
    );
    const result = await h.slack.slashCommand({
      userId: erik,
      channelId: channels.general,
      command: "/team",
      text: "help",
    });
    expect(result.error).toBeUndefined();
    expect(result.reply?.kind === "ephemeral" && result.reply.ephemeral.text).toBe(
      "Working on it… I'll post the answer here in a moment.",
    );
    held.release();
    const answer = await later;
    expect(answer.type === "ephemeral_posted" && answer.ephemeral.user).toBe(erik);
    expect(answer.type === "ephemeral_posted" && answer.ephemeral.text).toBe("Supervisors /team-kommandon");
  });

  it("tells the person politely when Slack cannot be reached for what the answer needs", async () => {
    const { ada, channels } = h.people;
    h.fake.failNext("conversations.info", "internal_error");
    const result = await h.slack.slashCommand({
      userId: ada,
      channelId: channels.north,
      command: "/team",
      text: "create North @sara",
    });
    const text = result.reply?.kind === "ephemeral" ? result.reply.ephemeral.text : "";
    expect(text).toMatch(/^Sorry, something went wrong on our side\. .* reference: [A-Z0-9]{6}\.$/);
  });
});

describe("a form saved while Slack is slow", () => {
  async function openCreateForm(channelId: string) {
    const { ada } = h.people;
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === ada, 5000);
    await h.slack.slashCommand({ userId: ada, channelId, command: "/team", text: "create" });
    await opened;
  }

  it("shows 'saving…' in time, then the saved team in the same modal", async () => {
    const { ada, sara, channels } = h.people;
    await openCreateForm(channels.south);
    // Saving looks the channel up in Slack, which takes its time.
    const held = h.fake.holdNext("conversations.info");
    const result = await h.slack.submitView({
      userId: ada,
      values: { name: { value: "Sales South" }, supervisors: { value: [sara] } },
    });
    expect(result.responseAction).toBe("update");
    expect(visibleText(result.view)).toContain("Saving… Slack is slow to answer right now");
    const viewId = result.view?.id;
    const updated = h.fake.world.waitFor((e) => e.type === "view_updated" && e.view.id === viewId, 25_000);
    held.release();
    await updated;
    const shown = h.fake.world.openViewsOf(ada).find((v) => v.id === viewId);
    expect(visibleText(shown)).toContain("*Sales South* is ready.");
  });

  it("gives the form back with what was typed and the problem on its field when the late answer is an error", async () => {
    const { ada, sara, channels } = h.people;
    await openCreateForm(channels.general);
    const held = h.fake.holdNext("conversations.info");
    const result = await h.slack.submitView({
      userId: ada,
      values: { name: { value: "Sales South" }, supervisors: { value: [sara] } },
    });
    expect(result.responseAction).toBe("update");
    const viewId = result.view?.id;
    const updated = h.fake.world.waitFor((e) => e.type === "view_updated" && e.view.id === viewId, 25_000);
    held.release();
    await updated;
    const form = h.fake.world.openViewsOf(ada).find((v) => v.id === viewId);
    const text = visibleText(form);
    expect(text).toContain(
      ":warning: Not saved yet. Please fix:\n• Team name: There is already a team called Sales South.",
    );
    const blocks = (form?.blocks ?? []) as {
      block_id?: string;
      hint?: { text: string };
      element?: { initial_value?: string };
    }[];
    const name = blocks.find((b) => b.block_id === "name");
    expect(name?.element?.initial_value).toBe("Sales South");
    expect(name?.hint?.text).toBe("⚠️ There is already a team called Sales South. Pick another name.");
    expect(form?.callback_id).toBe("team.save");
  });
});
