import { parentPort } from "node:worker_threads";
import { setBroadcastRelay } from "@/lib/realtime/publish.ts";
import type { FromThread, ToThread } from "./thread-messages.ts";
import { setWakeRelay, wakeHere } from "./wake-signal.ts";

export type MainThreadLink = {
  log: (line: string) => void;
  /** Runs `stop` when the main thread asks this thread to stop, then ends the thread. */
  onStop: (stop: () => Promise<void>) => void;
};

/** The worker thread's side of lib/server/worker-thread.ts: broadcasts, wake signals and log lines go to the main thread. */
export function joinMainThread(): MainThreadLink {
  const port = parentPort;
  if (!port) throw new Error("joinMainThread is for worker threads");
  const send = (message: FromThread) => port.postMessage(message);
  setBroadcastRelay((broadcast) => send({ type: "broadcast", broadcast }));
  setWakeRelay((name) => send({ type: "wake", name }));

  let stop: () => Promise<void> = async () => undefined;
  port.on("message", (message: ToThread) => {
    if (message.type === "wake") return wakeHere(message.name);
    void stop()
      .catch((error: unknown) => send({ type: "log", line: `stopping failed: ${String(error)}` }))
      // Ends this thread only (pools and timers would otherwise keep it alive).
      .finally(() => process.exit(0));
  });
  return {
    log: (line) => send({ type: "log", line }),
    onStop: (handler) => {
      stop = handler;
    },
  };
}
