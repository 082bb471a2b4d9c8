// The worker process's entry when `npm start` (start-tern.ts) runs it as its child: the parent
// sends the configuration it decided over the IPC channel (never through the environment), and
// learns when the worker is up. The worker ends when asked, or when its parent is gone.
import type { Env } from "@/lib/config/env.ts";
import { installRuntimeConfig, type RuntimeConfig } from "@/lib/config/runtime-config.ts";
import type { DemoPorts } from "@/lib/demo/start-demo-emulators.ts";
import { startWorker } from "./start-worker.ts";

/** `host` and `port` name the Tern this worker belongs to; its id adds its own pid (host:pid:port, as web processes are named). */
export type WorkerStartMessage = { type: "start"; config: RuntimeConfig; env: Env; dataDir: string; demoPorts: DemoPorts | null; host: string; port: number };
export type WorkerReport = { type: "ready" } | { type: "failed"; error: string };

const log = (line: string) => console.log(`[tern worker] ${line}`);
const report = (message: WorkerReport) => process.send?.(message);

const start = await new Promise<WorkerStartMessage>((resolve) => {
  process.on("message", (message: WorkerStartMessage) => {
    if (message?.type === "start") resolve(message);
  });
});
installRuntimeConfig(start.config);
const worker = await startWorker({ ...start, instanceId: `${start.host}:${process.pid}:${start.port}`, log }).catch((error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  log(`failed to start: ${text}`);
  report({ type: "failed", error: text });
  process.exit(1);
});
report({ type: "ready" });

let stopping = false;
async function stop(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping`);
  await worker.close().catch((error: unknown) => log(`stopping failed: ${String(error)}`));
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
// The parent died without stopping it (killed): a worker must not outlive its Tern.
process.on("disconnect", () => void stop("the web process is gone"));
