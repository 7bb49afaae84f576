import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { type ReportDelivery, reportDeliveries } from "./schema.js";

export type NewDelivery = Omit<
  typeof reportDeliveries.$inferInsert,
  "id" | "messageChannel" | "messageTs" | "chartFileId" | "csvFileId" | "deliveredAt"
>;

/** Records a report owed; null when the same request already owes it to the same recipient. */
export async function insertDelivery(db: Db, values: NewDelivery): Promise<ReportDelivery | null> {
  const [row] = await db.insert(reportDeliveries).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findDelivery(db: Db, workspaceId: string, id: number): Promise<ReportDelivery | null> {
  const [row] = await db
    .select()
    .from(reportDeliveries)
    .where(and(eq(reportDeliveries.workspaceId, workspaceId), eq(reportDeliveries.id, id)));
  return row ?? null;
}

/** Remembers a step of a delivery as soon as Slack has it. */
export async function markDelivery(
  db: Db,
  id: number,
  patch: Partial<
    Pick<ReportDelivery, "messageChannel" | "messageTs" | "chartFileId" | "csvFileId" | "deliveredAt">
  >,
): Promise<void> {
  await db.update(reportDeliveries).set(patch).where(eq(reportDeliveries.id, id));
}
