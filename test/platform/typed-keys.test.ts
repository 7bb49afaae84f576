import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("message keys are checked by the compiler", () => {
  it("makes every UserError through a catalog-typed problemsOf(), never with a bare string key", () => {
    // problemsOf<Catalog>() types the key and its parameters against the catalog, so a misspelt key fails
    // typecheck; `new UserError("…")` anywhere else would slip past it.
    const bare = sourceFiles(SRC)
      .filter((file) => readFileSync(file, "utf8").includes("new UserError("))
      .map((file) => relative(SRC, file));
    expect(bare).toEqual(["platform/errors.ts"]);
  });
});
