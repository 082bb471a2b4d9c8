import path from "node:path";
import { E2E_WORLD } from "./e2e-world.ts";
import { E2E_APP, e2eEmulatorUrls } from "./emulator-ports.ts";

/** Where the e2e server of `appPort` keeps its data: secrets, and the URL of its test database for peers. */
export function e2eDataDir(appPort: number): string {
  return `.data/e2e-${appPort}`;
}

export function e2eDatabaseUrlFile(appPort: number): string {
  return path.join(e2eDataDir(appPort), "database-url");
}

/**
 * The environment of an e2e Tern instance. BigCommerce and Telegram are emulators run by the specs
 * (e2e/support/emulators.ts, control-panel.ts): Tern gets their URLs and the emulated app's
 * credentials. Demo mode stays off (it would start emulators and traffic of its own). A peer
 * instance (e2e/start-peer.ts) takes the same environment as the instance it joins, as instances
 * of one deployment do, and only listens on another port.
 */
export function configureE2eServer(appPort: number, listenPort: number = appPort): void {
  const emulators = e2eEmulatorUrls(appPort);
  (process.env as Record<string, string>).NODE_ENV = "production";
  Object.assign(process.env, {
    PORT: String(listenPort),
    // next-auth reads it itself; server.ts sets the same default.
    NEXTAUTH_URL: `http://localhost:${listenPort}`,
    // Shared by a peer: its NEXTAUTH_SECRET (kept here) must match for sessions to cross instances.
    TERN_DATA_DIR: e2eDataDir(appPort),
    TERN_DEMO: "0",
    TERN_ENCRYPTION_KEY: E2E_WORLD.encryptionKey,
    BIGCOMMERCE_API_URL: emulators.bigcommerce,
    BIGCOMMERCE_LOGIN_URL: emulators.bigcommerce,
    BIGCOMMERCE_CLIENT_ID: E2E_APP.clientId,
    BIGCOMMERCE_CLIENT_SECRET: E2E_APP.clientSecret,
    TELEGRAM_API_ROOT: emulators.telegram,
    TELEGRAM_MODE: "webhook",
  });
}
