import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { WorkerReport, WorkerStartMessage } from "./worker-process.ts";

// `npm start` runs the compiled server (scripts/build-server.mjs), which names the compiled worker
// here, run by node alone; from source (development, tests) the worker runs through tsx.
declare const TERN_COMPILED_WORKER: string | undefined;
const COMPILED = typeof TERN_COMPILED_WORKER === "string" ? TERN_COMPILED_WORKER : null;
const ENTRY = COMPILED ?? fileURLToPath(new URL("./worker-process.ts", import.meta.url));
const LOADER = COMPILED ? [] : ["--import", "tsx"];
const RESTART_DELAY_MS = 2_000;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
// The worker's heap: it holds no page renders. Its old generation is capped as the inbound worker
// thread's was (it used 45–60 MB under load). Its young generation's semi-spaces are 16 MB: with
// 4 MB the worker collected garbage 1,131 times in a live-server bench run (3.0 s in all) against
// about 300 times (1.9 s), for 25 MB less resident memory (docs/performance.md).
const WORKER_OLD_SPACE_MB = 160;
const WORKER_SEMI_SPACE_MB = 16;
// Prisma's query compiler is WebAssembly: V8 recompiles its hot functions with its optimizing
// compiler, which cost each process about 80 MB of resident memory and no measurable CPU once warm
// (docs/performance.md). Its baseline compiler alone serves. The web process gets the same flag
// from the start script.
const WASM_FLAGS = ["--liftoff-only"];
// A CPU profile of the web process (`node --cpu-prof`, as TERN_BENCH_PROFILE asks) is taken of
// its worker too.
const PROFILE_FLAGS = process.execArgv.filter((flag) => flag.startsWith("--cpu-prof"));

export type SupervisedWorker = { stop: () => Promise<void> };

/**
 * Runs the worker as a child process of this one (`npm start` is one command) and keeps it
 * running: a worker that dies is started again with the same configuration. Resolves once the
 * first worker reported ready. Its claimed events are not lost when it dies: their leases run out
 * and the next worker takes them.
 */
export async function superviseWorker(start: Omit<WorkerStartMessage, "type">, log: (line: string) => void): Promise<SupervisedWorker> {
  let stopping = false;
  let current: ChildProcess | null = null;

  const spawn = (): Promise<void> => {
    const child = fork(ENTRY, [], { execArgv: [...LOADER, `--max-old-space-size=${WORKER_OLD_SPACE_MB}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`, ...WASM_FLAGS, ...PROFILE_FLAGS], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    current = child;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      child.on("message", (message: WorkerReport) => {
        if (message.type === "ready") {
          clearTimeout(timer);
          resolve();
        } else if (message.type === "failed") {
          clearTimeout(timer);
          reject(new Error(`the worker failed to start: ${message.error}`));
        }
      });
    });
    child.on("exit", (code, signal) => {
      if (current === child) current = null;
      if (stopping) return;
      log(`the worker stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again in ${RESTART_DELAY_MS / 1000} s`);
      setTimeout(() => {
        if (!stopping) spawn().catch((error: unknown) => log(String(error)));
      }, RESTART_DELAY_MS).unref();
    });
    child.send({ type: "start", ...start } satisfies WorkerStartMessage);
    return ready;
  };

  await spawn();
  return {
    stop: async () => {
      stopping = true;
      const child = current;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
