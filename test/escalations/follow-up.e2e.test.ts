import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUpSweep, followUpsDue } from "../../src/features/escalations/follow-up.js";
import { escalations } from "../../src/features/escalations/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startInstance } from "../support/harness.js";
import { dmsOf, openedBy, startSalesFloor } from "../support/sales-floor.js";
import { visibleText } from "../support/slack-text.js";

/**
 * The follow-up of an escalation nobody acknowledges, with a fixed clock in Stockholm (Sales North keeps
 * Swedish holidays, 09:00-17:00): the supervisors are reminded after the team's working hours (24 by
 * default), the executive told after twice that, each once, across a weekend and Ascension Day.
 */
let h: Harness;
let p: Harness["people"];

// Wednesday 13 May 2026, 15:00 in Stockholm; Thursday 14 May is Ascension Day.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-05-13T13:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

const reminders = (userId: string) =>
  dmsOf(h, userId)
    .map((m) => visibleText(m))
    .filter((text) => text.includes(":hourglass:"));

async function escalate(repId: string, details: string): Promise<number> {
  await openedBy(h, p.erik, () =>
    h.slack.globalShortcut({ userId: p.erik, callbackId: "escalations.escalate" }),
  );
  const sent = await h.slack.submitView({
    userId: p.erik,
    values: { rep: { value: repId }, category: { value: "missedTarget" }, details: { value: details } },
  });
  if (sent.responseAction !== "update") throw new Error(`escalating failed: ${JSON.stringify(sent)}`);
  await h.settle();
  const rows = await h.database.db.select().from(escalations).where(eq(escalations.repId, repId));
  return rows.sort((a, b) => a.id - b.id).at(-1)?.id ?? 0;
}

/** The quarter-hourly sweep at a moment, struck by the app's clock as a slot of its own. */
async function sweepAt(iso: string) {
  h.clock.set(iso);
  const slot = new Date(iso);
  await h.server.deps.schedules.strike("escalations.followUp.sweep", "all", slot, {
    slot: slot.toISOString(),
  });
  await h.settle();
}

describe("when follow-ups are due", () => {
  it("reminds after the hours, tells the executive after twice that, each once", () => {
    const none = { reminded: false, raiserTold: false };
    expect(followUpsDue(23.9, 24, none)).toEqual([]);
    expect(followUpsDue(24, 24, none)).toEqual(["handlers"]);
    expect(followUpsDue(50, 24, none)).toEqual(["handlers", "raiser"]);
    expect(followUpsDue(50, 24, { reminded: true, raiserTold: false })).toEqual(["raiser"]);
    expect(followUpsDue(50, 24, { reminded: true, raiserTold: true })).toEqual([]);
  });
});

describe("an escalation nobody acknowledges", () => {
  let id = 0;

  it("waits 24 working hours, skipping Ascension Day and the weekend, then reminds Sara once", async () => {
    id = await escalate(p.alice, "Missed the target three months running.");
    // Wednesday 2 hours, Friday 8, Monday 8: 18 working hours by Monday 17:00.
    await sweepAt("2026-05-18T15:00:00Z");
    expect(reminders(p.sara)).toEqual([]);
    // Tuesday 14:45: 23.75 hours.
    await sweepAt("2026-05-19T12:45:00Z");
    expect(reminders(p.sara)).toEqual([]);
    // Tuesday 15:00: 24 hours. Three instances sweep at once, and the clock strikes the slot again.
    h.clock.set("2026-05-19T13:00:00Z");
    await Promise.all([1, 2, 3].map(() => followUpSweep(h.server.deps)));
    await sweepAt("2026-05-19T13:00:00Z");
    await sweepAt("2026-05-19T13:15:00Z");
    const [reminder, ...more] = reminders(p.sara);
    expect(more).toEqual([]);
    expect(reminder).toContain(
      `Påminnelse: eskaleringen av <@${p.alice}> från <@${p.erik}> (Missat mål) har väntat i 24 arbetstimmar på att kvitteras.`,
    );
    expect(reminder).toContain("Öppna eskaleringen");
    expect(reminders(p.erik)).toEqual([]);
    expect(reminders(p.alice)).toEqual([]);
    const [row] = await h.database.db.select().from(escalations).where(eq(escalations.id, id));
    expect(row?.remindedAt?.toISOString()).toBe("2026-05-19T13:00:00.000Z");
    expect(row?.raiserToldAt).toBeNull();
  });

  it("tells Erik after 48 working hours, once, naming who was reminded; never at night", async () => {
    // Tuesday 2 more hours, Wednesday 8, Thursday 8: 42 by Thursday 17:00; Friday 15:00 makes 48.
    await sweepAt("2026-05-22T12:45:00Z");
    expect(reminders(p.erik)).toEqual([]);
    await Promise.all([sweepAt("2026-05-22T13:00:00Z"), sweepAt("2026-05-22T13:00:00Z")]);
    await sweepAt("2026-05-22T18:00:00Z");
    const told = reminders(p.erik);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(
      `Din eskalering av <@${p.alice}> (Missat mål) har inte kvitterats efter 48 arbetstimmar. <@${p.sara}> har påmints`,
    );
    expect(reminders(p.sara)).toHaveLength(1);
  });

  it("reminds nobody of an acknowledged escalation", async () => {
    h.clock.set("2026-05-25T07:00:00Z");
    const second = await escalate(p.bo, "Rude to a customer on the phone.");
    const saraDm = dmsOf(h, p.sara).at(-1);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "escalations.acknowledge",
      messageTs: saraDm?.ts ?? "",
      channelId: h.fake.world.dmChannelOf(p.sara) ?? "",
      forgedValue: String(second),
    });
    await h.settle();
    const [row] = await h.database.db.select().from(escalations).where(eq(escalations.id, second));
    expect(row?.status).toBe("acknowledged");
    const before = reminders(p.sara).length;
    await sweepAt("2026-06-03T10:00:00Z");
    expect(reminders(p.sara)).toHaveLength(before);
  });
});

describe("a team's own number of hours", () => {
  it("lets Olle set it with /team set, refuses a rep, and reminds after that many hours", async () => {
    const refused = await h.slack.slashCommand({
      userId: p.cecilia,
      channelId: p.channels.south,
      command: "/team",
      text: "set escalations 4",
    });
    expect(refused.reply?.kind === "ephemeral" && refused.reply.ephemeral.text).toContain(
      "Bara handledarna för Sales South",
    );
    const bad = await h.slack.slashCommand({
      userId: p.olle,
      channelId: p.channels.south,
      command: "/team",
      text: "set escalations half a day",
    });
    expect(bad.reply?.kind === "ephemeral" && bad.reply.ephemeral.text).toContain(
      '"half a day" is not a number of working hours.',
    );
    const set = await h.slack.slashCommand({
      userId: p.olle,
      channelId: p.channels.south,
      command: "/team",
      text: "set escalations 4",
    });
    expect(set.reply?.kind === "ephemeral" && set.reply.ephemeral.text).toContain("4 working hours");
    const [south] = await h.database.db.select().from(teams).where(eq(teams.name, "Sales South"));
    expect(south?.escalationHours).toBe(4);

    // Monday 8 June 2026 (not a holiday in Sweden), raised at 10:00; 4 working hours make 14:00.
    h.clock.set("2026-06-08T08:00:00Z");
    await escalate(p.cecilia, "Forgot the customer meeting.");
    await sweepAt("2026-06-08T11:45:00Z");
    expect(reminders(p.olle)).toEqual([]);
    await sweepAt("2026-06-08T12:00:00Z");
    expect(reminders(p.olle)).toEqual([
      expect.stringContaining(
        `Reminder: <@${p.erik}>'s escalation of <@${p.cecilia}> (Missed target) has waited 4 working hours to be acknowledged.`,
      ),
    ]);
  });
});

describe.skipIf(!onPostgres)("three instances on one Postgres (needs DATABASE_URL)", () => {
  it("remind once when all three sweep at the same moment", async () => {
    const others = await Promise.all([startInstance(h), startInstance(h)]);
    try {
      // Monday 15 June 2026, 10:00; 24 working hours make Thursday 10:00.
      h.clock.set("2026-06-15T08:00:00Z");
      await escalate(p.bo, "Skipped the customer's follow-up call twice.");
      const before = reminders(p.sara).length;
      h.clock.set("2026-06-18T08:00:00Z");
      const instances = [h.server, ...others.map((o) => o.server)];
      await Promise.all(instances.map((server) => followUpSweep(server.deps)));
      await Promise.all(instances.map((server) => server.deps.jobs.idle()));
      const added = reminders(p.sara).slice(before);
      expect(added).toEqual([expect.stringContaining(`eskaleringen av <@${p.bo}>`)]);
    } finally {
      await Promise.all(others.map((o) => o.stop()));
    }
  });
});
