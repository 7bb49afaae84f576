import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests } from "../../src/features/approvals/schema.js";
import { raise } from "../../src/features/escalations/index.js";
import { publishPolicy } from "../../src/features/policies/index.js";
import { policyRecipients } from "../../src/features/policies/schema.js";
import { correctEntry, removeEntry } from "../../src/features/quota/entries.js";
import { checkins } from "../../src/features/quota/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { issue } from "../../src/features/warnings/index.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { contextFor } from "../../src/platform/context.js";
import { validateView } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import type { Harness } from "../support/harness.js";
import { dmOf, fileLeave } from "../support/leave.js";
import { dmWith, startSalesFloor } from "../support/sales-floor.js";
import { buttonsIn, buttonsOf, visibleText } from "../support/slack-text.js";

/**
 * The App Home tab as each role sees it, opened over signed Events API requests: a rep's quota, leave,
 * requests and what waits for them; a supervisor's leaderboard and the requests to decide, decided from
 * Home; an executive's teams at a glance; an admin's team set-up. A retried event publishes once.
 */
let h: Harness;
let p: Harness["people"];
let workspaceId: string;
let leaveId: number;

// Monday 1 June 2026, 10:00 in Stockholm.
beforeAll(async () => {
  // Sales North (Sara; Alice, Bo), Sales South (Olle; Cecilia), Erik an executive, Ada the admin.
  h = await startSalesFloor({ now: "2026-06-01T08:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
  workspaceId = h.fake.world.workspace.teamId;
  const slash = (userId: string, channelId: string, command: string, text: string) =>
    h.slack.slashCommand({ userId, channelId, command, text });
  await slash(p.sara, p.channels.north, "/quota", `target <@${p.alice}|alice> 100000`);
  await slash(p.alice, p.channels.north, "/quota", "12500 Acme renewal");
  await h.settle();
  leaveId = (await fileLeave(h, p.alice, p.channels.north, { start: "2026-06-22", end: "2026-06-23" })).id;
  await issue(contextFor(h.server.deps, { workspaceId, userId: p.sara, requestId: "warn-1" }), {
    repId: p.bo,
    level: "verbal",
    reason: "conduct",
    details: "Late to the customer meeting twice.",
    escalationId: null,
    expiresOn: "2027-06-01",
  });
  await raise(contextFor(h.server.deps, { workspaceId, userId: p.erik, requestId: "esc-1" }), {
    repId: p.bo,
    category: "complaint",
    urgency: "normal",
    details: "Acme says nobody called back.",
    message: null,
  });
  await h.settle();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Opens a person's Home tab and waits for what the app publishes. */
async function openHome(userId: string) {
  const sent = await h.slack.appHomeOpened({ userId });
  expect(sent.status).toBe(200);
  await h.settle();
  const home = h.fake.world.homeOf(userId);
  expect(home, `a Home for ${userId}`).toBeDefined();
  return home as NonNullable<typeof home>;
}

/** The view the app last sent for a person's Home passes Slack's checks (limits and Block Kit schema). */
function expectValid(userId: string): void {
  const sent = h.fake
    .callsTo("views.publish")
    .filter((c) => c.args.user_id === userId && c.ok)
    .at(-1)?.args.view as { blocks: unknown[] } | undefined;
  expect(sent).toBeDefined();
  expect(validateView(sent, { schema: blockKitSchema })).toEqual([]);
  expect(sent?.blocks.length).toBeLessThanOrEqual(100);
}

async function statusOf(id: number) {
  const [row] = await h.database.db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
  return row?.status;
}

describe("each role's Home", () => {
  it("a rep (Alice, English) sees her quota and pace, her leave, her pending request, nothing waiting", async () => {
    const home = await openHome(p.alice);
    const text = visibleText(home);
    expect(text).toContain("My work in Sales North");
    expect(text).toContain("My quota");
    expect(text).toMatch(/12,500.*100,000/);
    expect(text).toContain("My leave");
    expect(text).toContain("Jun 22");
    expect(text).toContain("My requests waiting for a decision");
    expect(text).toContain("Nothing waits for you.");
    // A rep decides nothing: no Approve or Deny, only her own Cancel.
    expect(buttonsOf(home)).not.toContain("approvals.approve");
    expect(buttonsOf(home)).toContain("leave.cancel");
    expectValid(p.alice);
  });

  it("a rep (Bo, Swedish) sees the warning to acknowledge with the DM's own button", async () => {
    const home = await openHome(p.bo);
    const text = visibleText(home);
    expect(text).toContain("Mitt arbete i Sales North");
    expect(text).toContain("Väntar på mig");
    expect(text).toContain(`En muntlig varning från <@${p.sara}>`);
    const ack = buttonsIn(home).find((b) => b.actionId === "warnings.acknowledge");
    expect(ack?.text).toBe("Bekräfta mottagande");
    expectValid(p.bo);
  });

  it("a supervisor (Sara, Swedish) sees the leaderboard, the request to decide with its buttons, the escalation", async () => {
    const home = await openHome(p.sara);
    const text = visibleText(home);
    expect(text).toContain("Sales North: mitt team");
    expect(text).toContain("Topplista");
    expect(text).toContain(`1. <@${p.alice}>`);
    expect(text).toContain("Väntar på ditt beslut");
    expect(text).toContain(`<@${p.alice}>: Semester, mån 22 juni`);
    expect(text).toContain("Öppna eskaleringar");
    expect(text).toContain(`<@${p.bo}>: Kundklagomål, inte kvitterad än`);
    const decide = buttonsIn(home).filter((b) => b.value === String(leaveId));
    expect(decide.map((b) => [b.actionId, b.text])).toEqual([
      ["approvals.approve", "Godkänn"],
      ["approvals.deny", "Avslå"],
    ]);
    // Nothing of Sales South.
    expect(text).not.toContain("Sales South");
    expectValid(p.sara);
  });

  it("an executive (Erik) sees every team at a glance with its open escalations", async () => {
    const home = await openHome(p.erik);
    const text = visibleText(home);
    expect(text).toContain("Alla team i en överblick");
    expect(text).toMatch(/\*Sales North\*: .* · 1 öppen eskalering/);
    expect(text).toMatch(/\*Sales South\*: .* · 0 öppna eskaleringar/);
    expect(buttonsOf(home)).not.toContain("approvals.approve");
    expectValid(p.erik);
  });

  it("an admin (Ada) sees the team set-up: the teams, who has no team, the team form's buttons", async () => {
    // Root opens the app's Home without being in a team: the admin sees them.
    await openHome(p.root);
    const home = await openHome(p.ada);
    const text = visibleText(home);
    expect(text).toContain("Team set-up");
    expect(text).toContain(`*Sales North* in <#${p.channels.north}>: 1 supervisor(s), 2 rep(s)`);
    expect(text).toContain(`People without a team`);
    expect(text).toContain(`<@${p.root}>`);
    // An executive needs no team.
    expect(text).not.toContain(`<@${p.erik}>`);
    expect(buttonsIn(home).map((b) => b.text)).toEqual([
      "Edit Sales North",
      "Edit Sales South",
      "Create a team",
    ]);
    expectValid(p.ada);
  });

  it("someone with no team and no role is told how they get a Home", async () => {
    const home = await openHome(p.root);
    expect(visibleText(home)).toContain("You are not in a team yet");
  });

  itChecksTheSchema("every Home view");
});

describe("Home buttons work like their message twins", () => {
  it("the admin's Create a team opens the team form", async () => {
    const home = h.fake.world.homeOf(p.ada);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.ada, 10_000);
    await h.slack.clickButton({ userId: p.ada, viewId: home?.id, actionId: "team.create" });
    const event = await opened;
    expect(visibleText((event as { view: { title?: unknown } }).view)).toContain("team");
    await h.slack.closeView({ userId: p.ada });
  });

  it("approving leave from Sara's Home: stored, Alice told, both Homes refreshed without it", async () => {
    const home = h.fake.world.homeOf(p.sara);
    await h.slack.clickButton({
      userId: p.sara,
      viewId: home?.id,
      actionId: "approvals.approve",
      blockId: `home.approval.${leaveId}`,
    });
    await h.settle();
    expect(await statusOf(leaveId)).toBe("approved");
    // Alice hears it by DM, as when Sara approves from her DM.
    const told = dmOf(h, p.alice).messages.map((m) => visibleText(m));
    expect(told.some((t) => t.includes(`<@${p.sara}> approved your request`))).toBe(true);
    // Her Home was published again, the request gone from it.
    const now = h.fake.world.homeOf(p.sara);
    expect(buttonsOf(now)).not.toContain("approvals.approve");
    expect(visibleText(now)).not.toContain("Väntar på ditt beslut");
    // Alice's Home no longer lists it as waiting, and shows it approved.
    const alice = h.fake.world.homeOf(p.alice);
    expect(visibleText(alice)).not.toContain("My requests waiting for a decision");
    expect(visibleText(alice)).toContain("approved");
  });
});

describe("events", () => {
  it("a retried app_home_opened (same event_id) publishes once", async () => {
    const before = h.fake.callsTo("views.publish").filter((c) => c.args.user_id === p.bo).length;
    const sent = await h.slack.appHomeOpened({ userId: p.bo });
    await h.settle();
    const retried = await h.slack.retryEvent(sent.eventId, { retryNum: 1, reason: "http_timeout" });
    expect(retried.status).toBe(200);
    await h.slack.retryEvent(sent.eventId, { retryNum: 2, reason: "http_timeout" });
    await h.settle();
    const after = h.fake.callsTo("views.publish").filter((c) => c.args.user_id === p.bo).length;
    expect(after - before).toBe(1);
  });

  it("publishes with the hash of the Home it replaces; on a conflict it renders again and publishes once more", async () => {
    await openHome(p.bo);
    const last = h.fake.callsTo("views.publish").at(-1);
    expect(typeof last?.args.hash).toBe("string");
    h.fake.failNext("views.publish", "hash_conflict");
    const before = h.fake.callsTo("views.publish").length;
    await h.slack.appHomeOpened({ userId: p.bo });
    await h.settle();
    const calls = h.fake.callsTo("views.publish").slice(before);
    expect(calls.map((c) => c.error ?? "ok")).toEqual(["hash_conflict", "ok"]);
    expect(visibleText(h.fake.world.homeOf(p.bo))).toContain("Mitt arbete i Sales North");
  });

  it("the Messages tab publishes nothing", async () => {
    const before = h.fake.callsTo("views.publish").length;
    await h.slack.appHomeOpened({ userId: p.bo, tab: "messages" });
    await h.settle();
    expect(h.fake.callsTo("views.publish").length).toBe(before);
  });
});

/** A slash command in Sales North's channel, and what the app does after answering it. */
async function inNorth(userId: string, command: string, text: string) {
  await h.slack.slashCommand({ userId, channelId: p.channels.north, command, text });
  await h.settle();
}

/** How many Homes the app has published for a person so far. */
const publishedFor = (userId: string) =>
  h.fake.callsTo("views.publish").filter((c) => c.args.user_id === userId && c.ok).length;

describe("policies on Home", () => {
  let policyId = 0;

  it("a published policy waits on each rep's Home with the DM's button, in their language", async () => {
    const [north] = await h.database.db.select().from(teams).where(eq(teams.name, "Sales North"));
    const published = await publishPolicy(
      contextFor(h.server.deps, { workspaceId, userId: p.erik, requestId: "policy-1" }),
      {
        title: "Discounts over 20%",
        body: "Discounts over 20% are approved by the supervisor before the quote goes out.",
        effectiveOn: "2026-06-01",
        teamIds: [north?.id ?? 0],
      },
    );
    policyId = published.id;
    // Publishing refreshes the Homes: nobody opens them again.
    await h.settle();
    const alice = h.fake.world.homeOf(p.alice);
    expect(visibleText(alice)).toContain("Policies to acknowledge");
    expect(visibleText(alice)).toContain("*Discounts over 20%*, effective from Jun 1, 2026");
    expect(buttonsIn(alice).filter((b) => b.actionId === "policies.acknowledge")).toEqual([
      {
        text: "I have read and will follow this",
        actionId: "policies.acknowledge",
        blockId: `home.waiting.policy.${policyId}`,
        value: `${policyId}:1`,
      },
    ]);
    const bo = h.fake.world.homeOf(p.bo);
    expect(visibleText(bo)).toContain("Policyer att bekräfta");
    expect(visibleText(bo)).toContain("*Discounts over 20%*, gäller från 1 juni 2026");
    expect(buttonsIn(bo).find((b) => b.actionId === "policies.acknowledge")?.text).toBe(
      "Jag har läst och kommer att följa detta",
    );
    // Sara's and Erik's Homes count the acknowledgements.
    expect(visibleText(h.fake.world.homeOf(p.sara))).toContain("Discounts over 20%: 0 av 2 har bekräftat");
    expect(visibleText(h.fake.world.homeOf(p.erik))).toContain("Discounts over 20%: 0 av 2 har bekräftat");
    // Olle's team has no such policy.
    expect(visibleText(h.fake.world.homeOf(p.olle))).not.toContain("Discounts");
    for (const userId of [p.alice, p.bo, p.sara, p.erik]) expectValid(userId);
  });

  it("Alice's double click on Home acknowledges once: her DM updated, her Home without it, Sara's count up", async () => {
    const home = h.fake.world.homeOf(p.alice);
    const saraBefore = publishedFor(p.sara);
    const click = () =>
      h.slack.clickButton({
        userId: p.alice,
        viewId: home?.id,
        actionId: "policies.acknowledge",
        blockId: `home.waiting.policy.${policyId}`,
      });
    const clicks = await Promise.all([click(), click()]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    await h.settle();
    const rows = await h.database.db
      .select()
      .from(policyRecipients)
      .where(eq(policyRecipients.repId, p.alice));
    expect(rows.map((r) => [r.version, r.acknowledgedAt !== null])).toEqual([[1, true]]);
    expect(await listAudit(h.database.db, workspaceId, { action: "policies.acknowledge" })).toHaveLength(1);
    // What she was told, each click in a small view over her Home: done once, already done the second time.
    const told = h.fake
      .callsTo("views.open")
      .filter((c) => c.args.trigger_id && clicks.some((k) => k.triggerId === c.args.trigger_id))
      .map((c) => visibleText(c.args.view as { blocks?: unknown[] }))
      .sort();
    expect(told).toEqual([
      expect.stringMatching(/^Done\nThank you: acknowledged\. Your supervisor sees it\.$/),
      expect.stringMatching(/^Done\nYou acknowledged this already, on .*; nothing changed\.$/),
    ]);
    // Her DM lost its button, as when she clicks there.
    const dm = dmWith(h, p.alice, "Discounts over 20%");
    expect(buttonsOf(dm.message)).toEqual([]);
    expect(visibleText(dm.message)).toContain("You acknowledged this version on");
    // Her Home was published again without it; Sara's shows one of two.
    const now = h.fake.world.homeOf(p.alice);
    expect(visibleText(now)).not.toContain("Policies to acknowledge");
    expect(buttonsOf(now)).not.toContain("policies.acknowledge");
    expect(publishedFor(p.sara)).toBeGreaterThan(saraBefore);
    expect(visibleText(h.fake.world.homeOf(p.sara))).toContain("Discounts over 20%: 1 av 2 har bekräftat");
    expect(visibleText(h.fake.world.homeOf(p.erik))).toContain("Discounts over 20%: 1 av 2 har bekräftat");
    expectValid(p.alice);
    expectValid(p.sara);
  });

  it("after three working days the supervisor's Home names who is overdue", async () => {
    h.clock.set("2026-06-04T08:00:00Z");
    const home = await openHome(p.sara);
    expect(visibleText(home)).toContain(`Discounts over 20%: 1 av 2 har bekräftat, 1 försenad: <@${p.bo}>`);
    const erik = await openHome(p.erik);
    expect(visibleText(erik)).toContain(`1 försenad: <@${p.bo}>`);
  });
});

describe("Homes follow changes that had no refresh", () => {
  it("a check-in undone republishes the rep's Home and her supervisor's", async () => {
    const [before] = await h.database.db.select().from(checkins).where(eq(checkins.repId, p.alice));
    expect(before?.status).toBe("active");
    const alice = publishedFor(p.alice);
    const sara = publishedFor(p.sara);
    await inNorth(p.alice, "/quota", "undo");
    expect(publishedFor(p.alice)).toBeGreaterThan(alice);
    expect(publishedFor(p.sara)).toBeGreaterThan(sara);
    const text = visibleText(h.fake.world.homeOf(p.alice));
    expect(text).not.toMatch(/12,500/);
    expect(text).toMatch(/0.*100,000/);
  });

  it("a check-in corrected, then removed, by the supervisor republishes the rep's Home each time", async () => {
    await inNorth(p.alice, "/quota", "3000 Beta deal");
    const [sale] = await h.database.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.repId, p.alice), eq(checkins.status, "active")));
    expect(sale?.amountMinor).toBe(300_000);
    const sara = contextFor(h.server.deps, { workspaceId, userId: p.sara, requestId: "correct-1" });
    const before = publishedFor(p.alice);
    await correctEntry(sara, sale?.id ?? 0, sale?.version ?? 0, { amount: "4000", note: "Beta deal" });
    await h.settle();
    expect(publishedFor(p.alice)).toBeGreaterThan(before);
    expect(visibleText(h.fake.world.homeOf(p.alice))).toMatch(/4,000/);
    const corrected = publishedFor(p.alice);
    await removeEntry({ ...sara, requestId: "remove-1" }, sale?.id ?? 0, null);
    await h.settle();
    expect(publishedFor(p.alice)).toBeGreaterThan(corrected);
    expect(visibleText(h.fake.world.homeOf(p.alice))).not.toMatch(/4,000/);
  });

  it("leave cancelled from Home: stored, Alice's Home without Cancel, Sara's republished", async () => {
    const home = h.fake.world.homeOf(p.alice);
    expect(buttonsOf(home)).toContain("leave.cancel");
    const sara = publishedFor(p.sara);
    await h.slack.clickButton({ userId: p.alice, viewId: home?.id, actionId: "leave.cancel" });
    await h.settle();
    expect(await statusOf(leaveId)).toBe("cancelled");
    expect(buttonsOf(h.fake.world.homeOf(p.alice))).not.toContain("leave.cancel");
    expect(publishedFor(p.sara)).toBeGreaterThan(sara);
  });

  it("a rep added to a team by a supervisor gets the team's part on Home; the admin's count follows", async () => {
    const root = publishedFor(p.root);
    await inNorth(p.sara, "/team", `add <@${p.root}>`);
    expect(publishedFor(p.root)).toBeGreaterThan(root);
    expect(visibleText(h.fake.world.homeOf(p.root))).toContain("My work in Sales North");
    expect(visibleText(h.fake.world.homeOf(p.ada))).toContain(
      `*Sales North* in <#${p.channels.north}>: 1 supervisor(s), 3 rep(s)`,
    );
  });

  it("an executive role granted and revoked shows and takes away the glance", async () => {
    await inNorth(p.ada, "/team", `revoke <@${p.erik}> executive`);
    expect(visibleText(h.fake.world.homeOf(p.erik))).not.toContain("Alla team i en överblick");
    await inNorth(p.ada, "/team", `grant <@${p.erik}> executive`);
    expect(visibleText(h.fake.world.homeOf(p.erik))).toContain("Alla team i en överblick");
  });

  it("a policy retired leaves Bo's Home and the supervisor's", async () => {
    await inNorth(p.erik, "/policy", "retire 1");
    expect(visibleText(h.fake.world.homeOf(p.bo))).not.toContain("Discounts over 20%");
    expect(visibleText(h.fake.world.homeOf(p.sara))).not.toContain("Discounts over 20%");
  });
});

describe("a busy team's check-ins", () => {
  it("come in together: every Home shows the last of them; the supervisor's is refreshed for the burst, not for each sale", async () => {
    const sara = publishedFor(p.sara);
    const sellers = [p.alice, p.bo, p.alice, p.bo, p.alice, p.bo];
    const answers = await Promise.all(
      sellers.map((userId, i) =>
        h.slack.slashCommand({
          userId,
          channelId: p.channels.north,
          command: "/quota",
          text: `${1000 + i} burst ${i}`,
        }),
      ),
    );
    for (const answer of answers) expect(answer.body).toMatch(/Recorded|Registrerade/);
    await h.settle();
    // Alice: 1,000 + 1,002 + 1,004; Bo: 1,001 + 1,003 + 1,005 (amounts are spaced with no-break spaces).
    const homeOf = (userId: string) =>
      visibleText(h.fake.world.homeOf(userId)).replace(/[\u00a0\u202f]/g, " ");
    expect(homeOf(p.alice)).toContain("*SEK 3,006* of SEK 100,000");
    expect(homeOf(p.bo)).toContain("*3 009 kr* hittills");
    const leaderboard = homeOf(p.sara);
    expect(leaderboard).toContain("Teamet: *6 015 kr* av 100 000 kr");
    expect(leaderboard).toContain(`1. <@${p.bo}>: *3 009 kr*`);
    expect(leaderboard).toContain(`2. <@${p.alice}>: *3 006 kr*`);
    expect(publishedFor(p.sara) - sara).toBeLessThanOrEqual(2);
  });
});

describe("team settings", () => {
  it("a supervisor's /team set period quarter: the reps' Homes follow at once (no quarter target yet)", async () => {
    const homeOf = (userId: string) =>
      visibleText(h.fake.world.homeOf(userId)).replace(/[\u00a0\u202f]/g, " ");
    const alice = publishedFor(p.alice);
    await inNorth(p.sara, "/team", "set period quarter");
    expect(publishedFor(p.alice)).toBeGreaterThan(alice);
    expect(homeOf(p.alice)).not.toContain("of SEK 100,000");
    await inNorth(p.sara, "/team", "set period month");
    expect(homeOf(p.alice)).toContain("of SEK 100,000");
  });
});
