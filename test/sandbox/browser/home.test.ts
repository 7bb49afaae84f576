import type { Browser, Page } from "playwright-core";
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
  seenAll,
  waitForCount,
} from "./browser.js";

const { admin, executive, supervisor, reps } = DEMO_IDS;
const [, emma] = reps;

/** The sandbox's guide on the app's Home tab. */
const guide = (page: Page) => page.getByTestId("getting-started");

/** Clicks a suggested command: it lands in the message box of its channel, ready to send. */
async function trySuggestion(page: Page, command: string, channel: string): Promise<void> {
  await guide(page).locator(`button[data-command="${command}"]`).click();
  await page.locator(".channel-header h1", { hasText: channel }).waitFor();
  const box = page.locator("#composer-input");
  expect(await box.inputValue()).toBe(command);
  expect(await box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  await box.press("Enter");
}

describe.skipIf(!hasChromium)(
  `The app's Home and About tabs in the sandbox${hasChromium ? "" : ` (${SKIP_REASON})`}`,
  () => {
    let s: TestSandbox;
    let browser: Browser;

    beforeAll(async () => {
      [s, browser] = await Promise.all([startTestSandbox(), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    it("greets the supervisor in Swedish with her first steps, and the targets form opens from one", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, supervisor, "app-home");
      await guide(page).waitFor();
      expect(await seen(guide(page).locator("h2"))).toBe("Kom igång");
      expect(await seen(guide(page))).toContain("Du är Sara, teamets säljhandledare");
      expect(await seenAll(guide(page).locator("[data-testid=first-step] code"))).toEqual([
        "/quota targets",
        "/quota team",
        "/leave team",
        "/report productivity",
        "/report policy",
      ]);
      expect(await seen(guide(page))).toContain("i #sales-north");
      // What she meets today by DM, and nothing that is still to come.
      expect(await seen(guide(page))).toContain(
        "Eskaleringar, ledighetsansökningar och coachningsuppföljningar",
      );
      // The guide names only commands the app has.
      const commands = ["/team", "/quota", "/product", "/leave", "/commission", "/warn", "/policy", "/coach"];
      commands.push("/meeting", "/report", "/motivation");
      for (const named of (await seen(guide(page))).match(/(?<![\w/])\/[a-z]+/g) ?? [])
        expect(commands).toContain(named);
      await steps.shot(page, "sara-home");

      await trySuggestion(page, "/quota targets", "sales-north");
      const form = page.getByRole("dialog");
      await form.waitFor();
      expect(await seen(form.locator(".dialog-header h2"))).toBe("Mål");
      await steps.shot(page, "targets-form");
      await form.getByTestId("modal-close").click();
      await waitForCount(page.getByRole("dialog"), 0);

      await page.getByTestId("app-home").click();
      await trySuggestion(page, "/quota team", "sales-north");
      await messages(page)
        .filter({ has: page.locator(".bk-header", { hasText: "Sales North ·" }) })
        .last()
        .waitFor();
      await page.close();
    });

    it("greets a rep in English, and the suggested check-in is recorded", async ({ task }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, emma as string, "app-home");
      await guide(page).waitFor();
      expect(await seen(guide(page).locator("h2"))).toBe("Getting started");
      expect(await seen(guide(page))).toContain("You are Emma, a sales rep");
      expect(await seenAll(guide(page).locator("[data-testid=first-step] code"))).toEqual([
        "/quota 12500 Acme",
        "/quota",
        "/leave",
      ]);
      await steps.shot(page, "emma-home");

      await trySuggestion(page, "/quota 12500 Acme", "sales-north");
      await messages(page).locator(".bk-text", { hasText: "Recorded" }).last().waitFor();
      await page.getByTestId("app-home").click();
      await trySuggestion(page, "/quota", "sales-north");
      await messages(page).locator(".bk-header", { hasText: "Your progress" }).last().waitFor();
      await steps.shot(page, "emma-checked-in");
      await page.close();
    });

    it("gives the admin and the executive first steps that work for them", async ({ task }) => {
      const steps = new Steps(task.name);
      const alex = await openAs(browser, s.sandbox, admin, "app-home");
      expect(await seen(guide(alex))).toContain("You are Alex, a workspace admin");
      expect(await seenAll(guide(alex).locator("[data-testid=first-step] code"))).toEqual([
        "/team",
        "/team create",
      ]);
      await trySuggestion(alex, "/team", "sales-north");
      await ephemerals(alex).filter({ hasText: "Sales North" }).first().waitFor();
      await alex.getByTestId("app-home").click();
      await trySuggestion(alex, "/team create", "sales-south");
      await alex.getByRole("dialog").waitFor();
      await steps.shot(alex, "alex-create-form");
      await alex.close();

      const erik = await openAs(browser, s.sandbox, executive, "app-home");
      expect(await seen(guide(erik))).toContain("Du är Erik, chef");
      expect(await seenAll(guide(erik).locator("[data-testid=first-step] code"))).toEqual([
        "/quota team",
        "/report productivity all",
        "/report policy all",
      ]);
      await trySuggestion(erik, "/quota team", "sales-north");
      await messages(erik)
        .filter({ has: erik.locator(".bk-header", { hasText: "Sales North · " }) })
        .last()
        .waitFor();
      await steps.shot(erik, "erik-leaderboard");
      await erik.close();
    });

    it("says in About what the app does today and lists only its commands", async ({ task }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, emma as string, "app-about");
      const about = page.locator(".about");
      await about.waitFor();
      const text = await seen(about);
      expect(text).toContain("team directory");
      expect(text).toContain("product library");
      // Every capability works today: nothing is announced as coming next.
      expect(text).not.toMatch(/Coming next/);
      expect(text).toMatch(
        /leave.*commission.*escalations.*warnings.*coaching plans.*meetings.*motivation.*reports.*policies.*App Home/is,
      );
      expect(await seenAll(about.locator(".about-list code"))).toEqual([
        expect.stringMatching(/^\/team /),
        expect.stringMatching(/^\/quota /),
        expect.stringMatching(/^\/product /),
        expect.stringMatching(/^\/leave /),
        expect.stringMatching(/^\/commission /),
        expect.stringMatching(/^\/warn /),
        expect.stringMatching(/^\/policy /),
        expect.stringMatching(/^\/coach /),
        expect.stringMatching(/^\/meeting /),
        expect.stringMatching(/^\/report /),
        expect.stringMatching(/^\/motivation /),
      ]);
      expect(text).toContain("Twemoji");
      await steps.shot(page, "about");
      await page.close();
    });
  },
);
