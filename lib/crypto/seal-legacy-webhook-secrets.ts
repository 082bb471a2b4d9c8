import type { Db } from "@/lib/db/client.ts";
import { bigcommerceSecretColumns, telegramSecretColumns } from "./webhook-secrets.ts";

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
  for (const store of legacy) {
    await db.store.update({
      where: { id: store.id },
      data: {
        ...(store.legacyWebhookSecret !== null ? bigcommerceSecretColumns(store.legacyWebhookSecret) : {}),
        ...(store.legacyTelegramWebhookSecret !== null ? telegramSecretColumns(store.legacyTelegramWebhookSecret) : {}),
        legacyWebhookSecret: null,
        legacyTelegramWebhookSecret: null,
      },
      select: { id: true },
    });
  }
  return legacy.length;
}
