import { type Actor, decide } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, isUniqueViolation } from "../../platform/db/index.js";
import { problemError, problemsOf, type UserError } from "../../platform/errors.js";
import { escapeMrkdwn } from "../../platform/slack/index.js";
import { findTeam, overview, type TeamWithMembers } from "../team/index.js";
import type { ProductMessages } from "./messages.js";
import { FIELD, fingerprint, tagFromReference, validateProduct } from "./rules.js";
import type { Product } from "./schema.js";
import {
  archiveProduct,
  findProduct,
  findProductByTag,
  insertProduct,
  listProducts,
  lockProduct,
  updateProduct,
} from "./store.js";

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "products.product.add": true;
    "products.product.update": true;
    "products.product.remove": true;
  }
}

declare module "../../platform/hooks.js" {
  interface HookTypes {
    /**
     * A team's product spotlights (spotlight answers): its products on the list in the order they come up,
     * and when the next spotlight is due (null when the team's spotlights are turned off).
     */
    "products.spotlight": {
      args: { db: Db; workspaceId: string; teamId: number; now: Date };
      answer: { order: number[]; next: Date | null };
    };
  }
}

const { error, fieldError } = problemsOf<ProductMessages>();

/** The team whose product list a person sees or changes, with who they are and whether they may change it. */
export interface ProductTeam {
  team: TeamWithMembers;
  actor: Actor;
  /** False when the channel has no team and this is the person's own team. */
  boundHere: boolean;
  mayManage: boolean;
}

/** The team of this channel, else the person's own team (as `/team` finds it), else a polite question back. */
export async function productTeam(ctx: RequestContext): Promise<ProductTeam> {
  const found = await overview(ctx);
  if (found.kind === "team") {
    return { team: found.team, actor: found.actor, boundHere: found.boundHere, mayManage: found.mayManage };
  }
  if (found.kind === "several") {
    throw error("product.team.several", { teams: found.teams.map((m) => m.teamName) });
  }
  throw error("product.team.none");
}

/** Whether a person may change a team's product list: its supervisors and admins. */
export function mayManage(actor: Actor, teamId: number): boolean {
  return decide(actor, { type: "team.manage", teamId }).allowed;
}

/** Throws the polite refusal that says who may change the team's product list. */
export function ensureMayManage(actor: Actor, team: TeamWithMembers): void {
  if (mayManage(actor, team.team.id)) return;
  throw error("product.refused", { team: team.team.name, supervisors: team.supervisorIds });
}

/** `/product`: the list, for anyone in the team; those who may change it get buttons. */
export async function listing(ctx: RequestContext): Promise<ProductTeam & { products: Product[] }> {
  const found = await productTeam(ctx);
  return { ...found, products: await listProducts(ctx.deps.db, found.team.team.id) };
}

/** What comes next in the team's product spotlight: the products in the order they come up, and when. */
export interface SpotlightPreview {
  team: TeamWithMembers;
  /** The products on the list in the order they will be spotlighted, the next first. */
  upcoming: Product[];
  /** When the next spotlight is posted; null when the team's spotlights are off. */
  next: Date | null;
}

/** `/product spotlight`: which product comes next in the team's spotlight, and when. Anyone in the team. */
export async function spotlightPreview(ctx: RequestContext): Promise<SpotlightPreview> {
  const { team } = await productTeam(ctx);
  const { db, clock, hooks } = ctx.deps;
  const products = await listProducts(db, team.team.id);
  const [answer] = await hooks.ask("products.spotlight", {
    db,
    workspaceId: ctx.workspaceId,
    teamId: team.team.id,
    now: clock.now(),
  });
  if (!answer) return { team, upcoming: products, next: null };
  const byId = new Map(products.map((product) => [product.id, product]));
  const upcoming = answer.order.flatMap((id) => byId.get(id) ?? []);
  return { team, upcoming, next: answer.next };
}

/**
 * The product on the team's list that a tag in a check-in means, or null. Case-insensitive; takes
 * `#widgets`, `widgets` and `<#C123|widgets>` (what Slack sends when a channel has that name).
 */
export async function resolveProductTag(db: Db, teamId: number, tagText: string): Promise<Product | null> {
  const tag = tagFromReference(tagText);
  return tag ? findProductByTag(db, teamId, tag) : null;
}

/** The product on the team's list a person means by its tag or name; a polite "no such product" otherwise. */
export async function productByReference(
  ctx: RequestContext,
  team: TeamWithMembers,
  reference: string,
): Promise<Product> {
  const tag = tagFromReference(reference);
  const found = tag ? await findProductByTag(ctx.deps.db, team.team.id, tag) : null;
  if (found) return found;
  const known = await listProducts(ctx.deps.db, team.team.id);
  throw error("product.unknown", {
    ref: escapeMrkdwn(reference.trim()),
    team: team.team.name,
    tags: known.map((p) => p.tag),
  });
}

/** A product of this workspace with its team, for a change by this person (checked). */
async function productToChange(
  ctx: RequestContext,
  productId: number,
): Promise<{ product: Product; team: TeamWithMembers; actor: Actor }> {
  const product = await findProduct(ctx.deps.db, productId);
  const team = product ? await findTeam(ctx.deps.db, ctx.workspaceId, product.teamId) : null;
  if (!product || !team || product.workspaceId !== ctx.workspaceId) throw error("product.gone");
  const actor = await ctx.actor();
  ensureMayManage(actor, team);
  return { product, team, actor };
}

/** What the product modal shows when editing: the product as it is now. Supervisors of its team and admins. */
export async function productForEdit(
  ctx: RequestContext,
  productId: number,
): Promise<{ product: Product; team: TeamWithMembers }> {
  const found = await productToChange(ctx, productId);
  if (found.product.archivedAt) {
    throw error("product.edit.archived", { name: escapeMrkdwn(found.product.name) });
  }
  return found;
}

/** Loads a team for the Add button, checking the person may add to its list. */
export async function teamForAdd(ctx: RequestContext, teamId: number): Promise<TeamWithMembers> {
  const team = await findTeam(ctx.deps.db, ctx.workspaceId, teamId);
  if (!team) throw error("product.team.gone");
  ensureMayManage(await ctx.actor(), team);
  return team;
}

export interface ProductInput {
  name: string;
  keyPoints: string;
}

/** Name and key points as typed, checked; problems belong to the modal's fields. */
function validate(input: ProductInput): { name: string; tag: string; keyPoints: string } {
  const checked = validateProduct(input);
  if (checked.ok) return checked.value;
  for (const field of [FIELD.name, FIELD.keyPoints]) {
    const problem = checked.errors[field];
    if (problem) throw problemError(problem, field);
  }
  throw new Error("a product failed its checks without a problem");
}

/** What the audit log keeps of a product. */
function snapshot(product: Product): Record<string, unknown> {
  return {
    teamId: product.teamId,
    name: product.name,
    tag: product.tag,
    keyPoints: product.keyPoints,
    archivedAt: product.archivedAt,
  };
}

function audit(
  tx: Db,
  actor: Actor,
  action: "products.product.add" | "products.product.update" | "products.product.remove",
  product: Product,
  before: unknown,
  after: unknown,
  at: Date,
): Promise<void> {
  return recordAudit(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action,
    subject: { type: "product", id: product.id },
    before,
    after,
    at,
  });
}

/** The refusal for a name whose tag a product on the list has: "already there" when it is the same name. */
function tagTaken(existing: Product, name: string): UserError {
  return existing.name.toLowerCase() === name.toLowerCase()
    ? fieldError(FIELD.name, "product.add.exists", { name: escapeMrkdwn(existing.name), tag: existing.tag })
    : fieldError(FIELD.name, "product.add.tagTaken", {
        other: escapeMrkdwn(existing.name),
        tag: existing.tag,
      });
}

/**
 * Puts a product on the team's list; audited. Supervisors of the team and admins. A name an archived
 * product had makes a new product: the old one stays as it was on the sales linked to it.
 */
export async function addProduct(
  ctx: RequestContext,
  team: TeamWithMembers,
  input: ProductInput,
): Promise<Product> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  ensureMayManage(actor, team);
  const { name, tag, keyPoints } = validate(input);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await insertProduct(tx, {
      workspaceId: actor.workspaceId,
      teamId: team.team.id,
      name,
      tag,
      keyPoints,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) {
      const existing = await findProductByTag(tx, team.team.id, tag);
      if (existing) throw tagTaken(existing, name);
      throw error("product.changedMeanwhile");
    }
    await audit(tx, actor, "products.product.add", row, null, snapshot(row), now);
    return row;
  });
}

export interface ProductChange {
  product: Product;
  /** False when the product already was what the form says (nothing written, nothing audited). */
  changed: boolean;
  /** The tag before, when the new name gave a new one. */
  previousTag: string | null;
}

/**
 * Makes a product what the form says, if nobody changed it since the form opened (`opened` is its
 * fingerprint then). A second submit of the same change finds it done. Audited with what changed.
 */
export async function changeProduct(
  ctx: RequestContext,
  productId: number,
  opened: string,
  input: ProductInput,
): Promise<ProductChange> {
  const { deps } = ctx;
  const { actor } = await productToChange(ctx, productId);
  const wanted = validate(input);
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const current = await lockProduct(tx, productId);
      if (!current) throw error("product.gone");
      if (current.archivedAt) throw error("product.edit.archived", { name: escapeMrkdwn(current.name) });
      const same = current.name === wanted.name && current.keyPoints === wanted.keyPoints;
      if (same) return { product: current, changed: false, previousTag: null };
      if (fingerprint(current) !== opened) throw error("common.error.expiredForm");
      const clash = await findProductByTag(tx, current.teamId, wanted.tag, current.id);
      if (clash) throw tagTaken(clash, wanted.name);
      const row = await updateProduct(tx, current.id, { ...wanted, updatedAt: now });
      if (!row) throw error("product.edit.archived", { name: escapeMrkdwn(current.name) });
      const keys = ["name", "tag", "keyPoints"] as const;
      const changedKeys = keys.filter((key) => current[key] !== row[key]);
      await audit(
        tx,
        actor,
        "products.product.update",
        row,
        Object.fromEntries(changedKeys.map((key) => [key, current[key]])),
        Object.fromEntries(changedKeys.map((key) => [key, row[key]])),
        now,
      );
      return { product: row, changed: true, previousTag: row.tag !== current.tag ? current.tag : null };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, "products_team_tag_key")) {
        throw fieldError(FIELD.name, "product.changedMeanwhile");
      }
      throw error;
    });
}

/**
 * Takes a product off the team's list (archived: past sales keep it); audited. A second click finds it
 * off the list already and says so.
 */
export async function removeProduct(ctx: RequestContext, productId: number): Promise<Product> {
  const { deps } = ctx;
  const { product, actor } = await productToChange(ctx, productId);
  if (product.archivedAt) throw error("product.remove.already", { name: escapeMrkdwn(product.name) });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await archiveProduct(tx, product.id, now);
    if (!row) throw error("product.remove.already", { name: escapeMrkdwn(product.name) });
    await audit(tx, actor, "products.product.remove", row, snapshot(product), snapshot(row), now);
    return row;
  });
}

export type { Product };
