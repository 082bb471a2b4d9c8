import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { issueStartLink, startLinkQrSvg } from "@/lib/telegram/verification/issue-start-link.ts";
import { chatLinkBodySchema } from "@/lib/validations/telegram-links.ts";

export const runtime = "nodejs";

/**
 * A signed "Chat with us on Telegram" link for an order or a customer, with its QR code (SVG) for
 * packing slips: whoever opens it arrives in the bot verified for that order. Single use, 60 days.
 */
export const POST = withApi(
  async ({ request, actor }) => {
    const body = chatLinkBodySchema.parse(await readJson(request));
    const subject = "bigcommerceOrderId" in body ? { kind: "order" as const, orderId: body.bigcommerceOrderId } : { kind: "customer" as const, bigcommerceCustomerId: body.bigcommerceCustomerId };
    const link = await issueStartLink(db(), actor.storeId, subject, { actorId: actor.userId });
    return json({ ...link, qrSvg: await startLinkQrSvg(link.url) }, 201);
  },
  // Whoever opens a link becomes that customer's verified chat: supervisors and admins hand them out, audited.
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
