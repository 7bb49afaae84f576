import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { products } from "../../src/features/products/schema.js";
import { checkins, quotaTargets } from "../../src/features/quota/schema.js";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import { roleGrants } from "../../src/platform/access/index.js";
import { auditLog } from "../../src/platform/audit/index.js";
import { FixedClock, periodOf } from "../../src/platform/time/index.js";
import { DEMO_IDS, SandboxBusyError, seedDemoData, startSandbox } from "../../src/sandbox/index.js";
import { productSeeder, quotaSeeder, teamSeeder } from "../../src/sandbox/seed.js";
import { onPostgres } from "../support/db.js";
import { pageAction, quietLog, startTestSandbox, type TestSandbox, tempDir, workspaceAs } from "./support.js";

const { admin, executive, supervisor, reps, channels } = DEMO_IDS;
const [jonas, emma, oliver] = reps;

let s: TestSandbox;

beforeAll(async () => {
  s = await startTestSandbox();
});
afterAll(async () => {
  await s?.close();
});

async function counts() {
  const db = s.database.db;
  return {
    teams: (await db.select().from(teams)).length,
    members: (await db.select().from(teamMembers)).length,
    grants: (await db.select().from(roleGrants)).length,
    products: (await db.select().from(products)).length,
    targets: (await db.select().from(quotaTargets)).length,
    checkins: (await db.select().from(checkins)).length,
    audit: (await db.select().from(auditLog)).length,
  };
}

/** Intl puts no-break spaces in money and percentages ("12 500 kr"); people read them as spaces. */
const spaces = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");
const sek = (minor: number) => `${spaces(new Intl.NumberFormat("sv-SE").format(minor / 100))} kr`;

function dmTexts(userId: string): string[] {
  const world = s.sandbox.engine().world;
  const dm = world.dmChannelOf(userId);
  return dm ? world.messagesIn(dm).map((m) => m.text) : [];
}

describe("the demo workspace", () => {
  it("seeds Sales North through the team feature, as the admin, with the audit trail and the DMs", async () => {
    const { seeded } = s.sandbox.engine();
    expect(seeded).toEqual(["team", "product", "quota", "leave", "meeting", "policy"]);
    const [team] = await s.database.db.select().from(teams);
    expect(team).toMatchObject({
      workspaceId: "T0SANDBOX",
      name: "Sales North",
      channelId: channels.team,
      timeZone: "Europe/Stockholm",
      locale: "sv",
      currency: "SEK",
    });
    const members = await s.database.db
      .select()
      .from(teamMembers)
      .where(eq(teamMembers.teamId, team?.id ?? 0));
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [[supervisor, "supervisor"], ...reps.map((id) => [id, "rep"])].sort(),
    );
    expect(
      await s.database.db.select({ user: roleGrants.userId, role: roleGrants.role }).from(roleGrants),
    ).toEqual([{ user: executive, role: "executive" }]);
    const audit = (await s.database.db.select().from(auditLog)).filter((a) =>
      ["team.", "access."].some((prefix) => a.action.startsWith(prefix)),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "access.role.grant",
        "team.team.create",
        "team.member.add",
        "team.member.add",
        "team.member.add",
      ].sort(),
    );
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([admin]));
    expect(dmTexts(supervisor)[0]).toBe(
      `<@${admin}> gjorde dig till handledare för *Sales North*. Teamet jobbar i <#${channels.team}>; \`/team help\` visar hur du leder det.`,
    );
    expect(dmTexts(emma)[0]).toBe(
      `<@${admin}> added you to the team *Sales North* as a rep. The team works in <#${channels.team}>.`,
    );
    expect(dmTexts(executive)).toHaveLength(1);
  });

  it("seeds leave: an allowance, Emma's vacation approved by Sara and Jonas's waiting in Sara's DM", async () => {
    const world = s.sandbox.engine().world;
    const dm = world.dmChannelOf(supervisor);
    const requests = (dm ? world.messagesIn(dm) : []).filter((m) =>
      m.text.includes("ber om ditt godkännande"),
    );
    expect(requests).toHaveLength(2);
    const [emmas, jonass] = requests;
    expect(emmas?.text).toContain("Godkänd av");
    expect(JSON.stringify(emmas?.blocks)).not.toContain("approvals.approve");
    expect(jonass?.text).toContain("Väntar på beslut.");
    expect(JSON.stringify(jonass?.blocks)).toContain("approvals.approve");
    expect(dmTexts(emma)).toContainEqual(expect.stringContaining("approved your request: Vacation"));
    const listed = await pageAction(s.sandbox, "command", {
      as: emma,
      channel: channels.team,
      text: "/leave list",
    });
    expect(listed).toEqual({ status: 200, body: { ok: true } });
    const shown = (await workspaceAs(s.sandbox, emma)).ephemerals;
    expect(shown.map((e) => e.text).join("\n")).toContain("My leave");
    // Gone again, as Slack's ephemeral answers go: later tests read Emma's screen from scratch.
    for (const e of world.ephemeralsFor(emma)) world.deleteEphemeral(emma, e.ts);
  });

  it("seeds Sales North's product library through the product feature, as its supervisor", async () => {
    const [team] = await s.database.db.select().from(teams);
    const rows = await s.database.db.select().from(products).orderBy(products.id);
    expect(rows.map((p) => [p.teamId, p.name, p.tag, p.createdBy, p.archivedAt])).toEqual([
      [team?.id, "Ärlig Kaffe", "ärlig-kaffe", supervisor, null],
      [team?.id, "Ergo Chair 2", "ergo-chair-2", supervisor, null],
      [team?.id, "Flex Lease", "flex-lease", supervisor, null],
    ]);
    expect(rows.every((p) => p.keyPoints.split("\n").length === 3)).toBe(true);
    const audit = await s.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "products.product.add"));
    expect(audit.map((a) => [a.actorId, a.subjectId])).toEqual(rows.map((p) => [supervisor, String(p.id)]));
  });

  it("seeds Sales North part-way through its period through the quota feature: Sara's targets, the reps' sales", async () => {
    const [team] = await s.database.db.select().from(teams);
    const db = s.database.db;
    // Seeded when this file started; a test run across midnight at a month's end would see another month.
    const period = periodOf(new Date(), "Europe/Stockholm", "month");
    const targets = await db.select().from(quotaTargets).orderBy(quotaTargets.id);
    expect(targets.map((t) => [t.teamId, t.repId, t.amountMinor, t.currency, t.periodKey, t.setBy])).toEqual([
      [team?.id, jonas, 15_000_000, "SEK", period.key, supervisor],
      [team?.id, emma, 12_000_000, "SEK", period.key, supervisor],
      [team?.id, oliver, 10_000_000, "SEK", period.key, supervisor],
      [team?.id, null, 35_000_000, "SEK", period.key, supervisor],
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "quota.target.set"));
    expect(audit.map((a) => [a.actorId, (a.after as { repId: string | null }).repId])).toEqual(
      targets.map((t) => [supervisor, t.repId]),
    );
    // Each rep is told of their target by DM, in their own language.
    expect(spaces(dmTexts(emma).find((text) => text.includes("set your target")))).toMatch(
      new RegExp(`^<@${supervisor}> set your target from \\w+ \\d{4} on: \\*SEK 120,000\\*\\.`),
    );
    expect(dmTexts(jonas).some((text) => spaces(text).includes("satte ditt mål från och med"))).toBe(true);
    // Made a supervisor, and the two leave requests of the demo.
    expect(dmTexts(supervisor)).toHaveLength(3);

    const rows = await db.select().from(checkins).orderBy(checkins.id);
    expect(rows.map((c) => c.requestId)).toEqual(rows.map((_, i) => `seed:${i + 1}`));
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((c) => c.repId))).toEqual(new Set(reps));
    expect(rows.every((c) => c.teamId === team?.id && c.status === "active" && c.currency === "SEK")).toBe(
      true,
    );
    // Over the period's past days (today only when it has just begun), oldest first.
    expect(rows.every((c) => c.soldOn >= period.start && c.soldOn <= period.end)).toBe(true);
    expect(rows.every((c) => c.recordedAt.getTime() <= Date.now())).toBe(true);
    const times = rows.map((c) => c.recordedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.filter((c) => c.productId !== null)).toHaveLength(7);
    expect(rows.every((c) => c.amountMinor > 0 && c.amountMinor % 50_000 === 0)).toBe(true);
    // Jonas is ahead of Emma, who is ahead of Oliver, against their targets.
    const attainment = (repId: string, target: number) =>
      rows.filter((c) => c.repId === repId).reduce((sum, c) => sum + c.amountMinor, 0) / target;
    expect(attainment(jonas, 15_000_000)).toBeGreaterThan(attainment(emma, 12_000_000));
    expect(attainment(emma, 12_000_000)).toBeGreaterThan(attainment(oliver, 10_000_000));

    // Each sale was posted in #sales-north, in the order they were made, after the people's chatter.
    const world = s.sandbox.engine().world;
    const posts = world.messagesIn(channels.team).filter((m) => m.bot_id);
    expect(posts.slice(0, rows.length).map((m) => m.ts)).toEqual(rows.map((c) => c.postTs));
    expect(rows.every((c) => c.postChannelId === channels.team)).toBe(true);
    expect(posts.slice(0, rows.length).map((m) => spaces(m.text))).toEqual(
      rows.map((c) => `<@${c.repId}> checkade in ${sek(c.amountMinor)}`),
    );
  });

  it("has Swedish and English people in different time zones, and a workspace admin", () => {
    const world = s.sandbox.engine().world;
    const people = [admin, executive, supervisor, ...reps].map((id) => world.user(id));
    expect(people.every(Boolean)).toBe(true);
    expect(new Set(people.map((p) => p?.locale))).toEqual(new Set(["en-GB", "sv-SE", "en-US"]));
    expect(new Set(people.map((p) => p?.tz))).toEqual(
      new Set(["Europe/London", "Europe/Stockholm", "America/New_York"]),
    );
    expect(world.user(admin)?.isAdmin).toBe(true);
    expect(world.channel(channels.general)?.name).toBe("general");
  });

  it("seeds nothing a second time", async () => {
    const before = await counts();
    const engine = s.sandbox.engine();
    const posts = engine.world.messagesIn(channels.team).length;
    const context = { deps: engine.server.deps, workspaceId: "T0SANDBOX" };
    expect(await seedDemoData(context)).toEqual([]);
    expect(await quotaSeeder.run(context)).toBe(false);
    await engine.server.deps.jobs.idle();
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ targets: 4, checkins: 8 });
    expect(engine.world.messagesIn(channels.team)).toHaveLength(posts);
  });
});

describe("an older sandbox (seeded before quotas)", () => {
  it("gets the quota demo on its next start, also on a period's first morning, without products it removed", async () => {
    // Monday 1 June 2026, 08:30 in Stockholm: no working day of June has passed yet.
    const older = await startTestSandbox({
      seeders: [teamSeeder, productSeeder],
      clock: new FixedClock("2026-06-01T06:30:00Z"),
    });
    try {
      const engine = older.sandbox.engine();
      expect(engine.seeded).toEqual(["team", "product"]);
      const removed = await pageAction(older.sandbox, "command", {
        as: supervisor,
        channel: channels.team,
        text: "/product remove flex-lease",
      });
      expect(removed.body).toEqual({ ok: true });

      const context = { deps: engine.server.deps, workspaceId: "T0SANDBOX" };
      expect(await seedDemoData(context)).toEqual(["quota", "leave", "meeting", "policy"]);
      const db = older.database.db;
      const rows = await db.select().from(checkins).orderBy(checkins.id);
      expect(rows).toHaveLength(8);
      expect(new Set(rows.map((c) => c.soldOn))).toEqual(new Set(["2026-06-01"]));
      expect(rows.every((c) => c.recordedAt.getTime() <= Date.parse("2026-06-01T06:30:00Z"))).toBe(true);
      expect(rows.filter((c) => c.productId !== null)).toHaveLength(4);
      expect(rows.map((c) => c.note)).toContain("Skanska, 40 datorer");
      expect((await db.select().from(quotaTargets)).map((t) => t.periodKey)).toEqual(
        Array(4).fill("2026-06"),
      );
      expect(
        engine.world.messagesIn(channels.team).filter((m) => m.text.includes("checkade in")),
      ).toHaveLength(8);
      expect(await seedDemoData(context)).toEqual([]);
    } finally {
      await older.close();
    }
  });
});

describe("the page's server", () => {
  it("answers only pages of its own (other hosts and origins are refused) and binds 127.0.0.1", async () => {
    expect(s.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = (headers: Record<string, string>, method = "GET", path = "/api/workspace") =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${s.sandbox.url}${path}`, { method, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end(method === "POST" ? "{}" : undefined);
      });
    expect(await status({})).toBe(200);
    expect(await status({ host: "evil.example" })).toBe(403);
    const json = { "content-type": "application/json" };
    expect(await status({ ...json, origin: "http://evil.example" }, "POST", "/api/dismiss")).toBe(403);
    expect(await status({ "content-type": "text/plain" }, "POST", "/api/dismiss")).toBe(415);
  });

  it("shows the default person (the admin) with English words, and a Swedish person with Swedish ones", async () => {
    const asDefault = await workspaceAs(s.sandbox);
    expect(asDefault.me).toBe(admin);
    expect(asDefault.strings["ui.onlyYou"]).toBe("Only visible to you");
    const asSara = await workspaceAs(s.sandbox, supervisor);
    expect(asSara.language).toBe("sv");
    expect(asSara.strings["ui.onlyYou"]).toBe("Bara synligt för dig");
    expect(asSara.channels.map((c) => c.name)).toEqual(
      expect.arrayContaining(["sales-north", "general", "sales-south"]),
    );
  });

  it("runs a slash command as the person and shows its private answer to them alone", async () => {
    const answer = await pageAction(s.sandbox, "command", {
      as: jonas,
      channel: channels.team,
      text: "/team",
    });
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    const jonasSees = await workspaceAs(s.sandbox, jonas);
    expect(jonasSees.ephemerals.map((e) => e.text)).toEqual(["Teamet Sales North"]);
    expect((await workspaceAs(s.sandbox, emma)).ephemerals).toEqual([]);
    // The app got the real thing: a signed slash command whose answer came in the ack.
    const world = s.sandbox.engine().world;
    expect(world.ephemeralsFor(jonas)[0]?.source).toBe("ack");
  });

  it("streams a person's own changes to their page, and not other people's ephemeral messages", async () => {
    const controller = new AbortController();
    const response = await fetch(`${s.sandbox.url}/api/events?as=${emma}`, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil("event: ready");
    await pageAction(s.sandbox, "command", { as: jonas, channel: channels.team, text: "/team help" });
    await pageAction(s.sandbox, "command", { as: emma, channel: channels.team, text: "/team" });
    await readUntil("ephemeral_posted");
    controller.abort();
    const events = text
      .split("\n\n")
      .filter((chunk) => chunk.startsWith("event: world"))
      .map(
        (chunk) =>
          JSON.parse(chunk.slice(chunk.indexOf("data: ") + 6)) as {
            type: string;
            ephemeral?: { user: string };
          },
      );
    expect(events.filter((e) => e.type === "ephemeral_posted").map((e) => e.ephemeral?.user)).toEqual([emma]);
  });

  it("answers an unknown command as Slack does, without bothering the app", async () => {
    const answer = await pageAction(s.sandbox, "command", {
      as: emma,
      channel: channels.general,
      text: "/foo bar",
    });
    expect(answer.body).toEqual({ ok: false, error: "invalid_command" });
    const seen = await workspaceAs(s.sandbox, emma);
    expect(seen.notices.at(-1)?.text).toMatch(/^\/foo is not a valid command\. In Slack, all messages/);
    expect(seen.notices.at(-1)?.channel).toBe(channels.general);
  });

  it("refuses what a person could not do: another person's channel, a button that is not there, bad input", async () => {
    const world = s.sandbox.engine().world;
    const [dmOfJonas] = world.openDm(jonas);
    const other = await pageAction(s.sandbox, "message", { as: emma, channel: dmOfJonas, text: "hi" });
    expect(other.status).toBe(404);
    const missing = await pageAction(s.sandbox, "action", {
      as: emma,
      kind: "button",
      actionId: "team.edit",
      channel: channels.team,
      messageTs: "1.000100",
    });
    expect(missing.status).toBe(409);
    expect((await pageAction(s.sandbox, "command", { as: "nobody" })).status).toBe(400);
  });

  it("posts what a person writes as their message, with @names linked as Slack does", async () => {
    await pageAction(s.sandbox, "message", {
      as: emma,
      channel: channels.general,
      text: "Thanks @sara & team",
    });
    const last = (await workspaceAs(s.sandbox, admin)).messages[channels.general]?.at(-1);
    expect(last).toMatchObject({ user: emma, text: `Thanks <@${supervisor}|sara> &amp; team` });
    const readOnly = await pageAction(s.sandbox, "message", {
      as: emma,
      channel: s.sandbox.engine().world.dmChannelOf(emma),
      text: "hello app",
    });
    expect(readOnly.body.error).toBe("read_only");
  });
});

describe("restarting", { timeout: 90_000 }, () => {
  it("keeps the workspace and the data, and seeds nothing again", async () => {
    const before = await counts();
    const world = s.sandbox.engine().world;
    const messages = world.messagesIn(channels.general);
    const teamPosts = world.messagesIn(channels.team);
    const dm = world.dmChannelOf(supervisor);
    const restarted = await s.restart();
    const after = restarted.engine();
    expect(after.seeded).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(after.world.messagesIn(channels.general)).toEqual(messages);
    expect(after.world.messagesIn(channels.team)).toEqual(teamPosts);
    expect(after.world.dmChannelOf(supervisor)).toBe(dm);
    expect(dmTexts(supervisor)).toHaveLength(3);
    expect(after.world.ephemeralsFor(jonas).map((e) => e.text)).toContain("Teamet Sales North");
  });
});

describe("the data folder", () => {
  it("rebuilds a broken saved workspace with the same ids, keeping the broken file for a look", async () => {
    const before = await counts();
    const restarted = await s.restart(() =>
      writeFileSync(join(s.dataDir, "sandbox", "world.json"), "{ not json"),
    );
    const world = restarted.engine().world;
    expect(restarted.engine().seeded).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(world.user(supervisor)?.realName).toBe("Sara Nilsson");
    expect(world.channel(channels.team)?.name).toBe("sales-north");
    expect(
      readdirSync(join(s.dataDir, "sandbox")).some((name) => name.startsWith("world.json.broken-")),
    ).toBe(true);
    // The app still works on it: the team is found by its channel.
    await pageAction(restarted, "command", { as: supervisor, channel: channels.team, text: "/team" });
    expect(world.ephemeralsFor(supervisor).map((e) => e.text)).toEqual(["Teamet Sales North"]);
  });

  it("is used by one sandbox at a time", async () => {
    await expect(startSandbox(s.options)).rejects.toBeInstanceOf(SandboxBusyError);
    expect(s.sandbox.engine().world.user(admin)).toBeDefined();
  });
});

describe.skipIf(onPostgres)(
  "resetting (embedded database; with DATABASE_URL the sandbox refuses to reset)",
  { timeout: 90_000 },
  () => {
    it("deletes the data folder and starts over with the demo workspace", async () => {
      const dataDir = tempDir("reset");
      const sandbox = await startSandbox({
        config: loadConfig({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "error" }),
        log: quietLog(),
        saveDelayMs: 20,
      });
      try {
        const db = () => sandbox.engine().database.db;
        expect(sandbox.engine().seeded).toEqual(["team", "product", "quota", "leave", "meeting", "policy"]);
        await pageAction(sandbox, "command", {
          as: admin,
          channel: channels.spare,
          text: "/team create Sales South",
        });
        await pageAction(sandbox, "message", {
          as: emma,
          channel: channels.general,
          text: "Before the reset",
        });
        // The sandbox clock moved a day ahead: kept in the data folder, until the reset.
        expect((await pageAction(sandbox, "clock", { as: supervisor, move: "day" })).body.offsetMs).toBe(
          86_400_000,
        );
        expect(existsSync(sandbox.paths.clock)).toBe(true);
        expect((await db().select().from(teams)).map((t) => t.name).sort()).toEqual([
          "Sales North",
          "Sales South",
        ]);
        expect((await workspaceAs(sandbox)).resetBlocker).toBeNull();

        expect((await pageAction(sandbox, "reset", {})).body).toEqual({ ok: true });
        expect(sandbox.engine().seeded).toEqual(["team", "product", "quota", "leave", "meeting", "policy"]);
        expect((await db().select().from(teams)).map((t) => t.name)).toEqual(["Sales North"]);
        // Team and roles, products, targets; leave: the allowance, two requests and a decision; the meeting;
        // the policy: published, and Oliver's acknowledgement.
        expect((await db().select().from(auditLog)).length).toBe(5 + 3 + 4 + 4 + 1 + 2);
        // Back at real time.
        expect(existsSync(sandbox.paths.clock)).toBe(false);
        expect((await workspaceAs(sandbox)).clock.offsetMs).toBe(0);
        expect(Math.abs(Date.parse((await workspaceAs(sandbox)).clock.now) - Date.now())).toBeLessThan(
          60_000,
        );
        expect(await db().select().from(checkins)).toHaveLength(8);
        const texts = sandbox
          .engine()
          .world.messagesIn(channels.general)
          .map((m) => m.text);
        expect(texts).not.toContain("Before the reset");
        expect(texts).toHaveLength(1);
      } finally {
        await sandbox.stop();
        expect(existsSync(`${dataDir}/sandbox/sandbox.pid`)).toBe(false);
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  },
);

describe("resetting a database the sandbox was given", () => {
  it("is refused, and says why", async () => {
    const answer = await pageAction(s.sandbox, "reset", {});
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain("cannot reset");
    expect(await counts()).toMatchObject({ teams: 1 });
  });
});
