import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../support.js";
import { hasChromium, launchBrowser, openAs, SKIP_REASON, Steps, seen, waitForCount } from "./browser.js";

const { supervisor, reps } = DEMO_IDS;
const [jonas, emma] = reps;

describe.skipIf(!hasChromium)(
  `The Home tab the app publishes, in the sandbox${hasChromium ? "" : ` (${SKIP_REASON})`}`,
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

    it("shows Sara (supervisor) her team's Home in Swedish; she approves Jonas's leave from it", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, supervisor, "app-home");
      const home = page.getByTestId("home");
      await home.locator(".bk-header", { hasText: "Sales North: mitt team" }).waitFor();
      const text = await seen(home);
      expect(text).toContain("Topplista");
      expect(text).toContain("Väntar på ditt beslut");
      expect(text).toContain("Jonas");
      // The sandbox's guide stays below the Home.
      await page.getByTestId("getting-started").waitFor();
      await steps.shot(page, "sara-home");

      const approve = home.locator('[data-action-id="approvals.approve"]');
      await waitForCount(approve, 1);
      await approve.click();
      // Her answer opens over the Home; the Home is published again without the request.
      const answer = page.getByRole("dialog");
      await answer.waitFor();
      expect(await seen(answer)).toContain("Godkänd.");
      await steps.shot(page, "sara-approved");
      await answer.getByTestId("modal-close").click();
      await waitForCount(page.getByRole("dialog"), 0);
      await waitForCount(home.locator('[data-action-id="approvals.approve"]'), 0, 15_000);
      expect(await seen(home)).not.toContain("Väntar på ditt beslut");
      await steps.shot(page, "sara-home-after");
      await page.close();
    });

    it("shows Jonas (rep) his quota and his leave, now approved, in Swedish, and Emma hers in English", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, jonas as string, "app-home");
      const home = page.getByTestId("home");
      await home.locator(".bk-header", { hasText: "Mitt arbete i Sales North" }).waitFor();
      const text = await seen(home);
      expect(text).toContain("Min kvot");
      expect(text).toContain("Min ledighet");
      expect(text).toContain("godkänd");
      await steps.shot(page, "jonas-home");
      await page.close();

      const other = await openAs(browser, s.sandbox, emma as string, "app-home");
      const hers = other.getByTestId("home");
      await hers.locator(".bk-header", { hasText: "My work in Sales North" }).waitFor();
      expect(await seen(hers)).toContain("My quota");
      // The demo's policy waits on Emma's Home with the DM's button; pressing it there acknowledges it.
      expect(await seen(hers)).toContain("Discounts over 20%");
      const acknowledge = hers.locator('[data-action-id="policies.acknowledge"]');
      await waitForCount(acknowledge, 1);
      await steps.shot(other, "emma-home");
      await acknowledge.click();
      const answer = other.getByRole("dialog");
      await answer.waitFor();
      expect(await seen(answer)).toContain("Thank you: acknowledged.");
      await answer.getByTestId("modal-close").click();
      await waitForCount(hers.locator('[data-action-id="policies.acknowledge"]'), 0, 15_000);
      expect(await seen(hers)).not.toContain("Policies to acknowledge");
      await steps.shot(other, "emma-home-after");
      await other.close();
    });
  },
);
