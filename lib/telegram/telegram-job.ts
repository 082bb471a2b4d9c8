import { db } from "@/lib/db/client.ts";
import type { JobStarter } from "@/lib/server/background-jobs.ts";
import { applyEnvBot, connectTelegramBots } from "./configure-telegram-bots.ts";
import { startSimulatedCustomers } from "./demo/simulate-telegram-customers.ts";
import { startTelegramDemo } from "./demo/start-telegram-demo.ts";
import { startOutboxSender } from "./outbox/start-outbox-sender.ts";

/** TERN_DEMO_TELEGRAM_MS paces the simulated customers (else TERN_DEMO_TRAFFIC_MS, like the BigCommerce demo; 0 = none). */
function demoTrafficMs(): number {
  const raw = process.env.TERN_DEMO_TELEGRAM_MS ?? process.env.TERN_DEMO_TRAFFIC_MS;
  const value = raw === undefined || raw.trim() === "" ? 15_000 : Number(raw);
  return Number.isFinite(value) ? value : 15_000;
}

/**
 * Everything Telegram that runs in the background: in demo mode the Bot API emulator and its
 * simulated customers; the environment's bot on the default store; webhook registration or
 * polling per store (TELEGRAM_MODE); and the sender that drains the outbox.
 */
export const telegramJob: JobStarter = {
  name: "telegram (bots, outbox sender)",
  enabled: () => process.env.TERN_TELEGRAM_JOB !== "0",
  start: async ({ env, log, instanceId }) => {
    const client = db();
    // Telegram trouble must never keep Tern from starting: log it and run without.
    const demo = env.demo
      ? await startTelegramDemo(client, log).catch((error: unknown) => {
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
    const traffic = demo && demoTrafficMs() > 0 ? startSimulatedCustomers({ db: client, storeId: demo.storeId, bot: demo.bot, log, intervalMs: demoTrafficMs() }) : null;
    return async () => {
      await traffic?.stop();
      await sender.stop();
      await connections.stop();
      await demo?.emulator.close();
    };
  },
};
