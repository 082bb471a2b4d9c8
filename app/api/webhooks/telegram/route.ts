import { deliveryFromRequest } from "@/lib/api/incoming-delivery.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { answerTelegramWebhook } from "@/lib/telegram/answer-telegram-webhook.ts";

export const runtime = "nodejs";

/** Telegram update receiver (SPEC public contract): see answerTelegramWebhook. The custom server answers it without Next (lib/server/direct-routes.ts). */
export async function POST(request: Request): Promise<Response> {
  return answerTelegramWebhook(deliveryFromRequest(request));
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
