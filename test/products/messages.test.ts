import { describe, expect, it } from "vitest";
import { ownProductMessages } from "../../src/features/products/messages.js";
import type { Catalog } from "../../src/platform/i18n/index.js";

/** Parameters that fit any product message: lists where a list is expected, numbers for counts. */
const sample = new Proxy({} as Record<string, unknown>, {
  get: (_, key) => {
    const name = String(key);
    if (["supervisors", "teams", "tags"].includes(name)) return ["U1", "U2"];
    if (["count", "max"].includes(name)) return 2;
    return `«${name}»`;
  },
});

function render(catalog: Catalog, key: string): string {
  const message = catalog[key];
  return typeof message === "function" ? (message as (p: unknown) => string)(sample) : String(message);
}

describe("product messages", () => {
  const { en, sv } = ownProductMessages;

  it("exist and render in English and Swedish, with the same placeholders", () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/«(\w+)»|U\d/g)].map((m) => m[0]).sort();
    for (const key of Object.keys(en)) {
      expect(render(en, key).trim(), key).not.toBe("");
      expect(placeholders(render(sv, key)), key).toEqual(placeholders(render(en, key)));
    }
  });

  it("are really translated", () => {
    expect(Object.keys(en).filter((key) => render(en, key) === render(sv, key))).toEqual([]);
  });

  it("speak of products and selling points in Swedish", () => {
    expect(render(sv, "product.modal.keyPoints")).toBe("Säljargument");
    expect(render(sv, "product.list.title")).toBe("Produkter i «team»");
    expect(render(sv, "product.unknown")).toBe(
      'Det finns ingen produkt "«ref»" på listan för «team». Produkter: `#U1`, `#U2`.',
    );
  });
});
