import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import { emitBroadcast } from "@/lib/realtime/publish.ts";
import type { FromThread, ToThread } from "./thread-messages.ts";
import { setWakeRelay, wakeHere } from "./wake-signal.ts";

const BOOT = new URL("./thread-boot.mjs", import.meta.url);
const RESTART_DELAY_MS = 2_000;
// A thread's own heap limits: the inbound worker uses 50–70 MB under load. Without them V8 sizes a
// thread's heap like the main thread's, and the process's resident memory nears its 500 MB budget.
const MAX_OLD_GENERATION_MB = 128;
const MAX_YOUNG_GENERATION_MB = 8;
const STOP_TIMEOUT_MS = 15_000;

const threads = new Set<Worker>();

function send(thread: Worker, message: ToThread): void {
  thread.postMessage(message);
}

function wakeThreads(name: string, except?: Worker): void {
  for (const thread of threads) if (thread !== except) send(thread, { type: "wake", name });
}

export type WorkerThread = { stop: () => Promise<void> };

/**
 * Runs a background loop on its own thread (own event loop, own database pool), so its CPU work
 * uses the machine's other core and never delays the main thread's requests and sockets. The
 * thread's broadcasts go out through the main thread's socket.io server, wake signals cross in
 * both directions, and its log lines come here. A thread that dies is started again.
 * `entry` is a module that calls joinMainThread (lib/server/join-main-thread.ts).
 */
export function startWorkerThread(input: { name: string; entry: URL; data: unknown; log: (line: string) => void }): WorkerThread {
  const { name, log } = input;
  let stopping = false;
  let current: Worker;

  // Notifies made on the main thread (a webhook stored, a reply queued) reach every thread.
  setWakeRelay((signal) => wakeThreads(signal));

  function spawn(): void {
    const thread = new Worker(BOOT, { name, workerData: { entry: input.entry.href, data: input.data, config: runtimeConfig() }, resourceLimits: { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB, maxYoungGenerationSizeMb: MAX_YOUNG_GENERATION_MB } });
    current = thread;
    threads.add(thread);
    thread.on("message", (message: FromThread) => {
      switch (message.type) {
        case "broadcast":
          return emitBroadcast(message.broadcast);
        case "wake":
          wakeHere(message.name);
          return wakeThreads(message.name, thread);
        case "log":
          return log(message.line);
      }
    });
    thread.on("error", (error) => log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    thread.on("exit", (code) => {
      threads.delete(thread);
      if (stopping) return;
      // Its claimed events are not lost: their leases run out and a worker takes them again.
      log(`${name} stopped unexpectedly (exit code ${code}); starting it again in ${RESTART_DELAY_MS / 1000} s`);
      setTimeout(() => {
        if (!stopping) spawn();
      }, RESTART_DELAY_MS).unref();
    });
  }
  spawn();

  return {
    stop: async () => {
      stopping = true;
      const thread = current;
      if (!threads.has(thread)) return;
      const exited = once(thread, "exit");
      send(thread, { type: "stop" });
      const timer = setTimeout(() => void thread.terminate(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      if (threads.size === 0) setWakeRelay(undefined);
    },
  };
}
