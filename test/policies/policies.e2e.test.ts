import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyStatus } from "../../src/features/policies/index.js";
import { policySweep } from "../../src/features/policies/jobs.js";
import { policyRecipients } from "../../src/features/policies/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import { slash, spaces } from "../support/commands.js";
import type { Harness } from "../support/harness.js";
import { fileLeave } from "../support/leave.js";
import { dmsOf, dmWith, latestDmOf, openedBy, startPolicyFloor } from "../support/sales-floor.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";

/**
 * Policies as people meet them, over signed HTTP with the fake Slack. Sales North (Sara, Swedish; reps
 * Alice in English, Bo and Cecilia in Swedish; Stockholm, Swedish holidays, reminders after 3 working
 * days) and Sales South (Olle, English). Erik is an executive (Swedish). Monday 1 June 2026.
 */
let h: Harness;
let p: Harness["people"];
let workspace: string;
let north = 0;
let south = 0;

beforeAll(async () => {
  ({ h, north, south } = await startPolicyFloor("2026-06-01T07:00:00Z"));
  p = h.people;
  workspace = h.fake.world.workspace.teamId;
});
afterAll(async () => {
  await h?.close();
});

const policy = (userId: string, text: string, channelId = p.channels.north) =>
  slash(h, { userId, channelId, command: "/policy", text });
const lastEphemeral = (userId: string) => spaces(h.fake.world.ephemeralsFor(userId).at(-1)?.text);
const now = (dm: { channel: string; ts: string }) => h.fake.world.message(dm.channel, dm.ts);
const policyDm = (userId: string, needle: string) => dmWith(h, userId, needle);

/** The hourly sweep at a moment, struck by the app's clock as a slot of its own. */
async function sweepAt(iso: string) {
  h.clock.set(iso);
  const slot = new Date(iso);
  await h.server.deps.schedules.strike("policies.sweep", "all", slot, { slot: slot.toISOString() });
  await h.settle();
}

async function click(userId: string, dm: { channel: string; ts: string }) {
  await h.slack.clickButton({
    userId,
    actionId: "policies.acknowledge",
    messageTs: dm.ts,
    channelId: dm.channel,
  });
  await h.settle();
}

/** A click replayed on a copy of a DM as it was (Slack retrying, a stale client), in the person's own DM. */
async function replayClick(userId: string, blocks: unknown[]) {
  const [channel] = h.fake.world.openDm(userId);
  const copy = h.fake.world.postMessage({
    channel,
    text: "copy",
    blocks,
    asBot: true,
    source: "chat.postMessage",
  });
  await click(userId, { channel, ts: copy.ts });
}

const reminderTexts = (userId: string) =>
  dmsOf(h, userId)
    .map((m) => visibleText(m))
    .filter((text) => /Reminder|reminder|Påminnelse|påminnelsen/.test(text) && !text.includes(":scroll:"));

describe("who may publish", () => {
  it("refuses a rep privately, in their language, and opens nothing", async () => {
    const alice = await policy(p.alice, "");
    expect(alice.shown).toBe(
      "Only executives publish, revise and retire policies, and supervisors for their own teams.",
    );
    expect(alice.reply?.kind).toBe("ephemeral");
    const bo = await policy(p.bo, "publicera");
    expect(bo.shown).toBe(
      "Bara chefer publicerar, reviderar och avvecklar policyer, och handledare för sina egna team.",
    );
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
    expect(h.fake.world.openViewsOf(p.bo)).toEqual([]);
  });

  it("offers a supervisor only their own teams", async () => {
    const form = await openedBy(h, p.olle, () => policy(p.olle, "", p.channels.south));
    const teams = (form.blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]).find(
      (b) => b.block_id === "teams",
    );
    expect(teams?.element?.options?.map((o) => o.value)).toEqual([String(south)]);
    await h.slack.closeView({ userId: p.olle });
  });

  it("answers help and what it does not understand with the usage", async () => {
    expect((await policy(p.sara, "hjälp")).shown).toContain("`/policy status [nummer]`");
    expect((await policy(p.olle, "what now", p.channels.south)).shown).toContain("`/policy list`");
  });
});

describe("a policy from publication to the supervisor told who is missing", () => {
  let alice = { channel: "", ts: "" };
  let bo = { channel: "", ts: "" };

  it("Erik's form checks its fields in Swedish, then the policy goes to each rep by DM and the channel hears", async () => {
    const form = await openedBy(h, p.erik, () => policy(p.erik, ""));
    expect(visibleText(form)).toContain("Publicera en policy");
    const wrong = await h.slack.submitView({
      userId: p.erik,
      values: {
        title: { value: "   " },
        body: { value: "Rabatter över 20 % godkänns av handledaren innan offerten skickas." },
        effective: { value: "2026-06-01" },
        teams: { value: [String(north)] },
      },
    });
    expect(wrong.responseAction).toBe("errors");
    expect(wrong.errors?.title).toBe("Ge policyn en rubrik.");
    const sent = await h.slack.submitView({
      userId: p.erik,
      values: { title: { value: "Discounts over 20%" } },
    });
    await h.settle();
    expect(sent.responseAction).toBe("update");
    expect(visibleText(sent.view)).toContain(
      "”Discounts over 20%” gick till 3 säljare i Sales North som DM.",
    );

    const a = policyDm(p.alice, "Discounts over 20%");
    expect(visibleText(a.message)).toContain(
      `<@${p.erik}> published a policy for your team: *Discounts over 20%*`,
    );
    expect(visibleText(a.message)).toContain("Rabatter över 20 % godkänns av handledaren");
    expect(visibleText(a.message)).toContain("*Effective from:* Jun 1, 2026");
    expect(buttonsOf(a.message)).toEqual(["policies.acknowledge"]);
    expect(JSON.stringify(a.message?.blocks)).toContain("I have read and will follow this");
    const b = policyDm(p.bo, "Discounts over 20%");
    expect(visibleText(b.message)).toContain("publicerade en policy för ditt team");
    expect(JSON.stringify(b.message?.blocks)).toContain("Jag har läst och kommer att följa detta");
    expect(buttonsOf(policyDm(p.cecilia, "Discounts").message)).toEqual(["policies.acknowledge"]);
    alice = a;
    bo = b;

    const notices = h.fake.world
      .messagesIn(p.channels.north)
      .filter((m) => visibleText(m).includes(":scroll:"));
    expect(notices.map((m) => visibleText(m))).toEqual([
      ":scroll: Ny policy: *Discounts over 20%*, gäller från 1 juni 2026. Varje säljare får den som DM för att läsa och bekräfta.",
    ]);
    expect(
      h.fake.world.messagesIn(p.channels.south).filter((m) => visibleText(m).includes(":scroll:")),
    ).toEqual([]);
    const audit = await listAudit(h.database.db, workspace, { action: "policies.publish" });
    expect(audit).toHaveLength(1);
  });

  it("Alice acknowledges; a double click counts once, and her DM loses its button in place", async () => {
    const before = dmsOf(h, p.alice).length;
    const shown = now(alice)?.blocks ?? [];
    await Promise.all([click(p.alice, alice), click(p.alice, alice)]);
    // A replay of the click (Slack retrying, a stale client): the same button on a copy of the DM.
    await replayClick(p.alice, shown);
    expect(dmsOf(h, p.alice)).toHaveLength(before + 1);
    const dm = now(alice);
    expect(buttonsOf(dm)).toEqual([]);
    expect(visibleText(dm)).toContain(":white_check_mark: You acknowledged this version on");
    expect(lastEphemeral(p.alice)).toMatch(/^You acknowledged this already, on .*; nothing changed\.$/);
    const rows = await h.database.db
      .select()
      .from(policyRecipients)
      .where(eq(policyRecipients.repId, p.alice));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.version).toBe(1);
    expect(rows[0]?.acknowledgedAt).not.toBeNull();
    expect(await listAudit(h.database.db, workspace, { action: "policies.acknowledge" })).toHaveLength(1);
  });

  it("nobody else can acknowledge for a rep", async () => {
    await replayClick(p.olle, now(bo)?.blocks ?? []);
    expect(lastEphemeral(p.olle)).toBe("Only the rep this policy was sent to can acknowledge it.");
    const [row] = await h.database.db
      .select()
      .from(policyRecipients)
      .where(and(eq(policyRecipients.repId, p.bo), eq(policyRecipients.version, 1)));
    expect(row?.acknowledgedAt).toBeNull();
  });

  it("Cecilia's leave on Thursday and Friday is approved", async () => {
    const filed = await fileLeave(h, p.cecilia, p.channels.north, { start: "2026-06-04", end: "2026-06-05" });
    expect(filed.errors).toBeUndefined();
    const sara = latestDmOf(h, p.sara);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "approvals.approve",
      messageTs: sara.ts,
      channelId: sara.channel,
    });
    await h.settle();
  });

  it("after three working days Bo is reminded and Cecilia, on leave, is not; Bo then acknowledges", async () => {
    await sweepAt("2026-06-03T08:11:00Z"); // Wednesday: two working days
    expect(reminderTexts(p.bo)).toEqual([]);
    await sweepAt("2026-06-04T08:11:00Z"); // Thursday: three
    await sweepAt("2026-06-04T09:11:00Z"); // the next hour reminds nobody again
    expect(reminderTexts(p.bo)).toEqual([
      expect.stringContaining(
        "Påminnelse: läs policyn *Discounts over 20%* och bekräfta att du kommer att följa den.",
      ),
    ]);
    expect(reminderTexts(p.cecilia)).toEqual([]);
    expect(reminderTexts(p.alice)).toEqual([]);
    await click(p.bo, bo);
    expect(lastEphemeral(p.bo)).toBe("Tack: bekräftat. Din handledare ser det.");
  });

  it("Sara sees two of three acknowledged, Cecilia on leave and overdue", async () => {
    const status = await policy(p.sara, "status");
    expect(status.shown).toContain("*Discounts over 20%* (nr 1, version 1)");
    expect(status.shown).toContain("2 av 3 har bekräftat");
    expect(status.shown).toContain(`:white_check_mark: <@${p.alice}>: bekräftade`);
    expect(status.shown).toContain(
      `:hourglass_flowing_sand: <@${p.cecilia}>: inte än; ledig i dag, försenad`,
    );
    const data = await policyStatus(h.server.deps, { workspaceId: workspace, teamIds: [north] });
    expect(data[0]?.reps.map((r) => [r.repId, r.acknowledgedAt !== null, r.onLeave, r.overdue])).toEqual(
      [
        [p.alice, true, false, false],
        [p.bo, true, false, false],
        [p.cecilia, false, true, true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect((await policy(p.alice, "status")).shown).toBe(
      "Only the supervisors of Sales North, executives and admins see who acknowledged its policies.",
    );
    expect((await policy(p.olle, "status 1", p.channels.south)).shown).toBe(
      "Only the supervisors of Sales North, executives and admins see who acknowledged its policies.",
    );
  });

  it("back from leave, Cecilia is reminded twice, then Sara is told she is missing, once", async () => {
    await sweepAt("2026-06-08T08:11:00Z"); // Monday: first reminder
    expect(reminderTexts(p.cecilia)).toHaveLength(1);
    await sweepAt("2026-06-10T08:11:00Z"); // two working days later: nothing yet
    expect(reminderTexts(p.cecilia)).toHaveLength(1);
    const saraBefore = dmsOf(h, p.sara).length;
    // Three: the second reminder, and Sara hears. Three instances sweep at once, then the clock strikes.
    h.clock.set("2026-06-11T08:11:00Z");
    await Promise.all([1, 2, 3].map(() => policySweep(h.server.deps)));
    await sweepAt("2026-06-11T08:11:00Z");
    await sweepAt("2026-06-11T09:11:00Z");
    await sweepAt("2026-06-15T09:11:00Z");
    expect(reminderTexts(p.cecilia)).toEqual([
      expect.stringContaining("Påminnelse"),
      expect.stringContaining("Andra påminnelsen: policyn *Discounts over 20%* väntar fortfarande"),
    ]);
    const told = dmsOf(h, p.sara)
      .slice(saraBefore)
      .map((m) => visibleText(m));
    expect(told).toEqual([
      `Efter två påminnelser har <@${p.cecilia}> i Sales North inte bekräftat *Discounts over 20%* (version 1).`,
    ]);
  });
});

describe("revision, newcomers and retirement", () => {
  it("a revision asks everyone again: the old DMs lose their button, new DMs go out", async () => {
    const form = await openedBy(h, p.erik, () => policy(p.erik, "revidera 1"));
    expect(visibleText(form)).toContain("Det här blir version 2.");
    const sent = await h.slack.submitView({
      userId: p.erik,
      values: { body: { value: "Discounts over 20% need the supervisor's approval in the CRM first." } },
    });
    await h.settle();
    expect(sent.responseAction).toBe("update");
    const old = dmsOf(h, p.alice).find((m) => visibleText(m).includes("published a policy"));
    expect(visibleText(old)).toContain("You acknowledged this version on");
    const v2 = policyDm(p.alice, "revised a policy for your team");
    expect(visibleText(v2.message)).toContain("*Discounts over 20%* (version 2)");
    expect(visibleText(v2.message)).toContain("need the supervisor's approval in the CRM first.");
    expect(buttonsOf(v2.message)).toEqual(["policies.acknowledge"]);
    const ceciliaOld = dmsOf(h, p.cecilia).find((m) => visibleText(m).includes("publicerade en policy"));
    expect(buttonsOf(ceciliaOld)).toEqual([]);
    expect(visibleText(ceciliaOld)).toContain("Den här versionen ersattes av version 2");
    expect(await listAudit(h.database.db, workspace, { action: "policies.revise" })).toHaveLength(1);
    const notices = h.fake.world
      .messagesIn(p.channels.north)
      .filter((m) => visibleText(m).includes(":scroll:"));
    expect(visibleText(notices.at(-1))).toContain("Policy reviderad: *Discounts over 20%* (version 2)");
    await click(p.alice, v2);
    expect(lastEphemeral(p.alice)).toBe("Thank you: acknowledged. Your supervisor sees it.");
  });

  it("a rep who joins the team later gets its active policies at once, not at the next sweep", async () => {
    const added = await slash(h, {
      userId: p.sara,
      channelId: p.channels.north,
      command: "/team",
      text: `add <@${p.root}>`,
    });
    expect(added.shown).not.toBe("");
    const dm = policyDm(p.root, "Discounts over 20%");
    expect(buttonsOf(dm.message)).toEqual(["policies.acknowledge"]);
  });

  it("retiring stops everything: the buttons go, and the rep's click is told", async () => {
    const bo = policyDm(p.bo, "version 2");
    const shown = now(bo)?.blocks ?? [];
    const retired = await policy(p.erik, "avveckla 1");
    expect(retired.shown).toBe(
      "”Discounts over 20%” är avvecklad: inga fler påminnelser, och säljarnas knappar är borta.",
    );
    expect(buttonsOf(now(bo))).toEqual([]);
    expect(visibleText(now(bo))).toContain("Policyn avvecklades");
    expect((await policy(p.erik, "avveckla 1")).shown).toBe(
      "”Discounts over 20%” var redan avvecklad; inget ändrades.",
    );
    expect(await listAudit(h.database.db, workspace, { action: "policies.retire" })).toHaveLength(1);
    // Bo's click from before the retirement arrives late (a stale client): told, nothing recorded.
    await replayClick(p.bo, shown);
    expect(lastEphemeral(p.bo)).toBe("Policyn är avvecklad: det finns inget att bekräfta.");
    const [row] = await h.database.db
      .select()
      .from(policyRecipients)
      .where(and(eq(policyRecipients.repId, p.bo), eq(policyRecipients.version, 2)));
    expect(row?.acknowledgedAt).toBeNull();
    const before = dmsOf(h, p.bo).length;
    await sweepAt("2026-06-25T09:11:00Z");
    expect(dmsOf(h, p.bo)).toHaveLength(before);
    expect((await policy(p.bo, "mina")).shown).toBe("Ingen policy väntar på din bekräftelse.");
  });
});

describe("the team's reminder days", () => {
  it("a supervisor sets them with /team set policy-reminder, checked, in the team's card", async () => {
    const set = await slash(h, {
      userId: p.sara,
      channelId: p.channels.north,
      command: "/team",
      text: "set policy-reminder 5",
    });
    expect(set.shown).toContain("Policypåminnelser efter");
    expect(set.shown).toContain("5 arbetsdagar");
    const [row] = await h.database.db.select().from(teams).where(eq(teams.id, north));
    expect(row?.policyReminderDays).toBe(5);
    const wrong = await slash(h, {
      userId: p.sara,
      channelId: p.channels.north,
      command: "/team",
      text: "set policy-reminder 0",
    });
    expect(wrong.shown).toBe(
      '"0" är inget antal arbetsdagar. Använd ett heltal från 1 till 30, till exempel 3.',
    );
    const rep = await slash(h, {
      userId: p.alice,
      channelId: p.channels.north,
      command: "/team",
      text: "set policy-reminder 1",
    });
    expect(rep.shown).toContain("Only the supervisors of Sales North");
  });
});
