import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../src/features/quota/schema.js";
import type { ShownReply } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsIn, visibleText } from "../support/slack-text.js";

let h: Harness;
let p: Harness["people"];
/** A Swedish rep whose name ends in s: "Jonas affär", not "Jonass affär". */
let jonas: string;

beforeAll(async () => {
  // Monday 16 March 2026, 13:00 in Stockholm.
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
  jonas = h.fake.world.addUser({
    name: "jonas",
    realName: "Jonas",
    displayName: "Jonas",
    tz: "Europe/Stockholm",
    locale: "sv-SE",
  }).id;
  h.fake.world.joinChannel(p.channels.north, jonas);
  const team = (userId: string, text: string) =>
    h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/team", text });
  await team(p.ada, "create Sales North @sara");
  await team(p.sara, `add @alice @bo <@${jonas}|jonas>`);
  await team(p.sara, "set language sv");
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

/** Intl puts no-break spaces in money ("12 500 kr"); people read them as spaces. */
const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

function shownOf(reply: ShownReply | undefined) {
  if (reply?.kind === "ephemeral") return reply.ephemeral;
  if (reply?.kind === "message") return reply.message;
  return undefined;
}

async function quota(userId: string, text: string) {
  const result = await h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/quota", text });
  await h.settle();
  const message = shownOf(result.reply);
  return { message, shown: spaces(visibleText(message)) };
}

async function latestOf(repId: string) {
  const rows = (await h.database.db.select().from(checkins).orderBy(checkins.id)).filter(
    (c) => c.repId === repId,
  );
  const row = rows.at(-1);
  if (!row) throw new Error(`no check-in of ${repId}`);
  return row;
}

/** The team channel's message about a check-in, as the team reads it now. */
async function postOf(checkinId: number) {
  const row = (await h.database.db.select().from(checkins)).find((c) => c.id === checkinId);
  const post = h.fake.world.messagesIn(p.channels.north).find((m) => m.ts === row?.postTs);
  return spaces(visibleText(post));
}

describe("the team channel's message follows the check-in", () => {
  it("shows a supervisor's correction: the new amount, marked as corrected", async () => {
    await quota(p.bo, "12 500 kr Acme");
    const row = await latestOf(p.bo);
    expect(await postOf(row.id)).toContain(`<@${p.bo}> checkade in *12 500 kr*: Acme`);
    const list = await quota(p.sara, `entries <@${p.bo}|bo>`);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.correct",
      blockId: `entry.${row.id}`,
      messageTs: list.message?.ts,
    });
    await opened;
    const saved = await h.slack.submitView({ userId: p.sara, values: { amount: { value: "15 000" } } });
    expect(saved.responseAction).toBe("update");
    await h.settle();
    const post = await postOf(row.id);
    expect(post).toContain(`<@${p.bo}> checkade in *15 000 kr*: Acme`);
    expect(post).toContain("rättad av handledaren");
  });

  it("says a removal was the supervisor's, not the rep taking it back", async () => {
    await quota(p.bo, "3 000 kr Beta");
    const row = await latestOf(p.bo);
    const list = await quota(p.sara, `entries <@${p.bo}|bo>`);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.remove",
      blockId: `entry.${row.id}`,
      messageTs: list.message?.ts,
    });
    await h.settle();
    expect(await postOf(row.id)).toBe(`~<@${p.bo}> checkade in 3 000 kr~ _(borttagen av handledaren)_`);
  });

  it("strikes through a check-in taken back while its post was still on its way", async () => {
    // The channel post is held on its way to Slack; the rep takes the sale back before it arrives.
    const held = h.fake.holdNext("chat.postMessage");
    await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/quota",
      text: "700 oops",
    });
    await held.arrived;
    const undo = await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/quota",
      text: "undo",
    });
    expect(spaces(visibleText(shownOf(undo.reply)))).toContain("Took back your check-in of *SEK 700*");
    held.release();
    await h.settle();
    const row = await latestOf(p.alice);
    expect(row.status).toBe("undone");
    expect(await postOf(row.id)).toBe(`~<@${p.alice}> checkade in 700 kr~ _(tillbakatagen)_`);
  });
});

describe("the entries list", () => {
  it("names the rep in the Remove button's confirmation, which Slack shows as plain text", async () => {
    await quota(jonas, "2 000 kr Gamma");
    const list = await quota(p.sara, `entries <@${jonas}|jonas>`);
    const remove = (list.message?.blocks ?? [])
      .flatMap(
        (b) =>
          (b as { elements?: { action_id?: string; confirm?: { text?: { text?: string } } }[] }).elements ??
          [],
      )
      .find((e) => e.action_id === "quota.entry.remove");
    // Sara reads Swedish; a name ending in s takes no extra s.
    expect(spaces(remove?.confirm?.text?.text)).toBe(
      "Jonas affär på 2 000 kr räknas inte längre. Säljaren får veta det.",
    );
  });

  it("is updated in place after a removal: the entry is gone from it, and it says what was done", async () => {
    await quota(p.alice, "1 111 Delta");
    await quota(p.alice, "2 222 Epsilon");
    const row = await latestOf(p.alice);
    const list = await quota(p.sara, `entries <@${p.alice}|alice>`);
    expect(list.shown).toContain("*2 222 kr* · Epsilon");
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.remove",
      blockId: `entry.${row.id}`,
      messageTs: list.message?.ts,
    });
    await h.settle();
    const now = h.fake.world.ephemeralsFor(p.sara).find((e) => e.ts === list.message?.ts);
    const shown = spaces(visibleText(now));
    expect(shown).toContain(`Tog bort incheckningen av <@${p.alice}> på 2 222 kr från 16 mars.`);
    expect(shown).toContain("*1 111 kr* · Delta");
    expect(shown).not.toContain("Epsilon");
    expect(buttonsIn(now).filter((b) => b.actionId === "quota.entry.remove")).toHaveLength(
      (await h.database.db.select().from(checkins)).filter(
        (c) => c.repId === p.alice && c.status === "active",
      ).length,
    );
  });
});
