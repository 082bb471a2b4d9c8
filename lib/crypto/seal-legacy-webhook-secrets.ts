import type { Db } from "@/lib/db/client.ts";
import { bigcommerceSecretColumns, telegramSecretColumns, telegramSecretHash } from "./webhook-secrets.ts";

/**
 * Stores from before the webhook secrets were sealed keep them in plain text: seal them (with the
 * Telegram lookup hash) and empty the plain columns. Runs at start after the migrations, needs the
 * encryption key, which SQL does not have. Returns how many stores it sealed.
 */
export async function sealLegacyWebhookSecrets(db: Db): Promise<number> {
  const legacy = await db.store.findMany({
    where: { OR: [{ legacyWebhookSecret: { not: null } }, { legacyTelegramWebhookSecret: { not: null } }] },
    select: { id: true, legacyWebhookSecret: true, legacyTelegramWebhookSecret: true },
  });
  const taken = new Set<string>();
  for (const store of legacy) {
    // Two stores with one Telegram secret cannot both be found by it: the second must reconnect its bot.
    const telegram = store.legacyTelegramWebhookSecret;
    const telegramColumns = telegram !== null && !taken.has(telegram) && !(await hashInUse(db, store.id, telegram)) ? telegramSecretColumns(telegram) : {};
    if (telegram !== null) taken.add(telegram);
    await db.store.update({
      where: { id: store.id },
      data: {
        ...(store.legacyWebhookSecret !== null ? bigcommerceSecretColumns(store.legacyWebhookSecret) : {}),
        ...telegramColumns,
        legacyWebhookSecret: null,
        legacyTelegramWebhookSecret: null,
      },
      select: { id: true },
    });
  }
  return legacy.length;
}

async function hashInUse(db: Db, storeId: string, secret: string): Promise<boolean> {
  return (await db.store.count({ where: { telegramWebhookSecretHash: telegramSecretHash(secret), id: { not: storeId } } })) > 0;
}
