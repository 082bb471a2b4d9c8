import { db } from "@/lib/db/client.ts";
import { periodicJob } from "@/lib/server/periodic-job.ts";
import { wakeSnoozedTickets } from "./wake-snoozed-tickets.ts";

/** Background loop: wakes snoozed tickets within about ten seconds of their time. */
export const snoozeWakeJob = periodicJob({
  name: "snooze wake-up",
  intervalMs: 10_000,
  round: () => wakeSnoozedTickets(db()),
  done: (count) => `woke ${count} snoozed ticket(s)`,
});
