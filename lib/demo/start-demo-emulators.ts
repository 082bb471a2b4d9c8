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

/**
 * Demo mode's outside world, started before anything that talks to it: the BigCommerce emulator
 * (its demo store's data kept under the data directory across restarts) and the Telegram Bot API
 * emulator. Their URLs become part of the runtime configuration; the demo jobs then install the
 * demo store and its bot on them (lib/demo/bigcommerce-demo-job.ts, lib/telegram/telegram-job.ts).
 */
export async function startDemoEmulators(input: { dataDir: string; ownTelegramApi: boolean; log: (line: string) => void }): Promise<DemoEmulators> {
  const demoDir = path.join(input.dataDir, "demo");
  const stateFile = path.join(demoDir, "bigcommerce-store.json");
  const app: EmulatedApp = { clientId: DEMO_APP_CLIENT_ID, clientSecret: localSecret(demoDir, "bigcommerce-app") };
  const bigcommerce = await startBigcommerceEmulator({
    app,
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
  const telegram = input.ownTelegramApi ? null : await startTelegramEmulator();
  return {
    bigcommerce,
    app,
    controlPanelOpenUrl: `${bigcommerce.url}/control-panel/stores/${DEMO_STORE_HASH}/apps/open`,
    telegram,
    close: async () => {
      await telegram?.close();
      await bigcommerce.close();
    },
  };
}
