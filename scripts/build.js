/**
 * `npm run build`: compiles src/ to dist/ (or the folder given) and copies what the compiler does not,
 * the sandbox page's static files, so `npm start` runs from the build with no compiler at run time.
 */
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = resolve(process.argv[2] ?? join(root, "dist"));

rmSync(outDir, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [
    join(root, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    join(root, "tsconfig.build.json"),
    "--outDir",
    outDir,
  ],
  { stdio: "inherit" },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync(join(root, "src", "sandbox", "web", "public"), join(outDir, "sandbox", "web", "public"), {
  recursive: true,
});
// The reports' chart font (text in a PNG needs a font file; this one goes wherever the app does).
cpSync(join(root, "src", "features", "reports", "fonts"), join(outDir, "features", "reports", "fonts"), {
  recursive: true,
});
process.stdout.write(`built ${outDir}\n`);
