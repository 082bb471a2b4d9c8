import type { Env } from "@/lib/config/env.ts";
import type { DemoEmulators } from "@/lib/demo/start-demo-emulators.ts";
import type { DomainEventHandOff } from "@/lib/domain-events/domain-event.ts";

/** What every background job is started with. */
export type JobContext = {
  env: Env;
  log: (line: string) => void;
  instanceId: string;
  /** Demo mode's emulators, started before any job (their URLs are in the runtime configuration). */
  demo?: DemoEmulators | null;
  /** This process's domain-event dispatcher, to hand the events of its own writes to at once. */
  handOffDomainEvents?: DomainEventHandOff;
};

/**
 * Starts one background loop and returns how to stop it (stop waits for work in hand to finish).
 * Its own module, so the jobs and the list that starts them (background-jobs.ts) do not import
 * each other.
 */
export type JobStarter = { name: string; enabled: (env: Env) => boolean; start: (context: JobContext) => Promise<() => Promise<void>> };
