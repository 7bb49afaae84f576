import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import { isBackground } from "../lane.js";

/**
 * Background statements let through however busy requests keep the connection: after this many request
 * statements went first while one waited, it goes (a job is slowed under heavy traffic, never stopped).
 */
const PASSED_OVER_AT_MOST = 4;

/**
 * The order of statements on one connection (PGlite's): a request's statement goes at once; background
 * work (jobs, strikes, the job engine's polling) goes one statement or transaction at a time, and only
 * when no request's statement is under way, so a person's request waits behind at most one of them
 * however many jobs are running. PGlite runs on the app's own thread and answers without any I/O, so a
 * queue of statements would run back to back without the event loop ever reading a request or a Slack
 * answer: each background statement starts from the event loop (`setImmediate`), after what it has to do.
 */
export class Yielding {
  #requests = 0;
  #background = 0;
  #passedOver = 0;
  #pumping = false;
  readonly #waiting: (() => void)[] = [];

  async request<T>(work: () => Promise<T>): Promise<T> {
    this.#requests++;
    if (this.#waiting.length > 0) this.#passedOver++;
    try {
      return await work();
    } finally {
      this.#requests--;
      this.#pump();
    }
  }

  async background<T>(work: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      this.#pump();
    });
    try {
      return await work();
    } finally {
      this.#background--;
      this.#pump();
    }
  }

  #pump(): void {
    if (this.#pumping || this.#waiting.length === 0) return;
    this.#pumping = true;
    setImmediate(() => {
      this.#pumping = false;
      const free =
        this.#background === 0 && (this.#requests === 0 || this.#passedOver >= PASSED_OVER_AT_MOST);
      if (!free) return;
      this.#passedOver = 0;
      this.#background++;
      this.#waiting.shift()?.();
    });
  }
}

const ORDERED = new Set<PropertyKey>(["query", "exec", "transaction"]);

/**
 * The PGlite client as the app and the job engine use it: its statements and transactions go in the
 * order `Yielding` keeps, by the lane of the code that sends them. A transaction is ordered as a whole;
 * the statements inside it go through the transaction's own handle.
 */
export function yieldingPglite(client: PGlite, order: Yielding = new Yielding()): PGlite {
  return new Proxy(client, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (!ORDERED.has(key)) return value.bind(target);
      return (...args: unknown[]) => {
        const run = () => value.apply(target, args) as Promise<unknown>;
        return isBackground() ? order.background(run) : order.request(run);
      };
    },
  });
}

/**
 * Two postgres.js pools as one client: background work's statements and transactions go to a small
 * pool of their own, so a slot of five hundred jobs never queues people's requests behind it for a
 * connection. Everything else (ending, options) is the requests' pool's, except `end`, which ends both.
 */
export function lanedPostgres<T extends postgres.Sql>(requests: T, background: T): T {
  return new Proxy(requests, {
    get(target, key, receiver) {
      if (key === "end") {
        return async (options?: { timeout?: number }) => {
          await Promise.all([requests.end(options), background.end(options)]);
        };
      }
      if (key === "unsafe" || key === "begin") {
        return (...args: unknown[]) => {
          const client = isBackground() ? background : requests;
          return (client[key] as (...a: unknown[]) => unknown).apply(client, args);
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
