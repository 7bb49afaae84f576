import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The Home tab last published for each person: the view Slack holds and its `hash`, which the next publish
 * sends back so that a publish racing another (two instances, a retry) is refused with `hash_conflict`
 * instead of overwriting a newer Home. A row also says the person has opened the app's Home at least once.
 */
export const homeViews = pgTable(
  "home_views",
  {
    workspaceId: text().notNull(),
    userId: text().notNull(),
    viewId: text().notNull(),
    hash: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/**
 * Events API deliveries already handled, by Slack's `event_id`: a retried delivery (X-Slack-Retry-Num), to
 * this instance or another, finds its id here and does nothing. Forgotten after a day (housekeeping);
 * Slack retries within minutes.
 */
export const seenEvents = pgTable(
  "seen_events",
  {
    workspaceId: text().notNull(),
    eventId: text().notNull(),
    seenAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.eventId] })],
);

export type HomeView = typeof homeViews.$inferSelect;
