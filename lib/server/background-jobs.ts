import { bigcommerceReconcileJob } from "@/lib/bigcommerce/reconcile-job.ts";
import { customerImportJob } from "@/lib/customers/import/customer-import-job.ts";
import { bigcommerceDemoJob } from "@/lib/demo/bigcommerce-demo-job.ts";
import { inboundWorkerJob } from "@/lib/inbound/inbound-worker-job.ts";
import { slaSchedulerJob } from "@/lib/sla/sla-scheduler-job.ts";
import { snoozeWakeJob } from "@/lib/tickets/snooze-wake-job.ts";
import { kbHoldJob } from "@/lib/telegram/kb-answer/kb-hold-job.ts";
import { telegramJob } from "@/lib/telegram/telegram-job.ts";
import type { JobContext, JobStarter } from "./job-starter.ts";

// The worker process's loops (lib/server/start-worker.ts); each domain adds its own here: inbound
// event worker, Telegram outbox, SLA scheduler, demo traffic. The order does not carry
// configuration: everything a job needs was decided before the first one starts
// (lib/config/runtime-config.ts).
const JOBS: JobStarter[] = [inboundWorkerJob, bigcommerceDemoJob, bigcommerceReconcileJob, customerImportJob, slaSchedulerJob, snoozeWakeJob, kbHoldJob, telegramJob];

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
