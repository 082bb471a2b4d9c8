import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createTicket } from "@/lib/tickets/create-ticket.ts";
import { listTickets } from "@/lib/tickets/list-tickets.ts";
import { createTicketBodySchema, parseListTicketsQuery } from "@/lib/validations/tickets.ts";

export const runtime = "nodejs";

export const GET = withApi(async ({ request, actor }) => {
  const { cursor, limit, ...filters } = parseListTicketsQuery(new URL(request.url).searchParams);
  return json(await listTickets(db(), { storeId: actor.storeId, actorId: actor.userId, filters, cursor, limit }));
});

/** A ticket created by hand in the inbox (or through the API): its body is the agent's first note. */
export const POST = withApi(async ({ request, actor }) => {
  const body = createTicketBodySchema.parse(await readJson(request));
  const { ticket } = await createTicket(db(), { ...body, storeId: actor.storeId, source: "MANUAL", actorId: actor.userId });
  return json({ ticket }, 201);
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
