import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import type { Sandbox } from "../../../src/sandbox/index.js";

/** Debian's Chromium (CI installs it in .ci/run); Playwright's own browser download is not used. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`;

if (!hasChromium) {
  process.stderr.write(`Browser tests of the sandbox ${SKIP_REASON}\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Screenshots of a test's steps in test-results/screenshots/<test name>/NN-step.png (not committed). */
export class Steps {
  private count = 0;
  readonly dir: string;

  constructor(testName: string) {
    const slug = testName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80);
    this.dir = join("test-results", "screenshots", slug);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  async shot(page: Page, step: string): Promise<void> {
    this.count += 1;
    const name = `${String(this.count).padStart(2, "0")}-${step}.png`;
    await page.screenshot({ path: join(this.dir, name) });
  }
}

/** Opens the sandbox as a person, in a channel (or `app-home`, `app-messages`), and waits for it to draw. */
export async function openAs(
  browser: Browser,
  sandbox: Sandbox,
  userId: string,
  where: string,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.setDefaultTimeout(8000);
  page.on("pageerror", (error) => {
    throw new Error(`the page failed: ${error.message}`);
  });
  await page.goto(`${sandbox.url}/?as=${userId}#${where}`);
  await page.locator(".channel-header h1").waitFor();
  await page.locator(".messages .channel-intro").or(page.locator(".home, .about")).first().waitFor();
  return page;
}

/** Types a line in the message box and sends it with Enter, as a person would. */
export async function send(page: Page, line: string): Promise<void> {
  const box = page.locator("#composer-input");
  await box.click();
  await box.fill(line);
  await box.press("Escape");
  await box.press("Enter");
}

/** The messages shown in the main pane (ephemeral ones included), as their visible text. */
export function messages(page: Page): Locator {
  return page.locator("#messages [data-testid=message]");
}

export function ephemerals(page: Page): Locator {
  return page.locator('#messages [data-testid=message][data-kind="ephemeral"]');
}

/** Waits until `locator` matches exactly `count` elements. */
export async function waitForCount(locator: Locator, count: number, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await locator.count();
    if (now === count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} matches, found ${now}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Switches the page to another person with the "Acting as" menu. */
export async function actAs(page: Page, realName: string): Promise<void> {
  await page.getByTestId("acting-as").click();
  await page.locator(".switcher .menu-item", { hasText: realName }).click();
  await page.locator("[data-testid=acting-as] .acting-name", { hasText: realName }).waitFor();
  await page.locator("#messages .channel-intro").waitFor();
}

/**
 * What a person sees of an element: its rendered text (line breaks and hidden parts as drawn), which is
 * why these read innerText rather than textContent. Emoji are pictures (`img.emoji`), read as the
 * character they show.
 */
export async function seen(locator: Locator): Promise<string> {
  await locator.waitFor({ state: "attached" });
  const [text] = await seenAll(locator);
  return text ?? "";
}

/**
 * What a person sees of each element the locator finds, all read in one synchronous call in the page: an
 * update the page draws meanwhile (another message arriving) cannot replace an element between finding
 * and reading it. An element the page has not drawn (not yet laid out, or in a part being replaced) has
 * no rendered text: innerText would give its text without line breaks, so it is read again a moment
 * later, once drawn. The pictures are swapped for their alt text and back within that call, so the page
 * never draws the swap.
 */
export async function seenAll(locator: Locator): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const read = await locator.evaluateAll((elements) =>
      elements.map((element) => {
        const drawn = element.isConnected && element.getClientRects().length > 0;
        const swaps = [...element.querySelectorAll("img.emoji")].map((img) => {
          const text = img.ownerDocument.createTextNode(img.getAttribute("alt") ?? "");
          img.replaceWith(text);
          return { img, text };
        });
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the tests check.
        const text = (element as unknown as { innerText: string }).innerText;
        for (const swap of swaps) swap.text.replaceWith(swap.img);
        return { drawn, text };
      }),
    );
    if (read.every((r) => r.drawn) || Date.now() > deadline) return read.map((r) => r.text);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
