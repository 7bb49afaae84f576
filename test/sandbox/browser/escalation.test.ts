import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalations } from "../../../src/features/escalations/schema.js";
import { warnings } from "../../../src/features/warnings/schema.js";
import { FixedClock } from "../../../src/platform/time/index.js";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../support.js";
import { hasChromium, launchBrowser, messages, openAs, SKIP_REASON, Steps, seen } from "./browser.js";

const { executive, supervisor, reps, channels } = DEMO_IDS;
const oliver = reps[2] as string;

/** Tuesday 17 March 2026, 10:00 in Stockholm. */
const NOW = "2026-03-17T09:00:00Z";

describe.skipIf(!hasChromium)(
  `An escalation in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
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

    it("Erik escalates Oliver's message, Sara warns him from the DM, Oliver acknowledges, Sara resolves", async ({
      task,
    }) => {
      const steps = new Steps(task.name);

      // Erik, an executive, finds Oliver's reckless promise in #sales-north and escalates it.
      const erik = await openAs(browser, s.sandbox, executive, channels.team);
      const promise = messages(erik).filter({ hasText: "Told the Volvo buyer" }).last();
      await promise.hover();
      await promise.getByTestId("message-more").click();
      await erik
        .locator(".popover")
        .getByRole("menuitem", { name: /Escalate this message/ })
        .click();
      const form = erik.getByRole("dialog", { name: "Eskalera" });
      await form.waitFor();
      expect(await seen(form)).toContain("Told the Volvo buyer");
      expect(await seen(form.locator('[data-block-id="rep"]'))).toContain("Oliver Hughes");
      await form.locator('[data-block-id="category"] .select').click();
      await erik.locator(".popover .select-option", { hasText: "Policy inte följd" }).click();
      await form
        .locator('[data-block-id="details"] textarea')
        .fill("Promised 20% under any competitor without approval.");
      await steps.shot(erik, "escalate-form");
      await form.getByTestId("modal-submit").click();
      const sent = erik.getByRole("dialog", { name: "Eskalerad" });
      await sent.waitFor();
      expect(await seen(sent)).toContain("Skickad till");
      await steps.shot(erik, "escalated");
      await sent.getByTestId("modal-close").click();
      const channelText = await seen(erik.locator("#messages"));
      expect(channelText).not.toContain("Promised 20%");

      // Sara finds it in her DMs, acknowledges it and issues a written warning from it.
      const sara = await openAs(browser, s.sandbox, supervisor, "app-home");
      await sara.getByTestId("tab-messages").click();
      const dm = messages(sara).filter({ hasText: "eskalerade" }).last();
      await dm.waitFor();
      expect(await seen(dm)).toContain("Policy inte följd");
      expect(await seen(dm)).toContain("Promised 20% under any competitor");
      await dm.getByRole("button", { name: "Kvittera" }).click();
      await dm.locator(".bk-context", { hasText: "Kvitterad av" }).waitFor();
      expect(await dm.getByRole("button", { name: "Kvittera" }).count()).toBe(0);
      await steps.shot(sara, "acknowledged");
      await dm.getByRole("button", { name: "Ge en varning" }).click();
      const warn = sara.getByRole("dialog", { name: "Ge en varning" });
      await warn.waitFor();
      expect(await seen(warn.locator('[data-block-id="rep"]'))).toContain("Oliver Hughes");
      await warn.locator('[data-block-id="level"] input[value="written"]').check();
      await warn.locator('[data-block-id="reason"] .select').click();
      await sara.locator(".popover .select-option", { hasText: "Policy inte följd" }).click();
      await warn
        .locator('[data-block-id="details"] textarea')
        .fill("Discounts beyond the table need my approval first.");
      await steps.shot(sara, "warning-form");
      await warn.getByTestId("modal-submit").click();
      const issued = sara.getByRole("dialog", { name: "Varning utfärdad" });
      await issued.waitFor();
      await issued.getByTestId("modal-close").click();
      const [warning] = await s.database.db.select().from(warnings).where(eq(warnings.repId, oliver));
      expect(warning).toMatchObject({ level: "written", reason: "policy", issuedBy: supervisor });
      expect(warning?.escalationId).not.toBeNull();

      // Oliver gets the warning, and nothing of the escalation, and acknowledges receipt.
      const oli = await openAs(browser, s.sandbox, oliver, "app-home");
      await oli.getByTestId("tab-messages").click();
      const toOliver = messages(oli).filter({ hasText: "written warning" }).last();
      await toOliver.waitFor();
      expect(await seen(toOliver)).toContain("Discounts beyond the table need my approval first.");
      expect(await seen(oli.locator("#messages"))).not.toContain("Promised 20%");
      await toOliver.getByRole("button", { name: "Acknowledge receipt" }).click();
      await toOliver.locator(".bk-text, .bk-context", { hasText: "Receipt acknowledged" }).first().waitFor();
      expect(await toOliver.getByRole("button", { name: "Acknowledge receipt" }).count()).toBe(0);
      await steps.shot(oli, "receipt-acknowledged");
      await oli.close();

      // Sara resolves it with a note; Erik's DM has followed every step.
      await sara.reload();
      await sara.getByTestId("tab-messages").click();
      const again = messages(sara).filter({ hasText: "eskalerade" }).last();
      await again.getByRole("button", { name: "Lös" }).click();
      const resolve = sara.getByRole("dialog", { name: "Lös eskaleringen" });
      await resolve.waitFor();
      await resolve
        .locator('[data-block-id="note"] textarea')
        .fill("Written warning given; Oliver has called the buyer to correct it.");
      await resolve.getByTestId("modal-submit").click();
      await sara
        .getByRole("dialog", { name: "Lös eskaleringen" })
        .locator(".bk-text", { hasText: "Löst." })
        .waitFor();
      const [row] = await s.database.db.select().from(escalations).where(eq(escalations.repId, oliver));
      expect(row?.status).toBe("resolved");
      await sara.close();

      await erik.goto(`${s.sandbox.url}/?as=${executive}#app-home`);
      await erik.locator(".channel-header h1").waitFor();
      await erik.getByTestId("tab-messages").click();
      const followed = messages(erik).filter({ hasText: "Du eskalerade" }).last();
      await followed.locator(".bk-context", { hasText: "Löst av" }).waitFor();
      const text = await seen(followed);
      expect(text).toContain("Written warning given; Oliver has called the buyer");
      expect(text).toMatch(/skriftlig/i);
      await steps.shot(erik, "executive-dm");
      await erik.close();
    });
  },
);
