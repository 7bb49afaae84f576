/**
 * Steps between the bare Bolt app and Supervisor, to see where a check-in's time goes (BENCH_PARTS=ladder).
 * Each is a Bolt app on the same HTTP receiver answering `/quota`; BENCH_VARIANT picks one:
 * - `db1`: one `select 1` through drizzle on the bench database, then an empty ack;
 * - `listener`: Supervisor's command wrapper (`commandListener`: profile, translator, deadline, reply in
 *   the ack) rendering a real check-in reply (made once at start-up), with no database work per request;
 * - `service`: the whole check-in service (`checkIn`: every statement, the reply, the post task with its
 *   DB update) per request, but the channel post answered in-process instead of over HTTP.
 * The database comes from DATABASE_URL or DATA_DIR, as for the app.
 */
import { App, HTTPReceiver } from "@slack/bolt";
import { sql } from "drizzle-orm";
import { checkIn } from "../src/features/quota/checkins.js";
import { quotaMessages } from "../src/features/quota/messages.js";
import { checkinReply } from "../src/features/quota/views.js";
import { contextFor } from "../src/platform/context.js";
import { openDatabase } from "../src/platform/db/index.js";
import { createTranslator, intlLocaleFor } from "../src/platform/i18n/index.js";
import { commandListener } from "../src/platform/slack/index.js";
import { benchDeps } from "./service-deps.js";

const variant = process.env.BENCH_VARIANT ?? "";
const database = openDatabase(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: process.env.DATA_DIR ?? "" },
);
const deps = benchDeps(database.db, database.connection);
// The check-in's channel post is a job, as in the app.
await deps.jobs.start();
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  endpoints: "/slack/events",
});
const app = new App({
  receiver,
  token: "xoxb-bench",
  botId: "B0BENCH",
  botUserId: "U0BENCH",
  logLevel: "error" as never,
});

switch (variant) {
  case "db1":
    app.command("/quota", async ({ ack }) => {
      await database.db.execute(sql`select 1`);
      await ack();
    });
    break;
  case "listener": {
    const [rep, channel] = [process.env.BENCH_REP ?? "", process.env.BENCH_CHANNEL ?? ""];
    const answer = await checkIn(
      contextFor(deps, {
        workspaceId: process.env.BENCH_WORKSPACE ?? "",
        userId: rep,
        channelId: channel,
        requestId: `variant.${process.pid}`,
      }),
      "1200 note",
    );
    if (answer.kind !== "recorded") throw new Error("the bench check-in asked for confirmation");
    const outcome = answer.outcome;
    await deps.jobs.idle();
    app.command(
      "/quota",
      commandListener(deps, quotaMessages, async ({ t }) => checkinReply(t, outcome)),
    );
    // Rendered once here so a broken setup fails at start, not under load.
    checkinReply(createTranslator(quotaMessages, "en", intlLocaleFor("en")), outcome);
    break;
  }
  case "service":
    app.command(
      "/quota",
      commandListener(deps, quotaMessages, async (request) => {
        const answer = await checkIn(request.ctx, request.text);
        return answer.kind === "recorded" ? checkinReply(request.t, answer.outcome) : undefined;
      }),
    );
    break;
  default:
    throw new Error(`BENCH_VARIANT must be db1, listener or service (got "${variant}")`);
}

await app.start({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void app
    .stop()
    .then(() => deps.jobs.stop())
    .then(() => database.close())
    .then(() => process.exit(0));
});
