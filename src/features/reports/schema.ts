import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * A report owed to someone: written with the request that asks for it (in the same transaction as its
 * job), then delivered by the job engine step by step: the message, the chart, the CSV. Each step is
 * remembered as soon as Slack has it, so a retried job repeats none. One row per (request, recipient): a
 * replayed command or a double click finds the row and sends nothing twice.
 */
export const reportDeliveries = pgTable(
  "report_deliveries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text().notNull(),
    /** What asked for it: a slash command's trigger id, or a meeting button's message. */
    requestKey: text().notNull(),
    /** A user (their DM with the app) or a channel. */
    recipientKind: text({ enum: ["dm", "channel"] }).notNull(),
    recipient: text().notNull(),
    /** The report kind's name ("productivity"). */
    kind: text().notNull(),
    teamIds: integer().array().notNull(),
    periodKey: text().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    requestedBy: text().notNull(),
    /** A line above the report (who sent it for which meeting), or "". */
    intro: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    messageChannel: text(),
    messageTs: text(),
    chartFileId: text(),
    csvFileId: text(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("report_deliveries_request_key").on(t.workspaceId, t.requestKey, t.recipient, t.kind),
    check("report_deliveries_recipient_kind_check", sql`${t.recipientKind} in ('dm', 'channel')`),
  ],
);

export type ReportDelivery = typeof reportDeliveries.$inferSelect;
