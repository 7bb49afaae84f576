/**
 * The demo data of the sandbox, put in through each feature's own services (as the demo admin, so
 * access checks, the audit log and the DMs are what they would be in Slack). One seeder per feature; a
 * seeder checks for itself whether its data is there already, so seeding again changes nothing.
 */
import { addProduct, listProducts } from "../features/products/index.js";
import {
  changeMembers,
  changeRole,
  createTeam,
  loadActor,
  teamsInWorkspace,
} from "../features/team/index.js";
import type { Deps } from "../platform/deps.js";
import { DEMO_IDS } from "./demo-workspace.js";

export interface SeedContext {
  deps: Deps;
  workspaceId: string;
}

export interface Seeder {
  /** Which feature's demo data, for the log. */
  name: string;
  /** Puts the demo data in when it is not there; true when it did. */
  run(context: SeedContext): Promise<boolean>;
}

/** Team directory: Sales North in #sales-north led by Sara with three reps; Erik is an executive. */
export const teamSeeder: Seeder = {
  name: "team",
  async run({ deps, workspaceId }) {
    if ((await teamsInWorkspace(deps, workspaceId)).length > 0) return false;
    const admin = await loadActor(deps, workspaceId, DEMO_IDS.admin);
    const created = await createTeam(deps, admin, {
      name: "Sales North",
      channelId: DEMO_IDS.channels.team,
      supervisorIds: [DEMO_IDS.supervisor],
    });
    await changeMembers(deps, admin, created.team, "add", [...DEMO_IDS.reps]);
    await changeRole(deps, admin, "grant", [DEMO_IDS.executive], "executive");
    return true;
  },
};

/**
 * Product library: three products of Sales North with their key selling points, added by Sara, its
 * supervisor. Seeded once: products taken off the list later are not brought back.
 */
export const productSeeder: Seeder = {
  name: "product",
  async run({ deps, workspaceId }) {
    const team = (await teamsInWorkspace(deps, workspaceId)).find((t) => t.team.name === "Sales North");
    if (!team) return false;
    if ((await listProducts(deps.db, team.team.id, { includeArchived: true })).length > 0) return false;
    const supervisor = await loadActor(deps, workspaceId, DEMO_IDS.supervisor);
    for (const product of DEMO_PRODUCTS) await addProduct(deps, supervisor, team, product);
    return true;
  },
};

const DEMO_PRODUCTS = [
  {
    name: "Ärlig Kaffe",
    keyPoints: [
      "Organic, fairly traded beans, roasted in Gävle every week",
      "Machine, service and beans for one price per month: no surprise bills",
      "Try it for 30 days; no binding period",
    ].join("\n"),
  },
  {
    name: "Ergo Chair 2",
    keyPoints: [
      "Adjusts to anyone from 155 to 200 cm in under a minute",
      "Ten-year warranty on frame and mechanism",
      "Made in Småland from 70% recycled aluminium",
    ].join("\n"),
  },
  {
    name: "Flex Lease",
    keyPoints: [
      "New laptops for a fixed monthly fee, service and insurance included",
      "Swap to the latest model every three years",
      "Old devices wiped, refurbished or recycled, with a certificate for the sustainability report",
    ].join("\n"),
  },
] as const;

/** Every feature's seeder, in dependency order (later features add theirs here). */
export const SEEDERS: readonly Seeder[] = [teamSeeder, productSeeder];

/**
 * Seeds what is missing and waits for the notifications it caused (DMs) to be delivered. Returns the
 * names of the seeders that put data in.
 */
export async function seedDemoData(
  context: SeedContext,
  seeders: readonly Seeder[] = SEEDERS,
): Promise<string[]> {
  const ran: string[] = [];
  for (const seeder of seeders) {
    if (await seeder.run(context)) ran.push(seeder.name);
  }
  await context.deps.tasks.idle();
  return ran;
}
