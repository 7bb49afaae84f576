import { describe, expect, it } from "vitest";
import { policyMessages } from "../../src/features/policies/messages.js";
import type { PolicyStanding } from "../../src/features/policies/service.js";
import { listReply, publishModal, statusReply } from "../../src/features/policies/views.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { validateMessageBlocks, validateView } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import { visibleText } from "../support/slack-text.js";

const en = createTranslator(policyMessages, "en", "en-US");
const sv = createTranslator(policyMessages, "sv", "sv-SE");

/** A policy for `teams` teams of `reps` reps each, every third acknowledged, every fifth on leave. */
function standing(id: number, teams: number, reps: number): PolicyStanding {
  return {
    id,
    title: `Policy ${id} <with> & marks`,
    version: 2,
    effectiveOn: "2026-06-01",
    status: "active",
    publishedBy: "U0ERIK",
    teams: Array.from({ length: teams }, (_, i) => ({ id: i + 1, name: `Team ${i + 1}` })),
    reps: Array.from({ length: teams * reps }, (_, i) => ({
      repId: `U${String(i).padStart(6, "0")}`,
      teamId: Math.floor(i / reps) + 1,
      acknowledgedAt: i % 3 === 0 ? new Date("2026-06-02T08:00:00Z") : null,
      onLeave: i % 5 === 0,
      remindersSent: i % 3,
      overdue: i % 3 !== 0,
    })),
  };
}

describe("policy status in a message", () => {
  it("says per rep who acknowledged, who waits, who is on leave or overdue", () => {
    const reply = statusReply(sv, [standing(1, 1, 4)], "Europe/Stockholm");
    const text = visibleText(reply);
    expect(text).toContain("*Policy 1 &lt;with&gt; &amp; marks* (nr 1, version 2)");
    expect(text).toContain("Gäller från 1 juni 2026 · Team 1 · 2 av 4 har bekräftat");
    expect(text).toContain("<@U000000>: bekräftade 2 juni 2026 10:00");
    expect(text).toContain("<@U000001>: inte än (1 påminnelse); försenad");
    expect(text).toContain("<@U000003>: bekräftade");
  });

  it("keeps a workspace of 50 teams of 20 reps within a message's 50 blocks, saying how many more", () => {
    const many = Array.from({ length: 8 }, (_, i) => standing(i + 1, 50, 20));
    const reply = statusReply(en, many, "UTC");
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    expect(validateMessageBlocks(reply.blocks, { schema: blockKitSchema })).toEqual([]);
    expect(visibleText({ blocks: reply.blocks.slice(-1) })).toMatch(/…and \d+ more\.$/);
    const list = listReply(
      en,
      Array.from({ length: 200 }, (_, i) => standing(i + 1, 1, 2)),
    );
    expect(list.blocks.length).toBeLessThanOrEqual(50);
    expect(validateMessageBlocks(list.blocks, { schema: blockKitSchema })).toEqual([]);
  });

  it("offers at most 100 teams in the publish form, which Slack accepts", () => {
    const teams = Array.from({ length: 140 }, (_, i) => ({ id: i + 1, name: `Team ${i + 1}` }));
    const view = publishModal(en, { teams, today: "2026-06-01" });
    expect(validateView(view, { schema: blockKitSchema })).toEqual([]);
  });

  itChecksTheSchema("policy messages and the publish form");
});
