import { describe, expect, it } from "vitest";
import { standupMessages } from "../../src/features/standup/messages.js";
import {
  ANSWER_MAX,
  answerChange,
  answerProblems,
  newBlocker,
  runsOf,
  summaryClip,
  weekBefore,
  weekOf,
} from "../../src/features/standup/rules.js";
import type { StandupAnswer } from "../../src/features/standup/schema.js";
import { summaryMessage } from "../../src/features/standup/views.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { validateMessageBlocks } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema } from "../support/block-kit.js";

const t = createTranslator(standupMessages, "en", "en-US");

describe("the standup's weeks", () => {
  it("runs Monday to Sunday, and last week is the one before, across a year's end", () => {
    expect(weekOf("2026-03-16")).toEqual({ start: "2026-03-16", end: "2026-03-22" });
    expect(weekOf("2026-03-22")).toEqual({ start: "2026-03-16", end: "2026-03-22" });
    expect(weekBefore("2026-03-16")).toEqual({ start: "2026-03-09", end: "2026-03-15" });
    expect(weekBefore("2026-01-05")).toEqual({ start: "2025-12-29", end: "2026-01-04" });
  });

  it("shows days off as runs", () => {
    expect(runsOf(["2026-03-20", "2026-03-16", "2026-03-17", "2026-03-18"])).toEqual([
      ["2026-03-16", "2026-03-18"],
      ["2026-03-20", "2026-03-20"],
    ]);
  });
});

describe("an answer", () => {
  const answer = { wins: "Closed Acme", plan: "Call Beta", blockers: "" };
  const at = {
    now: new Date("2026-03-16T12:00:00Z"),
    cutoffAt: new Date("2026-03-16T13:00:00Z"),
    closed: false,
  };

  it("needs wins and plan; blockers may be left out; nothing longer than the form allows", () => {
    expect(answerProblems(answer)).toEqual({});
    expect(answerProblems({ wins: " ", plan: "", blockers: "" })).toEqual({
      wins: { key: "standup.error.winsMissing" },
      plan: { key: "standup.error.planMissing" },
    });
    expect(answerProblems({ ...answer, blockers: "x".repeat(ANSWER_MAX + 1) })).toEqual({
      blockers: { key: "standup.error.tooLong", params: { max: ANSWER_MAX } },
    });
  });

  it("is late when first given at or after the cut-off; an edit changes it until the summary, then it is final", () => {
    expect(answerChange(null, answer, at)).toEqual({ kind: "new", late: false });
    expect(answerChange(null, answer, { ...at, now: at.cutoffAt })).toEqual({ kind: "new", late: true });
    expect(answerChange(answer, { ...answer, plan: "Call Gamma" }, at)).toEqual({ kind: "edit" });
    expect(answerChange(answer, { ...answer }, at)).toEqual({ kind: "unchanged" });
    expect(answerChange(answer, { ...answer, plan: "Call Gamma" }, { ...at, closed: true })).toEqual({
      kind: "final",
    });
  });

  it("tells the supervisors of a blocker when one is written or changed, not when it stays or goes", () => {
    expect(newBlocker(null, { ...answer, blockers: "No prices" })).toBe(true);
    expect(newBlocker({ ...answer, blockers: "No prices" }, { ...answer, blockers: "No prices " })).toBe(
      false,
    );
    expect(newBlocker({ ...answer, blockers: "No prices" }, { ...answer, blockers: "No contract" })).toBe(
      true,
    );
    expect(newBlocker({ ...answer, blockers: "No prices" }, answer)).toBe(false);
  });
});

describe("the summary of a big team", () => {
  const answerOf = (i: number): StandupAnswer => ({
    standupId: 1,
    repId: `U${String(i).padStart(8, "0")}`,
    wins: `Win ${i} `.padEnd(ANSWER_MAX, "w"),
    plan: `Plan ${i} `.padEnd(ANSWER_MAX, "p"),
    blockers: `Blocker <!channel> ${i} `.padEnd(ANSWER_MAX, "b"),
    late: i % 7 === 0,
    afterSummary: false,
    version: 1,
    answeredAt: new Date("2026-03-16T09:00:00Z"),
    updatedAt: new Date("2026-03-16T09:00:00Z"),
  });

  it.each([1, 12, 40, 41, 120, 500])(
    "of %i answers, each as long as the form allows, fits one message Slack accepts and shows every answer (clipped, escaped)",
    (count) => {
      const answers = Array.from({ length: count }, (_, i) => answerOf(i + 1));
      const message = summaryMessage(t, {
        teamName: "Sales <North>",
        day: "2026-03-16",
        timeZone: "Europe/Stockholm",
        asked: count + 3,
        answers,
        outNames: ["Bo Berg"],
      });
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(validateMessageBlocks(message.blocks, blockKitSchema ? { schema: blockKitSchema } : {})).toEqual(
        [],
      );
      const text = message.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : "")).join("\n");
      for (const a of answers) expect(text).toContain(`*<@${a.repId}>*`);
      expect(text).not.toContain("<!channel>");
      expect(text).toContain("Blocker &lt;!channel&gt;");
      expect(text).toContain(`: ${count} of ${count + 3} answered.`);
      expect(text).toContain("*On leave today, not asked:* Bo Berg");
      if (count > 40) expect(summaryClip(count)).toBeLessThan(900);
    },
  );
});
