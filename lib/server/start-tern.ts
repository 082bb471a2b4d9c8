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
import { demoApp, demoUrls, type DemoPorts } from "@/lib/demo/start-demo-emulators.ts";
import { createRealtimeServer } from "@/lib/realtime/socket-server.ts";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "./client-address.ts";
import { directRouteHandler } from "./direct-routes.ts";
import { freePort } from "./free-port.ts";
import { superviseWorker } from "./supervise-worker.ts";
import { securityHeaders, withDefaultHeaders } from "./security-headers.ts";
import { serveWithHandler } from "./web-request-bridge.ts";

function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export type StartOptions = {
  dev: boolean;
  dir?: string;
  log?: (line: string) => void;
  /** Run the worker process beside the web one (default); false for a web process alone (workers run elsewhere). */
  worker?: boolean;
};
export type RunningTern = { url: string; close: () => Promise<void> };

/**
 * Boots one Tern: database (embedded when DATABASE_URL is unset), the runtime configuration
 * (decided here, once, before anything reads it), migrations, demo data, then the web process's
 * own work (Next's handler, the webhook receivers and socket.io on one HTTP server), and the
 * worker process beside it (lib/server/start-worker.ts), which it keeps running. The two meet
 * only in PostgreSQL.
 */
// Pages that take a password or a token: never framed by the control panel (security-headers.ts).
const SIGN_IN_PAGES = new Set(["/login", "/connect"]);

export async function startTern(options: StartOptions): Promise<RunningTern> {
  const log = options.log ?? ((line: string) => console.log(`[tern] ${line}`));
  const dir = options.dir ?? process.cwd();
  const env = readEnv();
  // Demo mode's emulators and traffic live in the worker this process starts: no demo without it.
  if (options.worker === false && env.demo) throw new Error("Demo mode runs as one command (`npm start`). Set the BigCommerce and Telegram credentials to run web processes alone");
  const dataDir = path.resolve(dir, env.TERN_DATA_DIR);
  const fromEnvironment = configFromEnvironment(process.env);
  const sessionSecret = fromEnvironment.sessionSecret || localSecret(dataDir, "nextauth");

  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pg"), port: env.TERN_EMBEDDED_PG_PORT, database: "tern", log });
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
  }
  // Demo mode's emulators run in the worker; their ports are chosen here, so the configuration names them.
  const demoPorts: DemoPorts | null = env.demo ? { bigcommerce: await freePort(), telegram: process.env.TELEGRAM_API_ROOT?.trim() ? null : await freePort() } : null;
  const demo = demoPorts && { urls: demoUrls(demoPorts), app: demoApp(dataDir) };

  const config: RuntimeConfig = {
    ...fromEnvironment,
    databaseUrl: embedded?.url ?? fromEnvironment.databaseUrl,
    sessionSecret,
    encryptionKey: fromEnvironment.encryptionKey || sessionSecret,
    bigcommerce: demo
      ? { apiUrl: demo.urls.bigcommerce, loginUrl: demo.urls.bigcommerce, clientId: demo.app.clientId, clientSecret: demo.app.clientSecret }
      : fromEnvironment.bigcommerce,
    telegramApiRoot: demo?.urls.telegramApiRoot ?? fromEnvironment.telegramApiRoot,
    setupCode: fromEnvironment.setupCode || localSecret(dataDir, "setup-code"),
    controlPanel: demo ? { appOpenUrl: demo.urls.controlPanelOpenUrl } : null,
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
    withDefaultHeaders(response, SIGN_IN_PAGES.has(pathOf(request.url)) ? headers.signIn : headers.page);
    const direct = directRouteHandler(request);
    if (direct) return void serveWithHandler(direct, request, response, origin);
    handle(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const realtime = await createRealtimeServer(httpServer, { redisUrl: env.REDIS_URL, databaseUrl: config.databaseUrl, log });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOSTNAME, resolve);
  });
  const worker = options.worker === false ? null : await superviseWorker({ config, env, dataDir, demoPorts, host: hostname(), port: env.PORT }, log);
  const url = `http://localhost:${env.PORT}`;
  log(`Tern is up at ${url}${env.demo ? " (demo mode)" : ""}`);
  // The file, never the code: whoever runs Tern reads it there (logs are read by more people).
  if (!fromEnvironment.setupCode) log(`to connect a store with an API account at ${url}/connect, use the setup code in ${path.join(dataDir, "setup-code.secret")}`);

  return {
    url,
    close: async () => {
      await worker?.stop();
      await realtime.close();
      await app.close?.();
      await db().$disconnect();
      await embedded?.stop();
    },
  };
}
