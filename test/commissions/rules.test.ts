import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseCommissionCommand } from "../../src/features/commissions/command.js";
import { claimsCsv } from "../../src/features/commissions/export.js";
import {
  type ClaimDraft,
  checkClaim,
  commissionAtRate,
  decimalText,
  parseRate,
  shareOf,
} from "../../src/features/commissions/rules.js";
import type { Claim } from "../../src/features/commissions/store.js";

const context = { today: "2026-06-15", currency: "SEK", language: "sv" as const };

const draft = (change: Partial<ClaimDraft> = {}): ClaimDraft => ({
  deal: "Acme renewal",
  customer: "Acme AB",
  dealAmount: "12 500",
  commission: "1 250",
  rate: "",
  closedOn: "2026-06-12",
  checkinId: null,
  note: "",
  ...change,
});

/** The message keys of a claim's problems, by field. */
function problemsOf(change: Partial<ClaimDraft>, today = context.today): Record<string, string> {
  const checked = checkClaim(draft(change), { ...context, today });
  if (checked.ok) return {};
  return Object.fromEntries(Object.entries(checked.problems).map(([field, p]) => [field, p?.key ?? ""]));
}

describe("checkClaim", () => {
  it("takes a claim with a commission amount, in minor units of the team's currency", () => {
    const checked = checkClaim(draft({ dealAmount: "12,5k", note: "  signed Friday " }), context);
    expect(checked).toEqual({
      ok: true,
      terms: {
        deal: "Acme renewal",
        customer: "Acme AB",
        dealAmountMinor: 1_250_000,
        commissionMinor: 125_000,
        rateBasisPoints: null,
        closedOn: "2026-06-12",
        checkinId: null,
        note: "signed Friday",
      },
    });
  });

  it("turns a rate into the commission it gives, keeping the rate", () => {
    const checked = checkClaim(draft({ dealAmount: "1.2m", commission: "", rate: "7,5 %" }), context);
    expect(checked.ok && checked.terms).toMatchObject({
      dealAmountMinor: 120_000_000,
      commissionMinor: 9_000_000,
      rateBasisPoints: 750,
    });
  });

  it("allows a deal that closed today, and a commission of the whole deal", () => {
    expect(problemsOf({ closedOn: "2026-06-15", commission: "12 500" })).toEqual({});
    expect(problemsOf({ commission: "", rate: "100" })).toEqual({});
  });

  it("names every problem on its own field", () => {
    expect(problemsOf({ deal: "  ", customer: "", dealAmount: "lots", closedOn: null })).toEqual({
      deal: "commissions.invalid.dealMissing",
      customer: "commissions.invalid.customerMissing",
      dealAmount: "commissions.invalid.dealAmount",
      closedOn: "commissions.invalid.closedMissing",
    });
    expect(problemsOf({ dealAmount: "0" })).toEqual({ dealAmount: "commissions.invalid.dealAmount" });
    expect(problemsOf({ dealAmount: "-500" })).toEqual({ dealAmount: "commissions.invalid.dealAmount" });
    expect(problemsOf({ dealAmount: "12 500 usd" })).toEqual({
      dealAmount: "commissions.invalid.dealAmount",
    });
    expect(problemsOf({ dealAmount: "12 500 Acme" })).toEqual({
      dealAmount: "commissions.invalid.dealAmount",
    });
    expect(problemsOf({ commission: "", rate: "" })).toEqual({
      commission: "commissions.invalid.commissionOrRate",
    });
    expect(problemsOf({ commission: "1 250", rate: "10" })).toEqual({
      rate: "commissions.invalid.bothGiven",
    });
    expect(problemsOf({ commission: "12 501" })).toEqual({ commission: "commissions.invalid.aboveDeal" });
    expect(problemsOf({ commission: "abc" })).toEqual({ commission: "commissions.invalid.commissionAmount" });
    expect(problemsOf({ closedOn: "2026-06-16" })).toEqual({ closedOn: "commissions.invalid.closedFuture" });
    for (const rate of ["0", "100.01", "150", "-5", "ten", "7.555"]) {
      expect(problemsOf({ commission: "", rate }), rate).toEqual({ rate: "commissions.invalid.rate" });
    }
    expect(problemsOf({ dealAmount: "0,01", commission: "", rate: "10" })).toEqual({
      rate: "commissions.invalid.rateTooSmall",
    });
  });

  it("says which amount problem it was, so the message can explain it", () => {
    const checked = checkClaim(draft({ dealAmount: "12 500 usd", commission: "1,555" }), context);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.dealAmount?.params).toEqual({ problem: "wrongCurrency", currency: "SEK" });
    expect(checked.problems.commission?.params).toBeUndefined();
    const yen = checkClaim(draft({ dealAmount: "12 500,5" }), { ...context, currency: "JPY" });
    expect(!yen.ok && yen.problems.dealAmount?.params).toEqual({ problem: "tooPrecise", currency: "JPY" });
  });
});

describe("rates and shares", () => {
  it("reads a percentage with at most two decimals, either decimal mark, with or without %", () => {
    expect(parseRate("10")).toBe(1000);
    expect(parseRate("7.5")).toBe(750);
    expect(parseRate("7,5 %")).toBe(750);
    expect(parseRate("12,25%")).toBe(1225);
    expect(parseRate("7.50")).toBe(750);
    expect(parseRate("0")).toBe(0);
    expect(parseRate("-5")).toBe(-500);
    expect(parseRate("7.555")).toBeNull();
    expect(parseRate("ten")).toBeNull();
    expect(parseRate("")).toBeNull();
  });

  it("rounds the commission of a rate half up to the minor unit, in exact arithmetic", () => {
    expect(commissionAtRate(1_250_000, 1000)).toBe(125_000);
    expect(commissionAtRate(5, 1000)).toBe(1); // 0.5 öre
    expect(commissionAtRate(4, 1000)).toBe(0);
    expect(commissionAtRate(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(shareOf(1_250_000, 100_000)).toBe(0.08);
  });

  it("writes minor units as a plain decimal with the currency's digits", () => {
    expect(decimalText(1_250_000, 2)).toBe("12500.00");
    expect(decimalText(12_500, 0)).toBe("12500");
    expect(decimalText(5, 2)).toBe("0.05");
    expect(decimalText(1_234_567, 3)).toBe("1234.567");
  });
});

describe("/commission words", () => {
  it("reads the commands in English and Swedish", () => {
    expect(parseCommissionCommand("")).toEqual({ kind: "form" });
    expect(parseCommissionCommand("provision")).toEqual({ kind: "form" });
    expect(parseCommissionCommand("lista")).toEqual({ kind: "list" });
    expect(parseCommissionCommand("List")).toEqual({ kind: "list" });
    expect(parseCommissionCommand("avbryt")).toEqual({ kind: "cancel" });
    expect(parseCommissionCommand("hjälp")).toEqual({ kind: "help" });
    expect(parseCommissionCommand("bonus")).toEqual({ kind: "unknown", word: "bonus" });
  });

  it("reads an export's period: a key, this or last, this by default", () => {
    expect(parseCommissionCommand("export 2026-06")).toEqual({
      kind: "export",
      period: { kind: "key", key: "2026-06" },
    });
    expect(parseCommissionCommand("exportera 2026-q2")).toEqual({
      kind: "export",
      period: { kind: "key", key: "2026-Q2" },
    });
    expect(parseCommissionCommand("export 2026-w23")).toEqual({
      kind: "export",
      period: { kind: "key", key: "2026-W23" },
    });
    expect(parseCommissionCommand("export")).toEqual({ kind: "export", period: { kind: "this" } });
    expect(parseCommissionCommand("export förra")).toEqual({ kind: "export", period: { kind: "last" } });
    expect(parseCommissionCommand("export june")).toEqual({ kind: "exportUsage" });
    expect(parseCommissionCommand("export 2026-06 extra")).toEqual({ kind: "exportUsage" });
  });
});

describe("the payroll CSV", () => {
  const claim = (id: number, currency: string, dealMinor: number, commissionMinor: number): Claim => ({
    claim: {
      requestId: id,
      workspaceId: "T1",
      requesterId: "U1",
      deal: "Line\nbreak; and, commas",
      customer: 'Acme, "Inc"',
      dealAmountMinor: dealMinor,
      commissionMinor,
      rateBasisPoints: null,
      currency,
      closedOn: "2026-06-12",
      checkinId: null,
      note: "",
    },
    request: {
      id,
      workspaceId: "T1",
      teamId: 7,
      kind: "commission",
      requesterId: "U1",
      route: "supervisors",
      status: "approved",
      decidedBy: "U2",
      decidedAt: new Date("2026-06-15T08:30:00.123Z"),
      reason: null,
      cancelledAt: null,
      remindedAt: null,
      requestId: null,
      createdAt: new Date("2026-06-15T08:00:00Z"),
      updatedAt: new Date("2026-06-15T08:30:00Z"),
    },
  });

  it("quotes what needs quoting and writes each currency's own digits", () => {
    const csv = claimsCsv([claim(1, "SEK", 1_250_000, 125_000), claim(2, "JPY", 12_500, 1_250)], {
      person: (id) => (id === "U1" ? "Åsa Öberg" : "Sara Svensson"),
      team: () => "Sales North",
    });
    expect(csv.startsWith("\ufeffclaim_id,")).toBe(true);
    expect(csv).toContain('"Acme, ""Inc"""');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      [
        "claim_id",
        "rep_name",
        "rep_id",
        "team",
        "deal",
        "customer",
        "closed_on",
        "deal_amount",
        "commission",
        "currency",
        "approved_by_name",
        "approved_by_id",
        "approved_at",
      ],
      [
        "1",
        "Åsa Öberg",
        "U1",
        "Sales North",
        "Line\nbreak; and, commas",
        'Acme, "Inc"',
        "2026-06-12",
        "12500.00",
        "1250.00",
        "SEK",
        "Sara Svensson",
        "U2",
        "2026-06-15T08:30:00Z",
      ],
      [
        "2",
        "Åsa Öberg",
        "U1",
        "Sales North",
        "Line\nbreak; and, commas",
        'Acme, "Inc"',
        "2026-06-12",
        "12500",
        "1250",
        "JPY",
        "Sara Svensson",
        "U2",
        "2026-06-15T08:30:00Z",
      ],
    ]);
  });
});
