import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/job-starter.ts";
import { applyEnvBot, connectTelegramBots } from "./configure-telegram-bots.ts";
import { startSimulatedCustomers } from "./demo/simulate-telegram-customers.ts";
import { startTelegramDemo } from "./demo/start-telegram-demo.ts";
import { startOutboxSender } from "./outbox/start-outbox-sender.ts";


/**
 * Everything Telegram that runs in the background: in demo mode the Bot API emulator and its
 * simulated customers; the environment's bot on the default store; webhook registration or
 * polling per store (TELEGRAM_MODE); and the sender that drains the outbox.
 */
export const telegramJob: JobStarter = {
  name: "telegram (bots, outbox sender)",
  enabled: (env) => env.TERN_TELEGRAM_JOB ?? true,
  start: async ({ env, log, instanceId, demo: emulators }) => {
    const client = db();
    // Telegram trouble must never keep Tern from starting: log it and run without.
    const demo = emulators?.telegram
      ? await startTelegramDemo(client, emulators.telegram, log).catch((error: unknown) => {
          log(`telegram: demo emulator not started: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        })
      : null;
    const defaultStore = await applyEnvBot(client, env).catch((error: unknown) => {
      log(`telegram: TELEGRAM_BOT_TOKEN not applied: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (env.TELEGRAM_BOT_TOKEN && !defaultStore) log("telegram: TELEGRAM_BOT_TOKEN is set but no store exists yet; restart after installing the app");
    const connections = await connectTelegramBots(client, env, log).catch((error: unknown) => {
      log(`telegram: bots not connected: ${error instanceof Error ? error.message : String(error)}`);
      return { stop: async () => undefined };
    });
    const sender = startOutboxSender(client, { workerId: `${instanceId}:telegram`, log });
    const pace = env.TERN_DEMO_TELEGRAM_MS ?? env.TERN_DEMO_TRAFFIC_MS;
    const traffic = demo && pace > 0 ? startSimulatedCustomers({ db: client, storeId: demo.storeId, bot: demo.bot, log, intervalMs: pace }) : null;
    return async () => {
      await traffic?.stop();
      await sender.stop();
      await connections.stop();
    };
  },
};
