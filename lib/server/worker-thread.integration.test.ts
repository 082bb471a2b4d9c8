import { afterEach, describe, expect, it } from "vitest";
import { createStore, createUser } from "@/lib/testing/factories.ts";
import { startRealtimeHarness, type RealtimeHarness } from "@/lib/testing/realtime-harness.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { wakeSignal } from "./wake-signal.ts";
import { startWorkerThread, type WorkerThread } from "./worker-thread.ts";

// A real worker thread (its own isolate, module graph and globals) and a real socket.io client.

let harness: RealtimeHarness | undefined;
let thread: WorkerThread | undefined;

afterEach(async () => {
  await thread?.stop();
  await harness?.close();
});

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("startWorkerThread", () => {
  it("carries wake signals both ways and the thread's broadcasts to socket.io clients; a thread that dies is started again", async () => {
    harness = await startRealtimeHarness();
    const store = await createStore();
    const agent = await harness.connect({ cookie: await sessionCookieFor(await createUser(store.id)) });
    const logs: string[] = [];
    thread = startWorkerThread({ name: "echo thread", entry: new URL("../testing/echo-thread.ts", import.meta.url), data: { storeId: store.id }, log: (line) => logs.push(line) });
    const ready = () => logs.filter((line) => line === "echo thread ready").length;
    await until(() => ready() === 1, "the thread to start");

    const pong = wakeSignal("test:pong");
    const ping = async () => {
      const before = pong.count();
      const broadcast = new Promise((resolve) => agent.once("metrics:changed", resolve));
      wakeSignal("test:ping").notify();
      expect(await broadcast).toEqual({ reason: "ping from a thread" });
      await until(() => pong.count() > before, "the thread's answer");
    };
    await ping();

    wakeSignal("test:crash").notify();
    await until(() => logs.some((line) => line.includes("echo thread stopped unexpectedly (exit code 3)")), "the crash to be noticed");
    await until(() => ready() === 2, "the thread to start again");
    await ping();
  });

  it("stops the thread when asked, letting it finish first", async () => {
    const store = await createStore();
    const logs: string[] = [];
    thread = startWorkerThread({ name: "echo thread", entry: new URL("../testing/echo-thread.ts", import.meta.url), data: { storeId: store.id }, log: (line) => logs.push(line) });
    await until(() => logs.includes("echo thread ready"), "the thread to start");
    await thread.stop();
    thread = undefined;
    expect(logs.filter((line) => line.includes("unexpectedly"))).toEqual([]);
  });
});
