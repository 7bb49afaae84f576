import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A request signed as Slack signs it, with whatever body a hostile client put in it. */
const send = (body: string) =>
  h.slack.post(h.server.eventsUrl as string, body, "application/x-www-form-urlencoded");

describe("what arrives at the edge", () => {
  it("answers a signed payload that is JSON but not an object with 400 at once, and keeps serving", async () => {
    for (const payload of ["null", "42", '"text"', "[]", "true"]) {
      const answer = await send(`payload=${encodeURIComponent(payload)}`);
      expect([payload, answer.status, answer.timedOut]).toEqual([payload, 400, false]);
    }
    // Unparseable JSON was already a 400 (Bolt's own); an unsigned request is still refused with 401.
    expect((await send("payload=%7Bbad")).status).toBe(400);
    const unsigned = await fetch(h.server.eventsUrl as string, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "payload=null",
    });
    expect(unsigned.status).toBe(401);
    const help = await h.slack.slashCommand({ userId: h.people.ada, command: "/team", text: "help" });
    expect(help.status).toBe(200);
  });

  it("cleans NUL characters out of what people typed, and answers normally", async () => {
    const { people: p } = h;
    const unknown = await h.slack.slashCommand({ userId: p.ada, command: "/team", text: "fo\u0000o" });
    expect(unknown.reply?.kind === "ephemeral" && unknown.reply.ephemeral.text).toBe(
      'I don\'t know "/team foo". `/team help` lists what I can do.',
    );
    await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: [p.alice],
    });
    const checkin = await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/quota",
      text: "5000 Ac\u0000me",
    });
    const text = checkin.reply?.kind === "ephemeral" ? checkin.reply.ephemeral.text : "";
    expect(text.replace(/[\u00a0\u202f]/g, " ")).toBe("Recorded SEK 5,000.");
    const [row] = await h.database.db.select().from(checkins);
    expect(row?.note).toBe("Acme");
  });
});
