import { openBigcommerceSecret } from "@/lib/crypto/webhook-secrets.ts";
import type { Db } from "@/lib/db/client.ts";
import type { StoreStatus } from "@/lib/generated/prisma/enums.ts";
import { processShared } from "@/lib/config/process-registry.ts";

/** `webhookSecret`: opened from its sealed column; null for a store that has none (no delivery can match). */
export type WebhookStore = { id: string; webhookSecret: string | null; status: StoreStatus };

type Cached = { store: WebhookStore | null; at: number; until: number };

// Webhook bursts (a Black Friday) hit the same few stores thousands of times a minute: a short
// per-process cache saves a query per delivery. A secret rotated in that window is re-read
// before any delivery is refused (see receive-bigcommerce-webhook.ts).
const TTL_MS = 30_000;
const MISS_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;
const holder = processShared<{ ternWebhookStores?: Map<string, Cached> }>("bigcommerce/webhook-stores", () => ({}));

function cache(): Map<string, Cached> {
  holder.ternWebhookStores ??= new Map();
  return holder.ternWebhookStores;
}

/** A secret sealed under another key (TERN_ENCRYPTION_KEY changed) matches no delivery: a 401, never a 500. */
function openedOrNull(sealed: string | null): string | null {
  try {
    return openBigcommerceSecret(sealed);
  } catch {
    return null;
  }
}

/**
 * The store a delivery names, by its BigCommerce hash; null when Tern has no such store.
 * `maxAgeMs` asks for a copy at most that old (a re-read before refusing a delivery; bounded so
 * a flood of forged deliveries cannot turn into a flood of queries).
 */
export async function findWebhookStore(db: Db, storeHash: string, options: { maxAgeMs?: number } = {}): Promise<WebhookStore | null> {
  const now = Date.now();
  const hit = cache().get(storeHash);
  if (hit && hit.until > now && (options.maxAgeMs === undefined || now - hit.at <= options.maxAgeMs)) return hit.store;
  const row = await db.store.findUnique({ where: { bigcommerceHash: storeHash }, select: { id: true, webhookSecretSealed: true, status: true } });
  const store = row && { id: row.id, status: row.status, webhookSecret: openedOrNull(row.webhookSecretSealed) };
  if (cache().size >= MAX_ENTRIES) cache().clear();
  cache().set(storeHash, { store, at: now, until: now + (store ? TTL_MS : MISS_TTL_MS) });
  return store;
}
