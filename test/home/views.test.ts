import { describe, expect, it } from "vitest";
import { homeMessages } from "../../src/features/home/messages.js";
import { HOME_LIMITS, type HomeData } from "../../src/features/home/sections.js";
import { HOME_MAX_BLOCKS, homeView } from "../../src/features/home/views.js";
import type { Progress } from "../../src/features/quota/index.js";
import type { Team, TeamWithMembers } from "../../src/features/team/index.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { validateView } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import { visibleText } from "../support/slack-text.js";

/**
 * Home views of long teams and big workspaces stay within Slack's 100 blocks, and say what they left out
 * and where to see it, in English and Swedish.
 */
const en = createTranslator(homeMessages, "en", "en-GB");
const sv = createTranslator(homeMessages, "sv", "sv-SE");
const now = new Date("2026-06-10T08:00:00Z");
const period = {
  kind: "month",
  key: "2026-06",
  start: "2026-06-01",
  end: "2026-06-30",
  startsAt: new Date("2026-05-31T22:00:00Z"),
  endsAt: new Date("2026-06-30T22:00:00Z"),
} as unknown as Progress["period"];

function progress(repId: string | null, soldMinor: number): Progress {
  return {
    repId,
    period,
    currency: "SEK",
    totals: { totalMinor: soldMinor, count: 3, lastAt: now },
    targetMinor: 10_000_000,
    targetCarried: false,
    days: {
      total: 21,
      elapsed: 7,
      remaining: 14,
      left: 14,
      todayIncluded: true,
    } as unknown as Progress["days"],
    pace: {
      attainment: soldMinor / 10_000_000,
      expected: 1 / 3,
      label: "behind",
      projectionMinor: null,
      neededPerDayMinor: 1,
    },
  };
}

function team(id: number, reps: number): TeamWithMembers {
  return {
    team: {
      id,
      name: `Team ${id}`,
      channelId: `C${String(id).padStart(8, "0")}`,
      timeZone: "Europe/Stockholm",
    } as Team,
    supervisorIds: ["USARA"],
    repIds: Array.from({ length: reps }, (_, i) => `UREP${id}X${i}`),
  };
}

/** A supervisor of a team of 150, who is also an executive and an admin of a workspace of 60 teams. */
/** Eight active policies, each with every one of 150 reps overdue. */
function policies(reps: readonly string[]) {
  const all = Array.from({ length: 8 }, (_, i) => ({
    title: `Policy number ${i + 1} with a rather long title about discounts and travel`,
    done: 0,
    total: reps.length,
    overdue: [...reps],
  }));
  return { shown: all.slice(0, HOME_LIMITS.policies), more: all.length - HOME_LIMITS.policies };
}

function bigWorkspace(): HomeData {
  const led = team(1, 150);
  const teams = Array.from({ length: 60 }, (_, i) => team(i + 1, 5));
  const request = (i: number) => ({
    request: { id: i, requesterId: `UREP1X${i}`, createdAt: now } as never,
    summary: `vacation, ${i} June`,
  });
  return {
    userId: "USARA",
    now,
    timeZone: "Europe/Stockholm",
    rep: null,
    supervisor: [
      {
        team: led,
        standing: {
          period,
          team: progress(null, 5_000_000),
          reps: led.repIds.map((id, i) => progress(id, i * 1000)),
        },
        approvals: Array.from({ length: HOME_LIMITS.approvals }, (_, i) => request(i + 1)),
        approvalsMore: 25,
        escalations: Array.from({ length: HOME_LIMITS.escalations + 1 }, (_, i) => ({
          id: i + 1,
          repId: `UREP1X${i}`,
          category: "complaint",
          status: "open",
          createdAt: now,
        })) as never,
        reviews: Array.from({ length: 15 }, (_, i) => ({
          review: { id: i + 1, date: "2026-06-09" },
          plan: { id: i + 1, repId: `UREP1X${i}` },
        })) as never,
        policies: policies(led.repIds),
      },
    ],
    executive: {
      teams: teams
        .slice(0, HOME_LIMITS.teams)
        .map((t) => ({ team: t.team, progress: progress(null, 1000), openEscalations: 2 })),
      teamsMore: teams.length - HOME_LIMITS.teams,
      approvals: [],
      approvalsMore: 0,
      policies: policies(led.repIds),
    },
    admin: { teams, withoutTeam: Array.from({ length: 55 }, (_, i) => `UNEW${i}`) },
  };
}

describe("a Home for a long team in a big workspace", () => {
  for (const t of [en, sv]) {
    it(`stays within ${HOME_MAX_BLOCKS} blocks and passes Slack's checks (${t.language})`, () => {
      const view = homeView(t, bigWorkspace());
      expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
      expect(validateView(view, { schema: blockKitSchema })).toEqual([]);
    });
  }

  it("summarizes what it leaves out and says where to see it", () => {
    const text = visibleText(homeView(en, bigWorkspace()));
    // The leaderboard's top ten, then the rest counted.
    expect(text).toContain("10. <@UREP1X140>");
    expect(text).not.toContain("11. <@");
    expect(text).toContain("…and 140 more: /quota team");
    expect(text).toContain("…and 25 more: /leave, /commission");
    expect(text).toContain("…and 1 more: /warn history");
    expect(text).toContain("…and 5 more: /coach list");
    expect(text).toContain("…and 30 more: /team list");
    expect(text).toContain("…and 15 more: /team");
    // Each policy's line names the first few overdue reps and counts the rest; past five policies, counted.
    expect(text).toContain(
      "• Policy number 1 with a rather long title about discounts and travel: 0 of 150 acknowledged, 150 overdue: <@UREP1X0>, <@UREP1X1>, <@UREP1X2>, <@UREP1X3>, <@UREP1X4> +145",
    );
    expect(text).not.toContain("Policy number 6");
    expect(text).toContain("…and 3 more: /policy list");
  });

  it("says the same in Swedish", () => {
    const text = visibleText(homeView(sv, bigWorkspace()));
    expect(text).toContain("…och 140 till: /quota team");
    expect(text).toContain("Alla team i en överblick");
    expect(text).toContain("Teamuppsättning");
    expect(text).toContain("Policybekräftelser");
    expect(text).toContain("0 av 150 har bekräftat, 150 försenade: <@UREP1X0>");
  });

  itChecksTheSchema("Home views");
});
