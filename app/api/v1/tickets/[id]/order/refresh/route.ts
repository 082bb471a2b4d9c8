import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { refreshTicketOrder } from "@/lib/tickets/refresh-ticket-order.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** Re-reads the ticket's order from BigCommerce and answers the sidebar (as GET …/context does). */
export const POST = withApi<Params>(async ({ actor, params }) => json(await refreshTicketOrder(db(), { storeId: actor.storeId, ticketId: params.id })));

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
