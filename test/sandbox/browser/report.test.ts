import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  seen,
  send,
} from "./browser.js";

const { supervisor, channels } = DEMO_IDS;

/** Monday 16 March 2026, 13:00 in Stockholm: the demo seed's March targets and sales are in place. */
const NOW = "2026-03-16T12:00:00Z";

describe.skipIf(!hasChromium)(
  `A report in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
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

    it("Sara asks for the productivity report: it comes to her Messages tab with the chart drawn and the CSV to download", async () => {
      const sara = await openAs(browser, s.sandbox, supervisor, channels.team);
      await send(sara, "/report produktivitet");
      expect(await seen(ephemerals(sara).last())).toContain(
        "Tar fram din produktivitetsrapport för mars 2026",
      );
      const dm = await openAs(browser, s.sandbox, supervisor, "app-home");
      await dm.getByTestId("tab-messages").click();
      const report = messages(dm).filter({ hasText: "Produktivitetsrapport: mars 2026" }).last();
      await report.waitFor({ timeout: 20_000 });
      const image = dm.getByTestId("file-image").locator("img").last();
      await image.waitFor({ timeout: 20_000 });
      // The picture really loaded (a PNG the browser decoded), at the chart's size.
      await dm.waitForFunction(
        (img) =>
          (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
          (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0,
        await image.elementHandle(),
      );
      expect(
        await image.evaluate(
          (img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth,
        ),
      ).toBe(1560);
      const csv = dm.getByTestId("file-card").last();
      expect(await csv.getAttribute("download")).toMatch(/^productivity-sales-north-2026-03\.csv$/);
      const href = (await csv.getAttribute("href")) ?? "";
      const answer = await dm.evaluate(async (url) => {
        const r = await fetch(url);
        return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
      }, href);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe("text/csv");
      expect(answer.text.split("\r\n")[0]).toContain("Säljteam,Säljare");
      // Someone else (not in Sara's DM) cannot fetch her file.
      const other = await dm.evaluate(
        async (url) => (await fetch(url.replace(/as=[^&]+/, "as=U0NOBODY"))).status,
        href,
      );
      expect(other).toBe(404);
    });
  },
);
