import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { approvalKey } from "../approvals/index.js";

/**
 * A commission claim's details; its place in the workflow (pending, approved, denied, cancelled, who
 * decided and when) is its approval request, which has the same id. Money is in integer minor units of the
 * team's currency when it was filed; a claim given as a rate keeps the rate, and the commission it gave.
 */
export const commissionClaims = pgTable(
  "commission_claims",
  {
    requestId: integer().primaryKey().references(approvalKey, { onDelete: "cascade" }),
    workspaceId: text().notNull(),
    requesterId: text().notNull(),
    deal: text().notNull(),
    customer: text().notNull(),
    dealAmountMinor: bigint({ mode: "number" }).notNull(),
    commissionMinor: bigint({ mode: "number" }).notNull(),
    /** The rate the rep gave instead of an amount, in hundredths of a percent (750 = 7.5 %). */
    rateBasisPoints: integer(),
    currency: text().notNull(),
    /** The day the deal closed, in the team's calendar: what puts the claim in a payroll period. */
    closedOn: date({ mode: "string" }).notNull(),
    /**
     * The rep's own quota check-in of the sale, if they linked one. Checked to be theirs when filed; a plain
     * id (quotas keep their tables to themselves), so a check-in removed since leaves the claim as it was.
     */
    checkinId: bigint({ mode: "number" }),
    note: text().notNull().default(""),
  },
  (t) => [
    index("commission_claims_requester_idx").on(t.workspaceId, t.requesterId, t.closedOn),
    index("commission_claims_closed_idx").on(t.workspaceId, t.closedOn),
    check("commission_claims_deal_amount_check", sql`${t.dealAmountMinor} > 0`),
    check(
      "commission_claims_commission_check",
      sql`${t.commissionMinor} > 0 and ${t.commissionMinor} <= ${t.dealAmountMinor}`,
    ),
    check(
      "commission_claims_rate_check",
      sql`${t.rateBasisPoints} is null or ${t.rateBasisPoints} between 1 and 10000`,
    ),
  ],
);

export type CommissionClaimRow = typeof commissionClaims.$inferSelect;
