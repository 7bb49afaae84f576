import type { World } from "../../src/sandbox/fake-slack/index.js";

/** The people and channels of the test workspace, by role. */
export interface People {
  /** A Slack workspace admin (so a Supervisor admin). */
  ada: string;
  /** An upper manager, not (yet) an executive in Supervisor. */
  erik: string;
  /** Supervisor-to-be of Sales North; Swedish. */
  sara: string;
  /** Supervisor-to-be of Sales South. */
  olle: string;
  /** Reps: Alice (English, Los Angeles), Bo and Cecilia (Swedish). */
  alice: string;
  bo: string;
  cecilia: string;
  /** Someone listed in ADMIN_USER_IDS when a test asks for it. */
  root: string;
  bot: string;
  gone: string;
  channels: { north: string; south: string; general: string; secret: string; archived: string };
}

export function seedWorkspace(world: World): People {
  const user = (
    name: string,
    realName: string,
    tz: string,
    locale: string,
    extra: Record<string, unknown> = {},
  ) => world.addUser({ name, realName, tz, locale, ...extra }).id;
  const ada = user("ada", "Ada Admin", "Europe/London", "en-GB", { isAdmin: true });
  const erik = user("erik", "Erik Chef", "Europe/Stockholm", "sv-SE");
  const sara = user("sara", "Sara Svensson", "Europe/Stockholm", "sv-SE");
  const olle = user("olle", "Olle Olsson", "Europe/Stockholm", "en-US");
  const alice = user("alice", "Alice Anderson", "America/Los_Angeles", "en-US");
  const bo = user("bo", "Bo Berg", "Europe/Stockholm", "sv-SE");
  const cecilia = user("cecilia", "Cecilia Carlsson", "Europe/Stockholm", "sv-SE");
  const root = user("root", "Root Bootstrap", "UTC", "en-US");
  const bot = user("helperbot", "Helper Bot", "UTC", "en-US", { isBot: true });
  const gone = user("gone", "Gone Person", "UTC", "en-US");
  world.deleteUser(gone);
  const everyone = [ada, erik, sara, olle, alice, bo, cecilia, root];
  const channels = {
    north: world.addChannel({ name: "sales-north", members: everyone }).id,
    south: world.addChannel({ name: "sales-south", members: everyone }).id,
    general: world.addChannel({ name: "general", members: everyone }).id,
    secret: world.addChannel({ name: "secret", isPrivate: true, members: [ada], botIsMember: false }).id,
    archived: world.addChannel({ name: "old-team", members: everyone, isArchived: true }).id,
  };
  return { ada, erik, sara, olle, alice, bo, cecilia, root, bot, gone, channels };
}
