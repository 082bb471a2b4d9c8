import { sealLegacyWebhookSecrets } from "@/lib/crypto/seal-legacy-webhook-secrets.ts";
import { createServer } from "node:http";
import { hostname } from "node:os";
import path from "node:path";
import next from "next";
import { localSecret } from "@/lib/config/local-secret.ts";
import { readEnv } from "@/lib/config/env.ts";
import { configFromEnvironment, installRuntimeConfig, type RuntimeConfig } from "@/lib/config/runtime-config.ts";
import { db } from "@/lib/db/client.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";
import { seedDemo } from "@/lib/demo/seed-demo.ts";
import { startDemoEmulators } from "@/lib/demo/start-demo-emulators.ts";
import { startDomainEventDispatcher } from "@/lib/domain-events/start-domain-event-dispatcher.ts";
import { emitTo } from "@/lib/realtime/publish.ts";
import { realtimeSubscriber } from "@/lib/realtime/realtime-subscriber.ts";
import { createRealtimeServer } from "@/lib/realtime/socket-server.ts";
import { telegramSubscriber } from "@/lib/telegram/telegram-subscriber.ts";
import { startBackgroundJobs } from "./background-jobs.ts";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "./client-address.ts";
import { directRouteHandler } from "./direct-routes.ts";
import { securityHeaders, withDefaultHeaders } from "./security-headers.ts";
import { serveWithHandler } from "./web-request-bridge.ts";

function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export type StartOptions = { dev: boolean; dir?: string; log?: (line: string) => void };
export type RunningTern = { url: string; close: () => Promise<void> };

/**
 * Boots one Tern instance: database (embedded when DATABASE_URL is unset), demo mode's emulators,
 * the runtime configuration (decided here, once, before anything reads it), migrations, demo data,
 * Next's handler and socket.io on one HTTP server, then the background jobs.
 */
export async function startTern(options: StartOptions): Promise<RunningTern> {
  const log = options.log ?? ((line: string) => console.log(`[tern] ${line}`));
  const dir = options.dir ?? process.cwd();
  const env = readEnv();
  const dataDir = path.resolve(dir, env.TERN_DATA_DIR);
  const fromEnvironment = configFromEnvironment(process.env);
  const sessionSecret = fromEnvironment.sessionSecret || localSecret(dataDir, "nextauth");

  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pg"), port: env.TERN_EMBEDDED_PG_PORT, database: "tern", log });
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
  }
  const demo = env.demo ? await startDemoEmulators({ dataDir, ownTelegramApi: Boolean(process.env.TELEGRAM_API_ROOT?.trim()), log }) : null;

  const config: RuntimeConfig = {
    ...fromEnvironment,
    databaseUrl: embedded?.url ?? fromEnvironment.databaseUrl,
    sessionSecret,
    encryptionKey: fromEnvironment.encryptionKey || sessionSecret,
    bigcommerce: demo
      ? { apiUrl: demo.bigcommerce.url, loginUrl: demo.bigcommerce.url, clientId: demo.app.clientId, clientSecret: demo.app.clientSecret }
      : fromEnvironment.bigcommerce,
    telegramApiRoot: demo?.telegram?.apiRoot ?? fromEnvironment.telegramApiRoot,
    controlPanel: demo ? { appOpenUrl: demo.controlPanelOpenUrl } : null,
  };
  installRuntimeConfig(config);
  await applyMigrations(config.databaseUrl, { log });
  const sealed = await sealLegacyWebhookSecrets(db());
  if (sealed) log(`sealed the webhook secrets of ${sealed} store(s) kept in plain text by an earlier version`);

  if (env.demo) {
    const seeded = await seedDemo(db());
    log(seeded.created ? "demo store created" : "demo store ready");
    for (const login of seeded.logins) log(`  ${login.role.toLowerCase().padEnd(10)} ${login.email} / ${login.password}`);
  }

  const app = next({ dev: options.dev, dir, hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const origin = `http://localhost:${env.PORT}`;
  const proxies = trustedProxies(env.TERN_TRUSTED_PROXIES);
  // Two variants for the life of the server: the sign-in page's, and every other response's.
  const headers = { page: securityHeaders("/", config, { dev: options.dev }), signIn: securityHeaders("/login", config, { dev: options.dev }) };
  const httpServer = createServer((request, response) => {
    // Over anything the client sent under that name: routes read the address from here.
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
    withDefaultHeaders(response, pathOf(request.url) === "/login" ? headers.signIn : headers.page);
    const direct = directRouteHandler(request);
    if (direct) return void serveWithHandler(direct, request, response, origin);
    handle(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const realtime = await createRealtimeServer(httpServer, { redisUrl: env.REDIS_URL, databaseUrl: config.databaseUrl, log });
  // After commit, each ticket change reaches the inbox and the Telegram channel from its domain events.
  const dispatcher = startDomainEventDispatcher(db(), {
    databaseUrl: config.databaseUrl,
    log,
    subscribers: [realtimeSubscriber(db(), (broadcast) => emitTo(realtime.io, broadcast)), telegramSubscriber(db(), log)],
  });
  const stopJobs = await startBackgroundJobs({ env, log, demo, instanceId: `${hostname()}:${process.pid}:${env.PORT}` });

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
      await dispatcher.stop();
      await realtime.close();
      await app.close?.();
      await demo?.close();
      await db().$disconnect();
      await embedded?.stop();
    },
  };
}
