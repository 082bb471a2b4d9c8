import { processShared } from "@/lib/config/process-registry.ts";
/**
 * The configuration one running Tern decided at start: what the environment said, filled in with
 * what start-up chose (the embedded database's URL, generated secrets, the demo emulators' URLs).
 * It is decided once, before anything that reads it starts, and never changes afterwards.
 *
 * In the web process, Next's route bundle and the server (tsx) load `lib` as separate module
 * copies: a module-level variable would not be shared. So the value lives in the process registry
 * (lib/config/process-registry.ts). The worker process receives it from the web
 * process that starts it, over IPC (lib/server/worker-process.ts). `process.env` is never written
 * to carry it.
 */
export type RuntimeConfig = {
  databaseUrl: string;
  /** Where browsers and BigCommerce reach this Tern (NEXTAUTH_URL, else http://localhost:PORT). */
  publicUrl: string;
  /** Signs session cookies (NEXTAUTH_SECRET, else generated into the data directory). */
  sessionSecret: string;
  /** Key material for secrets stored encrypted (TERN_ENCRYPTION_KEY, else the session secret). */
  encryptionKey: string;
  bigcommerce: {
    apiUrl: string;
    loginUrl: string;
    /** The app's credentials (BIGCOMMERCE_CLIENT_ID/SECRET; demo mode's own app on the emulator). */
    clientId?: string;
    clientSecret?: string;
  };
  telegramApiRoot: string;
  /**
   * Proves a first store connection by API account comes from whoever runs this Tern
   * (TERN_SETUP_CODE, else generated into the data directory as setup-code.secret); "" turns the
   * signed-out first connection off.
   */
  setupCode: string;
  /**
   * The control panel page that opens Tern for a store, as a store admin reaches it (demo mode:
   * the BigCommerce emulator's, for the demo store); null where Tern cannot know it.
   */
  controlPanel: { appOpenUrl: string } | null;
};

const holder = processShared<{ config?: RuntimeConfig }>("config/runtime", () => ({}));

const DEFAULT_BIGCOMMERCE_API_URL = "https://api.bigcommerce.com";
const DEFAULT_BIGCOMMERCE_LOGIN_URL = "https://login.bigcommerce.com";
const DEFAULT_TELEGRAM_API_ROOT = "https://api.telegram.org";

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * The configuration as the environment alone gives it: for tools and tests that never start a
 * server (they set their variables before anything runs), and the base a server starts from.
 */
export function configFromEnvironment(source: Readonly<Record<string, string | undefined>>): RuntimeConfig {
  const sessionSecret = trimmed(source.NEXTAUTH_SECRET) ?? "";
  return {
    databaseUrl: trimmed(source.DATABASE_URL) ?? "",
    publicUrl: withoutTrailingSlash(trimmed(source.NEXTAUTH_URL) ?? `http://localhost:${trimmed(source.PORT) ?? "3000"}`),
    sessionSecret,
    encryptionKey: trimmed(source.TERN_ENCRYPTION_KEY) ?? sessionSecret,
    bigcommerce: {
      apiUrl: withoutTrailingSlash(trimmed(source.BIGCOMMERCE_API_URL) ?? DEFAULT_BIGCOMMERCE_API_URL),
      loginUrl: withoutTrailingSlash(trimmed(source.BIGCOMMERCE_LOGIN_URL) ?? DEFAULT_BIGCOMMERCE_LOGIN_URL),
      clientId: trimmed(source.BIGCOMMERCE_CLIENT_ID),
      clientSecret: trimmed(source.BIGCOMMERCE_CLIENT_SECRET),
    },
    telegramApiRoot: withoutTrailingSlash(trimmed(source.TELEGRAM_API_ROOT) ?? DEFAULT_TELEGRAM_API_ROOT),
    setupCode: trimmed(source.TERN_SETUP_CODE) ?? "",
    controlPanel: null,
  };
}

/** Called once per process by whoever starts it (start-tern.ts, worker-process.ts, start-standalone-worker.ts). */
export function installRuntimeConfig(config: RuntimeConfig): void {
  if (holder.config) throw new Error("The runtime configuration is decided once per process");
  holder.config = Object.freeze({ ...config, bigcommerce: Object.freeze({ ...config.bigcommerce }), controlPanel: config.controlPanel && Object.freeze({ ...config.controlPanel }) });
}

/** This process's configuration: the one a server installed, else the environment's. */
export function runtimeConfig(): RuntimeConfig {
  return holder.config ?? configFromEnvironment(process.env);
}
