import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { escalateTicket } from "@/lib/tickets/escalate-ticket.ts";
import { escalateBodySchema } from "@/lib/validations/ticket-actions.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { reason } = escalateBodySchema.parse(await readJson(request));
  const { ticket } = await escalateTicket(db(), { storeId: actor.storeId, ticketId: params.id, actorId: actor.userId, reason });
  return json({ ticket });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
