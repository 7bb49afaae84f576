import { WebClient } from "@slack/web-api";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../../src/sandbox/index.js";
import { silentLogger } from "../helpers.js";
import { startTestSandbox, type TestSandbox } from "../support.js";
import {
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

const { admin, supervisor, reps, channels } = DEMO_IDS;
const [jonas] = reps;

/** The Web API as the app uses it, pointed at the sandbox's fake Slack (so every message is checked like Slack). */
function appClient(s: TestSandbox): WebClient {
  const { fake } = s.sandbox.engine();
  return new WebClient(fake.botToken, {
    slackApiUrl: fake.apiUrl,
    logger: silentLogger,
    retryConfig: { retries: 0 },
  });
}

const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text });
const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

const RICH_BLOCKS = [
  { type: "header", text: plain("Weekly standup :tada:") },
  {
    type: "section",
    block_id: "intro",
    text: mrkdwn(
      [
        "*Bold* _italic_ ~struck~ `code` <https://example.com/report|the report>",
        `Hej <@${supervisor}> and <@${jonas}>, see <#${channels.team}> :rocket:`,
        "&gt; A quote from the CEO",
        "• first point",
        "• second point",
        "&lt;b&gt;not bold&lt;/b&gt; &amp; <javascript:alert(1)|not a link> <img src=x onerror=alert(1)>",
      ].join("\n"),
    ),
    accessory: {
      type: "button",
      action_id: "demo.approve",
      text: plain("Approve"),
      style: "primary",
      value: "1",
    },
  },
  {
    type: "section",
    block_id: "numbers",
    fields: [
      mrkdwn("*Attainment*\n82 %"),
      mrkdwn("*Pace*\nahead"),
      mrkdwn("*Deals*\n7"),
      mrkdwn("*Leave*\n–"),
    ],
  },
  { type: "divider" },
  {
    type: "actions",
    block_id: "controls",
    elements: [
      { type: "button", action_id: "demo.open", text: plain("Open") },
      {
        type: "button",
        action_id: "demo.delete",
        text: plain("Delete"),
        style: "danger",
        confirm: {
          title: plain("Delete the plan?"),
          text: mrkdwn("This *cannot* be undone."),
          confirm: plain("Delete it"),
          deny: plain("Keep it"),
          style: "danger",
        },
      },
      {
        type: "static_select",
        action_id: "demo.period",
        placeholder: plain("Pick a period"),
        options: [
          { text: plain("This month"), value: "month" },
          { text: plain("This quarter"), value: "quarter" },
        ],
      },
      { type: "users_select", action_id: "demo.rep", placeholder: plain("Pick a rep") },
      { type: "conversations_select", action_id: "demo.channel", placeholder: plain("Pick a channel") },
      {
        type: "overflow",
        action_id: "demo.more",
        options: [
          { text: plain("Export CSV"), value: "csv" },
          { text: plain("Archive"), value: "archive" },
        ],
      },
      { type: "datepicker", action_id: "demo.date", initial_date: "2026-03-02" },
    ],
  },
  {
    type: "context",
    elements: [
      mrkdwn("Sent by *Supervisor*"),
      { type: "image", image_url: "https://example.com/a.png", alt_text: "logo" },
    ],
  },
  {
    type: "image",
    image_url: "https://example.com/chart.png",
    alt_text: "Quota chart",
    title: plain("Quota chart"),
  },
];

describe.skipIf(!hasChromium)(
  `Block Kit in the sandbox, in a browser${hasChromium ? "" : ` (${SKIP_REASON})`}`,
  () => {
    let s: TestSandbox;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      [s, browser] = await Promise.all([startTestSandbox(), launchBrowser()]);
      page = await openAs(browser, s.sandbox, supervisor, channels.general);
    });
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    it("draws the blocks and mrkdwn the app sends as Slack does, live, and safely", async ({ task }) => {
      const steps = new Steps(task.name);
      const slack = appClient(s);
      await slack.chat.postMessage({
        channel: channels.general,
        text: "Weekly standup",
        blocks: RICH_BLOCKS,
      });
      const message = messages(page).filter({ hasText: "Weekly standup" });
      await message.waitFor();
      await steps.shot(page, "rich-message");

      expect(await seen(message.locator(".author"))).toBe("Supervisor");
      expect(await seen(message.locator(".app-badge"))).toBe("APP");
      expect(await seen(message.locator(".bk-header"))).toBe("Weekly standup 🎉");
      const intro = message.locator('[data-block-id="intro"] .bk-text');
      expect(await seen(intro.locator("b").first())).toBe("Bold");
      expect(await seen(intro.locator("i"))).toBe("italic");
      expect(await seen(intro.locator("s"))).toBe("struck");
      expect(await seen(intro.locator("code"))).toBe("code");
      expect(await seen(intro.locator('a[href="https://example.com/report"]'))).toBe("the report");
      expect(await seenAll(intro.locator(".mention"))).toEqual(["@Sara", "@Jonas"]);
      expect(await seen(intro.locator(".mention-me"))).toBe("@Sara");
      expect(await seen(intro.locator(".channel-link"))).toBe("#sales-north");
      expect(await seen(intro)).toContain("🚀");
      expect(await seen(intro.locator("blockquote"))).toBe("A quote from the CEO");
      expect(await seenAll(intro.locator("li"))).toEqual(["first point", "second point"]);
      // The app's text never becomes markup: escaped tags stay text, odd links are not links.
      expect(await seen(intro)).toContain("<b>not bold</b> & not a link img src=x onerror=alert(1)");
      expect(await intro.locator("img:not(.emoji), script, b:has-text('not bold')").count()).toBe(0);
      // The one picture is the sandbox's own: :rocket: drawn as an emoji.
      expect(await intro.locator("img.emoji").getAttribute("src")).toBe("/emoji/1f680.svg");
      expect(await intro.locator("a:not(.channel-link)").count()).toBe(1);

      expect(await seen(message.locator('[data-block-id="intro"] .bk-accessory .bk-button.primary'))).toBe(
        "Approve",
      );
      expect(await seenAll(message.locator(".bk-field"))).toEqual([
        "Attainment\n82 %",
        "Pace\nahead",
        "Deals\n7",
        "Leave\n–",
      ]);
      expect(await message.locator(".bk-divider").count()).toBe(1);
      const controls = message.locator('[data-block-id="controls"]');
      expect(await seenAll(controls.locator(".bk-button"))).toEqual(["Open", "Delete"]);
      expect(await seen(controls.locator(".bk-button.danger"))).toBe("Delete");
      expect(await seen(controls.locator('[data-type="static_select"]'))).toContain("Pick a period");
      expect(await seen(controls.locator('[data-type="users_select"]'))).toContain("Pick a rep");
      expect(await seen(controls.locator('[data-type="conversations_select"]'))).toContain("Pick a channel");
      expect(await controls.locator('[data-type="overflow"]').count()).toBe(1);
      expect(await controls.locator('input[type="date"]').inputValue()).toBe("2026-03-02");
      expect(await seen(message.locator(".bk-context"))).toBe("Sent by Supervisor");
      expect(await message.locator('.bk-image img[alt="Quota chart"]').count()).toBe(1);
      expect(await seen(message.locator(".bk-image figcaption"))).toBe("Quota chart");

      // Menus offer what the element offers; the people and channel pickers list the workspace.
      await controls.locator('[data-type="static_select"]').click();
      expect(await seenAll(page.locator(".popover .option-label"))).toEqual(["This month", "This quarter"]);
      await page.keyboard.press("Escape");
      await controls.locator('[data-type="users_select"]').click();
      expect(await seenAll(page.locator(".popover .option-label"))).toEqual([
        "Supervisor",
        "Alex Morgan",
        "Erik Lindqvist",
        "Sara Nilsson",
        "Jonas Berg",
        "Emma Clarke",
        "Oliver Hughes",
      ]);
      await steps.shot(page, "users-menu");
      await page.keyboard.press("Escape");
      await controls.locator('[data-type="overflow"]').click();
      expect(await seenAll(page.locator(".popover .menu-item"))).toEqual(["Export CSV", "Archive"]);
      await page.keyboard.press("Escape");

      // A button with a confirm dialog asks first; "Keep it" sends nothing to the app.
      await controls.locator(".bk-button.danger").click();
      const dialog = page.getByRole("alertdialog", { name: "Delete the plan?" });
      await dialog.waitFor();
      expect(await seen(dialog)).toContain("This cannot be undone.");
      expect(await seen(dialog.locator("b"))).toBe("cannot");
      expect(await seenAll(dialog.getByRole("button"))).toEqual(["Keep it", "Delete it"]);
      await steps.shot(page, "confirm-dialog");
      await dialog.getByRole("button", { name: "Keep it" }).click();
      await waitForCount(page.getByRole("alertdialog"), 0);
      expect(s.sandbox.engine().world.noticesFor(supervisor)).toEqual([]);
    });

    it("shows message updates, thread replies and ephemeral messages as they happen", async ({ task }) => {
      const steps = new Steps(task.name);
      const slack = appClient(s);
      const posted = await slack.chat.postMessage({ channel: channels.general, text: "Counting: 1" });
      const message = messages(page).filter({ hasText: "Counting: " });
      await message.filter({ hasText: "Counting: 1" }).waitFor();
      await slack.chat.update({ channel: channels.general, ts: posted.ts as string, text: "Counting: 2" });
      await message.filter({ hasText: "Counting: 2" }).waitFor();
      expect(await message.count()).toBe(1);

      await slack.chat.postMessage({
        channel: channels.general,
        thread_ts: posted.ts as string,
        text: "A reply in the thread",
      });
      await message.locator(".thread-summary", { hasText: "1 svar" }).click();
      const thread = page.locator("#thread");
      await thread.locator("[data-testid=message]", { hasText: "A reply in the thread" }).waitFor();
      expect(await messages(page).filter({ hasText: "A reply in the thread" }).count()).toBe(0);
      await thread.locator("#thread-input").fill("Tack!");
      await thread.locator("#thread-input").press("Enter");
      await thread.locator("[data-testid=message]", { hasText: "Tack!" }).waitFor();
      expect(s.sandbox.engine().world.messagesIn(channels.general).at(-1)).toMatchObject({
        user: supervisor,
        text: "Tack!",
        thread_ts: posted.ts,
      });
      await message.locator(".thread-summary", { hasText: "2 svar" }).waitFor();
      await steps.shot(page, "thread");

      await slack.chat.postEphemeral({ channel: channels.general, user: jonas, text: "Psst, Jonas only" });
      await slack.chat.postEphemeral({
        channel: channels.general,
        user: supervisor,
        text: "Psst, Sara only",
      });
      await messages(page).filter({ hasText: "Psst, Sara only" }).waitFor();
      expect(await messages(page).filter({ hasText: "Psst, Jonas only" }).count()).toBe(0);
      await steps.shot(page, "ephemeral");
    });

    it("stacks pushed modals and goes back to the one below when the top one closes", async ({ task }) => {
      const steps = new Steps(task.name);
      const world = s.sandbox.engine().world;
      const field = (blockId: string, label: string) => ({
        type: "input",
        block_id: blockId,
        label: plain(label),
        element: { type: "plain_text_input", action_id: "value" },
      });
      world.openModal(supervisor, {
        type: "modal",
        callback_id: "demo.first",
        title: plain("First"),
        submit: plain("Next"),
        close: plain("Cancel"),
        blocks: [field("note", "Note")],
      });
      const first = page.getByRole("dialog", { name: "First" });
      await first.waitFor();
      await first.locator('[data-block-id="note"] input').fill("typed before the push");
      world.pushModal(supervisor, {
        type: "modal",
        title: plain("Second"),
        close: plain("Back"),
        blocks: [{ type: "section", text: mrkdwn("On top") }],
      });
      const second = page.getByRole("dialog", { name: "Second" });
      await second.waitFor();
      expect(await page.getByRole("dialog").count()).toBe(1);
      await steps.shot(page, "pushed");
      await second.getByTestId("modal-close").click();
      await first.waitFor();
      await steps.shot(page, "back-to-first");
      // A required field left empty is refused by Slack's client before anything is sent.
      await first.locator('[data-block-id="note"] input').fill("");
      await first.getByTestId("modal-submit").click();
      await first
        .locator('[data-block-id="note"] .bk-error', { hasText: "Please complete this required field." })
        .waitFor();
      await steps.shot(page, "required-field");
      await first.getByTestId("modal-close").click();
      await waitForCount(page.getByRole("dialog"), 0);
      expect(world.openViewsOf(supervisor)).toEqual([]);
    });

    it("has the app's Home and About tabs, and its DM where messages are read-only", async ({ task }) => {
      const steps = new Steps(task.name);
      await page.getByTestId("app-home").click();
      // The Home the app publishes for Sara when she opens the tab.
      await page.getByTestId("home").locator(".bk-header", { hasText: "Sales North: mitt team" }).waitFor();
      await page.getByTestId("tab-about").click();
      expect(await seen(page.locator(".about"))).toContain("/team [help | list | roles");
      await page.getByTestId("tab-messages").click();
      await messages(page).filter({ hasText: "gjorde dig till handledare" }).waitFor();
      await send(page, "hello app");
      expect(await seen(page.locator(".composer-note"))).toContain("Det går inte att skicka meddelanden");
      expect(await page.locator("#composer-input").inputValue()).toBe("hello app");
      await steps.shot(page, "app-messages");
      await page.locator("#composer-input").fill("");
      await openAs(browser, s.sandbox, admin, channels.general).then((p) => p.close());
    });
  },
);
