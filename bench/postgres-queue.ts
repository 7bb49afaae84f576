/**
 * A reproduction of postgres.js 3.4.9's pool queue growing under steady load (compare porsager/postgres
 * issue 747): `node --import tsx bench/postgres-queue.ts` with DATABASE_URL (default: the local Postgres).
 *
 * The pool keeps its connections in queues (open, busy, full...) made by `src/queue.js`. Its `shift()`
 * never shortens the array: it leaves a hole and moves an index, and empties the array only when the
 * queue runs dry. Under a load that never takes every connection at once, the `open` queue never runs dry,
 * so the array grows by one per query; and `move()` calls `remove()` on it, an `indexOf` from the start,
 * holes and all. Each query then costs more than the one before: the CPU per query of `select 1` grows
 * with the number of queries served. patches/postgres+3.4.9.patch compacts the array and searches from
 * the index; with it the figures stay flat.
 *
 * Prints the client CPU per query for each block of queries; the first and last blocks are compared.
 */
import postgres from "postgres";

const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BLOCKS = Number(process.env.QUEUE_BLOCKS ?? 8);
const PER_BLOCK = Number(process.env.QUEUE_PER_BLOCK ?? 20_000);
// Fewer at once than the pool holds, so some connection is always open: the queue never runs dry.
const CONCURRENCY = 4;

const sql = postgres(url, { max: 10, onnotice: () => {} });

async function block(): Promise<number> {
  const started = process.cpuUsage();
  let left = PER_BLOCK;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await sql`select 1`;
    }),
  );
  const used = process.cpuUsage(started);
  return (used.user + used.system) / PER_BLOCK;
}

// Open every connection of the pool first (as a burst of load does), then keep fewer than that busy.
await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`));

const figures: number[] = [];
for (let i = 0; i < BLOCKS; i++) {
  const micros = await block();
  figures.push(micros);
  process.stdout.write(
    `queries ${((i + 1) * PER_BLOCK).toLocaleString("en")}: ${micros.toFixed(1)} us of client CPU each\n`,
  );
}
const first = figures[0] ?? 0;
const last = figures.at(-1) ?? 0;
process.stdout.write(`last block / first block: ${(last / first).toFixed(2)} (flat is about 1.0)\n`);
await sql.end({ timeout: 5 });
