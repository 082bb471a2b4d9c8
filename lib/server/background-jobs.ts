import { bigcommerceReconcileJob } from "@/lib/bigcommerce/reconcile-job.ts";
import type { Env } from "@/lib/config/env.ts";
import { bigcommerceDemoJob } from "@/lib/demo/bigcommerce-demo-job.ts";
import type { DemoEmulators } from "@/lib/demo/start-demo-emulators.ts";
import { inboundWorkerJob } from "@/lib/inbound/inbound-worker-job.ts";
import { slaSchedulerJob } from "@/lib/sla/sla-scheduler-job.ts";
import { snoozeWakeJob } from "@/lib/tickets/snooze-wake-job.ts";
import { telegramJob } from "@/lib/telegram/telegram-job.ts";

export type JobContext = {
  env: Env;
  log: (line: string) => void;
  instanceId: string;
  /** Demo mode's emulators, started before any job (their URLs are in the runtime configuration). */
  demo?: DemoEmulators | null;
};
/** Starts one background loop and returns how to stop it (stop waits for work in hand to finish). */
export type JobStarter = { name: string; enabled: (env: Env) => boolean; start: (context: JobContext) => Promise<() => Promise<void>> };

// Each domain adds its loop here: inbound event worker, Telegram outbox, SLA scheduler, demo traffic.
// The order does not carry configuration: everything a job or its thread needs was decided before
// the first one starts (lib/config/runtime-config.ts).
const JOBS: JobStarter[] = [inboundWorkerJob, bigcommerceDemoJob, bigcommerceReconcileJob, slaSchedulerJob, snoozeWakeJob, telegramJob];

export async function startBackgroundJobs(context: JobContext): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  for (const job of JOBS) {
    if (!job.enabled(context.env)) continue;
    stops.push(await job.start(context));
    context.log(`started ${job.name}`);
  }
  return async () => {
    // Stop in reverse order: later jobs may depend on earlier ones.
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => context.log(`stopping a job failed: ${String(error)}`));
  };
}
