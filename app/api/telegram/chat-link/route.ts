import { handleApiError } from "@/lib/api/handle-error.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { db } from "@/lib/db/client.ts";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.ts";
import { storefrontChatLink } from "@/lib/telegram/verification/storefront-chat-link.ts";
import { storefrontChatLinkQuerySchema } from "@/lib/validations/telegram-links.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The storefront's "Chat with us on Telegram" link (public: shoppers are not signed in to Tern).
 * Redirects to the store's bot, signed for the order when the order number and billing email match.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const query = storefrontChatLinkQuerySchema.parse({ store: params.get("store"), order: params.get("order"), email: params.get("email") });
    const address = request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
    const location = await storefrontChatLink(db(), { storeHash: query.store, orderId: query.order, email: query.email, address });
    // Each visit mints a fresh single-use link: nothing here may be cached, nor the order's email leak onwards.
    return new Response(null, { status: 302, headers: { location, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  } catch (error) {
    return handleApiError(error);
  }
}

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
