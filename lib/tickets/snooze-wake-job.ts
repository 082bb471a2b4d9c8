import type { JobStarter } from "@/lib/server/job-starter.ts";
import { db } from "@/lib/db/client.ts";
import { wakeSnoozedTickets } from "./wake-snoozed-tickets.ts";

const INTERVAL_MS = 10_000;

/** Background loop: wakes snoozed tickets within about ten seconds of their time. */
export const snoozeWakeJob: JobStarter = {
  name: "snooze wake-up",
  enabled: () => true,
  start: async ({ log }) => {
    let running: Promise<void> | null = null;
    const tick = () => {
      // A slow round (a busy database) is never overlapped by the next one.
      if (running) return;
      running = wakeSnoozedTickets(db())
        .then((count) => {
          if (count) log(`woke ${count} snoozed ticket(s)`);
        })
        .catch((error: unknown) => log(`snooze wake-up failed: ${String(error)}`))
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
