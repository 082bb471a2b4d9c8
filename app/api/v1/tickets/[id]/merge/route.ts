import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { mergeTickets } from "@/lib/tickets/merge-tickets.ts";
import { mergeBodySchema } from "@/lib/validations/ticket-actions.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** Merges this ticket (the duplicate) into `targetTicketId`, which keeps the conversation. */
export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { targetTicketId } = mergeBodySchema.parse(await readJson(request));
  const result = await mergeTickets(db(), { storeId: actor.storeId, sourceId: params.id, targetId: targetTicketId, actorId: actor.userId });
  return json({ ticket: result.source.ticket, target: result.target.ticket, moved: result.moved.length });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
