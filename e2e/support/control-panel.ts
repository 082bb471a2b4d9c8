import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startTelegramEmulator, type EmulatorBot, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { E2E_APP, e2eEmulatorUrls } from "./emulator-ports.ts";

export type ControlPanel = {
  bigcommerce: BigcommerceEmulator;
  telegram: TelegramEmulator;
  /** A bot no store has connected yet: an admin pastes its token into Tern. */
  bot: EmulatorBot;
  /** The emulated control panel page that shows Tern in an iframe: install (auth callback) or open (load callback). */
  url: (kind: "install" | "open", storeHash: string, user: { id: number; email: string }, owner?: { id: number; email: string }) => string;
  close: () => Promise<void>;
};

/**
 * The emulators where the e2e server expects them (e2e/support/emulator-ports.ts), for specs that
 * drive the BigCommerce app through its control panel: the page lives on 127.0.0.1 and frames
 * Tern on localhost, so the app runs cross-site exactly as inside BigCommerce.
 */
export async function startControlPanel(baseURL: string): Promise<ControlPanel> {
  const urls = e2eEmulatorUrls(Number(new URL(baseURL).port));
  const bigcommerce = await startBigcommerceEmulator({ port: Number(new URL(urls.bigcommerce).port), app: E2E_APP });
  const telegram = await startTelegramEmulator({ port: Number(new URL(urls.telegram).port) });
  const bot = telegram.createBot({ username: "tern_admin_e2e_bot", firstName: "Tern Admin E2E" });
  const tern = new URL(baseURL).origin;
  return {
    bigcommerce,
    telegram,
    bot,
    url: (kind, storeHash, user, owner = user) => {
      const callback = `${tern}/api/bigcommerce/${kind === "install" ? "auth" : "load"}`;
      const query = new URLSearchParams({ app: callback, user_id: String(user.id), email: user.email, owner_id: String(owner.id), owner_email: owner.email });
      return `${urls.bigcommerce}/control-panel/stores/${storeHash}/apps/${kind}?${query.toString()}`;
    },
    close: async () => {
      await bigcommerce.flushWebhooks().catch(() => undefined);
      await Promise.all([bigcommerce.close(), telegram.close()]);
    },
  };
}
