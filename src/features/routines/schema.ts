import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { teamKey } from "../team/index.js";

/** The team posts that come on a schedule: motivation, a product spotlight, the weekly standup. */
export const ROUTINES = ["motivation", "spotlight", "standup"] as const;
export type RoutineName = (typeof ROUTINES)[number];

export const ASK_IN = ["thread", "dm"] as const;
export type AskIn = (typeof ASK_IN)[number];

/**
 * A team's setting of one routine, when it differs from the defaults (a team without a row runs the
 * defaults of `rules.ts`). Days and time are read in the team's time zone.
 */
export const teamRoutines = pgTable(
  "team_routines",
  {
    workspaceId: text().notNull(),
    teamId: integer().notNull().references(teamKey, { onDelete: "cascade" }),
    routine: text({ enum: ROUTINES }).notNull(),
    enabled: boolean().notNull(),
    /** ISO weekdays (1 = Monday). */
    days: integer().array().notNull(),
    /** Wall time "HH:MM" in the team's zone. */
    time: text().notNull(),
    /** The standup's cut-off "HH:MM" the same day (null for the others). */
    cutoff: text(),
    /** Where the standup asks each rep: in the post's thread or by DM (null for the others). */
    askIn: text({ enum: ASK_IN }),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.routine] }),
    check("team_routines_routine_check", sql`${t.routine} in ('motivation', 'spotlight', 'standup')`),
    check("team_routines_days_check", sql`${t.days} <@ array[1,2,3,4,5,6,7] and cardinality(${t.days}) > 0`),
    check("team_routines_ask_in_check", sql`${t.askIn} is null or ${t.askIn} in ('thread', 'dm')`),
  ],
);
