import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Slack requests that changed something, by Slack's id for them (trigger_id): the same request arriving
 * again (a replay, a retry) finds its row and changes nothing. Written in the transaction of the change.
 */
export const handledRequests = pgTable(
  "handled_requests",
  {
    workspaceId: text().notNull(),
    requestId: text().notNull(),
    /** What the request did, as the audit log names it. */
    action: text().notNull(),
    handledAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.requestId] })],
);
