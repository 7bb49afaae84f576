import { z } from "zod";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { escapeMrkdwn, mention, translatorIn } from "../../platform/slack/index.js";
import { Absences, addDays, localDate } from "../../platform/time/index.js";
import { findProduct, keyPointsOf, listProducts } from "../products/index.js";
import { productWins } from "../quota/index.js";
import type { RoutineSlot } from "../routines/index.js";
import { findTeam } from "../team/index.js";
import { spotlightMessages } from "./messages.js";
import { nextInRotation, WINS_DAYS, WINS_SHOWN } from "./rules.js";
import { chooseSpotlight, lastSpotlighted, savePost, spotlightOf } from "./store.js";
import { spotlightMessage } from "./views.js";

const slotPayload: z.ZodType<RoutineSlot> = z.object({
  workspaceId: z.string(),
  teamId: z.number().int(),
  slot: z.iso.datetime({ offset: true }),
});

/** The job the team's spotlight schedule strikes (routines plans it): `spotlight.post` for a slot. */
export function registerSpotlightJobs(deps: Deps): void {
  deps.jobs.define("spotlight.post", slotPayload, (payload) => postSpotlight(deps, payload));
}

/**
 * Posts a team's product spotlight for a slot, in the team's channel and language. The product is chosen
 * once per (team, slot) and kept before anything is posted: the product on the list spotlighted least
 * recently (one never spotlighted first). A team with no product on its list gets no post (the empty
 * choice is kept too). The post is remembered as soon as Slack has it: a retried job posts nothing twice.
 * Winners on approved leave today are named, not mentioned.
 */
export async function postSpotlight(deps: Deps, payload: RoutineSlot): Promise<void> {
  const { workspaceId, teamId } = payload;
  const slot = new Date(payload.slot);
  const found = await findTeam(deps.db, workspaceId, teamId);
  if (!found) return;
  const { team } = found;
  const now = deps.clock.now();

  const chosen =
    (await spotlightOf(deps.db, team.id, slot)) ??
    (await deps.db.transaction(async (tx) => {
      const products = await listProducts(tx, team.id);
      const next = nextInRotation(products, await lastSpotlighted(tx, team.id));
      return chooseSpotlight(tx, {
        workspaceId,
        teamId: team.id,
        slot,
        productId: next?.id ?? null,
        chosenAt: now,
      });
    }));
  if (chosen.productId === null || chosen.ts) return;
  const product = await findProduct(deps.db, chosen.productId);
  // Taken off the list since it was chosen: it is not put in front of the team any more.
  if (!product || product.archivedAt) return;

  const today = localDate(now, team.timeZone);
  const sales = await productWins(
    deps.db,
    team,
    product.id,
    { since: addDays(today, -(WINS_DAYS - 1)), until: today },
    WINS_SHOWN,
  );
  const winners = [...new Set(sales.latest.map((sale) => sale.repId))];
  const off = await deps.absences.daysOff(deps.db, workspaceId, winners, today, today);
  const slack = inWorkspace(deps, workspaceId);
  const who = new Map<string, string>();
  for (const repId of winners) {
    if (!Absences.of(off, repId).has(today)) {
      who.set(repId, mention(repId));
      continue;
    }
    const user = await slack.users.get(repId).catch(() => null);
    who.set(repId, escapeMrkdwn(user?.realName || user?.name || repId));
  }

  const t = translatorIn(spotlightMessages, team.locale);
  const message = spotlightMessage(t, {
    product,
    points: keyPointsOf(product),
    wins: {
      private: sales.private,
      count: sales.count,
      latest: sales.latest.map((sale) => ({ ...sale, who: who.get(sale.repId) ?? mention(sale.repId) })),
    },
  });
  await deps.pace.turn(workspaceId, team.channelId);
  // A run that waited its turn behind another run of the same slot finds that one's post.
  if ((await spotlightOf(deps.db, team.id, slot))?.ts) return;
  await deps.pace.sending(workspaceId, team.channelId);
  const posted = await slack.slack.postMessage({ channel: team.channelId, ...message });
  await savePost(deps.db, { teamId: team.id, slot }, { channelId: posted.channel, ts: posted.ts });
}
