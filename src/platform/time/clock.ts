/** The only source of "now" in the app: passed in as a dependency so rules and tests control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests and simulations. */
export class FixedClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
    if (Number.isNaN(this.#ms)) throw new RangeError(`FixedClock: invalid start ${String(start)}`);
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/**
 * Another clock moved forward by an offset that only grows: the local sandbox's clock, which a newcomer
 * moves ahead ("+1 day") to see what the app does at a later time. Production keeps `systemClock`.
 */
export class ShiftedClock implements Clock {
  #offsetMs: number;
  constructor(
    private readonly base: Clock = systemClock,
    offsetMs = 0,
  ) {
    if (!Number.isFinite(offsetMs) || offsetMs < 0)
      throw new RangeError(`ShiftedClock: invalid offset ${offsetMs}`);
    this.#offsetMs = offsetMs;
  }
  now(): Date {
    return new Date(this.base.now().getTime() + this.#offsetMs);
  }
  /** How far ahead of its base clock it is (ms). */
  get offsetMs(): number {
    return this.#offsetMs;
  }
  /** Moves forward by `ms` (never back: what happened at a time stays in the past). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ShiftedClock: cannot move by ${ms} ms`);
    this.#offsetMs += ms;
  }
}
