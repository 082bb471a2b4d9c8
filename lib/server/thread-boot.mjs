// The first module of every worker thread (lib/server/worker-thread.ts). A thread does not inherit
// the main thread's TypeScript loader, so it registers tsx before it imports its entry; nor its
// globals, so it installs the configuration the main thread started with before anything reads it.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { installRuntimeConfig } = await import(new URL("../config/runtime-config.ts", import.meta.url).href);
installRuntimeConfig(workerData.config);
await import(workerData.entry);
