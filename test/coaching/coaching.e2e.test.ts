import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlanButton } from "../../src/features/coaching/index.js";
import { coachingPlans, coachingReviews } from "../../src/features/coaching/schema.js";
import { escalations } from "../../src/features/escalations/schema.js";
import { warnings } from "../../src/features/warnings/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { Harness } from "../support/harness.js";
import { channelMessages, dmsOf, dmWith, openedBy, repost, startSalesFloor } from "../support/sales-floor.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";

/**
 * Coaching plans as a supervisor (Sara, Swedish), a rep (Alice, English), an executive (Erik, Swedish) and
 * another team's supervisor (Olle, English) meet them: started from an escalation's DM, reviewed on the
 * review dates the sweep finds (weekends wait for Monday), recorded and closed once, seen only by those
 * allowed.
 */
let h: Harness;
let p: Harness["people"];

// Monday 1 June 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-06-01T08:00:00Z" });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/** The hourly sweep at an instant, as the clock of one (or several) instances strikes it. */
async function sweep(iso: string, instances = 1) {
  h.clock.set(iso);
  const slot = new Date(iso);
  await Promise.all(
    Array.from({ length: instances }, () =>
      h.server.deps.schedules.strike("coaching.review.sweep", "all", slot, { slot: slot.toISOString() }),
    ),
  );
  await h.settle();
}

const coach = (userId: string, text: string, channelId = p.channels.north) =>
  h.slack.slashCommand({ userId, channelId, command: "/coach", text });

function replyText(result: Awaited<ReturnType<typeof coach>>): string {
  return result.reply?.kind === "ephemeral" ? visibleText(result.reply.ephemeral) : "";
}

const audits = (action: "coaching.start" | "coaching.review" | "coaching.close" | "coaching.view") =>
  listAudit(h.database.db, h.fake.world.workspace.teamId, { action });

describe("a plan started from an escalation, reviewed and closed", () => {
  let escalationId = 0;
  let planId = 0;

  it("Erik escalates Alice; Sara's DM offers Start a coaching plan", async () => {
    await openedBy(h, p.erik, () =>
      h.slack.globalShortcut({ userId: p.erik, callbackId: "escalations.escalate" }),
    );
    await h.slack.submitView({
      userId: p.erik,
      values: {
        rep: { value: p.alice },
        category: { value: "missedTarget" },
        details: { value: "Far behind on the quarter." },
      },
    });
    await h.settle();
    const [row] = await h.database.db.select().from(escalations);
    escalationId = row?.id ?? 0;
    const sara = dmWith(h, p.sara, "eskalerade");
    expect(buttonsOf(sara.message)).toEqual([
      "escalations.acknowledge",
      "escalations.resolve",
      "warnings.fromEscalation",
      "coaching.fromEscalation",
    ]);
    expect(visibleText(sara.message)).toContain("Starta en coachningsplan");
  });

  it("opens the form with Alice and the escalation; puts errors on the fields; starts the plan", async () => {
    const sara = dmWith(h, p.sara, "eskalerade");
    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "coaching.fromEscalation",
        messageTs: sara.ts,
        channelId: sara.channel,
      }),
    );
    expect(visibleText(form)).toContain("Vilken säljare?");
    const blocks = form.blocks as {
      block_id?: string;
      element?: { initial_user?: string; initial_date?: string; initial_option?: { value: string } };
    }[];
    expect(blocks.find((b) => b.block_id === "rep")?.element?.initial_user).toBe(p.alice);
    expect(blocks.find((b) => b.block_id === "review1")?.element?.initial_date).toBe("2026-06-15");
    expect(blocks.find((b) => b.block_id === "escalation")?.element?.initial_option?.value).toBe(
      String(escalationId),
    );

    const wrong = await h.slack.submitView({
      userId: p.sara,
      values: { goal: { value: "  " }, review1: { value: "2026-05-20" }, review2: { value: "2026-05-19" } },
    });
    expect(wrong.responseAction).toBe("errors");
    expect(wrong.errors).toEqual({
      goal: "Skriv vad planen ska nå.",
      review1: "Välj en dag efter i dag.",
      review2: "Välj en dag efter i dag.",
    });

    const before = channelMessages(h).length;
    const started = await h.slack.submitView({
      userId: p.sara,
      values: {
        goal: { value: "Back on quota pace by the end of June" },
        actions: { value: "- Call two lost customers a week\n- Shadow Bo on a demo" },
        review1: { value: "2026-06-10" },
        review2: { value: "2026-06-13" },
      },
    });
    await h.settle();
    expect(started.responseAction).toBe("update");
    expect(visibleText(started.view)).toContain(`Coachningsplanen för <@${p.alice}> har startat.`);
    const [plan] = await h.database.db.select().from(coachingPlans);
    planId = plan?.id ?? 0;
    expect(plan).toMatchObject({
      repId: p.alice,
      status: "active",
      startedBy: p.sara,
      escalationId,
      warningId: null,
    });
    expect((await audits("coaching.start")).length).toBe(1);

    const alice = dmWith(h, p.alice, "Your coaching plan");
    const text = visibleText(alice.message);
    expect(text).toContain(`Your coaching plan, with <@${p.sara}>`);
    expect(text).toContain("*Goal:* Back on quota pace by the end of June");
    expect(text).toContain("1. Call two lost customers a week\n2. Shadow Bo on a demo");
    expect(text).toContain("Jun 10, 2026: to come");
    expect(buttonsOf(alice.message)).toEqual([]);

    const saraPlan = dmWith(h, p.sara, "Coachningsplan för");
    expect(buttonsOf(saraPlan.message)).toEqual(["coaching.record", "coaching.close"]);
    expect(channelMessages(h).length).toBe(before);
  });

  it("the escalation's DMs show the plan: Sara's without the button, Erik's with its progress", async () => {
    const sara = dmWith(h, p.sara, "eskalerade");
    expect(visibleText(sara.message)).toContain(
      "*Coachningsplan:* aktiv, mål _Back on quota pace by the end of June_; nästa uppföljning 10 juni 2026.",
    );
    expect(buttonsOf(sara.message)).toEqual([
      "escalations.acknowledge",
      "escalations.resolve",
      "warnings.fromEscalation",
    ]);
    const erik = dmWith(h, p.erik, "Du eskalerade");
    expect(visibleText(erik.message)).toContain(
      "*Coachningsplan från den här eskaleringen:* _Back on quota pace by the end of June_. Ingen uppföljning registrerad än.",
    );
  });

  it("refuses a second plan for Alice, pointing at the active one", async () => {
    const again = await coach(p.sara, `<@${p.alice}|alice>`);
    expect(replyText(again)).toContain(
      `<@${p.alice}> har redan en aktiv coachningsplan, startad av <@${p.sara}>`,
    );
  });

  it("Alice sees her plan with /coach mine", async () => {
    const mine = await coach(p.alice, "mine");
    const text = replyText(mine);
    expect(text).toContain("*Goal:* Back on quota pace by the end of June");
    expect(text).toContain("2. Shadow Bo on a demo");
    expect((await audits("coaching.view")).length).toBe(0);
  });

  it("the sweep DMs Sara on the review date from 09:00, once however many instances sweep; Alice is told", async () => {
    const saraBefore = dmsOf(h, p.sara).length;
    // Wednesday 10 June, 08:07 in Stockholm: not yet.
    await sweep("2026-06-10T06:07:00Z");
    expect(dmsOf(h, p.sara).length).toBe(saraBefore);
    // 09:07: three instances sweep at once, and again an hour later.
    await sweep("2026-06-10T07:07:00Z", 3);
    await sweep("2026-06-10T08:07:00Z", 2);
    const due = dmsOf(h, p.sara).filter((m) => visibleText(m).includes("coachningsplan i dag"));
    expect(due.length).toBe(1);
    expect(visibleText(due[0])).toContain(`Uppföljning av <@${p.alice}>s coachningsplan i dag.`);
    expect(buttonsOf(due[0])).toEqual(["coaching.record"]);
    const alice = dmsOf(h, p.alice).filter((m) => visibleText(m).includes("reviewed today"));
    expect(alice.map((m) => visibleText(m).split("\n")[0])).toEqual([
      `:calendar: Your coaching plan is reviewed today with <@${p.sara}>.`,
    ]);
    expect(channelMessages(h).filter((m) => visibleText(m).includes("coach"))).toEqual([]);
  });

  it("a forged Record progress by Alice changes nothing and says who may", async () => {
    const due = dmWith(h, p.sara, "coachningsplan i dag");
    const [channel] = h.fake.world.openDm(p.alice);
    const copy = h.fake.world.postMessage({
      channel,
      text: due.message?.text ?? "",
      blocks: due.message?.blocks ?? [],
      asBot: true,
      source: "chat.postMessage",
    });
    await h.slack.clickButton({
      userId: p.alice,
      actionId: "coaching.record",
      messageTs: copy.ts,
      channelId: channel,
    });
    await h.settle();
    expect(h.fake.world.ephemeralsFor(p.alice).at(-1)?.text).toBe(
      `Only the rep's supervisors in Sales North (<@${p.sara}>), executives and admins can do that.`,
    );
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
  });

  it("Sara records progress once; a replayed submission is told who recorded it; Alice is told", async () => {
    const due = dmWith(h, p.sara, "coachningsplan i dag");
    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "coaching.record",
        messageTs: due.ts,
        channelId: due.channel,
      }),
    );
    expect(visibleText(form)).toContain("Hur går det?");
    const noNote = await h.slack.submitView({
      userId: p.sara,
      values: { progress: { value: "onTrack" }, note: { value: "   " } },
    });
    expect(noNote.errors).toEqual({ note: "Skriv en anteckning: säljaren läser vad som sades." });
    const saved = await h.slack.submitView({
      userId: p.sara,
      values: { progress: { value: "onTrack" }, note: { value: "Two lost customers called; one is back." } },
    });
    await h.settle();
    expect(saved.responseAction).toBe("update");
    expect(visibleText(saved.view)).toContain(`Registrerat. <@${p.alice}> får veta det som DM.`);
    const again = await repost(h, saved.payload);
    expect(again.response_action).toBe("push");
    expect(visibleText(again.view)).toContain(`<@${p.sara}> har redan registrerat den här uppföljningen`);
    expect((await audits("coaching.review")).length).toBe(1);

    const told = dmsOf(h, p.alice).filter((m) => visibleText(m).includes("recorded the review"));
    expect(told.map((m) => visibleText(m))).toEqual([
      `:memo: <@${p.sara}> recorded the review of Jun 10, 2026 of your coaching plan: *on track*. Two lost customers called; one is back.`,
    ]);
    // The DMs changed in place: the review-day DM lost its button, the plan shows the progress.
    const dueNow = h.fake.world.message(due.channel, due.ts);
    expect(buttonsOf(dueNow)).toEqual([]);
    expect(visibleText(dueNow)).toContain(`Registrerad av <@${p.sara}>: enligt plan.`);
    const plan = dmWith(h, p.sara, "Coachningsplan för");
    expect(visibleText(plan.message)).toContain("10 juni 2026: *enligt plan*");
    const erik = dmWith(h, p.erik, "Du eskalerade");
    expect(visibleText(erik.message)).toContain("Senaste uppföljningen (10 juni 2026): enligt plan.");
  });

  it("a review on a Saturday waits for Monday morning", async () => {
    const count = () => dmsOf(h, p.sara).filter((m) => visibleText(m).includes("Uppföljning av")).length;
    const before = count();
    // Saturday 13 June, 10:07, and Monday 15 June, 08:07, in Stockholm: nothing.
    await sweep("2026-06-13T08:07:00Z");
    await sweep("2026-06-15T06:07:00Z");
    expect(count()).toBe(before);
    // Monday 09:07.
    await sweep("2026-06-15T07:07:00Z");
    expect(count()).toBe(before + 1);
    expect(visibleText(dmsOf(h, p.sara).at(-1))).toContain(
      `Uppföljning av <@${p.alice}>s coachningsplan skulle ha skett 13 juni 2026.`,
    );
    const [review] = await h.database.db
      .select()
      .from(coachingReviews)
      .where(eq(coachingReviews.date, "2026-06-13"));
    expect(review?.notifiedAt?.toISOString()).toBe("2026-06-15T07:07:00.000Z");
  });

  it("Sara sees Alice's plan and her teams' plans; reading it is audited", async () => {
    const shown = await coach(p.sara, `visa <@${p.alice}|alice>`);
    expect(replyText(shown)).toContain(`Coachningsplan för <@${p.alice}>`);
    expect(replyText(shown)).toContain("*Mål:* Back on quota pace by the end of June");
    expect((await audits("coaching.view")).map((a) => a.actorId)).toEqual([p.sara]);
    const list = await coach(p.sara, "lista");
    expect(replyText(list)).toContain(
      `<@${p.alice}>: Back on quota pace by the end of June (nästa uppföljning: 13 juni 2026)`,
    );
  });

  it("Sara closes the plan with an outcome; a second close is told; Alice is told; buttons go", async () => {
    const plan = dmWith(h, p.sara, "Coachningsplan för");
    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "coaching.close",
        messageTs: plan.ts,
        channelId: plan.channel,
      }),
    );
    expect(visibleText(form)).toContain("Utfall");
    const closed = await h.slack.submitView({
      userId: p.sara,
      values: { outcome: { value: "achieved" }, note: { value: "Back on pace two weeks early." } },
    });
    await h.settle();
    expect(closed.responseAction).toBe("update");
    const again = await repost(h, closed.payload);
    expect(visibleText(again.view)).toContain(`<@${p.sara}> har redan avslutat planen; inget ändrades.`);
    expect((await audits("coaching.close")).length).toBe(1);
    const [row] = await h.database.db.select().from(coachingPlans).where(eq(coachingPlans.id, planId));
    expect(row).toMatchObject({ status: "closed", outcome: "achieved", closedBy: p.sara });

    const saraPlan = h.fake.world.message(plan.channel, plan.ts);
    expect(buttonsOf(saraPlan)).toEqual([]);
    expect(visibleText(saraPlan)).toContain(
      `Avslutad av <@${p.sara}>: målet nått. Back on pace two weeks early.`,
    );
    expect(visibleText(dmsOf(h, p.alice).at(-1))).toBe(
      `:checkered_flag: <@${p.sara}> closed your coaching plan: *goal achieved*. Back on pace two weeks early.`,
    );
    const erik = dmWith(h, p.erik, "Du eskalerade");
    expect(visibleText(erik.message)).toContain("Avslutad: målet nått.");
    // Its remaining reviews are not reminded of.
    const before = dmsOf(h, p.sara).length;
    await sweep("2026-06-16T08:07:00Z");
    expect(dmsOf(h, p.sara).length).toBe(before);
  });
});

describe("who may start and see a plan", () => {
  it("refuses Olle, a supervisor of another team, both the form and the plan", async () => {
    const start = await coach(p.olle, `<@${p.alice}|alice>`, p.channels.south);
    expect(replyText(start)).toBe(
      `Only the rep's supervisors in Sales North (<@${p.sara}>), executives and admins can do that.`,
    );
    expect(h.fake.world.openViewsOf(p.olle)).toEqual([]);
    const show = await coach(p.olle, `show <@${p.alice}|alice>`, p.channels.south);
    expect(replyText(show)).toBe(
      "A rep's warnings and coaching plans are seen only by the rep, the supervisors of Sales North, executives and admins.",
    );
  });

  it("refuses a rep the form and tells Alice she has no active plan but an earlier one", async () => {
    const form = await coach(p.bo, "");
    expect(replyText(form)).toBe("Bara säljarens handledare, chefer och administratörer kan göra det.");
    const mine = await coach(p.alice, "mine");
    expect(replyText(mine)).toContain("Back on quota pace by the end of June (closed");
  });

  it("answers help and garbage in the reader's language", async () => {
    expect(replyText(await coach(p.olle, "help"))).toContain("`/coach show @rep`");
    expect(replyText(await coach(p.sara, "banan"))).toBe(
      "Jag känner inte till `banan` här. Prova `/coach @säljare`, `/coach visa @säljare`, `/coach mina`, `/coach lista` eller `/coach hjälp`.",
    );
  });
});

describe("a plan from a warning's DM", () => {
  it("opens the form with the rep and links the warning; the warning's DM then offers no second plan", async () => {
    // Sara warns Bo; her DM about the warning offers a coaching plan for him.
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
    const [warning] = await h.database.db.select().from(warnings).where(eq(warnings.repId, p.bo));
    const dm = dmWith(h, p.sara, `Du gav <@${p.bo}> en`);
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
    const started = await h.slack.submitView({
      userId: p.sara,
      values: { goal: { value: "Follow the discount policy" }, review1: { value: "2026-06-30" } },
    });
    await h.settle();
    expect(started.responseAction).toBe("update");
    const [plan] = await h.database.db.select().from(coachingPlans).where(eq(coachingPlans.repId, p.bo));
    expect(plan).toMatchObject({ status: "active", warningId: warning?.id, escalationId: null });
    expect(visibleText(dmWith(h, p.bo, "Din coachningsplan").message)).toContain("Startad från en varning.");
    expect(buttonsOf(h.fake.world.message(dm.channel, dm.ts))).toEqual([]);
  });

  it("links no warning that does not exist", async () => {
    const [channel] = h.fake.world.openDm(p.sara);
    const copy = h.fake.world.postMessage({
      channel,
      text: "A warning",
      blocks: [
        {
          type: "actions",
          block_id: "warnings.actions",
          elements: [startPlanButton("sv", { repId: p.alice, warningId: 999 })],
        },
      ],
      asBot: true,
      source: "chat.postMessage",
    });
    const form = await openedBy(h, p.sara, () =>
      h.slack.clickButton({
        userId: p.sara,
        actionId: "coaching.start",
        messageTs: copy.ts,
        channelId: channel,
      }),
    );
    expect(visibleText(form)).not.toContain("Startad från en varning");
    await h.slack.closeView({ userId: p.sara });
  });

  it("refuses a plan for oneself", async () => {
    expect(replyText(await coach(p.sara, `<@${p.sara}|sara>`))).toBe(
      "Du kan inte starta en coachningsplan för dig själv; din egen handledare, en chef eller en administratör kan.",
    );
  });
});
