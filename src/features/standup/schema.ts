import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { teamKey } from "../team/index.js";

export const STANDUP_ASK_IN = ["thread", "dm"] as const;

/**
 * A team's weekly standup of one day: opened once per (team, day) by the first `standup.open` of that
 * day (a retried or repeated job finds it), closed once by `standup.close` at the cut-off. `closedAt`
 * set means the summary's content is fixed: answers given before it are in it and can no longer change;
 * answers after it are added to the thread as late.
 */
export const standups = pgTable(
  "standups",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    /** The day in the team's zone. */
    day: date({ mode: "string" }).notNull(),
    /** The slot the post was opened for. */
    slot: timestamp({ withTimezone: true }).notNull(),
    /** Answers after this are marked late. */
    cutoffAt: timestamp({ withTimezone: true }).notNull(),
    /** Where reps were asked: the post's thread or a DM each (the team's setting when it opened). */
    askIn: text({ enum: STANDUP_ASK_IN }).notNull(),
    /** The team channel the post went to. */
    channelId: text().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("standups_team_day_key").on(t.teamId, t.day),
    check("standups_ask_in_check", sql`${t.askIn} in ('thread', 'dm')`),
  ],
);

/**
 * A rep's answer to a standup, one per (standup, rep): an edit before the summary changes it in place
 * (`version` counts the changes). `late`: first given after the cut-off.
 */
export const standupAnswers = pgTable(
  "standup_answers",
  {
    standupId: integer()
      .notNull()
      .references(() => standups.id, { onDelete: "cascade" }),
    repId: text().notNull(),
    wins: text().notNull(),
    plan: text().notNull(),
    /** "" when the rep has none. */
    blockers: text().notNull().default(""),
    late: boolean().notNull(),
    /** Given once the summary's content was fixed: not in it, added to its thread as a late answer. */
    afterSummary: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    answeredAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.standupId, t.repId] }),
    check("standup_answers_text_check", sql`length(trim(${t.wins})) > 0 and length(trim(${t.plan})) > 0`),
  ],
);

/**
 * Every message a standup put in front of people (the post, the thread ask, each DM ask, the summary, each
 * supervisor's DM, each blocker DM and late answer), remembered the moment it is posted under its key, so
 * a retried job posts nothing twice.
 */
export const standupPosts = pgTable(
  "standup_posts",
  {
    standupId: integer()
      .notNull()
      .references(() => standups.id, { onDelete: "cascade" }),
    /** "post", "ask", "ask:<rep>", "summary", "missing:<supervisor>", "blocker:<rep>:<version>:<supervisor>", "late:<rep>". */
    key: text().notNull(),
    channelId: text().notNull(),
    ts: text().notNull(),
    postedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.standupId, t.key] })],
);

export type Standup = typeof standups.$inferSelect;
export type StandupAnswer = typeof standupAnswers.$inferSelect;
