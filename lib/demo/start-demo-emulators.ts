import path from "node:path";
import { localSecret } from "@/lib/config/local-secret.ts";
import type { EmulatedApp } from "@/lib/emulators/bigcommerce/emulated-oauth.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startTelegramEmulator, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { readDemoStoreState, writeDemoStoreState } from "./demo-store-state-file.ts";
import { DEMO_STORE_HASH } from "./seed-demo.ts";

export type DemoEmulators = {
  bigcommerce: BigcommerceEmulator;
  /** The app the emulated control panel knows: demo mode's BigCommerce app credentials. */
  app: EmulatedApp;
  /** The emulated control panel's page that opens the app for the demo store. */
  controlPanelOpenUrl: string;
  /** Null when TELEGRAM_API_ROOT names a Bot API of the operator's own. */
  telegram: TelegramEmulator | null;
  close: () => Promise<void>;
};

const DEMO_APP_CLIENT_ID = "tern-demo-app";

/** Where the emulators listen: chosen by the process that starts Tern, so its URLs are known before they run (they run in the worker). */
export type DemoPorts = { bigcommerce: number; telegram: number | null };

/** Demo mode's BigCommerce app: its secret kept in the data directory, the same in every process and across restarts. */
export function demoApp(dataDir: string): EmulatedApp {
  return { clientId: DEMO_APP_CLIENT_ID, clientSecret: localSecret(path.join(dataDir, "demo"), "bigcommerce-app") };
}

/** The emulators' URLs for the runtime configuration. */
export function demoUrls(ports: DemoPorts): { bigcommerce: string; telegramApiRoot: string | null; controlPanelOpenUrl: string } {
  const bigcommerce = `http://127.0.0.1:${ports.bigcommerce}`;
  return {
    bigcommerce,
    telegramApiRoot: ports.telegram === null ? null : `http://127.0.0.1:${ports.telegram}`,
    controlPanelOpenUrl: `${bigcommerce}/control-panel/stores/${DEMO_STORE_HASH}/apps/open`,
  };
}

/**
 * Demo mode's outside world, started before anything that talks to it: the BigCommerce emulator
 * (its demo store's data kept under the data directory across restarts) and the Telegram Bot API
 * emulator. Their URLs become part of the runtime configuration; the demo jobs then install the
 * demo store and its bot on them (lib/demo/bigcommerce-demo-job.ts, lib/telegram/telegram-job.ts).
 */
export async function startDemoEmulators(input: { dataDir: string; ports: DemoPorts; log: (line: string) => void }): Promise<DemoEmulators> {
  const stateFile = path.join(input.dataDir, "demo", "bigcommerce-store.json");
  const app = demoApp(input.dataDir);
  const bigcommerce = await startBigcommerceEmulator({
    app,
    port: input.ports.bigcommerce,
    restoreStore: (hash) => (hash === DEMO_STORE_HASH ? readDemoStoreState(stateFile, input.log) : undefined),
    onStoreChange: (store) => {
      if (store.hash !== DEMO_STORE_HASH) return;
      try {
        writeDemoStoreState(stateFile, store);
      } catch (error) {
        input.log(`demo store: not saved (${error instanceof Error ? error.message : String(error)})`);
      }
    },
  });
  const telegram = input.ports.telegram === null ? null : await startTelegramEmulator({ port: input.ports.telegram });
  return {
    bigcommerce,
    app,
    controlPanelOpenUrl: demoUrls(input.ports).controlPanelOpenUrl,
    telegram,
    close: async () => {
      await telegram?.close();
      await bigcommerce.close();
    },
  };
}
