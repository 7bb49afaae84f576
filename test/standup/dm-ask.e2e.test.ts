import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRoutine } from "../../src/features/routines/index.js";
import type { Harness } from "../support/harness.js";
import { dmsOf, startSalesFloor } from "../support/sales-floor.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";
import {
  openAnswerForm,
  rerunStandup,
  standupTables,
  strikeStandup,
  submitAnswer,
  teamIdOf,
} from "../support/standup.js";

/**
 * A team that asks by DM (Sales North: Sara leads, Alice and Bo sell): each rep gets the ask in their own
 * language, once, and answers from it; the channel gets the post and, at the cut-off, the summary, and
 * nothing else. And when there is nothing to do: a standup turned off, a slot struck after its cut-off, a
 * cut-off with no standup opened.
 */
let h: Harness;
let p: Harness["people"];

const shown = (message: Parameters<typeof visibleText>[0]) =>
  visibleText(message).replace(/[\u00a0\u202f]/g, " ");
const asks = (userId: string) =>
  dmsOf(h, userId).filter((m) => buttonsIn(m).some((b) => b.actionId === "standup.answer"));

async function setStandup(channelId: string, change: { askIn?: "thread" | "dm"; enabled?: boolean }) {
  await saveRoutine(
    h.database.db,
    {
      workspaceId: h.fake.world.workspace.teamId,
      teamId: await teamIdOf(h, channelId),
      routine: "standup",
      by: p.sara,
      at: h.clock.now(),
    },
    { enabled: true, days: [1], time: "09:00", cutoff: "14:00", askIn: "thread", ...change },
  );
}

beforeAll(async () => {
  // Monday 16 March 2026, 08:00 in Stockholm.
  h = await startSalesFloor({ now: "2026-03-16T07:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
  await setStandup(p.channels.north, { askIn: "dm" });
});
afterAll(async () => {
  await h?.close();
});

describe("a team that asks by DM", () => {
  it("asks each rep by DM in their own language, once, however often the job runs; the channel gets the post alone", async () => {
    await strikeStandup(h, "standup.open", p.channels.north, "2026-03-16T08:00:00Z");
    await rerunStandup(h, "standup.open", p.channels.north, "2026-03-16T08:00:00Z");
    expect(asks(p.alice).map(shown)).toEqual([
      ":wave: Standup of *Sales North*: what were your wins, what is your plan for this week, and is anything blocking you? Answer with the button by 2:00 PM (Europe/Stockholm); you can change your answer until the summary.\nAnswer standup",
    ]);
    expect(asks(p.bo).map(shown)).toEqual([
      ":wave: Avstämning för *Sales North*: vilka framgångar hade du, vad är din plan för veckan, och hindrar något dig? Svara med knappen senast 14:00 (Europe/Stockholm); du kan ändra svaret fram till sammanfattningen.\nSvara på avstämningen",
    ]);
    expect(asks(p.sara)).toEqual([]);
    const channel = h.fake.world.messagesIn(p.channels.north);
    expect(channel).toHaveLength(1);
    expect(shown(channel[0])).toContain(
      "Säljarna får frågan som DM om framgångar, plan och hinder, senast 14:00 (Europe/Stockholm)",
    );
    const [standup] = await h.database.db.select().from(standupTables.standups);
    expect(standup).toMatchObject({ askIn: "dm", day: "2026-03-16" });
  });

  it("takes the answer from the DM's button; at the cut-off the summary goes to the thread and Sara hears who did not answer", async () => {
    h.clock.set("2026-03-16T09:00:00Z");
    const dm = asks(p.alice)[0];
    await openAnswerForm(h, p.alice, { channel: h.fake.world.dmChannelOf(p.alice) ?? "", ts: dm?.ts ?? "" });
    const saved = await submitAnswer(h, p.alice, { wins: "Renewed Acme", plan: "Three demos" });
    expect(saved.responseAction).toBe("update");
    await h.slack.closeView({ userId: p.alice });

    const saraBefore = dmsOf(h, p.sara).length;
    await strikeStandup(h, "standup.close", p.channels.north, "2026-03-16T13:00:00Z");
    await rerunStandup(h, "standup.close", p.channels.north, "2026-03-16T13:00:00Z");
    const [post, ...thread] = h.fake.world.messagesIn(p.channels.north);
    expect(thread.map((m) => m.thread_ts)).toEqual([post?.ts]);
    expect(shown(thread[0])).toBe(
      [
        ":clipboard: *Sammanfattning av avstämningen för Sales North, måndag 16 mars*: 1 av 2 svarade.",
        `*<@${p.alice}>*`,
        "*Framgångar:* Renewed Acme",
        "*Veckans plan:* Three demos",
      ].join("\n"),
    );
    const told = dmsOf(h, p.sara).slice(saraBefore);
    expect(told).toHaveLength(1);
    expect(shown(told[0])).toMatch(
      new RegExp(
        `^:clipboard: Avstämning för \\*Sales North\\*, måndag 16 mars: inte svarat senast 14:00: <@${p.bo}>\\.\\n<https://`,
      ),
    );
  });
});

describe("when there is nothing to do", () => {
  it("posts nothing for a team that turned its standup off, nor for a slot whose cut-off has passed", async () => {
    await setStandup(p.channels.south, { enabled: false });
    await strikeStandup(h, "standup.open", p.channels.south, "2026-03-23T08:00:00Z");
    expect(h.fake.world.messagesIn(p.channels.south)).toEqual([]);
    await setStandup(p.channels.south, { enabled: true });
    // Monday 6 April: the slot of 09:00 (07:00 UTC, summer time) runs only at 14:05, everything having been
    // down: too late to ask anyone anything.
    h.clock.set("2026-04-06T12:05:00Z");
    await rerunStandup(h, "standup.open", p.channels.south, "2026-04-06T07:00:00Z");
    expect(h.fake.world.messagesIn(p.channels.south)).toEqual([]);
    const south = await teamIdOf(h, p.channels.south);
    expect(
      (await h.database.db.select().from(standupTables.standups)).filter((s) => s.teamId === south),
    ).toEqual([]);
  });

  it("a cut-off with no standup that day posts nothing and DMs nobody", async () => {
    const olle = dmsOf(h, p.olle).length;
    const before = h.fake.world.messagesIn(p.channels.south).length;
    await strikeStandup(h, "standup.close", p.channels.south, "2026-03-24T13:00:00Z");
    expect(h.fake.world.messagesIn(p.channels.south)).toHaveLength(before);
    expect(dmsOf(h, p.olle)).toHaveLength(olle);
  });
});
