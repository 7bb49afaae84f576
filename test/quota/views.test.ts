import { describe, expect, it } from "vitest";
import type { Product } from "../../src/features/products/index.js";
import type { Leaderboard } from "../../src/features/quota/leaderboard.js";
import { quotaMessages } from "../../src/features/quota/messages.js";
import type { Progress } from "../../src/features/quota/progress.js";
import { paceOf } from "../../src/features/quota/rules.js";
import type { Checkin } from "../../src/features/quota/schema.js";
import {
  channelPost,
  checkinReply,
  correctionModal,
  dayText,
  entriesReply,
  leaderboardReply,
  periodName,
  targetsModal,
} from "../../src/features/quota/views.js";
import type { Team } from "../../src/features/team/index.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { periodOf } from "../../src/platform/time/index.js";
import { validateMessageBlocks, validateView } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import { registeredSurfaces } from "../support/registered.js";
import { actionIds, buttonsIn, buttonsOf } from "../support/slack-text.js";

const schema = blockKitSchema;
const registered = registeredSurfaces();
const en = createTranslator(quotaMessages, "en", "en-US");
const sv = createTranslator(quotaMessages, "sv", "sv-SE");

const team: Team = {
  id: 1,
  workspaceId: "T1",
  name: "Sales <North> & Co",
  channelId: "C1",
  timeZone: "Europe/Stockholm",
  locale: "sv",
  currency: "SEK",
  holidayCountry: "SE",
  workWeek: [1, 2, 3, 4, 5],
  quotaPeriod: "month",
  escalationHours: 24,
  policyReminderDays: 3,
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
};
const period = periodOf(new Date("2026-03-16T12:00:00Z"), "Europe/Stockholm", "month");
// Monday 16 March 2026 at 13:00 in Stockholm: 10 of March's 22 working days are behind, and half of today.
const days = { total: 22, elapsed: 10.5, remaining: 11.5, left: 12, todayIncluded: true };

function progress(repId: string | null, totalMinor: number, targetMinor: number | null): Progress {
  return {
    repId,
    period,
    currency: "SEK",
    totals: {
      totalMinor,
      count: totalMinor > 0 ? 3 : 0,
      lastAt: totalMinor > 0 ? new Date("2026-03-16T10:00:00Z") : null,
    },
    targetMinor,
    targetCarried: false,
    days,
    pace: paceOf({ targetMinor, totalMinor, days }),
  };
}

function checkin(id: number, note = "Acme <renewal> *now*"): Checkin {
  return {
    id,
    workspaceId: "T1",
    teamId: 1,
    repId: `U${id}`,
    amountMinor: 1_250_000,
    currency: "SEK",
    note,
    productId: null,
    soldOn: "2026-03-16",
    recordedAt: new Date("2026-03-16T10:00:00Z"),
    requestId: `r${id}`,
    status: "active",
    postChannelId: null,
    postTs: null,
    changedBy: null,
    changedAt: null,
    version: 1,
  };
}

const product: Product = {
  id: 3,
  workspaceId: "T1",
  teamId: 1,
  name: "Widget Pro",
  tag: "widget-pro",
  keyPoints: "",
  archivedAt: null,
  createdBy: "U0",
  createdAt: new Date(),
  updatedAt: new Date(),
};

function valid(message: { blocks?: unknown[] }) {
  expect(validateMessageBlocks(message.blocks ?? [], { schema })).toEqual([]);
  for (const id of actionIds(message.blocks)) expect(registered.actions.has(id), id).toBe(true);
}

describe("quota views", () => {
  itChecksTheSchema("the quota views");

  it("writes a day as people say it, so a sentence ending in one ends in one full stop", () => {
    expect(dayText(en, "2026-12-01")).toBe("Dec 1");
    // Swedish abbreviates "dec." with a full stop of its own; "från 1 dec.." would have two.
    expect(dayText(sv, "2026-12-01")).toBe("1 dec");
    expect(sv.t("quota.undone", { amount: "500 kr", date: dayText(sv, "2026-12-01") })).toBe(
      "Tog tillbaka din incheckning på *500 kr* från 1 dec.",
    );
    expect(dayText(sv, "2026-05-14")).toBe("14 maj");
  });

  it("names periods in the reader's language", () => {
    expect(periodName(en, period)).toBe("March 2026");
    expect(periodName(sv, period)).toBe("mars 2026");
    expect(periodName(sv, periodOf(new Date("2026-03-16T12:00:00Z"), "UTC", "quarter"))).toBe(
      "kvartal 1 2026",
    );
    expect(periodName(en, periodOf(new Date("2026-03-16T12:00:00Z"), "UTC", "week"))).toBe("week 12, 2026");
  });

  it("check-in answer and channel post pass Block Kit checks, and escape what people typed", () => {
    const reply = checkinReply(en, {
      team,
      checkin: checkin(1),
      product,
      progress: progress("U1", 4_800_000, 7_500_000),
      replayed: false,
      similarRecent: true,
      elsewhere: true,
      announced: true,
    });
    valid(reply);
    expect(JSON.stringify(reply.blocks)).toContain("Acme &lt;renewal&gt; *now*");
    expect(buttonsIn(reply).map(({ text, actionId }) => [text, actionId])).toEqual([
      ["Take it back", "quota.undo"],
    ]);
    valid(channelPost(sv, [{ checkin: checkin(1), product, progress: progress("U1", 4_800_000, null) }]));
  });

  it("lists sales that came faster than the channel's pace in one post, each once, in order", () => {
    // 20 sales by three reps; the fourth was taken back before the post went out.
    const entries = Array.from({ length: 20 }, (_, i) => {
      const sale = { ...checkin(100 + i, `deal ${i + 1}`), repId: `U${i % 3}` };
      if (i === 3) sale.status = "undone";
      return { checkin: sale, product: null, progress: progress(`U${i % 3}`, 5_000_000, 10_000_000) };
    });
    const post = channelPost(en, entries);
    valid(post);
    // Intl puts no-break spaces in money; people read them as spaces.
    const read = (value: unknown) => JSON.stringify(value).replace(/[\u00a0\u202f]/g, " ");
    const sections = (post.blocks ?? []).filter((b) => b.type === "section").map(read);
    expect(sections).toHaveLength(20);
    sections.forEach((text, i) => {
      expect(text).toContain(i === 3 ? "~<@U0> checked in SEK 12,500~ _(taken back)_" : `deal ${i + 1}`);
    });
    // Each rep's standing once, under their latest sale in the post (sales 18, 19 and 20).
    const contexts = (post.blocks ?? []).flatMap((b, i) =>
      b.type === "context" ? [{ after: read(post.blocks?.[i - 1]), text: read(b) }] : [],
    );
    expect(contexts).toHaveLength(3);
    expect(contexts.map((c) => c.after.match(/deal (\d+)/)?.[1])).toEqual(["18", "19", "20"]);
    expect(contexts.every((c) => c.text.includes("March 2026: SEK 50,000 · 50% of target"))).toBe(true);
    // The notification names how many, and everyone in it.
    expect(read(post.text)).toMatch(/^"20 check-ins: <@U0> SEK 12,500, <@U1> SEK 12,500, /);
  });

  it("lists a burst of 200 sales as a list within Slack's limits, each sale once, in order", () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({
      checkin: { ...checkin(1000 + i, `order ${i + 1}`), repId: `U${i % 7}` },
      product: null,
      progress: progress(`U${i % 7}`, 5_000_000, 10_000_000),
    }));
    const post = channelPost(en, entries);
    valid(post);
    const blocks = post.blocks ?? [];
    expect(blocks).toHaveLength(10);
    expect(blocks.every((b) => b.type === "section")).toBe(true);
    const lines = blocks.flatMap((b) => String((b as { text?: { text?: string } }).text?.text).split("\n"));
    expect(lines).toHaveLength(200);
    lines.forEach((line, i) => {
      expect(line).toContain(`<@U${i % 7}>`);
      expect(line.endsWith(`order ${i + 1}`)).toBe(true);
    });
    expect(post.text?.length).toBeLessThan(40_000);
  });

  it("a leaderboard of 300 reps stays within Slack's limits", () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      progress(`U${String(i).padStart(9, "0")}`, (300 - i) * 100_000, 10_000_000),
    );
    const board: Leaderboard = {
      team: { team, supervisorIds: ["U0"], repIds: rows.map((r) => r.repId as string) },
      period,
      product: null,
      rows,
      teamProgress: progress(null, 45_150_000, 3_000_000_000),
      inChannel: true,
      askedBy: "U0",
      onlyOwn: false,
    };
    const reply = leaderboardReply(sv, board);
    valid(reply);
    expect(reply.inChannel).toBe(true);
  });

  it("entries with correct and remove buttons stay within Slack's limits", () => {
    const reply = entriesReply(en, {
      team: { team, supervisorIds: ["U0"], repIds: [] },
      period,
      checkins: Array.from({ length: 25 }, (_, i) => checkin(i + 1)),
      products: new Map(),
      names: new Map(),
      mayCorrect: true,
      repId: null,
    });
    valid(reply);
    expect(buttonsOf(reply).filter((id) => id === "quota.entry.remove")).toHaveLength(20);
  });

  it("the targets and correction forms pass the modal checks", () => {
    const reps = Array.from({ length: 120 }, (_, i) => ({
      id: `U${i}`,
      name: `Rep number ${i} with a long name`,
    }));
    const targets = targetsModal(en, { team, period, targets: new Map([["U1", 15_000_000]]), reps });
    expect(validateView(targets, { schema })).toEqual([]);
    expect(registered.views.has(targets.callback_id ?? "")).toBe(true);
    const correction = correctionModal(sv, checkin(4), team);
    expect(validateView(correction, { schema })).toEqual([]);
    expect(registered.views.has(correction.callback_id ?? "")).toBe(true);
  });
});
