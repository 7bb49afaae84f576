import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkins, quotaTargets } from "../../src/features/quota/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { ShownReply } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { addProduct } from "../support/quota.js";
import { buttonsIn, buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];
let northId: number;

beforeAll(async () => {
  // Monday 16 March 2026, 13:00 in Stockholm: 10 of March's 22 working days are behind us, half of today.
  h = await startHarness({ now: "2026-03-16T12:00:00Z" });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/**
 * Where each group of tests starts: Sales North (Sara; Alice and Bo; the products Widget Pro and Gadget)
 * and Sales South (Olle; Cecilia), taking their defaults from Sara's and Olle's profiles; no sales, no
 * targets.
 */
async function startOver(): Promise<void> {
  await h.reset();
  const north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
  await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    reps: [p.cecilia],
  });
  northId = north.id;
  await addProduct(h.database.db, h.fake.world.workspace.teamId, northId, "Widget Pro", "widget-pro");
  await addProduct(h.database.db, h.fake.world.workspace.teamId, northId, "Gadget", "gadget");
}

/** Bo's sale of 12 500 kr, posted in the channel, against his target of 120 000 kr. */
async function boAtTenPercent(): Promise<void> {
  await quota(p.bo, p.channels.north, "12 500 kr Acme förnyelse");
  await quota(p.sara, p.channels.north, `target <@${p.bo}|bo> 120000`);
}

function messageOf(reply: ShownReply | undefined) {
  if (!reply) return undefined;
  if (reply.kind === "ephemeral") return reply.ephemeral;
  if (reply.kind === "message") return reply.message;
  return undefined;
}

async function quota(userId: string, channelId: string, text = "") {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/quota", text });
  expect(result.error, `Slack showed an error for /quota ${text}`).toBeUndefined();
  await h.settle();
  return { ...result, shown: spaces(visibleText(messageOf(result.reply))), message: messageOf(result.reply) };
}

/** A rep's check-ins in the order they were made (a table's own order changes as rows are updated). */
async function rowsOf(repId: string) {
  return (await h.database.db.select().from(checkins).orderBy(checkins.id)).filter((c) => c.repId === repId);
}

const channelTexts = (channelId: string) =>
  h.fake.world.messagesIn(channelId).map((m) => spaces(visibleText(m)));

/** Intl puts no-break spaces in money and percentages ("12 500 kr"); people read them as spaces. */
const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("checking in a sale", () => {
  beforeAll(() => startOver());

  it("records it, answers the rep privately with progress, and tells the team channel", async () => {
    const { shown, reply } = await quota(p.bo, p.channels.north, "12 500 kr Acme förnyelse");
    expect(reply?.kind).toBe("ephemeral");
    expect(shown).toContain("Registrerade *12 500 kr*: Acme förnyelse");
    expect(shown).toContain("Så går det för dig · mars 2026");
    expect(shown).toContain("*12 500 kr* hittills, och inget mål än");
    const [row] = await rowsOf(p.bo);
    expect(row).toMatchObject({
      teamId: northId,
      amountMinor: 1_250_000,
      currency: "SEK",
      note: "Acme förnyelse",
      soldOn: "2026-03-16",
      status: "active",
      productId: null,
    });
    const posts = channelTexts(p.channels.north);
    expect(posts.at(-1)).toContain(`:moneybag: <@${p.bo}> checkade in *12 500 kr*: Acme förnyelse`);
    expect(posts.at(-1)).toContain("mars 2026: 12 500 kr");
    expect(row?.postTs).toBe(h.fake.world.messagesIn(p.channels.north).at(-1)?.ts);
  });

  it("understands the ways people write amounts, in the team's way of writing money", async () => {
    const cases: [string, number][] = [
      ["12500", 1_250_000],
      ["12 500", 1_250_000],
      ["12,500", 1_250_000],
      ["12,5k", 1_250_000],
      ["0.2m", 20_000_000],
      ["12 500 kr", 1_250_000],
      ["99,50", 9_950],
    ];
    for (const [text, minor] of cases) {
      await quota(p.alice, p.channels.north, `${text} deal`);
      expect((await rowsOf(p.alice)).at(-1)?.amountMinor, text).toBe(minor);
    }
  });

  it("links a sale to a product by #tag, also when Slack turned the tag into a channel link", async () => {
    const { shown } = await quota(p.alice, p.channels.north, "5000 Big deal #widget-pro");
    expect(shown).toContain("Recorded *SEK 5,000*: Big deal · Widget Pro");
    await quota(p.alice, p.channels.north, `7000 <#${p.channels.north}|gadget>`);
    const rows = await rowsOf(p.alice);
    expect(rows.at(-2)?.note).toBe("Big deal");
    expect(rows.at(-2)?.productId).not.toBeNull();
    expect(rows.at(-1)?.productId).not.toBeNull();
    expect(rows.at(-1)?.productId).not.toBe(rows.at(-2)?.productId);
  });

  it("answers bad amounts privately with examples, stores nothing, posts nothing", async () => {
    const before = (await h.database.db.select().from(checkins)).length;
    const posts = h.fake.world.messagesIn(p.channels.north).length;
    const answers = {
      lots: `I couldn't read "lots" as an amount. Write it like \`/quota 12500\`, \`/quota 12 500\`, \`/quota 12,5k\`, or \`/quota 12 500 kr\`, then a note and an optional #product.`,
      "0": "A sale needs an amount above zero, for example",
      "-500 refund": "Amounts can't be negative. To take back your last check-in, use `/quota undo`.",
      "$1,200": "Your team counts in SEK. Write a sale in SEK, for example",
      "99999999": "SEK 99,999,999 is more than one sale can be here (at most SEK 10,000,000).",
      "12,5555 kr": `"12,5555 kr" is finer than SEK goes.`,
      "500 #nonsense": "Your team has no product `#nonsense`. Its products: `#gadget` and `#widget-pro`.",
      "500 #gadget #widget-pro": "One product per check-in, please",
      "5000 Acme and 3000 Globex":
        "I see two amounts, SEK 5,000 and SEK 3,000. Which did you sell for? Check in one sale at a time, amount first: `/quota 5000 Acme`.",
    };
    for (const [text, expected] of Object.entries(answers)) {
      const { shown, reply } = await quota(p.alice, p.channels.north, text);
      expect(reply?.kind, text).toBe("ephemeral");
      expect(shown, text).toContain(expected);
    }
    expect((await h.database.db.select().from(checkins)).length).toBe(before);
    expect(h.fake.world.messagesIn(p.channels.north).length).toBe(posts);
  });

  it("reads a check-in written with a verb before the amount, in English and Swedish", async () => {
    await quota(p.cecilia, p.channels.south, "sold 5000 to Acme");
    expect((await rowsOf(p.cecilia)).at(-1)).toMatchObject({ amountMinor: 500_000, note: "Acme" });
    await quota(p.cecilia, p.channels.south, "sålde för 4000 kr till Globex");
    expect((await rowsOf(p.cecilia)).at(-1)).toMatchObject({ amountMinor: 400_000, note: "Globex" });
  });

  it("answers in Swedish for a Swedish rep", async () => {
    const { shown } = await quota(p.bo, p.channels.north, "noll");
    expect(shown).toContain(`Jag kunde inte läsa "noll" som ett belopp. Skriv det som \`/quota 12500\``);
  });

  it("tells someone in no team how to get into one, privately", async () => {
    const { shown, reply } = await quota(p.erik, p.channels.general, "5000");
    expect(reply?.kind).toBe("ephemeral");
    expect(shown).toContain("Du är inte med i något säljteam än");
    expect(await rowsOf(p.erik)).toEqual([]);
  });

  it("points a supervisor to the leaderboard instead of recording", async () => {
    const { shown } = await quota(p.olle, p.channels.south, "5000");
    expect(shown).toBe(
      "Check-ins are for reps, and you lead Sales South. See the team with `/quota team`; set targets with `/quota target @rep 150000`.",
    );
  });

  it("records a check-in from another channel for the rep's team, and says which", async () => {
    const general = h.fake.world.messagesIn(p.channels.general).length;
    const { shown } = await quota(p.cecilia, p.channels.general, "3000");
    expect(shown).toContain(`Den räknas för Sales South; teamet ser den i <#${p.channels.south}>.`);
    expect(h.fake.world.messagesIn(p.channels.general).length).toBe(general);
    // Sales South took its defaults from Olle's profile: Slack in English (en-US) in Stockholm, so it posts
    // in English and counts in kronor.
    expect(channelTexts(p.channels.south).at(-1)).toContain(
      `:moneybag: <@${p.cecilia}> checked in *SEK 3,000*`,
    );
  });

  it("never records the same Slack request twice", async () => {
    const before = (await rowsOf(p.cecilia)).length;
    const request = {
      userId: p.cecilia,
      channelId: p.channels.south,
      command: "/quota",
      text: "4444",
      triggerId: "777.888.same",
    };
    const first = await h.slack.slashCommand(request);
    const second = await h.slack.slashCommand(request);
    await h.settle();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(visibleText(messageOf(second.reply))).toContain("Den här förfrågan kom fram två gånger");
    expect((await rowsOf(p.cecilia)).length).toBe(before + 1);
  });

  it("records two identical check-ins as two sales, and offers to take the second back", async () => {
    const first = await quota(p.cecilia, p.channels.south, "2500 Kund A");
    expect(buttonsOf(first.message)).toEqual([]);
    const second = await quota(p.cecilia, p.channels.south, "2500 Kund B");
    expect(second.shown).toContain("Du checkade in samma belopp alldeles nyss.");
    const secondRow = (await rowsOf(p.cecilia)).at(-1);
    expect(buttonsIn(second.message)).toEqual([
      {
        text: "Ta tillbaka",
        actionId: "quota.undo",
        blockId: expect.any(String),
        value: String(secondRow?.id),
      },
    ]);
    // A double click: both clicks leave before the answer to the first comes back.
    const click = () =>
      h.slack.clickButton({ userId: p.cecilia, actionId: "quota.undo", messageTs: second.message?.ts });
    const clicks = await Promise.all([click(), click()]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    await h.settle();
    const rows = await rowsOf(p.cecilia);
    expect(rows.filter((r) => r.amountMinor === 250_000).map((r) => r.status)).toEqual(["active", "undone"]);
    // The answer with the button is replaced by what was done: nothing stale stays clickable.
    const shownNow = h.fake.world.ephemeralsFor(p.cecilia).find((e) => e.ts === second.message?.ts);
    expect(spaces(visibleText(shownNow))).toContain(
      "Tog tillbaka din incheckning på *2 500 kr* från 16 mars.",
    );
    expect(buttonsIn(shownNow)).toEqual([]);
    // The second click is told, privately, that it was already done.
    expect(h.fake.world.ephemeralsFor(p.cecilia).map((e) => e.text)).toContain(
      "Den incheckningen är redan tillbakatagen.",
    );
  });
});

describe("targets and progress", () => {
  beforeAll(() => startOver());

  it("refuses a rep who tries to set a target, and stores nothing", async () => {
    const before = await h.database.db.select().from(quotaTargets);
    const { shown } = await quota(p.alice, p.channels.north, `target <@${p.bo}|bo> 100`);
    expect(shown).toBe(`Only the supervisors of Sales North (<@${p.sara}>) and admins can set targets.`);
    expect(await h.database.db.select().from(quotaTargets)).toEqual(before);
  });

  it("lets the supervisor set a target, tells the rep, and audits it", async () => {
    const { shown } = await quota(p.sara, p.channels.north, `target <@${p.bo}|bo> 150 000`);
    expect(shown).toBe(`Målet för <@${p.bo}> från och med mars 2026 är nu *150 000 kr*.`);
    const [target] = await h.database.db.select().from(quotaTargets).where(eq(quotaTargets.repId, p.bo));
    expect(target).toMatchObject({
      repId: p.bo,
      periodKey: "2026-03",
      amountMinor: 15_000_000,
      currency: "SEK",
    });
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "quota.target.set",
    });
    expect(audit.at(-1)).toMatchObject({ actorId: p.sara, after: { repId: p.bo, amountMinor: 15_000_000 } });
    const dm = h.fake.world.dmChannelOf(p.bo);
    expect(spaces(dm && h.fake.world.messagesIn(dm).at(-1)?.text)).toContain(
      "satte ditt mål från och med mars 2026: *150 000 kr*",
    );
    const changed = await quota(p.sara, p.channels.north, `target <@${p.bo}|bo> 120000`);
    expect(changed.shown).toContain("är nu *120 000 kr* (var 150 000 kr)");
  });
});

describe("progress and pace", () => {
  beforeAll(async () => {
    await startOver();
    await boAtTenPercent();
  });

  it("shows the rep their progress and pace against the target", async () => {
    const { shown } = await quota(p.bo, p.channels.north);
    // March 2026 has 22 working days in Sweden; at 13:00 on Monday 16 March 10.5 are behind (2-13 March,
    // and half of today). 12 500 of 120 000 is 10 %, with 48 % of the month gone: behind. Days left as
    // people count them: 16-20, 23-27, 30 and 31 March, 12 with today. 107 500 kr over 12 days is
    // 8 958.33 kr a day; 12 500 kr in 10.5 days makes 26 190 kr in 22.
    expect(shown).toContain("*12 500 kr* av 120 000 kr (10 %) · :warning: efter");
    expect(shown).toContain("Behöver 8 959 kr per arbetsdag (12 arbetsdagar kvar, i dag inräknad)");
    expect(shown).toContain("I den här takten: 26 190 kr till 31 mar");
  });
});

describe("progress on the first mornings of a month", () => {
  beforeAll(async () => {
    await startOver();
    await quota(p.sara, p.channels.north, `target <@${p.bo}|bo> 130000`);
  });

  it("says it is too early to project instead of a number nobody can believe, and counts whole days left", async () => {
    // 09:30 on Tuesday 1 December 2026 in Stockholm: half an hour of December's 20 working days (24, 25
    // and 31 December are off) is gone. 18 500 kr of 130 000 kr: 111 500 kr over the 20 days left.
    h.clock.set("2026-12-01T08:30:00Z");
    const { shown } = await quota(p.bo, p.channels.north, "18 500 kr Acme");
    expect(shown).toContain("*18 500 kr* av 130 000 kr (14 %)");
    expect(shown).toContain("Behöver 5 575 kr per arbetsdag (20 arbetsdagar kvar, i dag inräknad)");
    expect(shown).toContain("För tidigt i perioden för att säga var den slutar.");
    expect(shown).not.toContain("I den här takten");
    // At 17:00 on Thursday 3 December three whole days are behind (15 % of the month): now it says.
    // 18 500 kr in 3 days is 6 166.67 kr a day: 123 333 kr over 20. Days left: 4-30 December less the
    // 24th, 25th and the weekends, 17; the day's work is over, so today is not among them.
    h.clock.set("2026-12-03T16:00:00Z");
    const later = await quota(p.bo, p.channels.north);
    expect(later.shown).toContain("Behöver 6 559 kr per arbetsdag (17 arbetsdagar kvar)");
    expect(later.shown).toContain("I den här takten: 123 333 kr till 31 dec");
    expect(later.shown).not.toContain("31 dec.");
    expect(later.shown).not.toContain("För tidigt");
  });
});

describe("the leaderboard", () => {
  beforeAll(async () => {
    await startOver();
    await boAtTenPercent();
    await quota(p.alice, p.channels.north, "20000 Acme");
    await quota(p.alice, p.channels.north, "5000 Big deal #widget-pro");
  });

  it("posts the team's standings in the team channel, best first", async () => {
    const result = await quota(p.bo, p.channels.north, "team");
    expect(result.reply?.kind).toBe("message");
    const text = result.shown;
    expect(text).toContain("Sales North · mars 2026");
    const alice = text.indexOf(`<@${p.alice}>`);
    const bo = text.indexOf(`<@${p.bo}>`);
    expect(alice).toBeGreaterThan(-1);
    expect(bo).toBeGreaterThan(alice);
    expect(text).toContain(`2. <@${p.bo}>  *12 500 kr* · 10 % · :warning: efter`);
  });

  it("filters by product", async () => {
    const { shown } = await quota(p.alice, p.channels.north, "team #widget-pro");
    // Posted in the team channel, so in the team's language (Swedish), though Alice asked in English.
    expect(shown).toContain("Sales North · mars 2026 · Widget Pro");
    expect(shown).toContain(`1. <@${p.alice}>  *5 000 kr* · 1 affär`);
    expect(shown).not.toContain(`<@${p.bo}>  *`);
  });

  it("is for the team's people, executives and admins only", async () => {
    const { shown } = await quota(p.cecilia, p.channels.north, "team");
    expect(shown).toBe("Bara de som är med i Sales North, chefer och administratörer kan se det.");
  });

  it("is shown privately when the team wants it so", async () => {
    const set = await quota(p.sara, p.channels.north, "set leaderboard private");
    try {
      expect(set.shown).toBe("Sales North: `/quota team` visar topplistan bara för den som frågar.");
      const result = await quota(p.alice, p.channels.north, "team");
      expect(result.reply?.kind).toBe("ephemeral");
    } finally {
      await quota(p.sara, p.channels.north, "set leaderboard channel");
    }
  });
});

describe("taking back and correcting", () => {
  beforeAll(async () => {
    await startOver();
    await boAtTenPercent();
  });

  it("lets a rep take back their last check-in; the channel message is struck through", async () => {
    const before = (await rowsOf(p.bo)).filter((r) => r.status === "active");
    const { shown } = await quota(p.bo, p.channels.north, "undo");
    expect(shown).toContain("Tog tillbaka din incheckning på *12 500 kr* från 16 mars.");
    expect(shown).toContain("*0 kr* av 120 000 kr");
    const last = before.at(-1);
    const post = h.fake.world.messagesIn(p.channels.north).find((m) => m.ts === last?.postTs);
    expect(visibleText(post)).toContain("_(tillbakatagen)_");
    const again = await quota(p.bo, p.channels.north, "undo");
    expect(again.shown).toBe("Du har ingen incheckning att ta tillbaka den här månaden.");
  });

  it("lets the supervisor remove and correct entries, audited, with the rep told", async () => {
    await quota(p.alice, p.channels.north, "1500 first deal");
    await quota(p.alice, p.channels.north, "1000 typo");
    const list = await quota(p.sara, p.channels.north, `entries <@${p.alice}|alice>`);
    expect(list.shown).toContain("Incheckningar · mars 2026");
    const [latest] = (await rowsOf(p.alice)).filter((r) => r.status === "active").slice(-1);
    expect(buttonsOf(list.message)).toContain("quota.entry.remove");
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.remove",
      blockId: `entry.${latest?.id}`,
      messageTs: list.message?.ts,
    });
    await h.settle();
    expect((await rowsOf(p.alice)).find((r) => r.id === latest?.id)?.status).toBe("removed");
    const dm = h.fake.world.dmChannelOf(p.alice);
    expect(spaces(dm && h.fake.world.messagesIn(dm).at(-1)?.text)).toBe(
      `<@${p.sara}> removed your check-in of SEK 1,000 from Mar 16.`,
    );
    const [target] = (await rowsOf(p.alice)).filter((r) => r.status === "active").slice(-1);
    const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === p.sara, 5000);
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "quota.entry.correct",
      blockId: `entry.${target?.id}`,
      messageTs: list.message?.ts,
    });
    await opened;
    const bad = await h.slack.submitView({ userId: p.sara, values: { amount: { value: "mycket" } } });
    expect(bad.errors?.amount).toContain(`Jag kunde inte läsa "mycket" som ett belopp.`);
    const good = await h.slack.submitView({
      userId: p.sara,
      values: { amount: { value: "700" }, note: { value: "rättad" } },
    });
    expect(good.responseAction).toBe("update");
    const fixed = (await rowsOf(p.alice)).find((r) => r.id === target?.id);
    expect(fixed).toMatchObject({ amountMinor: 70_000, note: "rättad", status: "active" });
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      subject: { type: "checkin", id: target?.id ?? 0 },
    });
    expect(audit.map((a) => a.action)).toEqual(["quota.checkin.correct"]);
  });

  it("refuses a rep who tries to remove someone's entry", async () => {
    await quota(p.alice, p.channels.north, "2000 own deal");
    const list = await quota(p.alice, p.channels.north, "entries");
    expect(list.shown).toContain("SEK 2,000");
    expect(buttonsOf(list.message)).toEqual([]);
    const other = await quota(p.alice, p.channels.north, `entries <@${p.bo}|bo>`);
    expect(other.shown).toBe(
      "You can see only your own check-ins: `/quota entries` shows them. Supervisors see everyone's.",
    );
  });
});

describe("private check-ins", () => {
  beforeAll(() => startOver());

  it("keeps check-ins out of the channel when the team says so", async () => {
    await quota(p.sara, p.channels.north, "set private on");
    try {
      const posts = h.fake.world.messagesIn(p.channels.north).length;
      const { shown } = await quota(p.alice, p.channels.north, "800");
      expect(shown).toContain("Sales North keeps check-ins private");
      expect(h.fake.world.messagesIn(p.channels.north).length).toBe(posts);
    } finally {
      await quota(p.sara, p.channels.north, "set private off");
    }
  });
});
