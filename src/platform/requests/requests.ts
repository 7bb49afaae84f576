import type { Db } from "../db/index.js";
import { handledRequests } from "./schema.js";

/**
 * Marks a Slack request as handled, inside the transaction that does its work: true the first time, false
 * when the same request was handled already (then the caller changes nothing and says so). Requests
 * without a Slack id (the demo seed, jobs) are always new.
 */
export async function claimRequest(
  db: Db,
  request: { workspaceId: string; requestId: string | null; action: string; at: Date },
): Promise<boolean> {
  if (!request.requestId) return true;
  const rows = await db
    .insert(handledRequests)
    .values({
      workspaceId: request.workspaceId,
      requestId: request.requestId,
      action: request.action,
      handledAt: request.at,
    })
    .onConflictDoNothing()
    .returning({ requestId: handledRequests.requestId });
  return rows.length > 0;
}
