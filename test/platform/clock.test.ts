import { describe, expect, it } from "vitest";
import { FixedClock, ShiftedClock } from "../../src/platform/time/index.js";

describe("ShiftedClock (the sandbox's clock)", () => {
  it("runs with its base clock, moved ahead by what it was advanced", () => {
    const base = new FixedClock("2026-03-16T07:00:00Z");
    const clock = new ShiftedClock(base, 60_000);
    expect(clock.now().toISOString()).toBe("2026-03-16T07:01:00.000Z");
    base.advance(1000);
    expect(clock.now().toISOString()).toBe("2026-03-16T07:01:01.000Z");
    clock.advance(24 * 3_600_000);
    expect(clock.now().toISOString()).toBe("2026-03-17T07:01:01.000Z");
    expect(clock.offsetMs).toBe(24 * 3_600_000 + 60_000);
  });

  it("never moves back", () => {
    const clock = new ShiftedClock(new FixedClock("2026-03-16T07:00:00Z"));
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => new ShiftedClock(undefined, -5)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe("2026-03-16T07:00:00.000Z");
  });

  it("follows real time by default", () => {
    const clock = new ShiftedClock();
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(5_000);
  });
});
