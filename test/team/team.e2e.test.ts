import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import { roleGrants } from "../../src/platform/access/index.js";
import { auditLog, listAudit } from "../../src/platform/audit/index.js";
import { type ShownReply, signSlackRequest } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness({ adminUserIds: (people) => [people.root] });
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/**
 * Each group of tests starts over: no teams, no roles, no messages. Then, as a group asks, Sales North
 * (Sara, with the defaults of her profile) in #sales-north and Sales South (Olle) in #sales-south.
 */
async function startOver(made: { north?: string[]; south?: string[] } = {}): Promise<void> {
  await h.reset();
  if (made.north) {
    await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: made.north,
    });
  }
  if (made.south) {
    await makeTeam(h, {
      name: "Sales South",
      channel: p.channels.south,
      supervisors: [p.olle],
      reps: made.south,
    });
  }
}

/** Runs `/team <text>` as a person in a channel and returns what they were shown privately. */
async function team(userId: string, channelId: string, text = "") {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/team", text });
  expect(result.error, `Slack showed an error for /team ${text}`).toBeUndefined();
  expect(result.status).toBe(200);
  return { ...result, shown: shownText(result.reply), message: messageOf(result.reply) };
}

function messageOf(reply: ShownReply | undefined) {
  if (!reply) return undefined;
  if (reply.kind === "ephemeral") return reply.ephemeral;
  if (reply.kind === "message") return reply.message;
  return undefined;
}

function shownText(reply: ShownReply | undefined): string {
  if (reply && reply.kind !== "ephemeral") throw new Error(`expected a private answer, got ${reply.kind}`);
  return visibleText(messageOf(reply));
}

async function countRows() {
  const db = h.database.db;
  return {
    teams: (await db.select().from(teams)).length,
    members: (await db.select().from(teamMembers)).length,
    grants: (await db.select().from(roleGrants)).length,
    audit: (await db.select().from(auditLog)).length,
  };
}

/** DMs the app sent a person (its messages in their IM channel). */
function dmsTo(userId: string): string[] {
  const dm = h.fake.world.dmChannelOf(userId);
  return dm ? h.fake.world.messagesIn(dm).map((m) => m.text) : [];
}

describe("/team before any team exists", () => {
  beforeAll(() => startOver());

  it("tells a rep there is no team yet, privately, with no buttons", async () => {
    const { shown, message, reply } = await team(p.alice, p.channels.north);
    expect(reply?.kind).toBe("ephemeral");
    expect(shown).toContain("This channel has no team, and you aren't in a team yet");
    expect(buttonsOf(message)).toEqual([]);
  });

  it("offers an admin a Create button", async () => {
    const { shown, message } = await team(p.ada, p.channels.north);
    expect(shown).toContain("This channel has no team yet. Create one here");
    expect(buttonsOf(message)).toEqual(["team.create"]);
  });

  it("answers a Swedish user in Swedish", async () => {
    const { shown } = await team(p.bo, p.channels.north);
    expect(shown).toContain("Den här kanalen har inget team");
  });
});

describe("who may create teams and grant roles", () => {
  beforeAll(() => startOver());

  it("refuses a rep who tries to create a team, says who may, stores nothing", async () => {
    const before = await countRows();
    const { shown, reply } = await team(p.alice, p.channels.north, `create Alice's Team @alice`);
    expect(reply?.kind).toBe("ephemeral");
    expect(shown).toBe(
      `Only admins can do that: Slack workspace owners and admins, and Supervisor admins such as <@${p.root}>.`,
    );
    expect(await countRows()).toEqual(before);
    expect(h.fake.world.messagesIn(p.channels.north)).toEqual([]);
  });

  it("refuses a rep who tries to grant a role, and stores nothing", async () => {
    const before = await countRows();
    const { shown } = await team(p.bo, p.channels.general, "grant @bo executive");
    expect(shown).toContain("Bara administratörer kan göra det");
    expect(await countRows()).toEqual(before);
  });

  it("rejects a request with a bad signature or an old timestamp with 401, changing nothing", async () => {
    const before = await countRows();
    const body = new URLSearchParams({
      team_id: h.fake.world.workspace.teamId,
      channel_id: p.channels.north,
      user_id: p.ada,
      command: "/team",
      text: "create Forged Team",
      trigger_id: "1.2.3",
      response_url: "http://127.0.0.1:9/none",
    }).toString();
    const send = async (secret: string, timestamp: number) => {
      const signature = signSlackRequest(secret, timestamp, body);
      return fetch(h.server.eventsUrl as string, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature,
        },
        body,
      });
    };
    const now = Math.floor(Date.now() / 1000);
    expect((await send("not-the-secret", now)).status).toBe(401);
    expect((await send(h.signingSecret, now - 6 * 60)).status).toBe(401);
    expect(await countRows()).toEqual(before);
    // The same request, properly signed, does create the team: the two 401s were about the signature alone.
    expect((await send(h.signingSecret, now)).status).toBe(200);
    expect((await h.database.db.select().from(teams)).map((t) => t.name)).toEqual(["Forged Team"]);
    await h.database.db.delete(teamMembers);
    await h.database.db.delete(teams);
  });
});

describe("creating a team", () => {
  beforeAll(() => startOver());

  it("lets an admin create a team bound to the channel, with defaults from the supervisor's profile", async () => {
    const { shown } = await team(p.ada, p.channels.north, "create Sales North @sara");
    expect(shown).toContain(`Created the team *Sales North* in <#${p.channels.north}>, led by <@${p.sara}>.`);
    const [row] = await h.database.db.select().from(teams).where(eq(teams.channelId, p.channels.north));
    expect(row).toMatchObject({
      workspaceId: h.fake.world.workspace.teamId,
      name: "Sales North",
      channelId: p.channels.north,
      timeZone: "Europe/Stockholm",
      locale: "sv",
      currency: "SEK",
      holidayCountry: "SE",
      workWeek: [1, 2, 3, 4, 5],
      quotaPeriod: "month",
    });
    const members = await h.database.db
      .select()
      .from(teamMembers)
      .where(eq(teamMembers.teamId, row?.id ?? 0));
    expect(members.map((m) => [m.userId, m.role, m.addedBy])).toEqual([[p.sara, "supervisor", p.ada]]);
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "team.team.create",
      subject: { type: "team", id: row?.id ?? 0 },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: p.ada, subjectId: String(row?.id) });
    expect(audit[0]?.after).toMatchObject({ name: "Sales North", supervisorIds: [p.sara] });
    await h.settle();
    expect(dmsTo(p.sara)).toEqual([
      `<@${p.ada}> gjorde dig till handledare för *Sales North*. Teamet jobbar i <#${p.channels.north}>; \`/team help\` visar hur du leder det.`,
    ]);
  });

  it("gives a supervisor in Stockholm with Slack in English (en-US) Swedish holidays and SEK, and says which defaults it chose", async () => {
    // Olle works from Europe/Stockholm with Slack set to en-US, as most Swedes do.
    const { shown } = await team(p.ada, p.channels.south, "create Sales South @olle");
    expect(shown).toContain(`Created the team *Sales South* in <#${p.channels.south}>, led by <@${p.olle}>.`);
    expect(shown).toContain(
      `From <@${p.olle}>'s Slack profile: time zone Europe/Stockholm, public holidays of Sweden (SE), SEK, posts in English, work week Mon–Fri, quota period month. Change any of them with \`/team set\` or \`/team edit\`.`,
    );
    const [row] = await h.database.db.select().from(teams).where(eq(teams.channelId, p.channels.south));
    expect(row).toMatchObject({
      timeZone: "Europe/Stockholm",
      locale: "en",
      currency: "SEK",
      holidayCountry: "SE",
    });
  });
});

describe("creating a team where Sales North is already", () => {
  beforeAll(() => startOver({ north: [] }));

  it("refuses a second team in the same channel, and a second team of the same name", async () => {
    const before = await countRows();
    expect((await team(p.ada, p.channels.north, "create Another @olle")).shown).toBe(
      "This channel already belongs to the team Sales North.",
    );
    expect((await team(p.ada, p.channels.south, "create sales north @olle")).shown).toBe(
      "There is already a team called sales north. Pick another name.",
    );
    expect(await countRows()).toEqual(before);
  });

  it("explains how to create when the name is missing, and refuses archived and invisible channels", async () => {
    const before = await countRows();
    expect((await team(p.ada, p.channels.south, "create @olle")).shown).toContain("Give the team a name");
    expect((await team(p.ada, p.channels.archived, "create Old @olle")).shown).toContain("is archived");
    expect((await team(p.ada, p.channels.secret, "create Secret @olle")).shown).toContain("invite me first");
    expect(await countRows()).toEqual(before);
  });

  it("does not make an app or a deactivated account a supervisor", async () => {
    const before = await countRows();
    expect((await team(p.ada, p.channels.south, "create Sales South @helperbot")).shown).toBe(
      `<@${p.bot}> is an app, not a person, so can't be in a team.`,
    );
    expect((await team(p.ada, p.channels.south, `create Sales South <@${p.gone}|gone>`)).shown).toBe(
      `<@${p.gone}>'s account is deactivated.`,
    );
    expect(await countRows()).toEqual(before);
  });
});

describe("bootstrap admins", () => {
  beforeAll(() => startOver());

  it("lets a bootstrap admin from ADMIN_USER_IDS create a team", async () => {
    const { shown } = await team(p.root, p.channels.south, "create Sales South @olle");
    expect(shown).toContain(`Created the team *Sales South* in <#${p.channels.south}>, led by <@${p.olle}>.`);
  });
});

describe("adding reps", () => {
  beforeAll(() => startOver({ north: [] }));

  it("lets the supervisor add reps in the team channel; each added rep gets a DM", async () => {
    const { shown } = await team(p.sara, p.channels.north, "add @alice @bo");
    expect(shown).toBe(`Lade till <@${p.alice}> och <@${p.bo}> i Sales North som säljare.`);
    await h.settle();
    expect(dmsTo(p.alice)).toEqual([
      `<@${p.sara}> added you to the team *Sales North* as a rep. The team works in <#${p.channels.north}>.`,
    ]);
    expect(dmsTo(p.bo)).toHaveLength(1);
  });
});

describe("managing members", () => {
  beforeAll(() => startOver({ north: [p.alice, p.bo], south: [] }));

  it("adds nobody twice when the same command arrives again", async () => {
    const before = await countRows();
    const { shown } = await team(p.sara, p.channels.north, "add @alice");
    expect(shown).toBe(`<@${p.alice}> fanns redan med.`);
    expect(await countRows()).toEqual(before);
  });

  it("shows the team card with settings, reps and an Edit button to its supervisor", async () => {
    const { shown, message } = await team(p.sara, p.channels.north);
    expect(shown).toContain("Sales North");
    expect(shown).toContain(`*Handledare*\n<@${p.sara}>`);
    expect(shown).toContain("*Tidszon*\nEurope/Stockholm");
    expect(shown).toContain("*Helgdagar*\nSverige (SE)");
    expect(shown).toContain("*Arbetsvecka*\nmån–fre");
    expect(shown).toContain(`*Säljare (2)*\n<@${p.alice}>, <@${p.bo}>`);
    expect(buttonsOf(message)).toEqual(["team.edit"]);
  });

  it("shows a rep their own team from any channel, without an Edit button", async () => {
    const { shown, message } = await team(p.alice, p.channels.general);
    expect(shown).toContain(
      `This channel has no team; here is your team. Its channel is <#${p.channels.north}>.`,
    );
    expect(shown).toContain("*Time zone*\nEurope/Stockholm");
    expect(shown).toContain("*Work week*\nMon–Fri");
    expect(buttonsOf(message)).toEqual([]);
  });

  it("refuses a rep who tries to add people, naming the supervisors", async () => {
    const before = await countRows();
    const { shown } = await team(p.alice, p.channels.north, "add @cecilia");
    expect(shown).toBe(`Only the supervisors of Sales North (<@${p.sara}>) and admins can change this team.`);
    expect(await countRows()).toEqual(before);
  });
});

describe("moving a rep to another team", () => {
  beforeAll(() => startOver({ north: [p.alice, p.bo], south: [] }));

  it("keeps a rep in one team: adding someone from another team asks for an explicit move", async () => {
    await team(p.olle, p.channels.south, "add @cecilia");
    const { shown } = await team(p.sara, p.channels.north, "add @cecilia");
    expect(shown).toBe(
      `<@${p.cecilia}> är säljare i Sales South och lades därför inte till. Flytta hit hen med \`/team move <@${p.cecilia}>\`.`,
    );
    const moved = await team(p.sara, p.channels.north, "move @cecilia");
    expect(moved.shown).toBe(
      "För att flytta en säljare från Sales South till Sales North krävs en administratör, eller någon som är handledare för båda teamen.",
    );
    const byAdmin = await team(p.ada, p.channels.north, "move @cecilia");
    expect(byAdmin.shown).toBe(`Moved <@${p.cecilia}> to Sales North.`);
    const rows = await h.database.db.select().from(teamMembers);
    expect(rows.filter((r) => r.userId === p.cecilia).map((r) => r.teamId)).toHaveLength(1);
    const moves = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "team.member.move",
    });
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ actorId: p.ada, before: { userId: p.cecilia, role: "rep" } });
  });
});

describe("removing people", () => {
  beforeAll(() => startOver({ north: [p.alice, p.bo, p.cecilia] }));

  it("removes people, but never the last supervisor", async () => {
    expect((await team(p.sara, p.channels.north, "remove @cecilia")).shown).toBe(
      `Tog bort <@${p.cecilia}> från Sales North.`,
    );
    expect((await team(p.sara, p.channels.north, "supervisor remove @sara")).shown).toBe(
      "Sales North behöver minst en handledare. Lägg till den nya handledaren först och ta sedan bort den gamla.",
    );
    await h.settle();
    expect(dmsTo(p.cecilia).at(-1)).toBe(`<@${p.sara}> tog bort dig från teamet *Sales North*.`);
  });
});

describe("a supervisor outside the team's channel", () => {
  beforeAll(() => startOver({ north: [p.alice, p.bo] }));

  it("tells a supervisor which team a command needs when the channel has none", async () => {
    expect((await team(p.sara, p.channels.general, "add @cecilia")).shown).toBe(
      `Lade till <@${p.cecilia}> i Sales North som säljare.`,
    );
    expect((await team(p.cecilia, p.channels.general, "add @bo")).shown).toBe(
      "Den här kanalen har inget team, och du leder inget. Kör kommandot i ditt teams kanal.",
    );
  });
});

describe("settings by text", () => {
  beforeAll(() => startOver({ north: [p.alice, p.bo], south: [] }));

  it("changes a setting and audits before and after", async () => {
    const { shown } = await team(p.sara, p.channels.north, "set timezone america/new_york");
    expect(shown).toBe("Sales North: Tidszon är nu America/New_York.");
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "team.settings.update",
    });
    expect(audit.at(-1)).toMatchObject({
      actorId: p.sara,
      before: { timeZone: "Europe/Stockholm" },
      after: { timeZone: "America/New_York" },
    });
  });

  it("answers a bad value with what it expects, changing nothing", async () => {
    const before = await countRows();
    expect((await team(p.sara, p.channels.north, "set timezone Mars/Base")).shown).toContain(
      '"Mars/Base" är ingen tidszon jag känner till',
    );
    expect((await team(p.olle, p.channels.south, "set workweek weekdays")).shown).toBe(
      `I can't read "weekdays" as work days. Write them like mon-fri, sun-thu or mon,tue,thu.`,
    );
    expect((await team(p.olle, p.channels.south, "set colour blue")).shown).toContain(
      `I don't know the setting "colour"`,
    );
    expect(await countRows()).toEqual(before);
  });

  it("reads Swedish values and shows them in the reader's language", async () => {
    expect((await team(p.olle, p.channels.south, "set workweek sön-tor")).shown).toBe(
      "Sales South: Work week is now Mon–Thu, Sun.",
    );
    expect((await team(p.olle, p.channels.south, "set period kvartal")).shown).toBe(
      "Sales South: Quota period is now Quarter.",
    );
  });
});

describe("roles", () => {
  beforeAll(() => startOver());

  it("lets an admin grant and revoke the executive role, audited, with a DM", async () => {
    expect((await team(p.ada, p.channels.general, "grant @erik executive")).shown).toBe(
      `<@${p.erik}> is now an executive.`,
    );
    expect((await team(p.ada, p.channels.general, "grant @erik executive")).shown).toBe(
      `<@${p.erik}> already had the executive role.`,
    );
    const { shown } = await team(p.alice, p.channels.general, "roles");
    expect(shown).toContain(`*Executives:* <@${p.erik}>`);
    expect(shown).toContain(`*Admins:* <@${p.root}>, and every Slack workspace owner and admin`);
    expect((await team(p.ada, p.channels.general, "revoke @erik executive")).shown).toBe(
      `<@${p.erik}> is no longer an executive.`,
    );
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      subject: { type: "user", id: p.erik },
    });
    expect(audit.map((a) => a.action)).toEqual(["access.role.grant", "access.role.revoke"]);
    await h.settle();
    expect(dmsTo(p.erik)).toEqual([
      `<@${p.ada}> gav dig rollen chef i Supervisor.`,
      `<@${p.ada}> tog bort din roll chef i Supervisor.`,
    ]);
  });
});

describe("granted admins", () => {
  beforeAll(() => startOver());

  it("makes a granted admin an admin", async () => {
    await team(p.root, p.channels.general, "grant @olle admin");
    const { shown } = await team(p.olle, p.channels.general, "grant @erik executive");
    expect(shown).toBe(`<@${p.erik}> is now an executive.`);
    const revoked = await team(p.ada, p.channels.general, "revoke @ada admin");
    expect(revoked.shown).toContain(`<@${p.ada}> didn't have the admin role.`);
  });
});

describe("listing and help", () => {
  beforeAll(() => startOver({ north: [p.alice, p.bo, p.cecilia], south: [] }));

  it("lists all teams for anyone", async () => {
    const { shown } = await team(p.alice, p.channels.general, "list");
    expect(shown).toContain(`*Sales North* in <#${p.channels.north}>, led by <@${p.sara}>, 3 reps`);
    expect(shown).toContain(`*Sales South* in <#${p.channels.south}>, led by <@${p.olle}>, 0 reps`);
  });

  it("lists the subcommands, and answers unknown ones with a pointer to help", async () => {
    expect((await team(p.alice, p.channels.general, "help")).shown).toContain("`/team add @rep …`: add reps");
    expect((await team(p.bo, p.channels.general, "help")).shown).toContain("lägg till säljare");
    expect((await team(p.alice, p.channels.general, "dance")).shown).toBe(
      `I don't know "/team dance". \`/team help\` lists what I can do.`,
    );
  });
});
