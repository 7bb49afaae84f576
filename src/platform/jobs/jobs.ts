import type { Log } from "../log.js";
import type { Background } from "../tasks.js";

/**
 * Every job the app knows, by name, with its payload. Each feature adds its own (declaration merging, in
 * its `jobs.ts`), so a misspelt name or a wrong payload fails typecheck. Payloads are plain JSON: ids and
 * the facts of a change, never rows to be trusted later; a handler loads what it shows when it runs.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature's declaration merging
export interface JobTypes {}

export type JobName = keyof JobTypes & string;

export interface SendOptions {
  /**
   * Jobs with the same key run one after another, in the order they were sent (the posts and updates of
   * one check-in, say), so a later update never lands before an earlier one.
   */
  key?: string;
}

type Handler = (payload: never) => Promise<void>;

/**
 * Work the app owes someone after a change: channel posts, DMs, message updates. A use case sends a job
 * once its transaction has committed; the feature that owns the job's name handles it (rendering with its
 * views), so use cases never import views. Jobs run in the background, after the person has their answer;
 * failures are logged with the job's name and never reach the person who caused them.
 */
export class Jobs {
  readonly #handlers = new Map<string, Handler>();
  readonly #chains = new Map<string, Promise<void>>();

  constructor(
    private readonly tasks: Background,
    private readonly log: Log,
  ) {}

  handle<N extends JobName>(name: N, handler: (payload: JobTypes[N]) => Promise<void>): void {
    if (this.#handlers.has(name)) throw new Error(`job ${name} has two handlers`);
    this.#handlers.set(name, handler as Handler);
  }

  send<N extends JobName>(name: N, payload: JobTypes[N], options: SendOptions = {}): void {
    const handler = this.#handlers.get(name) as ((payload: JobTypes[N]) => Promise<void>) | undefined;
    if (!handler) {
      this.log.error(`job ${name} has no handler; it was not run`, payload);
      return;
    }
    const run = () => handler(payload);
    const key = options.key;
    if (!key) {
      this.tasks.run(`job ${name}`, run);
      return;
    }
    const previous = this.#chains.get(key) ?? Promise.resolve();
    const next = previous.then(run).catch((error: unknown) => {
      this.log.error(`job ${name} (${key}) failed:`, error);
    });
    this.#chains.set(key, next);
    this.tasks.run(`job ${name} (${key})`, async () => {
      await next;
      if (this.#chains.get(key) === next) this.#chains.delete(key);
    });
  }
}
