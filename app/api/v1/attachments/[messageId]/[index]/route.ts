import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { attachmentHeaders } from "@/lib/telegram/attachment-headers.ts";
import { fetchTelegramAttachment } from "@/lib/telegram/fetch-telegram-attachment.ts";

export const runtime = "nodejs";

type Params = { messageId: string; index: string };

/** A customer's file, streamed from Telegram through Tern (the bot token stays server-side). */
export const GET = withApi<Params>(async ({ actor, params }) => {
  const file = await fetchTelegramAttachment(db(), { storeId: actor.storeId, messageId: params.messageId, index: params.index });
  return new Response(file.body, { status: 200, headers: attachmentHeaders(file) });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
