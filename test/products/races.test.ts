import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listProducts } from "../../src/features/products/index.js";
import { fingerprint } from "../../src/features/products/rules.js";
import { products } from "../../src/features/products/schema.js";
import { addProduct, changeProduct, removeProduct } from "../../src/features/products/service.js";
import { findTeamByChannel, type TeamWithMembers } from "../../src/features/team/index.js";
import { type AuditAction, listAudit } from "../../src/platform/audit/index.js";
import { contextFor, type RequestContext } from "../../src/platform/context.js";
import { UserError } from "../../src/platform/errors.js";
import { onPostgres } from "../support/db.js";
import { type Harness, startHarness } from "../support/harness.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let sara: () => RequestContext;
let ada: () => RequestContext;
let north: TeamWithMembers;

beforeAll(async () => {
  h = await startHarness();
  const { people: p } = h;
  const workspaceId = h.fake.world.workspace.teamId;
  sara = () => contextFor(h.server.deps, { workspaceId, userId: p.sara });
  ada = () => contextFor(h.server.deps, { workspaceId, userId: p.ada });
});

/** Each test starts over with Sales North (Sara) and no products. */
beforeEach(async () => {
  const { people: p } = h;
  await h.reset();
  await makeTeam(h, { name: "Sales North", channel: p.channels.north, supervisors: [p.sara] });
  const team = await findTeamByChannel(h.database.db, h.fake.world.workspace.teamId, p.channels.north);
  if (!team) throw new Error("no team");
  north = team;
});

/** Widget Pro on Sales North's list, as Sara adds it. */
async function widgetPro() {
  await h.slack.slashCommand({
    userId: h.people.sara,
    channelId: h.people.channels.north,
    command: "/product",
    text: "add Widget Pro | Fast",
  });
  const [widget] = await listProducts(h.database.db, north.team.id);
  if (!widget) throw new Error("no product");
  return widget;
}
afterAll(async () => {
  await h?.close();
});

/** What each of several calls made at once came to: its value, or the message key it was refused with. */
async function outcomes<T>(calls: Promise<T>[]): Promise<(T | string)[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((s) => {
    if (s.status === "fulfilled") return s.value;
    if (s.reason instanceof UserError) return s.reason.key;
    throw s.reason;
  });
}

const audits = (action: AuditAction) => listAudit(h.database.db, h.fake.world.workspace.teamId, { action });

// Service calls made at once: on Postgres the transactions really overlap; on PGlite they interleave
// between queries (both read the product before either changes it), so the guards in SQL decide.
describe(`the same change twice at once (${onPostgres ? "Postgres: real concurrency" : "PGlite: interleaved"})`, () => {
  it("adds a product once when two people add the same name", async () => {
    const results = await outcomes([
      addProduct(sara(), north, { name: "Widget Pro", keyPoints: "Fast" }),
      addProduct(ada(), north, { name: "widget pro", keyPoints: "Quick" }),
    ]);
    expect(results.filter((r) => r === "product.add.exists")).toHaveLength(1);
    expect(await listProducts(h.database.db, north.team.id)).toHaveLength(1);
    expect(await audits("products.product.add")).toHaveLength(1);
  });

  it("saves one change when the same form is submitted twice", async () => {
    const widget = await widgetPro();
    const opened = fingerprint(widget);
    const input = { name: "Widget Max", keyPoints: "Faster" };
    const results = await outcomes([
      changeProduct(sara(), widget.id, opened, input),
      changeProduct(sara(), widget.id, opened, input),
    ]);
    expect(results.map((r) => (typeof r === "string" ? r : r.changed)).sort()).toEqual([false, true]);
    expect(await audits("products.product.update")).toHaveLength(1);
  });

  it("archives a product once on a double click; the second click is told it is off the list", async () => {
    const widget = await widgetPro();
    const results = await outcomes([removeProduct(sara(), widget.id), removeProduct(sara(), widget.id)]);
    expect(results.filter((r) => r === "product.remove.already")).toHaveLength(1);
    expect(results.filter((r) => typeof r !== "string" && r.archivedAt !== null)).toHaveLength(1);
    expect(await audits("products.product.remove")).toHaveLength(1);
    expect(await h.database.db.select().from(products)).toHaveLength(1);
  });
});
