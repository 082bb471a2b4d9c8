import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { getTicket } from "@/lib/tickets/get-ticket.ts";
import { updateTicket } from "@/lib/tickets/update-ticket.ts";
import { updateTicketBodySchema } from "@/lib/validations/tickets.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const GET = withApi<Params>(async ({ actor, params }) => {
  return json(await getTicket(db(), { storeId: actor.storeId, ticketId: params.id }));
});

export const PATCH = withApi<Params>(async ({ request, actor, params }) => {
  const patch = updateTicketBodySchema.parse(await readJson(request));
  const { ticket } = await updateTicket(db(), { storeId: actor.storeId, ticketId: params.id, actorId: actor.userId, patch });
  return json({ ticket });
});

const notAllowed = methodNotAllowed(["GET", "PATCH"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
