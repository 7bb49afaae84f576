import { defineConfig } from "vitest/config";

// The browser tests try the sandbox's page (what a person clicks and sees); the database's part in it is
// tried by the end-to-end tests in both modes. On Postgres (DATABASE_URL set) they are left out, so CI,
// which runs the suite in both modes, runs them once.
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: onPostgres ? ["test/sandbox/browser/**", "**/node_modules/**"] : ["**/node_modules/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});
