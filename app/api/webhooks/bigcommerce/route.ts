import { handleApiError } from "@/lib/api/handle-error.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readLimitedText } from "@/lib/api/read-limited-text.ts";
import { receiveBigcommerceWebhook } from "@/lib/bigcommerce/webhooks/receive-bigcommerce-webhook.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// BigCommerce's light envelopes are a few hundred bytes; seed-form orders a few kilobytes.
const MAX_BODY_BYTES = 1_000_000;

/**
 * BigCommerce webhook receiver (public contract). 200 with no body once the event is stored
 * (or was already); 400 garbage, 401 unauthenticated, 404 unknown store, all in the API's error
 * shape. Processing happens later, in the inbound worker.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    await receiveBigcommerceWebhook(db(), {
      rawBody: await readLimitedText(request, MAX_BODY_BYTES),
      headers: request.headers,
      storeHashFromUrl: new URL(request.url).searchParams.get("store"),
    });
    return new Response(null, { status: 200 });
  } catch (error) {
    return handleApiError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
