import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { listOrderActions } from "@/lib/order-actions/list-order-actions.ts";
import { orderActionPermissions } from "@/lib/order-actions/order-action-permissions.ts";
import { takeOrderAction } from "@/lib/order-actions/take-order-action.ts";
import { orderActionBodySchema } from "@/lib/validations/order-actions.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** The ticket's actions, and what the caller may do on them (which buttons the inbox shows). */
export const GET = withApi<Params>(async ({ actor, params }) => {
  return json({ items: await listOrderActions(db(), { storeId: actor.storeId, ticketId: params.id }), permissions: orderActionPermissions(actor.role) });
});

/** Refund (after a quote), cancel, or resend tracking; 201 with the action (a held refund is PENDING_APPROVAL). */
export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const body = orderActionBodySchema.parse(await readJson(request));
  return json({ action: await takeOrderAction(db(), { actor, ticketId: params.id, body }) }, 201);
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
