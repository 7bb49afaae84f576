/**
 * `npm start`: the compiled app in `dist/` when `npm run build` made it and no source file is newer (a
 * production host: no compiler at run time); otherwise the TypeScript in `src/` through tsx (a fresh clone,
 * development). One process either way, so SIGTERM reaches the app itself.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const built = join(root, "dist", "main.js");

/** The newest modification time of any file under a folder. */
function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const hasSource = existsSync(join(root, "src", "main.ts"));
const fresh = existsSync(built) && (!hasSource || statSync(built).mtimeMs >= newest(join(root, "src")));

if (fresh) {
  await import(new URL("./dist/main.js", import.meta.url).href);
} else {
  if (existsSync(built)) {
    process.stderr.write("dist/ is older than src/: running the TypeScript (npm run build to use dist/)\n");
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("./src/main.ts", import.meta.url).href);
}
