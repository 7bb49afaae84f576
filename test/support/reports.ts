import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { Harness } from "./harness.js";
import { visibleText } from "./slack-text.js";

/** What a person reads, with Intl's no-break spaces (in "SEK 85,000", "85 %") as plain ones. */
export const shown = (message: Parameters<typeof visibleText>[0]) =>
  visibleText(message).replace(/[\u00a0\u202f]/g, " ");

/** `/report …` as a person, in a channel: the private answer they read, once the app is done. */
export async function reportAs(h: Harness, userId: string, text: string, channelId: string): Promise<string> {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/report", text });
  await h.settle();
  const r = result.reply as { kind: string; ephemeral?: { text?: string; blocks?: unknown[] } } | undefined;
  return r?.kind === "ephemeral" ? visibleText(r.ephemeral as never) : "";
}

/** The files shared in a person's DM with the app, oldest first, with their bytes. */
export function filesIn(h: Harness, userId: string) {
  const channel = h.fake.world.dmChannelOf(userId) ?? "";
  return h.fake.world.allFiles().filter((f) => f.channels.includes(channel));
}

/** A PNG's size from its IHDR chunk (bytes 16-23), after checking its 8-byte signature. */
export function pngSize(bytes: Uint8Array | undefined) {
  const view = Buffer.from(bytes ?? new Uint8Array());
  expect([...view.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(view.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** A CSV file's rows as a spreadsheet reads them (the BOM dropped). */
export const csvRows = (file: { bytes?: Uint8Array } | undefined) =>
  parse(Buffer.from(file?.bytes ?? new Uint8Array()).toString("utf8"), { bom: true }) as string[][];
