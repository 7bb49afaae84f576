/**
 * Keeps the sandbox's simulated Slack on disk: a JSON snapshot of the world (people, channels, messages,
 * ephemeral messages, Home tabs), written shortly after each change and on shutdown, read on start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Log } from "../platform/log.js";
import type { World, WorldSnapshot } from "./fake-slack/index.js";

export class WorldStore {
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void) | null = null;
  #world: World | null = null;

  constructor(
    readonly path: string,
    private readonly log: Log,
    private readonly delayMs = 250,
  ) {}

  /** The saved snapshot, or null when there is none. A broken file is set aside (and said so), not fatal. */
  load(): WorldSnapshot | null {
    if (!existsSync(this.path)) return null;
    try {
      const parsed = JSON.parse(readFileSync(this.path, "utf8")) as WorldSnapshot;
      if (parsed?.version !== 1) throw new Error(`unknown version ${String(parsed?.version)}`);
      return parsed;
    } catch (error) {
      const aside = this.setAside();
      this.log.warn(`could not read the sandbox's saved workspace (${String(error)}); moved it to ${aside}`);
      return null;
    }
  }

  /** Moves the saved file out of the way (kept for a look), so the next save starts a new one. */
  setAside(): string {
    const aside = `${this.path}.broken-${Date.now()}`;
    if (existsSync(this.path)) renameSync(this.path, aside);
    return aside;
  }

  /** Saves the world after every change (debounced). */
  watch(world: World): void {
    this.#world = world;
    this.#unsubscribe?.();
    this.#unsubscribe = world.subscribe((event) => {
      if (event.type === "notice_shown" || event.type === "file_uploaded") return;
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.save();
    }, this.delayMs);
  }

  /** Writes the current world now (after any write in progress); never rejects. */
  save(): Promise<void> {
    const world = this.#world;
    if (!world) return this.#writing;
    const text = JSON.stringify(world.snapshot());
    this.#writing = this.#writing.then(async () => {
      try {
        mkdirSync(dirname(this.path), { recursive: true });
        const temp = `${this.path}.${process.pid}.tmp`;
        await writeFile(temp, text);
        await rename(temp, this.path);
      } catch (error) {
        this.log.error("could not save the sandbox's workspace:", error);
      }
    });
    return this.#writing;
  }

  /** Stops watching and writes what is pending. */
  async close(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    await this.save();
    this.#world = null;
  }
}
