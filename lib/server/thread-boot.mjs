// The first module of every worker thread (lib/server/worker-thread.ts). A thread does not inherit
// the main thread's TypeScript loader, so it registers tsx before it imports its entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
