import type { Db } from "./client.ts";

async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/**
 * Records the outcome of work that already happened (a message sent, an event processed) even if
 * the database is away right then (a restart, a failover): the write is retried until it is back,
 * within `patienceMs`. Giving up would leave the row claimed until its lease ends, and the work
 * would be done a second time. Callers pass half their lease, so no other worker has taken the row
 * back meanwhile. An error with the database reachable is retried once (a connection that died in
 * the restart), then thrown.
 */
export async function writeWhenReachable<T>(db: Db, write: () => Promise<T>, options: { patienceMs: number }): Promise<T> {
  const deadline = Date.now() + options.patienceMs;
  let retriedReachable = false;
  for (let pause = 250; ; pause = Math.min(pause * 2, 5_000)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + pause > deadline) throw error;
      if (await databaseReachable(db)) {
        if (retriedReachable) throw error;
        retriedReachable = true;
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
