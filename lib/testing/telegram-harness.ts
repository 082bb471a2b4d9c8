import * as attachmentRoute from "@/app/api/v1/attachments/[messageId]/[index]/route.ts";
import * as webhookRoute from "@/app/api/webhooks/telegram/route.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startTelegramEmulator, type EmulatorBot, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import type { RealtimeServer } from "@/lib/realtime/publish.ts";
import { connectStoreBot, registerTelegramWebhook } from "@/lib/telegram/connect-store-bot.ts";
import { runOutboxBatch, type OutboxBatchResult } from "@/lib/telegram/outbox/run-outbox-batch.ts";
import { storeBot } from "@/lib/telegram/store-bot.ts";
import { connectEmulatedStore } from "./bigcommerce-fixtures.ts";
import { startTestDispatcher } from "./event-dispatcher.ts";
import { createStore, type TestStore } from "./factories.ts";
import { startRouteServer, type RouteServer } from "./route-server.ts";

export type TelegramHarness = {
  emulator: TelegramEmulator;
  bot: EmulatorBot;
  bigcommerce: BigcommerceEmulator;
  shop: EmulatedStore;
  store: TestStore;
  webhookSecret: string;
  /** Tern's routes (webhook, attachments) over real HTTP. */
  server: RouteServer;
  /** Waits until the emulator delivered every update to the webhook, then runs the inbound worker until nothing is due. */
  processInbound: () => Promise<void>;
  /** Runs the sender on its own clock (moved forward past pacing gaps and retry_after instead of sleeping) until nothing is queued. */
  sendOutbox: (options?: { maxRounds?: number; stepMs?: number }) => Promise<OutboxBatchResult[]>;
  /** Delivers the store's ticket changes to this socket.io server's clients from now on. */
  pushTo: (io: RealtimeServer) => void;
  /** processInbound then sendOutbox. */
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

/** Runs the inbound worker for one store until nothing is due. */
export async function drainInbound(storeId: string, workerId = `test-${storeId}`): Promise<void> {
  for (let round = 0; round < 50; round += 1) {
    const batch = await runInboundBatch(db(), { workerId, storeId, limit: 20 });
    if (batch.claimed === 0) return;
  }
}

/**
 * The sender for one store on its own clock, moved forward past pacing gaps and retry_after
 * instead of sleeping, until nothing is queued (HELD stays held).
 */
export function outboxDrainer(storeId: string, workerId = `test-${storeId}`) {
  let clock = Date.now();
  const pending = async () => {
    const [deliveries, messages] = await Promise.all([
      db().telegramDelivery.count({ where: { storeId, status: { in: ["QUEUED", "SENDING"] } } }),
      db().message.count({ where: { storeId, channel: "TELEGRAM", kind: "OUTBOUND", deliveryStatus: "QUEUED" } }),
    ]);
    return deliveries + messages;
  };
  return async ({ maxRounds = 400, stepMs = 1_100 }: { maxRounds?: number; stepMs?: number } = {}): Promise<OutboxBatchResult[]> => {
    const results: OutboxBatchResult[] = [];
    for (let round = 0; round < maxRounds; round += 1) {
      clock = Math.max(clock, Date.now());
      results.push(await runOutboxBatch(db(), { workerId, storeIds: [storeId], now: new Date(clock) }));
      if ((await pending()) === 0) return results;
      clock += stepMs;
    }
    throw new Error(`the outbox still had work after ${maxRounds} rounds`);
  };
}

/**
 * A store wired to a Telegram bot on Tern's Bot API emulator (webhook with the store's secret to
 * Tern's real route over HTTP) and to an emulated BigCommerce store, through the production
 * clients with only base URLs changed.
 */
export async function startTelegramHarness(options: { staffChatId?: number; dispatchEvents?: boolean } = {}): Promise<TelegramHarness> {
  const emulator = await startTelegramEmulator({ webhookRetryMs: 50 });
  process.env.TELEGRAM_API_ROOT = emulator.apiRoot;
  const bigcommerce = await startBigcommerceEmulator();
  const store = await createStore();
  const shop = await connectEmulatedStore(bigcommerce, store);
  const bot = emulator.createBot();
  const { webhookSecret } = await connectStoreBot(db(), {
    storeId: store.id,
    token: bot.token,
    ...(options.staffChatId !== undefined ? { staffChatId: BigInt(options.staffChatId) } : {}),
  });
  const server = await startRouteServer({
    "/api/webhooks/telegram": webhookRoute,
    "/api/v1/attachments/:messageId/:index": attachmentRoute,
  });
  await registerTelegramWebhook(await storeBot(store.id, bot.token), { url: `${server.url}/api/webhooks/telegram`, secret: webhookSecret });

  // Telegram's reactions to committed changes (the CSAT question on Resolved), as in production,
  // and the inbox's live updates once a test gives a socket.io server (pushTo).
  let io: RealtimeServer | undefined;
  const dispatcher = options.dispatchEvents === false ? null : startTestDispatcher({ storeIds: [store.id], telegram: true, io: () => io });
  const workerId = `test-${store.id}`;
  const outbox = outboxDrainer(store.id, workerId);
  const processInbound = async () => {
    await bot.flush();
    await drainInbound(store.id, workerId);
  };
  const sendOutbox = outbox;

  return {
    emulator,
    bot,
    bigcommerce,
    shop,
    store,
    webhookSecret,
    server,
    processInbound,
    sendOutbox,
    pushTo: (server) => {
      io = server;
    },
    settle: async () => {
      await processInbound();
      await sendOutbox();
    },
    close: async () => {
      await dispatcher?.stop();
      await server.close();
      await emulator.close();
      await bigcommerce.close();
    },
  };
}
