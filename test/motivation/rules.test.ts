import { describe, expect, it } from "vitest";
import { parseMotivationCommand } from "../../src/features/motivation/command.js";
import {
  type FactsInput,
  fillLine,
  libraryOf,
  lineProblem,
  milestonesSince,
  motivationFacts,
  nextLine,
  streakOf,
  worthPosting,
} from "../../src/features/motivation/rules.js";
import { progressFrom } from "../../src/features/quota/progress.js";
import type { DaySales, SaleAt } from "../../src/features/quota/store.js";
import type { Team } from "../../src/features/team/schema.js";
import { elapsedWorkingDays, periodOf, type WorkCalendar } from "../../src/platform/time/index.js";

/**
 * The facts of a motivation post, worked out from figures alone: Sales North on Thursday 12 March 2026,
 * 08:30 in Stockholm (a Swedish work week, March's 22 working days, 8 of them gone).
 */
const zone = "Europe/Stockholm";
const calendar: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidayCountry: "SE" };
const now = new Date("2026-03-12T07:30:00Z");
const today = "2026-03-12";
const period = periodOf(now, zone, "month");
const team = { currency: "SEK" } as Team;
const days = elapsedWorkingDays(calendar, period, now, zone);

const progress = (repId: string | null, totalMinor: number, count: number, targetMinor?: number) =>
  progressFrom(
    team,
    repId,
    period,
    { totalMinor, count, lastAt: null },
    targetMinor ? { amountMinor: targetMinor, periodKey: period.key, currency: "SEK" } : undefined,
    days,
  );

const day = (repId: string, soldOn: string, totalMinor: number): DaySales => ({
  repId,
  soldOn,
  totalMinor,
  sales: 1,
});
const sale = (repId: string, soldOn: string, amountMinor: number): SaleAt => ({
  repId,
  soldOn,
  amountMinor,
  recordedAt: new Date(`${soldOn}T09:00:00Z`),
});

/** A week ago: what milestones are counted from when the team has had no post. */
const since = new Date("2026-03-05T07:30:00Z");

function input(over: Partial<FactsInput> = {}): FactsInput {
  return {
    today,
    since,
    sinceDay: "2026-03-05",
    calendar,
    currency: "SEK",
    team: progress(null, 0, 0),
    reps: [],
    away: new Set(),
    daysOff: new Map(),
    days: [],
    sales: [],
    bests: { dayMinor: null, periodMinor: null },
    ...over,
  };
}

describe("worth posting", () => {
  it("a team with no target and no sale has no progress line and nothing to say", () => {
    const facts = motivationFacts(input({ reps: [progress("A", 0, 0), progress("B", 0, 0)] }));
    expect(facts.progress).toBeNull();
    expect(worthPosting(facts)).toBe(false);
  });

  it("a target alone shows progress but is not worth a post; a single sale is", () => {
    const targetOnly = motivationFacts(input({ team: progress(null, 0, 0, 100_000) }));
    expect(targetOnly.progress?.targetMinor).toBe(100_000);
    expect(worthPosting(targetOnly)).toBe(false);
    const sold = motivationFacts(input({ team: progress(null, 5_000, 1), reps: [progress("A", 5_000, 1)] }));
    expect(worthPosting(sold)).toBe(true);
  });
});

describe("the top of the period", () => {
  it("names the three best sellers, best first; those on leave are counted, not named", () => {
    const reps = [
      progress("A", 50_000, 3, 100_000),
      progress("B", 70_000, 4),
      progress("C", 10_000, 1),
      progress("D", 60_000, 2),
      progress("E", 0, 0),
    ];
    const everyone = motivationFacts(input({ reps }));
    expect(everyone.top.map((s) => s.repId)).toEqual(["B", "D", "A"]);
    expect(everyone.top[2]).toEqual({ repId: "A", totalMinor: 50_000, attainment: 0.5 });
    expect(everyone.topAway).toBe(0);
    const bAway = motivationFacts(input({ reps, away: new Set(["B"]) }));
    expect(bAway.top.map((s) => s.repId)).toEqual(["D", "A"]);
    expect(bAway.topAway).toBe(1);
  });
});

describe("the week's biggest mover", () => {
  const sales = [
    day("A", "2026-03-03", 30_000), // the 7 days before: 26 Feb to 4 March
    day("A", "2026-03-09", 40_000), // the last 7 days: 5 to 11 March
    day("B", "2026-03-10", 25_000),
    day("C", "2026-02-26", 50_000),
    day("C", "2026-03-11", 20_000),
    day("B", "2026-03-12", 90_000), // today: not in the last 7 days
  ];
  const reps = ["A", "B", "C"].map((id) => progress(id, 1, 1));

  it("is who sold the most more in the last 7 days than in the 7 before (a rise only)", () => {
    expect(motivationFacts(input({ reps, days: sales })).mover).toEqual({
      repId: "B",
      lastMinor: 25_000,
      beforeMinor: 0,
    });
  });

  it("is never someone on leave, and nobody when nobody rose", () => {
    expect(motivationFacts(input({ reps, days: sales, away: new Set(["B"]) })).mover?.repId).toBe("A");
    const falling = [day("A", "2026-03-02", 10_000), day("A", "2026-03-06", 9_000)];
    expect(motivationFacts(input({ reps, days: falling })).mover).toBeNull();
  });
});

describe("milestones since the previous post", () => {
  it("a rep's first sale of the period, halfway to the target, the target: the biggest one per rep", () => {
    const facts = motivationFacts(
      input({
        reps: [
          progress("First", 5_000, 1, 100_000),
          progress("Half", 60_000, 3, 100_000),
          progress("Made", 100_000, 2, 100_000),
          progress("Old", 70_000, 2, 100_000),
        ],
        sales: [
          sale("First", "2026-03-10", 5_000),
          sale("Half", "2026-03-02", 40_000),
          sale("Half", "2026-03-09", 20_000),
          // Made's first sale came after `since` and made the whole target at once: that is what is told.
          sale("Made", "2026-03-06", 100_000),
          // Old passed half before `since`: said then, not again.
          sale("Old", "2026-03-02", 60_000),
          sale("Old", "2026-03-10", 10_000),
        ],
      }),
    );
    expect(facts.milestones).toEqual([
      { kind: "firstSale", repId: "First" },
      { kind: "half", repId: "Half", targetMinor: 100_000 },
      { kind: "target", repId: "Made", targetMinor: 100_000 },
    ]);
  });

  it("nobody on leave gets one", () => {
    const facts = motivationFacts(
      input({
        reps: [progress("First", 5_000, 1)],
        sales: [sale("First", "2026-03-10", 5_000)],
        away: new Set(["First"]),
      }),
    );
    expect(facts.milestones).toEqual([]);
  });

  it("the best period ever, only when beaten since, and only against an earlier period with sales", () => {
    const base = {
      team: progress(null, 90_000, 3),
      sales: [sale("A", "2026-03-02", 30_000), sale("A", "2026-03-09", 60_000)],
    };
    expect(
      motivationFacts(input({ ...base, bests: { dayMinor: null, periodMinor: 80_000 } })).milestones,
    ).toEqual([{ kind: "bestPeriod", totalMinor: 90_000, previousMinor: 80_000 }]);
    // Already beaten when the last post was made: told then.
    expect(
      motivationFacts(input({ ...base, bests: { dayMinor: null, periodMinor: 20_000 } })).milestones,
    ).toEqual([]);
    // No earlier period: the first month is no record.
    expect(motivationFacts(input(base)).milestones).toEqual([]);
  });

  it("the best day ever, among the days since, against every day before them", () => {
    const facts = motivationFacts(
      input({
        days: [day("A", "2026-03-09", 15_000), day("A", "2026-03-10", 20_000), day("B", "2026-03-10", 8_000)],
        sales: [sale("A", "2026-03-10", 20_000), sale("B", "2026-03-10", 8_000)],
        bests: { dayMinor: 25_000, periodMinor: null },
      }),
    );
    expect(facts.milestones).toEqual([
      { kind: "bestDay", date: "2026-03-10", totalMinor: 28_000, previousMinor: 25_000 },
    ]);
    const notBeaten = motivationFacts(
      input({ days: [day("A", "2026-03-10", 20_000)], bests: { dayMinor: 25_000, periodMinor: null } }),
    );
    expect(notBeaten.milestones).toEqual([]);
  });

  it("count from the previous post, but never more than a week back", () => {
    const previous = new Date("2026-03-09T07:30:00Z");
    expect(milestonesSince(previous, now)).toEqual(previous);
    expect(milestonesSince(new Date("2026-02-01T07:30:00Z"), now)).toEqual(since);
    expect(milestonesSince(null, now)).toEqual(since);
  });
});

describe("streaks of working days with a sale", () => {
  const sold = (...dates: string[]) => new Set(dates);

  it("count back from yesterday while today has no sale yet; weekends neither count nor break", () => {
    // Wednesday, Tuesday, Monday, then Friday before the weekend: four.
    expect(
      streakOf(sold("2026-03-11", "2026-03-10", "2026-03-09", "2026-03-06"), today, calendar, new Set()),
    ).toBe(4);
    // A sale on Saturday adds nothing.
    expect(streakOf(sold("2026-03-11", "2026-03-07"), today, calendar, new Set())).toBe(1);
  });

  it("today counts once it has a sale; a working day without one ends the run", () => {
    expect(streakOf(sold("2026-03-12", "2026-03-11", "2026-03-09"), today, calendar, new Set())).toBe(2);
  });

  it("the rep's own days of leave neither count nor break it; a public holiday neither", () => {
    const leave = new Set(["2026-03-10"]);
    expect(streakOf(sold("2026-03-11", "2026-03-09", "2026-03-06"), today, calendar, leave)).toBe(3);
    // Good Friday and Easter Monday 2026 are Swedish holidays.
    expect(streakOf(sold("2026-04-07", "2026-04-02", "2026-04-01"), "2026-04-08", calendar, new Set())).toBe(
      3,
    );
  });

  it("only runs of three or more are told, longest first, nobody on leave", () => {
    const facts = motivationFacts(
      input({
        reps: ["A", "B", "C"].map((id) => progress(id, 1, 1)),
        days: [
          ...["2026-03-09", "2026-03-10", "2026-03-11"].map((d) => day("A", d, 1_000)),
          ...["2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11"].map((d) =>
            day("B", d, 1_000),
          ),
          ...["2026-03-10", "2026-03-11"].map((d) => day("C", d, 1_000)),
        ],
      }),
    );
    expect(facts.streaks).toEqual([
      { repId: "B", days: 5 },
      { repId: "A", days: 3 },
    ]);
    const withLeave = motivationFacts(
      input({
        reps: [progress("A", 1, 1)],
        days: ["2026-03-09", "2026-03-10", "2026-03-11"].map((d) => day("A", d, 1_000)),
        away: new Set(["A"]),
      }),
    );
    expect(withLeave.streaks).toEqual([]);
  });
});

describe("the line library", () => {
  it("rotates the team's own lines first, then the built-in ones, none twice until all were used", () => {
    const library = libraryOf([7, 3]);
    expect(library.slice(0, 3)).toEqual(["line:3", "line:7", "builtin:1"]);
    expect(library).toHaveLength(12);
    const used = new Set<string>();
    let last: string | null = null;
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const next = nextLine(library, used, last);
      expect(next?.fresh).toBe(false);
      seen.push(next?.key ?? "");
      used.add(next?.key ?? "");
      last = next?.key ?? null;
    }
    expect(new Set(seen).size).toBe(12);
    // Used up: a new round, which does not open with the line just used.
    expect(nextLine(library, used, "line:3")).toEqual({ key: "line:7", fresh: true });
    expect(nextLine(library, used, "builtin:10")).toEqual({ key: "line:3", fresh: true });
  });

  it("a removed line is simply not in the library: what it used does not hold the round back", () => {
    const used = new Set(["line:3", ...Array.from({ length: 10 }, (_, i) => `builtin:${i + 1}`)]);
    expect(nextLine(libraryOf([7]), used, "builtin:10")).toEqual({ key: "line:7", fresh: false });
    expect(nextLine(libraryOf([]), used, "builtin:10")).toEqual({ key: "builtin:1", fresh: true });
  });

  it("a team's line: one to 300 characters, {team} filled in, anything else as written", () => {
    expect(lineProblem("   ", 300)).toBe("empty");
    expect(lineProblem("x".repeat(301), 300)).toBe("tooLong");
    expect(lineProblem(` ${"x".repeat(300)} `, 300)).toBeNull();
    expect(fillLine("Go {team}, go {TEAM}! {name}", { team: "North" })).toBe("Go North, go North! {name}");
  });
});

describe("/motivation", () => {
  it("reads its subcommands in English and Swedish", () => {
    expect(parseMotivationCommand("")).toEqual({ kind: "help" });
    expect(parseMotivationCommand(" hjälp ")).toEqual({ kind: "help" });
    expect(parseMotivationCommand("LISTA")).toEqual({ kind: "list" });
    expect(parseMotivationCommand("förhandsvisa")).toEqual({ kind: "preview" });
    expect(parseMotivationCommand("add  Let's go,  {team}!")).toEqual({
      kind: "add",
      text: "Let's go,  {team}!",
    });
    expect(parseMotivationCommand("lägg  till Nu kör vi")).toEqual({ kind: "add", text: "Nu kör vi" });
    expect(parseMotivationCommand("add")).toEqual({ kind: "add", text: "" });
    expect(parseMotivationCommand("ta bort #12")).toEqual({ kind: "remove", id: 12 });
    expect(parseMotivationCommand("remove 3")).toEqual({ kind: "remove", id: 3 });
  });

  it("answers a number it cannot read, or a word it does not know, without guessing", () => {
    expect(parseMotivationCommand("remove abc")).toEqual({ kind: "remove", id: null });
    expect(parseMotivationCommand("remove")).toEqual({ kind: "remove", id: null });
    expect(parseMotivationCommand("remove -1")).toEqual({ kind: "remove", id: null });
    expect(parseMotivationCommand("dance now")).toEqual({ kind: "help", unknown: "dance" });
    expect(parseMotivationCommand("list everything")).toEqual({ kind: "help", unknown: "list everything" });
    expect(parseMotivationCommand(`x${"y".repeat(500)}`)).toEqual({
      kind: "help",
      unknown: `x${"y".repeat(38)}…`,
    });
  });
});
