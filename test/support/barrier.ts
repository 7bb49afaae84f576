import postgres from "postgres";

/**
 * Forces two (or more) requests to meet inside the database, on real Postgres: a connection of the test's
 * own locks rows (`lockSql`, e.g. `select … for update`) in an open transaction; the requests are sent;
 * once `waiters` of them are waiting for a lock, the test's transaction ends and they go on, one after
 * the other, each having read whatever it read before it had to wait. Without such a barrier a
 * `Promise.all` of two requests usually just runs them one after the other and proves nothing.
 */
export async function meetAtLock<T>(
  databaseUrl: string,
  lockSql: string,
  waiters: number,
  send: () => Promise<T>[],
): Promise<T[]> {
  const holder = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const watcher = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const connection = await holder.reserve();
    await connection.unsafe("begin");
    const locked = await connection.unsafe(lockSql);
    if (locked.length === 0) throw new Error(`meetAtLock: ${lockSql} locked no row`);
    const sent = send();
    await waitForLockWaiters(watcher, waiters);
    await connection.unsafe("commit");
    connection.release();
    return await Promise.all(sent);
  } finally {
    await holder.end({ timeout: 5 });
    await watcher.end({ timeout: 5 });
  }
}

/** Polls until `count` backends of this database wait for a lock (a test's deadline bounds the wait). */
async function waitForLockWaiters(sql: postgres.Sql, count: number): Promise<void> {
  for (;;) {
    const [row] = await sql<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
