import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { getTicketContext } from "@/lib/tickets/get-ticket-context.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** The order sidebar: the ticket's order (last stored snapshot), customer and tier, their other orders and tickets. */
export const GET = withApi<Params>(async ({ actor, params }) => json(await getTicketContext(db(), { storeId: actor.storeId, ticketId: params.id })));

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
