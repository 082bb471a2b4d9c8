import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { addNote } from "@/lib/tickets/add-note.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { postMessageBodySchema } from "@/lib/validations/tickets.ts";

export const runtime = "nodejs";

type Params = { id: string };

/**
 * A reply goes to the customer; a note stays internal. A reply that names the last entry its
 * agent saw is refused (409, with the newer replies) when someone else answered since, unless
 * it says sendAnyway.
 */
export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { kind, body, lastSeenMessageId, sendAnyway } = postMessageBodySchema.parse(await readJson(request));
  const input = { storeId: actor.storeId, ticketId: params.id, body, actorId: actor.userId };
  const message =
    kind === "reply"
      ? await addReply(db(), { ...input, ...(sendAnyway ? {} : { lastSeenMessageId }) })
      : await addNote(db(), input);
  return json({ message }, 201);
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
