import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { quoteRefund } from "@/lib/order-actions/quote-refund.ts";
import { refundQuoteBodySchema } from "@/lib/validations/order-actions.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { items } = refundQuoteBodySchema.parse(await readJson(request));
  return json({ quote: await quoteRefund(db(), { storeId: actor.storeId, ticketId: params.id, items }) });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
