/**
 * The demo workspace of the local sandbox: the people and channels a newcomer finds. Ids are fixed, so
 * the database (which refers to them) and the world on disk agree on every start, and a world rebuilt
 * from scratch (a lost or broken snapshot) still matches the database.
 */
import type { AddChannelInput, AddUserInput, Workspace, World } from "./fake-slack/index.js";

/** The part a person plays in the demo; also which Supervisor role the seed gives them. */
export type Persona = "admin" | "executive" | "supervisor" | "rep";

export interface DemoPerson extends AddUserInput {
  id: string;
  name: string;
  realName: string;
  tz: string;
  locale: string;
  persona: Persona;
}

export const DEMO_WORKSPACE: Partial<Workspace> = {
  teamId: "T0SANDBOX",
  teamName: "Nordic Sales",
  teamDomain: "nordic-sales",
  botName: "supervisor",
};

/** Who is who in the demo, by the part they play. */
export const DEMO_IDS = {
  admin: "U0ALEX0001",
  executive: "U0ERIK0001",
  supervisor: "U0SARA0001",
  reps: ["U0JONAS001", "U0EMMA0001", "U0OLIVER01"],
  channels: { team: "C0SALESN01", general: "C0GENERAL1", spare: "C0SALESS01" },
} as const;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: DEMO_IDS.admin,
    name: "alex",
    realName: "Alex Morgan",
    displayName: "Alex",
    email: "alex@nordic-sales.example",
    tz: "Europe/London",
    locale: "en-GB",
    isAdmin: true,
    persona: "admin",
  },
  {
    id: DEMO_IDS.executive,
    name: "erik",
    realName: "Erik Lindqvist",
    displayName: "Erik",
    email: "erik@nordic-sales.example",
    tz: "Europe/Stockholm",
    locale: "sv-SE",
    persona: "executive",
  },
  {
    id: DEMO_IDS.supervisor,
    name: "sara",
    realName: "Sara Nilsson",
    displayName: "Sara",
    email: "sara@nordic-sales.example",
    tz: "Europe/Stockholm",
    locale: "sv-SE",
    persona: "supervisor",
  },
  {
    id: "U0JONAS001",
    name: "jonas",
    realName: "Jonas Berg",
    displayName: "Jonas",
    email: "jonas@nordic-sales.example",
    tz: "Europe/Stockholm",
    locale: "sv-SE",
    persona: "rep",
  },
  {
    id: "U0EMMA0001",
    name: "emma",
    realName: "Emma Clarke",
    displayName: "Emma",
    email: "emma@nordic-sales.example",
    tz: "America/New_York",
    locale: "en-US",
    persona: "rep",
  },
  {
    id: "U0OLIVER01",
    name: "oliver",
    realName: "Oliver Hughes",
    displayName: "Oliver",
    email: "oliver@nordic-sales.example",
    tz: "Europe/London",
    locale: "en-GB",
    persona: "rep",
  },
];

const everyone = DEMO_PEOPLE.map((p) => p.id);

export const DEMO_CHANNELS: readonly (AddChannelInput & { id: string })[] = [
  {
    id: DEMO_IDS.channels.team,
    name: "sales-north",
    members: everyone,
    topic: "Team Sales North: quotas, wins and plans",
    purpose: "Where Sales North works together.",
    creator: DEMO_IDS.supervisor,
  },
  {
    id: DEMO_IDS.channels.general,
    name: "general",
    members: everyone,
    topic: "Company-wide news",
    purpose: "Everyone at Nordic Sales.",
    creator: DEMO_IDS.admin,
  },
  {
    id: DEMO_IDS.channels.spare,
    name: "sales-south",
    members: everyone,
    topic: "A channel with no team yet: try /team create here",
    purpose: "For a second team.",
    creator: DEMO_IDS.admin,
  },
];

/** A few things people said, so a new workspace does not look empty (and message shortcuts have targets). */
const DEMO_CHATTER: readonly { channel: string; user: string; text: string }[] = [
  {
    channel: DEMO_IDS.channels.general,
    user: DEMO_IDS.admin,
    text: "Welcome to Nordic Sales! :wave: Supervisor is installed; try `/team` in <#C0SALESN01>.",
  },
  {
    channel: DEMO_IDS.channels.team,
    user: DEMO_IDS.supervisor,
    text: "God morgon allihop! Veckans mål: *tre nya demo-möten* var. :muscle:",
  },
  {
    channel: DEMO_IDS.channels.team,
    user: "U0EMMA0001",
    text: "Closed the Acme renewal this morning :tada:",
  },
  {
    channel: DEMO_IDS.channels.team,
    user: "U0OLIVER01",
    text: "Told the Volvo buyer we'd beat any competitor's price by 20%. Didn't check with anyone, it'll be fine.",
  },
];

export function personaOf(userId: string): Persona | undefined {
  return DEMO_PEOPLE.find((p) => p.id === userId)?.persona;
}

/**
 * Adds whatever of the demo workspace the world lacks (all of it on a new world; on a restored one only
 * what a newer version of the demo added). Returns whether the world was empty, i.e. brand new.
 */
export function ensureDemoWorld(world: World): { created: boolean } {
  const created = DEMO_PEOPLE.every((p) => world.user(p.id) === undefined);
  for (const { persona: _persona, ...person } of DEMO_PEOPLE) {
    if (!world.user(person.id)) world.addUser(person);
  }
  for (const channel of DEMO_CHANNELS) {
    const existing = world.channel(channel.id);
    if (!existing) {
      world.addChannel(channel);
      continue;
    }
    for (const member of channel.members ?? []) {
      if (!existing.members.includes(member)) world.joinChannel(channel.id, member);
    }
  }
  if (created) {
    for (const line of DEMO_CHATTER) world.postUserMessage(line.user, line.channel, line.text);
  }
  return { created };
}
