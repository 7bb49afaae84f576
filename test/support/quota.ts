import { products } from "../../src/features/products/schema.js";
import type { Db } from "../../src/platform/db/index.js";

/** Puts a product on a team's list directly (the product feature has its own tests for how people do it). */
export async function addProduct(
  db: Db,
  workspaceId: string,
  teamId: number,
  name: string,
  tag: string,
): Promise<number> {
  const now = new Date("2026-03-01T08:00:00Z");
  const [row] = await db
    .insert(products)
    .values({
      workspaceId,
      teamId,
      name,
      tag,
      keyPoints: "",
      createdBy: "U0TEST",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: products.id });
  if (!row) throw new Error("product insert failed");
  return row.id;
}
