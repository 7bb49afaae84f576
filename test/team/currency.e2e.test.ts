import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teams } from "../../src/features/team/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  // Monday 16 March 2026, 13:00 in Stockholm.
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.olle],
    reps: [p.alice, p.bo],
  });
});
afterAll(async () => {
  await h?.close();
});

const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

async function team(userId: string, text: string) {
  const result = await h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/team", text });
  await h.settle();
  return spaces(visibleText(result.reply?.kind === "ephemeral" ? result.reply.ephemeral : undefined));
}

const quota = (userId: string, text: string) =>
  h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/quota", text });

const currency = async () =>
  (await h.database.db.select().from(teams).where(eq(teams.name, "Sales North")))[0]?.currency;

describe("changing a team's currency", () => {
  it("is free while the period has no figures in the old one", async () => {
    expect(await team(p.olle, "set currency EUR")).toBe("Sales North: Currency is now EUR.");
    expect(await team(p.olle, "set currency SEK")).toBe("Sales North: Currency is now SEK.");
  });

  it("is refused while this period has check-ins or targets in the old currency, saying why and when", async () => {
    await quota(p.alice, "5000 Acme");
    await quota(p.olle, `target <@${p.bo}|bo> 100000`);
    await h.settle();
    expect(await team(p.olle, "set currency EUR")).toBe(
      "The currency stays SEK for now: in EUR, what Sales North has in SEK would stop counting. This period has 1 check-in in SEK: change the currency from 1 April, when the next period starts, or have it taken back first. 1 target is in SEK (targets carry over from period to period): clear it in `/quota targets` first, then set it again in EUR after the change.",
    );
    expect(await currency()).toBe("SEK");
    // Figures never silently drop to zero: Alice's sale still counts.
    const mine = await quota(p.alice, "");
    expect(
      spaces(visibleText(mine.reply?.kind === "ephemeral" ? mine.reply.ephemeral : undefined)),
    ).toContain("*SEK 5,000* so far");
  });

  it("is refused on the form's currency field too", async () => {
    // A target in SEK is enough to keep the currency.
    await quota(p.olle, `target <@${p.bo}|bo> 100000`);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.olle, 5000);
    await h.slack.slashCommand({
      userId: p.olle,
      channelId: p.channels.north,
      command: "/team",
      text: "edit",
    });
    await opened;
    const result = await h.slack.submitView({ userId: p.olle, values: { currency: { value: "EUR" } } });
    expect(result.responseAction).toBe("errors");
    expect(spaces(result.errors?.currency)).toContain("The currency stays SEK for now");
    expect(await currency()).toBe("SEK");
  });

  it("waits for the next period for the check-ins, and for the targets to be cleared", async () => {
    h.clock.set("2026-04-01T07:00:00Z"); // 09:00 on 1 April in Stockholm: March's check-ins are behind
    await quota(p.olle, `target <@${p.bo}|bo> 100000`); // Bo's target in SEK, as the test above leaves it
    await h.settle();
    expect(await team(p.olle, "set currency EUR")).toBe(
      "The currency stays SEK for now: in EUR, what Sales North has in SEK would stop counting. 1 target is in SEK (targets carry over from period to period): clear it in `/quota targets` first, then set it again in EUR after the change.",
    );
    await quota(p.olle, `target <@${p.bo}|bo> 0`);
    expect(await team(p.olle, "set currency EUR")).toBe("Sales North: Currency is now EUR.");
    expect(await currency()).toBe("EUR");
  });
});
