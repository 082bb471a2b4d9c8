import { wakeSignal } from "@/lib/server/wake-signal.ts";

/**
 * Wakes the worker's import loop when this process queues an import. The web process queues them,
 * so across processes the loop also polls (lib/customers/import/customer-import-job.ts).
 */
const signal = wakeSignal("customer-import");

export const notifyCustomerImport = signal.notify;
export const waitForCustomerImport = signal.wait;
