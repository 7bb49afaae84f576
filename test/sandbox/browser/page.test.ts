import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../support.js";
import {
  ephemerals,
  hasChromium,
  launchBrowser,
  messages,
  openAs,
  SKIP_REASON,
  Steps,
  seen,
  send,
} from "./browser.js";

const { reps, channels } = DEMO_IDS;
const [, , oliver] = reps as unknown as [string, string, string];

describe.skipIf(!hasChromium)(`The sandbox page${hasChromium ? "" : ` (${SKIP_REASON})`}`, () => {
  let s: TestSandbox;
  let browser: Browser;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startTestSandbox(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("draws the app's emoji as pictures, with no emoji font on the machine", async ({ task }) => {
    const steps = new Steps(task.name);
    const page = await openAs(browser, s.sandbox, oliver, channels.team);
    await send(page, "/quota 5000 Emoji check");
    const answer = ephemerals(page).last();
    await answer.locator(".bk-text", { hasText: "Recorded" }).waitFor();
    const post = messages(page).filter({ hasText: "Emoji check" }).and(page.locator('[data-kind="message"]'));
    await post.waitFor();
    await steps.shot(page, "check-in-posted");

    // :moneybag: in the channel post and ✅ in the answer are pictures that loaded, not characters.
    for (const [where, emoji] of [
      [post, "💰"],
      [answer, "✅"],
    ] as const) {
      const picture = where.locator(`.bk-text img.emoji[alt="${emoji}"]`).first();
      await picture.waitFor();
      await expect
        .poll(() => picture.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0))
        .toBe(true);
      const drawnAsText = await where.evaluate((el) =>
        /\p{Extended_Pictographic}/u.test(el.textContent ?? ""),
      );
      expect(drawnAsText).toBe(false);
    }
    // Intl writes no-break spaces in amounts ("5 000 kr"); people read them as spaces.
    const postText = (await seen(post.locator(".bk-section .bk-text"))).replace(/[\u00a0\u202f]/g, " ");
    expect(postText).toBe("💰 @Oliver checkade in 5 000 kr: Emoji check");

    // The page's own symbols (the tip's bulb, "only visible to you") are pictures too.
    for (const chrome of [page.getByTestId("sandbox-tip"), answer.locator(".ephemeral-note")]) {
      const picture = chrome.locator("img.emoji").first();
      await expect
        .poll(() => picture.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0))
        .toBe(true);
    }
    await page.close();
  });
});
