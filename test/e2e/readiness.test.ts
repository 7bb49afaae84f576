import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../../src/sandbox/fake-slack/index.js";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db.js";
import { type AppProcess, startApp } from "../support/process.js";

/**
 * A TCP proxy in front of Postgres that the test can cut and mend: the database "goes away" for this app
 * only, while every other test keeps using the server.
 */
class CuttableProxy {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  port = 0;

  async open(port = 0): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(5432, "127.0.0.1");
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on("close", () => this.#sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

let fake: FakeSlack;
let database: TestDatabase;
const proxy = new CuttableProxy();
const running: AppProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  fake = await startFakeSlack();
  database = await createTestDatabase();
  await proxy.open();
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.stop("SIGKILL")));
  await proxy.cut();
  await database?.close();
  await fake?.close();
});

const get = async (port: number, path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).status;

describe.skipIf(!onPostgres)(
  `readiness${onPostgres ? "" : " (skipped: needs a Postgres server to take away; set DATABASE_URL)"}`,
  { timeout: 90_000 },
  () => {
    it("answers /readyz 503 while the database is unreachable and 200 once it is back, without a restart", async () => {
      const url = new URL(database.url as string);
      url.host = `127.0.0.1:${proxy.port}`;
      const app = startApp({
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: "readiness-secret",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_URL: url.toString(),
      });
      running.push(app);
      const [, port] = await app.waitFor(/Slack request URL http:\/\/\S+:(\d+)\/slack\/events/);
      expect([await get(Number(port), "/healthz"), await get(Number(port), "/readyz")]).toEqual([200, 200]);

      const at = proxy.port;
      await proxy.cut();
      expect(await get(Number(port), "/readyz")).toBe(503);
      expect(await get(Number(port), "/healthz")).toBe(200);

      await proxy.open(at);
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = await get(Number(port), "/readyz");
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
      expect(app.child.exitCode).toBeNull();
    });
  },
);
