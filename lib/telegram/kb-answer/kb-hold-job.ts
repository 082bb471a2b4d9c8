import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { endKbHolds } from "./end-kb-holds.ts";

const INTERVAL_MS = 15_000;

/** Background loop: a conversation whose knowledge-base answer went unanswered reaches a person within about fifteen seconds of its hold's end. */
export const kbHoldJob: JobStarter = {
  name: "knowledge-base answer holds",
  enabled: () => true,
  start: async ({ log }) => {
    let running: Promise<void> | null = null;
    const tick = () => {
      // A slow round (a busy database) is never overlapped by the next one.
      if (running) return;
      running = endKbHolds(db())
        .then((count) => {
          if (count) log(`handed ${count} unanswered knowledge-base conversation(s) to a person`);
        })
        .catch((error: unknown) => log(`knowledge-base answer holds failed: ${String(error)}`))
        .finally(() => {
          running = null;
        });
    };
    const timer = setInterval(tick, INTERVAL_MS);
    tick();
    return async () => {
      clearInterval(timer);
      await running;
    };
  },
};
