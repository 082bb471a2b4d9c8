import { deliveryFromRequest } from "@/lib/api/incoming-delivery.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { answerBigcommerceWebhook } from "@/lib/bigcommerce/webhooks/answer-bigcommerce-webhook.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** BigCommerce webhook receiver (public contract): see answerBigcommerceWebhook. The custom server answers it without Next (lib/server/direct-routes.ts). */
export async function POST(request: Request): Promise<Response> {
  return answerBigcommerceWebhook(deliveryFromRequest(request));
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
