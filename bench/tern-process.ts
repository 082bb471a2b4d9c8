// Tern as `npm start` runs it, for the benchmarks that measure it from outside: built first, then
// started as its last command (the compiled web process, which runs the worker beside it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { fmt } from "./stats.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function build(log: (line: string) => void): void {
  // TERN_BENCH_NO_BUILD=1 reuses the last build (npm run build: Next and the compiled server and worker).
  if (process.env.TERN_BENCH_NO_BUILD === "1") return log("reusing the last build (TERN_BENCH_NO_BUILD=1)");
  log("building Tern (npm run build), as npm start does …");
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  log(`built in ${fmt((performance.now() - started) / 1000, 0)} s`);
}

/** The server command of `npm start` (after its build): node, its flags (the heap limit) and server.ts. */
export function startCommand(): string[] {
  const script = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start!;
  const command = script.split("&&").at(-1)!.trim().split(/\s+/);
  if (command[0] !== "node") throw new Error(`npm start no longer runs node directly: ${script}`);
  return command.slice(1);
}

export async function startServer(env: Record<string, string>, log: (line: string) => void, port: number): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  // TERN_BENCH_PROFILE=<dir>: the web process and its worker each write a V8 CPU profile there when they stop (open it in Chrome DevTools).
  const profile = process.env.TERN_BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.TERN_BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, ...startCommand()], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  // TERN_BENCH_SERVER_LOG=<file>: the server's own output is kept there (otherwise shown only if it fails to start).
  const keep = process.env.TERN_BENCH_SERVER_LOG ? createWriteStream(process.env.TERN_BENCH_SERVER_LOG) : null;
  const record = (chunk: Buffer) => {
    output.push(chunk.toString());
    keep?.write(chunk);
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${url}/api/health`).then((response) => response.ok).catch(() => false);
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Tern did not start:\n${output.join("")}`);
    }
    await sleep(250);
  }
  log(`Tern (pid ${child.pid}) is up at ${url}`);
  return {
    child,
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A process and its descendants (Tern's web process and the worker it runs), from /proc (Linux). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // Gone, or not Linux.
  }
  return [pid, ...children.flatMap(processTree)];
}

export function processRssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
