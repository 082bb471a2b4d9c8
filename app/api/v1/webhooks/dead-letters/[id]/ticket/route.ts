import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readOptionalJson } from "@/lib/api/read-optional-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createTicketFromDeadLetter } from "@/lib/inbound/create-ticket-from-dead-letter.ts";
import { deadLetterTicketBodySchema } from "@/lib/validations/webhooks.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** "Create ticket by hand" from a dead letter; optional `{ subject }`. */
export const POST = withApi<Params>(
  async ({ request, actor, params }) => {
    const { subject } = deadLetterTicketBodySchema.parse(await readOptionalJson(request));
    const { ticket } = await createTicketFromDeadLetter(db(), { storeId: actor.storeId, eventId: params.id, actorId: actor.userId, subject });
    return json({ ticket }, 201);
  },
  { roles: ["ADMIN", "SUPERVISOR"] },
);

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
