import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { listMessageEdits } from "@/lib/tickets/list-message-edits.ts";

export const runtime = "nodejs";

type Params = { id: string; messageId: string };

/** The earlier versions of an edited message, newest first. */
export const GET = withApi<Params>(async ({ actor, params }) => {
  const edits = await listMessageEdits(db(), { storeId: actor.storeId, ticketId: params.id, messageId: params.messageId });
  return json({ edits });
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
