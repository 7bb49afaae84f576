import { describe, expect, it } from "vitest";
import { teamMessages } from "../../src/features/team/messages.js";
import { DEFAULT_ROUTINES, type RoutineSettings } from "../../src/features/team/routines.js";
import { defaultSettings } from "../../src/features/team/rules.js";
import type { Team } from "../../src/features/team/schema.js";
import type { TeamWithMembers } from "../../src/features/team/store.js";
import {
  helpReply,
  listReply,
  noTeamReply,
  savedModal,
  teamCard,
  teamModal,
} from "../../src/features/team/views.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { countryOfZone } from "../../src/platform/time/index.js";
import { validateMessageBlocks, validateView } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import { registeredSurfaces } from "../support/registered.js";
import { actionIds, visibleText } from "../support/slack-text.js";

const schema = blockKitSchema;
const en = createTranslator(teamMessages, "en", "en-US");
const sv = createTranslator(teamMessages, "sv", "sv-SE");

function team(reps: number, name = "Sales North"): TeamWithMembers {
  const row: Team = {
    id: 7,
    workspaceId: "T1",
    name,
    channelId: "C123",
    timeZone: "Europe/Stockholm",
    locale: "sv",
    currency: "SEK",
    holidayCountry: "SE",
    workWeek: [1, 2, 3, 4, 5],
    quotaPeriod: "month",
    escalationHours: 24,
    policyReminderDays: 3,
    version: 3,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  return {
    team: row,
    supervisorIds: ["U0SUP1", "U0SUP2"],
    repIds: Array.from({ length: reps }, (_, i) => `U0REP${String(i).padStart(5, "0")}`),
  };
}

const registered = registeredSurfaces();
const routines = structuredClone(DEFAULT_ROUTINES) as RoutineSettings;

describe("team views pass Slack's Block Kit checks", () => {
  itChecksTheSchema("the team views");

  const messages = {
    "card, 3 reps": teamCard(en, team(3), { mayManage: true, boundHere: true, routines }),
    "card, 400 reps": teamCard(sv, team(400), { mayManage: true, boundHere: false, routines }),
    "card, none": teamCard(en, team(0), { mayManage: false, boundHere: true, routines }),
    "no team (admin)": noTeamReply(en, { mayCreate: true, channelId: "C123" }),
    help: helpReply(sv),
    "list of 300 teams": listReply(
      en,
      Array.from({ length: 300 }, (_, i) => team(5, `Team ${i}`)),
    ),
  };
  for (const [name, message] of Object.entries(messages)) {
    it(`message: ${name}`, () => {
      expect(message.text.length).toBeGreaterThan(0);
      expect(validateMessageBlocks(message.blocks ?? [], { schema })).toEqual([]);
      for (const id of actionIds(message.blocks)) expect(registered.actions.has(id), id).toBe(true);
    });
  }

  const views = {
    "create modal": teamModal(en, {
      team: null,
      defaults: defaultSettings("", { tz: null, locale: null, countryOfZone }),
      routines,
      channelId: "C1",
    }),
    "edit modal, 90 reps": teamModal(sv, {
      team: team(90),
      defaults: defaultSettings("X", { tz: "Europe/Stockholm", locale: "sv-SE", countryOfZone }),
      routines: { ...routines, standup: { ...routines.standup, enabled: false, askIn: "dm" } },
      channelId: "C123",
    }),
    "saved modal, 400 reps": savedModal(en, team(400), routines, true, false),
  };
  for (const [name, view] of Object.entries(views)) {
    it(`modal: ${name}`, () => {
      expect(validateView(view, { schema })).toEqual([]);
      if (view.callback_id) expect(registered.views.has(view.callback_id)).toBe(true);
    });
  }

  it("shows a big team's reps over several sections without cutting a mention in two", () => {
    const card = teamCard(en, team(400), { mayManage: false, boundHere: true, routines });
    const text = visibleText(card);
    expect(text).toContain("*Reps (400)*");
    const mentions = text.match(/<@U0REP\d{5}>/g) ?? [];
    expect(mentions).toHaveLength(400);
    expect(text).not.toMatch(/<@[^>]*…/);
  });
});
