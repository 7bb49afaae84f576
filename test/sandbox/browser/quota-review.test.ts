import { eq } from "drizzle-orm";
import type { Browser, Locator, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins } from "../../../src/features/quota/schema.js";
import { FixedClock } from "../../../src/platform/time/index.js";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../support.js";
import {
  actAs,
  ephemerals,
  hasChromium,
  launchBrowser,
  messages,
  openAs,
  SKIP_REASON,
  Steps,
  seen,
  seenAll,
  send,
  waitForCount,
} from "./browser.js";

const { supervisor, reps, channels } = DEMO_IDS;
const [jonas, emma, oliver] = reps as unknown as [string, string, string];

/**
 * Monday 16 March 2026, 13:00 in Stockholm, as in quota.test.ts: the seed has Sales North at
 * Jonas 93 500 of 150 000, Emma 57 500 of 120 000, Oliver 26 500 of 100 000 (team target 350 000).
 */
const NOW = "2026-03-16T12:00:00Z";

/** Intl puts no-break spaces in money and percentages ("600 000 kr"); people read them as spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const text = async (locator: Locator) => spaces(await seen(locator));
const texts = async (locator: Locator) => (await seenAll(locator)).map(spaces);
/** The words of a message's blocks, as drawn: headers, sections and context lines in order. */
const blockTexts = (message: Locator) => texts(message.locator(".bk-header, .bk-text, .bk-context"));
const buttonsOf = (message: Locator) => texts(message.locator("button.bk-button"));

/** Messages in the channel everyone reads (not private answers). */
const channelPosts = (page: Page) => page.locator('#messages [data-testid=message][data-kind="message"]');
/** A message in the channel that says `what`. */
const postOf = (page: Page, what: string) =>
  channelPosts(page).filter({ has: page.locator(".bk-text", { hasText: what }) });

/** The message with this ts, however it has been replaced since. */
const messageAt = (page: Page, ts: string) =>
  page.locator(`#messages [data-testid=message][data-ts="${ts}"]`);

/** The private "Did you mean…?" a rep is shown for `line`, once it is there, and its ts. */
async function checkInBig(
  page: Page,
  line: string,
  question: string,
): Promise<{ prompt: Locator; ts: string }> {
  await send(page, line);
  const asked = ephemerals(page).filter({ hasText: question }).last();
  await asked.locator("button.bk-button").first().waitFor();
  const ts = await asked.getAttribute("data-ts");
  if (!ts) throw new Error("the question has no ts");
  return { prompt: messageAt(page, ts), ts };
}

describe.skipIf(!hasChromium)(
  `Issue 7 in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
  () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    describe("a sale larger than the rep's whole target is asked about first", () => {
      let s: TestSandbox;
      /** Waits until the app has finished what it does after answering (channel posts). */
      const settled = () => s.sandbox.engine().server.deps.jobs.idle();
      const stored = async (note: string) =>
        (await s.database.db.select().from(checkins).where(eq(checkins.note, note))).length;
      const postsInWorld = () => s.sandbox.engine().world.messagesIn(channels.team).length;

      beforeAll(async () => {
        s = await startTestSandbox({ clock: new FixedClock(NOW) });
      });
      afterAll(async () => {
        await s?.close();
      });

      it("asks an English rep privately; Cancel records nothing, and Yes on a new check-in records and posts it once", async ({
        task,
      }) => {
        const steps = new Steps(task.name);
        const page = await openAs(browser, s.sandbox, oliver, channels.team);
        await waitForCount(channelPosts(page), postsInWorld());
        const postsBefore = postsInWorld();

        const first = await checkInBig(page, "/quota 600000 Big one", "Did you mean");
        expect(await text(first.prompt)).toContain("Only visible to you");
        expect(await blockTexts(first.prompt)).toEqual([
          "Did you mean SEK 600,000 (Big one)?\nThat is more than your whole target this period (SEK 100,000), so I'm asking before it goes in the books and the team channel.",
        ]);
        // The amount is in bold, as the question asks about it.
        expect(await text(first.prompt.locator(".bk-text b, .bk-text strong"))).toBe("SEK 600,000");
        expect(await buttonsOf(first.prompt)).toEqual(["Yes, record SEK 600,000", "Cancel"]);
        await steps.shot(page, "oliver-asked");

        await first.prompt.getByRole("button", { name: "Cancel" }).click();
        await first.prompt.filter({ hasText: "Not recorded" }).waitFor();
        await settled();
        expect(await text(first.prompt.locator(".message-text, .bk-text"))).toBe(
          "Not recorded. Check in again with the right amount, for example /quota 6000 Acme.",
        );
        expect(await buttonsOf(first.prompt)).toEqual([]);
        expect(await stored("Big one")).toBe(0);
        expect(postsInWorld()).toBe(postsBefore);
        await waitForCount(channelPosts(page), postsBefore);
        await steps.shot(page, "oliver-cancelled");

        const again = await checkInBig(page, "/quota 600000 Big one", "Did you mean");
        expect(again.ts).not.toBe(first.ts);
        expect(await buttonsOf(again.prompt)).toEqual(["Yes, record SEK 600,000", "Cancel"]);
        await again.prompt.getByRole("button", { name: "Yes, record" }).click();
        await again.prompt.locator(".bk-header", { hasText: "Your progress" }).waitFor();
        expect(await text(again.prompt)).toContain("Only visible to you");
        expect(await blockTexts(again.prompt)).toEqual([
          "✅ Recorded SEK 600,000: Big one",
          "Your progress · March 2026",
          "SEK 626,500 of SEK 100,000 (627%) · 🚀 ahead\nTarget made 🎉\nOn this pace: SEK 1,312,667 by 31 Mar",
          "3 check-ins, the last on 16 Mar",
        ]);
        expect(await buttonsOf(again.prompt)).toEqual([]);

        const post = postOf(page, "Big one");
        await post.waitFor();
        await settled();
        expect(await text(post.locator(".bk-text"))).toBe("💰 @Oliver checkade in 600 000 kr: Big one");
        expect(await text(post.locator(".bk-context"))).toBe(
          "mars 2026: 626 500 kr · 627 % av målet · 🚀 före",
        );
        expect(postsInWorld()).toBe(postsBefore + 1);
        await waitForCount(channelPosts(page), postsBefore + 1);
        expect(await stored("Big one")).toBe(1);
        await steps.shot(page, "oliver-recorded");
        await page.close();
      });

      it("asks a Swedish rep in Swedish, and a double click on Ja records the sale once", async ({
        task,
      }) => {
        const steps = new Steps(task.name);
        const page = await openAs(browser, s.sandbox, jonas, channels.team);
        await waitForCount(channelPosts(page), postsInWorld());
        const postsBefore = postsInWorld();

        const { prompt } = await checkInBig(page, "/quota 600 000 kr Jätteorder", "Menade du");
        expect(await text(prompt)).toContain("Bara synligt för dig");
        expect(await blockTexts(prompt)).toEqual([
          "Menade du 600 000 kr (Jätteorder)?\nDet är mer än hela ditt mål den här perioden (150 000 kr), så jag frågar innan det bokförs och visas i teamkanalen.",
        ]);
        expect(await buttonsOf(prompt)).toEqual(["Ja, registrera 600 000 kr", "Avbryt"]);
        await settled();
        expect(await stored("Jätteorder")).toBe(0);
        expect(postsInWorld()).toBe(postsBefore);
        await steps.shot(page, "jonas-asked");

        // The page disables a button until the app has acknowledged its click, so the second click of a
        // double click stays in the page; two clicks that both reach the app are the next test.
        await prompt.getByRole("button", { name: "Ja, registrera" }).dblclick();
        await prompt.locator(".bk-header", { hasText: "Så går det för dig" }).waitFor();
        await postOf(page, "Jätteorder").waitFor();
        await settled();
        expect((await blockTexts(prompt))[0]).toBe("✅ Registrerade 600 000 kr: Jätteorder");
        expect(await buttonsOf(prompt)).toEqual([]);
        expect(await stored("Jätteorder")).toBe(1);
        expect(postsInWorld()).toBe(postsBefore + 1);
        await waitForCount(channelPosts(page), postsBefore + 1);
        expect(await text(postOf(page, "Jätteorder").locator(".bk-text"))).toBe(
          "💰 @Jonas checkade in 600 000 kr: Jätteorder",
        );
        await steps.shot(page, "jonas-recorded-once");
        await page.close();
      });

      it("records the sale once when the rep says yes in two windows at the same moment", async ({
        task,
      }) => {
        const steps = new Steps(task.name);
        const laptop = await openAs(browser, s.sandbox, emma, channels.team);
        await waitForCount(channelPosts(laptop), postsInWorld());
        const postsBefore = postsInWorld();
        const { prompt, ts } = await checkInBig(laptop, "/quota 600000 Volvo fleet", "Did you mean");
        const phone = await openAs(browser, s.sandbox, emma, channels.team);
        const onPhone = messageAt(phone, ts);
        await onPhone.locator("button.bk-button").first().waitFor();
        expect(await buttonsOf(onPhone)).toEqual(["Yes, record SEK 600,000", "Cancel"]);
        await steps.shot(phone, "emma-asked-on-both");

        // Both clicks leave their windows together (each held until the other is made), so both reach the
        // app while the question is still there, as two clicks made before the answer came would.
        const held: Route[] = [];
        let bothMade = () => {};
        const together = new Promise<void>((resolve) => {
          bothMade = resolve;
        });
        const hold = async (route: Route) => {
          held.push(route);
          if (held.length === 2) bothMade();
          await together;
          await route.continue();
        };
        await Promise.all([laptop.route("**/api/action", hold), phone.route("**/api/action", hold)]);
        const answered = Promise.all([
          laptop.waitForResponse("**/api/action"),
          phone.waitForResponse("**/api/action"),
        ]);
        const { fake } = s.sandbox.engine();
        const repliesBefore = fake.callsTo("response_url").length;
        await prompt.getByRole("button", { name: "Yes, record" }).click();
        await onPhone.getByRole("button", { name: "Yes, record" }).click();
        const responses = await answered;
        expect(await Promise.all(responses.map(async (r) => (await r.json()).ok))).toEqual([true, true]);
        await settled();
        // Each click was answered by the app...
        expect(fake.callsTo("response_url").length - repliesBefore).toBe(2);

        // ...and the sale is in the books, and the channel, once. Whichever answer came last stays in
        // place of the question (the second may add that the request came twice).
        expect(await stored("Volvo fleet")).toBe(1);
        expect(postsInWorld()).toBe(postsBefore + 1);
        for (const page of [laptop, phone]) {
          const answer = messageAt(page, ts);
          await answer.locator(".bk-header", { hasText: "Your progress" }).waitFor();
          expect((await blockTexts(answer)).slice(0, 1)).toEqual(["✅ Recorded SEK 600,000: Volvo fleet"]);
          expect(await text(answer)).toContain("SEK 657,500 of SEK 120,000 (548%)");
          expect(await buttonsOf(answer)).toEqual([]);
          await postOf(page, "Volvo fleet").waitFor();
          await waitForCount(postOf(page, "Volvo fleet"), 1);
          await waitForCount(channelPosts(page), postsBefore + 1);
        }
        await steps.shot(laptop, "emma-recorded-once");
        await laptop.close();
        await phone.close();
      });
    });

    describe("the leaderboard respects the team's privacy", () => {
      let s: TestSandbox;
      const settled = () => s.sandbox.engine().server.deps.jobs.idle();
      const postsInWorld = () => s.sandbox.engine().world.messagesIn(channels.team).length;

      beforeAll(async () => {
        s = await startTestSandbox({ clock: new FixedClock(NOW) });
      });
      afterAll(async () => {
        await s?.close();
      });

      /** Sara, the supervisor, turns private check-ins on or off in the team channel and sees it confirmed. */
      async function setPrivate(page: Page, on: boolean): Promise<void> {
        await actAs(page, "Sara Nilsson");
        const said = ephemerals(page).filter({
          hasText: on
            ? "Sales North: incheckningar är nu privata."
            : "Sales North: incheckningar visas i teamkanalen igen.",
        });
        const before = await said.count();
        await send(page, `/quota set private ${on ? "on" : "off"}`);
        await waitForCount(said, before + 1);
      }

      /** Sends `/quota team` and returns the leaderboard it brought (private or posted). */
      async function askBoard(page: Page, title: string): Promise<Locator> {
        const boards = messages(page).filter({ has: page.locator(".bk-header", { hasText: title }) });
        const before = await boards.count();
        await send(page, "/quota team");
        await waitForCount(boards, before + 1);
        await settled();
        return boards.last();
      }

      it("with check-ins private, a rep's /quota team is theirs alone: the team's line and their own place", async ({
        task,
      }) => {
        const steps = new Steps(task.name);
        const page = await openAs(browser, s.sandbox, supervisor, channels.team);
        await setPrivate(page, true);
        await actAs(page, "Oliver Hughes");
        await waitForCount(channelPosts(page), postsInWorld());
        const postsBefore = postsInWorld();

        const board = await askBoard(page, "Sales North · March 2026");
        expect(await board.getAttribute("data-kind")).toBe("ephemeral");
        expect(await text(board)).toContain("Only visible to you");
        expect(await blockTexts(board)).toEqual([
          "Sales North · March 2026",
          "Team: SEK 177,500 of SEK 350,000 (51%) · ✅ on track · 12 working days left, today included",
          "Your place: 3 of 3\n@Oliver SEK 26,500 · 27% · ⚠️ behind · last 10 Mar",
          "Sales North keeps check-ins private: you see the team's total and your own place.",
        ]);
        const shown = await text(board);
        for (const other of ["Jonas", "Emma", "93,500", "57,500"]) expect(shown).not.toContain(other);
        expect(postsInWorld()).toBe(postsBefore);
        await waitForCount(channelPosts(page), postsBefore);
        await steps.shot(page, "oliver-private-board");

        await actAs(page, "Jonas Berg");
        const his = await askBoard(page, "Sales North · mars 2026");
        expect(await his.getAttribute("data-kind")).toBe("ephemeral");
        expect(await text(his)).toContain("Bara synligt för dig");
        expect(await blockTexts(his)).toEqual([
          "Sales North · mars 2026",
          "Teamet: 177 500 kr av 350 000 kr (51 %) · ✅ i fas · 12 arbetsdagar kvar, i dag inräknad",
          "Din plats: 1 av 3\n@Jonas 93 500 kr · 62 % · 🚀 före · senast 13 mars",
          "Sales North håller incheckningar privata: du ser teamets summa och din egen plats.",
        ]);
        const hisShown = await text(his);
        for (const other of ["Oliver", "Emma", "26 500", "57 500"]) expect(hisShown).not.toContain(other);
        expect(postsInWorld()).toBe(postsBefore);
        // Oliver's board was his alone.
        expect(await messages(page).filter({ hasText: "Sales North · March 2026" }).count()).toBe(0);
        await steps.shot(page, "jonas-private-board");

        // Another rep in the channel sees neither board.
        await actAs(page, "Emma Clarke");
        await waitForCount(channelPosts(page), postsBefore);
        await waitForCount(ephemerals(page), 0);
        expect(await messages(page).filter({ hasText: "Sales North ·" }).count()).toBe(0);
        await steps.shot(page, "emma-sees-no-board");
        await page.close();
      });

      it("with check-ins private, the supervisor's /quota team is the whole board, shown only to her", async ({
        task,
      }) => {
        const steps = new Steps(task.name);
        const page = await openAs(browser, s.sandbox, supervisor, channels.team);
        await setPrivate(page, true);
        await waitForCount(channelPosts(page), postsInWorld());
        const postsBefore = postsInWorld();

        const board = await askBoard(page, "Sales North · mars 2026");
        expect(await board.getAttribute("data-kind")).toBe("ephemeral");
        expect(await text(board)).toContain("Bara synligt för dig");
        expect(await blockTexts(board)).toEqual([
          "Sales North · mars 2026",
          "Teamet: 177 500 kr av 350 000 kr (51 %) · ✅ i fas · 12 arbetsdagar kvar, i dag inräknad",
          "@Jonas 93 500 kr · 62 % · 🚀 före · senast 13 mars\n@Emma 57 500 kr · 48 % · ✅ i fas · senast 12 mars\n@Oliver 26 500 kr · 27 % · ⚠️ efter · senast 10 mars",
        ]);
        expect(postsInWorld()).toBe(postsBefore);
        await waitForCount(channelPosts(page), postsBefore);
        await steps.shot(page, "sara-whole-board-privately");
        await page.close();
      });

      it("with check-ins announced again, a rep's /quota team is posted for everyone and says who asked", async ({
        task,
      }) => {
        const steps = new Steps(task.name);
        const page = await openAs(browser, s.sandbox, supervisor, channels.team);
        await setPrivate(page, false);
        await actAs(page, "Oliver Hughes");
        await waitForCount(channelPosts(page), postsInWorld());
        const postsBefore = postsInWorld();

        // Posted where the team reads it, it speaks the team's language (Swedish).
        const board = await askBoard(page, "Sales North · mars 2026");
        expect(await board.getAttribute("data-kind")).toBe("message");
        expect(await text(board)).not.toContain("Only visible to you");
        expect(await blockTexts(board)).toEqual([
          "Sales North · mars 2026",
          "Teamet: 177 500 kr av 350 000 kr (51 %) · ✅ i fas · 12 arbetsdagar kvar, i dag inräknad",
          "@Jonas 93 500 kr · 62 % · 🚀 före · senast 13 mars\n@Emma 57 500 kr · 48 % · ✅ i fas · senast 12 mars\n@Oliver 26 500 kr · 27 % · ⚠️ efter · senast 10 mars",
          "@Oliver frågade med /quota team",
        ]);
        expect(await text(board.locator(".bk-context").last().locator("code"))).toBe("/quota team");
        expect(postsInWorld()).toBe(postsBefore + 1);
        await steps.shot(page, "oliver-board-posted");

        await actAs(page, "Emma Clarke");
        const seenByEmma = channelPosts(page).filter({ hasText: "frågade med" });
        await seenByEmma.waitFor();
        expect(await text(seenByEmma.locator(".bk-context").last())).toBe("@Oliver frågade med /quota team");
        await waitForCount(ephemerals(page), 0);
        await steps.shot(page, "emma-sees-who-asked");
        await page.close();
      });
    });
  },
);
