import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { retryDeadLetter } from "@/lib/inbound/retry-dead-letter.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** Puts a dead letter back in the processing queue. */
export const POST = withApi<Params>(
  async ({ actor, params }) => json({ event: await retryDeadLetter(db(), { storeId: actor.storeId, eventId: params.id }) }),
  { roles: ["ADMIN", "SUPERVISOR"] },
);

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
