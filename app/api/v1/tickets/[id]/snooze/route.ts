import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { snoozeTicket } from "@/lib/tickets/snooze-ticket.ts";
import { snoozeBodySchema } from "@/lib/validations/ticket-actions.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** `{ until: ISO time }` hides the ticket from the default views until then; `{ until: null }` wakes it. */
export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { until } = snoozeBodySchema.parse(await readJson(request));
  const { ticket } = await snoozeTicket(db(), { storeId: actor.storeId, ticketId: params.id, until, actorId: actor.userId });
  return json({ ticket });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
