import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { teamKey } from "../team/index.js";

/** The most characters a team's own line may have. */
export const LINE_MAX = 300;

/**
 * A team's own motivation lines (`/motivation add`), beside the built-in ones. A removed line stays for the
 * record and leaves the rotation. Its id is the number people see and remove it by.
 */
export const motivationLines = pgTable(
  "motivation_lines",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    text: text().notNull(),
    addedBy: text().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull(),
    /** Slack's id of the request that added it: the same request adds one line however often it arrives. */
    requestId: text().notNull(),
    removedBy: text(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("motivation_lines_request_key").on(t.workspaceId, t.requestId),
    index("motivation_lines_team_idx").on(t.teamId).where(sql`removed_at is null`),
    check("motivation_lines_text_check", sql`length(trim(${t.text})) between 1 and 300`),
  ],
);

/**
 * The lines a team's posts have used since its library was last used up (`builtin:3`, `line:12`): the
 * next post takes one not in here; when none is left, the round starts again.
 */
export const motivationUsedLines = pgTable(
  "motivation_used_lines",
  {
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    lineKey: text().notNull(),
    usedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.lineKey] })],
);

export const POST_STATES = ["claimed", "posted", "nothing", "failed"] as const;
export type PostState = (typeof POST_STATES)[number];

/**
 * What each of a team's motivation slots did, remembered before its job can end and read first, so a
 * retried or duplicated job never posts twice: claimed (with the line it uses) before posting, posted with
 * the message's channel and ts, `nothing` when there was nothing true to say, `failed` when Slack refused
 * for good (the channel gone, the app not in it).
 */
export const motivationPosts = pgTable(
  "motivation_posts",
  {
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    slot: timestamp({ withTimezone: true }).notNull(),
    state: text({ enum: POST_STATES }).notNull(),
    /** The line the post uses (null for `nothing`). */
    lineKey: text(),
    /** When its facts were gathered: the next post's milestones are those reached since. */
    factsAt: timestamp({ withTimezone: true }).notNull(),
    channelId: text(),
    ts: text(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.slot] }),
    check("motivation_posts_state_check", sql`${t.state} in ('claimed', 'posted', 'nothing', 'failed')`),
  ],
);

export type MotivationLine = typeof motivationLines.$inferSelect;
export type MotivationPost = typeof motivationPosts.$inferSelect;
