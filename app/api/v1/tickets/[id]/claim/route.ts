import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { claimTicket } from "@/lib/tickets/claim-ticket.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** The signed-in agent takes the ticket: 409 when someone else has it or the agent is at capacity. */
export const POST = withApi<Params>(async ({ actor, params }) => {
  const { ticket } = await claimTicket(db(), { storeId: actor.storeId, ticketId: params.id, userId: actor.userId });
  return json({ ticket });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
