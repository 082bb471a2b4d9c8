import type { Telegraf } from "telegraf";
import type { Db } from "@/lib/db/client.ts";
import { writeWhenReachable } from "@/lib/db/write-when-reachable.ts";
import { loadTelegramSettings } from "../load-telegram-settings.ts";
import { storeBot } from "../store-bot.ts";
import { claimDeliveries, type ClaimedDelivery, type ClaimOptions } from "./claim-deliveries.ts";
import { classifySendError } from "./classify-send-error.ts";
import { pumpQueuedMessages } from "./pump-queued-messages.ts";
import { sendDelivery, type SendOutcome } from "./send-delivery.ts";
import { settleDelivery } from "./settle-delivery.ts";

export type OutboxBatchOptions = Omit<ClaimOptions, "now"> & {
  /** The sender's clock: pacing, retry_after and backoff are measured on it (tests move it forward instead of sleeping). */
  now?: Date;
};

export type OutboxBatchResult = { pumped: number; claimed: number; sent: number; retried: number; failed: number; held: number };

// Half the claim lease (claim-deliveries.ts): long enough for a database restart or failover,
// short enough that no other sender has taken the row back meanwhile.
const SETTLE_PATIENCE_MS = 60_000;

async function botsFor(db: Db, deliveries: ClaimedDelivery[]): Promise<Map<string, Telegraf | Error>> {
  const bots = new Map<string, Telegraf | Error>();
  for (const storeId of new Set(deliveries.map((delivery) => delivery.storeId))) {
    try {
      const settings = await loadTelegramSettings(db, storeId);
      if (!settings?.token) throw new Error("No Telegram bot is connected to this store");
      bots.set(storeId, await storeBot(storeId, settings.token));
    } catch (error) {
      bots.set(storeId, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return bots;
}

/**
 * One round of the Telegram sender: queued thread messages into the send queue, then every
 * delivery that may go now (per-chat order and pacing, bot-wide rate) is sent, concurrently
 * across chats, and settled. Status changes reach the inbox through their domain events.
 * Deterministic: no timers; returns when every claimed delivery is settled.
 */
export async function runOutboxBatch(db: Db, options: OutboxBatchOptions): Promise<OutboxBatchResult> {
  const clock = () => options.now ?? new Date();
  const pumped = await pumpQueuedMessages(db, { storeIds: options.storeIds });
  const claimed = await claimDeliveries(db, { ...options, now: clock() });
  const result: OutboxBatchResult = { pumped: pumped.length, claimed: claimed.length, sent: 0, retried: 0, failed: 0, held: 0 };
  if (!claimed.length) return result;

  const bots = await botsFor(db, claimed);
  await Promise.all(
    claimed.map(async (delivery) => {
      const bot = bots.get(delivery.storeId);
      const outcome: SendOutcome & { ticketId?: string } = bot instanceof Error || !bot ? classifySendError(bot ?? new Error("no bot"), delivery.attempts) : await sendDelivery(db, bot, delivery);
      await writeWhenReachable(db, () => settleDelivery(db, delivery, outcome, { workerId: options.workerId, now: clock() }), {
        patienceMs: SETTLE_PATIENCE_MS,
      });
      if (outcome.kind === "sent") result.sent += 1;
      else if (outcome.kind === "retry" || outcome.kind === "topic_gone") result.retried += 1;
      else if (outcome.kind === "blocked") result.held += 1;
      else result.failed += 1;
    }),
  );
  return result;
}
