import { afterEach, describe, expect, it, vi } from "vitest";
import {
  latestSlot,
  nextSlot,
  owedSlots,
  routinePlans,
  stillRelevant,
} from "../../src/features/routines/index.js";
import type { ScheduledTeam } from "../../src/features/team/index.js";
import { teamMessages } from "../../src/features/team/messages.js";
import {
  DEFAULT_ROUTINES,
  parseClock,
  parseRoutineChange,
  type RoutineSettings,
  validateRoutinesForm,
} from "../../src/features/team/routines.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { type ScheduleSpec, Schedules } from "../../src/platform/jobs/index.js";
import { createLogger } from "../../src/platform/log.js";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const at = (s: string) => new Date(s);
const defaults = () => structuredClone(DEFAULT_ROUTINES) as RoutineSettings;
const en = createTranslator(teamMessages, "en", "en-US");
const sv = createTranslator(teamMessages, "sv", "sv-SE");

/** What a parse says when it fails, as an English and a Swedish reader see it. */
function problemText(result: { ok: true } | { ok: false; problem: { key: string; params?: unknown } }) {
  if (result.ok) return "ACCEPTED";
  return [
    en.raw(result.problem.key, result.problem.params),
    sv.raw(result.problem.key, result.problem.params),
  ];
}

const standupOf = (zone: string, routines = defaults()) => {
  const plan = routinePlans(routines, zone).find((p) => p.job === "standup.open");
  if (!plan) throw new Error("no standup planned");
  return plan.spec;
};

describe("the weekly standup at 09:00 in the team's zone, across both DST changes of 2026", () => {
  // Stockholm: summer time from 29 March, winter time from 25 October. New York: from 8 March and 1 November.
  const cases = [
    {
      zone: "Europe/Stockholm",
      from: "2026-03-16T00:00Z",
      until: "2026-04-07T00:00Z",
      mondays: [
        "2026-03-16T08:00:00.000Z",
        "2026-03-23T08:00:00.000Z",
        "2026-03-30T07:00:00.000Z",
        "2026-04-06T07:00:00.000Z",
      ],
    },
    {
      zone: "Europe/Stockholm",
      from: "2026-10-12T00:00Z",
      until: "2026-11-03T00:00Z",
      mondays: [
        "2026-10-12T07:00:00.000Z",
        "2026-10-19T07:00:00.000Z",
        "2026-10-26T08:00:00.000Z",
        "2026-11-02T08:00:00.000Z",
      ],
    },
    {
      zone: "America/New_York",
      from: "2026-02-23T00:00Z",
      until: "2026-03-17T00:00Z",
      mondays: [
        "2026-02-23T14:00:00.000Z",
        "2026-03-02T14:00:00.000Z",
        "2026-03-09T13:00:00.000Z",
        "2026-03-16T13:00:00.000Z",
      ],
    },
    {
      zone: "America/New_York",
      from: "2026-10-19T00:00Z",
      until: "2026-11-10T00:00Z",
      mondays: [
        "2026-10-19T13:00:00.000Z",
        "2026-10-26T13:00:00.000Z",
        "2026-11-02T14:00:00.000Z",
        "2026-11-09T14:00:00.000Z",
      ],
    },
  ];

  for (const c of cases) {
    it(`${c.zone}, ${c.from.slice(0, 7)}: Mondays at ${c.mondays.map((m) => m.slice(11, 16)).join(", ")} UTC`, () => {
      const spec = standupOf(c.zone);
      expect(spec).toEqual({ cron: "0 9 * * 1", timeZone: c.zone });
      // The slots the planning computes (catch-up and "next").
      expect(Schedules.slotsBetween(spec, at(c.from), at(c.until)).map(iso)).toEqual(c.mondays);
      for (const monday of c.mondays) {
        const slot = at(monday);
        expect(iso(latestSlot(spec, new Date(slot.getTime() + 3600_000)))).toBe(monday);
        expect(iso(latestSlot(spec, slot))).toBe(monday);
        expect(iso(nextSlot(spec, new Date(slot.getTime() - 1000)))).toBe(monday);
      }
    });
  }
});

describe("node-cron, which strikes the slots, names the same instants", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** node-cron's next runs of a spec as seen at a moment (its clock is the real one: faked here). */
  function cronNext(spec: ScheduleSpec, now: string, count: number): string[] {
    vi.useFakeTimers({ toFake: ["Date"], now: at(now) });
    try {
      return Schedules.nextTimes(spec, count).map((d) => d.toISOString());
    } finally {
      vi.useRealTimers();
    }
  }

  it("for the standup in Stockholm and New York around every change of 2026", () => {
    for (const zone of ["Europe/Stockholm", "America/New_York"]) {
      const spec = standupOf(zone);
      for (const from of ["2026-02-20T00:00:00Z", "2026-10-10T00:00:00Z"]) {
        const ours = Schedules.slotsBetween(spec, at(from), new Date(at(from).getTime() + 6 * 7 * 86400_000));
        expect(cronNext(spec, from, ours.length)).toEqual(ours.map(iso));
      }
    }
  });

  it("and for every routine's job, the cut-off too, at the team's plan", async () => {
    const routines = defaults();
    const schedules = new Schedules(
      null as never,
      null as never,
      createLogger("error", "test", () => {}),
    );
    const plans = routinePlans(routines, "America/New_York");
    expect(plans.map((p) => [p.job, p.spec.cron])).toEqual([
      ["motivation.post", "30 8 * * 1,4"],
      ["spotlight.post", "0 9 * * 3"],
      ["standup.open", "0 9 * * 1"],
      ["standup.close", "0 14 * * 1"],
    ]);
    for (const plan of plans)
      schedules.plan(plan.job, "7", plan.spec, () => ({ workspaceId: "T", teamId: 7, slot: "" }));
    // Started (nothing strikes in this test: the next run is hours of real time away), so it has next runs.
    schedules.start();
    for (const now of ["2026-03-07T12:00:00Z", "2026-10-31T12:00:00Z", "2026-11-01T12:00:00Z"]) {
      vi.useFakeTimers({ toFake: ["Date"], now: at(now) });
      for (const plan of plans) {
        expect(iso(schedules.planned(plan.job, "7")?.next), `${plan.job} after ${now}`).toBe(
          iso(nextSlot(plan.spec, at(now))),
        );
      }
      vi.useRealTimers();
    }
    await schedules.stop();
  });

  it("on the nights the clocks change, a time in the skipped hour does not happen and one in the repeated hour happens once, the second time", () => {
    const spec = { cron: "30 2 * * *", timeZone: "Europe/Stockholm" };
    const spring = Schedules.slotsBetween(spec, at("2026-03-27T12:00Z"), at("2026-03-31T00:00Z"));
    expect(spring.map(iso)).toEqual(["2026-03-28T01:30:00.000Z", "2026-03-30T00:30:00.000Z"]);
    expect(cronNext(spec, "2026-03-27T12:00:00Z", 2)).toEqual(spring.map(iso));
    const autumn = Schedules.slotsBetween(spec, at("2026-10-24T12:00Z"), at("2026-10-26T12:00Z"));
    expect(autumn.map(iso)).toEqual(["2026-10-25T01:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
    expect(cronNext(spec, "2026-10-24T12:00:00Z", 2)).toEqual(autumn.map(iso));
  });
});

describe("which missed slot is still owed", () => {
  const zone = "Europe/Stockholm";
  // Monday 2 March 2026: Stockholm is UTC+1.
  const team = (overrides: Partial<ScheduledTeam> = {}): ScheduledTeam => ({
    team: { id: 7, workspaceId: "T1", timeZone: zone, createdAt: at("2026-02-01T00:00:00Z") },
    routines: defaults(),
    savedAt: { motivation: null, spotlight: null, standup: null },
    ...overrides,
  });
  const owed = (now: string, t = team()) =>
    owedSlots(t, at(now)).map((o) => `${o.job} ${o.slot.toISOString()}`);

  it("Monday 11:00: the standup of 09:00 (answers open until 14:00) and the motivation of 08:30 (2½ hours ago)", () => {
    expect(owed("2026-03-02T10:00:00Z")).toEqual([
      "motivation.post 2026-03-02T07:30:00.000Z",
      "standup.open 2026-03-02T08:00:00.000Z",
    ]);
  });

  it("Monday 13:00: no motivation (4½ hours late, more than 3), the standup still", () => {
    expect(owed("2026-03-02T12:00:00Z")).toEqual(["standup.open 2026-03-02T08:00:00.000Z"]);
  });

  it("Monday 15:00: past the cut-off, no standup; its summary (due 14:00) instead", () => {
    expect(owed("2026-03-02T14:00:00Z")).toEqual(["standup.close 2026-03-02T13:00:00.000Z"]);
  });

  it("the summary within 12 hours the same day, not the next morning", () => {
    expect(owed("2026-03-02T22:30:00Z")).toEqual(["standup.close 2026-03-02T13:00:00.000Z"]);
    expect(owed("2026-03-03T06:00:00Z")).toEqual([]);
  });

  it("the spotlight within 4 hours of Wednesday 09:00", () => {
    expect(owed("2026-03-04T11:59:00Z")).toEqual(["spotlight.post 2026-03-04T08:00:00.000Z"]);
    expect(owed("2026-03-04T12:01:00Z")).toEqual([]);
  });

  it("nothing from before the routine was saved, or before the team was made, or of a routine turned off", () => {
    const savedAt = { motivation: null, spotlight: null, standup: at("2026-03-02T09:30:00Z") };
    expect(owed("2026-03-02T10:00:00Z", team({ savedAt }))).toEqual([
      "motivation.post 2026-03-02T07:30:00.000Z",
    ]);
    const made = team({ team: { ...team().team, createdAt: at("2026-03-02T07:45:00Z") } });
    expect(owed("2026-03-02T10:00:00Z", made)).toEqual(["standup.open 2026-03-02T08:00:00.000Z"]);
    const routines = defaults();
    routines.standup.enabled = false;
    expect(owed("2026-03-02T10:00:00Z", team({ routines }))).toEqual([
      "motivation.post 2026-03-02T07:30:00.000Z",
    ]);
  });

  it("the standup is open until that day's cut-off, whatever the hour", () => {
    const cutoff = { cutoff: "14:00" };
    const slot = at("2026-03-02T08:00:00Z");
    expect(stillRelevant("standup.open", slot, at("2026-03-02T12:59:59Z"), zone, cutoff)).toBe(true);
    expect(stillRelevant("standup.open", slot, at("2026-03-02T13:00:00Z"), zone, cutoff)).toBe(false);
  });
});

describe("/team set for a routine, as people write it", () => {
  const motivation = DEFAULT_ROUTINES.motivation;
  const standup = DEFAULT_ROUTINES.standup;

  it("reads days and a time in English and Swedish, and turns the routine on", () => {
    const off = { ...motivation, enabled: false };
    expect(parseRoutineChange("motivation", "mon,thu 08:30", off)).toEqual({
      ok: true,
      value: { enabled: true, days: [1, 4], time: "08:30" },
    });
    expect(parseRoutineChange("motivation", "Mån och Tors 8.30", off)).toEqual({
      ok: true,
      value: { enabled: true, days: [1, 4], time: "08:30" },
    });
    expect(parseRoutineChange("spotlight", "ons 9:00", motivation)).toMatchObject({
      value: { days: [3], time: "09:00" },
    });
    expect(parseRoutineChange("motivation", "mon-fri 2:30 pm", motivation)).toMatchObject({
      value: { days: [1, 2, 3, 4, 5], time: "14:30" },
    });
    // A time alone keeps the days; days alone keep the time.
    expect(parseRoutineChange("motivation", "07:45", motivation)).toMatchObject({
      value: { days: [1, 4], time: "07:45" },
    });
    expect(parseRoutineChange("motivation", "tue", motivation)).toMatchObject({
      value: { days: [2], time: "08:30" },
    });
  });

  it("turns a routine off and on, keeping its days and time", () => {
    expect(parseRoutineChange("motivation", "off", motivation)).toEqual({
      ok: true,
      value: { ...motivation, enabled: false },
    });
    expect(parseRoutineChange("motivation", "av", motivation)).toMatchObject({ value: { enabled: false } });
    expect(parseRoutineChange("standup", "på", { ...standup, enabled: false })).toEqual({
      ok: true,
      value: { ...standup, enabled: true },
    });
  });

  it("sets the standup's cut-off and where reps are asked", () => {
    expect(parseRoutineChange("standup", "cutoff 15.30", standup)).toMatchObject({
      value: { cutoff: "15:30" },
    });
    expect(parseRoutineChange("standup", "ask dm", standup)).toMatchObject({ value: { askIn: "dm" } });
    expect(parseRoutineChange("standup", "fråga i tråden", { ...standup, askIn: "dm" })).toMatchObject({
      value: { askIn: "thread" },
    });
  });

  it("says what was wrong, in both languages", () => {
    expect(problemText(parseRoutineChange("motivation", "mon 25:00", motivation))).toEqual([
      "I can't read the time 25:00: write it like 08:30.",
      "Jag kan inte läsa tiden 25:00: skriv den som 08:30.",
    ]);
    expect(problemText(parseRoutineChange("spotlight", "someday 09:00", motivation))).toEqual([
      'I can\'t read "someday" as days: write them like mon,thu or mon-fri, then the time: `/team set spotlight mon,thu 08:30`.',
      'Jag kan inte läsa "someday" som dagar: skriv dem som mån,tor eller mån-fre, sedan tiden: `/team set spotlight mån,tor 08:30`.',
    ]);
    expect(problemText(parseRoutineChange("standup", "cutoff 08:00", standup))).toEqual([
      "The cut-off must be after the standup's time (09:00); 08:00 isn't.",
      "Svarstiden måste sluta efter standupens tid (09:00); 08:00 gör inte det.",
    ]);
    expect(problemText(parseRoutineChange("standup", "mon 15:00", standup))).toEqual([
      "The cut-off must be after the standup's time (15:00); 14:00 isn't.",
      "Svarstiden måste sluta efter standupens tid (15:00); 14:00 gör inte det.",
    ]);
    expect(problemText(parseRoutineChange("standup", "ask email", standup))[0]).toBe(
      "I can't ask reps in \"email\": say `/team set standup ask thread` (in the standup's thread) or `/team set standup ask dm`.",
    );
    expect(problemText(parseRoutineChange("standup", "cutoff", standup))[0]).toBe(
      "Say when answers close: `/team set standup cutoff 14:00`.",
    );
  });

  it("reads times as people write them", () => {
    const value = (text: string) => {
      const parsed = parseClock(text);
      return parsed.ok ? parsed.value : "INVALID";
    };
    expect(["8:30", "08.30", "8.30", "20:05", "9 am", "12pm", "12am", "2:30pm"].map(value)).toEqual([
      "08:30",
      "08:30",
      "08:30",
      "20:05",
      "09:00",
      "12:00",
      "00:00",
      "14:30",
    ]);
    expect(["25:00", "8:60", "830", "13pm", "", "noon"].map(value)).toEqual(Array(6).fill("INVALID"));
  });
});

describe("the routines of the team form", () => {
  const form = {
    motivation: { on: true, days: ["1", "4"], time: "08:30" },
    spotlight: { on: false, days: [], time: "09:00" },
    standup: { on: true, days: ["2"], time: "10:00", cutoff: "15:00", askIn: "dm" },
  };

  it("gives the settings; a routine turned off with no day ticked keeps its days", () => {
    expect(validateRoutinesForm(form, defaults())).toEqual({
      errors: {},
      settings: {
        motivation: { enabled: true, days: [1, 4], time: "08:30" },
        spotlight: { enabled: false, days: [3], time: "09:00" },
        standup: { enabled: true, days: [2], time: "10:00", cutoff: "15:00", askIn: "dm" },
      },
    });
  });

  it("puts each problem on its block", () => {
    const wrong = {
      ...form,
      motivation: { on: true, days: [], time: "08:30" },
      standup: { ...form.standup, cutoff: "09:00" },
    };
    const result = validateRoutinesForm(wrong, defaults());
    expect(result.settings).toBeNull();
    expect(
      Object.fromEntries(Object.entries(result.errors).map(([k, p]) => [k, en.raw(p.key, p.params)])),
    ).toEqual({
      motivationDays: "Pick at least one day, or turn it off.",
      standupCutoff: "The cut-off must be after the standup's time (10:00); 09:00 isn't.",
    });
  });
});
