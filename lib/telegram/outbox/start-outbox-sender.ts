import type { Db } from "@/lib/db/client.ts";
import { waitForOutbox } from "./outbox-signal.ts";
import { NO_BOT_REASON } from "./pump-queued-messages.ts";
import { runOutboxBatch } from "./run-outbox-batch.ts";

export type OutboxSender = { stop: () => Promise<void> };

const MAINTENANCE_MS = 60_000;
const KEEP_SENT_MS = 7 * 24 * 3600_000;

/** Once a minute: release replies held for want of a bot once the store has one, and drop old sent rows. */
async function maintain(db: Db, now: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "Message" AS m SET "deliveryStatus" = 'QUEUED', "deliveryError" = NULL
    FROM "Store" AS s
    WHERE m."storeId" = s.id AND s."telegramBotTokenEncrypted" IS NOT NULL
      AND m."deliveryStatus" = 'HELD' AND m.channel = 'TELEGRAM' AND m."deliveryError" = ${NO_BOT_REASON}`;
  await db.telegramDelivery.deleteMany({ where: { status: "SENT", sentAt: { lt: new Date(now.getTime() - KEEP_SENT_MS) } } });
}

/**
 * The Telegram sender's loop: batches back to back while there is work, else a short sleep that a
 * newly queued reply cuts short. Safe to run on every instance (claims are SKIP LOCKED leases).
 */
export function startOutboxSender(db: Db, options: { workerId: string; log: (line: string) => void; pollMs?: number; storeIds?: string[] }): OutboxSender {
  const pollMs = options.pollMs ?? 250;
  const stopping = new AbortController();
  const loop = (async () => {
    let failures = 0;
    let lastMaintenance = 0;
    while (!stopping.signal.aborted) {
      try {
        if (!options.storeIds && Date.now() - lastMaintenance > MAINTENANCE_MS) {
          lastMaintenance = Date.now();
          await maintain(db, new Date());
        }
        const batch = await runOutboxBatch(db, { workerId: options.workerId, storeIds: options.storeIds });
        failures = 0;
        if (batch.claimed > 0) continue;
      } catch (error) {
        failures += 1;
        options.log(`telegram sender: ${error instanceof Error ? error.message : String(error)}`);
        await waitForOutbox(Math.min(30_000, pollMs * 2 ** failures), stopping.signal);
        continue;
      }
      await waitForOutbox(pollMs, stopping.signal);
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
