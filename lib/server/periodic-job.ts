import type { JobStarter } from "./job-starter.ts";

/**
 * A background job that runs one round every `intervalMs` (and once at start), never overlapping
 * a slow round (a busy database) with the next. `round` returns how many things it did, which
 * `done` turns into a log line (none for 0).
 */
export function periodicJob(input: { name: string; intervalMs: number; round: () => Promise<number>; done: (count: number) => string }): JobStarter {
  return {
    name: input.name,
    enabled: () => true,
    start: async ({ log }) => {
      let running: Promise<void> | null = null;
      const tick = () => {
        if (running) return;
        running = input
          .round()
          .then((count) => {
            if (count) log(input.done(count));
          })
          .catch((error: unknown) => log(`${input.name} failed: ${String(error)}`))
          .finally(() => {
            running = null;
          });
      };
      const timer = setInterval(tick, input.intervalMs);
      tick();
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
  };
}
