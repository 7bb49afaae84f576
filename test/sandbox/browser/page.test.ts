import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { sandboxMessages } from "../../../src/sandbox/messages.js";
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

const { admin, supervisor, reps, channels } = DEMO_IDS;
const [jonas, emma, oliver] = reps as unknown as [string, string, string];

/** Whether the top of `item` shows inside the scrolling pane (what a person sees without scrolling). */
async function shownIn(pane: Locator, item: Locator): Promise<boolean> {
  const [box, itemBox] = await Promise.all([pane.boundingBox(), item.boundingBox()]);
  if (!box || !itemBox) return false;
  return itemBox.y >= box.y && itemBox.y < box.y + box.height;
}

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Scrolls the messages up to the channel's start, as a person reading back would. */
async function scrollToTop(page: Page): Promise<void> {
  await page.locator("#messages").evaluate((el) => {
    el.scrollTop = 0;
    el.dispatchEvent(new Event("scroll"));
  });
}

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

  it("scrolls to the answer of a command run while scrolled up; others' messages wait behind a marker", async ({
    task,
  }) => {
    const steps = new Steps(task.name);
    const { world } = s.sandbox.engine();
    for (let i = 1; i <= 40; i += 1) {
      world.postUserMessage(admin, channels.general, `Line ${i} of a long morning in #general`);
    }
    const page = await openAs(browser, s.sandbox, emma, channels.general);
    const pane = page.locator("#messages");
    const last = messages(page).filter({ hasText: "Line 40 of a long morning" });
    await last.waitFor();
    expect(await shownIn(pane, last)).toBe(true);

    await scrollToTop(page);
    expect(await shownIn(pane, last)).toBe(false);
    await steps.shot(page, "scrolled-up");
    await send(page, "/quota");
    const answer = ephemerals(page).last();
    await answer.locator(".bk-header", { hasText: "Your progress" }).waitFor();
    await expect.poll(() => shownIn(pane, answer)).toBe(true);
    await steps.shot(page, "answer-in-view");

    // Someone else's message does not move the page of a person reading back: a marker says it came.
    await scrollToTop(page);
    world.postUserMessage(supervisor, channels.general, "Coffee in the kitchen, everyone");
    const marker = page.getByTestId("new-messages");
    await marker.waitFor();
    expect(await seen(marker)).toBe("↓ 1 new message");
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
    world.postUserMessage(jonas, channels.general, "On my way");
    await marker.filter({ hasText: "2 new messages" }).waitFor();
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
    await steps.shot(page, "new-messages-marker");
    await marker.click();
    const coffee = messages(page).filter({ hasText: "Coffee in the kitchen" });
    await expect.poll(() => shownIn(pane, coffee)).toBe(true);
    await marker.waitFor({ state: "detached" });
    await steps.shot(page, "marker-followed");

    // At the bottom, new messages simply show, with no marker.
    world.postUserMessage(supervisor, channels.general, "And cake");
    const cake = messages(page).filter({ hasText: "And cake" });
    await cake.waitFor();
    await expect.poll(() => shownIn(pane, cake)).toBe(true);
    expect(await marker.count()).toBe(0);
    await page.close();

    // In Swedish too.
    const swedish = await openAs(browser, s.sandbox, jonas, channels.general);
    await scrollToTop(swedish);
    world.postUserMessage(supervisor, channels.general, "Fika klockan tre");
    await swedish.getByTestId("new-messages").filter({ hasText: "↓ 1 nytt meddelande" }).waitFor();
    await swedish.close();
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
        .poll(() =>
          picture.evaluate(
            (img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0,
          ),
        )
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
        .poll(() =>
          picture.evaluate(
            (img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0,
          ),
        )
        .toBe(true);
    }
    await page.close();
  });

  it("keeps a command sent while the sandbox is down in the message box, with an error; the banner leaves the header clear", async ({
    task,
  }) => {
    const steps = new Steps(task.name);
    const own = await startTestSandbox();
    try {
      const english = await openAs(browser, own.sandbox, oliver, channels.team);
      const swedish = await openAs(browser, own.sandbox, jonas, channels.team);
      await own.sandbox.stop();
      for (const [page, language] of [
        [english, "en"],
        [swedish, "sv"],
      ] as const) {
        const words = sandboxMessages[language];
        const banner = page.locator("#offline");
        await banner.waitFor();
        expect(await seen(banner)).toBe(words["ui.error.offline"]);
        await send(page, "/quota 5000");
        const error = page.getByTestId("composer-error");
        await error.waitFor();
        expect(await seen(error)).toBe(words["ui.composer.notSent.offline"]);
        expect(await page.locator("#composer-input").inputValue()).toBe("/quota 5000");
        await steps.shot(page, `not-sent-${language}`);

        const [bannerBox, headerBox, composerBox] = await Promise.all([
          banner.boundingBox(),
          page.locator(".channel-header").boundingBox(),
          page.locator(".composer").boundingBox(),
        ]);
        expect(bannerBox).not.toBeNull();
        expect(headerBox).not.toBeNull();
        expect(
          overlaps(bannerBox as NonNullable<typeof bannerBox>, headerBox as NonNullable<typeof headerBox>),
        ).toBe(false);
        expect(
          overlaps(
            bannerBox as NonNullable<typeof bannerBox>,
            composerBox as NonNullable<typeof composerBox>,
          ),
        ).toBe(false);

        // Editing the text clears the error; the text is the person's to send again.
        await page.locator("#composer-input").press("End");
        await page.locator("#composer-input").pressSequentially(" Acme");
        await error.waitFor({ state: "detached" });
        expect(await page.locator("#composer-input").inputValue()).toBe("/quota 5000 Acme");
        await page.close();
      }
    } finally {
      await own.close();
    }
  });
});
