import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../../src/platform/time/index.js";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { JOB_OF } from "../../../src/sandbox/scheduled.js";
import { startTestSandbox, type TestSandbox } from "../support.js";
import {
  hasChromium,
  launchBrowser,
  messages,
  openAs,
  SKIP_REASON,
  Steps,
  seen,
  waitForCount,
} from "./browser.js";

const { supervisor, channels } = DEMO_IDS;

/** Monday 16 March 2026, 08:00 in Stockholm; the weekly sales meeting is on Tuesday at 10:00. */
const NOW = "2026-03-16T07:00:00Z";

describe.skipIf(!hasChromium)(
  `Scheduled posts in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
  () => {
    let s: TestSandbox;
    let browser: Browser;

    beforeAll(async () => {
      [s, browser] = await Promise.all([startTestSandbox({ clock: new FixedClock(NOW) }), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    it("a newcomer runs the spotlight now and sees it in #sales-north, then moves the clock to the meeting's reminder", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const sara = await openAs(browser, s.sandbox, supervisor, channels.team);

      // The panel: Sales North's posts with their next times, and the sandbox clock at real time.
      await sara.getByTestId("scheduled-button").click();
      const panel = sara.locator("#scheduled");
      const team = panel.locator('[data-testid=scheduled-team][data-team="Sales North"]');
      await team.waitFor();
      const time = panel.getByTestId("sandbox-time");
      expect(await seen(time)).toMatch(/måndag 16 mars (kl\. )?08:00 \(Europe\/Stockholm\)/);
      const spotlight = team.locator('[data-post="spotlight"]');
      expect(await seen(spotlight)).toContain("Produkt i fokus");
      expect(await seen(spotlight)).toMatch(/Nästa: ons 18 mars (kl\. )?09:00/);
      expect(await seen(team.locator('[data-post="meetings"]'))).toMatch(
        /Nästa: mån 16 mars (kl\. )?10:00, för Weekly sales meeting \(tis 17 mars (kl\. )?10:00\)/,
      );
      // Posts whose feature this version of the app lacks cannot be run.
      const jobs = s.sandbox.engine().server.deps.jobs;
      for (const post of ["standup", "standupSummary", "motivation"] as const) {
        expect(await team.getByTestId(`run-${post}`).isDisabled(), post).toBe(!jobs.defines(JOB_OF[post]));
      }
      await steps.shot(sara, "panel");

      // Run now: the spotlight arrives in the team channel, once.
      const spotlights = messages(sara).filter({ hasText: "Produkt i fokus: Ergo Chair 2" });
      expect(await spotlights.count()).toBe(0);
      await team.getByTestId("run-spotlight").click();
      await spotlights.first().waitFor();
      expect(await seen(spotlights.first())).toContain("Adjusts to anyone from 155 to 200 cm");
      await waitForCount(messages(sara).filter({ hasText: "Produkt i fokus" }), 1);
      await steps.shot(sara, "spotlight-posted");

      // Two hours on: the clock reads 10:00 and the day-before reminder of the meeting is in the channel.
      const reminders = messages(sara).filter({ hasText: "Påminnelse: Weekly sales meeting" });
      await panel.getByTestId("clock-hour").click();
      await time.filter({ hasText: "09:00" }).waitFor();
      expect(await reminders.count()).toBe(0);
      await panel.getByTestId("clock-hour").click();
      await time.filter({ hasText: "10:00" }).waitFor();
      await reminders.first().waitFor();
      expect(await seen(reminders.first())).toContain("tisdag 17 mars kl. 10:00");
      expect(await seen(panel)).toContain("Framflyttad från verklig tid");
      expect(await seen(sara.locator(".local-time"))).toContain("10:00");
      await waitForCount(reminders, 1);
      await steps.shot(sara, "reminder-posted");
      await sara.close();
    });
  },
);
