import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";

let h: Harness;

beforeAll(async () => {
  // The app answers Slack after 300 ms when the real answer is not ready (2 s in production, within
  // Slack's 3 s). Slack's slowness is a held call the test lets through when it wants: nothing here
  // depends on how fast the machine is.
  h = await startHarness({ ackDeadlineMs: 300, userLookupWaitMs: 800 });
});
afterAll(async () => {
  await h?.close();
});

describe("when Slack is slow", () => {
  it("acks a slash command in time with 'working on it', then answers by response_url", async () => {
    const { ada, sara } = h.people;
    const channel = h.fake.world.addChannel({ name: "sales-slow", members: [ada, sara] }).id;
    // Creating a team looks the channel up in Slack, and Slack keeps the app waiting for it.
    const held = h.fake.holdNext("conversations.info");
    const later = h.fake.world.waitFor(
      (e) =>
        e.type === "ephemeral_posted" && e.ephemeral.source === "response_url" && e.ephemeral.user === ada,
      10_000,
    );
    const result = await h.slack.slashCommand({
      userId: ada,
      channelId: channel,
      command: "/team",
      text: `create Slow Team <@${sara}>`,
    });
    expect(result.error).toBeUndefined();
    expect(result.reply?.kind === "ephemeral" && result.reply.ephemeral.text).toBe(
      "Working on it… I'll post the answer here in a moment.",
    );
    held.release();
    const answer = await later;
    expect(answer.type === "ephemeral_posted" && answer.ephemeral.text).toContain(
      "Created the team *Slow Team*",
    );
  });

  it("answers a person whose profile Slack does not give within moments, and their next command once it does", async () => {
    const { cecilia, channels } = h.people;
    // Slack takes Cecilia's profile and does not give it back (until the test lets it).
    const hung = h.fake.holdNext("users.info");
    const later = h.fake.world.waitFor(
      (e) =>
        e.type === "ephemeral_posted" &&
        e.ephemeral.source === "response_url" &&
        e.ephemeral.user === cecilia,
      10_000,
    );
    const first = await h.slack.slashCommand({
      userId: cecilia,
      channelId: channels.general,
      command: "/team",
      text: "help",
    });
    expect(first.reply?.kind === "ephemeral" && first.reply.ephemeral.text).toBe(
      "Working on it… I'll post the answer here in a moment.",
    );
    // The answer comes without her profile (so in English), while Slack still holds the lookup.
    const answer = await later;
    expect(answer.type === "ephemeral_posted" && answer.ephemeral.text).toBe("Supervisor /team commands");
    // Her next command asks Slack afresh instead of waiting on the hung lookup, and is in Swedish.
    const next = await h.slack.slashCommand({
      userId: cecilia,
      channelId: channels.general,
      command: "/team",
      text: "help",
    });
    expect(next.reply?.kind === "ephemeral" && next.reply.ephemeral.text).toBe("Supervisors /team-kommandon");
    hung.release();
  });

  it("tells the person politely when Slack cannot be reached for what the answer needs", async () => {
    const { ada, channels } = h.people;
    // Slack's own trouble (its internal_error) is not the person's fault, and nothing was changed.
    h.fake.failNext("conversations.info", "internal_error");
    const result = await h.slack.slashCommand({
      userId: ada,
      channelId: channels.north,
      command: "/team",
      text: "create North @sara",
    });
    const text = result.reply?.kind === "ephemeral" ? result.reply.ephemeral.text : "";
    expect(text).toBe(
      "Sorry, Slack did not answer in time. Nothing was changed; please try again in a moment.",
    );
    // Anything else that goes wrong on our side is an apology with a reference to find it by.
    h.fake.failNext("conversations.info", "some_new_error");
    const other = await h.slack.slashCommand({
      userId: ada,
      channelId: channels.north,
      command: "/team",
      text: "create North @sara",
    });
    const otherText = other.reply?.kind === "ephemeral" ? other.reply.ephemeral.text : "";
    expect(otherText).toMatch(/^Sorry, something went wrong on our side\. .* reference: [A-Z0-9]{6}\.$/);
  });
});

/** The modal the person sees now, once it no longer says "Saving…" (the late answer has landed). */
async function afterSaving(userId: string, viewId: string | undefined) {
  for (let waited = 0; waited < 25_000; waited += 50) {
    const view = h.fake.world.openViewsOf(userId).find((v) => v.id === viewId);
    if (view && !visibleText(view).includes("Saving…")) return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const updates = h.fake
    .callsTo("views.update")
    .map((c) => (c.ok ? "ok" : `${c.error} ${c.messages?.join(" ") ?? ""}`));
  throw new Error(
    `the modal ${viewId} still says "Saving…"; views.update calls: ${updates.join(", ") || "none"}`,
  );
}

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
    held.release();
    const shown = await afterSaving(ada, result.view?.id);
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
    held.release();
    const form = await afterSaving(ada, result.view?.id);
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
    // A field left empty stays empty: Slack refuses an empty initial list (it would keep "Saving…").
    const emptyLists = blocks.flatMap((b) =>
      Object.entries(b.element ?? {})
        .filter(([key, value]) => key.startsWith("initial_") && Array.isArray(value) && value.length === 0)
        .map(([key]) => `${b.block_id}.${key}`),
    );
    expect(emptyLists).toEqual([]);
  });
});
