import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { type Product, products } from "./schema.js";

/** Alphabetical as a Swedish reader expects (å, ä, ö after z), whatever the database's collation. */
const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/** The team's products on the list (not archived; with `includeArchived`, every one it ever had), by name. */
export async function listProducts(
  db: Db,
  teamId: number,
  options: { includeArchived?: boolean } = {},
): Promise<Product[]> {
  const rows = await db
    .select()
    .from(products)
    .where(
      and(eq(products.teamId, teamId), options.includeArchived ? undefined : isNull(products.archivedAt)),
    )
    .orderBy(asc(products.id));
  return rows.sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id);
}

/** A product by id, archived or not (past sales name their product even after it left the list). */
export async function findProduct(db: Db, id: number): Promise<Product | null> {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row ?? null;
}

/** The product on the team's list with this tag (tags are unique among products on the list). */
export async function findProductByTag(
  db: Db,
  teamId: number,
  tag: string,
  exceptId?: number,
): Promise<Product | null> {
  const [row] = await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.teamId, teamId),
        eq(products.tag, tag),
        isNull(products.archivedAt),
        exceptId === undefined ? undefined : ne(products.id, exceptId),
      ),
    );
  return row ?? null;
}

/** A product row locked for the rest of the transaction, so a change is decided on what is really there. */
export async function lockProduct(db: Db, id: number): Promise<Product | null> {
  const [row] = await db.select().from(products).where(eq(products.id, id)).for("update");
  return row ?? null;
}

export type NewProduct = Omit<typeof products.$inferInsert, "id" | "archivedAt">;

/**
 * Puts a product on the list; null when the team has a product with that tag on the list already (the
 * unique index decides, so two people adding at once, or a double submit, add it once).
 */
export async function insertProduct(db: Db, values: NewProduct): Promise<Product | null> {
  const [row] = await db.insert(products).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Changes a product that is still on the list; null when it is not (anymore). */
export async function updateProduct(
  db: Db,
  id: number,
  patch: { name: string; tag: string; keyPoints: string; updatedAt: Date },
): Promise<Product | null> {
  const [row] = await db
    .update(products)
    .set(patch)
    .where(and(eq(products.id, id), isNull(products.archivedAt)))
    .returning();
  return row ?? null;
}

/** Takes a product off the list; null when it was already off (a double click archives it once). */
export async function archiveProduct(db: Db, id: number, now: Date): Promise<Product | null> {
  const [row] = await db
    .update(products)
    .set({ archivedAt: now, updatedAt: now })
    .where(and(eq(products.id, id), isNull(products.archivedAt)))
    .returning();
  return row ?? null;
}

/** Products by id (archived or not), for showing what past sales were of. */
export async function findProducts(db: Db, ids: readonly number[]): Promise<Map<number, Product>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(products)
    .where(inArray(products.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}
