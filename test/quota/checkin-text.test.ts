import { describe, expect, it } from "vitest";
import { readCheckinText } from "../../src/features/quota/checkin-text.js";

const sek = (text: string) => readCheckinText(text, { language: "sv", currency: "SEK" });
const usd = (text: string) => readCheckinText(text, { language: "en", currency: "USD" });

describe("check-ins as people write them", () => {
  it("reads the amount first, with the note and tags after it", () => {
    expect(sek("12 500 kr Acme förnyelse #widgets")).toEqual({
      ok: true,
      minor: 1_250_000,
      note: "Acme förnyelse",
      tags: ["widgets"],
    });
  });

  it("reads a verb (and its little words) before the amount, in English and Swedish", () => {
    expect(usd("sold 5000 to Acme")).toEqual({ ok: true, minor: 500_000, note: "Acme", tags: [] });
    expect(sek("sålde för 5000 kr")).toEqual({ ok: true, minor: 500_000, note: "", tags: [] });
    expect(sek("sålde för 5000 kr till Acme")).toEqual({ ok: true, minor: 500_000, note: "Acme", tags: [] });
    expect(usd("closed a deal of $12,500 with Globex #gadget")).toEqual({
      ok: true,
      minor: 1_250_000,
      note: "Globex",
      tags: ["gadget"],
    });
  });

  it("keeps a joining word that is the whole note, and words that are not before the amount", () => {
    expect(usd("5000 to")).toEqual({ ok: true, minor: 500_000, note: "to", tags: [] });
    expect(usd("Acme 5000")).toEqual({ ok: false, problem: "unreadable" });
  });

  it("passes on the amount's own problem after a verb", () => {
    expect(usd("sold -500")).toEqual({ ok: false, problem: "negative" });
    expect(sek("sålde för $500")).toEqual({ ok: false, problem: "wrongCurrency" });
  });

  it("asks which amount when the note holds a second one", () => {
    expect(usd("5000 Acme and 3000 Globex")).toEqual({
      ok: false,
      problem: "twoAmounts",
      amounts: [500_000, 300_000],
    });
    expect(sek("sålde 5000 kr och 3k")).toEqual({
      ok: false,
      problem: "twoAmounts",
      amounts: [500_000, 300_000],
    });
    expect(usd("$5,000 plus $250 setup")).toEqual({
      ok: false,
      problem: "twoAmounts",
      amounts: [500_000, 25_000],
    });
  });

  it("does not take years, counts and small numbers in the note for amounts", () => {
    expect(usd("5000 Acme renewal 2027")).toEqual({
      ok: true,
      minor: 500_000,
      note: "Acme renewal 2027",
      tags: [],
    });
    expect(usd("5000 Acme 2 licenses")).toEqual({
      ok: true,
      minor: 500_000,
      note: "Acme 2 licenses",
      tags: [],
    });
  });
});
