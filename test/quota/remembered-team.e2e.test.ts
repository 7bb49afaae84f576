import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import { slash } from "../support/commands.js";
import { type Harness, startHarness } from "../support/harness.js";
import { type MadeTeam, makeTeam } from "../support/teams.js";

/**
 * A check-in goes ahead with the team the rep sold in last time, and its statement makes sure that is
 * still so. Nothing tells the check-in of a change (another process may have made it): each of these
 * changes is made and the very next check-in must follow it.
 */
let h: Harness;
let p: Harness["people"];
let north: MadeTeam;
let south: MadeTeam;

beforeAll(async () => {
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice],
    settings: { language: "en" },
  });
  south = await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    reps: [p.cecilia],
    settings: { language: "en" },
  });
});
afterAll(async () => {
  await h?.close();
});

const command = async (userId: string, channelId: string, name: "/quota" | "/team", text: string) =>
  (await slash(h, { userId, channelId, command: name, text })).shown;

const saleIn = (channelId: string, note: string) =>
  h.fake.world.messagesIn(channelId).filter((m) => JSON.stringify(m.blocks ?? m.text).includes(note));

describe("a check-in after the team changed", () => {
  it("keeps a sale out of the channel once the team made check-ins private", async () => {
    expect(await command(p.alice, north.channelId, "/quota", "1000 first-public")).toContain("Recorded");
    expect(saleIn(north.channelId, "first-public")).toHaveLength(1);
    await command(p.sara, north.channelId, "/quota", "set private on");
    const answer = await command(p.alice, north.channelId, "/quota", "1000 now-private");
    expect(answer).toContain("Recorded");
    expect(saleIn(north.channelId, "now-private")).toHaveLength(0);
    const [row] = await h.database.db.select().from(checkins).where(eq(checkins.note, "now-private"));
    expect(row?.postChannelId).toBeNull();
  });

  it("refuses a sale above a maximum the supervisor has just lowered, naming the new maximum", async () => {
    await command(p.sara, north.channelId, "/quota", "set max 2000");
    const answer = await command(p.alice, north.channelId, "/quota", "5000 too-big");
    expect(answer).toContain("SEK 2,000");
    expect(await h.database.db.select().from(checkins).where(eq(checkins.note, "too-big"))).toHaveLength(0);
  });

  it("records the sale in the rep's new team after a move, and asks who is not a rep any more", async () => {
    const moved = await command(p.ada, south.channelId, "/team", `move <@${p.alice}|alice>`);
    expect(moved).toContain("Sales South");
    expect(moved).not.toContain("takes an admin");
    expect(await command(p.alice, south.channelId, "/quota", "1500 moved-south")).toContain("Recorded");
    const [row] = await h.database.db.select().from(checkins).where(eq(checkins.note, "moved-south"));
    expect(row?.teamId).toBe(south.id);
    expect(saleIn(south.channelId, "moved-south")).toHaveLength(1);

    await command(p.ada, south.channelId, "/team", `remove <@${p.alice}|alice>`);
    const answer = await command(p.alice, south.channelId, "/quota", "1500 no-team");
    expect(answer).not.toContain("Recorded");
    expect(await h.database.db.select().from(checkins).where(eq(checkins.note, "no-team"))).toHaveLength(0);
  });
});
