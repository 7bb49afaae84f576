import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import { roleGrants } from "../../src/platform/access/schema.js";
import type { Harness } from "./harness.js";
import {
  channelMessages,
  dmsOf,
  dmWith,
  forgedClick,
  grantExecutive,
  latestDmOf,
  openedBy,
  startSalesFloor,
} from "./sales-floor.js";

let h: Harness;

beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-06-01T08:00:00Z", southReps: (people) => [people.cecilia] });
});
afterAll(async () => {
  await h?.close();
});

describe("startSalesFloor", () => {
  it("makes Sales North and Sales South through the app and grants Erik the executive role", async () => {
    const { people: p } = h;
    expect(h.clock.now().toISOString()).toBe("2026-06-01T08:00:00.000Z");
    const rows = await h.database.db.select().from(teams);
    expect(rows.map((t) => [t.name, t.channelId, t.locale]).sort()).toEqual(
      [
        ["Sales North", p.channels.north, "sv"],
        ["Sales South", p.channels.south, "en"],
      ].sort(),
    );
    const members = await h.database.db.select().from(teamMembers);
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [p.sara, "supervisor"],
        [p.alice, "rep"],
        [p.bo, "rep"],
        [p.olle, "supervisor"],
        [p.cecilia, "rep"],
      ].sort(),
    );
    const grants = await h.database.db.select().from(roleGrants);
    expect(grants.map((g) => [g.userId, g.role, g.grantedBy])).toEqual([[p.erik, "executive", p.ada]]);
  });
});

describe("grantExecutive", () => {
  it("stops with the app's answer when the role is not granted", async () => {
    const { people: p } = h;
    await expect(grantExecutive(h, "U0NOBODY")).rejects.toThrow(/grantExecutive: \/team grant answered/);
    expect((await h.database.db.select().from(roleGrants)).map((g) => g.userId)).toEqual([p.erik]);
  });
});

describe("the DM and view helpers", () => {
  it("read a person's DMs, the latest, and the latest with some words; channel posts apart", async () => {
    const { people: p } = h;
    const before = dmsOf(h, p.alice).length;
    expect(before).toBeGreaterThan(0);
    expect(dmsOf(h, "U0NOBODY")).toEqual([]);
    expect(latestDmOf(h, "U0NOBODY")).toEqual({ channel: "", message: undefined, ts: "" });
    const posts = channelMessages(h).length;

    const latest = latestDmOf(h, p.alice);
    expect(latest.channel).toBe(h.fake.world.dmChannelOf(p.alice));
    expect(latest.message).toEqual(dmsOf(h, p.alice).at(-1));
    expect(latest.ts).toBe(latest.message?.ts);
    const first = dmsOf(h, p.alice)[0];
    const words = first?.text?.slice(0, 12) ?? "";
    expect(dmWith(h, p.alice, words).message?.ts).toBe(
      dmsOf(h, p.alice)
        .filter((m) => m.text?.includes(words))
        .at(-1)?.ts,
    );
    expect(dmWith(h, p.alice, "no DM says this").message).toBeUndefined();
    expect(channelMessages(h).length).toBe(posts);
  });

  it("openedBy gives the view a command opens", async () => {
    const { people: p } = h;
    const view = await openedBy(h, p.sara, () =>
      h.slack.slashCommand({
        userId: p.sara,
        channelId: p.channels.north,
        command: "/warn",
        text: `<@${p.alice}|alice>`,
      }),
    );
    expect(view.type).toBe("modal");
    await h.slack.closeView({ userId: p.sara });
  });

  it("forgedClick shows the DM's blocks in the clicker's own DM and clicks there", async () => {
    const { people: p } = h;
    const [channel] = h.fake.world.openDm(p.alice);
    const button = {
      type: "button",
      action_id: "warnings.acknowledge",
      value: "1",
      text: { type: "plain_text", text: "OK" },
    };
    const blocks = [{ type: "actions", block_id: "ack", elements: [button] }];
    h.fake.world.postMessage({
      channel,
      text: "Acknowledge",
      blocks,
      asBot: true,
      source: "chat.postMessage",
    });
    const from = latestDmOf(h, p.alice);
    const before = dmsOf(h, p.bo).length;
    await forgedClick(h, p.bo, from, "warnings.acknowledge", "999999");
    const [copy] = dmsOf(h, p.bo).slice(before);
    expect(copy).toMatchObject({ text: "Acknowledge", blocks: from.message?.blocks });
    expect(h.fake.world.ephemeralsFor(p.bo).length).toBeGreaterThan(0);
  });
});
