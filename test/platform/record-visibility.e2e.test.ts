import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/platform/audit/index.js";
import type { Harness } from "../support/harness.js";
import { openedBy, startSalesFloor } from "../support/sales-floor.js";
import { visibleText } from "../support/slack-text.js";

/**
 * Who may see a rep's warnings and coaching plans, over every path that reads them, as a table: the rep
 * (her own only), her team's supervisor, executives and admins see them; a colleague, another team's
 * supervisor and its rep see nothing of hers. Every read of someone else's record is audited; a refused
 * read is not a read.
 *
 * Alice (Sales North, led by Sara) has a written warning and a coaching plan. Bo sells beside her; Olle
 * leads Sales South, where Cecilia sells; Erik is an executive; Ada an admin.
 */
let h: Harness;
let p: Harness["people"];

/** Words only Alice's record holds, in any reader's language: what Sara wrote. */
const WARNING_TEXT = "Promised a customer a discount nobody approved.";
const PLAN_GOAL = "Quote only approved discounts";

// Monday 1 June 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-06-01T08:00:00Z", southReps: (people) => [people.cecilia] });
  p = h.people;
  await openedBy(h, p.sara, () =>
    h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/warn",
      text: `<@${p.alice}|alice>`,
    }),
  );
  const warned = await h.slack.submitView({
    userId: p.sara,
    values: { level: { value: "written" }, reason: { value: "policy" }, details: { value: WARNING_TEXT } },
  });
  if (warned.responseAction !== "update") throw new Error(`warning not issued: ${JSON.stringify(warned)}`);
  await openedBy(h, p.sara, () =>
    h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/coach",
      text: `<@${p.alice}|alice>`,
    }),
  );
  const coached = await h.slack.submitView({
    userId: p.sara,
    values: {
      goal: { value: PLAN_GOAL },
      actions: { value: "Check the discount table\nAsk Sara before any exception" },
      review1: { value: "2026-06-15" },
    },
  });
  if (coached.responseAction !== "update") throw new Error(`plan not started: ${JSON.stringify(coached)}`);
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

type Person = "alice" | "bo" | "sara" | "olle" | "cecilia" | "erik" | "ada";

/** Each read path: the command, and the words of Alice's record it shows when allowed. */
const PATHS = [
  {
    name: "/warn history @alice",
    command: "/warn",
    text: () => `history <@${p.alice}|alice>`,
    shows: WARNING_TEXT,
  },
  { name: "/coach show @alice", command: "/coach", text: () => `show <@${p.alice}|alice>`, shows: PLAN_GOAL },
  { name: "/warn mine", command: "/warn", text: () => "mine", shows: WARNING_TEXT },
  { name: "/coach mine", command: "/coach", text: () => "mine", shows: PLAN_GOAL },
  { name: "/coach list", command: "/coach", text: () => "list", shows: PLAN_GOAL },
] as const;

type PathName = (typeof PATHS)[number]["name"];

/** Who sees Alice's record on each path ("mine" paths show only one's own). */
const SEES: Record<PathName, readonly Person[]> = {
  "/warn history @alice": ["alice", "sara", "erik", "ada"],
  "/coach show @alice": ["alice", "sara", "erik", "ada"],
  "/warn mine": ["alice"],
  "/coach mine": ["alice"],
  "/coach list": ["sara", "erik", "ada"],
};

/** Which paths audit a read: those that show someone else's record. */
const AUDITED: Partial<Record<PathName, "warnings.history.view" | "coaching.view">> = {
  "/warn history @alice": "warnings.history.view",
  "/coach show @alice": "coaching.view",
};

const PEOPLE: readonly Person[] = ["alice", "bo", "sara", "olle", "cecilia", "erik", "ada"];
const ROWS = PATHS.flatMap((path) => PEOPLE.map((who) => ({ who, path: path.name })));

async function auditsOfReadsBy(userId: string, action: "warnings.history.view" | "coaching.view") {
  const rows = await listAudit(h.database.db, h.fake.world.workspace.teamId, { action });
  return rows.filter((row) => row.actorId === userId && row.subjectId === p.alice).length;
}

describe("who sees Alice's warnings and coaching plan, on every read path", () => {
  it.each(ROWS)("$path by $who", async ({ who, path: name }) => {
    const path = PATHS.find((candidate) => candidate.name === name);
    if (!path) throw new Error(`no path ${name}`);
    const userId = p[who];
    const channelId = ["olle", "cecilia"].includes(who) ? p.channels.south : p.channels.north;
    const action = AUDITED[name];
    const before = action ? await auditsOfReadsBy(userId, action) : 0;

    const result = await h.slack.slashCommand({
      userId,
      channelId,
      command: path.command,
      text: path.text(),
    });
    await h.settle();
    const reply = result.reply;
    // Private always: nothing of anyone's record is posted where others read.
    expect(reply?.kind).toBe("ephemeral");
    const text = reply?.kind === "ephemeral" ? visibleText(reply.ephemeral) : "";
    expect(text).not.toBe("");
    const sees = SEES[name].includes(who);
    if (sees) expect(text).toContain(path.shows);
    else expect(text).not.toContain(path.shows);

    if (action) {
      const after = await auditsOfReadsBy(userId, action);
      expect(after - before).toBe(sees && who !== "alice" ? 1 : 0);
    }
  });

  it("posted nothing of it in any channel", () => {
    const posted = Object.values(p.channels).flatMap((id) => h.fake.world.messagesIn(id));
    for (const message of posted) {
      expect(visibleText(message)).not.toContain(WARNING_TEXT);
      expect(visibleText(message)).not.toContain(PLAN_GOAL);
    }
  });
});
