import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The layering ARCHITECTURE.md asks for, held by reading every import in src/. */
const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "public" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import of a file (type-only ones too), as src-relative paths of .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gs)].map(
    (m) => m[1] as string,
  );
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s.replace(/\.js$/, ".ts"))));
}

const graph = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file)]));
const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1];

describe("architecture", () => {
  it("has no import cycles (type-only imports count too)", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" > "));
        return;
      }
      state.set(file, "visiting");
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("keeps the platform free of features", () => {
    const wrong = [...graph].flatMap(([file, imports]) =>
      file.startsWith("platform/")
        ? imports.filter((i) => i.startsWith("features/")).map((i) => `${file} > ${i}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it("lets a feature use another only through its index.ts", () => {
    const wrong = [...graph].flatMap(([file, imports]) => {
      const own = featureOf(file);
      if (!own) return [];
      return imports
        .filter((i) => {
          const other = featureOf(i);
          return other !== undefined && other !== own && i !== `features/${other}/index.ts`;
        })
        .map((i) => `${file} > ${i}`);
    });
    expect(wrong).toEqual([]);
  });

  it("reads the whole tree (the checks above are not vacuous)", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("features/quota/checkins.ts")).toContain("features/team/index.ts");
  });
});
