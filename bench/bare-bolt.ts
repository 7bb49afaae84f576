/**
 * The baseline: a Bolt app on the same HTTP receiver that only acks /team and /quota. Whatever Supervisor
 * adds (database, Slack profile cache, rendering, channel posts) shows as the distance from this.
 */
import { App, HTTPReceiver } from "@slack/bolt";

const port = Number(process.env.PORT ?? 0);
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
app.command("/team", async ({ ack }) => {
  await ack();
});
app.command("/quota", async ({ ack }) => {
  await ack();
});
await app.start({ port, host: "127.0.0.1" });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
