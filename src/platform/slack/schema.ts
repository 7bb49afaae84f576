import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * When each channel may next be posted to: Slack takes about one message a second per channel, so posts
 * take turns (see pace.ts). Kept in the database so every process of the app shares the turns.
 */
export const slackChannelPace = pgTable(
  "slack_channel_pace",
  {
    workspaceId: text().notNull(),
    channelId: text().notNull(),
    /** The earliest moment the next post may go out. */
    nextAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })],
);
