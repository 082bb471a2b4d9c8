import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { RealtimeServer } from "./publish.ts";

// socket.io-adapter's MessageType.BROADCAST (an emit to rooms); its enum is not exported by the packages Tern depends on.
const BROADCAST = 3;
// The adapter's own heartbeat timing (its defaults): a live peer is heard from every 5 s and given up after 10 s.
const HEARTBEAT_INTERVAL_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

// The adapter's peers and its publishing step, which its typings keep private.
type PeerAwareAdapter = { nodesMap: Map<string, number>; doPublish(message: { type: number }): Promise<string> };

/**
 * Fans socket.io events across Tern instances through PostgreSQL's LISTEN/NOTIFY when there is no
 * Redis: every deployment already has the database, so a second instance works without new
 * infrastructure. Events over NOTIFY's 8 kB go through the socket_io_attachments table.
 *
 * An instance that knows it is alone emits to its own sockets only: a NOTIFY per event that no one
 * else reads costs the database and this process a round trip each (about a third of a
 * millisecond of CPU per event, measured in bench/live-server.ts). It is sure it is alone only after
 * a full heartbeat timeout with no peer heard and no failed publish: a peer that starts announces
 * itself at once, one that was already running is heard within a heartbeat interval, and after a
 * database outage (failed publishes) every event is published again until peers have had time to
 * be heard from.
 */
// How long a process starting while PostgreSQL is down (restarting, failing over) waits for it.
const DATABASE_WAIT_MS = 60_000;

/**
 * A worker process started while the database restarts must not die of it (it did: the soak's
 * replacement worker exited with ECONNREFUSED): wait, then go on as if it had been up.
 */
async function waitForDatabase(pool: pg.Pool, log: ((line: string) => void) | undefined): Promise<void> {
  const deadline = Date.now() + DATABASE_WAIT_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await pool.query("SELECT 1");
      if (attempt > 0) log?.("socket.io fan-out: the database is back");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (attempt === 0) log?.(`socket.io fan-out: waiting for the database (${error instanceof Error ? error.message : String(error)})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function attachPostgresAdapter(
  io: RealtimeServer,
  databaseUrl: string,
  options: { channelPrefix?: string; log?: (line: string) => void; heartbeatIntervalMs?: number; heartbeatTimeoutMs?: number } = {},
): Promise<() => Promise<void>> {
  const { log } = options;
  const heartbeatInterval = options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
  const heartbeatTimeout = options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  // One connection stays in LISTEN; the others carry NOTIFYs and attachment reads and writes.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on("error", (error) => log?.(`socket.io fan-out pool: ${error.message}`));
  // The adapter keeps its LISTEN connection checked out, where the pool's handler does not reach:
  // without a listener of its own, that connection's error when the database restarts would be an
  // uncaught exception and end the process. The adapter reconnects by itself once the connection ends.
  pool.on("connect", (client) => client.on("error", (error) => log?.(`socket.io fan-out connection: ${error.message}`)));
  await waitForDatabase(pool, log);

  let unsureUntil = Date.now() + heartbeatTimeout;
  const makeAdapter = createAdapter(pool, {
    channelPrefix: options.channelPrefix ?? "tern",
    tableName: "socket_io_attachments",
    heartbeatInterval,
    heartbeatTimeout,
    errorHandler: (error) => {
      unsureUntil = Date.now() + heartbeatTimeout;
      log?.(`socket.io fan-out: ${error.message}`);
    },
  });
  // socket.io calls `new` on what it is given: a function returning the adapter serves.
  function TernPostgresAdapter(namespace: Parameters<typeof makeAdapter>[0]) {
    const adapter = makeAdapter(namespace);
    const internals = adapter as unknown as PeerAwareAdapter;
    const publish = internals.doPublish.bind(adapter);
    internals.doPublish = (message) => {
      const alone = internals.nodesMap.size === 0 && Date.now() >= unsureUntil;
      return message.type === BROADCAST && alone ? Promise.resolve("") : publish(message);
    };
    return adapter;
  }
  io.adapter(TernPostgresAdapter as unknown as Parameters<RealtimeServer["adapter"]>[0]);
  log?.("socket.io fans out through PostgreSQL LISTEN/NOTIFY");
  return async () => {
    await pool.end().catch(() => undefined);
  };
}
