import { handleApiError } from "@/lib/api/handle-error.ts";
import type { IncomingDelivery } from "@/lib/api/incoming-delivery.ts";
import { db } from "@/lib/db/client.ts";
import { receiveBigcommerceWebhook } from "./receive-bigcommerce-webhook.ts";

// BigCommerce's light envelopes are a few hundred bytes; seed-form orders a few kilobytes.
const MAX_BODY_BYTES = 1_000_000;

/**
 * POST /api/webhooks/bigcommerce (public contract): 200 with no body once the event is stored (or
 * was already); 400 garbage, 401 unauthenticated, 404 unknown store, all in the API's error shape.
 * Processing happens later, in the inbound worker.
 */
export async function answerBigcommerceWebhook(delivery: IncomingDelivery): Promise<Response> {
  try {
    await receiveBigcommerceWebhook(db(), {
      rawBody: await delivery.text(MAX_BODY_BYTES),
      headers: delivery.headers,
      storeHashFromUrl: new URL(delivery.url).searchParams.get("store"),
    });
    return new Response(null, { status: 200 });
  } catch (error) {
    return handleApiError(error);
  }
}
