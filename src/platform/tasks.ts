import type { Log } from "./log.js";

/**
 * Work that happens after the person already has their answer (notifications, channel posts). Failures
 * are logged, never thrown at the person; shutdown and tests wait for `idle()`.
 */
export class Background {
  readonly #pending = new Set<Promise<void>>();
  constructor(private readonly log: Log) {}

  run(name: string, work: () => Promise<unknown>): void {
    const task = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => this.log.error(`background task ${name} failed:`, error),
      )
      .finally(() => this.#pending.delete(task));
    this.#pending.add(task);
  }

  /** Resolves when every task started so far (and any they start) has finished. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  get size(): number {
    return this.#pending.size;
  }
}
