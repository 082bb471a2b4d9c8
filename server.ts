// Top-level await below needs this file to be a module.
export {};

const production = process.argv.includes("--production") || process.env.NODE_ENV === "production";
// Next reads NODE_ENV while it loads; set it before anything starts.
(process.env as Record<string, string>).NODE_ENV = production ? "production" : "development";
const { startTern } = await import("@/lib/server/start-tern.ts");

const tern = await startTern({ dev: !production }).catch((error: unknown) => {
  console.error("[tern] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[tern] ${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await tern.close().catch((error: unknown) => console.error("[tern] shutdown error:", error));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
