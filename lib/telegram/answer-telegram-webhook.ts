import { handleApiError } from "@/lib/api/handle-error.ts";
import type { IncomingDelivery } from "@/lib/api/incoming-delivery.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { db } from "@/lib/db/client.ts";
import { receiveTelegramWebhook } from "./receive-telegram-webhook.ts";

/** POST /api/webhooks/telegram (SPEC public contract): 200 only once the update is stored; Telegram retries anything else. */
export async function answerTelegramWebhook(delivery: IncomingDelivery): Promise<Response> {
  try {
    const secret = delivery.headers.get("x-telegram-bot-api-secret-token");
    // A customer's text is stored even with a NUL in it (the inbound log cleans it): refusing would lose the message.
    await receiveTelegramWebhook(db(), { secret, readBody: () => readJson(delivery, { keepUnstorable: true }) });
    return new Response(null, { status: 200 });
  } catch (error) {
    return handleApiError(error);
  }
}
