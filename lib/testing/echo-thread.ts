// A worker thread for lib/server/worker-thread.integration.test.ts: on "test:ping" it broadcasts
// to its store and answers "test:pong"; on "test:crash" it dies, to be started again.
import { workerData } from "node:worker_threads";
import { publishMetricsChanged } from "@/lib/realtime/publish.ts";
import { joinMainThread } from "@/lib/server/join-main-thread.ts";
import { wakeSignal } from "@/lib/server/wake-signal.ts";

const { storeId } = (workerData as { data: { storeId: string } }).data;
const main = joinMainThread();
const ping = wakeSignal("test:ping");
const pong = wakeSignal("test:pong");
const crash = wakeSignal("test:crash");
let running = true;

async function answerPings(): Promise<void> {
  let answered = ping.count();
  while (running) {
    await ping.wait(200);
    if (crash.count() > 0) process.exit(3);
    if (ping.count() === answered) continue;
    answered = ping.count();
    publishMetricsChanged(storeId, "ping from a thread");
    pong.notify();
  }
}

void answerPings();
main.onStop(async () => {
  running = false;
});
main.log("echo thread ready");
