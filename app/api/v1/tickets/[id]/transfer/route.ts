import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { transferTicket } from "@/lib/tickets/transfer-ticket.ts";
import { transferBodySchema } from "@/lib/validations/ticket-actions.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const body = transferBodySchema.parse(await readJson(request));
  const { ticket } = await transferTicket(db(), { storeId: actor.storeId, ticketId: params.id, actorId: actor.userId, ...body });
  return json({ ticket });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
