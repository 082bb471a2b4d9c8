import { hostname } from "node:os";
import path from "node:path";
import { readEnv } from "@/lib/config/env.ts";
import { configFromEnvironment, installRuntimeConfig } from "@/lib/config/runtime-config.ts";
import { startWorker } from "./start-worker.ts";

/**
 * `server.ts --worker`: a worker process on its own, configured by the environment like a web
 * process (DATABASE_URL, the secrets, the BigCommerce and Telegram settings), for deployments that
 * run N web and M worker processes on one database. Demo mode runs as one command only
 * (`npm start`): its emulators live in the worker that the web process starts.
 */
export async function startStandaloneWorker(): Promise<{ close: () => Promise<void> }> {
  const env = readEnv();
  const config = configFromEnvironment(process.env);
  if (!config.databaseUrl) throw new Error("A worker on its own needs DATABASE_URL (the database its web processes use)");
  if (env.demo) throw new Error("Demo mode runs as one command: `npm start` starts its worker itself. Set the BigCommerce and Telegram credentials to run workers on their own");
  installRuntimeConfig(config);
  const log = (line: string) => console.log(`[tern worker] ${line}`);
  const worker = await startWorker({ config, env, dataDir: path.resolve(env.TERN_DATA_DIR), demoPorts: null, instanceId: `${hostname()}:${process.pid}:worker`, log });
  log("started");
  return worker;
}
