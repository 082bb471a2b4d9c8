import { db } from "@/lib/db/client.ts";
import { runRoutingSweep } from "@/lib/routing/run-routing-sweep.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { runSlaSweep } from "./run-sla-sweep.ts";

/**
 * Background loop: every TERN_SLA_SWEEP_MS (5 s by default) one SLA pass (warnings, breaches,
 * escalations) and one routing pass (re-queue unanswered assignments, drain the queue). A slow
 * pass is never overlapped by the next; several instances may run it at once (both passes are
 * idempotent under row locks and unique keys).
 */
export const slaSchedulerJob: JobStarter = {
  name: "SLA and routing scheduler",
  enabled: () => true,
  start: async ({ env, log }) => {
    let running: Promise<void> | null = null;
    const tick = () => {
      if (running) return;
      running = (async () => {
        const sla = await runSlaSweep(db());
        if (sla.breaches || sla.escalations) log(`SLA: ${sla.breaches} breach(es), ${sla.escalations} escalation(s)`);
        const routing = await runRoutingSweep(db());
        if (routing.requeued) log(`routing: ${routing.requeued} unanswered assignment(s) back to the queue`);
      })()
        .catch((error: unknown) => log(`SLA and routing scheduler failed: ${String(error)}`))
        .finally(() => {
          running = null;
        });
    };
    const timer = setInterval(tick, env.TERN_SLA_SWEEP_MS);
    return async () => {
      clearInterval(timer);
      await running;
    };
  },
};
