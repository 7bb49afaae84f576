import type { Db } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import type { Router } from "../../platform/slack/index.js";
import { listProducts } from "../products/index.js";
import { routineSettings } from "../routines/index.js";
import { findTeam } from "../team/index.js";
import { registerSpotlightJobs } from "./jobs.js";
import { nextSlotAfter, rotationOrder } from "./rules.js";
import { lastSpotlighted } from "./store.js";

/**
 * Product spotlights come on the team's schedule (routines strikes the job); `/product spotlight` asks here
 * which product comes next and when.
 */
export function register(_router: Router, deps: Deps): void {
  registerSpotlightJobs(deps);
  deps.hooks.answer("products.spotlight", (args) => upcoming(args));
}

/** A team's products in the order the spotlight will show them, and when the next one is posted. */
async function upcoming(args: {
  db: Db;
  workspaceId: string;
  teamId: number;
  now: Date;
}): Promise<{ order: number[]; next: Date | null }> {
  const { db, workspaceId, teamId, now } = args;
  const found = await findTeam(db, workspaceId, teamId);
  const products = await listProducts(db, teamId);
  const order = rotationOrder(products, await lastSpotlighted(db, teamId)).map((product) => product.id);
  const { spotlight } = await routineSettings(db, workspaceId, teamId);
  const next = found && spotlight.enabled ? nextSlotAfter(spotlight, found.team.timeZone, now) : null;
  return { order, next };
}
