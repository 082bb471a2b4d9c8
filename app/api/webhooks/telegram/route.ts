import { handleApiError } from "@/lib/api/handle-error.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { db } from "@/lib/db/client.ts";
import { receiveTelegramWebhook } from "@/lib/telegram/receive-telegram-webhook.ts";

export const runtime = "nodejs";

/** Telegram update receiver (SPEC public contract): 200 only once the update is stored; Telegram retries anything else. */
export async function POST(request: Request): Promise<Response> {
  try {
    const secret = request.headers.get("x-telegram-bot-api-secret-token");
    // A customer's text is stored even with a NUL in it (the inbound log cleans it): refusing would lose the message.
    await receiveTelegramWebhook(db(), { secret, readBody: () => readJson(request, { keepUnstorable: true }) });
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
