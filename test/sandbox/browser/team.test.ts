import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers, teams } from "../../../src/features/team/schema.js";
import { auditLog } from "../../../src/platform/audit/index.js";
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

const { admin, supervisor, reps, channels, executive } = DEMO_IDS;
const [jonas] = reps;

describe.skipIf(!hasChromium)(
  `Supervisor in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
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

    it("lets the admin create a team with /team, offering the command and its hint while typing", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, admin, channels.spare);
      await steps.shot(page, "sales-south-as-admin");
      await page.locator(".channel-header h1", { hasText: "sales-south" }).waitFor();

      const box = page.locator("#composer-input");
      await box.click();
      await box.pressSequentially("/te");
      const suggestion = page.locator(".suggestions .suggestion");
      await suggestion.first().waitFor();
      expect(await suggestion.count()).toBe(1);
      expect(await seen(suggestion.first())).toContain("/team");
      expect(await seen(suggestion.first())).toContain("create <name> @supervisor");
      expect(await seen(suggestion.first())).toContain("Your sales team: who leads it");
      await steps.shot(page, "command-suggested");

      await box.press("Tab");
      expect(await box.inputValue()).toBe("/team ");
      expect(await seen(page.getByTestId("command-hint"))).toContain("/team [help | list | roles");
      await box.pressSequentially("create Sales South @eri");
      const person = page.locator(".suggestions .suggestion");
      await person.filter({ hasText: "Erik Lindqvist" }).waitFor();
      expect(await person.count()).toBe(1);
      await steps.shot(page, "person-suggested");
      await box.press("Enter");
      expect(await box.inputValue()).toBe("/team create Sales South @erik ");
      await steps.shot(page, "command-typed");
      await box.press("Enter");

      const answer = ephemerals(page).last();
      await answer.locator(".bk-text", { hasText: "Created the team" }).waitFor();
      expect(await seen(answer)).toContain("Only visible to you");
      const createdText = await seen(answer.locator(".bk-text").first());
      expect(createdText).toContain("Created the team Sales South in #sales-south, led by @Erik.");
      // Settings nobody chose came from Erik's Slack profile, and the answer says which.
      expect(createdText).toContain(
        "From @Erik's Slack profile: time zone Europe/Stockholm, public holidays of Sweden (SE), SEK",
      );
      expect(await seen(answer.locator(".mention").first())).toBe("@Erik");
      await steps.shot(page, "team-created");

      const [created] = await s.database.db.select().from(teams).where(eq(teams.name, "Sales South"));
      expect(created).toMatchObject({
        channelId: channels.spare,
        timeZone: "Europe/Stockholm",
        locale: "sv",
      });
      const members = await s.database.db
        .select()
        .from(teamMembers)
        .where(eq(teamMembers.teamId, created?.id ?? 0));
      expect(members.map((m) => [m.userId, m.role])).toEqual([[executive, "supervisor"]]);
      const audit = await s.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "team.team.create"), eq(auditLog.subjectId, String(created?.id))));
      expect(audit.map((a) => a.actorId)).toEqual([admin]);
      await page.close();
    });

    it("shows the supervisor the team modal, the error on the field they got wrong, then the saved team", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, supervisor, channels.team);
      await send(page, "/team");
      const card = ephemerals(page).last();
      await card.locator(".bk-header", { hasText: "Sales North" }).waitFor();
      expect(await seenAll(card.locator(".bk-field"))).toContain("Tidszon\nEurope/Stockholm");
      await steps.shot(page, "team-card");

      await card.getByRole("button", { name: "Ändra teamet" }).click();
      const modal = page.getByRole("dialog", { name: "Ändra team" });
      await modal.waitFor();
      expect(await seen(modal.getByTestId("modal-submit"))).toBe("Spara");
      expect(await seen(modal.getByTestId("modal-close"))).toBe("Avbryt");
      const timeZone = modal.locator('[data-block-id="timeZone"]');
      expect(await timeZone.locator("input").inputValue()).toBe("Europe/Stockholm");
      await steps.shot(page, "modal-open");

      await timeZone.locator("input").fill("Mars/Base");
      await modal.getByTestId("modal-submit").click();
      await timeZone.locator(".bk-error").waitFor();
      expect(await seen(timeZone.locator(".bk-error"))).toBe(
        '"Mars/Base" är ingen tidszon jag känner till. Använd ett namn som Europe/Stockholm, Europe/London eller America/New_York.',
      );
      expect(await modal.locator(".bk-error").count()).toBe(1);
      expect(await timeZone.locator("input").inputValue()).toBe("Mars/Base");
      expect(await modal.locator('[data-block-id="name"] input').inputValue()).toBe("Sales North");
      await steps.shot(page, "field-error");
      const [unchanged] = await s.database.db.select().from(teams).where(eq(teams.name, "Sales North"));
      expect(unchanged?.timeZone).toBe("Europe/Stockholm");

      // The reps picker: take Oliver out, then find him again by typing, as in Slack's menus.
      const repsField = modal.locator('[data-block-id="reps"] .select');
      expect(await seenAll(repsField.locator(".chip .option-label"))).toEqual([
        "Emma Clarke",
        "Jonas Berg",
        "Oliver Hughes",
      ]);
      await repsField.getByRole("button", { name: "Remove Oliver Hughes" }).click();
      await waitForCount(repsField.locator(".chip"), 2);
      await repsField.click();
      await page.locator(".popover .select-search").fill("oli");
      expect(await seenAll(page.locator(".popover .option-label"))).toEqual(["Oliver Hughes"]);
      await page.locator(".popover .select-option").click();
      await waitForCount(repsField.locator(".chip"), 3);

      await timeZone.locator("input").fill("Europe/Oslo");
      await modal.getByTestId("modal-submit").click();
      const saved = page.getByRole("dialog", { name: "Teamet är sparat" });
      await saved.waitFor();
      expect(await seen(saved.locator(".bk-text").first())).toBe("Sales North är sparat.");
      expect(await seenAll(saved.locator(".bk-field"))).toContain("Tidszon\nEurope/Oslo");
      expect(await saved.getByTestId("modal-submit").count()).toBe(0);
      await steps.shot(page, "team-saved");

      const [row] = await s.database.db.select().from(teams).where(eq(teams.name, "Sales North"));
      expect(row?.timeZone).toBe("Europe/Oslo");
      const reps = await s.database.db
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, row?.id ?? 0), eq(teamMembers.role, "rep")));
      expect(reps.map((r) => r.userId).sort()).toEqual([...DEMO_IDS.reps].sort());
      const [update] = await s.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "team.settings.update"), eq(auditLog.actorId, supervisor)));
      expect(update).toMatchObject({
        before: { timeZone: "Europe/Stockholm" },
        after: { timeZone: "Europe/Oslo" },
      });

      await saved.getByTestId("modal-close").click();
      await waitForCount(page.getByRole("dialog"), 0);
      await steps.shot(page, "modal-closed");
      await page.close();
    });

    it("shows each rep only their own private answers", async ({ task }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, jonas, channels.team);
      const before = await messages(page).count();
      await send(page, "/team");
      await waitForCount(ephemerals(page), 1);
      const mine = ephemerals(page).first();
      await mine.locator(".bk-header", { hasText: "Sales North" }).waitFor();
      expect(await seen(mine)).toContain("Bara synligt för dig");
      expect(await seenAll(mine.locator(".bk-field"))).toContain("Tidszon\nEurope/Oslo");
      expect(await seenAll(mine.getByRole("button"))).toEqual(["Stäng meddelandet"]);
      await steps.shot(page, "jonas-sees-his-answer");

      await actAs(page, "Emma Clarke");
      await waitForCount(ephemerals(page), 0);
      expect(await messages(page).count()).toBe(before);
      expect(await page.locator("#composer-input").getAttribute("placeholder")).toBe("Message #sales-north");
      await steps.shot(page, "emma-sees-nothing-private");
      await send(page, "/team");
      await waitForCount(ephemerals(page), 1);
      const hers = ephemerals(page).first();
      await hers.locator(".bk-header", { hasText: "Sales North" }).waitFor();
      expect(await seen(hers)).toContain("Only visible to you");
      expect(await seenAll(hers.locator(".bk-field"))).toContain("Time zone\nEurope/Oslo");
      await steps.shot(page, "emma-sees-her-answer");

      await actAs(page, "Jonas Berg");
      await waitForCount(ephemerals(page), 1);
      expect(await seenAll(ephemerals(page).first().locator(".bk-field"))).toContain("Tidszon\nEurope/Oslo");
      await steps.shot(page, "jonas-again");

      await ephemerals(page).first().getByRole("button", { name: "Stäng meddelandet" }).click();
      await waitForCount(ephemerals(page), 0);
      expect(s.sandbox.engine().world.ephemeralsFor(jonas)).toEqual([]);
      await page.close();
    });

    it("answers an unknown command as Slack does, and shows what the app offers as shortcuts", async ({
      task,
    }) => {
      const steps = new Steps(task.name);
      const page = await openAs(browser, s.sandbox, admin, channels.general);
      await send(page, "/foo bar");
      const notice = page.locator('#messages [data-kind="notice"]').last();
      await notice.waitFor();
      expect(await seen(notice)).toContain("Slackbot");
      expect(await seen(notice)).toContain("/foo is not a valid command.");
      expect(await seen(notice)).toContain("Only visible to you");
      await steps.shot(page, "not-a-command");

      await page.getByTestId("shortcuts").click();
      expect(await seenAll(page.locator(".popover").getByRole("menuitem"))).toEqual([
        expect.stringContaining("Request leave"),
        expect.stringContaining("Escalate to supervisor"),
      ]);
      await steps.shot(page, "global-shortcuts");
      await page.keyboard.press("Escape");

      const welcome = messages(page).filter({ hasText: "Welcome to Nordic Sales" });
      await welcome.hover();
      await welcome.getByTestId("message-more").click();
      const menu = page.locator(".popover");
      expect(await seen(menu)).toContain("Message shortcuts");
      expect(await seenAll(menu.getByRole("menuitem"))).toEqual([
        "Reply in thread",
        expect.stringContaining("Escalate this message"),
      ]);
      await steps.shot(page, "message-menu");
      await page.close();
    });
  },
);
