import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { SlackView } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness();
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/**
 * Each group of tests starts over with Sales South (Olle; Cecilia as its rep), and, as a group asks,
 * Sales North (Sara; Alice and Bo) in English with `northSettings`.
 */
async function startOver(northSettings?: Record<string, string>): Promise<void> {
  await h.reset();
  await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    reps: [p.cecilia],
  });
  if (northSettings) {
    await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: [p.alice, p.bo],
      settings: northSettings,
    });
  }
}

/** Ada's `/team` in #sales-north, a channel with no team, and a click on its Create button: the form. */
async function openCreateForm(): Promise<SlackView> {
  const shown = await h.slack.slashCommand({ userId: p.ada, channelId: p.channels.north, command: "/team" });
  const reply = shown.reply?.kind === "ephemeral" ? shown.reply.ephemeral : undefined;
  return opensModal(p.ada, () =>
    h.slack.clickButton({ userId: p.ada, actionId: "team.create", messageTs: reply?.ts }),
  );
}

/** Does something that makes the app open a modal for a person (after its ack, as in Slack) and returns it. */
async function opensModal(userId: string, act: () => Promise<unknown>): Promise<SlackView> {
  const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === userId, 5000);
  await act();
  await opened;
  return topView(userId);
}

function topView(userId: string): SlackView {
  const view = h.fake.world.openViewsOf(userId).at(-1);
  if (!view) throw new Error(`no modal open for ${userId}`);
  return view;
}

/** The initial value each input of a modal shows, by block id. */
function initialValues(view: SlackView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const block of view.blocks as { type: string; block_id: string; element: Record<string, unknown> }[]) {
    if (block.type !== "input") continue;
    const e = block.element;
    out[block.block_id] =
      e.initial_value ??
      e.initial_users ??
      e.initial_conversation ??
      e.initial_time ??
      (e.initial_option as { value?: string } | undefined)?.value ??
      (e.initial_options as { value: string }[] | undefined)?.map((o) => o.value) ??
      null;
  }
  return out;
}

describe("creating a team with the modal", () => {
  beforeAll(() => startOver());

  it("opens a create form from the admin's Create button, with the channel and the admin's defaults filled in", async () => {
    const shown = await h.slack.slashCommand({
      userId: p.ada,
      channelId: p.channels.north,
      command: "/team",
    });
    const reply = shown.reply?.kind === "ephemeral" ? shown.reply.ephemeral : undefined;
    expect(buttonsOf(reply)).toEqual(["team.create"]);
    const view = await opensModal(p.ada, () =>
      h.slack.clickButton({ userId: p.ada, actionId: "team.create", messageTs: reply?.ts }),
    );
    expect(visibleText(view)).toContain("New team");
    expect(initialValues(view)).toEqual({
      name: null,
      channel: p.channels.north,
      supervisors: null,
      reps: null,
      timeZone: "Europe/London",
      locale: "en",
      currency: "GBP",
      holidayCountry: "GB",
      workWeek: ["1", "2", "3", "4", "5"],
      quotaPeriod: "month",
      escalationHours: "24",
      policyReminderDays: "3",
      motivationOn: ["on"],
      motivationDays: ["1", "4"],
      motivationTime: "08:30",
      spotlightOn: ["on"],
      spotlightDays: ["3"],
      spotlightTime: "09:00",
      standupOn: ["on"],
      standupDays: ["1"],
      standupTime: "09:00",
      standupCutoff: "14:00",
      standupAskIn: "thread",
    });
  });

  it("shows each problem on its own field, in plain text, and stores nothing", async () => {
    await openCreateForm();
    const before = await h.database.db.select().from(teams);
    const result = await h.slack.submitView({
      userId: p.ada,
      values: {
        name: { value: "Sales North" },
        supervisors: { value: [p.sara] },
        reps: { value: [p.alice, p.sara] },
        timeZone: { value: "Stockholm" },
        currency: { value: "KRN" },
      },
    });
    expect(result.responseAction).toBe("errors");
    expect(result.errors).toEqual({
      timeZone: `"Stockholm" isn't a time zone I know. Use a name like Europe/Stockholm, Europe/London or America/New_York.`,
      currency: `"KRN" isn't a currency code. Use a three-letter ISO code such as SEK, EUR or USD.`,
      reps: "@Sara Svensson can't be both a supervisor and a rep of the same team.",
    });
    expect(await h.database.db.select().from(teams)).toEqual(before);
  });

  it("refuses a rep who is in another team, naming the team on the reps field", async () => {
    await openCreateForm();
    const result = await h.slack.submitView({
      userId: p.ada,
      values: {
        name: { value: "Sales North" },
        supervisors: { value: [p.sara] },
        reps: { value: [p.alice, p.cecilia] },
        timeZone: { value: "Europe/Stockholm" },
        currency: { value: "SEK" },
      },
    });
    expect(result.errors).toEqual({
      reps: "@Cecilia Carlsson is a rep in Sales South. A rep belongs to one team: move them with /team move in this team's channel.",
    });
  });
});

describe("creating a team with the modal, once the form is right", () => {
  beforeAll(() => startOver());

  it("creates the team when the form is right and turns the modal into the result", async () => {
    await openCreateForm();
    const result = await h.slack.submitView({
      userId: p.ada,
      values: {
        name: { value: "Sales North" },
        supervisors: { value: [p.sara] },
        reps: { value: [p.alice, p.bo] },
        timeZone: { value: "europe/stockholm" },
        currency: { value: "sek" },
        holidayCountry: { value: "se" },
        workWeek: { value: ["1", "2", "3", "4"] },
        quotaPeriod: { value: "quarter" },
      },
    });
    expect(result.responseAction).toBe("update");
    const text = visibleText(result.view);
    expect(text).toContain("*Sales North* is ready.");
    expect(text).toContain("*Work week*\nMon–Thu");
    expect(text).toContain(`*Reps (2)*\n<@${p.alice}>, <@${p.bo}>`);
    const [north] = await h.database.db.select().from(teams).where(eqName("Sales North"));
    expect(north).toMatchObject({
      channelId: p.channels.north,
      timeZone: "Europe/Stockholm",
      currency: "SEK",
      holidayCountry: "SE",
      workWeek: [1, 2, 3, 4],
      quotaPeriod: "quarter",
      locale: "en",
    });
  });
});

describe("editing a team with the modal", () => {
  beforeAll(() => startOver({ language: "en" }));

  it("refuses a rep who asks for the form, privately, and opens nothing", async () => {
    const result = await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/team",
      text: "edit",
    });
    expect(result.reply?.kind).toBe("ephemeral");
    expect(visibleText(result.reply?.kind === "ephemeral" ? result.reply.ephemeral : undefined)).toBe(
      `Only the supervisors of Sales North (<@${p.sara}>) and admins can change this team.`,
    );
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
  });

  it("lets the supervisor fix a bad value and see the saved team; changes are audited", async () => {
    const view = await opensModal(p.sara, () =>
      h.slack.slashCommand({ userId: p.sara, channelId: p.channels.north, command: "/team", text: "edit" }),
    );
    expect(visibleText(view)).toContain("Ändra team");
    expect(initialValues(view)).toMatchObject({
      name: "Sales North",
      supervisors: [p.sara],
      reps: [p.alice, p.bo],
    });

    const bad = await h.slack.submitView({ userId: p.sara, values: { holidayCountry: { value: "XX" } } });
    expect(bad.responseAction).toBe("errors");
    expect(bad.errors).toEqual({
      holidayCountry: `Jag känner inte till helgdagarna i "XX". Använd en landskod på två bokstäver, som SE, NO, GB eller US.`,
    });

    const good = await h.slack.submitView({
      userId: p.sara,
      values: { holidayCountry: { value: "NO" }, reps: { value: [p.alice] }, locale: { value: "sv" } },
    });
    expect(good.responseAction).toBe("update");
    expect(visibleText(good.view)).toContain("*Sales North* är sparat.");
    expect(visibleText(good.view)).toContain("*Helgdagar*\nNorge (NO)");
    const members = await h.database.db.select().from(teamMembers);
    expect(members.filter((m) => m.userId === p.bo)).toEqual([]);
    const updates = await listAudit(h.database.db, h.fake.world.workspace.teamId, { actorId: p.sara });
    expect(updates.map((u) => [u.action, u.before, u.after])).toEqual([
      [
        "team.settings.update",
        { locale: "en", holidayCountry: "SE" },
        { locale: "sv", holidayCountry: "NO" },
      ],
      ["team.member.remove", { userId: p.bo, role: "rep" }, null],
    ]);
    await h.settle();
    const dm = h.fake.world.dmChannelOf(p.bo);
    expect(dm && h.fake.world.messagesIn(dm).at(-1)?.text).toBe(
      `<@${p.sara}> tog bort dig från teamet *Sales North*.`,
    );
  });
});

describe("the team card's Edit button, and a form left open", () => {
  beforeAll(() => startOver({ language: "en", holidays: "NO" }));

  it("opens the form from the Edit button on the team card", async () => {
    const shown = await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/team",
    });
    const reply = shown.reply?.kind === "ephemeral" ? shown.reply.ephemeral : undefined;
    const view = await opensModal(p.sara, () =>
      h.slack.clickButton({ userId: p.sara, actionId: "team.edit", messageTs: reply?.ts }),
    );
    expect(initialValues(view)).toMatchObject({ name: "Sales North", holidayCountry: "NO" });
  });

  it("refuses a form left open while someone else changed the team, instead of overwriting", async () => {
    // Sara opens the form; an admin changes the team meanwhile.
    await opensModal(p.sara, () =>
      h.slack.slashCommand({ userId: p.sara, channelId: p.channels.north, command: "/team", text: "edit" }),
    );
    await h.slack.slashCommand({
      userId: p.ada,
      channelId: p.channels.north,
      command: "/team",
      text: "set currency EUR",
    });
    const stale = await h.slack.submitView({ userId: p.sara, values: { name: { value: "Sales Nord" } } });
    expect(stale.responseAction).toBe("push");
    expect(visibleText(stale.view)).toContain("Formuläret är inaktuellt");
    const [north] = await h.database.db.select().from(teams).where(eqName("Sales North"));
    expect(north?.currency).toBe("EUR");
  });
});

function eqName(name: string) {
  return eq(teams.name, name);
}
