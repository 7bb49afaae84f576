import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teams } from "../../src/features/team/schema.js";
import { queryRows } from "../../src/platform/db/index.js";
import { UnknownWorkspaceError } from "../../src/platform/slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { makeTeam } from "../support/teams.js";

/**
 * Every Slack call is made with the client of the workspace the work is for (`slackFor(workspaceId)`):
 * the request's, or the job's. One workspace is installed; anything for another is refused politely and
 * touches nothing.
 */
let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness();
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

describe("one Slack client per workspace", () => {
  it("gives the installed workspace its client and refuses any other", async () => {
    const home = h.fake.world.workspace.teamId;
    const info = await h.server.deps.slackFor(home).channelInfo(p.channels.north);
    expect(info?.id).toBe(p.channels.north);
    expect(() => h.server.deps.slackFor("T0ELSEWHERE")).toThrow(UnknownWorkspaceError);
    expect(() => h.server.deps.usersFor("T0ELSEWHERE")).toThrow(
      "not installed in Slack workspace T0ELSEWHERE",
    );
  });

  it("answers a command from a workspace it is not installed in, and does nothing else", async () => {
    const body = new URLSearchParams({
      token: h.fake.world.workspace.verificationToken,
      team_id: "T0ELSEWHERE",
      team_domain: "elsewhere",
      channel_id: p.channels.north,
      channel_name: "north",
      user_id: p.ada,
      user_name: "ada",
      command: "/team",
      text: `create Sales Elsewhere <@${p.sara}>`,
      api_app_id: h.fake.world.workspace.appId,
      is_enterprise_install: "false",
      response_url: `${h.fake.url}/hooks/commands/none`,
      trigger_id: "1.2.elsewhere",
    }).toString();
    h.fake.resetCalls();
    const answer = await h.slack.post(
      h.server.eventsUrl as string,
      body,
      "application/x-www-form-urlencoded",
    );
    await h.settle();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      response_type: "ephemeral",
      // In English and in Swedish: nothing says which one the person reads.
      text:
        "Supervisor is not installed in this Slack workspace, so it cannot do this here. Ask a workspace admin to install it.\n" +
        "Supervisor är inte installerad i den här Slack-arbetsytan, så det går inte att göra här. Be en administratör installera den.",
    });
    expect(await h.database.db.select().from(teams)).toEqual([]);
    expect(h.fake.calls.map((call) => call.method)).toEqual([]);
  });

  it("drops a job for a workspace it is no longer in without retrying it or calling Slack", async () => {
    // A team of a workspace the app has since left, with a DM still owed to one of its people.
    const team = await makeTeam(h, { name: "Sales Gone", channel: p.channels.south, supervisors: [p.olle] });
    await h.database.db.update(teams).set({ workspaceId: "T0ELSEWHERE" }).where(eq(teams.id, team.id));
    h.fake.resetCalls();
    await h.server.deps.jobs.send("team.member.notice", {
      workspaceId: "T0ELSEWHERE",
      teamId: team.id,
      userId: p.alice,
      change: "added",
      by: p.sara,
    });
    await h.settle();
    expect(h.fake.calls).toEqual([]);
    const runs = await queryRows<{ state: string; retry_count: number }>(
      h.database.db,
      sql`select state, retry_count from pgboss.job
          where data->>'name' = 'team.member.notice' and data->'payload'->>'workspaceId' = 'T0ELSEWHERE'`,
    );
    expect(runs).toEqual([{ state: "completed", retry_count: 0 }]);
  });
});
