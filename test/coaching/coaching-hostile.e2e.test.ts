import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachingPlans, coachingReviews } from "../../src/features/coaching/schema.js";
import { warnings } from "../../src/features/warnings/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { dmWith, grantExecutive, openedBy, repost } from "../support/sales-floor.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

/**
 * Coaching plans as a hostile reviewer meets them: a form started from one rep's warning submitted for
 * another rep, a tampered private_metadata pointing at another workspace's warning, a plan whose reviews
 * carry long notes, and `/coach list` with many long goals (Slack's 3000 characters a section).
 */
let h: Harness;
let p: Harness["people"];
let workspace: string;

// Monday 1 June 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startHarness({ now: "2026-06-01T08:00:00Z", adminUserIds: (people) => [people.ada] });
  p = h.people;
  workspace = h.fake.world.workspace.teamId;
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo, p.cecilia],
    settings: { language: "en" },
  });
  await grantExecutive(h, p.erik);
});
afterAll(async () => {
  await h?.close();
});

const coach = (userId: string, text: string) =>
  h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/coach", text });

const replyText = (result: Awaited<ReturnType<typeof coach>>) =>
  result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";

async function planOf(repId: string) {
  const [plan] = await h.database.db.select().from(coachingPlans).where(eq(coachingPlans.repId, repId));
  return plan;
}

async function closeAll() {
  await h.database.db
    .update(coachingPlans)
    .set({
      status: "closed",
      outcome: "achieved",
      closingNote: "test",
      closedBy: p.sara,
      closedAt: new Date("2026-06-01T08:00:00Z"),
    })
    .where(eq(coachingPlans.status, "active"));
}

describe("a plan links only a warning about its own rep", () => {
  it("a form opened from Bo's warning, submitted for Alice, does not link Bo's warning", async () => {
    await openedBy(h, p.sara, () =>
      h.slack.slashCommand({
        userId: p.sara,
        channelId: p.channels.north,
        command: "/warn",
        text: `<@${p.bo}|bo>`,
      }),
    );
    const issued = await h.slack.submitView({
      userId: p.sara,
      values: { reason: { value: "policy" }, details: { value: "Gave a 40% discount without asking." } },
    });
    await h.settle();
    expect(issued.responseAction).toBe("update");
    const dm = dmWith(h, p.sara, `Du gav <@${p.bo}>`);
    expect(buttonsOf(dm.message)).toEqual(["coaching.start"]);

    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "coaching.start",
        messageTs: dm.ts,
        channelId: dm.channel,
      }),
    );
    expect(visibleText(form)).toContain("Startad från en varning");
    // Sara changes her mind about whom the plan is for.
    const started = await h.slack.submitView({
      userId: p.sara,
      values: {
        rep: { value: p.alice },
        goal: { value: "Back on quota pace" },
        review1: { value: "2026-06-15" },
      },
    });
    await h.settle();
    expect(started.responseAction).toBe("update");
    const plan = await planOf(p.alice);
    expect(plan).toMatchObject({ repId: p.alice, warningId: null });
    expect(visibleText(dmWith(h, p.alice, "Your coaching plan").message)).not.toContain(
      "Started from a warning",
    );
    // Bo still has no plan: his warning's DM still offers one.
    expect(buttonsOf(h.fake.world.message(dm.channel, dm.ts))).toEqual(["coaching.start"]);
    await closeAll();
  });

  it("a tampered private_metadata naming another workspace's warning links nothing", async () => {
    // Another workspace on the same deployment has a warning.
    const [foreign] = await h.database.db
      .insert(warnings)
      .values({
        workspaceId: "T0OTHER",
        repId: "U0OTHER",
        level: "final",
        reason: "conduct",
        details: "Someone else's business.",
        issuedBy: "U0BOSS",
        issuedAt: new Date("2026-05-01T08:00:00Z"),
        expiresOn: "2027-05-01",
        createdAt: new Date("2026-05-01T08:00:00Z"),
      })
      .returning();
    expect(foreign).toBeDefined();
    await openedBy(h, p.sara, () => coach(p.sara, `<@${p.cecilia}|cecilia>`));
    const first = await h.slack.submitView({
      userId: p.sara,
      values: { goal: { value: "   " }, review1: { value: "2026-06-15" } },
    });
    expect(first.responseAction).toBe("errors");
    const payload = structuredClone(first.payload) as {
      view: {
        private_metadata: string;
        state: { values: Record<string, Record<string, { value?: string }>> };
      };
    };
    payload.view.private_metadata = JSON.stringify({ warningId: foreign?.id });
    (payload.view.state.values.goal as Record<string, { value?: string }>).value = {
      type: "plain_text_input",
      value: "Follow the discount policy",
    } as { value: string };
    const answer = await repost(h, payload);
    expect(answer.response_action).toBe("update");
    expect(await planOf(p.cecilia)).toMatchObject({ repId: p.cecilia, warningId: null });
    await closeAll();
  });
});

describe("a tampered form", () => {
  it("is refused a goal longer than the form allows, on the goal field", async () => {
    await openedBy(h, p.sara, () => coach(p.sara, `<@${p.alice}|alice>`));
    const first = await h.slack.submitView({
      userId: p.sara,
      values: { goal: { value: "   " }, review1: { value: "2026-06-15" } },
    });
    expect(first.responseAction).toBe("errors");
    const payload = structuredClone(first.payload) as {
      view: { state: { values: Record<string, Record<string, unknown>> } };
    };
    (payload.view.state.values.goal as Record<string, unknown>).value = {
      type: "plain_text_input",
      value: "x".repeat(5000),
    };
    const answer = await repost(h, payload);
    expect(answer.response_action).toBe("errors");
    expect(answer.errors?.goal).toBe("Håll målet inom 500 tecken; skriv detaljerna i åtgärderna.");
    const plans = await h.database.db.select().from(coachingPlans);
    expect(plans.filter((plan) => plan.goal.length > 500)).toEqual([]);
    await closeAll();
  });
});

describe("Slack's limits", () => {
  it("a plan's DM shows every review and its note, however long the notes", async () => {
    await openedBy(h, p.sara, () => coach(p.sara, `<@${p.bo}|bo>`));
    const started = await h.slack.submitView({
      userId: p.sara,
      values: {
        goal: { value: "Close three deals" },
        review1: { value: "2026-06-08" },
        review2: { value: "2026-06-15" },
        review3: { value: "2026-06-22" },
        review4: { value: "2026-06-29" },
      },
    });
    await h.settle();
    expect(started.responseAction).toBe("update");
    for (let i = 1; i <= 4; i++) {
      const plan = dmWith(h, p.sara, `Coachningsplan för <@${p.bo}>`);
      await openedBy(h, p.sara, () =>
        h.slack.clickButton({
          userId: p.sara,
          actionId: "coaching.record",
          messageTs: plan.ts,
          channelId: plan.channel,
        }),
      );
      const note = `${"x".repeat(980)} end of note ${i}.`;
      const saved = await h.slack.submitView({
        userId: p.sara,
        values: { progress: { value: "onTrack" }, note: { value: note } },
      });
      await h.settle();
      expect(saved.responseAction).toBe("update");
    }
    const reviews = await h.database.db.select().from(coachingReviews);
    expect(reviews.filter((r) => r.progress !== null).length).toBe(4);
    const plan = dmWith(h, p.sara, `Coachningsplan för <@${p.bo}>`);
    const text = visibleText(plan.message);
    for (let i = 1; i <= 4; i++) expect(text).toContain(`end of note ${i}.`);
    const shown = replyText(await coach(p.sara, `show <@${p.bo}|bo>`));
    expect(shown).toContain("end of note 4.");
    await closeAll();
  });

  it("/coach list names every plan, or says how many more, with long goals", async () => {
    const reps = Array.from({ length: 12 }, (_, i) => `U0REP${String(i).padStart(2, "0")}`);
    const at = new Date("2026-06-01T08:00:00Z");
    for (const repId of reps) {
      const [plan] = await h.database.db
        .insert(coachingPlans)
        .values({
          workspaceId: workspace,
          repId,
          goal: `${"g".repeat(480)} goal of ${repId}`,
          startedBy: p.sara,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await h.database.db.insert(coachingReviews).values({ planId: plan?.id ?? 0, date: "2026-06-15" });
    }
    const list = await coach(p.erik, "list");
    const text = replyText(list);
    for (const repId of reps) expect(text).toContain(`<@${repId}>`);
  });
});

describe("two people at once", () => {
  it("Sara and Erik start a plan for Alice at the same moment: one plan, the other told on the rep field", async () => {
    await closeAll();
    await openedBy(h, p.sara, () => coach(p.sara, `<@${p.alice}|alice>`));
    await openedBy(h, p.erik, () => coach(p.erik, `<@${p.alice}|alice>`));
    const values = (goal: string) => ({ goal: { value: goal }, review1: { value: "2026-06-20" } });
    const [sara, erik] = await Promise.all([
      h.slack.submitView({ userId: p.sara, values: values("Sara's goal") }),
      h.slack.submitView({ userId: p.erik, values: values("Erik's goal") }),
    ]);
    await h.settle();
    const actions = [sara.responseAction, erik.responseAction].sort();
    expect(actions).toEqual(["errors", "update"]);
    const loser = sara.responseAction === "errors" ? sara : erik;
    expect(Object.keys(loser.errors ?? {})).toEqual(["rep"]);
    const active = (await h.database.db.select().from(coachingPlans)).filter(
      (plan) => plan.repId === p.alice && plan.status === "active",
    );
    expect(active.length).toBe(1);
  });

  it("a double click on Record progress's Save records once; the second is told who recorded it", async () => {
    const plan = dmWith(h, p.alice, "Your coaching plan");
    expect(plan.message).toBeDefined();
    const coachDm = dmWith(h, p.sara, `Coachningsplan för <@${p.alice}>`);
    await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "coaching.record",
        messageTs: coachDm.ts,
        channelId: coachDm.channel,
      }),
    );
    const saved = await h.slack.submitView({
      userId: p.sara,
      values: { progress: { value: "atRisk" }, note: { value: "Slow start." } },
    });
    // The same submission delivered twice more at once, as a double click or Slack's retries would.
    const again = await Promise.all([repost(h, saved.payload), repost(h, saved.payload)]);
    await h.settle();
    expect(saved.responseAction).toBe("update");
    for (const answer of again) expect(answer.response_action).toBe("push");
    const recorded = (await h.database.db.select().from(coachingReviews)).filter(
      (r) => r.progress === "atRisk",
    );
    expect(recorded.length).toBe(1);
  });
});

describe("dates in the reader's locale and the team's zone", () => {
  it("tells an en-GB reader when the active plan started, as the team's calendar has it", async () => {
    await closeAll();
    // Tuesday 2 June, 00:30 in Stockholm: still 1 June in UTC.
    h.clock.set("2026-06-01T22:30:00Z");
    await openedBy(h, p.sara, () => coach(p.sara, `<@${p.bo}|bo>`));
    const started = await h.slack.submitView({
      userId: p.sara,
      values: { goal: { value: "Late-night plan" }, review1: { value: "2026-06-20" } },
    });
    await h.settle();
    expect(started.responseAction).toBe("update");
    h.clock.set("2026-06-02T08:00:00Z");
    // Ada (a workspace admin) reads Slack in en-GB.
    const again = replyText(await coach(p.ada, `<@${p.bo}|bo>`));
    expect(again).toContain(
      `<@${p.bo}> already has an active coaching plan, started by <@${p.sara}> on 2 Jun 2026`,
    );
  });
});
