import { createHmac, hkdfSync } from "node:crypto";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import { openSecret, sealSecret } from "./secret-box.ts";

/**
 * Where the webhook secrets live in Store: sealed like the access and bot tokens, so a copy of the
 * database does not let anyone forge a store's webhooks. The Telegram secret also has a keyed
 * hash (HMAC-SHA256), because its receiver has nothing but the secret to find the store by.
 */

export function bigcommerceSecretColumns(plain: string): { webhookSecretSealed: string } {
  return { webhookSecretSealed: sealSecret(plain) };
}

/** The store's BigCommerce webhook secret; null for a store that has none yet. */
export function openBigcommerceSecret(sealed: string | null): string | null {
  return sealed === null ? null : openSecret(sealed);
}

function indexKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", runtimeConfig().encryptionKey, "tern-webhook-secret-index", "tern:telegram-webhook-secret", 32));
}

/** The lookup hash of a Telegram webhook secret (the X-Telegram-Bot-Api-Secret-Token header). */
export function telegramSecretHash(plain: string): string {
  return createHmac("sha256", indexKey()).update(plain, "utf8").digest("base64url");
}

export function telegramSecretColumns(plain: string | null): { telegramWebhookSecretSealed: string | null; telegramWebhookSecretHash: string | null } {
  return plain === null
    ? { telegramWebhookSecretSealed: null, telegramWebhookSecretHash: null }
    : { telegramWebhookSecretSealed: sealSecret(plain), telegramWebhookSecretHash: telegramSecretHash(plain) };
}

export function openTelegramSecret(sealed: string | null): string | null {
  return sealed === null ? null : openSecret(sealed);
}
