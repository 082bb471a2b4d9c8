import { createServer } from "node:http";
import { hostname } from "node:os";
import path from "node:path";
import next from "next";
import { localSecret } from "@/lib/config/local-secret.ts";
import { readEnv } from "@/lib/config/env.ts";
import { db } from "@/lib/db/client.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";
import { seedDemo } from "@/lib/demo/seed-demo.ts";
import { createRealtimeServer } from "@/lib/realtime/socket-server.ts";
import { startBackgroundJobs } from "./background-jobs.ts";
import { directRouteHandler } from "./direct-routes.ts";
import { serveWithHandler } from "./web-request-bridge.ts";

export type StartOptions = { dev: boolean; dir?: string; log?: (line: string) => void };
export type RunningTern = { url: string; close: () => Promise<void> };

/**
 * Boots one Tern instance: database (embedded when DATABASE_URL is unset), migrations,
 * demo data, Next's handler and socket.io on one HTTP server.
 */
export async function startTern(options: StartOptions): Promise<RunningTern> {
  const log = options.log ?? ((line: string) => console.log(`[tern] ${line}`));
  const dir = options.dir ?? process.cwd();
  const env = readEnv();
  const dataDir = path.resolve(dir, env.TERN_DATA_DIR);

  process.env.NEXTAUTH_SECRET ??= localSecret(dataDir, "nextauth");
  process.env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;

  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pg"), port: env.TERN_EMBEDDED_PG_PORT, database: "tern", log });
    process.env.DATABASE_URL = embedded.url;
    log(`embedded PostgreSQL on 127.0.0.1:${env.TERN_EMBEDDED_PG_PORT} (data in ${path.join(dataDir, "pg")})`);
  }
  await applyMigrations(process.env.DATABASE_URL!, { log });

  if (env.demo) {
    const demo = await seedDemo(db());
    log(demo.created ? "demo store created" : "demo store ready");
    for (const login of demo.logins) log(`  ${login.role.toLowerCase().padEnd(10)} ${login.email} / ${login.password}`);
  }

  const app = next({ dev: options.dev, dir, hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const origin = `http://localhost:${env.PORT}`;
  const httpServer = createServer((request, response) => {
    const direct = directRouteHandler(request);
    if (direct) return void serveWithHandler(direct, request, response, origin);
    handle(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const realtime = await createRealtimeServer(httpServer, { redisUrl: env.REDIS_URL, databaseUrl: process.env.DATABASE_URL, log });
  const stopJobs = await startBackgroundJobs({ env, log, instanceId: `${hostname()}:${process.pid}:${env.PORT}` });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOSTNAME, resolve);
  });
  const url = `http://localhost:${env.PORT}`;
  log(`Tern is up at ${url}${env.demo ? " (demo mode)" : ""}`);

  return {
    url,
    close: async () => {
      await stopJobs();
      await realtime.close();
      await app.close?.();
      await db().$disconnect();
      await embedded?.stop();
    },
  };
}
