import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveRequests } from "../../../src/features/leave/schema.js";
import { FixedClock } from "../../../src/platform/time/index.js";
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
  waitForCount,
} from "./browser.js";

const { supervisor, reps, channels } = DEMO_IDS;
const [, emma] = reps;

/** Monday 16 March 2026, 13:00 in Stockholm. */
const NOW = "2026-03-16T12:00:00Z";

describe.skipIf(!hasChromium)(
  `Leave in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
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

    it("lets a newcomer file leave, approve it as the supervisor and see it on the team's calendar", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, emma as string, channels.team);
      await send(page, "/leave");
      const form = page.getByRole("dialog", { name: "Request leave" });
      await form.waitFor();
      expect(await seen(form)).toContain(
        "Vacation: 20 of 25 days left to request (2026): used 5, waiting for a decision 0",
      );
      await form.locator('[data-block-id="start"] input').fill("2026-03-26");
      await form.locator('[data-block-id="end"] input').fill("2026-03-25");
      await form.getByTestId("modal-submit").click();
      const endField = form.locator('[data-block-id="end"]');
      await endField.locator(".bk-error").waitFor();
      expect(await seen(endField.locator(".bk-error"))).toBe("The last day can't be before the first day.");
      await steps.shot(page, "field-error");

      await form.locator('[data-block-id="end"] input').fill("2026-03-27");
      await form.locator('[data-block-id="note"] textarea').fill("Dentist and a long weekend");
      await form.getByTestId("modal-submit").click();
      const sent = page.getByRole("dialog", { name: "Request sent" });
      await sent.waitFor();
      expect(await seen(sent)).toContain("Sent: Vacation, Thu, Mar 26 – Fri, Mar 27, 2026 (2 working days).");
      await steps.shot(page, "request-sent");
      await sent.getByTestId("modal-close").click();
      await waitForCount(page.getByRole("dialog"), 0);
      await page.close();

      // Sara finds it in her DMs with the app, with Approve and Deny.
      const sara = await openAs(browser, s.sandbox, supervisor, "app-home");
      await sara.getByTestId("tab-messages").click();
      const request = messages(sara).filter({ hasText: "tors 26 mars – fre 27 mars 2026" }).last();
      await request.waitFor();
      expect(await seen(request)).toContain("*Anteckning:* Dentist and a long weekend".replaceAll("*", ""));
      await steps.shot(sara, "approval-dm");
      await request.getByRole("button", { name: "Godkänn" }).click();
      await request.locator(".bk-context", { hasText: "Godkänd av" }).waitFor();
      expect(await request.getByRole("button", { name: "Godkänn" }).count()).toBe(0);
      await steps.shot(sara, "approved");
      const [row] = await s.database.db
        .select()
        .from(leaveRequests)
        .where(eq(leaveRequests.startOn, "2026-03-26"));
      expect(row?.status).toBe("approved");

      // The team's calendar: who is out this week and next.
      await sara.goto(`${s.sandbox.url}/?as=${supervisor}#${channels.team}`);
      await sara.locator(".channel-header h1").waitFor();
      await send(sara, "/leave team");
      const out = ephemerals(sara).last();
      await out.locator(".bk-text", { hasText: "Vem är borta" }).waitFor();
      expect(await seen(out)).toContain("Semester, tors 26 mars – fre 27 mars 2026");
      await steps.shot(sara, "team-calendar");
      await sara.close();
    });
  },
);
