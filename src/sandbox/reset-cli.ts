/**
 * `npm run sandbox:reset`: deletes the sandbox's data (its embedded database and simulated workspace in
 * DATA_DIR/sandbox/) so the next `npm start` begins again with the demo. A running sandbox is reset
 * with its own "Reset demo" button instead.
 */
import { configOfProcess } from "../config.js";
import { holderOf, sandboxPaths, wipeFolder } from "./data-folder.js";

function main(): number {
  const config = configOfProcess();
  if (!config) return 1;
  if (config.databaseUrl) {
    process.stderr.write(
      "DATABASE_URL is set, so the sandbox keeps its data in that Postgres database, which this command does not delete.\nReset that database yourself (or unset DATABASE_URL to use the embedded one).\n",
    );
    return 1;
  }
  const paths = sandboxPaths(config.dataDir);
  const holder = holderOf(paths);
  if (holder !== null) {
    process.stderr.write(
      `The sandbox is running (process ${holder}). Use its "Reset demo" button, or stop it and run this again.\n`,
    );
    return 1;
  }
  wipeFolder(paths);
  process.stdout.write(
    `Sandbox data deleted (${paths.root}). The next \`npm start\` starts over with the demo.\n`,
  );
  return 0;
}

process.exitCode = main();
