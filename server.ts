// Top-level await below needs this file to be a module.
export {};

// `server.ts` runs Tern as `npm start` does: the web process, with the worker process as its
// child (lib/server/supervise-worker.ts). `--web` runs a web process alone and `--worker` a
// worker alone, for deployments that scale them separately (ARCHITECTURE.md).
const production = process.argv.includes("--production") || process.env.NODE_ENV === "production";
const role = process.argv.includes("--worker") ? "worker" : process.argv.includes("--web") ? "web" : "both";
// Next reads NODE_ENV, and next-auth NEXTAUTH_URL, from the environment themselves while they load:
// they are set here, before anything starts. Nothing writes the environment after this line; the
// rest of the configuration is decided once and passed on as a value (lib/config/runtime-config.ts).
(process.env as Record<string, string>).NODE_ENV = production ? "production" : "development";
process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT?.trim() || 3000}`;

type Running = { close: () => Promise<void> };
const started: Promise<Running> =
  role === "worker"
    ? import("@/lib/server/start-standalone-worker.ts").then(({ startStandaloneWorker }) => startStandaloneWorker())
    : import("@/lib/server/start-tern.ts").then(({ startTern }) => startTern({ dev: !production, worker: role === "both" }));
const tern = await started.catch((error: unknown) => {
  console.error("[tern] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[tern] ${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 20_000);
  force.unref();
  await tern.close().catch((error: unknown) => console.error("[tern] shutdown error:", error));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
