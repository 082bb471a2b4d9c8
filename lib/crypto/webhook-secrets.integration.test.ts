import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as bigcommerceWebhook } from "@/app/api/webhooks/bigcommerce/route.ts";
import { POST as telegramWebhook } from "@/app/api/webhooks/telegram/route.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { db } from "@/lib/db/client.ts";
import { queryDatabase } from "@/lib/testing/throwaway-database.ts";
import { sealLegacyWebhookSecrets } from "./seal-legacy-webhook-secrets.ts";
import { bigcommerceSecretColumns, telegramSecretColumns } from "./webhook-secrets.ts";

const DATABASE_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** Every text column of the store's row as PostgreSQL holds it: what a stolen backup would show. */
async function rawStoreRow(storeId: string): Promise<string> {
  const [row] = await queryDatabase<{ row: string }>(DATABASE_URL, `select row_to_json(s)::text as row from "Store" s where id = $1`, [storeId]);
  return row!.row;
}

function bigcommerceDelivery(hash: string, secret: string): Promise<Response> {
  const body = JSON.stringify({ scope: "store/order/created", store_id: "1", data: { type: "order", id: 1 }, hash: randomUUID(), created_at: 1, producer: `stores/${hash}` });
  return bigcommerceWebhook(new Request("http://tern.test/api/webhooks/bigcommerce", { method: "POST", headers: { "content-type": "application/json", [WEBHOOK_SECRET_HEADER]: secret }, body }));
}

function telegramDelivery(secret: string): Promise<Response> {
  const body = JSON.stringify({ update_id: Math.floor(Math.random() * 1e9), message: { message_id: 1, date: 1, chat: { id: 1, type: "private" }, text: "hi" } });
  return telegramWebhook(new Request("http://tern.test/api/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body }));
}

describe("webhook secrets at rest", () => {
  it("are kept sealed (and the Telegram one hashed), never in plain text, and still let the right deliveries in", async () => {
    const secrets = { bigcommerce: randomUUID(), telegram: `tg-${randomUUID()}` };
    const hash = `sealed${randomUUID().slice(0, 8)}`;
    const store = await db().store.create({
      data: { bigcommerceHash: hash, name: "Sealed", ...bigcommerceSecretColumns(secrets.bigcommerce), ...telegramSecretColumns(secrets.telegram) },
      select: { id: true },
    });
    const raw = await rawStoreRow(store.id);
    expect(raw).not.toContain(secrets.bigcommerce);
    expect(raw).not.toContain(secrets.telegram);

    expect((await bigcommerceDelivery(hash, secrets.bigcommerce)).status).toBe(200);
    expect((await bigcommerceDelivery(hash, "wrong")).status).toBe(401);
    expect((await telegramDelivery(secrets.telegram)).status).toBe(200);
    expect((await telegramDelivery(`${secrets.telegram}x`)).status).toBe(401);
  });

  it("seals a store's plain-text secrets from an earlier version at start, and its webhooks keep working", async () => {
    const secrets = { bigcommerce: randomUUID(), telegram: `tg-${randomUUID()}` };
    const hash = `legacy${randomUUID().slice(0, 8)}`;
    const store = await db().store.create({
      data: { bigcommerceHash: hash, name: "Legacy", legacyWebhookSecret: secrets.bigcommerce, legacyTelegramWebhookSecret: secrets.telegram },
      select: { id: true },
    });
    expect(await sealLegacyWebhookSecrets(db())).toBeGreaterThanOrEqual(1);
    const raw = await rawStoreRow(store.id);
    expect(raw).not.toContain(secrets.bigcommerce);
    expect(raw).not.toContain(secrets.telegram);
    expect((await bigcommerceDelivery(hash, secrets.bigcommerce)).status).toBe(200);
    expect((await telegramDelivery(secrets.telegram)).status).toBe(200);
    expect(await sealLegacyWebhookSecrets(db())).toBe(0);
  });
});
