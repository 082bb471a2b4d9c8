import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { RealtimeServer } from "./publish.ts";

/**
 * Fans socket.io events across Tern instances through PostgreSQL's LISTEN/NOTIFY when there is no
 * Redis: every deployment already has the database, so a second instance works without new
 * infrastructure. Events over NOTIFY's 8 kB go through the socket_io_attachments table.
 */
export async function attachPostgresAdapter(
  io: RealtimeServer,
  databaseUrl: string,
  options: { channelPrefix?: string; log?: (line: string) => void } = {},
): Promise<() => Promise<void>> {
  const { log } = options;
  // One connection stays in LISTEN; the others carry NOTIFYs and attachment reads and writes.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on("error", (error) => log?.(`socket.io fan-out pool: ${error.message}`));
  // The adapter keeps its LISTEN connection checked out, where the pool's handler does not reach:
  // without a listener of its own, that connection's error when the database restarts would be an
  // uncaught exception and end the process. The adapter reconnects by itself once the connection ends.
  pool.on("connect", (client) => client.on("error", (error) => log?.(`socket.io fan-out connection: ${error.message}`)));
  await pool.query("SELECT 1");
  io.adapter(
    createAdapter(pool, {
      channelPrefix: options.channelPrefix ?? "tern",
      tableName: "socket_io_attachments",
      errorHandler: (error) => log?.(`socket.io fan-out: ${error.message}`),
    }),
  );
  log?.("socket.io fans out through PostgreSQL LISTEN/NOTIFY");
  return async () => {
    await pool.end().catch(() => undefined);
  };
}
